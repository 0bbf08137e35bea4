"""What views, the API and other apps call: search with promotions and query logging."""

from django.db import IntegrityError, transaction
from django.db.models import F

from wagtail.contrib.search_promotions.models import Query

from .backends import get_backend
from .backends.base import PAGE_SIZE, TYPE_PAGE, Hit
from .models import AnswerPage, ZeroResultQuery
from .ranking import highlight
from .text import language_of, normalise

MAX_LOGGED_QUERY = 255


def search(query, language="id", filters=None, page=1, page_size=PAGE_SIZE, log=True):
    """Ranked results for a citizen's query, editors' promoted pages first."""
    results = get_backend().search(
        query, language=language, filters=filters, page=page, page_size=page_size
    )
    if page == 1 and not (filters or {}).get("category"):
        promoted = promoted_hits(query, language)
        if promoted:
            ids = {hit.page_id for hit in promoted}
            results.hits = promoted + [hit for hit in results.hits if hit.page_id not in ids]
            results.total += len(promoted)
    if log and query.strip():
        log_query(query, language, results.total)
    return results


def promoted_hits(query, language):
    """Pages editors promoted for this query (wagtail.contrib.search_promotions)."""
    text = normalise(query).strip()[:MAX_LOGGED_QUERY]
    if not text:
        return []
    query_obj = Query.objects.filter(query_string=text).first()
    if query_obj is None:
        return []
    hits = []
    for pick in query_obj.editors_picks.select_related("page").order_by("sort_order"):
        page = pick.page
        if not page.live or page.locale.language_code != language:
            continue
        specific = page.specific
        hits.append(
            Hit(
                page_id=page.pk,
                title=page.title,
                url=page.get_url() or "",
                snippet=highlight(
                    pick.description or getattr(specific, "short_answer", "") or "",
                    set(),
                    language_of(language),
                ),
                type="answer" if isinstance(specific, AnswerPage) else TYPE_PAGE,
                score=0.0,
                source_id=getattr(specific, "source_id", ""),
                promoted=True,
            )
        )
    return hits


def log_query(query, language, total):
    """Wagtail's search terms report counts every query; ours keeps the ones that failed."""
    text = normalise(query).strip()[:MAX_LOGGED_QUERY]
    if not text:
        return
    Query.get(text).add_hit()
    if total:
        return
    updated = ZeroResultQuery.objects.filter(query_text=text, language_code=language).update(
        hits=F("hits") + 1
    )
    if not updated:
        try:
            with transaction.atomic():
                ZeroResultQuery.objects.create(query_text=text, language_code=language, hits=1)
        except IntegrityError:
            ZeroResultQuery.objects.filter(query_text=text, language_code=language).update(
                hits=F("hits") + 1
            )


def related_answers(page, limit=3):
    """Answers the search finds for this answer's question (same language), itself excluded."""
    language = page.locale.language_code
    results = get_backend().search(
        page.title, language=language, filters={"type": "answer"}, page=1, page_size=limit + 1
    )
    ids = [hit.page_id for hit in results.hits if hit.page_id != page.pk][:limit]
    found = {p.pk: p for p in AnswerPage.objects.live().public().filter(pk__in=ids)}
    return [found[pk] for pk in ids if pk in found]


def suggest(prefix, language="id", limit=6):
    """Answers for search-as-you-type: the last word counts as the start of a word."""
    return get_backend().suggest(prefix, language=language, limit=limit)
