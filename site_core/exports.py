"""Spreadsheet safety for every CSV/XLSX export: a cell that starts with = + - @ (or a tab
or CR) is a formula to Excel and LibreOffice; a leading quote keeps it plain text."""

import datetime
from decimal import Decimal

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_VALUES = (bool, int, float, Decimal, datetime.date, datetime.datetime, datetime.time)


def neutralise_formula(value):
    """Numbers and dates pass as they are; anything else becomes text that cannot run."""
    if value is None or isinstance(value, _PLAIN_VALUES):
        return value
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text
