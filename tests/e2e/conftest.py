"""Browser tests: Debian's Chromium driven by Playwright, checked with axe-core."""

import pytest
from axe_playwright_python.sync_playwright import Axe

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture(scope="session")
def axe():
    """Run axe-core on the page; return only serious and critical violations."""
    checker = Axe()

    def serious_violations(page):
        results = checker.run(page)
        return [
            violation
            for violation in results.response["violations"]
            if violation.get("impact") in ("serious", "critical")
        ]

    return serious_violations
