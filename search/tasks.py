"""Background work: query logging runs off the request so searching stays fast."""

from django_tasks import task


@task()
def log_search_query(query, language, total):
    from .query_log import log_query

    log_query(query, language, total)


@task()
def record_search_click(page_id, query):
    from .answer_index import bump_version
    from .learning import record_click

    if record_click(page_id, query):
        bump_version()


@task()
def embed_answer(page_id):
    """Embed a published answer's new text (search.semantic); nothing if it has a vector."""
    from .answer_index import bump_version
    from .semantic import embed_missing

    if embed_missing(page_ids=[page_id]):
        bump_version()
