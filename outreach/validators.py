"""Indonesian identifiers people type into outreach forms: NPSN and phone numbers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

_SEPARATORS = re.compile(r"[\s\-.()/]")
# Mobile numbers: 08xx plus 7-10 digits; landlines: a 2-3 digit area code (e.g. 0511
# for Banjarbaru) and a 5-8 digit subscriber number.
_MOBILE = re.compile(r"^8[1-9]\d{7,10}$")
_LANDLINE = re.compile(r"^[2-7]\d{6,10}$")


def normalise_phone(value):
    """Return an Indonesian phone number as +62..., or raise ValidationError.

    Accepts 08..., 628..., +628... and landlines with their area code (0511 ...).
    """
    raw = _SEPARATORS.sub("", (value or "").strip())
    if raw.startswith("+62"):
        national = raw[3:]
    elif raw.startswith("62"):
        national = raw[2:]
    elif raw.startswith("0"):
        national = raw[1:]
    else:
        raise ValidationError(
            _("Enter an Indonesian phone number, such as 0812 3456 7890 or 0511 477 0000."),
            code="phone_format",
        )
    if not national.isdigit() or not (_MOBILE.match(national) or _LANDLINE.match(national)):
        raise ValidationError(
            _("Enter an Indonesian phone number, such as 0812 3456 7890 or 0511 477 0000."),
            code="phone_format",
        )
    return "+62" + national


def validate_npsn(value):
    """NPSN, the national school number: exactly 8 digits."""
    if not re.fullmatch(r"\d{8}", value or ""):
        raise ValidationError(_("The NPSN has exactly 8 digits."), code="npsn")


def normalise_npsn(value):
    cleaned = re.sub(r"\s", "", value or "")
    validate_npsn(cleaned)
    return cleaned


def age_on(date_of_birth, today):
    return (
        today.year
        - date_of_birth.year
        - ((today.month, today.day) < (date_of_birth.month, date_of_birth.day))
    )
