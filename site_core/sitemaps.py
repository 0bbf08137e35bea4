from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLocalesSitemap(Sitemap):
    """Wagtail's sitemap lists only the site root's tree; list every language's tree."""

    def items(self):
        site = self.get_wagtail_site()
        in_any_tree = Q()
        for root in site.root_page.get_translations(inclusive=True):
            in_any_tree |= Q(path__startswith=root.path)
        return (
            Page.objects.filter(in_any_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
