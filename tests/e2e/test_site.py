"""A citizen and an editor use the site in a real browser (Debian's Chromium)."""

import re

from django.core.management import call_command

import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "e2e-admin-password-1"


@pytest.fixture
def demo_site(live_server, monkeypatch, settings, tmp_path):
    settings.BASE_DIR = tmp_path  # the loader writes no password file into the checkout
    settings.DEMO_CONTENT_COMMANDS = []
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", PASSWORD)
    call_command("load_demo")
    return live_server.url


def test_citizen_reads_pages_switches_language_and_editor_logs_in(page, demo_site):
    page.goto(f"{demo_site}/id/")
    expect(page.locator("h1")).to_contain_text("Sampaikan keluhan")
    page.get_by_role("navigation", name="Menu utama").get_by_role(
        "link", name="Cara menyampaikan laporan"
    ).click()
    expect(page).to_have_url(re.compile(r"/id/cara-melapor/$"))
    expect(page.locator("h1")).to_have_text("Cara menyampaikan laporan")

    page.get_by_role("navigation", name="Menu utama").get_by_role("link", name="Berita").click()
    page.get_by_role("link", name=re.compile("enam besar nasional")).click()
    expect(page.locator("h1")).to_contain_text("enam besar nasional")

    page.get_by_role("navigation", name="Bahasa").get_by_role("link", name="English").click()
    expect(page).to_have_url(re.compile(r"/en/news/banjarbaru-national-top-six"))
    expect(page.locator("html")).to_have_attribute("lang", "en")

    page.goto(f"{demo_site}/admin/")
    page.locator("#id_username").fill("admin")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("html")).to_have_attribute("lang", "id")


PUBLIC_PAGES = [
    "/id/",
    "/en/",
    "/id/cara-melapor/",
    "/id/setelah-melapor/",
    "/en/accessibility-statement/",
    "/id/berita/",
    "/id/berita/banjarbaru-enam-besar-nasional-pengelolaan-pengaduan-2022/",
    "/id/halaman-yang-tidak-ada/",
]


def test_no_serious_accessibility_violations_on_any_public_page_type(page, demo_site, axe):
    report = {}
    for path in PUBLIC_PAGES:
        page.goto(demo_site + path)
        report[path] = [(v["id"], v["impact"], len(v["nodes"])) for v in axe(page)]
    print("axe serious/critical violations:", report)
    assert report == {path: [] for path in PUBLIC_PAGES}


def test_high_contrast_mode_also_passes_axe(page, demo_site, axe):
    page.goto(f"{demo_site}/id/")
    page.get_by_role("button", name="Kontras tinggi").click()
    expect(page.locator("html")).to_have_class(re.compile("contrast-high"))
    assert axe(page) == []


def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, demo_site):
    page.goto(f"{demo_site}/id/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == "Lewati ke konten utama"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"


def test_display_preferences_work_and_persist_without_javascript(browser, demo_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{demo_site}/id/cara-melapor/")
    page.get_by_role("button", name="Lebih besar").click()
    expect(page).to_have_url(re.compile(r"/id/cara-melapor/$"))
    page.goto(f"{demo_site}/id/berita/")
    expect(page.locator("html")).to_have_class(re.compile("text-larger"))
    size = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert size > 20
    context.close()


@pytest.mark.parametrize("path", ["/id/", "/id/setelah-melapor/", "/id/berita/"])
def test_pages_fit_a_360px_phone_without_sideways_scrolling(browser, demo_site, path):
    context = browser.new_context(viewport={"width": 360, "height": 740})
    page = context.new_page()
    page.goto(demo_site + path)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    context.close()


def test_home_page_weighs_under_150_kb_on_first_load(browser, demo_site):
    context = browser.new_context()
    page = context.new_page()
    sizes = {}

    def count(response):
        body = response.body() if response.ok else b""
        sizes[response.url] = len(body)

    page.on("response", count)
    page.goto(f"{demo_site}/id/", wait_until="networkidle")
    total = sum(sizes.values())
    print(f"home page first load: {total} bytes in {len(sizes)} requests")
    assert len(sizes) >= 3  # the page, its stylesheet and images were counted
    assert total < 150 * 1024
    context.close()


PLACEHOLDER_ROOM = """() => {
    const field = document.querySelector('#header-search-q');
    const style = getComputedStyle(field);
    const context = document.createElement('canvas').getContext('2d');
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    // What the browser draws: the placeholder typed in must not scroll (Chromium keeps room
    // for its clear button inside the padding box, which the measure above cannot see).
    field.value = field.placeholder;
    const scrolls = field.scrollWidth > field.clientWidth;
    field.value = '';
    return {
        scrolls: scrolls,
        placeholder: field.placeholder,
        needs: context.measureText(field.placeholder).width,
        room: room,
        searchTop: field.getBoundingClientRect().top,
        menuBottom: document.querySelector('.menu-toggle > summary').getBoundingClientRect().bottom,
        overflow: document.documentElement.scrollWidth - window.innerWidth,
    };
}"""


def test_header_search_placeholder_is_whole_on_phones_in_both_languages(browser, demo_site):
    """The English placeholder was clipped ("Search th") beside the menu button at 360 px.
    It now fits at 320 and 360 px with any text size; where it would not fit beside the
    button the search takes a line of its own, and at 360 px with normal text it stays
    beside the menu. The field keeps its full name for screen readers."""
    placeholders = {"id": "Cari di situs", "en": "Search site"}
    names = {"id": "Cari di situs", "en": "Search the site"}
    problems = []
    for width in (320, 360):
        for text_size in ("normal", "larger"):
            context = browser.new_context(viewport={"width": width, "height": 740})
            cookie = {"name": "display", "value": f"text={text_size}", "url": demo_site}
            context.add_cookies([cookie])
            page = context.new_page()
            for language in ("id", "en"):
                page.goto(f"{demo_site}/{language}/")
                field = page.get_by_role("combobox", name=names[language], exact=True)
                expect(field).to_have_id("header-search-q")
                found = page.evaluate(PLACEHOLDER_ROOM)
                assert found["placeholder"] == placeholders[language]
                if found["needs"] > found["room"] or found["scrolls"] or found["overflow"] > 0:
                    problems.append((language, width, text_size, found))
                beside_menu = found["searchTop"] < found["menuBottom"]
                if (width, text_size) == (360, "normal") and not beside_menu:
                    problems.append((language, width, text_size, "search below the menu"))
            context.close()
    assert problems == []
