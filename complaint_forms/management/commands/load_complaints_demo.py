"""Demo content for complaint handling: the report page (/id/lapor/, /en/report/), the
ranking page, categories routed to the units that handle them, a coordinator and an
officer per unit, and a year of reports in every state (complaint_forms.demo).

Safe to run again: what exists is left as it is. Assumes `load_demo` built the home page.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Locale, Site

from complaint_forms.demo import CATEGORIES, replay_history
from complaint_forms.models import (
    Category,
    ComplaintSettings,
    RankingPage,
    Report,
    ReportPage,
    UnitMembership,
)
from site_core.demo.accounts import ensure_account
from site_core.demo.links import add_home_link, add_to_main_menu
from site_core.demo.pages import ensure_child, ensure_translation
from site_core.models import HomePage, WorkUnit


def rich(text):
    return {"type": "paragraph", "value": text}


CHANNEL_GUIDE_ID = [
    rich(
        "<p>Gunakan formulir ini untuk pengaduan, aspirasi, permintaan informasi, atau "
        "pertanyaan tentang layanan Pemerintah Kota Banjarbaru.</p>"
        "<ul><li><b>Keadaan darurat</b> (kebakaran, kecelakaan, bencana): telepon <b>112</b>.</li>"
        "<li><b>Kekerasan terhadap perempuan dan anak</b>: hubungi <b>SAPA 129</b> "
        "(telepon 129 atau WhatsApp 08111-129-129) atau UPTD PPA Kota Banjarbaru.</li>"
        "<li><b>Tindak pidana</b> (pencurian, penganiayaan): lapor ke polisi, "
        "telepon <b>110</b>.</li>"
        "<li>Urusan pemerintah provinsi atau pusat: tetap bisa dilaporkan; kami teruskan "
        "lewat SP4N-LAPOR!.</li></ul>"
    )
]
CHANNEL_GUIDE_EN = [
    rich(
        "<p>Use this form for complaints, aspirations, information requests or questions about "
        "the services of the Banjarbaru city government.</p>"
        "<ul><li><b>Emergencies</b> (fire, accident, disaster): call <b>112</b>.</li>"
        "<li><b>Violence against women and children</b>: contact <b>SAPA 129</b> "
        "(call 129 or WhatsApp 08111-129-129) or the Banjarbaru UPTD PPA.</li>"
        "<li><b>Crimes</b> (theft, assault): report to the police, call <b>110</b>.</li>"
        "<li>Provincial or national matters: you can still report them; we forward them "
        "through SP4N-LAPOR!.</li></ul>"
    )
]


class Command(BaseCommand):
    help = "Load demo content for complaint handling (report and ranking pages, reports)."

    @transaction.atomic
    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        home = site.root_page.specific if site else None
        if not isinstance(home, HomePage):
            raise CommandError("Run load_demo first: the site needs its home page.")
        id_locale = Locale.objects.get(language_code="id")
        en_locale = Locale.objects.get_or_create(language_code="en")[0]
        report_page = self.ensure_report_page(home, en_locale)
        ranking_page = self.ensure_ranking_page(home, en_locale)
        for page in (report_page, ranking_page):
            add_to_main_menu(site, page)
        add_home_link(
            report_page,
            "Kirim laporan",
            "Pengaduan, aspirasi, permintaan informasi, atau pertanyaan.",
            "Send a report",
            "Complaints, ideas, information requests and questions.",
        )
        categories = self.ensure_categories(id_locale, en_locale)
        config = ComplaintSettings.for_site(site)
        if not config.coordinator_email:
            config.coordinator_email = "koordinator@banjarbaru.test"
            config.ranking_min_reports = 3
            config.save()
        users = self.ensure_users()
        if not Report.objects.exists():
            self.create_reports(categories, users)
        self.stdout.write(
            f"Complaint demo ready: {report_page.url} with {Report.objects.count()} reports."
        )

    def ensure_report_page(self, home, en_locale):
        page, _created = ensure_child(
            home,
            ReportPage,
            "lapor",
            title="Lapor",
            introduction=(
                "Sampaikan pengaduan, aspirasi, permintaan informasi, atau pertanyaan Anda. "
                "Setiap laporan mendapat kode lacak dan batas waktu tanggapan dalam hari kerja."
            ),
            channel_guide=CHANNEL_GUIDE_ID,
            privacy_notice=(
                "<p>Data Anda hanya dipakai untuk menindaklanjuti laporan. Pilih "
                "<b>anonim</b> bila tidak ingin identitas disimpan, atau <b>rahasia</b> "
                "bila identitas hanya boleh dilihat koordinator pengaduan.</p>"
            ),
            tracking_intro="Masukkan kode lacak untuk melihat status laporan Anda.",
            listing_summary=(
                "Kirim laporan ke Pemerintah Kota Banjarbaru dan pantau tindak lanjutnya."
            ),
        )
        ensure_translation(
            page,
            en_locale,
            title="Report",
            slug="report",
            introduction=(
                "Send a complaint, an aspiration, an information request or a question. "
                "Every report gets a tracking code and is followed up within working days."
            ),
            channel_guide=CHANNEL_GUIDE_EN,
            privacy_notice=(
                "<p>Your data is used only to follow up your report. Choose <b>anonymous</b> "
                "if you want no identity stored, or <b>confidential</b> if only the "
                "complaint coordinators may see who you are.</p>"
            ),
            tracking_intro="Enter your tracking code to see your report's status.",
            listing_summary="Send a report to the city and follow it up.",
        )
        return page

    def ensure_ranking_page(self, home, en_locale):
        page, _created = ensure_child(
            home,
            RankingPage,
            "unit-kerja-teresponsif",
            title="Unit Kerja Teresponsif",
            introduction=(
                "Seberapa cepat dan tepat waktu unit kerja menanggapi laporan warga, "
                "dan seberapa puas warga dengan jawabannya."
            ),
        )
        ensure_translation(
            page,
            en_locale,
            title="Most responsive work units",
            slug="responsive-units",
            introduction=(
                "How quickly and on time the city's work units respond to citizens' reports, "
                "and how satisfied citizens are with the answers."
            ),
        )
        return page

    def ensure_categories(self, id_locale, en_locale):
        categories = []
        for order, (name_id, name_en, unit_short, gender, *_reports) in enumerate(CATEGORIES):
            unit = WorkUnit.objects.filter(short_name=unit_short).first()
            category = Category.objects.filter(locale=id_locale, name=name_id).first()
            if category is None:
                category = Category.objects.create(
                    locale=id_locale,
                    name=name_id,
                    default_unit=unit,
                    is_gender_based=gender,
                    sort_order=order,
                )
            if not Category.objects.filter(
                translation_key=category.translation_key, locale=en_locale
            ).exists():
                translated = category.copy_for_translation(en_locale)
                translated.name = name_en
                translated.save()
            categories.append(category)
        return categories

    def ensure_users(self):
        """A coordinator and one officer for every work unit, on the demo password."""
        boss = ensure_account("koordinator", groups=["Koordinator Pengaduan"])
        officers = {}
        for unit in WorkUnit.objects.filter(is_active=True).order_by("short_name"):
            username = "petugas." + unit.short_name.lower().replace(" ", "")
            user = ensure_account(username, groups=["Petugas Unit Kerja"])
            UnitMembership.objects.update_or_create(user=user, defaults={"unit": unit})
            officers[unit.pk] = user
        return {"coordinator": boss, "officers": officers}

    def create_reports(self, categories, users):
        """A year of reports replayed through intake and workflow (complaint_forms.demo).
        The replay queues the mail each step causes; that mail belongs to the past, so it
        is dropped before the transaction commits rather than sent to the units now."""
        connection = transaction.get_connection()
        queued_before = len(connection.run_on_commit)
        with transaction.atomic():
            replay_history(categories, users["coordinator"], users["officers"])
        del connection.run_on_commit[queued_before:]
