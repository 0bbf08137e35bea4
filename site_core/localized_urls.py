"""URLs in the visitor's language.

Route segments are written in English and translated with `pgettext_lazy("URL", ...)`:
Django's `path()` under `i18n_patterns` and the routable pages' `@path` both resolve and
reverse them in the active language (Django compiles a lazy pattern once per language).
A few query parameter names are translated too (`QUERY_PARAMETERS`).

A URL in another language's words (an old link in sent mail, a shared link) is answered
with a 301 to this language's words, and the language switch lands on the same route in
the other language (`LocalizedRoutesMixin.route_in`, `view_url_in`).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponsePermanentRedirect, QueryDict
from django.urls import NoReverseMatch, Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import pgettext_lazy

from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.url_routing import RouteResult

# Query parameters whose names a citizen reads in the address bar, keyed by a stable name.
QUERY_PARAMETERS = {
    "code": pgettext_lazy("URL query parameter", "code"),
    "done": pgettext_lazy("URL query parameter", "done"),
}


def languages():
    return [code for code, _name in settings.LANGUAGES]


def query_name(name, language=None):
    """The parameter's name in `language` (default: the active one). Kept once looked up:
    the translations are fixed while the process runs, and switching the active language
    for each lookup cost more than the rest of the language switcher's links."""
    language = language or translation.get_language()
    key = (name, language)
    if key not in _QUERY_NAMES:
        with translation.override(language):
            _QUERY_NAMES[key] = str(QUERY_PARAMETERS[name])
    return _QUERY_NAMES[key]


_QUERY_NAMES = {}


def query_value(query, name):
    """The parameter's value under its name in the active language, or under its name in
    another language (links written before the names were translated)."""
    for language in [translation.get_language(), *languages()]:
        value = query.get(query_name(name, language))
        if value:
            return value
    return ""


def name_fields_as_query(form):
    """Name a GET form's fields as their query parameters in the active language."""
    for name in list(form.fields):
        if name in QUERY_PARAMETERS:
            form.fields[query_name(name)] = form.fields.pop(name)


def translate_query(query, language):
    """A copy of `query` (a QueryDict) with the known parameter names in `language`."""
    if not query:
        return QueryDict(mutable=True)
    target_names = {}
    for name in QUERY_PARAMETERS:
        for other in languages():
            target_names[query_name(name, other)] = query_name(name, language)
    result = QueryDict(mutable=True)
    for key, values in query.lists():
        result.setlist(target_names.get(key, key), values)
    return result


def counterpart_value(query, name, model, source, target, field="pk"):
    """Point the filter `name` (the `field` of a translatable `model` object in `source`'s
    locale) at the object's translation in `target`'s locale; drop it when there is none."""
    query = query.copy()
    value = query.get(name)
    if not value or target.locale_id == source.locale_id:
        return query
    originals = model.objects.filter(**{field: value, "locale_id": source.locale_id})
    try:  # the translation found through the original's translation key, in one query
        translated = model.objects.filter(
            locale_id=target.locale_id,
            translation_key__in=originals.values("translation_key"),
        ).first()
    except (ValueError, ValidationError):
        translated = None
    if translated is None:
        query.pop(name)
    else:
        query[name] = str(getattr(translated, field))
    return query


def with_query(url, query):
    encoded = query.urlencode() if query else ""
    return f"{url}?{encoded}" if encoded else url


def _foreign_query_names(query):
    active = translation.get_language()
    return any(
        key != query_name(name, active) and key == query_name(name, other)
        for key in query
        for name in QUERY_PARAMETERS
        for other in languages()
    )


class LocalizedRoutesMixin(RoutablePageMixin):
    """Routable page whose route segments are translated (`@path(pgettext_lazy(...))`).

    Routes resolve in the active language; a route written in another language, or a query
    parameter named in another language, is answered with a 301 to the active language's
    form. The matched route is kept on the request for the language switch."""

    def reverse_subpage(self, name, args=None, kwargs=None):
        """The route in this page's language, whatever language is active."""
        with translation.override(self.locale.language_code):
            return super().reverse_subpage(name, args=args, kwargs=kwargs)

    def subpage_url(self, name, args=None, kwargs=None, request=None):
        """The page's URL (relative, as `page.url`) with the route `name` in its language."""
        return self.get_url(request) + self.reverse_subpage(name, args, kwargs).lstrip("/")

    def route(self, request, path_components):
        if not self.live:
            return super(RoutablePageMixin, self).route(request, path_components)
        subpath = "/" + "".join(f"{part}/" for part in path_components)
        try:
            match = self.resolve_subpage(subpath)
        except Http404:
            match = self._match_in_other_language(subpath)
            if match is None:  # a child page, or nothing
                return super(RoutablePageMixin, self).route(request, path_components)
            return self._redirect_route(request, match)
        if request.method in ("GET", "HEAD") and _foreign_query_names(request.GET):
            return self._redirect_route(request, match)
        request.routable_resolver_match = match
        request.routable_page_id = self.pk
        view, args, kwargs = match
        return RouteResult(self, args=(view, args, kwargs))

    def _match_in_other_language(self, subpath):
        for language in languages():
            with translation.override(language):
                try:
                    return self.resolve_subpage(subpath)
                except Http404:
                    continue
        return None

    def _redirect_route(self, request, match):
        response = moved_permanently(request, self.route_in(self, match, request.GET, request))
        return RouteResult(self, args=(lambda _request: response, [], {}))

    def counterpart_query(self, query, target):
        """`query` for the same listing on `target` (this page in another language): pages
        whose filters name translated objects map them here."""
        return query

    def route_in(self, target, match, query, request=None):
        """URL of the route `match` of this page on `target` (this page or a translation),
        with the same arguments and the query translated to `target`'s language."""
        language = target.locale.language_code
        subpath = target.reverse_subpage(match.url_name, args=match.args, kwargs=match.kwargs)
        query = translate_query(self.counterpart_query(query, target), language)
        return with_query(target.get_url(request) + subpath.lstrip("/"), query)


def moved_permanently(request, url):
    """301, or 308 for a form sent to an old address: the browser sends it again, unchanged,
    to the new one (nothing the citizen typed is lost)."""
    return HttpResponsePermanentRedirect(
        url, preserve_request=request.method not in ("GET", "HEAD")
    )


def view_url_in(request, language):
    """The URL of the current non-page view (search, calendar feeds, fallbacks) in
    `language`, with the same arguments and the query translated; None if it has no name."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.url_name or match.url_name == "wagtail_serve":
        return None
    with translation.override(language):
        try:
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            return None
        return with_query(url, translate_query(request.GET, language))


def other_language_redirect(request):
    """301 for a path written in another language's words, or None. The path must resolve
    in that language to a named view that is not Wagtail's catch-all page view."""
    active = translation.get_language()
    prefix = f"/{active}/"
    if not request.path_info.startswith(prefix):
        return None  # paths without a language (mail links, API) have one spelling
    for language in languages():
        if language == active:
            continue
        with translation.override(language):
            try:
                match = resolve(f"/{language}/" + request.path_info.removeprefix(prefix))
            except Resolver404:
                continue
        if not match.url_name or match.url_name == "wagtail_serve":
            continue
        try:
            url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
        except NoReverseMatch:
            continue
        if url != request.path_info:
            return moved_permanently(request, with_query(url, translate_query(request.GET, active)))
    return None
