"""English words read in Indonesian: a small bilingual dictionary (FreeDict eng-ind).

The English answers are translations of Indonesian ones (same source id), so an English
query word that no English answer uses ("garbage", "bribe") can still meet an answer
whose Indonesian original says it ("sampah", "suap"). The dictionary is Debian's
`dict-freedict-eng-ind` (dictd format, read once); without it nothing is translated.
"""

import gzip
import logging
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

logger = logging.getLogger(__name__)

B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
SENSE_RE = re.compile(r"^(\d+)\.\s+(.*)$")
TRAILING_NUMBER_RE = re.compile(r"\s+\d+\.$")
# A sense's translations are a comma-separated line of one- or two-word terms.
MAX_TERM_WORDS = 2


def dictionary_path():
    return Path(
        getattr(settings, "SEARCH_BILINGUAL_DICTIONARY", "/usr/share/dictd/freedict-eng-ind")
    )


def _number(text):
    value = 0
    for char in text:
        value = value * 64 + B64.index(char)
    return value


def _translations_in(entry):
    """The Indonesian terms of one dictd entry: the line after the headword, and each
    line that starts a numbered sense ("2. membayar, bayar"); English glosses follow them."""
    lines = entry.splitlines()[1:]
    found = []
    for position, line in enumerate(lines):
        sense = SENSE_RE.match(line)
        if sense:
            line = sense.group(2)
        elif position != 0:
            continue
        line = TRAILING_NUMBER_RE.sub("", line)
        for term in line.split(","):
            term = term.strip().lower()
            if term and len(term.split()) <= MAX_TERM_WORDS and term not in found:
                found.append(term)
    return found


@lru_cache(maxsize=2)
def _load(path):
    index_file, data_file = Path(f"{path}.index"), Path(f"{path}.dict.dz")
    if not index_file.exists() or not data_file.exists():
        logger.warning("No bilingual dictionary at %s: English words are not translated", path)
        return {}
    data = gzip.open(data_file).read()
    entries = {}
    for line in index_file.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) != 3 or parts[0].startswith("00-"):
            continue
        word, offset, length = parts[0], _number(parts[1]), _number(parts[2])
        if word != word.lower():
            continue  # names ("Job": Ayyub)
        text = data[offset : offset + length].decode("utf-8", "replace")
        entries.setdefault(word, []).extend(_translations_in(text))
    return entries


def translations(word):
    """Indonesian terms for an English word (as written, else its singular); [] if none."""
    entries = _load(str(dictionary_path()))
    for form in (word, word[:-1] if word.endswith("s") else None):
        if form and form in entries:
            return entries[form]
    return []


# An English headword with more Indonesian terms than this has senses too far apart
# ("fire": api, kebakaran, pecat ...) to relate them.
MAX_PIVOT_TERMS = 3


@lru_cache(maxsize=2)
def _headwords(path):
    """Indonesian term -> the English headwords that give it."""
    found = {}
    for english, terms in _load(path).items():
        for term in terms:
            found.setdefault(term, []).append(english)
    return found


def indonesian_relatives(word):
    """Indonesian words the dictionary gives for the same English word as `word`, where
    that English word has few translations ("berisik" -> noise -> "kebisingan")."""
    path = str(dictionary_path())
    entries = _load(path)
    found = []
    for english in _headwords(path).get(word, ()):
        terms = entries[english]
        if len(terms) <= MAX_PIVOT_TERMS:
            found.extend(t for t in terms if t != word and " " not in t and t not in found)
    return found


def warm():
    _headwords(str(dictionary_path()))


def clear():
    _load.cache_clear()
    _headwords.cache_clear()
