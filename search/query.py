"""The one place that turns what a citizen typed into a search query.

`QueryBuilder.build()` reads the text the same way for every backend (normalise,
informal words, stop words, synonyms, spelling correction, stemming) and returns a
`ProcessedQuery`; `QueryBuilder.to_elasticsearch()` turns that into an
`elasticsearch.dsl` query. The database backend scores the same concepts itself.
"""

from dataclasses import dataclass, field

from . import synonyms as synonym_store
from .text import is_stopword, language_of, standardise, stem, words

MAX_QUERY_WORDS = 32
SYNONYM_WEIGHT = 0.8
CORRECTION_WEIGHT = 0.9


@dataclass
class Concept:
    """One thing the citizen asked about, with the ways an answer may say it.

    `phrases` maps a tuple of stems to a weight: "pungli" -> {("pungli",): 1.0,
    ("pungut", "liar"): 0.8}. A document meets the concept through its best phrase.
    """

    text: str
    phrases: dict = field(default_factory=dict)
    words: list = field(default_factory=list)  # surface words, for highlighting
    surfaces: dict = field(default_factory=dict)  # surface phrase -> weight, for ES

    def add(self, phrase, weight, surface):
        if phrase and weight > self.phrases.get(phrase, 0):
            self.phrases[phrase] = weight
        key = tuple(surface)
        if key and weight > self.surfaces.get(key, 0):
            self.surfaces[key] = weight
        for word in surface:
            if word not in self.words:
                self.words.append(word)


@dataclass
class ProcessedQuery:
    raw: str
    language: str
    concepts: list
    corrected: str = ""  # "did you mean" text when a word was corrected
    words: list = field(default_factory=list)  # standardised content words

    @property
    def is_empty(self):
        return not self.concepts

    def stems(self):
        return {s for c in self.concepts for phrase in c.phrases for s in phrase}

    def highlight_words(self):
        return {w for c in self.concepts for w in c.words}


class QueryBuilder:
    """Build a `ProcessedQuery`; `vocabulary` answers "is this word indexed?" and spells."""

    def __init__(self, vocabulary=None, synonym_groups=None):
        self.vocabulary = vocabulary
        self._synonym_groups = synonym_groups

    def synonym_groups(self, language):
        if self._synonym_groups is not None:
            return self._synonym_groups
        return synonym_store.groups_for(language)

    def build(self, raw, language="id", prefix=False):
        language = language_of(language)
        tokens = standardise(words(raw)[:MAX_QUERY_WORDS], language)
        groups = self.synonym_groups(language)
        concepts, corrected, changed = [], [], False
        i = 0
        while i < len(tokens):
            match = self._synonym_at(tokens, i, groups)
            if match:
                length, group = match
                surface = tokens[i : i + length]
                concept = Concept(" ".join(surface))
                concept.add(self._stems(surface, language), 1.0, surface)
                for term in group:
                    concept.add(self._stems(term, language), SYNONYM_WEIGHT, term)
                concepts.append(concept)
                corrected.extend(surface)
                i += length
                continue
            token = tokens[i]
            i += 1
            if is_stopword(token, language):
                corrected.append(token)
                continue
            concept = Concept(token)
            is_last = prefix and i == len(tokens)
            concept.add((stem(token, language),), 1.0, [token])
            if is_last and self.vocabulary is not None:
                for word in self.vocabulary.completions(token, language):
                    concept.add((stem(word, language),), 1.0, [word])
            elif self.vocabulary is not None and not self.vocabulary.knows(token, language):
                fix = self.vocabulary.correct(token, language)
                if fix and not is_stopword(fix, language):
                    changed = True
                    corrected.append(fix)
                    concept.add((stem(fix, language),), CORRECTION_WEIGHT, [fix])
                    self._add_synonyms_of(concept, fix, groups, language)
                    concepts.append(concept)
                    continue
            corrected.append(token)
            concepts.append(concept)
        content = [w for c in concepts for w in c.text.split()]
        return ProcessedQuery(
            raw=raw,
            language=language,
            concepts=concepts,
            corrected=" ".join(corrected) if changed else "",
            words=content,
        )

    @staticmethod
    def _stems(term_words, language):
        return tuple(
            stem(w, language) for w in term_words if not is_stopword(w, language)
        ) or tuple(stem(w, language) for w in term_words)

    @staticmethod
    def _synonym_at(tokens, i, groups):
        best = None
        for group in groups:
            for term in group:
                n = len(term)
                if tuple(tokens[i : i + n]) == term and (best is None or n > best[0]):
                    best = (n, group)
        return best

    def _add_synonyms_of(self, concept, word, groups, language):
        for group in groups:
            if (word,) in group:
                for term in group:
                    concept.add(self._stems(term, language), SYNONYM_WEIGHT, term)

    # Elasticsearch ---------------------------------------------------------------
    FIELDS = ["title^3", "tags^2", "category_name", "short_answer", "body"]

    def to_elasticsearch(self, processed, search, filters=None, minimum_should_match="60%"):
        """The `elasticsearch.dsl.Search` for a processed query: one should-clause per
        concept (its best phrase wins), the same field weights as the database ranking."""
        from elasticsearch.dsl import Q

        shoulds = []
        for concept in processed.concepts:
            alternatives = []
            for phrase_words, weight in self._surface_phrases(concept):
                alternatives.append(
                    Q(
                        "multi_match",
                        query=" ".join(phrase_words),
                        fields=self.FIELDS,
                        type="best_fields",
                        operator="and",
                        boost=weight,
                    )
                )
            shoulds.append(
                Q("dis_max", queries=alternatives) if len(alternatives) > 1 else alternatives[0]
            )
        query = Q("bool", should=shoulds, minimum_should_match=minimum_should_match)
        filters = filters or {}
        search = search.query(query).filter("term", language=processed.language)
        if filters.get("category"):
            search = search.filter("term", category=filters["category"])
        search = search.highlight(
            "title", "short_answer", "body", fragment_size=160, number_of_fragments=1
        )
        search = search.highlight_options(
            pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html"
        )
        search.aggs.bucket("category", "terms", field="category", size=30)
        return search

    @staticmethod
    def _surface_phrases(concept):
        """Surface-word phrases for Elasticsearch (its own analyzer stems them)."""
        yield from concept.surfaces.items()
