"""The monthly report is archived and mailed once, on the first working day of the month,
through a real SMTP conversation; coordinators alone download archived months."""

import datetime
import socket
import subprocess

from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import override_settings
from django.utils import timezone

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message

from complaint_forms.models import ExtraHoliday
from open_data import archive
from open_data.models import MonthlyReportArchive, MonthlyReportSettings
from site_core import mail
from site_core.models import OutgoingMail
from tests.complaint_forms.factories import (
    CategoryFactory,
    ReportFactory,
    WorkUnitFactory,
    coordinator,
    officer,
)

pytestmark = pytest.mark.django_db

LEADERSHIP = ["walikota@banjarbarukota.go.id", "sekda@banjarbarukota.go.id"]


class Inbox(Message):
    def __init__(self):
        super().__init__()
        self.messages = []

    def handle_message(self, message):
        self.messages.append(message)


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _smtp_settings(port):
    return override_settings(
        EMAIL_BACKEND="site_core.mail.KeepingBackend",
        MAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
        EMAIL_HOST="127.0.0.1",
        EMAIL_PORT=port,
        EMAIL_USE_TLS=False,
        EMAIL_TIMEOUT=5,
    )


@pytest.fixture
def smtp_server():
    port = _free_port()
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    with _smtp_settings(port):
        yield inbox
    controller.stop()


@pytest.fixture
def december(home):
    """Reports received in December 2026 (the report mailed in January 2027)."""
    unit = WorkUnitFactory(short_name="DLH", name="Dinas Lingkungan Hidup")
    waste = CategoryFactory(name="Sampah menumpuk", default_unit=unit)
    received = timezone.make_aware(datetime.datetime(2026, 12, 7, 9))
    for _ in range(6):
        ReportFactory(category=waste, assigned_unit=unit, created_at=received)
    settings = MonthlyReportSettings.load()
    settings.recipients = "\n".join(LEADERSHIP)
    settings.save()
    return unit


def _send(day):
    call_command("send_monthly_report", date=day.isoformat(), stdout=open("/dev/null", "w"))  # noqa: SIM115


def _pdf_text(pdf, tmp_path):
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf)
    return subprocess.run(  # noqa: S603 - fixed arguments, our own file
        ["/usr/bin/pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        check=True,
        text=True,
    ).stdout


def test_the_first_working_day_skips_new_year_and_the_weekend_and_staff_leave():
    # 1 January 2027 is a Friday and a national holiday; the 2nd and 3rd are a weekend.
    assert archive.first_working_day(datetime.date(2027, 1, 20)) == datetime.date(2027, 1, 4)
    # Leave staff record on the 4th; the 5th is Isra Mi'raj in the holiday calendar.
    ExtraHoliday.objects.create(date=datetime.date(2027, 1, 4), name="Cuti bersama")
    assert archive.first_working_day(datetime.date(2027, 1, 1)) == datetime.date(2027, 1, 6)
    # A month that starts on a working day: that very day.
    assert archive.first_working_day(datetime.date(2027, 2, 14)) == datetime.date(2027, 2, 1)


def test_mailed_with_the_pdf_on_the_first_working_day_only_once(smtp_server, december, tmp_path):
    for day in (1, 2, 3):  # holiday, Saturday, Sunday: not yet
        _send(datetime.date(2027, 1, day))
    assert smtp_server.messages == []
    assert not MonthlyReportArchive.objects.exists()

    _send(datetime.date(2027, 1, 4))
    assert sorted(message["To"] for message in smtp_server.messages) == sorted(LEADERSHIP)
    message = smtp_server.messages[0]
    assert message["Subject"] == "Laporan bulanan LAPOR! Banjarbaru: Desember 2026"
    attachments = [part for part in message.walk() if part.get_filename()]
    assert [part.get_filename() for part in attachments] == ["laporan-bulanan-2026-12.pdf"]
    assert attachments[0].get_content_type() == "application/pdf"
    pdf = attachments[0].get_payload(decode=True)
    text = _pdf_text(pdf, tmp_path)
    assert "Desember 2026" in text and "Sampah menumpuk" in text
    entry = MonthlyReportArchive.objects.get()
    assert entry.month == datetime.date(2026, 12, 1)
    assert sorted(entry.mailed_to) == sorted(LEADERSHIP)
    with entry.file.open("rb") as handle:
        assert handle.read() == pdf  # what leadership got is what the archive keeps

    _send(datetime.date(2027, 1, 4))  # the same day again
    _send(datetime.date(2027, 1, 6))  # and the next working day
    assert len(smtp_server.messages) == 2
    assert MonthlyReportArchive.objects.count() == 1


def test_the_mailing_is_a_daily_scheduled_command(settings):
    assert ("send_monthly_report", 86400) in settings.SCHEDULED_COMMANDS


def test_a_missed_first_working_day_is_caught_up_later_in_the_month(smtp_server, december):
    _send(datetime.date(2027, 1, 6))
    assert len(smtp_server.messages) == 2
    _send(datetime.date(2027, 1, 7))
    assert len(smtp_server.messages) == 2


def test_nothing_is_sent_without_recipients_and_it_goes_once_they_are_set(smtp_server, december):
    MonthlyReportSettings.objects.update(recipients="")
    _send(datetime.date(2027, 1, 4))
    assert smtp_server.messages == []
    MonthlyReportSettings.objects.update(recipients="walikota@banjarbarukota.go.id")
    _send(datetime.date(2027, 1, 6))
    assert [message["To"] for message in smtp_server.messages] == ["walikota@banjarbarukota.go.id"]


def test_a_refusing_mail_server_keeps_the_pdf_for_the_retry(december, tmp_path):
    closed_port = _free_port()  # nothing listens there
    with _smtp_settings(closed_port):
        _send(datetime.date(2027, 1, 4))
    kept = list(OutgoingMail.objects.all())
    assert len(kept) == 2
    assert [item["filename"] for item in kept[0].attachments] == ["laporan-bulanan-2026-12.pdf"]

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=closed_port)
    controller.start()
    try:
        with _smtp_settings(closed_port):
            OutgoingMail.objects.update(next_attempt_at=timezone.now())
            assert mail.retry_due() == 2
            _send(datetime.date(2027, 1, 5))  # the month is mailed already: no third copy
    finally:
        controller.stop()
    assert len(inbox.messages) == 2
    pdf = next(part for part in inbox.messages[0].walk() if part.get_filename())
    assert "Desember 2026" in _pdf_text(pdf.get_payload(decode=True), tmp_path)


def test_recipient_addresses_are_validated():
    settings = MonthlyReportSettings(recipients="walikota@banjarbarukota.go.id\nbukan-alamat\n")
    with pytest.raises(ValidationError) as error:
        settings.full_clean()
    assert "bukan-alamat" in str(error.value)
    settings.recipients = " a@banjarbarukota.go.id , b@banjarbarukota.go.id\n\n"
    settings.full_clean()
    assert settings.addresses() == ["a@banjarbarukota.go.id", "b@banjarbarukota.go.id"]


def test_the_settings_form_shows_the_invalid_address(client, home):
    client.force_login(coordinator())
    url = f"/admin/settings/open_data/monthlyreportsettings/{MonthlyReportSettings.load().pk}/"
    response = client.post(url, {"recipients": "walikota@banjarbarukota.go.id\nwalikota@"})
    assert response.status_code == 200
    assert "walikota@" in response.content.decode()
    assert MonthlyReportSettings.load().recipients == ""


@pytest.fixture
def archived(december):
    return archive.archive(datetime.date(2026, 12, 1))


def test_only_coordinators_download_archived_reports(client, archived):
    listing = "/admin/monthly-reports/"
    download = f"/admin/monthly-reports/{archived.pk}/download/"

    response = client.get(download)  # anonymous: the admin login
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get(listing).status_code == 302

    client.force_login(officer(archived_unit := WorkUnitFactory()))
    assert archived_unit.pk
    assert client.get(download).status_code == 403
    assert client.get(listing).status_code == 403

    client.force_login(coordinator())
    page = client.get(listing)
    assert page.status_code == 200
    assert "Desember 2026" in page.content.decode()
    response = client.get(download)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "laporan-bulanan-2026-12.pdf" in response["Content-Disposition"]
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_coordinators_build_a_past_month_on_demand_but_not_the_current_one(client, december):
    client.force_login(coordinator())
    response = client.post("/admin/monthly-reports/build/", {"month": "2026-11"})
    assert response.status_code == 302
    assert list(MonthlyReportArchive.objects.values_list("month", flat=True)) == [
        datetime.date(2026, 11, 1)
    ]
    this_month = timezone.localdate().strftime("%Y-%m")
    client.post("/admin/monthly-reports/build/", {"month": this_month})
    client.post("/admin/monthly-reports/build/", {"month": "bulan lalu"})
    assert MonthlyReportArchive.objects.count() == 1
    assert MonthlyReportArchive.objects.get().mailed_at is None  # built, not mailed
