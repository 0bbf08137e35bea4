"""CSV/XLSX exports for staff, shared by every app's admin listings.

Staff open exports in a spreadsheet, so a file says what the admin screen says: headings
and choice values as their labels in the user's language (not `tracking_code` or
`banjarbaru-utara`), yes/no rather than True/False, and times in the city's time zone
(settings.TIME_ZONE, WITA) rather than UTC. A cell that starts with = + - @ (or a tab or
CR) is a formula to Excel and LibreOffice; a leading quote keeps it plain text.
"""

import datetime
from decimal import Decimal

from django.contrib.admin.utils import label_for_field
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from wagtail.coreutils import multigetattr

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_VALUES = (bool, int, float, Decimal, datetime.date, datetime.datetime, datetime.time)


def neutralise_formula(value):
    """Numbers and dates pass as they are; anything else becomes text that cannot run."""
    if value is None or isinstance(value, _PLAIN_VALUES):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _model_field(model, name):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def staff_value(item, name):
    """The value as the admin shows it: a choice's label, an object's name."""
    value = multigetattr(item, name)
    field = _model_field(type(item), name) if "." not in name else None
    if field is not None and field.choices and value not in (None, ""):
        return str(dict(field.flatchoices).get(value, value))
    return value


def local_time(value):
    """An aware datetime as a naive one in the city's time zone (what staff read)."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.make_naive(value)
    return value


class StaffExportMixin:
    """For a Wagtail IndexView/ReportView with `list_export`: see the module docstring.
    Headings come from `export_headings`, then from the listing's column of the same name,
    then from the model field's verbose name."""

    def to_row_dict(self, item):
        return {name: staff_value(item, name) for name in self.list_export}

    def preprocess_field_value(self, field, value, export_format):
        value = local_time(value)
        if value is None:
            value = ""
        elif isinstance(value, bool):
            value = _("Yes") if value else _("No")
        elif export_format == self.FORMAT_CSV and isinstance(value, datetime.datetime):
            value = date_format(value, "Y-m-d H:i")
        return neutralise_formula(super().preprocess_field_value(field, value, export_format))

    def get_heading(self, queryset, field):
        if field in self.export_headings:
            return capfirst(str(self.export_headings[field]))
        for column in getattr(self, "columns", None) or ():
            if field in (getattr(column, "name", None), getattr(column, "accessor", None)):
                return capfirst(str(column.label))
        # The queryset may be a list (an export that logs what it sends reads it first).
        model = getattr(queryset, "model", None) or getattr(self, "model", None)
        try:
            return capfirst(str(label_for_field(field, model)))
        except (AttributeError, FieldDoesNotExist):
            return capfirst(field.replace("_", " "))

    def stream_csv(self, queryset):
        # The response streams after the view returns and the admin's language override has
        # ended: keep the user's language for the headings and labels of every row.
        with translation.override(translation.get_language()):
            yield from super().stream_csv(queryset)
