"""The in-process answer index: BM25F over the published answers of one language.

Built from the database on first use in a process, kept per process, and rebuilt when
the shared index version (bumped on publish, unpublish, move, delete and synonym edits)
changes. Scoring runs over precomputed postings, so a query costs a few dictionary
passes instead of a database round trip per term.
"""

import gc
import math
import threading
from array import array
from bisect import bisect_left
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

import numpy as np

from . import bilingual, semantic
from .fields import ANSWER_FIELD_WEIGHTS
from .spelling import SpellChecker
from .text import analyse, language_of, stream_text, words

VERSION_KEY = "search:index-version"
# The language the answers are written in; other languages' answers are translations.
ORIGINAL_LANGUAGE = "id"
K1 = 1.2
B = 0.6
# A document is shown only if it covers a share of the query's information (idf): half
# of a one- or two-word query, less of a longer one, whose extra words are often incidental
# ("tiap sore", "dari kemarin"). Unknown words count in full, so a query about something
# the site never mentions ("jadwal bioskop") stays empty.
MIN_COVERAGE = 0.5
COVERAGE_BY_LENGTH = {3: 0.35, 4: 0.3, 5: 0.28}
MIN_COVERAGE_LONG = 0.25
# Aspect words ("jadwal", "harga": search.text) and names (words no answer and no
# dictionary knows: "Yani", "cpns") count this much of their information; an answer must
# meet at least one word of the query that is not an aspect word (its topic).
ASPECT_WEIGHT = 0.5
# ... and scores at least this share of the best document's score.
MIN_RELATIVE_SCORE = 0.3
# A document that meets one topic word of the query strongly (its BM25 term part at this
# share of the ceiling K1 + 1: the word in its question and again in its text) needs only
# this share of the usual coverage: the query's missing words are then more likely
# details of that topic ("jembatan kayu mau putus") than a topic the site lacks. Measured
# on the development queries (0.9 and 0.5 keep both no-answer queries empty).
STRONG_MATCH = 0.9
STRONG_MATCH_COVERAGE = 0.5

_lock = threading.Lock()
_indexes = {}


@dataclass
class Doc:
    page_id: int
    title: str
    short_answer: str
    source_id: str
    category_id: int | None
    text: str  # plain body text, for snippets
    url: str = ""


def required_coverage(concepts):
    if MIN_COVERAGE == 0:
        return 0
    if concepts <= 2:
        return MIN_COVERAGE
    return COVERAGE_BY_LENGTH.get(concepts, MIN_COVERAGE_LONG)


def coverage_needed(concepts):
    """The share of a query's information an answer must cover, for every backend.

    A query with an unknown acronym names something the site never mentions: its other
    words are not incidental details, so the lower share of a long query does not apply.
    """
    needed = required_coverage(len(concepts))
    if any(c.acronym for c in concepts):
        needed = max(needed, MIN_COVERAGE)
    return needed


def index_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        version = 1
        cache.add(VERSION_KEY, version, None)
    return version


def bump_version(**kwargs):
    """Make every process rebuild its index on its next search."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, None)


class AnswerIndex:
    def __init__(self, language, docs, fields_by_doc, categories=None):
        self.language = language
        self.categories = categories or {}  # pk -> (slug, name)
        self.docs = docs
        self.by_page = {doc.page_id: i for i, doc in enumerate(docs)}
        counts, tf, lengths, bigrams = {}, [], [], set()
        for fields in fields_by_doc:
            weighted, length = {}, 0.0
            for name, text in fields.items():
                weight = ANSWER_FIELD_WEIGHTS[name]
                found = words(text)
                for word in found:
                    counts[word] = counts.get(word, 0) + 1
                if name in ("title", "tags"):
                    bigrams.update(hash(pair) for pair in zip(found, found[1:], strict=False))
                for s in analyse(text, language):
                    weighted[s] = weighted.get(s, 0.0) + weight
                    length += weight
            tf.append(weighted)
            lengths.append(length)
        n = len(docs)
        avg = (sum(lengths) / n) if n else 1.0
        # Postings as compact arrays (document numbers, precomputed BM25 term parts):
        # about 8 bytes a posting, so 100,000 answers fit in a few hundred MB.
        postings = {}
        for i, weighted in enumerate(tf):
            norm = K1 * (1 - B + B * lengths[i] / avg)
            for s, f in weighted.items():
                entry = postings.get(s)
                if entry is None:
                    entry = postings[s] = (array("I"), array("f"))
                entry[0].append(i)
                entry[1].append(f * (K1 + 1) / (f + norm))
        del tf
        self.postings = postings
        self.idf = {
            s: math.log(1 + (n - len(p[0]) + 0.5) / (len(p[0]) + 0.5)) for s, p in postings.items()
        }
        self.unknown_idf = math.log(1 + (n + 0.5) / 0.5) if n else 1.0
        self.spell_checker = SpellChecker(counts, set(postings), self.cooccurrence, bigrams)
        self.vectors = None  # the embedding model's vectors (search.semantic), when on
        self._originals = None  # a fixed originals index (tests); else the current one
        self._to_original = None  # (originals index, its document number per document)

    def cooccurrence(self, candidate, context):
        """How many of the context stems the best document with `candidate` also has."""
        with_candidate = self.postings.get(candidate, ((), ()))[0]
        if not with_candidate:
            return 0
        counts = {}
        for s in context:
            ids = self.postings.get(s, ((), ()))[0]
            for d, _part in self._postings_for(ids, ids, with_candidate):
                counts[d] = counts.get(d, 0) + 1
        return max(counts.values(), default=0)

    def concept_idf(self, concept):
        """How much information a concept carries: its best phrase's mean idf (a
        translation's in the originals' index)."""
        known = [
            sum(self.idf[s] for s in phrase) / len(phrase)
            for phrase in concept.phrases
            if all(s in self.idf for s in phrase)
        ]
        concept_known = bool(known)
        # A translation adds information only for a word the answers lack: where they
        # have it, its translations are other ways to meet it, not a rarer word.
        originals = self.originals() if concept.translations and not concept_known else None
        if originals is not None:
            known += [
                sum(originals.idf[s] for s in phrase) / len(phrase)
                for phrase in concept.translations
                if all(s in originals.idf for s in phrase)
            ]
        if not known and concept.family:
            known = [self.idf[s] for (s,) in concept.family if s in self.idf]
        value = max(known) if known else self.unknown_idf
        if (
            concept.corrected
            or concept.guessed
            or (known and concept.translations and not concept_known)
        ):
            value /= 2  # a guessed word (a correction, a translation) is weaker evidence
        if concept.aspect or concept.name:
            value *= ASPECT_WEIGHT
        return value

    def score(self, processed):
        """[(doc index, score, coverage)] for documents that meet the query, best first.

        Scores accumulate in dense vectors (numpy) over all documents, so a common concept
        ("warga", "kartu" on 10,000 answers) costs one vector operation, not a Python step
        per posting. Only documents that a concept able to qualify them found are ranked:
        concepts too common to qualify a document alone (together they carry less than the
        required coverage) never put a document in the ranking on their own.
        """
        concepts = processed.concepts
        idfs = [self.concept_idf(c) for c in concepts]
        total_idf = sum(idfs)
        if not concepts or total_idf <= 0 or not self.docs:
            return []
        needed = coverage_needed(concepts)
        weak, weak_idf = set(), 0.0
        for position in sorted(range(len(concepts)), key=lambda i: idfs[i]):
            if weak_idf + idfs[position] >= needed * total_idf:
                break
            weak.add(position)
            weak_idf += idfs[position]
        n = len(self.docs)
        totals, cover = np.zeros(n), np.zeros(n)
        found, on_topic = np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
        strong = np.zeros(n, dtype=bool)
        for position, concept in enumerate(concepts):
            scores, share = self._best_phrase_scores(concept)
            totals += scores
            cover += share * idfs[position]
            if position not in weak:
                found |= share > 0
            if not concept.aspect:
                on_topic |= share >= 0.5
                # A name or a translation is a guess: it never makes a match strong (an
                # English word the answers have is strong only through its own phrases).
                if not (concept.name or concept.guessed) and idfs[position] > 0:
                    if concept.translations:
                        scores = (
                            self._phrase_scores(concept.phrases, n)[0]
                            if self._knows(concept)
                            else np.zeros(n)
                        )
                    strong |= scores >= STRONG_MATCH * (K1 + 1) * idfs[position]
        found |= strong
        if not found.any():
            return []
        top = totals[found].max()
        coverage = cover / total_idf
        covered = (coverage >= needed) | (strong & (coverage >= STRONG_MATCH_COVERAGE * needed))
        keep = found & covered & (totals >= MIN_RELATIVE_SCORE * top)
        if any(not c.aspect for c in concepts):
            keep &= on_topic
        ids = np.flatnonzero(keep)
        ids = ids[np.argsort(-totals[ids], kind="stable")]
        return [(int(d), float(totals[d]), float(cover[d] / total_idf)) for d in ids]

    def _knows(self, concept):
        """Whether the answers have one of the concept's own phrases (every stem of it)."""
        return any(all(s in self.idf for s in phrase) for phrase in concept.phrases)

    def originals(self):
        """The current index of the language the answers were written in, when this one
        holds translations of them (same source ids); None for that language itself."""
        if self.language == ORIGINAL_LANGUAGE:
            return None
        return self._originals or get_index(ORIGINAL_LANGUAGE)

    def _translation_scores(self, concept):
        """(scores, shares) of the concept's Indonesian translations in the originals,
        carried over to their translations here (by source id)."""
        n = len(self.docs)
        originals = self.originals()
        if originals is None or not originals.docs:
            return np.zeros(n), np.zeros(n)
        if self._to_original is None or self._to_original[0] is not originals:
            position = {doc.source_id: i for i, doc in enumerate(originals.docs)}
            mapping = [position.get(doc.source_id, -1) for doc in self.docs]
            self._to_original = (originals, np.array(mapping, dtype=np.int64))
        to_original = self._to_original[1]
        scores, shares = originals._phrase_scores(concept.translations, len(originals.docs))
        mapped = to_original >= 0
        out_scores, out_shares = np.zeros(n), np.zeros(n)
        out_scores[mapped] = scores[to_original[mapped]]
        out_shares[mapped] = shares[to_original[mapped]]
        return out_scores, out_shares

    def _best_phrase_scores(self, concept):
        """(scores, shares): for every document, the concept's best phrase score and the
        largest share of a phrase's stems it contains (0 where it meets none)."""
        best, share = self._phrase_scores(concept.phrases, len(self.docs))
        if concept.family:
            # A family word ranks the answers as the word typed would ("bayar" met as
            # "biaya"), never above its own idf, and never qualifies an answer: what
            # qualifies it is the query's topic ("harga cabai" meets no "gratis" answer).
            typed = [self.idf[s] for phrase in concept.phrases for s in phrase if s in self.idf]
            cap = max(typed) if typed else None
            scores, _shares = self._phrase_scores(concept.family, len(self.docs), cap)
            np.maximum(best, scores, out=best)
        if concept.translations:
            scores, shares = self._translation_scores(concept)
            np.maximum(best, scores, out=best)
            np.maximum(share, shares, out=share)
        return best, share

    def _phrase_scores(self, phrases, n, idf_cap=None):
        best, share = np.zeros(n), np.zeros(n)
        for phrase, weight in phrases.items():
            acc, matched = np.zeros(n), np.zeros(n)
            for s in phrase:
                entry = self.postings.get(s)
                if entry is None:
                    continue
                ids, parts = self._arrays(entry)
                idf = self.idf[s] if idf_cap is None else min(self.idf[s], idf_cap)
                acc[ids] += idf * parts
                matched[ids] += 1
            np.maximum(best, acc * (weight / len(phrase)), out=best)
            np.maximum(share, matched / len(phrase), out=share)
        return best, share

    @staticmethod
    def _arrays(entry):
        """A posting list as numpy views of its compact arrays (no copy)."""
        ids, parts = entry
        return np.frombuffer(ids, dtype=np.uint32), np.frombuffer(parts, dtype=np.float32)

    @staticmethod
    def _postings_for(ids, parts, candidates):
        if candidates is None:
            yield from zip(ids, parts, strict=True)
            return
        for d in candidates:
            i = bisect_left(ids, d)
            if i < len(ids) and ids[i] == d:
                yield d, parts[i]


def _load(language_code):
    from wagtail.models import Locale

    from .learning import learned_texts
    from .models import AnswerCategory, AnswerPage, AnswerPageTag

    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return AnswerIndex(language_of(language_code), [], [])
    pages = (
        AnswerPage.objects.live()
        .public()
        .filter(locale=locale)
        .order_by("pk")
        .values_list("pk", "title", "short_answer", "body", "source_id", "category_id")
    )
    rows = list(pages)
    tags = {}
    for page_id, name in (
        AnswerPageTag.objects.filter(content_object__locale=locale)
        .order_by("pk")  # as `semantic.live_answer_texts` reads them: the same text digests
        .values_list("content_object_id", "tag__name")
    ):
        tags.setdefault(page_id, []).append(name)
    categories = {
        pk: (slug, name)
        for pk, slug, name in AnswerCategory.objects.filter(locale=locale).values_list(
            "pk", "slug", "name"
        )
    }
    urls = {
        page.pk: page.get_url() or ""
        for page in AnswerPage.objects.live()
        .public()
        .filter(locale=locale)
        .only("pk", "url_path", "locale_id", "depth", "path")
    }
    learned = learned_texts()
    docs, fields = [], []
    for pk, title, short_answer, body, source_id, category_id in rows:
        raw = body.raw_data if hasattr(body, "raw_data") else body
        text = stream_text(raw)
        docs.append(Doc(pk, title, short_answer, source_id, category_id, text, urls.get(pk, "")))
        fields.append(
            {
                "title": title,
                "tags": " ".join(tags.get(pk, [])),
                "learned": learned.get(pk, ""),
                "category": categories.get(category_id, ("", ""))[1],
                "short_answer": short_answer,
                "body": text,
            }
        )
    index = AnswerIndex(language_of(language_code), docs, fields, categories)
    if semantic.enabled():
        texts = {
            pk: semantic.answer_text(title, tags.get(pk, []), short_answer)
            for pk, title, short_answer, _body, _source, _category in rows
        }
        index.vectors = semantic.VectorIndex.load(language_code, texts)
    index.spell_checker.warm()  # no citizen waits for the spelling dictionary
    bilingual.warm()  # nor for the bilingual one (~150 ms to read; both languages use it)
    _settle_memory()
    return index


def _settle_memory():
    """Keep the garbage collector from walking the index: its millions of small objects
    live until the next rebuild, and a full collection over them paused searches for up
    to a second at 10,000 answers. Previously frozen objects are released first.

    The last collection, over the now empty oldest generation, resets the size CPython
    measures new long-lived objects against: it runs a full collection only once they
    reach a quarter of that size, and sized on the frozen million objects, a web worker
    kept 300,000 objects of finished requests (their reference cycles) before the next
    one, growing about 1 MB a minute in the soak (docs/decisions.md)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    gc.collect()


def get_index(language_code):
    """The current index for a language, rebuilt when the shared version moved on.

    A small index is rebuilt at once; a large one (SEARCH_SYNC_REBUILD_MAX_ANSWERS) is
    rebuilt in a background thread while searches keep using the previous one, so no
    citizen waits for a rebuild after an editor publishes.
    """
    version = index_version()
    entry = _indexes.get(language_code)
    if entry and entry[0] == version:
        return entry[1]
    limit = settings.SEARCH_SYNC_REBUILD_MAX_ANSWERS
    if entry and len(entry[1].docs) > limit:
        _rebuild_in_background(language_code, version)
        return entry[1]
    with _lock:
        entry = _indexes.get(language_code)
        if entry and entry[0] == version:
            return entry[1]
        index = _load(language_code)
        _indexes[language_code] = (version, index)
        return index


_building = set()


def _rebuild_in_background(language_code, version):
    with _lock:
        if language_code in _building:
            return
        _building.add(language_code)

    def work():
        from django.db import connection

        try:
            _indexes[language_code] = (version, _load(language_code))
        finally:
            _building.discard(language_code)
            connection.close()

    threading.Thread(target=work, name=f"search-index-{language_code}", daemon=True).start()


def clear():
    _indexes.clear()
