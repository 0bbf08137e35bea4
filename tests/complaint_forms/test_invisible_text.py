"""Text made only of invisible characters counts as empty in every citizen and staff form."""

import pytest

from complaint_forms import workflow
from complaint_forms.forms import RequiredMessageForm
from complaint_forms.models import Report, Status

from .factories import ReportFactory, coordinator
from .test_tracking import tracking
from .text import t

pytestmark = pytest.mark.django_db
SUBMIT = "/id/laporan/kirim/"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@pytest.mark.parametrize("field", ["title", "description"])
def test_a_report_titled_with_zero_width_spaces_is_refused(client, report_page, valid_post, field):
    response = client.post(SUBMIT, valid_post(**{field: ZERO_WIDTH}))
    assert response.status_code == 400
    html = response.content.decode()
    assert f"id_{field}_error" in html
    assert t("Write some text: this field holds only spaces or invisible characters.") in html
    assert not Report.objects.exists()


def test_a_zero_width_reply_is_refused_and_changes_nothing(client, report_page):
    report = ReportFactory()
    workflow.request_info(report, coordinator(), "Lokasi tepatnya di mana?")
    response = client.post(
        tracking(report_page),
        {"kode": report.tracking_code, "action": "reply", "reply-message": " \u200b\u3164 "},
    )
    assert response.status_code == 400
    report.refresh_from_db()
    assert report.status == Status.NEEDS_INFO
    assert report.events.filter(action="citizen_reply").count() == 0


def test_staff_cannot_answer_with_invisible_text():
    form = RequiredMessageForm({"public_message": "\u2800\u200b", "internal_note": ""})
    assert not form.is_valid()
    assert "public_message" in form.errors
    with pytest.raises(ValueError):
        workflow.answer(ReportFactory(status=Status.VERIFIED), coordinator(), "\u200b")
