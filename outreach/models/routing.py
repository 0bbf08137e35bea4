"""Query savings on Wagtail's page routing and privacy filter, and the lookup of a page's
version in the default language (where registrations and reach figures hang)."""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from django.utils import translation

from wagtail.models import PageManager

from site_core.public_pages import PublicPageQuerySet


class OutreachPageQuerySet(PublicPageQuerySet):
    """Outreach pages: `public()` in the page's own query (site_core.public_pages)."""


OutreachPageManager = PageManager.from_queryset(OutreachPageQuerySet)


class SpecificChildRouteMixin:
    """Route into a child of the one page type allowed below in one query instead of
    Wagtail's two (the page, then its specific version). When the child is the page served
    in another language than the default, the same query brings its version in the default
    language, where registrations and reach figures hang; a page routed through (a program
    on the way to its event) or served in the default language needs no such version.

    Subpage routes come first, as in RoutablePageMixin; any other child (and a path that
    matches nothing) takes Wagtail's usual way."""

    @classmethod
    def child_page_model(cls):
        raise NotImplementedError

    def route(self, request, path_components):
        if self.live and path_components:
            try:
                self.resolve_subpage("/" + "/".join(path_components) + "/")
            except Http404:
                served = len(path_components) == 1
                if served and translation.get_language() != settings.LANGUAGE_CODE:
                    child = self._child_with_source(path_components[0])
                else:
                    child = self._child(path_components[0])
                if child is not None:
                    return child.route(request, path_components[1:])
        return super().route(request, path_components)

    def _child(self, slug):
        model = self.child_page_model()
        child = model.objects.child_of(self).filter(slug=slug).select_related("locale").first()
        if child is not None:
            child._cached_parent_obj = self
        return child

    def _child_with_source(self, slug):
        model = self.child_page_model()
        is_child = Q(path__startswith=self.path, depth=self.depth + 1, slug=slug)
        rows = list(
            model.objects.filter(
                translation_key__in=model.objects.filter(is_child).values("translation_key")
            )
            .filter(is_child | Q(locale__language_code=settings.LANGUAGE_CODE))
            .select_related("locale")
            .order_by("path")
        )
        child = next(
            (
                row
                for row in rows
                if row.slug == slug
                and row.depth == self.depth + 1
                and row.path.startswith(self.path)
            ),
            None,
        )
        if child is None:
            return None
        child._cached_parent_obj = self
        sources = [row for row in rows if row.locale.language_code == settings.LANGUAGE_CODE]
        child._canonical_page = child if child in sources or not sources else sources[0]
        return child


def canonical_page(page):
    """The page's version in the default language (where shared data is attached).

    Looked up once per page object, in one query (none when the page's locale is loaded).
    """
    cached = page.__dict__.get("_canonical_page")
    if cached is not None:
        return cached
    locale = page._state.fields_cache.get("locale")
    if locale is not None and locale.language_code == settings.LANGUAGE_CODE:
        source = page
    else:
        source = (
            type(page)
            .objects.filter(
                translation_key=page.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            )
            .first()
        )
        if source is None or source.pk == page.pk:
            source = page
    page._canonical_page = source
    return source
