"""Elasticsearch/OpenSearch backend through `elasticsearch.dsl`.

The query text is read by the same `QueryBuilder` as the database backend (informal
words, synonyms); spelling fixes come from Elasticsearch's own term suggester, asked only
about words no dictionary knows; Elasticsearch stems, scores, highlights, aggregates
categories and completes titles. The in-process index is never built here.
"""

from django.conf import settings

from elasticsearch.dsl import Search, connections

from .. import lexicon
from ..answer_index import required_coverage
from ..documents import alias_name, answer_document, document_fields
from ..learning import learned_texts
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
    """Corrections from Elasticsearch's term suggester over the unstemmed `spelling` field,
    fetched in one request for the words of a query that no dictionary knows (none at all
    when the dictionaries are missing, as for the database backend)."""

    def __init__(self, text, language):
        self.fixes = {}
        if not lexicon.is_available(language):
            return
        unknown = [
            w
            for w in dict.fromkeys(words(text))
            if len(w) >= 4 and not any(c.isdigit() for c in w) and not lexicon.is_valid(w, language)
        ]
        if not unknown:
            return
        search = Search(using=CONNECTION, index=alias_name(language)).extra(size=0)
        search = search.suggest(
            "spelling",
            " ".join(unknown),
            term={"field": "spelling", "suggest_mode": "missing", "max_edits": 2},
        )
        for entry in search.execute().suggest.spelling:
            if entry.options:
                self.fixes[entry.text] = entry.options[0].text

    def knows(self, word, language):
        return word not in self.fixes

    def correct(self, word, language, context=(), neighbours=(None, None)):
        return self.fixes.get(word)

    def completions(self, prefix, language, limit=5):
        return []


class ElasticsearchSearchBackend(SearchBackend):
    name = "elasticsearch"

    def build_search(self, query, language="id", filters=None, page=1, page_size=PAGE_SIZE):
        """(processed query, dsl Search) — no server needed to build it."""
        language = language_of(language)
        builder = self.query_builder or self.builder(ElasticsearchSpellChecker(query, language))
        processed = builder.build(query, language)
        needed = required_coverage(len(processed.concepts))
        search = Search(using=CONNECTION, index=alias_name(language))
        search = builder.to_elasticsearch(
            processed,
            search,
            filters=filters,
            minimum_should_match=max(1, round(needed * len(processed.concepts))),
        )
        start = (page - 1) * page_size
        return processed, search[start : start + page_size]

    def find(self, query, language="id", filters=None, page=1, page_size=PAGE_SIZE):
        from ..models import AnswerCategory

        filters = filters or {}
        client()
        processed, search = self.build_search(query, language, filters, page, page_size)
        hits, total, category_buckets = [], 0, []
        if not processed.is_empty and filters.get("type") != TYPE_PAGE:
            response = search.execute()
            total = response.hits.total.value
            category_buckets = [(b.key, b.doc_count) for b in response.aggregations.category]
            for item in response:
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
                hits.append(
                    Hit(
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
                )
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
