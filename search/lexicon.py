"""Is this a real word? The hunspell dictionaries of the site's languages.

Spelling correction may only touch a word that no dictionary knows: a valid word the
answers happen not to contain ("suka", "kereta") is the citizen's meaning, not a typo.
The dictionaries are Debian's `hunspell-id` and `hunspell-en-us` (read through the
`chunspell` binding); where they are missing the lexicon says "unknown" for every word
and search does no correction at all rather than guess from the answers alone.
"""

import logging
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from .text import language_of

logger = logging.getLogger(__name__)

DICTIONARY_NAMES = {"id": "id_ID", "en": "en_US"}
# Everyday words the dictionaries lack ("angkot", "hutang"), kept with the app.
EXTRA_WORDS_DIR = Path(__file__).resolve().parent / "data" / "lexicon"


def dictionary_dir():
    return Path(getattr(settings, "SEARCH_DICTIONARY_DIR", "/usr/share/hunspell"))


@lru_cache(maxsize=4)
def _dictionary(name, directory):
    path = Path(directory)
    if not (path / f"{name}.dic").exists() or not (path / f"{name}.aff").exists():
        logger.warning("No %s dictionary in %s: spelling correction is off", name, directory)
        return None
    from hunspell import Hunspell

    return Hunspell(name, hunspell_data_dir=str(path))


def dictionaries():
    """The loaded dictionaries, one per language; {} when none is installed."""
    directory = str(dictionary_dir())
    found = {code: _dictionary(name, directory) for code, name in DICTIONARY_NAMES.items()}
    return {code: found_dict for code, found_dict in found.items() if found_dict is not None}


def is_available(language):
    return language_of(language) in dictionaries()


@lru_cache(maxsize=50_000)
def _valid_in(word, directory, code):
    dictionary = _dictionary(DICTIONARY_NAMES[code], directory)
    return dictionary is not None and (dictionary.spell(word) or dictionary.spell(word.upper()))


@lru_cache(maxsize=4)
def extra_words(language):
    """The app's own list of valid words, plus the informal spellings search reads."""
    from .text import INFORMAL_WORDS

    path = EXTRA_WORDS_DIR / f"{language}_extra.txt"
    found = set(INFORMAL_WORDS) if language == "id" else set()
    if path.exists():
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                found.add(line.strip().lower())
    return frozenset(found)


def is_valid(word, language):
    """True when the dictionary of `language` (or the app's own list) knows the word."""
    language = language_of(language)
    return word in extra_words(language) or bool(_valid_in(word, str(dictionary_dir()), language))


@lru_cache(maxsize=50_000)
def _roots_in(word, directory, code):
    dictionary = _dictionary(DICTIONARY_NAMES[code], directory)
    if dictionary is None:
        return ()
    return tuple(root for root in dictionary.stem(word) if root != word)


def roots(word, language):
    """The dictionary's own morphological roots of a valid word ("seminggu" -> "minggu",
    "dirahasiakan" -> "rahasia"): hunspell strips the affixes its rules know, including
    the ones the Snowball stemmer leaves ("se-", "ke-...-an")."""
    return _roots_in(word, str(dictionary_dir()), language_of(language))


def is_valid_elsewhere(word, language):
    """True when another of the site's languages knows the word (citizens mix them)."""
    directory = str(dictionary_dir())
    return any(
        word in extra_words(code) or _valid_in(word, directory, code)
        for code in DICTIONARY_NAMES
        if code != language
    )


def clear():
    _dictionary.cache_clear()
    _valid_in.cache_clear()
    _roots_in.cache_clear()
