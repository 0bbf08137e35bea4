import uuid

import pytest

from tests.search.conftest import kb, kb_index  # noqa: F401 (knowledge-base fixtures)

from .factories import CategoryFactory, ReportPageFactory, WorkUnitFactory


@pytest.fixture
def report_page(home):
    page = ReportPageFactory(parent=home)
    page.save_revision().publish()
    return page


@pytest.fixture
def unit(db):
    return WorkUnitFactory()


@pytest.fixture
def other_unit(db):
    return WorkUnitFactory()


@pytest.fixture
def category(locales, unit):
    return CategoryFactory(default_unit=unit)


@pytest.fixture
def valid_post(category):
    """A complete, valid public submission."""

    def build(**overrides):
        data = {
            "kind": "complaint",
            "category": str(category.pk),
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
        return {k: v for k, v in data.items() if v is not None}

    return build
