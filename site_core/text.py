"""Free text people type into public forms: visible, and bounded.

A title or reply made only of zero-width spaces passes Django's "required" check (Python's
`str.strip` does not remove them) yet shows staff an empty case. Every public form's text
fields get `reject_invisible_only`, and a length cap where the model gives none.
"""

import unicodedata

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _

# Characters that render as nothing but are not Unicode whitespace or format characters.
_BLANK_LOOKALIKES = {"\u115f", "\u1160", "\u034f", "\u2800", "\u3164", "\uffa0"}
# Control (Cc), format (Cf: zero-width space/joiners, BOM, bidi marks) and separators (Z*).
_INVISIBLE_CATEGORIES = {"Cc", "Cf", "Zs", "Zl", "Zp"}
# Where a model gives a text field no limit, public forms take at most this many characters.
DEFAULT_TEXT_LIMIT = 2000


def is_visibly_empty(value):
    """True for None, "" and text made only of whitespace and invisible characters."""
    return all(
        char.isspace()
        or char in _BLANK_LOOKALIKES
        or unicodedata.category(char) in _INVISIBLE_CATEGORIES
        for char in value or ""
    )


def reject_invisible_only(value):
    if value and is_visibly_empty(value):
        raise ValidationError(
            _("Write some text: this field holds only spaces or invisible characters."),
            code="invisible_only",
        )


def guard_text_fields(form, default_limit=DEFAULT_TEXT_LIMIT):
    """Give every text field of a public form the invisible-text check and a length cap."""
    for field in form.fields.values():
        if not isinstance(field, forms.CharField):
            continue
        if reject_invisible_only not in field.validators:
            field.validators.append(reject_invisible_only)
        if field.max_length is None:
            field.max_length = default_limit
            field.validators.append(MaxLengthValidator(default_limit))
            field.widget.attrs.update(field.widget_attrs(field.widget))
