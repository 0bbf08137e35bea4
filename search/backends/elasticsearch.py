"""Elasticsearch/OpenSearch backend through `elasticsearch.dsl`.

The query text is read by the same `QueryBuilder` as the database backend (informal
words, synonyms); spelling fixes come from Elasticsearch's own term suggester, asked only
about words no dictionary knows; Elasticsearch stems, scores, highlights, aggregates
categories and completes titles. The in-process index is never built here.
"""

from django.conf import settings

from elasticsearch.dsl import Search, connections

from .. import lexicon, semantic
from ..answer_index import coverage_needed, index_version
from ..documents import alias_name, answer_document, document_fields
from ..learning import learned_texts
from ..query import is_unknown_acronym
from ..text import language_of, stream_text, words
from .base import PAGE_SIZE, TYPE_ANSWER, TYPE_PAGE, Hit, Results, SearchBackend

CONNECTION = "search"


def client():
    """The shared client, configured lazily from settings (no connection at import)."""
    try:
        return connections.get_connection(CONNECTION)
    except KeyError:
        connections.create_connection(
            alias=CONNECTION,
            hosts=[settings.ELASTICSEARCH_URL],
            request_timeout=getattr(settings, "ELASTICSEARCH_TIMEOUT", 5),
        )
        return connections.get_connection(CONNECTION)


class ElasticsearchSpellChecker:
    """What Elasticsearch knows of a query's words that no dictionary knows, asked in one
    request (none when the dictionaries are missing, as for the database backend):
    corrections from its term suggester over the unstemmed `spelling` field, and whether
    any answer contains a short or vowelless word (`query.is_unknown_acronym`), so that an
    acronym the site never mentions ("ulm") raises the coverage a query needs, as in the
    in-process index."""

    def __init__(self, fixes=None, absent=()):
        self.fixes = dict(fixes or {})
        self.absent = set(absent)  # acronyms no answer contains

    @classmethod
    def ask(cls, text, language):
        search, acronyms = spelling_search(text, language)
        if search is None:
            return cls()
        return cls.from_response(search.execute().to_dict(), acronyms)

    @classmethod
    def from_response(cls, raw, acronyms):
        fixes = {
            entry["text"]: entry["options"][0]["text"]
            for entry in raw.get("suggest", {}).get("spelling", [])
            if entry["options"]
        }
        found = raw.get("aggregations", {})
        absent = {w for w in acronyms if not found.get(_answers_with(w), {}).get("doc_count")}
        return cls(fixes, absent)

    def knows(self, word, language):
        return word not in self.fixes and word not in self.absent

    def correct(self, word, language, context=(), neighbours=(None, None)):
        return self.fixes.get(word)

    def completions(self, prefix, language, limit=5):
        return []


def spelling_search(text, language):
    """(the one request about a query's unknown words, the acronyms it asks about), or
    (None, []) when no word needs asking."""
    if not lexicon.is_available(language):
        return None, []
    distinct = list(dict.fromkeys(words(text)))
    unknown = [
        w
        for w in distinct
        if len(w) >= 4 and not any(c.isdigit() for c in w) and not lexicon.is_valid(w, language)
    ]
    acronyms = [w for w in distinct if is_unknown_acronym(w, language)]
    if not unknown and not acronyms:
        return None, []
    search = Search(using=CONNECTION, index=alias_name(language)).extra(size=0)
    if unknown:
        search = search.suggest(
            "spelling",
            " ".join(unknown),
            term={"field": "spelling", "suggest_mode": "missing", "max_edits": 2},
        )
    for word in acronyms:
        search.aggs.bucket(_answers_with(word), "filter", term={"spelling": word})
    return search, acronyms


def answer_hit(item):
    """A Hit from an answer document of the response (highlighted where it matched)."""
    highlight = getattr(item.meta, "highlight", None)
    snippet = item.short_answer
    title_html = ""
    if highlight is not None:
        if "short_answer" in highlight:
            snippet = highlight.short_answer[0]
        elif "body" in highlight:
            snippet = highlight.body[0]
        if "title" in highlight:
            title_html = highlight.title[0]
    return Hit(
        page_id=int(item.page_id),
        title=item.title,
        url=item.url,
        snippet=_safe(snippet, highlight is not None),
        title_html=_safe(title_html, True) if title_html else "",
        type=TYPE_ANSWER,
        score=item.meta.score or 0.0,
        source_id=item.source_id or "",
        category=item.category_name or "",
        summary=item.short_answer or "",
    )


def _answers_with(word):
    return f"answers_with_{word}"


class ElasticsearchSearchBackend(SearchBackend):
    name = "elasticsearch"

    def build_search(self, query, language="id", filters=None, page=1, page_size=PAGE_SIZE):
        """(processed query, dsl Search) — no server needed to build it. A page within the
        hits the embedding model may reorder asks for all of them (search.semantic)."""
        language = language_of(language)
        builder = self.query_builder or self.builder(ElasticsearchSpellChecker.ask(query, language))
        processed = builder.build(query, language)
        needed = coverage_needed(processed.concepts)
        search = Search(using=CONNECTION, index=alias_name(language))
        search = builder.to_elasticsearch(
            processed,
            search,
            filters=filters,
            minimum_should_match=max(1, round(needed * len(processed.concepts))),
        )
        start = (page - 1) * page_size
        if self.reranks(start, filters):
            return processed, search[0 : max(semantic.RERANK_DEPTH, start + page_size)]
        return processed, search[start : start + page_size]

    @staticmethod
    def reranks(start, filters):
        """Whether the model reorders these hits: the first ones, of any category (an
        answer it adds may be of another)."""
        filters = filters or {}
        return (
            semantic.enabled()
            and start < semantic.RERANK_DEPTH
            and not filters.get("category")
            and filters.get("type") != TYPE_PAGE
        )

    def find(self, query, language="id", filters=None, page=1, page_size=PAGE_SIZE):
        from ..models import AnswerCategory

        filters = filters or {}
        client()
        start = (page - 1) * page_size
        reranks = self.reranks(start, filters)
        pending = semantic.query_vector_soon(query) if reranks else None
        processed, search = self.build_search(query, language, filters, page, page_size)
        hits, total, category_buckets = [], 0, []
        if not processed.is_empty and filters.get("type") != TYPE_PAGE:
            response = search.execute()
            total = response.hits.total.value
            category_buckets = [(b.key, b.doc_count) for b in response.aggregations.category]
            hits = [answer_hit(item) for item in response]
            if pending is not None:
                hits, total = self.blend_meaning(query, language, hits, total, pending)
            if reranks:  # the request asked for the hits from the first one
                hits = hits[start : start + page_size]
        pages = []
        if filters.get("type") != TYPE_ANSWER and not filters.get("category"):
            pages = self.other_pages(processed, language)
            if len(hits) < page_size:
                hits.extend(pages[: page_size - len(hits)])
        names = dict(
            AnswerCategory.objects.filter(locale__language_code=language).values_list(
                "slug", "name"
            )
        )
        facets = {
            "category": [(slug, names.get(slug, slug), n) for slug, n in category_buckets],
            "type": [(t, t, n) for t, n in ((TYPE_ANSWER, total), (TYPE_PAGE, len(pages))) if n],
        }
        return Results(
            query=query,
            language=language,
            hits=hits,
            total=total + len(pages),
            page=page,
            page_size=page_size,
            facets=facets,
            suggestion=processed.corrected,
            corrected=bool(processed.corrected),
        )

    @staticmethod
    def blend_meaning(query, language, hits, total, pending):
        """Elasticsearch's top hits with the embedding model's view (search.semantic), as
        the database backend blends its own; answers the model adds are read back from
        Elasticsearch in one request."""
        by_page = {hit.page_id: hit for hit in hits}
        order = semantic.blend(
            query,
            [(hit.page_id, hit.score) for hit in hits],
            semantic.vector_index(language, index_version()),
            pending,
        )
        added = [pk for pk, _score in order if pk not in by_page]
        if added:
            found = Search(using=CONNECTION, index=alias_name(language)).filter(
                "ids", values=[str(pk) for pk in added]
            )
            by_page.update((hit.page_id, hit) for hit in map(answer_hit, found[: len(added)]))
            total += len(added)
        return [by_page[pk] for pk, _score in order if pk in by_page], total

    def suggest_search(self, prefix, language="id", limit=6):
        search = Search(using=CONNECTION, index=alias_name(language)).source(
            ["title", "url", "source_id"]
        )
        return search.suggest(
            "titles", prefix, completion={"field": "suggest", "size": limit, "fuzzy": {}}
        )

    def suggest(self, prefix, language="id", limit=6):
        client()
        response = self.suggest_search(prefix, language, limit).execute()
        return [
            {
                "title": option._source.title,
                "url": option._source.url,
                "source_id": option._source.source_id,
            }
            for option in response.suggest.titles[0].options
        ]

    # Keeping the index fresh (signals) --------------------------------------------
    def update_answer(self, page):
        client()
        language = page.locale.language_code
        document = answer_document(language)
        if page.live:
            learned = learned_texts([page.pk]).get(page.pk, "")
            fields = document_fields(page, stream_text(page.body.raw_data), learned)
            document(meta={"id": page.pk}, **fields).save(using=CONNECTION)
        else:
            self.remove_answer(page)

    def remove_answer(self, page):
        client()
        es = connections.get_connection(CONNECTION)
        es.options(ignore_status=404).delete(
            index=alias_name(page.locale.language_code), id=page.pk
        )


def _safe(text, highlighted):
    """Elasticsearch escapes highlight fragments itself (encoder="html")."""
    from django.utils.html import escape
    from django.utils.safestring import mark_safe

    return mark_safe(text) if highlighted else escape(text or "")  # noqa: S308
