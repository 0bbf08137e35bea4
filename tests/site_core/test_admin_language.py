"""The admin speaks Indonesian: the main screens an editor, a moderator and staff use show
no English interface text, the demo workflow has an Indonesian name, and moderation mail to
an Indonesian user is in Indonesian."""

import re
from html.parser import HTMLParser
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

import wagtail.admin
from wagtail.models import Page, Task, Workflow

import pytest

from site_core.models import HomePage, InformationPage
from tests.factories import InformationPageFactory

pytestmark = pytest.mark.django_db

# English interface text editors reported, and more found on the same screens. Each is
# matched as a whole phrase, case-sensitively, in visible text and in accessible names.
ENGLISH = [
    "Show filters",
    "Collapse all",
    "More actions",
    "Help",
    "Translations",
    "There is",
    "There are",
    "match your query",
    "Download XLSX",
    "Exploring",
    "created in",
    "Current page status",
    "Privacy and access",
    "Tasks",
    "Task submitted by",
    "Moderators approval",
    "Editors",
    "Moderators",
    "Outreach staff",
    "Workflows",
    "Workflow tasks",
    "Sort by",
    "Select all",
    "Bulk actions",
    "Toggle sidebar",
    "Toggle side panel",
    "Side panels",
    "Keyboard shortcuts",
    "Page type",
    "Edited by",
    "Date updated",
    "Owner",
    "Request changes",
    "Approve with comment",
    "Checks",
    "Comments",
    "Site history",
    "Aging pages",
    "Locked pages",
    "Page types usage",
    "Filter by",
    "Search terms",
    "Visible to all",
    "In Moderation",
    "View details",
    "See full history",
    "Set publishing schedule",
    "Editor Guide",
    "Pagination",
    "Published",
    "Locale",
    "Workflow history",
    "Requested by",
    "Your pages and snippets in a workflow",
    "Last published",
    "Compare",
    "selected",
    "Save changes",
]


class InterfaceText(HTMLParser):
    """What a person sees or a screen reader says: text outside scripts and styles, and the
    attributes that name or describe controls."""

    NAMING_ATTRIBUTES = {
        "aria-label",
        "title",
        "placeholder",
        "alt",
        "value",
        "data-w-progress-label-value",
    }

    def __init__(self):
        super().__init__()
        self.parts = []
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.hidden_depth += 1
        for name, value in attrs:
            if name in self.NAMING_ATTRIBUTES and value and not self.is_form_data(tag, attrs):
                self.parts.append(value)

    @staticmethod
    def is_form_data(tag, attrs):
        """An input's value is data the user typed, except on buttons."""
        kind = dict(attrs).get("type", "")
        return tag in ("input", "option", "textarea") and kind not in ("submit", "button")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.hidden_depth:
            self.hidden_depth -= 1

    def handle_data(self, data):
        if not self.hidden_depth and data.strip():
            self.parts.append(data.strip())

    @classmethod
    def of(cls, html):
        parser = cls()
        parser.feed(html)
        return "\n".join(parser.parts)


def english_on(html):
    text = InterfaceText.of(html)
    return sorted(
        phrase for phrase in ENGLISH if re.search(rf"(?<![\w-]){re.escape(phrase)}(?![\w-])", text)
    )


@pytest.fixture
def site_demo(demo_site):
    """The site's demo pages, accounts and workflow (the session's demo)."""


@pytest.fixture
def demo(demo_site):
    """The whole demo, with reports and outreach records to list (the session's one)."""


def logged_in(username):
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def test_the_demo_workflow_and_its_task_have_indonesian_names(site_demo):
    home = HomePage.objects.get(locale__language_code="id")
    workflow = home.get_workflow()
    assert workflow.name == "Persetujuan publikasi"
    assert [task.name for task in workflow.tasks] == ["Tinjauan moderator"]
    assert not Workflow.objects.filter(name="Moderators approval").exists()
    assert not Task.objects.filter(name="Moderators approval").exists()


def test_main_admin_screens_show_no_english_interface_text(demo):
    editor = logged_in("editor")
    moderator = logged_in("moderator")
    staff = logged_in("admin")
    home = HomePage.objects.get(locale__language_code="id")
    page = InformationPage.objects.filter(locale__language_code="id").order_by("path").first()
    editor_user = get_user_model().objects.get(username="editor")
    page.save_revision(user=editor_user)
    workflow_state = page.get_workflow().start(page, editor_user)
    assert workflow_state.current_task_state is not None

    screens = {
        "dashboard (editor)": (editor, reverse("wagtailadmin_home")),
        "dashboard (moderator)": (moderator, reverse("wagtailadmin_home")),
        "page explorer": (editor, reverse("wagtailadmin_explore", args=[home.pk])),
        "page edit view": (editor, reverse("wagtailadmin_pages:edit", args=[page.pk])),
        "page edit view (moderator)": (
            moderator,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
        ),
        "new page form": (
            editor,
            reverse("wagtailadmin_pages:add", args=["site_core", "informationpage", home.pk]),
        ),
        "page search with matches": (editor, reverse("wagtailadmin_pages:search") + "?q=lapor"),
        "page history": (editor, reverse("wagtailadmin_pages:history", args=[page.pk])),
        "workflow history": (
            editor,
            reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        ),
        "workflows": (staff, reverse("wagtailadmin_workflows:index")),
        "workflow edit": (
            staff,
            reverse("wagtailadmin_workflows:edit", args=[page.get_workflow().pk]),
        ),
        "workflow tasks": (staff, reverse("wagtailadmin_workflows:task_index")),
        "workflow report": (moderator, reverse("wagtailadmin_reports:workflow")),
        "workflow tasks report": (moderator, reverse("wagtailadmin_reports:workflow_tasks")),
        "site history report": (moderator, reverse("wagtailadmin_reports:site_history")),
        "aging pages report": (moderator, reverse("wagtailadmin_reports:aging_pages")),
        "locked pages report": (moderator, reverse("wagtailadmin_reports:locked_pages")),
        "page types usage report": (staff, reverse("wagtailadmin_reports:page_types_usage")),
        "complaint reports with search": (
            staff,
            reverse("complaint_reports:index") + "?q=jalan",
        ),
        "complaint reports, nothing found": (
            staff,
            reverse("complaint_reports:index") + "?q=tidakadasamasekali",
        ),
        "registrations with filters": (
            staff,
            reverse("wagtailsnippets_outreach_registration:list") + "?status=confirmed",
        ),
        "school requests with filters": (
            staff,
            reverse("wagtailsnippets_outreach_schoolsessionrequest:list") + "?status=new",
        ),
        "account settings": (editor, reverse("wagtailadmin_account")),
        "groups": (staff, reverse("wagtailusers_groups:index")),
        "users": (staff, reverse("wagtailusers_users:index")),
    }
    found = {}
    for name, (client, url) in screens.items():
        response = client.get(url)
        assert response.status_code == 200, f"{name}: {url} answered {response.status_code}"
        english = english_on(response.content.decode())
        if english:
            found[name] = english
    assert found == {}


def test_moderation_mail_to_an_indonesian_user_is_in_indonesian(site_demo, settings):
    settings.WAGTAILADMIN_NOTIFICATION_USE_HTML = False
    users = get_user_model().objects
    editor, moderator = users.get(username="editor"), users.get(username="moderator")
    for user in (editor, moderator):
        user.email = f"{user.username}@example.org"
        user.save()
    page = InformationPage.objects.filter(locale__language_code="id").order_by("path").last()
    page.save_revision(user=editor)
    mail.outbox.clear()
    # Wagtail writes to a user with no language preference in the language of the request
    # that sends the mail: here, staff working in the Indonesian admin. (Without this the
    # language a previous test left active would decide.)
    with translation.override("id"):
        state = page.get_workflow().start(page, editor)
        task_state = state.current_task_state
        task_state.task.specific.on_action(
            task_state, moderator, "reject", comment="Perbaiki judul"
        )
        state.refresh_from_db()
        state.resume(editor)
        task_state = state.current_task_state
        task_state.task.specific.on_action(task_state, moderator, "approve")

    to_moderator = [m for m in mail.outbox if m.to == [moderator.email]]
    to_editor = [m for m in mail.outbox if m.to == [editor.email]]
    assert to_moderator and to_editor
    for message in mail.outbox:
        text = f"{message.subject}\n{message.body}"
        english = [
            w
            for w in (
                "The page",
                "has been",
                "submitted",
                "approved",
                "rejected",
                "Hello",
                "You can",
            )
            if w in text
        ]
        assert not english, f"{message.subject!r} has English: {english}"
    assert to_moderator[0].subject == (
        f'Halaman "{page.title}" diajukan untuk disetujui pada tahap moderasi "Tinjauan moderator"'
    )
    assert any("ditolak" in m.subject for m in to_editor)
    assert any("disetujui" in m.subject for m in to_editor)
    assert Page.objects.get(pk=page.pk).live


def test_aging_pages_report_names_the_system_as_publisher_of_pages_no_one_published(
    home, django_user_model
):
    """Wagtail 8.0 printed "None" as the last publisher of a page published without a user
    (as the demo loader publishes); a page a person published keeps their name."""
    unattended = InformationPageFactory(parent=home, title="Terbit tanpa pengguna")
    unattended.save_revision().publish()
    staff = django_user_model.objects.create_superuser("kepala", "k@example.org", "pw-123456789")
    by_hand = InformationPageFactory(parent=home, title="Terbit oleh kepala")
    by_hand.save_revision(user=staff).publish(user=staff)
    client = Client()
    client.force_login(staff)

    html = client.get(reverse("wagtailadmin_reports:aging_pages_results")).content.decode()

    rows = {
        re.sub(r"\s+", " ", InterfaceText.of(row)).strip()
        for row in re.findall(r"<tr>(.*?)</tr>", html, re.S)
    }
    assert any(row.startswith("Terbit tanpa pengguna") and " sistem " in row for row in rows)
    assert any(row.startswith("Terbit oleh kepala") and " kepala " in row for row in rows)
    assert "None" not in InterfaceText.of(html)


def test_the_user_avatar_override_still_copies_wagtails_template():
    """templates/wagtailadmin/shared/user_avatar.html is a copy of Wagtail's (which has no
    block to extend) plus the "system" fallback: when Wagtail changes its own, look again."""
    wagtail_template = (
        Path(wagtail.admin.__file__).parent / "templates/wagtailadmin/shared/user_avatar.html"
    )
    copied = (
        '{% load wagtailadmin_tags %} {% avatar user=user size="small" %} '
        "{% if not username %}{{ user }}{% else %}{{ username }}{% endif %}"
    )
    assert wagtail_template.read_text().split() == copied.split()


def test_page_search_names_what_it_counts(site_demo):
    """Wagtail 8.0's page search printed "1-2 dari 2 None" above its results."""
    html = logged_in("editor").get(reverse("wagtailadmin_pages:search") + "?q=lapor")
    header = re.search(r"\d+-\d+ dari \d+ ([^<]*)", html.content.decode())
    assert header and header.group(1).split()[0] == "halaman"
