"""Factories for outreach pages and records."""

import datetime

from django.utils import timezone

import factory
import wagtail_factories

from outreach.models import (
    AmbassadorApplication,
    EventPage,
    ProgramIndexPage,
    ProgramKind,
    ProgramPage,
    SchoolSessionRequest,
)


class ProgramIndexPageFactory(wagtail_factories.PageFactory):
    title = "Program"
    slug = "program"
    introduction = "Program penjangkauan LAPOR!"

    class Meta:
        model = ProgramIndexPage


class ProgramPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Program {n}")
    kind = ProgramKind.SCHOOL
    introduction = "Pengantar program."
    body = wagtail_factories.StreamFieldFactory({})
    resources = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = ProgramPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Acara {n}")
    start = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=7))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    description = "Sosialisasi kanal pengaduan."
    venue = "Aula Balai Kota"
    kecamatan = "banjarbaru-utara"
    capacity = 10
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = EventPage


class SchoolSessionRequestFactory(factory.django.DjangoModelFactory):
    school_name = factory.Sequence(lambda n: f"SMPN {n} Banjarbaru")
    npsn = factory.Sequence(lambda n: f"{30300000 + n}")
    level = "smp"
    kecamatan = "landasan-ulin"
    address = "Jl. A. Yani km 30"
    contact_name = "Ibu Rina"
    contact_role = "Wakasek Kesiswaan"
    phone = "+6281234567890"
    email = "sekolah@example.org"
    expected_students = 120
    grades = "7-9"
    preferred_date_1 = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(14))
    preferred_date_2 = factory.LazyFunction(lambda: timezone.localdate() + datetime.timedelta(15))

    class Meta:
        model = SchoolSessionRequest


class AmbassadorApplicationFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Duta {n}")
    date_of_birth = datetime.date(2004, 5, 1)
    institution = "Universitas Lambung Mangkurat"
    kecamatan = "banjarbaru-selatan"
    phone = "+6281234567890"
    email = factory.Sequence(lambda n: f"duta{n}@example.org")
    motivation = "Ingin membantu warga."
    consent_at = factory.LazyFunction(timezone.now)

    class Meta:
        model = AmbassadorApplication
