"""Public forms. Every field has a label; errors and help are tied to the input with
aria-describedby so screen readers announce them."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_core.areas import KECAMATAN_CHOICES
from site_core.audiences import FROM_INDONESIAN, Audience
from site_core.forms import AliasedChoiceField, PublicFormMixin, require_phone_or_email
from site_core.localized_urls import name_fields_as_query
from site_core.uploads import check_size, clean_upload

from .models.ambassadors import APPLICATION_FIELDS, AmbassadorActivity, AmbassadorApplication
from .models.assisted_reporting import ASSISTED_REQUEST_FIELDS, AssistedReportRequest
from .models.choices import AssistedRequestMethod
from .models.school_requests import SCHOOL_REQUEST_FIELDS, SchoolSessionRequest
from .validators import age_on, normalise_npsn, normalise_phone

SCHOOL_NOTE_MAX_LENGTH = 1000
YES_NO_AGE = [("no", _("18 or older")), ("yes", _("Under 18"))]


def _clean_phone(value, required=True):
    value = (value or "").strip()
    if not value:
        if required:
            raise ValidationError(_("Enter a phone number."))
        return ""
    return normalise_phone(value)


class GuardianMixin:
    """Under-18s need a guardian's name, contact and consent."""

    def _check_guardian(self, cleaned, under_18):
        if not under_18:
            cleaned["guardian_name"] = ""
            cleaned["guardian_contact"] = ""
            cleaned["guardian_consent"] = False
            return
        if not cleaned.get("guardian_name"):
            self.add_error("guardian_name", _("Under 18: enter a parent's or guardian's name."))
        if not cleaned.get("guardian_contact"):
            self.add_error(
                "guardian_contact", _("Under 18: enter a parent's or guardian's phone or email.")
            )
        if not cleaned.get("guardian_consent"):
            self.add_error("guardian_consent", _("Under 18: a parent or guardian must agree."))


def guardian_fields():
    """Fresh (name, contact, consent) fields; required only for under-18s, in clean()."""
    return (
        forms.CharField(label=_("Parent or guardian's name"), max_length=160, required=False),
        forms.CharField(
            label=_("Parent or guardian's phone or email"), max_length=160, required=False
        ),
        forms.BooleanField(
            label=_("My parent or guardian knows and agrees"),
            required=False,
            help_text=_("Needed for anyone under 18."),
        ),
    )


class RegistrationForm(GuardianMixin, PublicFormMixin, forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=160)
    affiliation = forms.CharField(
        label=_("School and class, or organisation"), max_length=200, required=False
    )
    phone = forms.CharField(
        label=_("Phone"),
        max_length=30,
        required=False,
        help_text=_("Phone or email: at least one."),
    )
    email = forms.EmailField(label=_("Email"), required=False)
    under_18 = forms.ChoiceField(label=_("Your age"), choices=YES_NO_AGE, widget=forms.RadioSelect)
    date_of_birth = forms.DateField(
        label=_("Date of birth (optional)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    guardian_name, guardian_contact, guardian_consent = guardian_fields()
    accessibility_needs = forms.CharField(
        label=_("Anything we should arrange for you? (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For example wheelchair access, a sign-language interpreter, large print."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are used to organise this event"),
        help_text=_(
            "Only the event staff see them. Contact details are erased a year after the event."
        ),
    )

    def clean_phone(self):
        return _clean_phone(self.cleaned_data.get("phone"), required=False)

    def clean(self):
        cleaned = super().clean()
        require_phone_or_email(self)
        under_18 = cleaned.get("under_18") == "yes"
        dob = cleaned.get("date_of_birth")
        if dob:
            today = timezone.localdate()
            if dob >= today:
                self.add_error("date_of_birth", _("Enter a date in the past."))
            elif (age_on(dob, today) < 18) != under_18:
                self.add_error("under_18", _("Your age does not match your date of birth."))
        self._check_guardian(cleaned, under_18)
        return cleaned

    def registration_fields(self):
        data = self.cleaned_data
        now = timezone.now()
        under_18 = data["under_18"] == "yes"
        return {
            "name": data["name"],
            "affiliation": data["affiliation"],
            "phone": data["phone"],
            "email": data["email"],
            "under_18": under_18,
            "date_of_birth": data.get("date_of_birth"),
            "guardian_name": data["guardian_name"],
            "guardian_contact": data["guardian_contact"],
            "guardian_consent_at": now if under_18 else None,
            "accessibility_needs": data["accessibility_needs"],
            "consent_at": now,
        }


class DateInput(forms.DateInput):
    input_type = "date"


class SchoolRequestForm(PublicFormMixin, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that these details are used to arrange the session")
    )

    class Meta:
        model = SchoolSessionRequest
        fields = SCHOOL_REQUEST_FIELDS
        widgets = {
            "preferred_date_1": DateInput(),
            "preferred_date_2": DateInput(),
            "preferred_date_3": DateInput(),
            "address": forms.Textarea(attrs={"rows": 2}),
            "equipment": forms.Textarea(attrs={"rows": 2}),
            "accessibility_needs": forms.Textarea(attrs={"rows": 2}),
        }
        help_texts = {
            "npsn": _("The 8-digit national school number (NPSN)."),
            "phone": _("For example 0812 3456 7890 or 0511 477 0000."),
            "grades": _("For example: grades 10 and 11."),
            "preferred_date_2": _("Give two or three different dates."),
            "hall_size": _("For example: hall for 200 people, or a classroom."),
            "equipment": _("For example: projector, sound system."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["npsn"] = forms.CharField(
            label=_("NPSN"), max_length=12, help_text=self.fields["npsn"].help_text
        )
        self.fields["npsn"].widget.attrs.update(inputmode="numeric", autocomplete="off")
        self.fields["phone"].max_length = 30
        self.fields["phone"].widget.attrs.update(type="tel", autocomplete="tel")
        self.fields["email"].widget.attrs.update(autocomplete="email")
        # The model's text columns have no limit; what the form takes does.
        for name in ("equipment", "accessibility_needs"):
            field = self.fields[name]
            field.max_length = SCHOOL_NOTE_MAX_LENGTH
            field.validators.append(MaxLengthValidator(SCHOOL_NOTE_MAX_LENGTH))
            field.widget.attrs["maxlength"] = str(SCHOOL_NOTE_MAX_LENGTH)

    def clean_npsn(self):
        return normalise_npsn(self.cleaned_data.get("npsn"))

    def clean_phone(self):
        return _clean_phone(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        today = timezone.localdate()
        dates = []
        for name in ("preferred_date_1", "preferred_date_2", "preferred_date_3"):
            value = cleaned.get(name)
            if value is None:
                continue
            if value <= today:
                self.add_error(name, _("Choose a date in the future."))
            elif value in dates:
                self.add_error(name, _("Choose a different date from your other choices."))
            dates.append(value)
        return cleaned


class AmbassadorApplicationForm(GuardianMixin, PublicFormMixin, forms.ModelForm):
    guardian_name, guardian_contact, guardian_consent = guardian_fields()
    public_profile = forms.BooleanField(
        label=_("If accepted, show my name and school on the site"),
        required=False,
        help_text=_("Optional. Tell us if you change your mind later."),
    )
    consent = forms.BooleanField(
        label=_("I agree that my details are used to assess my application")
    )

    class Meta:
        model = AmbassadorApplication
        fields = APPLICATION_FIELDS
        widgets = {
            "date_of_birth": DateInput(),
            "motivation": forms.Textarea(attrs={"rows": 5}),
            "activities": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "motivation": _("Why do you want to be a Duta Lapor?"),
            "social_media": _("Optional: an account name or link."),
        }

    def __init__(self, *args, program, **kwargs):
        self.program = program
        super().__init__(*args, **kwargs)
        self.fields["phone"].max_length = 30
        self.fields["phone"].widget.attrs.update(type="tel", autocomplete="tel")

    def clean_phone(self):
        return _clean_phone(self.cleaned_data.get("phone"))

    def clean(self):
        cleaned = super().clean()
        dob = cleaned.get("date_of_birth")
        under_18 = False
        if dob:
            today = timezone.localdate()
            age = age_on(dob, today)
            under_18 = age < 18
            source = self.program.canonical()
            if dob >= today:
                self.add_error("date_of_birth", _("Enter a date in the past."))
            elif source.min_age and age < source.min_age:
                self.add_error(
                    "date_of_birth",
                    _("Applicants must be at least %(age)s years old.") % {"age": source.min_age},
                )
            elif source.max_age and age > source.max_age:
                self.add_error(
                    "date_of_birth",
                    _("Applicants must be at most %(age)s years old.") % {"age": source.max_age},
                )
        self._check_guardian(cleaned, under_18)
        self.under_18 = under_18
        return cleaned

    def save(self, commit=True):
        application = super().save(commit=False)
        now = timezone.now()
        application.program = self.program.canonical()
        application.guardian_name = self.cleaned_data["guardian_name"]
        application.guardian_contact = self.cleaned_data["guardian_contact"]
        application.guardian_consent_at = now if self.under_18 else None
        application.public_profile = self.cleaned_data["public_profile"]
        application.consent_at = now
        if commit:
            application.save()
        return application


class ActivityForm(PublicFormMixin, forms.ModelForm):
    class Meta:
        model = AmbassadorActivity
        fields = [
            "date",
            "title",
            "kecamatan",
            "sessions_held",
            "people_reached",
            "schools_reached",
            "photo",
        ]
        # A plain file field: Django's ImageField would open the image before our checks.
        field_classes = {"photo": forms.FileField}
        widgets = {
            "date": DateInput(),
            "photo": forms.ClearableFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        }

    def clean_date(self):
        value = self.cleaned_data["date"]
        if value > timezone.localdate():
            raise ValidationError(_("Report activities after they happen."))
        if value < timezone.localdate() - datetime.timedelta(days=366):
            raise ValidationError(_("Report activities from the last year."))
        return value

    def clean_photo(self):
        """Only the byte count here: the photo is decoded in clean(), once all else passed."""
        photo = self.cleaned_data.get("photo")
        if photo and hasattr(photo, "read"):
            check_size(photo, "photo")
        return photo

    def clean(self):
        cleaned = super().clean()
        photo = cleaned.get("photo")
        if self._errors or not hasattr(photo, "read"):
            return cleaned
        try:
            cleaned["photo"] = clean_upload(photo, "photo").content
        except ValidationError as error:
            self.add_error("photo", error)
        return cleaned


class AssistedReportForm(PublicFormMixin, forms.ModelForm):
    consent = forms.BooleanField(label=_("I agree that staff contact me about my report"))

    class Meta:
        model = AssistedReportRequest
        fields = ASSISTED_REQUEST_FIELDS
        widgets = {
            "method": forms.RadioSelect,
            "address": forms.Textarea(attrs={"rows": 2}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "phone": _("Phone or email: at least one."),
            "preferred_time": _("For example: weekday mornings."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["phone"].max_length = 30
        self.fields["kecamatan"].choices = [("", _("Choose…")), *KECAMATAN_CHOICES]
        # A radio list has no "nothing chosen" row: the model's blank choice would show as a
        # pre-selected "---------" option.
        self.fields["method"].choices = AssistedRequestMethod.choices

    def clean_phone(self):
        return _clean_phone(self.cleaned_data.get("phone"), required=False)

    def clean(self):
        cleaned = super().clean()
        require_phone_or_email(self)
        if cleaned.get("method") == "home_visit" and not cleaned.get("address"):
            self.add_error("address", _("Enter the address for the visit."))
        return cleaned


class EventFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("When"),
        choices=[("upcoming", _("Upcoming")), ("past", _("Past"))],
        required=False,
    )
    program = forms.TypedChoiceField(label=_("Program"), coerce=int, required=False)
    kecamatan = forms.ChoiceField(
        label=_("Kecamatan"), choices=[("", _("All"))] + KECAMATAN_CHOICES, required=False
    )
    audience = AliasedChoiceField(label=_("Audience"), required=False, aliases=FROM_INDONESIAN)

    def __init__(self, *args, programs, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["program"].choices = [("", _("All"))] + [(p.pk, p.title) for p in programs]
        self.fields["audience"].choices = [("", _("All"))] + list(Audience.choices)


class VerifyForm(forms.Form):
    code = forms.CharField(
        label=_("Certificate code"), max_length=20, help_text=_("For example LPR-ABCD2345EF.")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_fields_as_query(self)  # ?kode= in Indonesian, ?code= in English
