"""The statistics page (/id/data/, /en/data/) in Chromium on the demo's year of figures:
axe finds nothing serious at 360 and 1280 px, nothing scrolls sideways, the charts keep
their text alternative, and the filters work without JavaScript.

A full-page screenshot of /id/data/ at 360 px lands in `.e2e-screenshots/` for a person to
look at."""

from pathlib import Path

from django.conf import settings as django_settings

import pytest

from tests.demo_slice import load_demo_with_answer_slice

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

SCREENSHOTS = Path(django_settings.BASE_DIR) / ".e2e-screenshots"
PAGES = {"/id/data/": "id", "/en/data/": "en"}
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"


@pytest.fixture
def demo(live_server, monkeypatch, settings, tmp_path):
    load_demo_with_answer_slice(settings, monkeypatch, tmp_path, answers=3)
    return live_server.url


def test_statistics_pages_pass_axe_and_fit_a_phone_in_both_languages(browser, demo, axe):
    SCREENSHOTS.mkdir(exist_ok=True)
    problems = []
    for width in (360, 1280):
        context = browser.new_context(viewport={"width": width, "height": 800})
        page = context.new_page()
        for path, language in PAGES.items():
            response = page.goto(demo + path)
            assert response.status == 200, path
            assert page.locator("html").get_attribute("lang") == language
            serious = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in axe(page)]
            if serious:
                problems.append((width, path, "axe", serious))
            if (overflow := page.evaluate(OVERFLOW)) > 0:
                problems.append((width, path, "scrolls sideways", overflow))
            # Every chart is an image with a name and the same figures in a table.
            charts = page.locator("figure svg[role=img]")
            assert charts.count() >= 7, path
            for index in range(charts.count()):
                assert charts.nth(index).get_attribute("aria-labelledby") or charts.nth(
                    index
                ).get_attribute("aria-label")
            assert page.locator("details table.data-table").count() == charts.count()
            if width == 360 and language == "id":
                page.screenshot(path=str(SCREENSHOTS / "data-id-360.png"), full_page=True)
        context.close()
    assert problems == []


def test_the_period_and_unit_filters_work_without_javascript(browser, demo):
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.goto(demo + "/id/data/")
    page.select_option("#filter-unit", label="Dinas Lingkungan Hidup")
    page.click("form.statistics-filter button[type=submit]")
    assert "unit=DLH" in page.url
    assert page.locator("#filter-unit option[selected]").inner_text() == "Dinas Lingkungan Hidup"
    unit_rows = page.locator("#by-unit-heading ~ details tbody th")
    assert unit_rows.all_text_contents() == ["Dinas Lingkungan Hidup"]  # in closed <details>
    context.close()
