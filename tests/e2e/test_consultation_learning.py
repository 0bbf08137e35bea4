"""A coordinator answers a citizen's consultation in Chromium and records, with Wagtail's
page chooser, the knowledge-base answer it got; once enough consultations share their
wording, a citizen who searches in that wording finds the answer (and not before)."""

import os
import re

from django.conf import settings

import pytest

from complaint_forms.knowledge_base import save_answers_given
from complaint_forms.models import Kind, Status
from tests.complaint_forms.factories import ReportFactory
from tests.e2e.test_search import answers  # noqa: F401 (the knowledge-base fixture)
from tests.e2e.test_staff_screens import shot, staff_page  # noqa: F401 (fixture)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORDING = "gang kami gelap gulita"


class Chosen:
    """What the answers-given form hands to `save_answers_given`, without the screen."""

    def __init__(self, pages):
        self.pages = pages

    def chosen_pages(self):
        return self.pages


def search_titles(page, live_server, query):
    page.goto(f"{live_server.url}/id/cari/?q={query.replace(' ', '+')}")
    return page.locator("main h2 a, main h3 a").all_inner_texts()


def test_consultation_answered_in_the_admin_teaches_search(live_server, staff_page, answers):  # noqa: F811
    assert settings.SEARCH_LEARN_MIN_CONSULTATIONS == 3
    lamp = answers["kb-004"]
    # Two consultations in the same words were answered with the lamp answer before.
    for text in ("Gang kami gelap gulita tiap malam", "Malam hari gang gelap gulita"):
        earlier = ReportFactory(kind=Kind.CONSULTATION, title=text, description=text)
        save_answers_given(earlier, Chosen([lamp]))
    report = ReportFactory(
        kind=Kind.CONSULTATION,
        status=Status.VERIFIED,
        title="Gelap gulita di gang",
        description="Sudah seminggu gang kami gelap gulita, anak takut pulang mengaji.",
    )
    page = staff_page
    assert lamp.title not in search_titles(page, live_server, WORDING)

    page.goto(f"{live_server.url}/admin/complaint_reports/{report.pk}/")
    page.locator("[data-a11y-dialog-show='report-action-answer']").click()
    dialog = page.locator("#report-action-answer")
    dialog.locator("textarea[name='answer-public_message']").fill(
        "Sudah kami teruskan ke Dinas Perhubungan untuk perbaikan lampu."
    )
    dialog.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/answers-given/$"))
    assert "Gelap gulita di gang" in page.locator("main").inner_text()
    shot(page, "consultation-answers-given")

    page.locator("#id_other_answer-chooser [data-chooser-action-choose]").first.click()
    modal = page.locator(".modal")
    modal.locator("input[name='q']").fill("lampu")
    modal.get_by_role("link", name=lamp.title).click()
    assert page.locator("#id_other_answer-chooser [data-chooser-title]").inner_text() == lamp.title
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(re.compile(rf"/admin/complaint_reports/{report.pk}/$"))
    shot(page, "consultation-answers-recorded")

    assert search_titles(page, live_server, WORDING)[0] == lamp.title
