"""Codes people read out on the phone or at a door (tracking codes, tickets, certificates).

One alphabet for all of them: no 0/O, 1/I/L or 5/S-style pairs that people mix up when
reading or typing; drawn with `secrets`, so they are unguessable."""

import secrets

READABLE_ALPHABET = "23456789ABCDEFGHJKMNPQRTUVWXYZ"


def random_code(length):
    return "".join(secrets.choice(READABLE_ALPHABET) for _ in range(length))


def unique_code(queryset, field, length, prefix=""):
    """A `prefix` + random code that no row of `queryset` holds in `field` yet: drawn again
    while taken (rarely more than once; the field's unique constraint stays the guard)."""
    while True:
        code = prefix + random_code(length)
        if not queryset.filter(**{field: code}).exists():
            return code
