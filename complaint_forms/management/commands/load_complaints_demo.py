"""Demo content for complaint handling: the report page (/id/lapor/, /en/report/), the
ranking page, categories with default units, unit officers and reports in every state.

Safe to run again: what exists is left as it is. Assumes `load_demo` built the home page.
"""

import datetime
import os
import random
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Site

from complaint_forms import workflow
from complaint_forms.intake import create_report
from complaint_forms.models import (
    Category,
    Channel,
    ComplaintSettings,
    Kind,
    Privacy,
    RankingPage,
    RejectionReason,
    Report,
    ReportPage,
    UnitMembership,
)
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

# (name id, name en, default unit short name, gender-based)
CATEGORIES = [
    ("Jalan dan drainase", "Roads and drainage", "Dinas PUPR", False),
    ("Administrasi kependudukan", "Civil registration", "Disdukcapil", False),
    ("Kesehatan", "Health", "Dinkes", False),
    ("Pendidikan", "Education", "Disdik", False),
    ("Kebersihan dan lingkungan", "Waste and environment", "DLH", False),
    ("Air bersih", "Clean water", "PDAM", False),
    ("Transportasi dan parkir", "Transport and parking", "Dishub", False),
    ("Kekerasan berbasis gender", "Gender-based violence", "DP3APMP2KB", True),
    ("Layanan informasi publik", "Public information", "Diskominfo", False),
]

REPORT_TEXTS = [
    ("Jalan berlubang di Jl. Trikora", "Lubang besar di depan sekolah, membahayakan pengendara."),
    ("Drainase tersumbat", "Saluran air tersumbat sampah sehingga banjir saat hujan."),
    ("KTP elektronik belum jadi", "Sudah tiga bulan sejak perekaman, KTP belum dicetak."),
    ("Antrean puskesmas terlalu lama", "Pasien lansia menunggu lebih dari tiga jam."),
    ("Sampah menumpuk di TPS", "TPS di dekat pasar tidak diangkut selama seminggu."),
    ("Air PDAM keruh", "Air keruh dan berbau sejak dua hari lalu."),
    ("Parkir liar di trotoar", "Trotoar dipakai parkir sehingga pejalan kaki turun ke jalan."),
    ("Permintaan data anggaran", "Mohon informasi realisasi anggaran kelurahan tahun lalu."),
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
                "Setiap laporan mendapat kode lacak dan ditindaklanjuti dalam hari kerja."
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
        for order, (name_id, name_en, unit_short, gender) in enumerate(CATEGORIES):
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
        """A coordinator and one officer per busy unit (password as the admin's)."""
        User = get_user_model()
        password = os.environ.get("DEMO_ADMIN_PASSWORD") or self.admin_password()
        coordinators = Group.objects.get(name="Koordinator Pengaduan")
        officers = Group.objects.get(name="Petugas Unit Kerja")
        boss, created = User.objects.get_or_create(
            username="koordinator", defaults={"email": "koordinator@localhost", "is_staff": True}
        )
        if created:
            boss.set_password(password)
            boss.save()
            boss.groups.add(coordinators)
        unit_users = {}
        for short_name in ("Dinas PUPR", "Disdukcapil", "DLH", "PDAM", "Dinkes"):
            unit = WorkUnit.objects.filter(short_name=short_name).first()
            if unit is None:
                continue
            username = "petugas." + short_name.lower().replace(" ", "")
            user, created = User.objects.get_or_create(
                username=username, defaults={"email": f"{username}@localhost", "is_staff": True}
            )
            if created:
                user.set_password(password)
                user.save()
                user.groups.add(officers)
                UnitMembership.objects.get_or_create(user=user, defaults={"unit": unit})
            unit_users[unit.pk] = user
        return {"coordinator": boss, "officers": unit_users}

    def admin_password(self):
        path = settings.BASE_DIR / ".demo-admin-password"
        if path.exists():
            return path.read_text().strip()
        password = secrets.token_urlsafe(12)
        self.stdout.write(f"  Complaint staff password (koordinator, petugas.*): {password}")
        return password

    def create_reports(self, categories, users):
        """About 40 reports over the last 80 days in every state, so the ranking has
        figures. A fixed seed keeps the demo the same on every machine."""
        rng = random.Random(20260101)  # noqa: S311 - demo data, not security
        boss = users["coordinator"]
        now = timezone.now()
        kinds = [Kind.COMPLAINT, Kind.COMPLAINT, Kind.ASPIRATION, Kind.INFORMATION_REQUEST]
        channels = [Channel.WEB, Channel.WEB, Channel.WEB, Channel.PHONE, Channel.WALK_IN]
        for number in range(40):
            category = categories[number % 7]
            title, description = REPORT_TEXTS[number % len(REPORT_TEXTS)]
            privacy = Privacy.ANONYMOUS if number % 9 == 0 else Privacy.PUBLIC
            data = {
                "kind": kinds[number % len(kinds)],
                "category": category,
                "title": title,
                "description": description,
                "kecamatan": "banjarbaru-utara",
                "kelurahan": "Komet",
                "privacy": privacy,
                "reporter_name": "" if privacy == Privacy.ANONYMOUS else f"Warga {number + 1}",
                "reporter_email": "",
                "contact_channel": "none" if privacy == Privacy.ANONYMOUS else "phone",
                "reporter_phone": "" if privacy == Privacy.ANONYMOUS else "081200000000",
            }
            report, _created = create_report(data, channel=channels[number % len(channels)])
            received = now - datetime.timedelta(days=80 - 2 * number, hours=rng.randint(0, 8))
            Report.objects.filter(pk=report.pk).update(created_at=received)
            report.refresh_from_db()
            self.advance(report, number, category, boss, users["officers"], rng)

    def advance(self, report, number, category, boss, officers, rng):
        stage = number % 8
        if stage == 0:
            return  # stays submitted
        if stage == 1:
            workflow.reject(report, boss, RejectionReason.DUPLICATE)
            return
        unit = category.default_unit
        workflow.verify(report, boss)
        if unit is None:
            return
        workflow.assign(report, boss, unit)
        officer = officers.get(unit.pk, boss)
        assigned_at = report.created_at + datetime.timedelta(hours=rng.randint(2, 40))
        Report.objects.filter(pk=report.pk).update(assigned_at=assigned_at)
        report.refresh_from_db()
        if stage == 2:
            return
        workflow.start_progress(report, officer)
        first = assigned_at + datetime.timedelta(hours=rng.randint(1, 72))
        Report.objects.filter(pk=report.pk).update(first_response_at=first)
        report.refresh_from_db()
        if stage == 3:
            workflow.request_info(report, officer, "Mohon kirim foto lokasi yang lebih jelas.")
            return
        workflow.answer(report, officer, "Laporan sudah ditindaklanjuti oleh petugas di lapangan.")
        on_time = rng.random() < 0.8
        Report.objects.filter(pk=report.pk).update(answered_within_deadline=on_time)
        report.refresh_from_db()
        if stage >= 5:
            workflow.rate(report, rng.randint(3, 5), "")
        if stage >= 6:
            workflow.close(report, boss)
