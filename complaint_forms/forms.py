"""Forms citizens and staff fill in."""

import datetime
import re
import uuid
from urllib.error import URLError

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from site_core.areas import KECAMATAN_CHOICES, KELURAHAN_CHOICES, OUTSIDE_CITY, kelurahan_in
from site_core.forms import AliasedChoiceField, FixedChoiceField, HoneypotField
from site_core.languages import active_content_language
from site_core.localized_urls import name_fields_as_query
from site_core.models import WorkUnit
from site_core.text import reject_invisible_only
from site_core.uploads import check_size, clean_upload

from .choices import KIND_FROM_INDONESIAN, Channel, ContactChannel, Kind, Privacy, RejectionReason
from .records import CASE_FIELDS, REPORTER_FIELDS, Category

# Bidirectional embedding/override/isolate controls: invisible, and used to disguise text
# and file names ("gpj.exe" shown as "exe.jpg").
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
PHONE_RE = re.compile(r"^\+?[0-9][0-9 ()\-]{5,19}$")
# Something that a browser would read as a tag or comment. "harga < 5000" or "<3" pass.
MARKUP = re.compile(r"<\s*[a-zA-Z!/?]")


def reject_bidi_controls(value):
    if value and BIDI_CONTROLS.search(value):
        raise ValidationError(
            _("Remove the invisible text-direction characters from this field."),
            code="bidi_control",
        )


def reject_markup(value):
    """Reports are plain text. Markup is refused with a clear message rather than stored:
    it is escaped everywhere anyway, but staff copy reports into letters and other systems."""
    if value and MARKUP.search(value):
        raise ValidationError(
            _("Write plain text: remove the HTML tags (text between < and >)."), code="markup"
        )


def validate_phone(value):
    if value and not PHONE_RE.match(value):
        raise ValidationError(
            _("Enter a phone number with digits only, e.g. 0812 3456 7890."), code="phone"
        )


class TextField(forms.CharField):
    """A CharField that also refuses text-direction control characters, markup and text
    made only of invisible characters (NUL bytes are already refused by Django)."""

    default_validators = [reject_bidi_controls, reject_markup, reject_invisible_only]


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data if item]
        return [single(data, initial)] if data else []


def captcha_field():
    """reCAPTCHA v3 (scored) by default, v2 checkbox where configured. Only built when
    settings.RECAPTCHA_ENABLED: the embedded default runs offline without it."""
    from django_recaptcha.fields import ReCaptchaField
    from django_recaptcha.widgets import ReCaptchaV2Checkbox, ReCaptchaV3

    class SafeReCaptchaField(ReCaptchaField):
        default_error_messages = {
            **ReCaptchaField.default_error_messages,
            "captcha_unreachable": _(
                "We could not check that you are not a robot because the captcha service "
                "cannot be reached. Nothing was sent and what you typed is kept: please "
                "try again in a minute."
            ),
            "captcha_invalid": _("The robot check failed. Please try again."),
            "captcha_error": _(
                "The captcha service did not answer. Nothing was sent and what you typed "
                "is kept: please try again in a minute."
            ),
        }

        def validate(self, value):
            try:
                super().validate(value)
            except (URLError, OSError, TimeoutError, ValueError, KeyError) as error:
                raise ValidationError(
                    self.error_messages["captcha_unreachable"], code="captcha_unreachable"
                ) from error

    class CspReCaptchaV3(ReCaptchaV3):
        """The package's template has an inline script; ours loads a static file."""

        template_name = "complaint_forms/recaptcha_v3.html"

        def render(self, name, value, attrs=None, renderer=None):
            # Rendered with the site's template engine, where templates/ lives.
            context = self.get_context(name, value, attrs)
            return mark_safe(render_to_string(self.template_name, context))  # noqa: S308

    if getattr(settings, "RECAPTCHA_WIDGET", "v3") == "v2":
        widget = ReCaptchaV2Checkbox()
    else:
        widget = CspReCaptchaV3(action="report", required_score=settings.RECAPTCHA_REQUIRED_SCORE)
    return SafeReCaptchaField(widget=widget, label=_("Robot check"))


def category_choices_queryset():
    """Topics in the active language; the default language's where none are translated."""
    language = active_content_language()
    translated = Category.objects.filter(locale__language_code=language)
    if language == settings.LANGUAGE_CODE:  # nothing to fill in: a simpler query to build
        return translated.select_related("default_unit")
    untranslated = Category.objects.filter(locale__language_code=settings.LANGUAGE_CODE).exclude(
        translation_key__in=translated.values("translation_key")
    )
    return (translated | untranslated).select_related("default_unit")


class ReportFields(forms.Form):
    """What a report says, shared by the public form and the staff's offline form."""

    kind = AliasedChoiceField(
        label=_("What do you want to send?"),
        choices=Kind.choices,
        aliases=KIND_FROM_INDONESIAN,
        initial=Kind.COMPLAINT,
        widget=forms.RadioSelect,
    )
    category = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Category.objects.none(),
        required=False,
        empty_label=_("I don't know / other"),
    )
    title = TextField(label=_("Title"), max_length=150, help_text=_("A short summary."))
    description = TextField(
        label=_("What happened?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("What, where, when and who was involved. At most 5000 characters."),
    )
    incident_date = forms.DateField(
        label=_("When did it happen?"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    kecamatan = FixedChoiceField(
        label=_("Kecamatan"),
        choices=[("", _("Choose…"))] + KECAMATAN_CHOICES,
        required=False,
    )
    kelurahan = FixedChoiceField(
        label=_("Kelurahan"),
        choices=[("", _("Choose…"))] + KELURAHAN_CHOICES,
        required=False,
    )
    location_detail = TextField(
        label=_("Place"),
        max_length=200,
        required=False,
        help_text=_("Street, building or landmark."),
    )
    privacy = FixedChoiceField(
        label=_("Who may know that you sent this?"),
        choices=Privacy.choices,
        initial=Privacy.PUBLIC,
        widget=forms.RadioSelect,
        help_text=_(
            "Anonymous: we store no name or contact, so we cannot contact you. "
            "Confidential: only the complaint coordinators see who you are."
        ),
    )
    reporter_name = TextField(label=_("Your name"), max_length=120, required=False)
    reporter_email = forms.EmailField(label=_("Email"), max_length=254, required=False)
    reporter_phone = TextField(
        label=_("Phone or WhatsApp"), max_length=20, required=False, validators=[validate_phone]
    )
    contact_channel = FixedChoiceField(
        label=_("How should we contact you?"),
        choices=ContactChannel.choices,
        initial=ContactChannel.EMAIL,
    )
    accessibility_needs = TextField(
        label=_("Accessibility needs"),
        max_length=300,
        required=False,
        help_text=_('For example "contact me by text only" or "I use sign language".'),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = category_choices_queryset()

    def clean(self):
        data = super().clean()
        kecamatan, kelurahan = data.get("kecamatan"), data.get("kelurahan")
        if kelurahan and kecamatan and kecamatan != OUTSIDE_CITY:
            if kelurahan not in kelurahan_in(kecamatan):
                self.add_error("kelurahan", _("This kelurahan is not in the chosen kecamatan."))
        category = data.get("category")
        if category and category.is_gender_based and data.get("privacy") == Privacy.PUBLIC:
            data["privacy"] = Privacy.CONFIDENTIAL
        if data.get("privacy") == Privacy.ANONYMOUS:
            for name in ("reporter_name", "reporter_email", "reporter_phone"):
                data[name] = ""
            data["contact_channel"] = ContactChannel.NONE
        else:
            self._require_contact(data)
        return data

    def offer_private_choices_only(self):
        """Where a report must not be public (gender-based harm), do not offer "Public"."""
        field = self.fields["privacy"]
        field.choices = [choice for choice in field.choices if choice[0] != Privacy.PUBLIC]
        if self.initial.get("privacy", field.initial) == Privacy.PUBLIC:
            self.initial["privacy"] = Privacy.CONFIDENTIAL

    def _require_contact(self, data):
        channel = data.get("contact_channel")
        # The channel follows what the citizen gave: a phone number and no email means phone.
        if channel == ContactChannel.EMAIL and not data.get("reporter_email"):
            if data.get("reporter_phone"):
                channel = data["contact_channel"] = ContactChannel.PHONE
        elif channel in (ContactChannel.PHONE, ContactChannel.TEXT) and not data.get(
            "reporter_phone"
        ):
            if data.get("reporter_email"):
                channel = data["contact_channel"] = ContactChannel.EMAIL
        if channel == ContactChannel.EMAIL and not data.get("reporter_email"):
            self.add_error("reporter_email", _("Give an email address, or choose another way."))
        if channel in (ContactChannel.PHONE, ContactChannel.TEXT) and not data.get(
            "reporter_phone"
        ):
            self.add_error("reporter_phone", _("Give a phone number, or choose another way."))


class AttachmentsMixin(forms.Form):
    """Files attached to a report, checked by `site_core.uploads` (size, type by content,
    images re-encoded without metadata, safe names); citizens' and staff's forms share it.
    Only the cheap checks run per field: files are decoded in clean(), once all else
    (captcha, honeypot, every field) has passed."""

    attachments = MultipleFileField(
        label=_("Attachments (optional)"),
        required=False,
        help_text=_("Up to 3 files: photos, PDF, a short video or a voice note, 10 MB each."),
    )

    def clean_attachments(self):
        uploads = self.cleaned_data.get("attachments") or []
        limit = settings.COMPLAINT_ATTACHMENT_MAX_FILES
        if len(uploads) > limit:
            raise ValidationError(
                _("Attach at most %(count)d files.") % {"count": limit}, code="too_many"
            )
        for upload in uploads:
            check_size(upload, "attachment")
        return uploads

    def clean(self):
        data = super().clean()
        if self._errors or not data.get("attachments"):
            return data
        try:
            data["attachments"] = [clean_upload(upload) for upload in data["attachments"]]
        except ValidationError as error:
            self.add_error("attachments", error)
        return data


class ReportForm(AttachmentsMixin, ReportFields):
    """The public intake form."""

    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my report is processed."),
        required=True,
        error_messages={"required": _("Please agree to the privacy notice to send.")},
    )
    # Honeypot: hidden from people (CSS and aria-hidden), filled in by naive bots.
    website = HoneypotField(max_length=200)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    field_order = [*CASE_FIELDS, "attachments", *REPORTER_FIELDS, "consent"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["idempotency_key"].initial = uuid.uuid4
        if getattr(settings, "RECAPTCHA_ENABLED", False):
            self.fields["captcha"] = captcha_field()

    def has_captcha_outage(self):
        return any(
            error.code == "captcha_unreachable"
            for error in self.errors.as_data().get("captcha", [])
        )


# The public form speaks to the citizen ("Your name"); staff recording a report on a
# citizen's behalf read about "the reporter". Field name -> (label, help text or None).
STAFF_WORDING = {
    "kind": (_("Kind of report"), None),
    "category": (_("Category"), None),
    "description": (
        _("What the reporter says happened"),
        _("What, where, when and who was involved. At most 5000 characters."),
    ),
    "incident_date": (_("Date of the incident"), None),
    "privacy": (
        _("Reporter's privacy"),
        _(
            "Anonymous: no name or contact is stored, so the reporter cannot be contacted. "
            "Confidential: only the complaint coordinators see who the reporter is."
        ),
    ),
    "reporter_name": (_("Reporter's name"), None),
    "reporter_email": (_("Reporter's email"), None),
    "reporter_phone": (_("Reporter's phone or WhatsApp"), None),
    "contact_channel": (_("How to contact the reporter"), None),
    "accessibility_needs": (
        _("Reporter's accessibility needs"),
        _('For example "contact by text message only" or "uses sign language".'),
    ),
    "attachments": (
        _("Attachments (optional)"),
        _("A scanned letter, photos or a voice recording: up to 3 files, 10 MB each."),
    ),
}
STAFF_CONTACT_CHOICES = [
    (ContactChannel.EMAIL, _("Email")),
    (ContactChannel.PHONE, _("Phone call")),
    (ContactChannel.TEXT, _("Text message / WhatsApp only")),
    (ContactChannel.NONE, _("Do not contact the reporter")),
]


class OfflineReportForm(AttachmentsMixin, ReportFields):
    """Staff record a report received on the citizen's behalf (walk-in, phone, letter...).

    Deadlines count from the day the city received the report, which may be before the
    day it is entered (a letter opened on Monday, entered on Wednesday)."""

    channel = forms.ChoiceField(
        label=_("Received by"),
        choices=[choice for choice in Channel.choices if choice[0] != Channel.WEB],
    )
    received_on = forms.DateField(
        label=_("Date received"),
        help_text=_("The day the city received the report; deadlines count from this day."),
        widget=forms.DateInput(attrs={"type": "date"}),
    )

    field_order = ["channel", "received_on"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, (label, help_text) in STAFF_WORDING.items():
            self.fields[name].label = label
            if help_text is not None:
                self.fields[name].help_text = help_text
        self.fields["contact_channel"].choices = STAFF_CONTACT_CHOICES
        self.fields["received_on"].initial = timezone.localdate
        self.fields["received_on"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean_received_on(self):
        received_on = self.cleaned_data["received_on"]
        if received_on > timezone.localdate():
            raise ValidationError(
                _("The date received cannot be in the future."), code="future_date"
            )
        return received_on

    def received_at(self):
        """When the report was received: now if today, else noon (WITA) of that day, so it
        sorts among that day's reports; only the date counts for deadlines."""
        received_on = self.cleaned_data["received_on"]
        now = timezone.localtime()
        if received_on == now.date():
            return now
        return timezone.make_aware(datetime.datetime.combine(received_on, datetime.time(12)))

    def _require_contact(self, data):
        """Staff may record a report without a way to reach the citizen."""


class LookupForm(forms.Form):
    """The tracking-code look-up (a GET form): its field is named as the tracking page's
    query parameter in the active language (?kode= in Indonesian, ?code= in English)."""

    code = forms.CharField(label=_("Tracking code"), max_length=20)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name_fields_as_query(self)


class ReplyForm(forms.Form):
    message = TextField(label=_("Your reply"), max_length=5000, widget=forms.Textarea)


class AppealForm(forms.Form):
    message = TextField(
        label=_("Why are you not satisfied with the answer?"),
        max_length=5000,
        widget=forms.Textarea,
    )


class RatingForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("How satisfied are you with the answer? (1 = not at all, 5 = very)"),
        choices=[(i, str(i)) for i in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = TextField(
        label=_("Comment (optional)"), max_length=1000, required=False, widget=forms.Textarea
    )


class StaffMessageForm(forms.Form):
    public_message = TextField(
        label=_("Message to the citizen (public)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    internal_note = TextField(
        label=_("Internal note (staff only)"),
        max_length=5000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RejectForm(StaffMessageForm):
    reason = forms.ChoiceField(label=_("Reason"), choices=RejectionReason.choices)


class AssignForm(StaffMessageForm):
    unit = forms.ModelChoiceField(label=_("Work unit"), queryset=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = WorkUnit.objects.filter(is_active=True)


class RequiredMessageForm(StaffMessageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["public_message"].required = True


# The form each transition of the table collects its input with (`Transition.form`).
TRANSITION_FORMS = {
    "message": StaffMessageForm,
    "required_message": RequiredMessageForm,
    "reject": RejectForm,
    "assign": AssignForm,
    "reply": ReplyForm,
    "appeal": AppealForm,
    "rating": RatingForm,
}
