"""Page routing in one query per level where Wagtail takes two: the child is fetched as
its own page type at once (Wagtail fetches the plain page, then its specific version).
The view-restriction check before serving a page asks one query where Wagtail asks two."""

import hashlib

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.http import Http404

from wagtail.models import Page, PageViewRestriction

from . import frame_version


class OneQueryChildRouteMixin:
    # Relations the page's own template shows, fetched in the routing query when this page
    # is the routed child (e.g. an answer's category and unit).
    route_select_related = ()

    def route(self, request, path_components):
        model = self._child_model(path_components[0]) if path_components else None
        if model is not None and model is not Page:  # a plain page: Wagtail's one query
            children = model.objects.child_of(self).filter(slug=path_components[0])
            related = getattr(model, "route_select_related", ())
            if related:  # select_related() with no names would join every foreign key
                children = children.select_related(*related)
            child = children.first()
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail does: no query for the parent
                return child.route(request, path_components[1:])
        # A child of another type (moved in before a rule changed, or a stale cached
        # type), or none: Wagtail's way, which answers 404 for a missing child.
        return super().route(request, path_components)

    def _child_model(self, slug):
        """The page type of the child at `slug`: the one type allowed below, or the type of
        the child found, cached with the page frame (a publish, move or delete drops it).
        The child is then fetched as that type, so a stale type finds nothing and routing
        falls back to Wagtail's way: never a wrong page."""
        child_models = self.allowed_subpage_models()
        if len(child_models) == 1:
            return child_models[0]
        digest = hashlib.md5(slug.encode(), usedforsecurity=False).hexdigest()
        key = frame_version.versioned_key(f"child-type:{self.pk}:{digest}")
        content_type_id = cache.get(key)
        if content_type_id is None:
            content_type_id = (
                Page.objects.child_of(self)
                .filter(slug=slug)
                .values_list("content_type_id", flat=True)
                .first()
            )
            if content_type_id is None:
                raise Http404  # no such child (not cached: any text can be typed)
            cache.set(key, content_type_id, frame_version.TIMEOUT)
        return ContentType.objects.get_for_id(content_type_id).model_class()


class OneQueryViewRestrictionsMixin:
    def get_view_restrictions(self):
        """Wagtail reads the page's ancestors, then the restrictions on them, on every page
        served. The ancestors' paths are known from the page's own path, so one query tells
        whether the page or an ancestor has a restriction or is an alias (whose source's
        restrictions apply); only then is Wagtail's own lookup needed."""
        steplen = self.steplen
        paths = [self.path[:end] for end in range(steplen, len(self.path) + 1, steplen)]
        needs_lookup = Page.objects.filter(
            Q(alias_of__isnull=False) | Q(view_restrictions__isnull=False), path__in=paths
        ).exists()
        if needs_lookup:
            return super().get_view_restrictions()
        return PageViewRestriction.objects.none()
