"""The in-process answer index: BM25F over the published answers of one language.

Built from the database on first use in a process, kept per process, and rebuilt when
the shared index version (bumped on publish, unpublish, move, delete and synonym edits)
changes. Scoring runs over precomputed postings, so a query costs a few dictionary
passes instead of a database round trip per term.
"""

import math
import threading
from array import array
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache

from .fields import ANSWER_FIELD_WEIGHTS
from .spelling import SpellChecker
from .text import analyse, language_of, stream_text, words

VERSION_KEY = "search:index-version"
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

    def cooccurrence(self, candidate, context):
        """How many of the context stems the best document with `candidate` also has."""
        with_candidate = set(self.postings.get(candidate, ((), ()))[0])
        if not with_candidate:
            return 0
        counts = {}
        for s in context:
            for d in self.postings.get(s, ((), ()))[0]:
                if d in with_candidate:
                    counts[d] = counts.get(d, 0) + 1
        return max(counts.values(), default=0)

    # Scoring ---------------------------------------------------------------------
    def score(self, processed):
        """[(doc index, score, coverage)] for documents that meet the query, best first."""
        totals, cover, on_topic = {}, {}, set()
        total_idf = 0.0
        has_topic = any(not c.aspect for c in processed.concepts)
        for concept in processed.concepts:
            known = [
                sum(self.idf[s] for s in phrase) / len(phrase)
                for phrase in concept.phrases
                if all(s in self.idf for s in phrase)
            ]
            concept_idf = max(known) if known else self.unknown_idf
            if concept.corrected:
                concept_idf /= 2  # a guessed word is weaker evidence either way
            if concept.aspect or concept.name:
                concept_idf *= ASPECT_WEIGHT
            best = {}
            for phrase, weight in concept.phrases.items():
                idfs = [self.idf.get(s, 0.0) for s in phrase]
                acc = {}
                for s, idf in zip(phrase, idfs, strict=True):
                    ids, parts = self.postings.get(s, ((), ()))
                    for d, part in zip(ids, parts, strict=True):
                        got = acc.get(d)
                        if got:
                            got[0] += idf * part
                            got[1] += 1
                        else:
                            acc[d] = [idf * part, 1]
                size = len(phrase)
                for d, (sc, matched) in acc.items():
                    sc = weight * sc / size
                    frac = matched / size
                    prev = best.get(d)
                    if prev is None or sc > prev[0]:
                        best[d] = (sc, max(frac, prev[1] if prev else 0))
                    elif frac > prev[1]:
                        best[d] = (prev[0], frac)
            total_idf += concept_idf
            for d, (sc, frac) in best.items():
                totals[d] = totals.get(d, 0.0) + sc
                cover[d] = cover.get(d, 0.0) + frac * concept_idf
                if not concept.aspect and frac >= 0.5:
                    on_topic.add(d)
        if not totals or total_idf <= 0:
            return []
        ranked = sorted(totals.items(), key=lambda item: -item[1])
        top = ranked[0][1]
        needed = required_coverage(len(processed.concepts))
        return [
            (d, sc, cover[d] / total_idf)
            for d, sc in ranked
            if cover[d] / total_idf >= needed
            and sc >= MIN_RELATIVE_SCORE * top
            and (d in on_topic or not has_topic)
        ]


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
    for page_id, name in AnswerPageTag.objects.filter(content_object__locale=locale).values_list(
        "content_object_id", "tag__name"
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
    return AnswerIndex(language_of(language_code), docs, fields, categories)


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
    limit = getattr(settings, "SEARCH_SYNC_REBUILD_MAX_ANSWERS", 3000)
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
