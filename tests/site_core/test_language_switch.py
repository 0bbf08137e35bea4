"""Every public page type and route, in both languages: it answers in its language, its
words are that language's, and the language switch lands on the same thing in the other.

Built on the full demo (every app's content), as a citizen meets the site."""

import html
import io
import os
import re
import tempfile
from pathlib import Path
from unittest import mock

from django.conf import settings
from django.core.management import call_command
from django.test import TestCase, override_settings
from django.utils import translation

from wagtail.models import Page

from complaint_forms.models import Report, ReportPage
from outreach.models import EventPage, ProgramIndexPage, ProgramKind, ProgramPage
from search.models import AnswerCategory, KnowledgeBaseIndexPage
from site_core.localized_urls import LocalizedRoutesMixin

SWITCHER = re.compile(r'<nav class="language-switcher".*?</nav>', re.S)
OTHER = {"id": "en", "en": "id"}

# Each routable page route: (page type, route name, arguments, Indonesian tail, English tail).
ROUTES = [
    (ReportPage, "form_view", {}, "", ""),
    (ReportPage, "index_route", {}, "", ""),  # Wagtail's own, shadowed by form_view
    (ReportPage, "consultation", {}, "konsultasi/", "ask/"),
    (ReportPage, "confirmation", {"code": "<code>"}, "terkirim/<code>/", "sent/<code>/"),
    (ReportPage, "tracking", {}, "lacak/", "track/"),
    (ProgramIndexPage, "index_route", {}, "", ""),
    (ProgramIndexPage, "events", {}, "agenda/", "events/"),
    (ProgramIndexPage, "verify_certificate", {}, "verifikasi/", "verify/"),
    (ProgramPage, "index_route", {}, "", ""),
    (ProgramPage, "school_request", {}, "ajukan-sesi/", "request-session/"),
    (ProgramPage, "ambassador_apply", {}, "daftar-duta/", "apply/"),
    (ProgramPage, "assisted_reporting", {}, "pendampingan-melapor/", "assisted-reporting/"),
    (ProgramPage, "thanks", {"what": "school"}, "terima-kasih/school/", "thanks/school/"),
    (EventPage, "index_route", {}, "", ""),
    (EventPage, "register", {}, "daftar/", "register/"),
]
# The program whose form each program route belongs to.
ROUTE_PROGRAM = {
    "school_request": ProgramKind.SCHOOL,
    "ambassador_apply": ProgramKind.AMBASSADOR,
    "assisted_reporting": ProgramKind.DISABILITY,
    "thanks": ProgramKind.SCHOOL,
    "index_route": ProgramKind.SCHOOL,
}


def switch_url(content, language):
    nav = SWITCHER.search(content).group(0)
    return html.unescape(re.search(rf'<a href="([^"]+)" hreflang="{language}"', nav).group(1))


def visit(client, url, language):
    response = client.get(url)
    assert response.status_code == 200, url
    content = response.content.decode()
    assert f'<html lang="{language}"' in content, url
    return response, content


def land_on_counterpart(client, url, language):
    """Visit `url`, follow the switch to the other language; both responses."""
    first, content = visit(client, url, language)
    target = switch_url(content, OTHER[language])
    second, _content = visit(client, target, OTHER[language])
    return first, second, target


def in_language(page, language):
    return page.get_translation(page.locale.__class__.objects.get(language_code=language))


# Interface words of one language that must not show in the other's chrome (header, menus,
# footer) or form labels. Names (LAPOR!, Banjarbaru, Kecamatan) read the same in both.
INDONESIAN_WORDS = [
    "Pemerintah Kota",
    "Senin",
    "Jumat",
    "Beranda",
    "Cari",
    "Bahasa",
    "Kontak",
    "Telepon",
    "Tampilan",
    "Informasi",
    "Lewati",
    "Kirim",
    "Nama",
    "Sekolah",
    "Laporan",
    "Lapor\b",
    "Berita",
    "Acara",
    "Tanggal",
    "Judul",
    "Pilih",
    "Ukuran",
    "Kontras",
    "Semua",
]
ENGLISH_WORDS = [
    "City Government",
    "Monday",
    "Friday",
    "Home",
    "Search",
    "Language",
    "Contact",
    "Phone",
    "Display",
    "Information",
    "Skip",
    "Send",
    "Name",
    "School",
    "Report\b",
    "News",
    "Events",
    "Date",
    "Title",
    "Choose",
    "Text size",
    "Contrast",
    "All\b",
    "Upcoming",
]
CHROME = re.compile(
    r"<header\b.*?</header>|<footer\b.*?</footer>|<label\b.*?</label>|<legend\b.*?</legend>",
    re.S,
)
TAG = re.compile(r"<[^>]+>")


def foreign_words(content, language):
    """Interface words of the other language in the page's chrome and form labels."""
    other = OTHER[language]
    # Text marked as the other language (the switch's "Bahasa Indonesia") is meant to be.
    content = re.sub(rf'<(\w+)[^>]*\blang="{other}"[^>]*>.*?</\1>', " ", content, flags=re.S)
    chrome = " ".join(TAG.sub(" ", html.unescape(part)) for part in CHROME.findall(content))
    words = INDONESIAN_WORDS if language == "en" else ENGLISH_WORDS
    return [word for word in words if re.search(rf"\b{word}", chrome)]


def public_page_types():
    from django.apps import apps

    return {
        model
        for model in apps.get_models()
        if issubclass(model, Page) and model is not Page and model._meta.app_label != "wagtailcore"
    }


def route_cases():
    code = Report.objects.order_by("pk").values_list("tracking_code", flat=True).first()
    for model, name, kwargs, tail_id, tail_en in ROUTES:
        if model is ProgramPage:
            page = ProgramPage.objects.get(locale__language_code="id", kind=ROUTE_PROGRAM[name])
        else:
            page = model.objects.live().filter(locale__language_code="id").first()
        page_en = in_language(page, "en")
        kwargs = {key: value.replace("<code>", code) for key, value in kwargs.items()}
        yield (
            name,
            page.url + tail_id.replace("<code>", code),
            page_en.url + tail_en.replace("<code>", code),
            page,
            kwargs,
        )


class LanguageSwitchOnTheDemo(TestCase):
    """One demo (every app's content) for all the checks: loading it takes a minute."""

    @classmethod
    def setUpTestData(cls):
        knowledge_base = Path(settings.BASE_DIR) / settings.KNOWLEDGE_BASE_DATA
        with (
            tempfile.TemporaryDirectory() as folder,
            # The loader writes no password file into the checkout.
            override_settings(BASE_DIR=Path(folder), KNOWLEDGE_BASE_DATA=str(knowledge_base)),
            mock.patch.dict(os.environ, {"DEMO_ADMIN_PASSWORD": "switch-test-password-1"}),
        ):
            call_command("load_demo", stdout=io.StringIO(), stderr=io.StringIO())

    def test_every_page_type_switches_to_its_translation_and_back(self):
        sample = {}
        for page in Page.objects.live().filter(depth__gt=1, locale__language_code="id").specific():
            english = page.get_translations().live().filter(locale__language_code="en").first()
            if english is not None:
                sample.setdefault(type(page), (page, english))
        assert set(sample) == public_page_types()
        for model, (page_id, page_en) in sample.items():
            for page, language in ((page_id, "id"), (page_en, "en")):
                with self.subTest(page=model.__name__, language=language):
                    first, second, target = land_on_counterpart(self.client, page.url, language)
                    expected = page_en if language == "id" else page_id
                    assert target == expected.url
                    assert second.context["page"].translation_key == page.translation_key

    def test_every_routable_page_route_is_listed_here(self):
        """A new route must join ROUTES (and the catalogue) to be tested in both languages."""
        listed = {(model, name) for model, name, *_rest in ROUTES}
        for model in (ReportPage, ProgramIndexPage, ProgramPage, EventPage):
            assert issubclass(model, LocalizedRoutesMixin)
            names = {route.name for route in model.get_subpage_urls()}
            assert {(model, name) for name in names} <= listed, model

    def test_every_route_has_its_own_words_and_switches_to_its_counterpart(self):
        for name, url_id, url_en, page, kwargs in route_cases():
            with self.subTest(route=name):
                assert page.subpage_url(name, kwargs=kwargs) == url_id
                first, second, target = land_on_counterpart(self.client, url_id, "id")
                assert target == url_en
                assert second.context["page"].translation_key == page.translation_key
                _first, back, target_back = land_on_counterpart(self.client, url_en, "en")
                assert target_back == url_id
                assert back.context["page"].translation_key == page.translation_key

    def test_old_addresses_in_the_other_languages_words_redirect_permanently(self):
        """Links in mail sent before the routes were translated keep working."""
        report = ReportPage.objects.get(locale__language_code="id")
        report_en = in_language(report, "en")
        code = Report.objects.order_by("pk").values_list("tracking_code", flat=True).first()
        school = ProgramPage.objects.get(locale__language_code="id", kind=ProgramKind.SCHOOL)
        ambassadors = ProgramPage.objects.get(
            locale__language_code="id", kind=ProgramKind.AMBASSADOR
        )
        index = ProgramIndexPage.objects.get(locale__language_code="id")
        cases = [
            (f"{report_en.url}lacak/?kode={code}", f"{report_en.url}track/?code={code}"),
            (f"{report_en.url}terkirim/{code}/", f"{report_en.url}sent/{code}/"),
            (
                f"{report.url}lacak/?code={code}&selesai=rate",
                f"{report.url}lacak/?kode={code}&selesai=rate",
            ),
            (f"{school.url}request-session/", f"{school.url}ajukan-sesi/"),
            (f"{ambassadors.url}apply/", f"{ambassadors.url}daftar-duta/"),
            (f"{index.url}events/?kecamatan=cempaka", f"{index.url}agenda/?kecamatan=cempaka"),
            ("/id/search/?q=ktp", "/id/cari/?q=ktp"),
            ("/en/laporan/lacak/", "/en/reports/track/"),
            ("/id/events.ics", "/id/agenda.ics"),
        ]
        for old, new in cases:
            with self.subTest(old=old):
                response = self.client.get(old)
                assert response.status_code == 301
                assert response["Location"] == new
                assert self.client.get(new).status_code == 200

    def test_a_form_sent_to_an_old_address_is_sent_again_unchanged(self):
        school = ProgramPage.objects.get(locale__language_code="id", kind=ProgramKind.SCHOOL)
        response = self.client.post(f"{school.url}request-session/", {"school_name": ""})
        assert response.status_code == 308  # the browser repeats the POST, body and all
        assert response["Location"] == f"{school.url}ajukan-sesi/"

    def test_filters_and_codes_follow_the_switch(self):
        code = Report.objects.order_by("pk").values_list("tracking_code", flat=True).first()
        report = ReportPage.objects.get(locale__language_code="id")
        report_en = in_language(report, "en")
        with self.subTest("tracking code"):
            _first, second, target = land_on_counterpart(
                self.client, f"{report.url}lacak/?kode={code}", "id"
            )
            assert target == f"{report_en.url}track/?code={code}"
            assert second.context["report"].tracking_code == code
        index = ProgramIndexPage.objects.get(locale__language_code="id")
        school = ProgramPage.objects.get(locale__language_code="id", kind=ProgramKind.SCHOOL)
        school_en = in_language(school, "en")
        with self.subTest("event listing by program"):
            url = f"{index.url}agenda/?program={school.pk}&kecamatan=cempaka"
            _first, second, target = land_on_counterpart(self.client, url, "id")
            assert (
                target
                == f"{in_language(index, 'en').url}events/?program={school_en.pk}&kecamatan=cempaka"
            )
            assert second.context["form"].cleaned_data["program"] == school_en.pk
        knowledge_base = KnowledgeBaseIndexPage.objects.get(locale__language_code="id")
        category = (
            AnswerCategory.objects.filter(locale__language_code="id")
            .filter(
                translation_key__in=AnswerCategory.objects.filter(
                    locale__language_code="en"
                ).values("translation_key")
            )
            .first()
        )
        category_en = category.get_translation(in_language(knowledge_base, "en").locale)
        with self.subTest("answers by category"):
            url = f"{knowledge_base.url}?category={category.slug}"
            _first, second, target = land_on_counterpart(self.client, url, "id")
            assert target == f"{in_language(knowledge_base, 'en').url}?category={category_en.slug}"
            assert second.context["selected_category"] == category_en
        with self.subTest("search"):
            _first, _second, target = land_on_counterpart(self.client, "/id/cari/?q=ktp", "id")
            assert target == "/en/search/?q=ktp"

    def test_mail_links_use_the_citizens_language(self):
        from complaint_forms.links import absolute_tracking_url

        report = Report.objects.order_by("pk").first()
        for language, tail in (("id", "/lacak/?kode="), ("en", "/track/?code=")):
            report.language = language
            with translation.override("id"):
                assert f"{tail}{report.tracking_code}" in absolute_tracking_url(report)

    def test_chrome_and_form_labels_are_in_the_pages_language(self):
        urls = []
        for page in Page.objects.live().filter(depth__gt=1).specific():
            if type(page) not in {type(sample) for sample, _language in urls}:
                urls.append((page, page.locale.language_code))
        pages = {(type(page), language): page.url for page, language in urls}
        routes = {}
        for name, url_id, url_en, _page, _kwargs in route_cases():
            routes[(name, "id")] = url_id
            routes[(name, "en")] = url_en
        for model in public_page_types():
            for language in ("id", "en"):
                page = (
                    model.objects.live().filter(locale__language_code=language).order_by("path")
                ).first()
                if page is not None:
                    pages[(model, language)] = page.url
        for (_what, language), url in {**pages, **routes}.items():
            with self.subTest(url=url):
                _response, content = visit(self.client, url, language)
                assert foreign_words(content, language) == []

    def test_answers_only_in_indonesian_say_so_on_the_english_listing(self):
        """Untranslated answers are not dressed up as English pages: the English listing
        counts them and links to where they can be read."""
        from search.models import AnswerPage

        index = KnowledgeBaseIndexPage.objects.get(locale__language_code="id")
        index_en = in_language(index, "en")
        english = AnswerPage.objects.live().filter(locale__language_code="en")
        only_id = (
            AnswerPage.objects.live()
            .filter(locale__language_code="id")
            .exclude(translation_key__in=english.values("translation_key"))
        )
        assert only_id.count() > 100 and english.count() > 50
        assert not english.filter(alias_of__isnull=False).exists()
        _response, content = visit(self.client, index_en.url, "en")
        assert f"{only_id.count()} more answers are available only in Indonesian." in content
        assert f'<a href="{index.url}" hreflang="id">Read the answers in Indonesian</a>' in content
        _response, content = visit(self.client, index.url, "id")
        assert "hanya tersedia dalam bahasa Indonesia" not in content
        category = only_id.exclude(category=None).first().category
        category_en = category.get_translation(index_en.locale)
        in_category = only_id.filter(category=category).count()
        _response, content = visit(self.client, f"{index_en.url}?category={category_en.slug}", "en")
        answers = "answer is" if in_category == 1 else "answers are"
        assert f"{in_category} more {answers} available only in Indonesian." in content
        assert f'href="{index.url}?category={category.slug}" hreflang="id"' in content

    def test_news_tags_are_the_pages_language_and_the_switch_keeps_a_shared_one(self):
        from site_core.models import NewsIndexPage

        news = NewsIndexPage.objects.get(locale__language_code="id")
        news_en = in_language(news, "en")
        _response, content = visit(self.client, news_en.url, "en")
        assert "?tag=award" in content and "penghargaan" not in content
        _response, content = visit(self.client, news.url, "id")
        assert "?tag=penghargaan" in content and "?tag=award" not in content
        _first, second, target = land_on_counterpart(
            self.client, f"{news.url}?tag=sp4n-lapor", "id"
        )
        assert target == f"{news_en.url}?tag=sp4n-lapor"
        assert second.context["current_tag"] == "sp4n-lapor"
        # A tag the English news does not use: the English news, unfiltered.
        _first, _second, target = land_on_counterpart(
            self.client, f"{news.url}?tag=penghargaan", "id"
        )
        assert target == news_en.url
