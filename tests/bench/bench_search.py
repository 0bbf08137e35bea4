# ruff: noqa: T201 - a benchmark prints its figures
"""Search quality and speed: this app's backends against plain Wagtail search.

Run with `make bench` (SEARCH_BENCH_100K=1 adds 100,000 answers; SEARCH_BENCH_SIZES=""
measures the 240 real answers only; SEARCH_BENCH_SCALE_METHODS=ours leaves plain Wagtail
search out at scale, where SQLite's takes many minutes).

Quality, printed as the issue's table (s@1, s@3 and MRR in Indonesian, no-answer queries
returned empty, s@3 in English, safety queries with the help answer first) for two query
sets: the development queries, the held-out queries (search/data/knowledge_base/
queries_heldout_*.jsonl, written before search round 2 was tuned; two sessions have since
read their misses to diagnose) and the round-2 queries (queries_round2_*.jsonl, written
after the round-2 rules were designed and never tuned on). "database" is the search as it
runs (with the embedding model, search.semantic), "words only" the same without the model;
after each table, the queries on which the two differ.
Speed: median and p95 latency of the queries against the 240 real answers, then 10,000
(and 100,000) answers.

The large corpora keep the 240 real answers and add synthetic answers on their own topics
(tests/bench/synthetic_answers.py: a domain word of the real questions and words from the
Indonesian dictionary, in text generated from the real answers' word pairs;
SEARCH_BENCH_CORPUS=templates gives the earlier, template-framed generator). Page
creation through Wagtail takes ~80 ms each, so they are bulk-inserted straight into the
page tables (valid treebeard paths, live, url paths) and indexed for Wagtail's search
backend with its own `add_bulk`. At scale a synthetic answer may really be about a
no-answer query's topic ("bioskop"), so
the no-answer figure there measures distractors, not honesty.
"""

import json
import os
import statistics
import time
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

import pytest

from search import answer_index, semantic
from search.backends import _backends, get_backend
from search.backends.base import locale_id
from search.models import AnswerPage, KnowledgeBaseIndexPage
from site_core.audiences import Audience
from tests.bench.results import record
from tests.bench.synthetic_answers import corpus_profile, synthetic_answers

DATA = Path(settings.BASE_DIR) / "search" / "data" / "knowledge_base"
ES_URL = os.environ.get("ELASTICSEARCH_URL", "")
SIZES = (
    [int(n) for n in os.environ["SEARCH_BENCH_SIZES"].split(",") if n]
    if "SEARCH_BENCH_SIZES" in os.environ
    else [10_000] + ([100_000] if os.environ.get("SEARCH_BENCH_100K") else [])
)
TOP_K = 10

pytestmark = [
    pytest.mark.bench,
    pytest.mark.django_db,
]


def load_queries(query_set="dev"):
    """The queries of one set: "dev", "heldout" or "round2" (see the module docstring)."""
    queries = []
    for language in ("id", "en"):
        with open(DATA / f"queries_{query_set}_{language}.jsonl", encoding="utf-8") as handle:
            for line in handle:
                row = json.loads(line)
                row["language"] = language
                queries.append(row)
    return queries


class OurBackend:
    def __init__(self, name, path):
        self.name = name
        self.backend = get_backend(path)

    def __call__(self, query, language):
        results = self.backend.search(
            query, language, filters={"type": "answer"}, page=1, page_size=TOP_K
        )
        return [hit.source_id for hit in results.hits]


class WordsOnly(OurBackend):
    """The database backend without the embedding model (SEARCH_EMBEDDINGS off)."""

    def __call__(self, query, language):
        with override_settings(SEARCH_EMBEDDINGS=False):
            return super().__call__(query, language)


class WholeSite(OurBackend):
    """The search page's full work: answers plus the site's other pages (Wagtail)."""

    def __call__(self, query, language):
        results = self.backend.search(query, language, page=1, page_size=TOP_K)
        return [hit.source_id for hit in results.hits if hit.type == "answer"]


class PlainWagtail:
    """`Page.search()` as it comes, on the same answers (question, answer, tags indexed)."""

    def __init__(self, operator):
        self.name = f"wagtail_{operator}"
        self.operator = operator

    def __call__(self, query, language):
        queryset = AnswerPage.objects.live().filter(locale_id=locale_id(language))
        pages = queryset.search(query, operator=self.operator)[:TOP_K]
        return [page.source_id for page in pages]


def evaluate(method, queries, repeat=1):
    s1 = s3 = rr = answerable = empty_ok = unanswerable = 0
    latencies, cpu = [], []
    for row in queries:
        for _ in range(repeat):
            semantic.forget_queries()  # each timed query is embedded, as a new one is
            start, start_cpu = time.perf_counter(), time.process_time()
            found = method(row["q"], row["language"])
            latencies.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        relevant = row["relevant"]
        if not relevant:
            unanswerable += 1
            empty_ok += not found
            continue
        answerable += 1
        rank = next((i for i, sid in enumerate(found) if sid in relevant), None)
        if rank is not None:
            s1 += rank == 0
            s3 += rank < 3
            rr += 1 / (rank + 1)
    latencies.sort()
    cpu.sort()
    return {
        "success_at_1": round(s1 / answerable, 3),
        "success_at_3": round(s3 / answerable, 3),
        "mrr": round(rr / answerable, 3),
        "no_answer_empty": round(empty_ok / unanswerable, 3) if unanswerable else None,
        "latency_median_ms": round(statistics.median(latencies), 2),
        "latency_p95_ms": round(latencies[int(len(latencies) * 0.95) - 1], 2),
        # CPU time of this process: what a query costs without the other processes that
        # share the machine's cores (a database round trip is not counted).
        "cpu_median_ms": round(statistics.median(cpu), 2),
        "cpu_p95_ms": round(cpu[int(len(cpu) * 0.95) - 1], 2),
    }


def methods():
    found = [
        OurBackend("database", "search.backends.database.DatabaseSearchBackend"),
        WordsOnly("words only", "search.backends.database.DatabaseSearchBackend"),
        WholeSite("db+pages", "search.backends.database.DatabaseSearchBackend"),
    ]
    if ES_URL:
        found.append(
            OurBackend("elasticsearch", "search.backends.elasticsearch.ElasticsearchSearchBackend")
        )
    found += [PlainWagtail("and"), PlainWagtail("or")]
    return found


def bulk_insert_answers(index, rows):
    """Insert live AnswerPages without Wagtail's per-page machinery (see docstring)."""
    from django.contrib.contenttypes.models import ContentType

    from search.models import AnswerCategory

    content_type = ContentType.objects.get_for_model(AnswerPage)
    categories = dict(AnswerCategory.objects.filter(locale=index.locale).values_list("slug", "pk"))
    last = index.get_last_child()
    start = index.numchild + 1 if last is None else int(last.path[-4:], 36) + 1
    now = timezone.now()
    pages = []
    for offset, row in enumerate(rows):
        slug = row["id"]
        pages.append(
            Page(
                title=row["question"][:255],
                slug=slug,
                content_type=content_type,
                live=True,
                has_unpublished_changes=False,
                path=index.path + _encode(start + offset),
                depth=index.depth + 1,
                numchild=0,
                url_path=f"{index.url_path}{slug}/",
                locale_id=index.locale_id,
                first_published_at=now,
                last_published_at=now,
                draft_title=row["question"][:255],
            )
        )
    Page.objects.bulk_create(pages, batch_size=2000)
    ids = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
    table = AnswerPage._meta.db_table
    columns = [
        "page_ptr_id",
        "listing_summary",
        "short_answer",
        "body",
        "category_id",
        "audience",
        "source_id",
        "show_exit_button",
    ]
    values = []
    for page, row in zip(pages, rows, strict=True):
        body = json.dumps(
            [{"type": "paragraph", "value": f"<p>{row['answer']}</p>", "id": row["id"]}]
        )
        values.append(
            (
                ids[page.path],
                "",
                row["answer"][:300],
                body,
                categories.get(row["category"]),
                Audience.EVERYONE.value,
                row["id"],
                False,
            )
        )
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})",  # noqa: S608
            values,
        )
    Page.objects.filter(pk=index.pk).update(numchild=index.numchild + len(pages))
    index.refresh_from_db()
    backend = get_search_backend()
    inserted = AnswerPage.objects.filter(pk__in=ids.values())
    batch = 2000
    id_list = sorted(ids.values())
    for i in range(0, len(id_list), batch):
        backend.add_bulk(AnswerPage, list(inserted.filter(pk__in=id_list[i : i + batch])))


def embed_synthetic(rows):
    """Vectors for the synthetic answers, read from their question alone: their whole
    text (as `embed_answers` reads it) takes ~170 ms an answer, 28 CPU-minutes at 10,000;
    the question ~30 ms. Stored under the whole text's digest, where search looks for them,
    so the latency at scale is the real one; the quality at scale is the model's on
    questions only (SEARCH_BENCH_EMBED=full embeds the whole text)."""
    from search.models import AnswerVector

    full = os.environ.get("SEARCH_BENCH_EMBED") == "full"
    texts = [semantic.answer_text(row["question"][:255], [], row["answer"][:300]) for row in rows]
    read = texts if full else [row["question"][:255] for row in rows]
    start = time.process_time()
    for i in range(0, len(rows), 64):
        vectors = semantic.embed_passages(read[i : i + 64])
        AnswerVector.objects.bulk_create(
            [
                AnswerVector(model=semantic.MODEL_NAME, digest=semantic.digest(text), vector=v)
                for text, v in zip(texts[i : i + 64], map(bytes, vectors), strict=True)
            ],
            ignore_conflicts=True,
        )
    seconds = time.process_time() - start
    print(
        f"{len(rows)} synthetic answers embedded ({'whole' if full else 'question'}) "
        f"in {seconds:.0f} s CPU"
    )


def _encode(number):
    """A treebeard path step (base 36, 4 characters)."""
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    for _ in range(4):
        number, digit = divmod(number, 36)
        out = alphabet[digit] + out
    return out


def report(label, size, name, figures, table):
    table.append((label, size, name, figures))
    for key, value in figures.items():
        record(f"search.{name}.{label}.{key}", value)


def print_table(table):
    print()
    header = (
        f"{'run':<12}{'answers':>9}  {'method':<14}{'s@1':>6}{'s@3':>6}{'MRR':>6}"
        f"{'empty':>7}{'p50 ms':>9}{'p95 ms':>9}{'cpu p50':>9}{'cpu p95':>9}"
    )
    print(header)
    print("-" * len(header))
    for label, size, name, f in table:
        empty = "-" if f["no_answer_empty"] is None else f"{f['no_answer_empty']:.2f}"
        print(
            f"{label:<12}{size:>9}  {name:<14}{f['success_at_1']:>6.2f}{f['success_at_3']:>6.2f}"
            f"{f['mrr']:>6.2f}{empty:>7}{f['latency_median_ms']:>9.2f}{f['latency_p95_ms']:>9.2f}"
            f"{f['cpu_median_ms']:>9.2f}{f['cpu_p95_ms']:>9.2f}"
        )


def quality_row(method, queries):
    """The issue's table row: s@1, s@3, MRR (Indonesian), no-answer empty, s@3 (English),
    and how many safety queries show the help answer first (both languages)."""
    by_language = {
        language: evaluate(method, [q for q in queries if q["language"] == language])
        for language in ("id", "en")
    }
    safety = [q for q in queries if q.get("kind") == "safety"]
    safety_first = sum(1 for q in safety if method(q["q"], q["language"])[:1] == [q["relevant"][0]])
    no_answer = [q for q in queries if not q["relevant"] and q["language"] == "id"]
    empty = sum(1 for q in no_answer if not method(q["q"], "id"))
    figures = {
        "s1_id": by_language["id"]["success_at_1"],
        "s3_id": by_language["id"]["success_at_3"],
        "mrr_id": by_language["id"]["mrr"],
        "no_answer_empty_id": f"{empty}/{len(no_answer)}",
        "s3_en": by_language["en"]["success_at_3"],
        "safety_first": f"{safety_first}/{len(safety)}",
    }
    return figures


def first_relevant(method, row):
    found = method(row["q"], row["language"])
    if not row["relevant"]:
        return "empty" if not found else f"shown: {found[0]}"
    return next((i + 1 for i, sid in enumerate(found) if sid in row["relevant"]), "-")


def print_differences(title, ours, words_only, queries):
    """The queries on which the embedding model changes the first relevant answer's rank
    (or a no-answer query's emptiness): what the table's figures are made of."""
    print(f"\n{title}: rank of the first relevant answer, with the model / words only")
    for row in queries:
        with_model, without = first_relevant(ours, row), first_relevant(words_only, row)
        if with_model != without:
            print(f"  {row['language']} {row['q']!r}: {with_model} / {without}")


def print_quality(title, rows):
    print(f"\n{title}")
    header = (
        f"{'method':<14}{'s@1 id':>8}{'s@3 id':>8}{'MRR id':>8}{'no-answer empty':>17}"
        f"{'s@3 en':>8}{'safety first':>14}"
    )
    print(header)
    print("-" * len(header))
    for name, f in rows:
        print(
            f"{name:<14}{f['s1_id']:>8.2f}{f['s3_id']:>8.2f}{f['mrr_id']:>8.2f}"
            f"{f['no_answer_empty_id']:>17}{f['s3_en']:>8.2f}{f['safety_first']:>14}"
        )


def test_search_quality_and_speed(home, home_en, settings):
    # Rebuild in this thread: a background rebuild would open its own connection, which
    # cannot see this test's uncommitted rows.
    settings.SEARCH_SYNC_REBUILD_MAX_ANSWERS = 10**9
    settings.SEARCH_EMBEDDINGS = True
    semantic.clear()
    answer_index.clear()
    _backends.clear()
    vendor = connection.vendor
    record("search.database_vendor", vendor)
    call_command("import_knowledge_base", str(DATA))
    # Publishing queues each answer's embedding after the commit, which a test's
    # transaction never reaches: the deploy step's command does the same work.
    start = time.process_time()
    call_command("embed_answers")
    print(f"320 answers embedded in {time.process_time() - start:.1f} s CPU")
    if ES_URL:
        settings.ELASTICSEARCH_URL = ES_URL
        settings.ELASTICSEARCH_INDEX_PREFIX = "lapor-bench"
        call_command("rebuild_search_index")
    for query_set in ("dev", "heldout", "round2"):
        queries = load_queries(query_set)
        rows = []
        for method in methods():
            method(queries[0]["q"], "id")  # warm: builds the in-process index
            figures = quality_row(method, queries)
            rows.append((method.name, figures))
            for key, value in figures.items():
                record(f"search.quality.{query_set}.{method.name}.{key}", value)
        print_quality(f"Quality, {query_set} queries (240 id + 80 en answers)", rows)
        print_differences(query_set, *methods()[:2], queries)

    queries = load_queries("dev") + load_queries("heldout")
    table = []
    for method in methods()[:3]:
        report("sample", 240, method.name, evaluate(method, queries, repeat=2), table)
    with open(DATA / "faq_id.jsonl", encoding="utf-8") as handle:
        rows = [json.loads(line) for line in handle]
    index = KnowledgeBaseIndexPage.objects.get(locale__language_code="id")
    have = 240
    for size in SIZES:
        start = time.perf_counter()
        extra = list(synthetic_answers(rows, size - have, seed=size))
        if have == 240:
            print(f"\ncorpus profile, real 240: {corpus_profile(rows)}")
            print(f"corpus profile, synthetic {len(extra)}: {corpus_profile(extra)}")
        bulk_insert_answers(index, extra)
        embed_synthetic(extra)
        have = size
        record(f"search.corpus_{size}.insert_seconds", round(time.perf_counter() - start, 1))
        answer_index.bump_version()
        start = time.perf_counter()
        answer_index.get_index("id")
        build = round(time.perf_counter() - start, 2)
        record(f"search.database.corpus_{size}.index_build_seconds", build)
        print(f"\n{size} answers: inserted; in-process index built in {build} s")
        if ES_URL:
            call_command("rebuild_search_index")
        id_queries = [q for q in queries if q["language"] == "id"]
        scale_methods = methods()
        if os.environ.get("SEARCH_BENCH_SCALE_METHODS") == "ours":
            scale_methods = [m for m in scale_methods if not isinstance(m, PlainWagtail)]
        for method in scale_methods:
            report(f"{size // 1000}k", size, method.name, evaluate(method, id_queries), table)
    print_table(table)
    print(
        "\nsample = 240 id + 80 en answers, dev + held-out queries, each twice;"
        "\nNk = the Indonesian queries (dev + held-out) against N Indonesian answers"
        " (240 real + synthetic ones on their own topics, see synthetic_answers.py)."
        f"\ndatabase: {vendor}"
    )
