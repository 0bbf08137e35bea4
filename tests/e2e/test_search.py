"""Search in a real browser: search-as-you-type with the keyboard, results, axe."""

import os

from django.utils import translation

import pytest

from search import answer_index
from search.backends import _backends
from tests.search.conftest import ANSWERS_ID
from tests.search.factories import (
    AnswerCategoryFactory,
    AnswerPageFactory,
    KnowledgeBaseIndexPageFactory,
)

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def answers(home, locales):
    answer_index.clear()
    _backends.clear()
    index = KnowledgeBaseIndexPageFactory(parent=home, locale=locales["id"])
    index.save_revision().publish()
    category = AnswerCategoryFactory(slug="umum", name="Umum", locale=locales["id"])
    pages = {}
    for source_id, title, short, _category in ANSWERS_ID:
        page = AnswerPageFactory(
            parent=index, title=title, short_answer=short, source_id=source_id, category=category
        )
        page.save_revision().publish()
        pages[source_id] = page
    yield pages
    answer_index.clear()
    _backends.clear()


def test_search_as_you_type_with_keyboard(page, live_server, answers):
    page.goto(f"{live_server.url}/id/cari/")
    with translation.override("id"):
        label = translation.gettext("What are you looking for?")
    box = page.get_by_role("combobox", name=label)
    box.click()
    page.keyboard.type("akta kel", delay=30)
    option = page.get_by_role("option").first
    option.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    page.keyboard.press("ArrowDown")
    assert box.get_attribute("aria-activedescendant") == option.get_attribute("id")
    assert option.get_attribute("aria-selected") == "true"
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{answers['kb-003'].url}")
    assert page.locator("h1").inner_text() == answers["kb-003"].title


def test_on_a_phone_the_help_note_and_answers_come_before_the_filters(
    browser, live_server, answers
):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(f"{live_server.url}/id/cari/?q=suami+mukul+istri+di+rumah")
    call = page.locator('.search-help a[href="tel:112"]').bounding_box()
    assert call is not None, "no help note for a query about violence"
    assert call["y"] + call["height"] <= 740, "the emergency call is off the first screen"
    assert page.evaluate("document.documentElement.scrollWidth") <= 360

    page.goto(f"{live_server.url}/id/cari/?q=akta+kelahiran")
    first_hit = page.locator(".search-hit").first.bounding_box()
    filters = page.locator(".search-facets").bounding_box()
    assert first_hit and filters and first_hit["y"] < filters["y"]
    context.close()


def test_escape_closes_the_suggestions(page, live_server, answers):
    page.goto(f"{live_server.url}/id/cari/")
    box = page.locator("#search-q")
    box.click()
    page.keyboard.type("ktp", delay=30)
    page.get_by_role("option").first.wait_for()
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"


def test_result_page_marks_matches_and_passes_axe(page, live_server, answers, axe):
    page.goto(f"{live_server.url}/id/cari/")
    page.locator("#search-q").fill("ktp hilang")
    page.keyboard.press("Enter")
    page.wait_for_url("**/id/cari/?q=ktp+hilang")
    first = page.locator(".search-hit").first
    assert answers["kb-002"].title.split()[0] in first.inner_text()
    assert first.locator("mark").count() >= 1
    assert axe(page) == []


def test_empty_result_and_answer_page_pass_axe(page, live_server, answers, axe):
    page.goto(f"{live_server.url}/id/cari/?q=jadwal+bioskop+malam")
    assert page.locator(".search-empty a.button").is_visible()
    assert axe(page) == []
    page.goto(f"{live_server.url}{answers['kb-002'].url}")
    assert page.get_by_role("heading", name="Apakah ini membantu?").is_visible()
    assert axe(page) == []


def test_a_vote_after_a_search_carries_its_words_from_the_browser(page, live_server, answers):
    """The answer page is the same for everyone (cacheable); the browser adds the search
    that led to it, so "yes" teaches search."""
    from search.models import AnswerFeedback

    page.goto(f"{live_server.url}/id/cari/?q=ktp+hilang")
    page.locator(".search-hit a").first.click()
    page.wait_for_url(f"**{answers['kb-002'].url}")
    assert page.locator("#feedback input[name='q']").input_value() == "ktp hilang"
    page.locator("#feedback input[name='helpful']").first.check()
    page.locator("#feedback button[type='submit']").click()
    page.wait_for_url("**?feedback=thanks#feedback")
    assert AnswerFeedback.objects.filter(page=answers["kb-002"]).count() == 1
    # Opened directly (no search before it), the vote goes without search words.
    page.goto(f"{live_server.url}{answers['kb-002'].url}")
    assert page.locator("#feedback input[name='q']").input_value() == ""


def test_report_form_suggestions_show_apostrophes_as_typed(live_server, page, home, locales):
    """The similar-answers box on the report form renders plain text once: no '&#x27;'."""
    from tests.complaint_forms.factories import ReportPageFactory

    answer_index.clear()
    _backends.clear()
    ReportPageFactory(parent=home).save_revision().publish()
    index = KnowledgeBaseIndexPageFactory(parent=home, locale=locales["id"])
    index.save_revision().publish()
    answer = AnswerPageFactory(
        parent=index,
        title="Bagaimana melaporkan jalan berlubang atau rusak?",
        short_answer="Foto lubangnya dan sebut 'patokan' terdekat, misalnya nama toko.",
        source_id="kb-130",
    )
    answer.save_revision().publish()
    page.goto(f"{live_server.url}/id/lapor/")
    page.locator("#id_title").press_sequentially("Jalan berlubang di Jl. A. Yani km 33", delay=10)
    box = page.locator("[data-similar-answers]")
    box.get_by_role("link", name=answer.title).wait_for()
    text = box.inner_text()
    assert "'patokan'" in text
    assert "&#x27;" not in text and "&amp;" not in text


def test_an_editor_gives_an_answer_the_exit_button(browser, live_server, answers, settings):
    """The field an editor ticks in the answer editor, published, shows the quick exit on
    the public page (it is off by default)."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    answer = answers["kb-003"]
    public = browser.new_page()
    public.goto(f"{live_server.url}{answer.url}")
    assert public.locator(".exit-this-page").count() == 0

    editor = get_user_model().objects.create_superuser("redaktur", "redaktur@example.test", "x")
    client = Client()
    client.force_login(editor)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    admin = context.new_page()
    admin.goto(f"{live_server.url}/admin/pages/{answer.pk}/edit/")
    with translation.override("id"):
        label = translation.gettext("exit button")
    admin.get_by_label(label, exact=False).first.check()
    admin.locator("footer .w-dropdown__toggle").click()
    with admin.expect_navigation():
        admin.locator('footer button[name="action-publish"]').click()
    assert admin.locator(".messages .success").count()
    context.close()

    answer.refresh_from_db()
    assert answer.show_exit_button
    public.goto(f"{live_server.url}{answer.url}")
    assert public.locator(".exit-this-page").first.is_visible()
