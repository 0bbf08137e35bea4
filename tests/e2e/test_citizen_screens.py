"""A citizen on a 360 px phone and on a desktop, over every public page type of the demo
and the main routes: nothing scrolls sideways, the page's heading is in the first screen
on a phone, primary controls are at least 44 px, and axe finds nothing serious.

Screenshots of the main screens at both widths land in `.e2e-screenshots/` (git-ignored)
for a person to look at."""

import re
from pathlib import Path

from django.conf import settings as django_settings

from wagtail.models import Page

import pytest
from playwright.sync_api import expect

from complaint_forms.models import Report
from open_data.models import UnitAward
from tests.demo_slice import load_demo_with_answer_slice

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 800}
SCREENSHOTS = Path(django_settings.BASE_DIR) / ".e2e-screenshots"

# Controls a citizen taps to move on: each must offer a 44 x 44 px target (WCAG 2.5.5).
PRIMARY_CONTROLS = """
main button:not([hidden]), main .button, main input[type=submit], .site-header summary,
.site-header button, .main-nav a, .language-switcher a, .exit-this-page__button,
main input:not([type=hidden]):not([type=radio]):not([type=checkbox]), main select,
main label:has(> input[type=radio]), main label:has(> input[type=checkbox]),
main .choice, main .field--consent, .breadcrumbs a, .site-footer nav a, .related-answers a
"""

MEASURE = """(selector) => {
    const heading = document.querySelector('h1');
    const box = heading ? heading.getBoundingClientRect() : null;
    const small = [];
    for (const element of document.querySelectorAll(selector)) {
        if (element.closest('.hp-field, .honeypot, [hidden]')) continue;
        const rect = element.getBoundingClientRect();
        if (!rect.width || !rect.height || getComputedStyle(element).visibility === 'hidden') {
            continue;
        }
        if (rect.height < 43.5 || rect.width < 43.5) {
            small.push(`${element.tagName.toLowerCase()}.${element.className}`
                + ` "${(element.textContent || element.name || '').trim().slice(0, 30)}"`
                + ` ${Math.round(rect.width)}x${Math.round(rect.height)}`);
        }
    }
    return {
        overflow: document.documentElement.scrollWidth - window.innerWidth,
        headingTop: box ? box.top + window.scrollY : null,
        headingBottom: box ? box.bottom + window.scrollY : null,
        small: small,
    };
}"""


@pytest.fixture
def demo(live_server, monkeypatch, settings, tmp_path):
    """The full demo (pages, programs, reports) with a small slice of the answer sample."""
    load_demo_with_answer_slice(settings, monkeypatch, tmp_path)
    return live_server.url


def public_pages():
    """One live page of every page type, in each language it exists in (not the root)."""
    chosen = {}
    pages = Page.objects.live().public().filter(depth__gt=1).select_related("locale")
    for page in pages.order_by("path"):
        key = (page.content_type_id, page.locale.language_code)
        chosen.setdefault(key, page.url)
    return sorted(chosen.values())


MISSING_PAGE = "/id/halaman-yang-tidak-ada/"  # the translated 404 page fits the screens too


def main_routes():
    code = Report.objects.order_by("pk").values_list("tracking_code", flat=True).first()
    award = UnitAward.objects.exclude(certificate_code=None).order_by("pk").first()
    return [
        f"/id/penghargaan/{award.certificate_code}/",
        f"/en/awards/{award.certificate_code}/",
        "/id/lapor/",
        "/id/lapor/konsultasi/",
        f"/id/lapor/terkirim/{code}/",
        f"/id/lapor/lacak/?kode={code}",
        "/id/cari/?q=ktp",
        "/id/program/lapor-peduli-gender/",
        "/id/program/lapor-goes-to-school/request-session/",
        "/id/program/duta-lapor/apply/",
        "/id/program/lapor-peduli-difabel/pendampingan-melapor/",
        MISSING_PAGE,
    ]


MAIN_SCREENS = {
    "/id/": "home",
    "/id/lapor/": "report",
    "/id/lapor/lacak/": "tracking",
    "/id/cari/": "search",
    "/id/program/lapor-peduli-gender/": "gender-campaign",
    "/id/unit-kerja-teresponsif/": "ranking",
}


def screenshot_name(path):
    for prefix, name in MAIN_SCREENS.items():
        if path.split("?")[0] == prefix:
            return name
    if "/tanya-jawab/" in path and path.count("/") > 3:
        return "answer"
    if path.startswith("/id/penghargaan/"):
        return "award-check"
    return None


def test_every_public_page_type_fits_a_phone_and_a_desktop(browser, demo, axe):
    paths = public_pages() + main_routes()
    assert len(paths) > 20  # every page type, both languages, and the routes were found
    SCREENSHOTS.mkdir(exist_ok=True)
    problems = []
    for viewport in (PHONE, DESKTOP):
        context = browser.new_context(viewport=viewport)
        page = context.new_page()
        width = viewport["width"]
        for path in paths:
            response = page.goto(demo + path)
            assert response.status == (404 if path == MISSING_PAGE else 200), path
            found = page.evaluate(MEASURE, PRIMARY_CONTROLS)
            if found["overflow"] > 0:
                problems.append((width, path, "scrolls sideways", found["overflow"]))
            if found["headingTop"] is None:
                problems.append((width, path, "no h1"))
            elif width == PHONE["width"] and found["headingBottom"] > PHONE["height"]:
                problems.append((width, path, "h1 below the first screen", found["headingTop"]))
            if found["small"]:
                problems.append((width, path, "small targets", found["small"]))
            if width == PHONE["width"]:
                serious = [(v["id"], len(v["nodes"])) for v in axe(page)]
                if serious:
                    problems.append((width, path, "axe", serious))
            name = screenshot_name(path)
            if name:
                page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"))
        context.close()
    print(f"checked {len(paths)} pages at 360 and 1280 px")
    for problem in problems:
        print("PROBLEM", problem)
    assert problems == []


def test_menu_opens_without_javascript_on_a_phone_and_is_open_on_a_desktop(browser, demo):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo}/id/")
    # "Send a report" is on the phone's first screen (the hero picture gives way to it).
    first_action = page.locator(".cta-links a").first.bounding_box()
    assert first_action is not None
    assert first_action["y"] + first_action["height"] <= PHONE["height"]
    menu = page.get_by_role("navigation", name="Menu utama")
    expect(menu).to_be_hidden()
    expect(page.get_by_role("button", name="Cari")).to_be_visible()
    page.locator(".menu-toggle > summary").click()
    menu.get_by_role("link", name="Berita").click()
    expect(page).to_have_url(re.compile(r"/id/berita/$"))
    context.close()

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.goto(f"{demo}/id/")
    expect(page.get_by_role("navigation", name="Menu utama")).to_be_visible()
    expect(page.locator(".menu-toggle > summary")).to_be_hidden()
    context.close()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_gender_form_error_stays_on_the_campaign_page_then_the_code_is_shown(
    browser, demo, javascript
):
    context = browser.new_context(viewport=PHONE, java_script_enabled=javascript)
    page = context.new_page()
    campaign = f"{demo}/id/program/lapor-peduli-gender/"
    page.goto(campaign)
    form = page.locator("form.report-form")
    expect(form.locator("input[name=privacy][value=public]")).to_have_count(0)
    expect(form).to_contain_text("Laporan ini tidak pernah dipublikasikan.")
    form.get_by_label("Judul").fill("Pelecehan di tempat kerja")
    form.get_by_label("Apa yang terjadi?").fill("Atasan berulang kali berkata tidak pantas.")
    form.get_by_label("Telepon atau WhatsApp").fill("081234567890")
    form.get_by_role("button", name="Kirim laporan").click()

    expect(page).to_have_url(campaign)
    expect(page.locator("h1")).to_have_text("Lapor Peduli Gender")
    expect(page.locator("#exit-this-page")).to_be_visible()
    summary = page.locator("#report-form-errors")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("Silakan setujui pemberitahuan privasi")
    expect(summary).not_to_contain_text("surel")  # phone given: no email demanded
    expect(form.get_by_label("Judul")).to_have_value("Pelecehan di tempat kerja")

    form.get_by_label(re.compile("Saya telah membaca pemberitahuan privasi")).check()
    form.get_by_role("button", name="Kirim laporan").click()
    expect(page.locator("h1")).to_have_text("Terima kasih, laporan Anda telah diterima")
    code = page.locator("#tracking-code").inner_text()
    assert re.fullmatch(r"BJB-[0-9A-Z]{4}-[0-9A-Z]{4}", code)
    report = Report.objects.get(tracking_code=code)
    assert (report.privacy, report.contact_channel) == ("confidential", "phone")
    copy = page.get_by_role("button", name="Salin kode")
    if javascript:
        expect(copy).to_be_visible()
    else:
        expect(copy).to_be_hidden()
    expect(page.locator(".next-step")).to_contain_text("paling lambat")
    context.close()
