"""The URL walk, the demo and the request classifier behind the permission-matrix test."""

import fnmatch
from dataclasses import dataclass

from django.apps import apps
from django.contrib.auth.models import Group
from django.core.exceptions import ObjectDoesNotExist
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import LocalePrefixPattern, RoutePattern

from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Page

ROLES = ["anonymous", "editor", "moderator", "coordinator", "officer_a", "outreach_staff"]

# What a response means for the person who asked.
LOGIN = "login"  # sent to the admin login page
OK = "ok"  # shown, or sent on somewhere that is not a refusal
DENIED = "denied"  # 403, or Wagtail's "permission denied" redirect to the dashboard
MISSING = "missing"  # 404: not there, or not there for this person
METHOD = "method"  # 405: the URL only takes POST
BAD = "bad"  # 400: a parameter the demo cannot fill is missing or wrong


@dataclass(frozen=True)
class Route:
    name: str  # "namespace:name", or the route itself for unnamed patterns
    route: str
    converters: tuple
    named: bool


def walk(resolver=None, prefix="", namespace=None):
    """Every URL pattern the project serves, with its full route and namespaced name."""
    resolver = resolver or get_resolver()
    for pattern in resolver.url_patterns:
        route = pattern.pattern
        if isinstance(route, LocalePrefixPattern):
            part = "id/"
        elif isinstance(route, RoutePattern):
            part = str(route._route)
        else:
            part = route._regex
        if isinstance(pattern, URLResolver):
            inner = namespace
            if pattern.namespace:
                inner = f"{namespace}:{pattern.namespace}" if namespace else pattern.namespace
            yield from walk(pattern, prefix + part, inner)
        elif isinstance(pattern, URLPattern):
            named = bool(pattern.name)
            name = pattern.name or prefix + part
            if namespace and pattern.name:
                name = f"{namespace}:{pattern.name}"
            converters = tuple(sorted(pattern.pattern.converters)) if named else ()
            if not isinstance(route, RoutePattern):
                converters = tuple(sorted(pattern.pattern.regex.groupindex))
            yield Route(name, prefix + part, converters, named)


def classify(response, url):
    status = response.status_code
    location = response.get("Location", "")
    if status in (301, 302):
        if "/admin/login/" in location:
            return LOGIN
        if location in ("/admin/", "/id/admin/"):
            return DENIED
        if location.startswith("/id/") and location[3:] == url.split("?")[0]:
            return MISSING  # the locale middleware's answer to an admin 404
        return OK
    if status == 403:
        return DENIED
    if status == 404:
        return MISSING
    if status == 405:
        return METHOD
    if status == 400:
        return BAD
    if 200 <= status < 400:
        return OK
    return f"status {status}"


def matching_rule(rules, name):
    for pattern, rule in rules:
        if fnmatch.fnmatchcase(name, pattern):
            return rule
    return None


def role_users(unit_a, make_user):
    def member(*groups):
        return make_user(groups=list(groups))

    officer = member("Petugas Unit Kerja")
    from complaint_forms.models import UnitMembership

    UnitMembership.objects.create(user=officer, unit=unit_a)
    return {
        "anonymous": None,
        "editor": member("Editor Konten"),
        "moderator": member("Moderator Konten"),
        "coordinator": member("Koordinator Pengaduan"),
        "officer_a": officer,
        "outreach_staff": member("Petugas Sosialisasi"),
    }


def object_for_namespace(namespace):
    """A demo object of the model a Wagtail viewset namespace is about, if there is one."""
    for prefix in ("wagtailsnippets_", "wagtailsnippetchoosers_"):
        if namespace.startswith(prefix):
            rest = namespace[len(prefix) :]
            for config in apps.get_app_configs():
                if rest.startswith(config.label + "_"):
                    model = config.get_model(rest[len(config.label) + 1 :])
                    return model.objects.order_by("pk").first()
    return None


def demo_image():
    from wagtail.images.models import Image

    return Image.objects.create(title="Poster", file=get_test_image_file())


def first_page_of(model):
    try:
        return model.objects.order_by("pk").first() or Page.objects.get(depth=2)
    except ObjectDoesNotExist:
        return None


def group(name):
    return Group.objects.get(name=name)


def reverse_or_none(name, kwargs):
    try:
        return reverse(name, kwargs=kwargs)
    except Exception:  # noqa: BLE001 - a pattern the demo cannot fill is reported, not hidden
        return None
