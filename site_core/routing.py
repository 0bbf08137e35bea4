"""Page routing in one query per level where Wagtail takes two: below a page that allows
one page type only, the child is fetched as that type at once (Wagtail fetches the plain
page, then its specific version). The view-restriction check before serving a page asks
one query where Wagtail asks two."""

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction


class OneQueryChildRouteMixin:
    # Relations the page's own template shows, fetched in the routing query when this page
    # is the routed child (e.g. an answer's category and unit).
    route_select_related = ()

    def route(self, request, path_components):
        child_models = self.allowed_subpage_models() if path_components else ()
        if len(child_models) == 1:
            model = child_models[0]
            child = (
                model.objects.child_of(self)
                .filter(slug=path_components[0])
                .select_related(*model.route_select_related)
                .first()
            )
            if child is not None:
                child._cached_parent_obj = self  # as Wagtail does: no query for the parent
                return child.route(request, path_components[1:])
        # Several types allowed, or a child of another type (moved in before a rule
        # changed), or none: Wagtail's way, which answers 404 for a missing child.
        return super().route(request, path_components)


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
