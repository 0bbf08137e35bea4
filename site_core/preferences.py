"""Display preferences (text size, contrast) kept in a cookie, so they work without
JavaScript and persist across visits without an account."""

COOKIE_NAME = "display"
TEXT_SIZES = ("normal", "large", "larger")
CONTRASTS = ("normal", "high")
DEFAULT = {"text": "normal", "contrast": "normal"}
MAX_AGE = 365 * 24 * 60 * 60


def parse(cookie_value):
    """Read 'text=large;contrast=high'; anything unknown falls back to the default."""
    prefs = dict(DEFAULT)
    for part in (cookie_value or "").split(";"):
        key, _, value = part.partition("=")
        if key == "text" and value in TEXT_SIZES:
            prefs["text"] = value
        elif key == "contrast" and value in CONTRASTS:
            prefs["contrast"] = value
    return prefs


def serialise(prefs):
    return f"text={prefs['text']};contrast={prefs['contrast']}"
