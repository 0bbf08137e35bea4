"""Wagtail's `public()` reads every view restriction in a query of its own before the
page query; this one filters out pages in private sections inside the same query."""

from django.db.models import Exists, F, OuterRef
from django.db.models.lookups import StartsWith

from wagtail.models import PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


class PublicPageQuerySet(PageQuerySet):
    def public(self):
        """Pages outside private sections (no view restriction on them or an ancestor)."""
        restricted = PageViewRestriction.objects.filter(
            StartsWith(OuterRef("path"), F("page__path"))
        )
        return self.exclude(Exists(restricted))


PublicPageManager = PageManager.from_queryset(PublicPageQuerySet)
