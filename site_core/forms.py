"""Tools every public form shares: the honeypot against naive bots, the checks on free
text (`site_core.text`) and the "phone or email, at least one" rule.

Accessibility wiring is Django's own (5.2): a field with errors gets `aria-invalid="true"`
and `aria-describedby` naming `<id>_helptext` and `<id>_error`; the field template
`components/forms/field.html` gives those ids to the help text and the error message."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .text import guard_text_fields

# The honeypot's name: one naive bots fill in ("website"), and one the site's CSS hides.
HONEYPOT_NAME = "website"


class HoneypotField(forms.CharField):
    """Hidden from people (the template wraps it in an `aria-hidden` block that CSS moves
    off screen) and left out of the tab order; anything typed into it refuses the form."""

    default_error_messages = {
        "honeypot": _("This form looks automated. Leave the last field empty."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Leave this field empty"))
        kwargs.setdefault("required", False)
        kwargs.setdefault(
            "widget", forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"})
        )
        super().__init__(**kwargs)

    def clean(self, value):
        if value:
            raise ValidationError(self.error_messages["honeypot"], code="honeypot")
        return ""


class FixedChoiceField(forms.ChoiceField):
    """A choice field whose list is written in code. Every form copies its fields, and
    Django's deep copy of the list (the kelurahan: dozens of translated labels) costs more
    than the rest of the field; the copies share it instead. A form narrows its choices by
    assigning a new list (as `offer_private_choices_only` does), never by changing this one."""

    def __deepcopy__(self, memo):
        return forms.Field.__deepcopy__(self, memo)  # the widget is still copied


class AliasedChoiceField(FixedChoiceField):
    """A choice that also takes older public words for its values (`aliases`: word ->
    value), so links and cached forms written before the values changed keep working."""

    def __init__(self, *, aliases, **kwargs):
        super().__init__(**kwargs)
        self.aliases = aliases

    def to_python(self, value):
        value = super().to_python(value)
        return self.aliases.get(value, value)

    def prepare_value(self, value):
        # A form bound to an old word shows the choice it means as chosen.
        return self.aliases.get(value, value) if isinstance(value, str) else value


class PublicFormMixin(forms.Form):
    """A form the public fills in: the honeypot, and every text field refusing text made
    only of invisible characters and capped in length (`site_core.text`)."""

    website = HoneypotField()

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Last, as its message says and where the templates render it.
        self.fields[HONEYPOT_NAME] = self.fields.pop(HONEYPOT_NAME)
        guard_text_fields(self)


def require_phone_or_email(form, phone="phone", email="email"):
    """Call from `clean()`: at least one way to reach the person. The error goes on the
    phone field, unless that field already has its own (a malformed number)."""
    data = form.cleaned_data
    if not data.get(phone) and not data.get(email) and phone not in form.errors:
        form.add_error(phone, _("Enter a phone number or an email address."))
