"""Editors and moderators work every page type of the project in Chromium.

For each page type (found from Wagtail's page models, so a new type is covered without
editing this file) the demo must hold a page: `editor` opens it with no script error and no
failed request, changes its title, saves a draft and submits it; `moderator` approves it and
the new title is live. Then `editor` adds a new page of every type under a valid parent
through the "add child page" screen and saves it.
"""

import datetime
import re
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import translation

from wagtail import blocks
from wagtail.models import Page, get_page_models

import pytest

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "e2e-demo-password-1"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
CONTENT_CHECK_REPORT = "console error: axe.run results"
ADMIN_SCREENS_LANGUAGE = "id"
# A frame the browser refused (e.g. by a CSP) has no readable document.
PREVIEW_RENDERED = """() => {
    const frame = document.querySelector("#w-preview-iframe");
    const body = frame && frame.contentDocument && frame.contentDocument.body;
    return Boolean(body && frame.contentWindow.location.pathname.includes("/preview/")
        && body.querySelector("main, h1"));
}"""


def project_page_models():
    """Page types defined by the project's own apps (code in this checkout, not a package)."""
    models = []
    for model in get_page_models():
        app_path = Path(apps.get_app_config(model._meta.app_label).path).resolve()
        if app_path.is_relative_to(PROJECT_ROOT) and "site-packages" not in app_path.parts:
            models.append(model)
    return models


class BrowserProblems:
    """Console errors, uncaught exceptions and failed requests (4xx/5xx or unreachable)
    seen by one browser context; `take()` returns those since the last call."""

    def __init__(self, context):
        self.seen = []
        context.on("console", self.on_console)
        context.on("weberror", lambda error: self.seen.append(f"script error: {error.error}"))
        context.on("requestfailed", self.on_request_failed)
        context.on("response", self.on_response)

    def on_console(self, message):
        # "Failed to load resource" repeats a response or failure judged by the handlers below.
        if message.type == "error" and not message.text.startswith("Failed to load resource"):
            details = [str(arg.json_value())[:400] for arg in message.args[1:]]
            self.seen.append(f"console error: {message.text} {details}")

    def on_request_failed(self, request):
        # A request still in flight when the page navigates away is aborted, not failed.
        if request.failure != "net::ERR_ABORTED":
            self.seen.append(f"request failed ({request.failure}): {request.url}")

    def on_response(self, response):
        if response.status >= 400:
            self.seen.append(f"HTTP {response.status}: {response.url}")

    def take(self):
        seen, self.seen = self.seen, []
        return seen


class Session:
    """One logged-in browser context per role, with its problems recorded."""

    def __init__(self, browser, base_url, username):
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1400, "height": 1000})
        # The admin's screens settle slowly on a loaded 2-core CI machine.
        self.context.set_default_timeout(90_000)
        self.problems = BrowserProblems(self.context)
        self.page = self.context.new_page()
        self.page.goto(f"{base_url}/admin/login/")
        self.page.locator("#id_username").fill(username)
        self.page.locator("#id_password").fill(PASSWORD)
        with self.page.expect_navigation():
            self.page.locator("form button[type=submit]").click()
        assert self.page.url == f"{base_url}/admin/", f"{username} could not log in"
        self.user = get_user_model().objects.get(username=username)

    def open(self, path):
        self.page.goto(self.base_url + path, wait_until="networkidle")

    def submit_form(self, button):
        """Click a form button and wait for the page that answers it."""
        with self.page.expect_navigation():
            button.click()
        self.page.wait_for_load_state("networkidle")

    def footer_action(self, selector):
        """A button of the editor's footer, opening its "more actions" menu when needed."""
        button = self.page.locator(f"footer {selector}").first
        if not button.is_visible():
            self.page.locator("footer .w-dropdown__toggle").click()
        return button

    def open_preview(self):
        """Open the editor's preview panel and wait for the page to render in its frame."""
        self.page.locator('[data-side-panel-toggle="preview"]').first.click()
        self.page.wait_for_function(PREVIEW_RENDERED, timeout=15_000)
        # Not "networkidle": the open preview panel keeps checking the form for changes, so
        # on some pages the network is never idle. Give its first render time to settle.
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(2_000)

    def assert_clean(self, what, content_checks=True):
        """No problem since the last check. Wagtail's content checks (axe on the preview)
        judge the page's content; a new page's empty form is not content yet."""
        problems = [
            problem
            for problem in self.problems.take()
            if content_checks or not problem.startswith(CONTENT_CHECK_REPORT)
        ]
        assert not problems, f"{what}: " + "; ".join(problems)

    def assert_saved(self, what):
        errors = self.page.locator(".messages .error, .help-critical, .error-message")
        assert errors.count() == 0, f"{what}: {errors.all_inner_texts()}"
        assert self.page.locator(".messages .success").count(), f"{what}: no confirmation"

    def close(self):
        self.context.close()


@pytest.fixture
def demo(live_server, monkeypatch, settings):
    """The whole demo (every app's content), as `make run` builds it. Autosave is off: at
    Playwright's speed it races the explicit save a person makes seconds later."""
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    # The in-memory SQLite test database is shared by the live server's threads and this
    # test's queries; a read here table-locks the row the editor's 10-second "who else is
    # editing" ping writes ("database table is locked"). The first ping of each screen runs.
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10 * 60 * 1000
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", PASSWORD)
    call_command("load_demo")
    return live_server.url


def demo_page_of(model):
    return (
        model.objects.filter(locale__language_code=ADMIN_SCREENS_LANGUAGE).order_by("path").first()
    )


def edit_submit_and_approve(editor, moderator, model):
    page = demo_page_of(model)
    assert page is not None, "the demo has no page of this type"
    new_title = f"{page.title} (disunting)"

    editor.open(f"/admin/pages/{page.pk}/edit/")
    editor.assert_clean("edit view")
    editor.open_preview()
    editor.assert_clean("preview panel")
    editor.page.locator("#id_title").fill(new_title)
    editor.submit_form(editor.page.locator("footer button.action-save"))
    editor.assert_saved("save draft")
    editor.assert_clean("after saving a draft")
    editor.submit_form(editor.footer_action('button[name="action-submit"]'))
    editor.assert_saved("submit for moderation")
    editor.assert_clean("after submitting")
    page.refresh_from_db()
    assert page.workflow_in_progress, "not in moderation after submitting"
    assert page.title != new_title, "the draft went live before approval"

    moderator.open(f"/admin/pages/{page.pk}/edit/")
    moderator.assert_clean("moderator's edit view")
    approve = '[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    moderator.submit_form(moderator.footer_action(approve))
    moderator.assert_saved("approve")
    moderator.assert_clean("after approving")
    page.refresh_from_db()
    assert page.live and page.title == new_title, "approved change is not live"
    assert not page.has_unpublished_changes

    moderator.open(page.url)
    # Every page type's <title> is "<seo title or title> | LAPOR! Banjarbaru"; the demo
    # sets no seo_title, so the approved title is what visitors see.
    assert moderator.page.title() == f"{new_title} | LAPOR! Banjarbaru"


# --- adding pages ---------------------------------------------------------------------


def valid_parent(model, candidates, user):
    for parent in candidates:
        if model.can_create_at(parent) and parent.permissions_for_user(user).can_add_subpage():
            return parent
    return None


class RequiredFieldFiller:
    """Fills a new page's required fields from its admin form definition, by widget kind,
    so a new page type needs no change here (an unknown widget fails the test clearly)."""

    def __init__(self, session, model):
        self.page = session.page
        self.model = model
        self.next_time = datetime.datetime(2027, 3, 1, 9, 0)

    def fill(self):
        for name, field in self.form_fields.items():
            if field.required:
                self.fill_field(name, field)

    @property
    def form_fields(self):
        return self.model.get_edit_handler().get_form_class().base_fields

    def fill_fields_with_errors(self):
        """A rule across fields (e.g. "a venue or an online link") marks a field that is not
        required on its own; fill the fields the form marked, once."""
        invalid = self.page.locator("[aria-invalid='true']").evaluate_all(
            "fields => fields.map(field => field.name)"
        )
        names = [name for name in invalid if name in self.form_fields]
        for name in names:
            self.fill_field(name, self.form_fields[name])
        return names

    def reveal(self, locator):
        """Open the editor tab (Content, Promote, ...) that holds a field."""
        if not locator.is_visible():
            tab_panel = locator.evaluate("field => field.closest('[role=tabpanel]')?.id")
            if tab_panel:
                self.page.locator(f'[role=tab][aria-controls="{tab_panel}"]').click()

    def fill_field(self, name, field):
        widget = type(field.widget).__name__
        box = self.page.locator(f"#id_{name}")
        self.reveal(box if widget != "BlockWidget" else self.page.locator(f"#{name}-root"))
        label = f"Uji {self.model._meta.verbose_name}"
        if name == "slug":
            box.fill(f"uji-{self.model._meta.model_name}")
        elif widget == "BlockWidget":
            self.add_first_block(name)
        elif widget == "Select":
            box.select_option(index=1)
        elif widget == "AdminDateInput":
            box.fill(self.next_time.strftime("%Y-%m-%d"))
            box.press("Escape")
        elif widget == "AdminDateTimeInput":
            box.fill(self.next_time.strftime("%Y-%m-%d %H:%M"))
            box.press("Escape")
            self.next_time += datetime.timedelta(hours=2)
        elif widget == "NumberInput":
            box.fill("30")
        elif widget == "URLInput":
            box.fill("https://example.org/")
        elif widget == "EmailInput":
            box.fill("uji@example.org")
        elif widget in ("TextInput", "Textarea", "AdminAutoHeightTextInput"):
            box.fill(label)
        else:
            raise AssertionError(f"no way to fill the required field {name} ({widget})")

    def add_first_block(self, name):
        """Add a text block (the rich-text paragraph where there is one) and write in it."""
        stream = self.model._meta.get_field(name).stream_block
        children = stream.child_blocks
        text_kinds = (blocks.RichTextBlock, blocks.CharBlock, blocks.TextBlock)
        block = children.get("paragraph") or next(
            (child for child in children.values() if isinstance(child, text_kinds)), None
        )
        assert block is not None, f"no text block to add to {name}"
        with translation.override(ADMIN_SCREENS_LANGUAGE):
            block_label = str(block.label)
        container = self.page.locator(f"#{name}-root")
        container.locator("button.c-sf-add-button").first.click()
        self.page.get_by_role("option", name=block_label, exact=True).click()
        editable = container.locator("[contenteditable='true'], input[type='text'], textarea")
        editable.first.click()
        self.page.keyboard.type("Isi uji.")


def add_page(editor, model, parent):
    editor.open(f"/admin/pages/{parent.pk}/add_subpage/")
    editor.assert_clean("add child page screen", content_checks=False)
    add_path = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
    if not editor.page.url.endswith(add_path):  # with one allowed type Wagtail goes straight on
        editor.page.locator(f'a[href="{add_path}"]').click()
        editor.page.wait_for_load_state("networkidle")
    assert editor.page.url.endswith(add_path), f"no link to add it under {parent}"
    editor.assert_clean("new page form", content_checks=False)
    editor.page.locator("#id_title").fill(f"Uji {model._meta.verbose_name}")
    filler = RequiredFieldFiller(editor, model)
    filler.fill()
    editor.submit_form(editor.page.locator("footer button.action-save"))
    if (
        not re.search(r"/admin/pages/\d+/edit/$", editor.page.url)
        and filler.fill_fields_with_errors()
    ):
        editor.submit_form(editor.page.locator("footer button.action-save"))
    editor.assert_saved("save the new page")
    editor.assert_clean("after saving the new page", content_checks=False)
    created = re.search(r"/admin/pages/(\d+)/edit/$", editor.page.url)
    assert created, f"not saved: still at {editor.page.url}"
    new_page = Page.objects.get(pk=created.group(1))
    assert new_page.specific_class is model and new_page.get_parent().pk == parent.pk
    return new_page


def test_editors_and_moderators_work_every_page_type(browser, demo, subtests):
    """One demo and one browser context per role for the whole run; each page type is its
    own subtest, so a failure names the type and the step."""
    editor = Session(browser, demo, "editor")
    moderator = Session(browser, demo, "moderator")
    models = project_page_models()
    for model in models:
        with subtests.test(msg=f"edit, submit and approve a {model._meta.label}"):
            editor.problems.take()
            moderator.problems.take()
            edit_submit_and_approve(editor, moderator, model)
    moderator.close()

    candidates = [Page.get_first_root_node()] + list(
        Page.objects.filter(locale__language_code=ADMIN_SCREENS_LANGUAGE).order_by("path")
    )
    remaining = list(models)
    while remaining:  # a type whose only valid parent is new is added once that parent is
        addable = [m for m in remaining if valid_parent(m, candidates, editor.user)]
        if not addable:
            break
        for model in addable:
            remaining.remove(model)
            with subtests.test(msg=f"add a {model._meta.label}"):
                editor.problems.take()
                candidates.insert(
                    0, add_page(editor, model, valid_parent(model, candidates, editor.user))
                )
    editor.close()
    labels = [model._meta.label for model in remaining]
    assert not labels, f"no parent in the demo where the editor may add: {labels}"


# --- the mail server away -------------------------------------------------------------


@pytest.fixture
def site_pages_with_mail_down(live_server, monkeypatch, settings):
    """The site's own demo pages and accounts, with mail going to an SMTP port where
    nothing listens (a free port of this test's own)."""
    from tests.conftest import free_port

    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    settings.WAGTAIL_EDITING_SESSION_PING_INTERVAL = 10 * 60 * 1000
    settings.EMAIL_BACKEND = "site_core.mail.KeepingBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", free_port(), 2
    settings.EMAIL_USE_TLS = False
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", PASSWORD)
    call_command("load_demo", skip_apps=True)
    return live_server.url


def test_submitting_and_approving_work_while_the_mail_server_is_away(
    browser, site_pages_with_mail_down
):
    """Moderation notices cannot be sent: the editor's submission and the moderator's
    approval still go through on screen, and each notice is kept to be retried."""
    from site_core.models import OutgoingMail

    editor = Session(browser, site_pages_with_mail_down, "editor")
    moderator = Session(browser, site_pages_with_mail_down, "moderator")
    page = demo_page_of(apps.get_model("site_core", "InformationPage"))
    new_title = f"{page.title} (saat surel mati)"

    editor.open(f"/admin/pages/{page.pk}/edit/")
    editor.page.locator("#id_title").fill(new_title)
    editor.submit_form(editor.footer_action('button[name="action-submit"]'))
    editor.assert_saved("submit for moderation with the mail server away")
    editor.assert_clean("after submitting", content_checks=False)
    page.refresh_from_db()
    assert page.workflow_in_progress

    def kept_for(user):
        retrying = OutgoingMail.objects.filter(status=OutgoingMail.Status.RETRYING)
        return [mail.subject for mail in retrying if user.email in mail.recipients]

    assert kept_for(moderator.user), "the moderator's notice was not kept"

    moderator.open(f"/admin/pages/{page.pk}/edit/")
    approve = '[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
    moderator.submit_form(moderator.footer_action(approve))
    moderator.assert_saved("approve with the mail server away")
    moderator.assert_clean("after approving", content_checks=False)
    page.refresh_from_db()
    assert page.live and page.title == new_title
    assert kept_for(editor.user), "the editor's approval notice was not kept"
    editor.close()
    moderator.close()
