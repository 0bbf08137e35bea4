"""Codes people read out on the phone or at a door (tracking codes, tickets, certificates).

One alphabet for all of them: no 0/O, 1/I/L or 5/S-style pairs that people mix up when
reading or typing; drawn with `secrets`, so they are unguessable."""

import secrets

READABLE_ALPHABET = "23456789ABCDEFGHJKMNPQRTUVWXYZ"


def random_code(length):
    return "".join(secrets.choice(READABLE_ALPHABET) for _ in range(length))
