"""The default backend: answers ranked in process (BM25F over Indonesian stems), other
pages through Wagtail's database search backend (SQLite FTS5 / PostgreSQL FTS)."""

from .. import semantic
from ..answer_index import get_index
from ..highlighting import highlight
from ..text import language_of
from .base import PAGE_SIZE, SNIPPET_CHARS, TYPE_ANSWER, TYPE_PAGE, Hit, Results, SearchBackend


class DatabaseSearchBackend(SearchBackend):
    name = "database"

    def ranked_answers(self, query, language, prefix=False):
        """(processed query, [(doc, score)]) — the original text first, the spelling
        suggestion when the original finds nothing."""
        index = get_index(language)
        meaning = None if prefix or index.vectors is None else semantic.query_vector_soon(query)
        builder = self.builder(index.spell_checker)
        processed = builder.build(query, language, prefix=prefix)
        ranked = index.score(processed)
        if meaning is not None:
            ranked = self.blend_meaning(query, index, ranked, meaning)
        return index, processed, ranked

    @staticmethod
    def blend_meaning(query, index, ranked, pending):
        """The lexical ranking with the embedding model's view (search.semantic)."""
        by_page = [(index.docs[d].page_id, score) for d, score, _cov in ranked]
        coverage = {index.docs[d].page_id: cov for d, _score, cov in ranked}
        return [
            (index.by_page[pk], score, coverage.get(pk, 0.0))
            for pk, score in semantic.blend(query, by_page, index.vectors, pending)
            if pk in index.by_page
        ]

    def warm(self, languages):
        super().warm(languages)
        for language in languages:
            get_index(language)
        semantic.warm()

    def find(self, query, language="id", filters=None, page=1, page_size=PAGE_SIZE):
        filters = filters or {}
        index, processed, ranked = self.ranked_answers(query, language)
        lang = language_of(language)
        categories = index.categories
        answer_hits = [(index.docs[d], score) for d, score, _cov in ranked]
        category_counts = {}
        for doc, _score in answer_hits:
            if doc.category_id in categories:
                category_counts[doc.category_id] = category_counts.get(doc.category_id, 0) + 1
        wanted = filters.get("category")
        if wanted:
            answer_hits = [
                (doc, s)
                for doc, s in answer_hits
                if doc.category_id in categories and categories[doc.category_id][0] == wanted
            ]
        kind = filters.get("type")
        pages = [] if kind == TYPE_ANSWER or wanted else self.other_pages(processed, language)
        if kind == TYPE_PAGE:
            answer_hits = []
        total = len(answer_hits) + len(pages)
        start = (page - 1) * page_size
        window_answers = answer_hits[start : start + page_size]
        remaining = page_size - len(window_answers)
        page_start = max(0, start - len(answer_hits))
        window_pages = pages[page_start : page_start + remaining] if remaining > 0 else []
        words = processed.highlight_words()
        hits = []
        for doc, score in window_answers:
            category = categories.get(doc.category_id)
            hits.append(
                Hit(
                    page_id=doc.page_id,
                    title=doc.title,
                    url=doc.url,
                    snippet=highlight(doc.short_answer or doc.text, words, lang, SNIPPET_CHARS),
                    title_html=highlight(doc.title, words, lang),
                    type=TYPE_ANSWER,
                    score=score,
                    source_id=doc.source_id,
                    category=category[1] if category else "",
                    summary=doc.short_answer,
                )
            )
        hits.extend(window_pages)
        facets = {
            "category": sorted(
                ((*categories[pk], n) for pk, n in category_counts.items()),
                key=lambda item: (-item[2], item[1]),
            ),
            "type": [
                (t, t, n) for t, n in ((TYPE_ANSWER, len(ranked)), (TYPE_PAGE, len(pages))) if n
            ],
        }
        return Results(
            query=query,
            language=language,
            hits=hits,
            total=total,
            page=page,
            page_size=page_size,
            facets=facets,
            suggestion=processed.corrected,
            corrected=bool(processed.corrected),
        )

    def suggest(self, prefix, language="id", limit=6):
        index, processed, ranked = self.ranked_answers(prefix, language, prefix=True)
        docs = [index.docs[d] for d, _score, _cov in ranked[:limit]]
        return [{"title": doc.title, "url": doc.url, "source_id": doc.source_id} for doc in docs]
