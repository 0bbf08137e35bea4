"""site_core.ratelimit.over_limit: the one rate-limit check, per client address."""

from django.test import RequestFactory

from site_core.ratelimit import over_limit


def request(method="post", address="203.0.113.5"):
    return getattr(RequestFactory(), method)("/form/", REMOTE_ADDR=address)


def test_the_request_after_the_rate_is_over_the_limit():
    assert [over_limit(request(), "demo.form", "3/m") for _ in range(4)] == [
        False,
        False,
        False,
        True,
    ]


def test_each_client_address_and_each_group_has_its_own_count():
    for _ in range(2):
        over_limit(request(), "demo.form", "2/m")
    assert over_limit(request(), "demo.form", "2/m")
    assert not over_limit(request(address="198.51.100.7"), "demo.form", "2/m")
    assert not over_limit(request(), "demo.other", "2/m")


def test_with_method_post_a_get_is_never_limited_nor_counted():
    for _ in range(5):
        assert not over_limit(request("get"), "demo.form", "1/m", method="POST")
    assert not over_limit(request(), "demo.form", "1/m", method="POST")
    assert over_limit(request(), "demo.form", "1/m", method="POST")


def test_by_default_every_method_counts():
    assert not over_limit(request("get"), "demo.api", "1/m")
    assert over_limit(request("post"), "demo.api", "1/m")
