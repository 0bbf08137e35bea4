"""Statistics page, downloads, catalogue and API: the same suppressed figures everywhere."""

import csv
import datetime
import io

from django.utils import timezone, translation

import pytest
import wagtail_factories

from open_data import charts, privacy
from open_data.models import StatisticsPage
from tests.complaint_forms.factories import CategoryFactory, ReportFactory, WorkUnitFactory

pytestmark = pytest.mark.django_db

THIS_MONTH = timezone.localdate().strftime("%Y-%m")


class StatisticsPageFactory(wagtail_factories.PageFactory):
    title = "Data dan Statistik"
    slug = "data"

    class Meta:
        model = StatisticsPage


@pytest.fixture
def crafted(home):
    """7 reports about roads, 3 about water, 2 + 2 in two gender-based categories."""
    unit = WorkUnitFactory(short_name="DPUPR", name="Dinas PUPR")
    roads = CategoryFactory(name="Jalan rusak", default_unit=unit)
    water = CategoryFactory(name="Air bersih", default_unit=unit)
    harassment = CategoryFactory(name="Pelecehan di tempat kerja", is_gender_based=True)
    violence = CategoryFactory(name="KDRT", is_gender_based=True)
    for category, count in ((roads, 7), (water, 3), (harassment, 2), (violence, 2)):
        for _ in range(count):
            ReportFactory(category=category, kecamatan="cempaka", assigned_unit=unit)
    page = StatisticsPageFactory(parent=home)
    return {"page": page, "unit": unit}


def test_small_counts_are_suppressed_on_the_page(client, crafted):
    html = client.get(crafted["page"].url).content.decode()
    assert "Jalan rusak" in html
    # Water has 3 reports: its row shows "< 5", never the number.
    water_row = html[html.index('<th scope="row">Air bersih</th>') :][:80]
    assert "&lt; 5" in water_row and ">3<" not in water_row
    # Gender-based categories are merged; their own names never appear.
    assert "Pelecehan di tempat kerja" not in html and "KDRT" not in html
    assert "14" in html  # the total


def test_small_counts_are_suppressed_in_downloads_and_the_api(client, crafted):
    query = {"from": THIS_MONTH, "to": THIS_MONTH}
    rows = list(
        csv.DictReader(
            io.StringIO(client.get("/data/pengaduan-bulanan.csv", query).content.decode())
        )
    )
    assert rows == [{"month": THIS_MONTH, "reports": "14"}]

    by_area = client.get("/data/pengaduan-per-kecamatan.json", query).json()
    assert by_area["data"] == [{"kecamatan": "Cempaka", "region_code": "63.72.03", "reports": 14}]
    assert by_area["metadata"]["licence"]["name"] == "CC BY 4.0"

    crafted_small = CategoryFactory(name="Lampu jalan")
    ReportFactory(category=crafted_small, kecamatan="landasan-ulin")
    api = client.get("/api/v1/datasets/pengaduan-per-kecamatan/", query).json()
    landasan = [row for row in api["data"] if row["region_code"] == "63.72.02"]
    assert landasan == [{"kecamatan": "Landasan Ulin", "region_code": "63.72.02", "reports": None}]


def test_figures_follow_new_reports_at_once(client, crafted):
    query = {"from": THIS_MONTH, "to": THIS_MONTH}
    before = client.get("/api/v1/datasets/pengaduan-bulanan/", query).json()["data"]
    ReportFactory(category=CategoryFactory(name="Sampah"))
    after = client.get("/api/v1/datasets/pengaduan-bulanan/", query).json()["data"]
    assert [row["reports"] for row in before] == [14]
    assert [row["reports"] for row in after] == [15]


def test_filters_work_without_javascript(client, crafted):
    other = WorkUnitFactory(short_name="DISDUK", name="Disdukcapil")
    ReportFactory(category=CategoryFactory(name="KTP"), assigned_unit=other)
    page_url = crafted["page"].url
    html = client.get(page_url, {"unit": "DISDUK"}).content.decode()
    assert '<option value="DISDUK" selected>' in html
    assert "Jalan rusak" not in html  # only the chosen unit's reports
    last_year = (timezone.localdate() - datetime.timedelta(days=400)).strftime("%Y-%m")
    html = client.get(page_url, {"from": last_year, "to": last_year}).content.decode()
    assert "Jalan rusak" not in html
    html = client.get(page_url, {"from": THIS_MONTH, "to": last_year}).content.decode()
    assert 'role="alert"' in html


def test_page_stays_within_the_query_budget(client, crafted, django_assert_max_num_queries):
    url = crafted["page"].url
    client.get(url)
    with django_assert_max_num_queries(15):
        assert client.get(url).status_code == 200


def test_bad_periods_and_unknown_datasets_get_clear_errors(client, crafted):
    response = client.get("/api/v1/datasets/pengaduan-bulanan/", {"from": "2026-13"})
    assert response.status_code == 400 and response.json()["error"] == "bad_period"
    assert client.get("/api/v1/datasets/tidak-ada/").status_code == 404
    assert client.get("/data/tidak-ada.csv").status_code == 404


def test_catalog_is_dcat_with_a_distribution_per_format(client, crafted):
    catalog = client.get("/data/catalog.json").json()
    assert catalog["@type"] == "dcat:Catalog"
    identifiers = {dataset["dct:identifier"] for dataset in catalog["dcat:dataset"]}
    assert {"pengaduan-bulanan", "responsivitas-unit-kerja", "jangkauan-sosialisasi"} <= identifiers
    for dataset in catalog["dcat:dataset"]:
        formats = {d["dct:format"] for d in dataset["dcat:distribution"]}
        assert formats == {"CSV", "JSON"}
        for distribution in dataset["dcat:distribution"]:
            path = distribution["dcat:downloadURL"].removeprefix("http://testserver")
            assert client.get(path).status_code == 200


def test_openapi_document_validates():
    from openapi_spec_validator import validate

    from open_data.api_schema import openapi_document

    validate(openapi_document("http://testserver/api/v1"))


def test_charts_escape_labels_and_name_themselves():
    rows = privacy.rows(
        [{"label": "<script>alert(1)</script>", "count": 9}, {"label": "Kecil", "count": 2}]
    )
    svg = charts.bar_chart(rows, "Judul & grafik", "uji")
    assert "<script>" not in svg and "&lt;script&gt;" in svg
    assert 'role="img"' in svg and 'aria-labelledby="uji-title"' in svg
    assert "Judul &amp; grafik" in svg
    assert svg.count("<rect") == 1  # the suppressed row draws no bar
    assert "&lt; 5" in svg


def test_suppression_threshold_is_a_setting(settings):
    settings.OPEN_DATA_MIN_CELL = 10
    assert privacy.label(9) == "< 10" and privacy.cell(9) is None
    assert privacy.label(0) == "0" and privacy.cell(10) == 10


def test_monthly_report_pdf_shows_the_months_figures(crafted, tmp_path):
    import subprocess

    from django.core.management import call_command

    from complaint_forms.models import Report, Status

    late = Report.objects.first()
    late.status = Status.ASSIGNED
    late.response_due = timezone.localdate() - datetime.timedelta(days=3)
    late.save()
    output = tmp_path / "laporan.pdf"
    call_command("monthly_report", month=THIS_MONTH, output=str(output))
    assert output.read_bytes().startswith(b"%PDF")
    text = subprocess.run(
        ["pdftotext", "-layout", str(output), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "14" in text  # reports received this month
    assert "Jalan rusak" in text and "Air bersih" in text  # top topics
    assert f"#{late.pk}" in text  # the overdue list names the report by number
    assert "Pelecehan" not in text and "KDRT" not in text  # gender-based merged
    assert "Siti Aminah" not in text  # no reporter
    pages = subprocess.run(
        ["pdftoppm", "-png", "-r", "40", str(output), str(tmp_path / "page")], check=True
    )
    assert pages.returncode == 0 and list(tmp_path.glob("page*.png"))


def test_api_answers_429_over_the_client_limit(client, settings, crafted):
    settings.OPEN_DATA_API_RATE = "2/m"
    statuses = [client.get("/api/v1/datasets/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    downloads = [client.get("/data/pengaduan-bulanan.csv").status_code for _ in range(3)]
    assert downloads == [200, 200, 429]  # each endpoint counts on its own


def test_the_page_names_months_and_the_downloads_keep_iso_months(client, crafted):
    from django.utils import formats

    with translation.override("id"):
        html = client.get(crafted["page"].url).content.decode()
        month_name = formats.date_format(timezone.localdate().replace(day=1), "F Y")
    assert f'<th scope="row">{month_name}</th>' in html
    assert f"Terbanyak: {month_name} (14)." in html
    assert f">{THIS_MONTH}<" not in html
    query = {"from": THIS_MONTH, "to": THIS_MONTH}
    download = client.get("/data/pengaduan-bulanan.csv", query).content.decode()
    assert THIS_MONTH in download
