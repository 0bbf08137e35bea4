"""Factories for complaint handling tests."""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from wagtail.models import Locale

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from complaint_forms.models import (
    Category,
    Privacy,
    RankingPage,
    Report,
    ReportPage,
    UnitMembership,
)
from site_core.models import WorkUnit


class WorkUnitFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Dinas Contoh {n}")
    short_name = factory.Sequence(lambda n: f"DC{n}")
    email = factory.Sequence(lambda n: f"unit{n}@banjarbaru.test")

    class Meta:
        model = WorkUnit


class CategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    default_unit = factory.SubFactory(WorkUnitFactory)
    locale = factory.LazyFunction(lambda: Locale.objects.get_or_create(language_code="id")[0])

    class Meta:
        model = Category


class ReportFactory(DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Jalan rusak {n}")
    description = "Jalan berlubang di depan sekolah."
    privacy = Privacy.PUBLIC
    reporter_name = "Siti Aminah"
    reporter_email = "siti@example.test"
    reporter_phone = "081234567890"

    class Meta:
        model = Report


class UserFactory(DjangoModelFactory):
    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.Sequence(lambda n: f"user{n}@banjarbaru.test")
    is_staff = True

    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        for name in extracted or []:
            self.groups.add(Group.objects.get(name=name))

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or "s3cret-pass-word")
        self.save()


def coordinator(**kwargs):
    return UserFactory(groups=["Koordinator Pengaduan"], **kwargs)


def officer(unit, **kwargs):
    user = UserFactory(groups=["Petugas Unit Kerja"], **kwargs)
    UnitMembership.objects.create(user=user, unit=unit)
    return user


class ReportPageFactory(wagtail_factories.PageFactory):
    title = "Lapor"
    slug = "lapor"
    introduction = "Sampaikan laporan Anda."
    channel_guide = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = ReportPage


class RankingPageFactory(wagtail_factories.PageFactory):
    title = "Unit Kerja Teresponsif"
    slug = "unit-kerja-teresponsif"

    class Meta:
        model = RankingPage


def report_post_data(valid_category, /, **overrides):
    """A complete, valid public report submission (a field given as None is left out; an
    override may replace any field, the category too)."""
    data = {
        "kind": "complaint",
        "category": str(valid_category.pk),
        "title": "Lampu jalan mati",
        "description": "Lampu jalan di Jl. A. Yani km 33 mati sejak seminggu.",
        "incident_date": "2026-01-05",
        "kecamatan": "banjarbaru-utara",
        "kelurahan": "Komet",
        "location_detail": "Depan masjid",
        "privacy": "public",
        "reporter_name": "Budi",
        "reporter_email": "budi@example.test",
        "reporter_phone": "081234567890",
        "contact_channel": "email",
        "accessibility_needs": "",
        "consent": "on",
        "website": "",
        "idempotency_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
