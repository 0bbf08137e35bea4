"""The table block: editors get Wagtail's table editor (its app is installed and its scripts
exist), and visitors get an accessible table with a caption and header cells."""

import re

from django.contrib.staticfiles import finders
from django.urls import reverse

import pytest

from site_core.blocks import TableWithCaptionBlock
from site_core.models import InformationPage

pytestmark = pytest.mark.django_db


def table_value(rows, header_row=True, header_column=False):
    block = TableWithCaptionBlock()
    return block, block.to_python(
        {
            "caption": "Jam layanan",
            "table": {
                "data": rows,
                "first_row_is_table_header": header_row,
                "first_col_is_header": header_column,
                "table_caption": "",
            },
        }
    )


def test_table_renders_caption_and_scoped_header_cells():
    block, value = table_value(
        [["Hari", "Jam"], ["Senin", "08.00"], ["Jumat", None]], header_column=True
    )
    html = block.render(value)
    assert "<caption>Jam layanan</caption>" in html
    assert '<thead><tr><th scope="col">Hari</th><th scope="col">Jam</th></tr></thead>' in html
    assert '<tr><th scope="row">Senin</th><td>08.00</td></tr>' in html
    assert '<tr><th scope="row">Jumat</th><td></td></tr>' in html
    assert 'role="region" aria-label="Jam layanan"' in html


def test_table_without_header_row_has_only_data_cells_and_escapes_text():
    block, value = table_value([["<b>Senin</b>", "08.00"]], header_row=False)
    html = block.render(value)
    assert "<th" not in html
    assert "<td>&lt;b&gt;Senin&lt;/b&gt;</td>" in html


@pytest.fixture
def site_demo(demo_site):
    """The session's demo (tests/conftest.py)."""


def test_demo_table_renders_on_its_page(site_demo, client):
    html = client.get("/id/setelah-melapor/").content.decode()
    assert "<caption>Batas waktu penanganan (hari kerja)</caption>" in html
    assert '<th scope="col">Batas waktu</th>' in html
    assert "<td>3 hari kerja</td>" in html


def test_editor_of_a_page_with_a_table_loads_only_assets_that_exist(site_demo, admin_client):
    """The table block's scripts came from an app that was not installed: 404s, and the
    StreamField editor could not start. Every static asset the edit view names must exist."""
    page = InformationPage.objects.get(slug="setelah-melapor", locale__language_code="id")
    response = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assets = set(re.findall(r'(?:src|href)="/static/([^"?]+)', html))
    assert any(path.startswith("table_block/") for path in assets), "no table editor"
    assert [path for path in sorted(assets) if not finders.find(path)] == []
