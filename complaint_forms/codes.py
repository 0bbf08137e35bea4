"""Tracking codes: unguessable, short enough to read out on the phone."""

from site_core.codes import random_code

PREFIX = "BJB"
GROUPS = 2
GROUP_LENGTH = 4


def generate_tracking_code():
    """e.g. ``BJB-7KQ4-M2XD``: 30**8 (about 6.6e11) codes, drawn with `secrets`."""
    groups = (random_code(GROUP_LENGTH) for _ in range(GROUPS))
    return "-".join([PREFIX, *groups])


def normalise_tracking_code(raw):
    """Accept what people type: lower case, spaces, missing dashes, S for 5."""
    cleaned = "".join(ch for ch in (raw or "").upper() if ch.isascii() and ch.isalnum())[:20]
    cleaned = cleaned.replace("S", "5")
    if len(cleaned) == len(PREFIX) + GROUPS * GROUP_LENGTH and cleaned.startswith(PREFIX):
        cleaned = cleaned[len(PREFIX) :]
    if len(cleaned) != GROUPS * GROUP_LENGTH:
        return ""
    body = [cleaned[i : i + GROUP_LENGTH] for i in range(0, len(cleaned), GROUP_LENGTH)]
    return "-".join([PREFIX, *body])
