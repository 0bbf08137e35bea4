"""Page routing in one query per level where Wagtail takes two: below a page that allows
one page type only, the child is fetched as that type at once (Wagtail fetches the plain
page, then its specific version)."""


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
