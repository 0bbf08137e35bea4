"""Tracking codes and the embeddable form block."""

import re

from django.test import RequestFactory
from django.utils import translation

import pytest

from complaint_forms.blocks import ReportFormBlock
from complaint_forms.codes import generate_tracking_code, normalise_tracking_code
from site_core.codes import READABLE_ALPHABET as ALPHABET

from .factories import ReportFactory

CODE = re.compile(r"BJB-[2-9A-HJKMNP-RT-Z]{4}-[2-9A-HJKMNP-RT-Z]{4}")


def test_codes_are_readable_and_avoid_ambiguous_characters():
    codes = {generate_tracking_code() for _ in range(2000)}
    assert len(codes) == 2000  # no repeats in a small sample
    for code in codes:
        assert CODE.fullmatch(code), code
    assert not set("01ILOS") & set(ALPHABET)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("bjb-7kq4-m2xd", "BJB-7KQ4-M2XD"),
        (" BJB 7KQ4 M2XD ", "BJB-7KQ4-M2XD"),
        ("7KQ4M2XD", "BJB-7KQ4-M2XD"),
        ("BJB-7KQ4", ""),
        ("'; DROP TABLE x; --", ""),
        ("", ""),
    ],
)
def test_typed_codes_are_normalised(typed, expected):
    assert normalise_tracking_code(typed) == expected


@pytest.mark.django_db
def test_block_renders_the_form_with_presets(home, category):
    request = RequestFactory().get("/id/")
    block = ReportFormBlock()
    value = block.to_python(
        {
            "heading": "Laporkan kekerasan",
            "intro": "Aman dan rahasia.",
            "preset_kind": "complaint",
            "preset_category": category.pk,
            "force_confidential": True,
        }
    )
    with translation.override("id"):
        html = block.render(value, context={"request": request})
    assert "Laporkan kekerasan" in html
    assert 'action="/id/laporan/kirim/"' in html
    assert '<input type="hidden" name="kind" value="complaint">' in html
    assert f'<input type="hidden" name="category" value="{category.pk}">' in html
    assert re.search(r'value="confidential"[^>]*checked', html)


@pytest.mark.django_db
def test_admin_search_finds_a_report_by_code(client):
    from .factories import coordinator

    report = ReportFactory(title="Pohon tumbang")
    ReportFactory(title="Lain lagi")
    client.force_login(coordinator())
    html = client.get("/admin/complaint_reports/", {"q": report.tracking_code}).content.decode()
    assert "Pohon tumbang" in html and "Lain lagi" not in html
