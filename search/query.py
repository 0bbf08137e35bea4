"""The one place that turns what a citizen typed into a search query.

`QueryBuilder.build()` reads the text the same way for every backend (normalise,
informal words, stop words, synonyms, spelling correction, stemming) and returns a
`ProcessedQuery`; `QueryBuilder.to_elasticsearch()` turns that into an
`elasticsearch.dsl` query. The database backend scores the same concepts itself.
"""

from dataclasses import dataclass, field

from . import bilingual, colloquial, lexicon
from . import synonyms as synonym_store
from .fields import elasticsearch_fields
from .text import (
    INFORMAL_WORDS,
    aspect_family,
    is_aspect_word,
    is_stopword,
    language_of,
    standardise,
    stem,
    words,
)

MAX_QUERY_WORDS = 32
SYNONYM_WEIGHT = 0.8
CORRECTION_WEIGHT = 0.9
ROOT_WEIGHT = 0.8  # a root says less than the word itself, as a synonym does
TRANSLATION_WEIGHT = 0.8  # a dictionary translation, like a synonym
COLLOQUIAL_WEIGHT = 0.9  # the standard form of a colloquial word: its meaning, as written
# "bayar" met as "biaya": within an aspect family the words ask the same thing, so a
# family word ranks as the typed word would (still capped at its idf, never qualifying)
ASPECT_FAMILY_WEIGHT = 1.0


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
    corrected: bool = False  # the citizen's word was unknown and replaced by a guess
    aspect: bool = False  # an aspect word ("jadwal", "harga"): not the topic itself
    name: bool = False  # unknown to the answers and the dictionary: a name or a code
    # An acronym no answer and no dictionary knows ("ulm"): it names the very thing
    # asked about, and the site does not mention it.
    acronym: bool = False
    # Met only through a dictionary relative of the word (`_add_relatives`): a guess.
    guessed: bool = False
    # Indonesian stems of an English word the English answers lack (`search.bilingual`):
    # the index meets them in the answers' Indonesian originals.
    translations: dict = field(default_factory=dict)
    # Stems of the other words of an aspect word's family (`search.text.aspect_family`):
    # they meet the answers but do not add to the concept's information, which stays
    # that of the word typed ("mahal" is not made rarer by "retribusi").
    family: dict = field(default_factory=dict)

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
        """Words to mark in snippets; fragments of synonyms ("el" of "ktp-el") are not."""
        return {w for c in self.concepts for w in c.words if len(w) > 2 or w in self.words}


def looks_like_a_name(token, language):
    """A word no dictionary knows that reads like a name ("Yani"), not an acronym ("kpr",
    "cpns": short or without vowels, they name the very thing asked about)."""
    if len(token) <= 3 or not any(c in "aiueo" for c in token):
        return False
    return lexicon.is_available(language) and not (
        lexicon.is_valid(token, language) or lexicon.is_valid_elsewhere(token, language)
    )


def is_unknown_acronym(token, language):
    """A short or vowelless word that the query language's dictionary does not know
    ("ulm", "sbmptn"; another language may know it as a name: "Ulm"); the caller has
    checked that the answers do not contain it). Two letters ("rs", "sd") are more often
    a chat short form of common words than the name of something: they do not count."""
    if not token.isalpha() or len(token) < 3:
        return False
    if len(token) > 3 and any(c in "aiueo" for c in token):
        return False
    return lexicon.is_available(language) and not lexicon.is_valid(token, language)


def stemmed_synonyms(groups, language):
    """[(group, [term stems])] for synonym groups, kept while the groups stay the same (the
    stemming would otherwise be repeated for every group on every search)."""
    key = (language, tuple(tuple(group) for group in groups))
    found = _stemmed_synonyms.get(key)
    if found is None:
        found = [
            (group, [tuple(stem(w, language) for w in term) for term in group]) for group in groups
        ]
        if len(_stemmed_synonyms) > 16:
            _stemmed_synonyms.clear()
        _stemmed_synonyms[key] = found
    return found


_stemmed_synonyms = {}


class QueryBuilder:
    """Build a `ProcessedQuery`; `spell_checker` answers "is this word indexed?" and
    corrects misspelt words (see `search.spelling`); without one, nothing is corrected."""

    def __init__(self, spell_checker=None, synonym_groups=None):
        self.spell_checker = spell_checker
        self._synonym_groups = synonym_groups

    def synonym_groups(self, language):
        if self._synonym_groups is not None:
            return self._synonym_groups
        return synonym_store.groups_for(language)

    def build(self, raw, language="id", prefix=False):
        language = language_of(language)
        tokens = standardise(words(raw)[:MAX_QUERY_WORDS], language)
        stemmed_groups = stemmed_synonyms(self.synonym_groups(language), language)
        token_stems = [stem(t, language) for t in tokens]
        concepts, output, unknown = [], [], []
        i = 0
        while i < len(tokens):
            match = self._synonym_at(token_stems, i, stemmed_groups)
            if match:
                length, group = match
                surface = tokens[i : i + length]
                concept = Concept(" ".join(surface))
                concept.add(self._stems(surface, language), 1.0, surface)
                for term in group:
                    concept.add(self._stems(term, language), SYNONYM_WEIGHT, term)
                concepts.append(concept)
                output.append(" ".join(surface))
                i += length
                continue
            token = tokens[i]
            i += 1
            output.append(token)
            if is_stopword(token, language):
                continue
            known = self.spell_checker is None or self.spell_checker.knows(token, language)
            standard = None if known else self.colloquial_root(token, language)
            if standard and is_stopword(standard, language):
                continue
            if not known and any(c.isdigit() for c in token):
                continue  # amounts and ages ("5rb", "80") say little about the topic
            concept = Concept(token, aspect=is_aspect_word(token, language))
            concept.add((token_stems[i - 1],), 1.0, [token])
            if concept.aspect:
                for other in aspect_family(token, language):
                    concept.family[(stem(other, language),)] = ASPECT_FAMILY_WEIGHT
                    concept.add((), ASPECT_FAMILY_WEIGHT, [other])
            completing = prefix and i == len(tokens) and self.spell_checker is not None
            if completing:
                for word in self.spell_checker.completions(token, language):
                    concept.add((stem(word, language),), 1.0, [word])
            else:
                # Every English word is read in Indonesian too: the English answers are
                # translations, and a query that paraphrases their wording ("on the
                # welfare list" for "registered") may still meet the Indonesian original
                # ("list" -> "daftar" meets "terdaftar").
                self._add_translations(concept, token, language)
            if not (known or completing):
                if standard:
                    concept.add((stem(standard, language),), COLLOQUIAL_WEIGHT, [standard])
                elif not (
                    self._add_roots(concept, token, language)
                    or self._add_relatives(concept, token, language, tokens)
                ):
                    unknown.append((concept, len(output) - 1))
            concepts.append(concept)
        changed = False
        if unknown:
            context = {s for c in concepts for p in c.phrases for s in p}
            for concept, position in unknown:
                token = concept.text
                neighbours = (
                    output[position - 1] if position > 0 else None,
                    output[position + 1] if position + 1 < len(output) else None,
                )
                fix = self.spell_checker.correct(
                    token, language, context - {stem(token, language)}, neighbours
                )
                if fix and not is_stopword(fix, language):
                    changed = True
                    output[position] = fix
                    concept.corrected = True
                    concept.add((stem(fix, language),), CORRECTION_WEIGHT, [fix])
                    self._add_synonyms_of(concept, fix, stemmed_groups, language)
                elif looks_like_a_name(token, language):
                    concept.name = True
                elif is_unknown_acronym(token, language):
                    concept.acronym = True
        return ProcessedQuery(
            raw=raw,
            language=language,
            concepts=concepts,
            corrected=" ".join(output) if changed else "",
            words=[w for c in concepts for w in c.text.split()],
        )

    def _add_roots(self, concept, token, language):
        """Meet a valid word the answers lack through its dictionary root when they have
        that ("seminggu" -> "minggu", "kemahalan" -> "mahal"); True when one was added.

        Indonesian only: there hunspell strips affixes the Snowball stemmer leaves ("se-",
        "ke-...-an"); in English Snowball already strips what hunspell does, and hunspell's
        extra roots are spurious ("youth" -> "you").
        """
        if language != "id":
            return False
        added = False
        for root in lexicon.roots(token, language):
            if (
                len(root) > 3
                and not is_stopword(root, language)
                and self.spell_checker.knows(root, language)
            ):
                concept.add((stem(root, language),), ROOT_WEIGHT, [root])
                concept.aspect = concept.aspect or is_aspect_word(root, language)
                added = True
        return added

    def _add_relatives(self, concept, token, language, query_words):
        """A valid Indonesian word the answers lack, met through a word the bilingual
        dictionary gives for the same English word ("berisik" -> "kebisingan"); a guess,
        like a translation. A relative that the query already says is not counted twice
        ("kereta api": "kereta" -> train -> "api"). True when one was added."""
        if language != "id" or not lexicon.is_valid(token, language):
            return False
        for relative in bilingual.indonesian_relatives(token):
            if relative in query_words or is_stopword(relative, language):
                continue
            if self.spell_checker.knows(relative, language):
                concept.add((stem(relative, language),), TRANSLATION_WEIGHT, [relative])
                concept.guessed = True
        return concept.guessed

    def _add_translations(self, concept, token, language):
        """An English word in Indonesian ("garbage" -> "sampah"). Its translations meet
        the Indonesian originals of the English answers; where the English answers know the
        word itself, they only add ways to meet it (`AnswerIndex.concept_idf`)."""
        if language != "en" or not lexicon.is_valid(token, language):
            return
        for term in bilingual.translations(token):
            found = tuple(w for w in words(term) if not is_stopword(w, "id"))
            if found:
                concept.translations[tuple(stem(w, "id") for w in found)] = TRANSLATION_WEIGHT

    def colloquial_root(self, token, language):
        """The standard form of a colloquial word the dictionary does not know: the first
        candidate (`search.colloquial`) that the dictionary knows and the answers contain
        ("nutupin" -> "menutupi", "ketauan" -> "tahu"), or a stop word it stands for
        ("dapet" -> "dapat"); None when there is none."""
        if language != "id" or not lexicon.is_available(language):
            return None
        if lexicon.is_valid(token, language):
            return None
        for candidate in colloquial.candidates(token):
            candidate = INFORMAL_WORDS.get(candidate, candidate)  # "tau" -> "tahu"
            if " " in candidate or not lexicon.is_valid(candidate, language):
                continue
            if is_stopword(candidate, language) or self.spell_checker.knows(candidate, language):
                return candidate
        return None

    @staticmethod
    def _stems(term_words, language):
        return tuple(
            stem(w, language) for w in term_words if not is_stopword(w, language)
        ) or tuple(stem(w, language) for w in term_words)

    @staticmethod
    def _synonym_at(token_stems, i, stemmed_groups):
        """The longest synonym term (compared by stems) starting at token i."""
        best = None
        for group, stemmed in stemmed_groups:
            for term in stemmed:
                n = len(term)
                if tuple(token_stems[i : i + n]) == term and (best is None or n > best[0]):
                    best = (n, group)
        return best

    def _add_synonyms_of(self, concept, word, stemmed_groups, language):
        key = (stem(word, language),)
        for group, stemmed in stemmed_groups:
            if key in stemmed:
                for term in group:
                    concept.add(self._stems(term, language), SYNONYM_WEIGHT, term)

    # Elasticsearch ---------------------------------------------------------------
    def to_elasticsearch(self, processed, search, filters=None, minimum_should_match=1):
        """The `elasticsearch.dsl.Search` for a processed query, with the in-process
        index's rules: one clause per concept (its best phrase wins, the field weights of
        `search.fields`), `minimum_should_match` of them met; an aspect word's family
        ("bayar" -> "biaya") only ranks, it never counts as a met concept; and when the
        query has a topic word, an answer must meet one ("harga cabai" is not answered by
        the "gratis" answer)."""
        from elasticsearch.dsl import Q

        counted, topic, family = [], [], []
        for concept in processed.concepts:
            own, relatives = self._surface_phrases(concept, processed.language)
            clause = self._best_of(own or relatives)
            counted.append(clause)
            if not concept.aspect:
                topic.append(clause)
            if own and relatives:
                family.append(self._best_of(relatives))
        must = [Q("bool", should=counted, minimum_should_match=minimum_should_match)]
        if topic and len(topic) < len(counted):
            must.append(Q("bool", should=topic, minimum_should_match=1))
        filters = filters or {}
        conditions = [Q("term", language=processed.language)]
        if filters.get("category"):
            conditions.append(Q("term", category=filters["category"]))
        search = search.query(Q("bool", must=must, should=family, filter=conditions))
        search = search.highlight(
            "title", "short_answer", "body", fragment_size=160, number_of_fragments=1
        )
        search = search.highlight_options(
            pre_tags=["<mark>"], post_tags=["</mark>"], encoder="html"
        )
        search.aggs.bucket("category", "terms", field="category", size=30)
        return search

    @staticmethod
    def _best_of(phrases):
        """One clause that an answer meets through its best phrase."""
        from elasticsearch.dsl import Q

        alternatives = [
            Q(
                "multi_match",
                query=" ".join(phrase_words),
                fields=elasticsearch_fields(),
                type="best_fields",
                operator="and",
                boost=weight,
            )
            for phrase_words, weight in phrases
        ]
        return Q("dis_max", queries=alternatives) if len(alternatives) > 1 else alternatives[0]

    @staticmethod
    def _surface_phrases(concept, language):
        """([(words, weight)] the concept says itself, [(words, weight)] of its aspect
        family) as surface words: Elasticsearch's own analyzer stems them."""
        own, relatives = [], []
        for phrase_words, weight in concept.surfaces.items():
            is_relative = (
                len(phrase_words) == 1
                and (stem(phrase_words[0], language),) in concept.family
                and (stem(phrase_words[0], language),) not in concept.phrases
            )
            (relatives if is_relative else own).append((phrase_words, weight))
        return own, relatives
