"""The spell checker and word completion over the indexed words of one language.

A word is corrected only when both the answers and the dictionary (`lexicon`) do not know
it; the correction is the closest indexed word (symspellpy), preferring one that forms a
known phrase with its neighbour ("pungutan lair" -> "pungutan liar"), then one the
dictionary itself suggests, then one found with the query's other words, then the commoner.
"""

from symspellpy import SymSpell, Verbosity

from . import lexicon
from .text import stem


class SpellChecker:
    def __init__(self, counts, stems, cooccurrence=None, bigrams=frozenset()):
        self.counts = counts  # indexed word -> number of occurrences
        self.stems = stems
        self.cooccurrence = cooccurrence
        self.bigrams = bigrams  # hashes of word pairs seen in titles and tags
        self._symspell = None
        self._sorted = None

    def knows(self, word, language):
        """Is the word (or its stem) in the answers?"""
        return word in self.counts or stem(word, language) in self.stems

    def correct(self, word, language, context=(), neighbours=(None, None)):
        """The indexed word meant by a misspelt one, or None (valid words stay)."""
        if len(word) < 4 or any(c.isdigit() for c in word):
            return None
        if not lexicon.is_available(language) or lexicon.is_valid(word, language):
            return None
        distance = 1 if len(word) < 9 else 2
        found = self.symspell.lookup(word, Verbosity.CLOSEST, max_edit_distance=distance)
        if not found:
            return None
        before, after = neighbours

        def phrase(term):
            return hash((before, term)) in self.bigrams or hash((term, after)) in self.bigrams

        if lexicon.is_valid_elsewhere(word, language):
            # A word of the other language ("resign", "lair") stays, unless the answers
            # hold a phrase that its neighbour and a close word form ("pungutan liar").
            found = [s for s in found if phrase(s.term)]
            if not found:
                return None
        if len(found) == 1 or self.cooccurrence is None:
            return found[0].term
        suggested = lexicon.suggestions(word, language)

        return max(
            found,
            key=lambda s: (
                phrase(s.term),
                s.term in suggested,
                self.cooccurrence(stem(s.term, language), context) if context else 0,
                s.count,
            ),
        ).term

    def completions(self, prefix, language, limit=5):
        if len(prefix) < 2:
            return []
        if self._sorted is None:
            self._sorted = sorted(self.counts.items(), key=lambda item: -item[1])
        return [w for w, _n in self._sorted if w.startswith(prefix) and w != prefix][:limit]

    @property
    def symspell(self):
        if self._symspell is None:
            symspell = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
            for word, count in self.counts.items():
                if len(word) >= 3 and not word.isdigit():
                    symspell.create_dictionary_entry(word, count)
            self._symspell = symspell
        return self._symspell
