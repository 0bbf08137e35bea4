"""Colloquial Indonesian word forms read as the standard word they are built on.

Citizens write the spoken (Jakarta) forms: the suffix "-in" for "-kan"/"-i" ("benerin",
"daftarin"), a bare nasal prefix ("nutup", "nipu", "nyuap", "ngaku"), "e" for "a" in the
last syllable ("dapet", "dateng", "malem"), often all at once ("didatengin" = "didatangi").
The Snowball stemmer knows only the standard affixes, so such a word meets no answer and
counts as a topic nobody covers. These rules undo the colloquial affixes and keep a
candidate only when the dictionary (`search.lexicon`) knows it as a word, so a valid word
is never rewritten and a name is never guessed into a word.
"""

import re
from functools import lru_cache

from . import lexicon
from .text import language_of

VOWELS = "aiueo"
MIN_ROOT = 3
# "e" between consonants in the last syllable, spoken for "a": "dapet", "bener", "malem".
FINAL_E_RE = re.compile(r"^(.*[^aiueo])e([^aiueo]+)$")
PASSIVE_PREFIXES = ("di", "ke", "ter")
# Spoken nasal prefixes and the first letter they replace: nutup -> tutup, nyuap -> suap.
NASAL_PREFIXES = (("ny", ("s", "c")), ("ng", ("k", "")), ("n", ("t",)), ("m", ("p",)))


def _without_suffix(word):
    forms = {word}
    if word.endswith("in") and len(word) - 2 >= MIN_ROOT:
        forms.add(word[:-2])
    return forms


def _without_prefix(word):
    forms = {word}
    for prefix in PASSIVE_PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ROOT:
            forms.add(word[len(prefix) :])
    if word.startswith("nge") and len(word) - 3 >= MIN_ROOT:
        forms.add(word[3:])
    for prefix, replaced in NASAL_PREFIXES:
        rest = word[len(prefix) :]
        if word.startswith(prefix) and len(rest) >= MIN_ROOT - 1 and rest[0] in VOWELS:
            forms.update(first + rest for first in replaced)
            break
    return forms


def candidates(word):
    """Standard forms a colloquial word may stand for, most likely first."""
    forms = set()
    for form in _without_suffix(word):
        for bare in _without_prefix(form):
            forms.add(bare)
            shifted = FINAL_E_RE.match(bare)
            if shifted:
                forms.add(f"{shifted.group(1)}a{shifted.group(2)}")
    forms.discard(word)
    # The longest root keeps most of the word: "dibenerin" -> "benar", not "bena".
    return sorted((f for f in forms if len(f) >= MIN_ROOT), key=lambda f: (-len(f), f))


@lru_cache(maxsize=20_000)
def _standard_form(word, language):
    for form in candidates(word):
        if lexicon.is_valid(form, language):
            return form
    return None


def standard_form(word, language="id", known=None):
    """The standard word a colloquial form is built on, or None.

    Only for Indonesian words the dictionary does not know; with `known` (is the word in
    the answers?) a candidate the answers use is preferred over another valid one.
    """
    language = language_of(language)
    if language != "id" or len(word) < 4 or any(c.isdigit() for c in word):
        return None
    if not lexicon.is_available(language) or lexicon.is_valid(word, language):
        return None
    if known is not None:
        for form in candidates(word):
            if known(form, language) and lexicon.is_valid(form, language):
                return form
    return _standard_form(word, language)
