"""The one interface every search backend implements, and what it returns."""

from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from ..highlighting import highlight
from ..query import QueryBuilder
from ..safety import help_answer_source_id, is_distress_query

PAGE_SIZE = 10
SNIPPET_CHARS = 220
TYPE_ANSWER = "answer"
TYPE_PAGE = "page"
TYPE_LABELS = {TYPE_ANSWER: _("Answers"), TYPE_PAGE: _("Other pages")}


@dataclass
class Hit:
    page_id: int
    title: str
    url: str
    snippet: str  # safe HTML: escaped text with <mark> around matches
    type: str
    score: float
    source_id: str = ""
    category: str = ""
    title_html: str = ""
    promoted: bool = False
    summary: str = ""  # plain text (not HTML) of the short answer, for other apps
    kind_label: str = ""  # what sort of page it is ("news article", "program page")

    def as_dict(self):
        return {
            "title": self.title,
            "url": self.url,
            "snippet": str(self.snippet),
            "type": self.type,
            "score": round(self.score, 4),
            "source_id": self.source_id or None,
            "category": self.category or None,
            "promoted": self.promoted,
            "kind": self.kind_label or None,
        }


@dataclass
class Results:
    query: str
    language: str
    hits: list = field(default_factory=list)  # the requested page of hits
    total: int = 0
    page: int = 1
    page_size: int = PAGE_SIZE
    facets: dict = field(default_factory=dict)  # {"category": [(slug, name, n)], "type": ...}
    suggestion: str = ""  # "did you mean"
    corrected: bool = False  # the hits are for the suggestion, not the original text
    needs_help: bool = False  # the query speaks of violence or danger (search.safety)

    @property
    def num_pages(self):
        return max(1, -(-self.total // self.page_size))

    def as_dict(self):
        return {
            "query": self.query,
            "language": self.language,
            "total": self.total,
            "page": self.page,
            "num_pages": self.num_pages,
            "suggestion": self.suggestion or None,
            "needs_help": self.needs_help,
            "results": [hit.as_dict() for hit in self.hits],
            "facets": {
                "category": [
                    {"slug": slug, "name": name, "count": n}
                    for slug, name, n in self.facets.get("category", [])
                ],
                "type": [
                    {"type": kind, "count": n} for kind, _label, n in self.facets.get("type", [])
                ],
            },
        }


def help_hit(language):
    """The help answer (SAPA 129, UPTD PPA, 110/112) in `language`, as a hit; None when
    that language has no such page."""
    from ..models import AnswerPage

    page = (
        AnswerPage.objects.live()
        .public()
        .filter(source_id=help_answer_source_id(), locale_id=locale_id(language))
        .first()
    )
    if page is None:
        return None
    return Hit(
        page_id=page.pk,
        title=page.title,
        url=page.get_url() or "",
        snippet=highlight(page.short_answer, set(), language),
        type=TYPE_ANSWER,
        score=0.0,
        source_id=page.source_id,
        summary=page.short_answer,
    )


def put_help_answer_first(results, language):
    hit = help_hit(language)
    if hit is None:
        return
    before = len(results.hits)
    results.hits = [hit] + [h for h in results.hits if h.page_id != hit.page_id]
    if len(results.hits) > before:
        results.total += 1
        results.hits = results.hits[: results.page_size]


def locale_id(language):
    """The Locale id of a language code, cached (it never changes for a code)."""
    from django.core.cache import cache

    from wagtail.models import Locale

    return cache.get_or_set(
        f"search:locale:{language}",
        lambda: Locale.objects.filter(language_code=language).values_list("pk", flat=True).first(),
        None,
    )


class SearchBackend:
    """search(query, language, filters, page) -> Results; suggest(prefix, language).

    Subclasses implement `find()`; `search()` adds what every backend must do the same
    way: the help answer first for a query about violence or danger.
    """

    name = "base"

    def __init__(self, query_builder=None):
        self.query_builder = query_builder

    def search(self, query, language="id", filters=None, page=1, page_size=PAGE_SIZE):
        results = self.find(query, language, filters, page, page_size)
        if is_distress_query(query, language) and (filters or {}).get("type") != TYPE_PAGE:
            results.needs_help = True
            if page == 1:
                put_help_answer_first(results, language)
        return results

    def find(self, query, language="id", filters=None, page=1, page_size=PAGE_SIZE):
        raise NotImplementedError

    def suggest(self, prefix, language="id", limit=6):
        raise NotImplementedError

    def warm(self, languages):
        """Get ready to answer in these languages before the first search (a web worker
        calls it as it starts): every backend's query builder reads the spelling
        dictionaries (about 10 MB), which would otherwise load on a worker's first search
        in each language, and show in a soak as memory growing long after the start."""
        from .. import lexicon, semantic

        lexicon.dictionaries()
        semantic.warm()  # the embedding model's engine and weights (~0.3 s)

    def builder(self, spell_checker):
        return self.query_builder or QueryBuilder(spell_checker=spell_checker)

    # Shared: the site's other pages through Wagtail's own search backend -----------
    def other_pages(self, processed, language, limit=50):
        """Non-answer pages that contain every content word (Wagtail's backend)."""
        from ..models import AnswerPage, KnowledgeBaseIndexPage

        if processed.is_empty:
            return []
        text = " ".join(c.words[0] for c in processed.concepts if c.words)
        queryset = (
            Page.objects.live()
            .public()
            .filter(locale_id=locale_id(language))
            .not_type(AnswerPage, KnowledgeBaseIndexPage)
            .exclude(depth__lte=1)
        )
        try:
            found = list(queryset.search(text, operator="and")[:limit])
        except Exception:  # noqa: BLE001 - a backend error must not break the answers
            return []
        order = [page.pk for page in found]
        specific = {p.pk: p for p in Page.objects.filter(pk__in=order).specific()}
        hits = []
        words = processed.highlight_words()
        for position, pk in enumerate(order):
            page = specific.get(pk)
            if page is None:
                continue
            summary = ""
            if hasattr(page, "get_page_context_summary"):
                summary = page.get_page_context_summary() or ""
            hits.append(
                Hit(
                    page_id=page.pk,
                    title=page.title,
                    url=page.get_url() or "",
                    snippet=highlight(summary or page.search_description, words, language, 220),
                    title_html=highlight(page.title, words, language),
                    type=TYPE_PAGE,
                    score=1.0 / (position + 1),
                    kind_label=str(page.specific_class._meta.verbose_name),
                )
            )
        return hits
