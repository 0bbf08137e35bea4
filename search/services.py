"""What views, the API and other apps call: search with promotions and query logging."""

from django.core.cache import cache

from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from .answer_index import get_index
from .backends import get_backend
from .backends.base import PAGE_SIZE, TYPE_PAGE, Hit
from .highlighting import highlight
from .models import AnswerPage
from .privacy import redact
from .query_log import MAX_LOGGED_QUERY
from .text import language_of, words


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
        from .tasks import log_search_query

        # Personal numbers never reach the queue or the logs.
        log_search_query.enqueue(redact(query)[:MAX_LOGGED_QUERY], language, results.total)
    return results


def promoted_hits(query, language):
    """Pages editors promoted for this query (wagtail.contrib.search_promotions)."""
    text = " ".join(words(query))[:MAX_LOGGED_QUERY]
    if not text:
        return []
    if text not in promoted_queries():
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


PROMOTED_KEY = "search:promoted-queries"


def promoted_queries():
    """Query strings that have promotions, cached so most searches skip the lookup."""
    found = cache.get(PROMOTED_KEY)
    if found is None:
        found = set(
            SearchPromotion.objects.values_list("query__query_string", flat=True).distinct()
        )
        cache.set(PROMOTED_KEY, found, 60 * 60)
    return found


def forget_promotions(**kwargs):
    cache.delete(PROMOTED_KEY)


def related_answers(page, language, limit=3):
    """[{title, url}] of answers the search finds for this answer's question, filled up
    with answers of the same category; served from the search index, not the database."""

    results = get_backend().search(
        page.title, language=language, filters={"type": "answer"}, page=1, page_size=limit + 1
    )
    related = [
        {"title": hit.title, "url": hit.url} for hit in results.hits if hit.page_id != page.pk
    ][:limit]
    if len(related) < limit and page.category_id:
        seen = {item["url"] for item in related}
        for doc in get_index(language).docs:
            if len(related) >= limit:
                break
            if doc.category_id == page.category_id and doc.page_id != page.pk:
                if doc.url not in seen:
                    related.append({"title": doc.title, "url": doc.url})
    return related


def related_for_page(page, language, limit=3):
    """The answers editors chose for `page`, filled up with ones search finds."""
    related = page.chosen_related()
    if len(related) < limit:
        urls = {item["url"] for item in related}
        for item in related_answers(page, language, limit=limit + 2):
            if item["url"] not in urls and len(related) < limit:
                related.append(item)
                urls.add(item["url"])
    return related


def suggest(prefix, language="id", limit=6):
    """Answers for search-as-you-type: the last word counts as the start of a word."""
    return get_backend().suggest(prefix, language=language, limit=limit)
