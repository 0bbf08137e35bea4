"""A citizen sends a report with a photo and follows it; an officer answers it in the
admin; axe finds no serious or critical problems on the public pages."""

import io
import re

from django.test import Client

import pytest
from PIL import Image

from tests.complaint_forms.factories import (
    CategoryFactory,
    ReportPageFactory,
    WorkUnitFactory,
    coordinator,
    officer,
)

# serialized_rollback restores what migrations created (default site, staff groups)
# after each transactional test flushes the tables.
pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def site(home):
    unit = WorkUnitFactory(name="Dinas Pekerjaan Umum", short_name="PUPR")
    CategoryFactory(name="Jalan dan drainase", default_unit=unit)
    page = ReportPageFactory(parent=home)
    page.save_revision().publish()
    return {"unit": unit, "page": page}


@pytest.fixture
def photo(tmp_path):
    path = tmp_path / "jalan.jpg"
    buffer = io.BytesIO()
    Image.new("RGB", (64, 48), "gray").save(buffer, "JPEG")
    path.write_bytes(buffer.getvalue())
    return path


def login_cookie(context, live_server, user):
    client = Client()
    client.force_login(user)
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def test_citizen_reports_officer_answers_citizen_follows(
    live_server, page, site, photo, axe, browser
):
    from complaint_forms import workflow
    from complaint_forms.models import Report

    page.goto(f"{live_server.url}/id/lapor/")
    assert axe(page) == []
    page.get_by_label("Judul").or_(page.get_by_label("Title")).fill("Jalan berlubang")
    page.locator("#id_description").fill("Lubang besar di depan SDN 1 Komet.")
    page.locator("#id_kecamatan").select_option("banjarbaru-utara")
    page.locator("#id_kelurahan").select_option("Komet")
    page.locator("#id_attachments").set_input_files(str(photo))
    page.locator("#id_reporter_name").fill("Budi")
    page.locator("#id_reporter_email").fill("budi@example.test")
    page.locator("#id_consent").check()
    page.locator("form.report-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/id/lapor/terkirim/"))
    code = page.locator("#tracking-code").inner_text().strip()
    assert re.fullmatch(r"BJB-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    assert axe(page) == []
    report = Report.objects.get(tracking_code=code)
    assert report.attachments.count() == 1

    workflow.assign(report, coordinator(), site["unit"])
    clerk = officer(site["unit"])
    context = browser.new_context()
    login_cookie(context, live_server, clerk)
    admin = context.new_page()
    admin.goto(f"{live_server.url}/admin/complaint_reports/{report.pk}/")
    admin.locator("[data-a11y-dialog-show='report-action-answer']").click()
    admin.locator("#id_answer-public_message").fill("Lubang sudah ditambal hari ini.")
    admin.locator("form[action$='/answer/'] button[type=submit]").click()
    admin.wait_for_load_state()
    context.close()
    report.refresh_from_db()
    assert report.status == "answered"

    page.goto(f"{live_server.url}/id/lapor/lacak/")
    page.locator("#id_kode").fill(code.lower())
    page.locator("form.tracking-lookup button[type=submit]").click()
    page.wait_for_load_state()
    assert "Lubang sudah ditambal hari ini." in page.content()
    assert "budi@example.test" not in page.content()
    assert axe(page) == []
    page.locator("input[name='rate-rating'][value='5']").check()
    page.locator("form.citizen-action:has(input[value='rate']) button[type=submit]").click()
    page.wait_for_load_state()
    report.refresh_from_db()
    assert report.rating == 5


def test_form_errors_are_accessible(live_server, page, site, axe):
    page.goto(f"{live_server.url}/id/lapor/")
    page.locator("#id_consent").check()
    page.locator("#id_title").fill("x")
    page.locator("#id_description").fill("y")
    page.locator("#id_reporter_email").fill("")
    page.locator("form.report-form").evaluate("form => form.noValidate = true")
    page.locator("form.report-form button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#report-form-errors").is_visible()
    assert axe(page) == []


def test_form_is_usable_at_360_pixels(live_server, browser, site):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    narrow = context.new_page()
    narrow.goto(f"{live_server.url}/id/lapor/")
    width = narrow.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 360


def test_matching_answers_appear_while_the_citizen_types(live_server, page, site, axe):
    from tests.search.factories import AnswerPageFactory, KnowledgeBaseIndexPageFactory

    index = KnowledgeBaseIndexPageFactory(parent=site["page"].get_parent())
    index.save_revision().publish()
    answer = AnswerPageFactory(
        parent=index,
        title="Apa syarat mengganti KTP-el yang hilang?",
        short_answer="Bawa surat keterangan hilang dari kepolisian.",
        source_id="kb-002",
    )
    answer.save_revision().publish()

    page.goto(f"{live_server.url}/id/lapor/")
    suggestions = page.locator("[data-similar-answers]")
    assert suggestions.is_hidden()
    page.locator("#id_title").fill("KTP saya hilang")
    page.locator("#id_description").press_sequentially("bagaimana cara mengganti ktp", delay=20)
    link = suggestions.get_by_role("link", name=answer.title)
    link.wait_for()
    assert suggestions.is_visible()
    assert axe(page) == []
    link.click()
    page.wait_for_url(f"**{answer.url}")
