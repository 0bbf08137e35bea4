"""Every URL the project serves × every role, against a declared expectation.

The URL list comes from the resolver, so a new view without a rule here fails the test.
The demo is built once inside the test; every cell is one GET with the Django test client.
"""

import datetime
import json
import os

from django.core.files.base import ContentFile
from django.test import Client

from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.models import Collection, Locale, Site

import pytest

from complaint_forms import workflow
from complaint_forms.models import Attachment, Privacy
from open_data import archive, awards
from open_data.models import UnitAward
from outreach import links, registrations
from outreach.models import ProgramKind
from tests.complaint_forms.factories import (
    CategoryFactory,
    ReportFactory,
    ReportPageFactory,
    UserFactory,
    WorkUnitFactory,
    coordinator,
)
from tests.outreach.factories import (
    AmbassadorApplicationFactory,
    EventPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
    SchoolSessionRequestFactory,
)

from .permission_matrix import (
    ROLES,
    classify,
    demo_image,
    matching_rule,
    object_for_namespace,
    reverse_or_none,
    role_users,
    walk,
)
from .permission_rules import RULES

pytestmark = pytest.mark.django_db


PERIOD = (datetime.date(2026, 7, 1), datetime.date(2026, 9, 30))


def build_demo(home):
    unit_a, unit_b = WorkUnitFactory(), WorkUnitFactory()
    CategoryFactory(default_unit=unit_a)
    boss = coordinator()
    report_a = ReportFactory(title="Laporan unit A")
    report_b = ReportFactory(title="Laporan unit B", privacy=Privacy.CONFIDENTIAL)
    workflow.assign(report_a, boss, unit_a)
    workflow.assign(report_b, boss, unit_b)
    attachment_b = Attachment.objects.create(
        report=report_b,
        file=ContentFile(b"%PDF-1.4 demo", name="b.pdf"),
        original_name="b.pdf",
        content_type="application/pdf",
        size=13,
    )
    ReportPageFactory(parent=home).save_revision().publish()
    programs = ProgramIndexPageFactory(parent=home)
    school = ProgramPageFactory(parent=programs, slug="goes-to-school", kind=ProgramKind.SCHOOL)
    event = EventPageFactory(parent=school, slug="sosialisasi", capacity=5)
    registration = registrations.register(event, name="Dewi Lestari", email="d@example.org")
    session_request = SchoolSessionRequestFactory(program=school)
    duta = ProgramPageFactory(parent=programs, slug="duta", kind=ProgramKind.AMBASSADOR)
    application = AmbassadorApplicationFactory(program=duta, status="accepted")
    image = demo_image()
    document = Document.objects.create(title="Panduan", file=ContentFile(b"x", name="p.pdf"))
    redirect = Redirect.objects.create(old_path="/lama", redirect_link="/id/")
    UnitAward.objects.create(
        unit=unit_b, period_start=PERIOD[0], period_end=PERIOD[1], rank=2, reports=5
    )
    award = UnitAward.objects.create(
        unit=unit_a, period_start=PERIOD[0], period_end=PERIOD[1], rank=1, reports=5
    )
    award = awards.confirm(award, boss)
    return {
        "award": award,
        "unit_a": unit_a,
        "report_a": report_a,
        "report_b": report_b,
        "attachment_b": attachment_b,
        "event": event,
        "registration": registration,
        "session_request": session_request,
        "application": application,
        "image": image,
        "document": document,
        "redirect": redirect,
        "home": home,
        "monthly_report": archive.archive(datetime.date(2026, 1, 1)),
    }


TOKENS = {
    "outreach/ticket/": lambda demo: links.REGISTRATION_LINK.token(demo["registration"]),
    "outreach/school-request/": lambda demo: links.SCHOOL_REQUEST_LINK.token(
        demo["session_request"]
    ),
    "outreach/ambassador/": lambda demo: links.AMBASSADOR_LINK.token(demo["application"]),
}


def value_for(route, key, demo):
    """A demo value for a URL parameter: the object the view is about where we know it."""
    namespace = route.name.rpartition(":")[0]
    if key == "token":
        for prefix, make in TOKENS.items():
            if prefix in route.route:
                return make(demo)
    if key == "code" and namespace == "open_data_awards":
        return demo["award"].certificate_code
    if key == "code":
        return demo["report_b"].tracking_code
    if key == "action":
        return "verify"
    if key in ("page_id", "parent_page_id", "page_to_move_id", "destination_id"):
        return demo["home"].pk
    # Ids differ between databases (PostgreSQL never reuses a sequence value): always the
    # demo object's own id, never a guessed 1.
    if key == "image_id" or (key in ("pk", "id") and "images" in namespace):
        return demo["image"].pk
    if key == "redirect_id" or (key in ("pk", "id") and "redirects" in namespace):
        return demo["redirect"].pk
    if key in ("pk", "id") and ("documents" in namespace or "wagtaildocs" in namespace):
        return demo["document"].pk
    if key == "document_id":
        return demo["document"].pk
    if key in ("pk", "id", "object_id", "instance_id", "event_id"):
        by_namespace = {
            "complaint_reports": demo["report_b"].pk,
            "outreach_events": demo["event"].pk,
            "wagtailredirects": demo["redirect"].pk,
            "wagtailsites": Site.objects.first().pk,
            "wagtaillocales": Locale.objects.first().pk,
            "wagtailadmin_collections": Collection.get_first_root_node().pk,
            "wagtailusers_groups": 1,
            "wagtailusers_users": UserFactory().pk,
        }
        if namespace == "unit_awards":  # the proposal, not yet confirmed
            return UnitAward.objects.get(rank=2).pk
        if route.name == "complaint_reports:download":
            return demo["attachment_b"].pk
        if route.name == "wagtailsnippets_outreach_schoolsessionrequest:process":
            return demo["session_request"].pk
        if route.name == "wagtailsnippets_outreach_ambassadorapplication:review":
            return demo["application"].pk
        if route.name == "open_data_download_monthly_report":
            return demo["monthly_report"].pk
        if namespace in by_namespace:
            return by_namespace[namespace]
        found = object_for_namespace(namespace)
        return found.pk if found else 1
    if key in ("app_label", "app_name"):
        return "complaint_forms"
    if key == "model_name":
        return "complaintsettings"
    if key == "slug" and namespace == "open_data":
        from open_data.datasets import DATASETS

        return next(iter(DATASETS))
    if key == "extension":
        return "csv"
    if key == "site_pk":
        return Site.objects.first().pk
    return 1


def concrete_url(route, demo):
    if route.name == "wagtail_serve":
        return demo["home"].url
    if route.name == "wagtaildocs_serve":  # positional groups
        return demo["document"].url
    if route.name == "wagtailadmin_pages:choose_parent":  # a page type, not a setting
        return reverse_or_none(
            route.name, {"app_label": "site_core", "model_name": "informationpage"}
        )
    if not route.named:
        if any(char in route.route for char in "^$()[]*+?\\"):
            return None
        return "/" + route.route
    kwargs = {key: value_for(route, key, demo) for key in route.converters}
    return reverse_or_none(route.name, kwargs)


def test_every_url_answers_every_role_as_declared(home, locales, django_db_blocker):
    demo = build_demo(home)
    users = role_users(demo["unit_a"], UserFactory)
    clients = {}
    for role, user in users.items():
        clients[role] = Client(raise_request_exception=False)
        if user is not None:
            clients[role].force_login(user)

    failures, observed, cells = [], {}, 0
    for route in walk():
        rule = matching_rule(RULES, route.name)
        if rule is None:
            failures.append(f"{route.name} ({route.route}): no rule declared")
            continue
        if rule == "skip":
            continue
        url = concrete_url(route, demo)
        if url is None:
            failures.append(f"{route.name}: cannot build a URL from the demo")
            continue
        observed[route.name] = {}
        for role in ROLES:
            # Some views end the session (password reset confirmation): log in again.
            if users[role] is not None and "_auth_user_id" not in clients[role].session:
                clients[role].force_login(users[role])
            response = clients[role].get(url)
            outcome = classify(response, url)
            observed[route.name][role] = outcome
            cells += 1
            expected = rule[role] if isinstance(rule, dict) else rule
            expected = {expected} if isinstance(expected, str) else set(expected)
            if outcome not in expected:
                failures.append(f"{route.name} {url} as {role}: {outcome}, expected {expected}")
    if os.environ.get("PERMISSION_MATRIX_DUMP"):
        with open(os.environ["PERMISSION_MATRIX_DUMP"], "w") as dump:
            json.dump(observed, dump, indent=1, sort_keys=True)
    print(f"permission matrix: {len(observed)} URLs x {len(ROLES)} roles = {cells} cells")  # noqa: T201
    assert not failures, "\n".join(failures)


def test_a_view_without_a_rule_has_no_expectation():
    """No catch-all: a new URL name matches no rule, so the matrix test reports it."""
    assert matching_rule(RULES, "new_app:new_view") is None
    assert matching_rule(RULES, "complaint_reports:new_view") is None
    assert matching_rule(RULES, "outreach:new_view") is None
