"""Factories for the site's own pages; apps add theirs beside their tests."""

import datetime

import factory
import wagtail_factories

from site_core.models import HomePage, InformationPage, NewsArticlePage, NewsIndexPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Beranda"
    hero_heading = "Sampaikan laporan Anda"
    hero_text = "Laporan Anda ditindaklanjuti."

    class Meta:
        model = HomePage


class InformationPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Informasi {n}")
    introduction = "Pengantar halaman."
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = InformationPage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Berita"
    slug = "berita"

    class Meta:
        model = NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Berita {n}")
    summary = "Ringkasan berita."
    date = factory.Sequence(lambda n: datetime.date(2026, 1, 1) + datetime.timedelta(days=n))
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = NewsArticlePage
