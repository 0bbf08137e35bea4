"""The search API and suggestions under abuse: NUL bytes and floods from one client."""

from django.db.models import Sum

from wagtail.contrib.search_promotions.models import Query

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("url", "params"),
    [
        ("/api/search/", {"q": "abc\x00def", "lang": "id"}),
        ("/api/search/", {"q": "ktp", "lang": "id", "category": "x\x00"}),
        ("/api/search/suggest/", {"q": "ak\x00ta", "lang": "id"}),
    ],
)
def test_a_nul_byte_gets_a_clear_400_and_is_not_logged(client, kb, url, params):
    response = client.get(url, params)
    assert response.status_code == 400
    assert response.json()["error"] == "Teks pencarian berisi karakter yang tidak diizinkan."
    assert not Query.objects.filter(query_string__contains="abc").exists()


def test_the_search_page_ignores_a_nul_byte(client, kb):
    response = client.get("/id/cari/", {"q": "abc\x00def"})
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("url", "setting"),
    [("/api/search/", "SEARCH_API_RATE"), ("/api/search/suggest/", "SEARCH_SUGGEST_RATE")],
)
def test_one_client_flooding_the_api_is_limited_and_others_behind_the_proxy_are_not(
    client, kb, settings, url, setting
):
    settings.TRUSTED_CLIENT_IP_HEADERS = ["HTTP_X_FORWARDED_FOR"]
    # The count starts afresh when the rate's window turns over. The first search or
    # suggestion of a process loads the dictionaries (seconds on a busy machine): made
    # here by another client, and counted in an hour's window, the flooder's requests all
    # fall in one window whichever test ran before.
    setattr(settings, setting, "3/h")
    params = {"q": "akta kelahiran", "lang": "id"}
    assert client.get(url, params, REMOTE_ADDR="10.0.0.2").status_code == 200
    flooder = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9"}
    neighbour = {"REMOTE_ADDR": "10.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.10"}
    assert [client.get(url, params, **flooder).status_code for _ in range(3)] == [200] * 3
    logged_before = Query.objects.aggregate(hits=Sum("daily_hits__hits"))["hits"]
    limited = client.get(url, params, **flooder)
    assert limited.status_code == 429
    assert limited["Retry-After"] == "60"
    assert "Terlalu banyak pencarian" in limited.json()["error"]
    # a refused search is not logged
    assert Query.objects.aggregate(hits=Sum("daily_hits__hits"))["hits"] == logged_before
    assert client.get(url, params, **neighbour).status_code == 200
