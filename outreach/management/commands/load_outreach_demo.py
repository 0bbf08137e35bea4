"""Demo outreach programs, events and review criteria. Safe to run again."""

import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Site

from complaint_forms.models import Category
from outreach import demo
from outreach.models import (
    EventPage,
    EventStatus,
    ProgramIndexPage,
    ProgramPage,
    ReviewCriterion,
    SchoolRequestStatus,
    SchoolSessionRequest,
)
from site_core.audiences import Audience
from site_core.demo.accounts import ensure_account
from site_core.demo.links import add_home_link, add_to_main_menu
from site_core.demo.pages import ensure_child, ensure_translation, publish
from site_core.models import HomePage


class Command(BaseCommand):
    help = "Create the outreach program pages (Indonesian and English) and demo events."

    @transaction.atomic
    def handle(self, *args, **options):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None or not isinstance(site.root_page.specific, HomePage):
            raise CommandError("Run load_demo first: it builds the home page.")
        home = site.root_page.specific
        en = Locale.objects.get_or_create(language_code="en")[0]

        data = demo.INDEX
        index, _created = ensure_child(
            home,
            ProgramIndexPage,
            data["slug"],
            title=data["title"],
            introduction=data["introduction"],
        )
        ensure_translation(index, en, **data["en"])

        now = timezone.now().replace(minute=0, second=0, microsecond=0)
        for data in demo.PROGRAMS:
            fields = {
                key: data[key]
                for key in (
                    "kind",
                    "title",
                    "introduction",
                    "aims",
                    "audience_text",
                    "how_to_join",
                    "body",
                )
            }
            for key in ("contact_name", "contact_email", "contact_phone", "min_age", "max_age"):
                if key in data:
                    fields[key] = data[key]
            if "open_days" in data:
                opens, closes = data["open_days"]
                fields["applications_open"] = now + datetime.timedelta(days=opens)
                fields["applications_close"] = now + datetime.timedelta(days=closes)
            program, _created = ensure_child(index, ProgramPage, data["slug"], **fields)
            program_en = ensure_translation(program, en, **data["en"])
            if program.kind == "gender":
                for page in (program, program_en):
                    self.embed_confidential_report_form(page)
            for event_data in data["events"]:
                self.ensure_event(program, en, now, event_data)

        for order, (name, description, max_score) in enumerate(demo.REVIEW_CRITERIA):
            ReviewCriterion.objects.get_or_create(
                name=name,
                defaults={"description": description, "max_score": max_score, "sort_order": order},
            )

        ensure_account("sosialisasi", groups=["Petugas Sosialisasi"])
        add_to_main_menu(site, index)
        add_home_link(
            index,
            "Ikut program",
            "Lapor Goes To School, Duta Lapor, dan kampanye kami.",
            "Join a program",
            "Lapor Goes To School, Duta Lapor and our campaigns.",
        )
        self.stdout.write(self.style.SUCCESS("Outreach demo content ready."))

    def embed_confidential_report_form(self, page):
        """The gender campaign page carries the complaint form, confidential by default."""
        if any(block.block_type == "report_form" for block in page.body):
            return
        category = Category.objects.filter(is_gender_based=True, locale=page.locale).first()
        english = page.locale.language_code == "en"
        page.body.append(
            (
                "report_form",
                {
                    "heading": "Report confidentially" if english else "Laporkan secara rahasia",
                    "intro": (
                        "Only complaint coordinators will see who you are."
                        if english
                        else "Hanya koordinator pengaduan yang melihat identitas Anda."
                    ),
                    "preset_kind": "complaint",
                    "preset_category": category,
                    "force_confidential": True,
                },
            )
        )
        publish(page)

    def ensure_event(self, program, en, now, data):
        start = (now + datetime.timedelta(days=data["days"])).replace(hour=1)  # 09:00 WITA
        held = "held" in data
        event, _created = ensure_child(
            program,
            EventPage,
            data["slug"],
            title=data["title"],
            start=start,
            end=start + datetime.timedelta(hours=2),
            description=data["summary"],
            venue=data["venue"],
            kecamatan=data["kecamatan"],
            audience=data["audience"],
            capacity=data["capacity"],
            wheelchair_access=True,
            sign_language_interpreter=data.get("sign", False),
            easy_read_materials=data["audience"] == Audience.DISABILITY,
            status=EventStatus.HELD if held else EventStatus.SCHEDULED,
            attendance_count=data.get("held"),
        )
        ensure_translation(event, en, title=data["en_title"], description=data["en_summary"])
        if held and data["audience"] == Audience.STUDENTS and "npsn" in data:
            SchoolSessionRequest.objects.get_or_create(
                npsn=data["npsn"],
                event=event,
                defaults={
                    "program": program,
                    "school_name": data["venue"],
                    "level": "smp",
                    "kecamatan": data["kecamatan"],
                    "address": data["venue"],
                    "contact_name": "Kepala Sekolah",
                    "contact_role": "Kepala Sekolah",
                    "phone": "+625114770000",
                    "email": "sekolah@banjarbaru.test",
                    "expected_students": data["capacity"],
                    "grades": "7-9",
                    "preferred_date_1": start.date(),
                    "preferred_date_2": start.date() + datetime.timedelta(days=1),
                    "status": SchoolRequestStatus.HELD,
                    "proposed_start": start,
                    "actual_students": data["held"],
                },
            )
