"""Search backends behind one interface; settings choose which one runs.

`ELASTICSEARCH_URL` set -> Elasticsearch, otherwise the database backend.
"""

from django.conf import settings
from django.utils.module_loading import import_string

from .base import Hit, Results, SearchBackend

__all__ = ["Hit", "Results", "SearchBackend", "get_backend"]

_backends = {}


def backend_path():
    return getattr(settings, "SEARCH_BACKEND", None) or (
        "search.backends.elasticsearch.ElasticsearchSearchBackend"
        if getattr(settings, "ELASTICSEARCH_URL", "")
        else "search.backends.database.DatabaseSearchBackend"
    )


def get_backend(path=None):
    path = path or backend_path()
    if path not in _backends:
        _backends[path] = import_string(path)()
    return _backends[path]
