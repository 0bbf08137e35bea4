"""Complaint staff in Chromium: a coordinator records a letter with its scan, acts on a
report from the action panel, opens the listing unfiltered, and a mistyped admin address
stays in the admin. Screenshots go to .e2e-screenshots/ (not committed) for a person to
look at."""

import datetime
import re
from pathlib import Path

from django.conf import settings
from django.test import Client
from django.utils import timezone

import pytest

from tests.complaint_forms.factories import (
    CategoryFactory,
    ReportFactory,
    WorkUnitFactory,
    coordinator,
)

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / ".e2e-screenshots"
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def shot(page, name):
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def staff_page(live_server, browser, home):
    """A browser tab logged in as a coordinator."""
    client = Client()
    client.force_login(coordinator())
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert errors == []


def test_coordinator_records_a_letter_with_its_scan(live_server, staff_page, tmp_path):
    from complaint_forms.models import Report

    unit = WorkUnitFactory(name="Dinas Lingkungan Hidup", short_name="DLH")
    category = CategoryFactory(name="Kebersihan dan lingkungan", default_unit=unit)
    scan = tmp_path / "surat-warga.pdf"
    scan.write_bytes(PDF)
    received = timezone.localdate() - datetime.timedelta(days=6)

    page = staff_page
    page.goto(f"{live_server.url}/admin/complaint_reports/new/")
    assert page.get_by_label("Nama pelapor").is_visible()
    assert "Nama Anda" not in page.content()
    page.locator("#id_channel").select_option("letter")
    page.locator("#id_received_on").fill(received.isoformat())
    page.locator("#id_category").select_option(str(category.pk))
    page.locator("#id_title").fill("Sampah menumpuk di TPS Jl. Karang Anyar")
    page.locator("#id_description").fill("Surat dari Ketua RT 05 tentang TPS yang penuh.")
    page.locator("#id_attachments").set_input_files(str(scan))
    page.locator("#id_reporter_name").fill("Ketua RT 05")
    page.locator("#id_contact_channel").select_option("none")
    shot(page, "offline-report-form")
    page.locator("form button[type=submit].button").click()
    page.wait_for_url(re.compile(r"/admin/complaint_reports/\d+/$"))

    report = Report.objects.get()
    assert timezone.localdate(report.created_at) == received
    assert (report.status, report.assigned_unit) == ("assigned", unit)
    assert report.attachments.get().original_name == "surat-warga.pdf"
    assert page.get_by_role("link", name="surat-warga.pdf").is_visible()
    shot(page, "offline-report-recorded")


def test_coordinator_rejects_a_report_from_the_action_panel(live_server, staff_page):
    from complaint_forms.models import Report

    report = ReportFactory(title="Iklan pinjaman online")
    page = staff_page
    page.goto(f"{live_server.url}/admin/complaint_reports/{report.pk}/")
    panel = page.locator("#report-actions-section")
    buttons = panel.locator("button.button")
    assert buttons.count() >= 4  # verify, assign, reject, close
    assert panel.get_by_role("group").count() >= 2
    panel.screenshot(path=str(SCREENSHOTS / "report-action-panel.png"))
    reject = panel.locator("[data-a11y-dialog-show='report-action-reject']")
    assert "no" in reject.get_attribute("class").split()  # shown as a refusal (red)
    reject.click()
    dialog = page.locator("#report-action-reject")
    dialog.locator("select[name='reject-reason']").select_option("spam")
    dialog.locator("textarea[name='reject-internal_note']").fill("Iklan, bukan laporan.")
    shot(page, "report-action-dialog")
    dialog.locator("button[type=submit]").click()
    page.wait_for_load_state()
    report = Report.objects.get()
    assert (report.status, report.rejection_reason) == ("rejected", "spam")
    assert report.events.last().internal_note == "Iklan, bukan laporan."


def test_listing_opens_without_a_filter_and_404s_stay_in_the_admin(live_server, staff_page):
    ReportFactory(title="Lampu jalan mati")
    page = staff_page
    page.goto(f"{live_server.url}/admin/complaint_reports/")
    assert page.get_by_text("Lampu jalan mati").is_visible()
    assert page.locator(".w-active-filters li").count() == 0
    assert "False" not in page.locator("main").inner_text()
    shot(page, "report-listing")

    stale = f"{live_server.url}/admin/complaint_forms/report/inspect/1/"
    response = page.goto(stale)
    assert response.status == 404
    assert page.url == stale
    assert page.locator(".page404__header").is_visible()


def logged_in_tab(browser, live_server, user):
    client = Client()
    client.force_login(user)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    return context.new_page()


def test_a_new_unit_officer_is_onboarded_and_sees_only_their_units_reports(
    live_server, browser, home
):
    """The administrator opens the account and gives it the officers' group, the
    coordinator links it to its unit, and the officer signs in with the password given."""
    from django.contrib.auth import get_user_model

    from tests.complaint_forms.factories import UserFactory

    unit = WorkUnitFactory(name="Dinas Pekerjaan Umum", short_name="PUPR")
    other_unit = WorkUnitFactory(name="Dinas Kesehatan", short_name="Dinkes")
    ReportFactory(title="Jalan berlubang di Jl. Trikora", assigned_unit=unit, status="assigned")
    ReportFactory(title="Puskesmas tutup jam 10", assigned_unit=other_unit, status="assigned")
    administrator = UserFactory(is_superuser=True)

    page = logged_in_tab(browser, live_server, administrator)
    page.goto(f"{live_server.url}/admin/users/new/")
    page.locator("#id_username").fill("budi.pupr")
    page.locator("#id_email").fill("budi.pupr@banjarbaru.test")
    page.locator("#id_first_name").fill("Budi")
    page.locator("#id_last_name").fill("Santoso")
    page.locator("#id_password1").fill("Jalan-Mulus-2027")
    page.locator("#id_password2").fill("Jalan-Mulus-2027")
    page.locator("#tab-label-roles").click()
    page.get_by_label("Petugas Unit Kerja").check()
    shot(page, "officer-account-new")
    page.get_by_role("button", name="Buat").click()
    page.wait_for_url(re.compile(r"/admin/users/$"))
    budi = get_user_model().objects.get(username="budi.pupr")
    assert list(budi.groups.values_list("name", flat=True)) == ["Petugas Unit Kerja"]
    page.context.close()

    page = logged_in_tab(browser, live_server, coordinator())
    page.goto(f"{live_server.url}/admin/snippets/complaint_forms/unitmembership/add/")
    page.locator("#id_user").select_option(label="budi.pupr")
    page.get_by_role("button", name="Pilih unit kerja").click()
    page.locator(".modal").get_by_role("link", name="Dinas Pekerjaan Umum").click()
    page.locator(".modal").wait_for(state="hidden")
    shot(page, "officer-membership-new")
    page.get_by_role("button", name="Simpan").click()
    page.wait_for_url(re.compile(r"/admin/snippets/complaint_forms/unitmembership/$"))
    assert page.get_by_text("PUPR").first.is_visible()
    page.context.close()

    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill("budi.pupr")
    page.locator("#id_password").fill("Jalan-Mulus-2027")
    page.get_by_role("button", name="Masuk").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    page.goto(f"{live_server.url}/admin/complaint_reports/")
    listing = page.locator("main").inner_text()
    shot(page, "officer-first-listing")
    assert "Jalan berlubang di Jl. Trikora" in listing
    assert "Puskesmas tutup jam 10" not in listing
    context.close()
