"""The statistics page in both languages, linked from the footer. Safe to run again."""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Locale, Site

from open_data.awards import demo_awards
from open_data.models import StatisticsPage
from site_core.demo.pages import ensure_child, ensure_translation
from site_core.models import FooterNavigationLink, HomePage, NavigationSettings


class Command(BaseCommand):
    help = "Create the “Data dan Statistik” page (Indonesian and English)."

    @transaction.atomic
    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or not isinstance(site.root_page.specific, HomePage):
            raise CommandError("Run load_demo first: it builds the home page.")
        page, _created = ensure_child(
            site.root_page.specific,
            StatisticsPage,
            "data",
            title="Data dan Statistik",
            introduction=(
                "Angka pengaduan dan sosialisasi LAPOR! Banjarbaru: berapa laporan masuk, "
                "seberapa cepat dijawab, dan siapa yang sudah kami jangkau. Semua data boleh "
                "diunduh dan dipakai ulang (CC BY 4.0)."
            ),
        )
        ensure_translation(
            page,
            Locale.objects.get_or_create(language_code="en")[0],
            title="Data and statistics",
            slug="data",
            introduction=(
                "Figures on complaints and outreach in Banjarbaru: how many reports arrive, "
                "how fast they are answered, and whom we have reached. All data may be "
                "downloaded and reused (CC BY 4.0)."
            ),
        )
        nav = NavigationSettings.for_site(site)
        if not nav.footer_links.filter(page=page).exists():
            FooterNavigationLink.objects.create(
                setting=nav, page=page, sort_order=nav.footer_links.count()
            )
        self.stdout.write(f"Open data demo ready; {demo_awards()} unit award(s) confirmed.")
