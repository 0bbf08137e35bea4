"""Translated query parameter names, kept once looked up (site_core.localized_urls): each
language keeps its own words whatever language was active when a name was first asked."""

from django.http import QueryDict
from django.utils import translation

from site_core.localized_urls import query_name, translate_query


def test_each_language_keeps_its_own_name_whichever_was_asked_first():
    with translation.override("en"):
        assert query_name("code") == "code"
        assert query_name("code", "id") == "kode"
    with translation.override("id"):
        assert query_name("code") == "kode"
        assert query_name("done") == "selesai"
        assert query_name("done", "en") == "done"
    with translation.override("en"):
        assert query_name("done") == "done"


def test_translate_query_renames_known_names_and_keeps_the_rest():
    query = QueryDict("kode=ABC123&halaman=2&selesai=1")
    assert translate_query(query, "en").dict() == {"code": "ABC123", "halaman": "2", "done": "1"}
    empty = translate_query(QueryDict(), "en")
    assert empty == {} and empty._mutable
