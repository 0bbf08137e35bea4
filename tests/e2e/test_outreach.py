"""Outreach in a real browser: a school asks for a session, a student registers, staff
check them in, the exit button leaves the gender page, and axe finds no serious issue."""

import datetime

from django.core import mail
from django.utils import timezone, translation
from django.utils.text import capfirst

import pytest
from playwright.sync_api import expect

from outreach.models import (
    ProgramKind,
    Registration,
    SchoolSessionRequest,
)
from tests.outreach.factories import EventPageFactory, ProgramIndexPageFactory, ProgramPageFactory

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

EXIT_URL = "https://www.google.com/search?q=cuaca"


def t(text):
    """What the Indonesian page (and the admin) shows for this interface text. Form labels
    that come from a model field are its lower-case verbose name, capitalised."""
    with translation.override("id"):
        translated = translation.gettext(text)
        if translated == text and text[:1].isupper():
            translated = capfirst(translation.gettext(text[:1].lower() + text[1:]))
    return translated


@pytest.fixture
def programs(home):
    index = ProgramIndexPageFactory(parent=home)
    school = ProgramPageFactory(
        parent=index, slug="goes-to-school", title="Lapor Goes To School", kind=ProgramKind.SCHOOL
    )
    gender = ProgramPageFactory(
        parent=index, slug="gender", title="Lapor Peduli Gender", kind=ProgramKind.GENDER
    )
    event = EventPageFactory(
        parent=school,
        slug="sosialisasi",
        title="Sosialisasi OSIS",
        capacity=30,
        sign_language_interpreter=True,
    )
    return {"index": index, "school": school, "gender": gender, "event": event}


@pytest.fixture
def neutral_site(page):
    """The exit destination, served locally (the test machine has no internet)."""
    page.route(
        "https://www.google.com/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Cuaca</title><p>Cerah</p>"
        ),
    )
    return page


def test_a_school_requests_a_session(page, live_server, programs):
    school = programs["school"]
    page.goto(live_server.url + school.url)
    page.get_by_role("link", name=t("Request a session for your school")).click()
    day = timezone.localdate() + datetime.timedelta(days=20)
    page.get_by_label(t("School name")).fill("SMAN 2 Banjarbaru")
    page.get_by_label(t("NPSN")).fill("30304568")
    page.locator("#id_level").select_option("sma")
    page.get_by_label(t("Kecamatan")).select_option("cempaka")
    page.get_by_label(t("Address")).fill("Jl. Mistar Cokrokusumo")
    page.get_by_label(t("Contact person")).fill("Ibu Nur")
    page.get_by_label(t("Role")).fill("Guru BK")
    page.get_by_label(t("Phone")).fill("0812 5555 7777")
    page.locator("#id_email").fill("sman2@example.org")
    page.get_by_label(t("Expected number of students")).fill("200")
    page.get_by_label(t("Grades")).fill("X-XII")
    page.get_by_label(t("First choice date")).fill(day.isoformat())
    page.get_by_label(t("Second choice date")).fill((day + datetime.timedelta(days=2)).isoformat())
    page.get_by_label(t("I agree that these details are used to arrange the session")).check()
    page.get_by_role("button", name=t("Send the request")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(
        t("Thank you, we have your request")
    )
    stored = SchoolSessionRequest.objects.get()
    assert stored.phone == "+6281255557777"
    assert mail.outbox[-1].to == ["sman2@example.org"]


def test_bad_school_request_shows_linked_errors(page, live_server, programs, axe):
    page.goto(live_server.url + programs["school"].subpage_url("school_request"))
    page.get_by_label(t("NPSN")).fill("123")
    page.get_by_role("button", name=t("Send the request")).click()
    npsn = page.get_by_label(t("NPSN"))
    expect(npsn).to_have_attribute("aria-invalid", "true")
    described = npsn.get_attribute("aria-describedby")
    assert "id_npsn_error" in described
    expect(page.locator("#id_npsn_error")).to_contain_text("8")
    assert axe(page) == []


def test_a_student_registers_and_staff_check_them_in(
    page, live_server, programs, django_user_model
):
    event = programs["event"]
    page.goto(live_server.url + event.url)
    page.get_by_role("link", name=t("Register")).click()
    page.get_by_label(t("Full name")).fill("Andi Saputra")
    page.get_by_label(t("School and class, or organisation")).fill("SMAN 1, XI IPS 2")
    page.locator("#id_email").fill("andi@example.org")
    page.get_by_label(t("Under 18")).check()
    page.get_by_label(t("Parent or guardian's name")).fill("Ibu Saputra")
    page.get_by_label(t("Parent or guardian's phone or email")).fill("0812 9999 0000")
    page.get_by_label(t("My parent or guardian knows and agrees")).check()
    page.get_by_label(t("I agree that my details are used to organise this event")).check()
    page.get_by_role("button", name=t("Register")).click()
    expect(page.get_by_role("heading", name=t("You are registered"))).to_be_visible()
    registration = Registration.objects.get()
    expect(page.locator("#check-in-code")).to_have_text(registration.check_in_code)
    assert page.locator("figure.qr svg").count() == 1
    assert any(registration.check_in_code in m.body for m in mail.outbox)

    django_user_model.objects.create_superuser("petugas", "p@example.org", "rahasia-sekali-123")
    page.set_viewport_size({"width": 360, "height": 740})  # a phone at the door
    page.goto(live_server.url + "/admin/login/")
    page.locator("#id_username").fill("petugas")
    page.locator("#id_password").fill("rahasia-sekali-123")
    page.get_by_role("button", name=t("Sign in")).click()
    page.wait_for_url("**/admin/")
    page.goto(f"{live_server.url}/admin/outreach/events/{event.pk}/check-in/")
    page.get_by_label(t("Check-in code or name")).fill(registration.check_in_code)
    page.get_by_role("button", name=t("Find")).click()
    page.get_by_role("button", name=t("Mark attended")).click()
    expect(
        page.get_by_text(t("%(name)s is checked in.") % {"name": "Andi Saputra"})
    ).to_be_visible()
    registration.refresh_from_db()
    assert registration.attended_at is not None


@pytest.mark.parametrize("name", ["index", "school", "gender", "event", "register", "listing"])
def test_outreach_pages_have_no_serious_axe_violations(page, live_server, programs, axe, name):
    urls = {
        "index": programs["index"].url,
        "school": programs["school"].url,
        "gender": programs["gender"].url,
        "event": programs["event"].url,
        "register": programs["event"].subpage_url("register"),
        "listing": programs["index"].subpage_url("events"),
    }
    page.goto(live_server.url + urls[name])
    assert axe(page) == []


def test_exit_button_works_by_mouse(page, live_server, programs, neutral_site):
    page.goto(live_server.url + programs["gender"].url)
    page.get_by_role("link", name=t("Exit this page")).click()
    page.wait_for_url(EXIT_URL)
    assert page.url == EXIT_URL


def test_exit_button_is_reached_early_by_keyboard(page, live_server, programs, neutral_site):
    page.goto(live_server.url + programs["gender"].url)
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "exit-this-page":
            break
    assert page.evaluate("document.activeElement.id") == "exit-this-page"
    page.keyboard.press("Enter")
    page.wait_for_url(EXIT_URL)


def test_pressing_shift_three_times_exits(page, live_server, programs, neutral_site):
    page.goto(live_server.url + programs["gender"].url)
    for _ in range(3):
        page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)
    page.go_back()
    assert "/gender/" not in page.url  # history was replaced: back does not return here


def test_exit_link_works_without_javascript(browser, live_server, programs):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.route(
        "https://www.google.com/**",
        lambda route: route.fulfill(status=200, content_type="text/html", body="<p>ok</p>"),
    )
    page.goto(live_server.url + programs["gender"].url)
    page.get_by_role("link", name=t("Exit this page")).click()
    page.wait_for_url(EXIT_URL)
    context.close()


def test_a_checkbox_help_text_sits_under_its_label_on_a_phone(browser, live_server, programs):
    """On a 360 px phone the help of "My parent or guardian knows and agrees" stood beside
    the label as a third column, squeezing the label to a word a line."""
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(live_server.url + programs["event"].subpage_url("register"))
    for name in ("guardian_consent", "consent"):
        box = page.locator(f"#id_{name}").bounding_box()
        label = page.locator(f"label[for=id_{name}]").bounding_box()
        help_text = page.locator(f"#id_{name}_helptext").bounding_box()
        assert help_text["y"] >= label["y"] + label["height"], name
        assert label["width"] > 220, name
        assert box["x"] + box["width"] < label["x"], name
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()
