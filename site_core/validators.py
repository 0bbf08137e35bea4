"""Validators shared by every public form."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Format (zero-width, joiners, direction marks), control, separator and unassigned
# characters: text made only of these looks empty on screen.
INVISIBLE_CATEGORIES = {"Cf", "Cc", "Cs", "Co", "Cn", "Zs", "Zl", "Zp"}


def reject_invisible_only(value):
    """Refuse text that has characters but none a reader can see (e.g. zero-width spaces)."""
    if value and all(unicodedata.category(ch) in INVISIBLE_CATEGORIES for ch in str(value)):
        raise ValidationError(
            _("This field contains only invisible characters. Write some visible text."),
            code="invisible_only",
        )
