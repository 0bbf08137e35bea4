"""Spreadsheet safety: a cell that starts with = + - @ tab or CR is a formula to Excel
and LibreOffice; prefixing a quote makes it plain text again."""

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
