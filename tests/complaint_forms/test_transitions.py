"""The state machine table (`complaint_forms.transitions`) walked status by status: the
workflow does exactly what the table says for every role, and the admin's action panel and
the tracking page offer exactly the table's actions. The rules below are also written out
by hand, so a table edit that changes who may do what fails here until the rule changes."""

import re

from django.core.exceptions import PermissionDenied

import pytest

from complaint_forms import workflow
from complaint_forms.admin_views import ACTION_GROUPS, BUTTON_CLASSES
from complaint_forms.forms import TRANSITION_FORMS
from complaint_forms.models import Report, ReportEvent, Status
from complaint_forms.transitions import BY_ACTION, CITIZEN_ACTIONS, STAFF_ACTIONS, Who

from .factories import ReportFactory, coordinator, officer

pytestmark = pytest.mark.django_db

# Who may do what, from each status: the rules of the complaint procedure.
COORDINATOR_MAY = {
    Status.SUBMITTED: {"verify", "reject", "assign", "request_info", "close"},
    Status.VERIFIED: {"reject", "assign", "request_info", "answer", "close"},
    Status.ASSIGNED: {"reject", "assign", "start", "request_info", "answer", "close"},
    Status.IN_PROGRESS: {"assign", "request_info", "answer", "close"},
    Status.NEEDS_INFO: {"close"},
    Status.ANSWERED: {"close", "reopen"},
    Status.CLOSED: {"reopen"},
    Status.REJECTED: {"reopen"},
}
OFFICER_MAY = {  # an officer of the unit the report is assigned to
    Status.SUBMITTED: {"request_info"},
    Status.VERIFIED: {"request_info", "answer"},
    Status.ASSIGNED: {"start", "request_info", "answer"},
    Status.IN_PROGRESS: {"request_info", "answer"},
}
CITIZEN_MAY = {
    Status.NEEDS_INFO: {"citizen_reply"},
    Status.ANSWERED: {"rate", "appeal"},
    Status.CLOSED: {"rate", "appeal"},
}
SYSTEM_MAY = {
    status: {"assign"} for status in COORDINATOR_MAY if "assign" in COORDINATOR_MAY[status]
}
SYSTEM_MAY[Status.ANSWERED] = {"close"}

# What each action's form sends (keys: the workflow functions' arguments).
SAMPLE = {
    "verify": {},
    "reject": {"reason": "spam"},
    "assign": {},  # the unit is added per test
    "start": {},
    "request_info": {"public_message": "Mohon kirim foto lokasi."},
    "citizen_reply": {"message": "Fotonya sudah saya kirim."},
    "answer": {"public_message": "Jalan sudah diperbaiki."},
    "close": {},
    "reopen": {},
    "rate": {"rating": 4, "comment": ""},
    "appeal": {"message": "Jalannya masih rusak."},
}


def in_status(status, unit):
    """A report of `unit` put straight into `status`, as the workflow would leave it."""
    report = ReportFactory()
    Report.objects.filter(pk=report.pk).update(
        status=status,
        assigned_unit=unit,
        status_before_info_request=Status.ASSIGNED if status == Status.NEEDS_INFO else "",
    )
    return Report.objects.get(pk=report.pk)


def attempt(action, report, role, user, unit):
    data = dict(SAMPLE[action])
    if action == "assign":
        data["unit"] = unit
    if role == Who.CITIZEN:
        return workflow.perform(action, report, data=data)
    if role == Who.SYSTEM:
        return workflow.PERFORMERS[action](report, None, system=True, **data)
    return workflow.perform(action, report, user, data)


def test_the_table_is_complete_and_every_action_is_carried_out():
    assert set(SAMPLE) == set(BY_ACTION) == set(workflow.PERFORMERS)
    for transition in BY_ACTION.values():
        assert transition.form in TRANSITION_FORMS
        assert set(transition.targets) <= set(Status.values)
        if transition.action in STAFF_ACTIONS:
            assert transition.group in ACTION_GROUPS and transition.style in BUTTON_CLASSES
    assert set(CITIZEN_ACTIONS) == {"reply", "rate", "appeal"}


@pytest.mark.parametrize("status", list(Status))
def test_each_role_may_take_exactly_the_tables_transitions(status, unit):
    people = {Who.COORDINATOR: coordinator(), Who.UNIT_OFFICER: officer(unit)}
    rules = {
        Who.COORDINATOR: COORDINATOR_MAY,
        Who.UNIT_OFFICER: OFFICER_MAY,
        Who.CITIZEN: CITIZEN_MAY,
        Who.SYSTEM: SYSTEM_MAY,
    }
    for role, may in rules.items():
        for transition in BY_ACTION.values():
            if role == Who.SYSTEM and Who.SYSTEM not in transition.who:
                continue  # the system has no way to call the others
            if role != Who.CITIZEN and transition.who == {Who.CITIZEN}:
                continue  # citizens' actions take no user
            report = in_status(status, unit)
            events = ReportEvent.objects.filter(report=report).count()
            expected = transition.action in may.get(status, set())
            table_says = role in transition.who and transition.starts_from(status, role)
            assert table_says == expected, (status, role, transition.action)
            where = f"{transition.action} by {role} from {status}"
            if expected:
                attempt(transition.action, report, role, people.get(role), unit)
                report.refresh_from_db()
                assert report.status in (transition.targets or [status]), where
                assert ReportEvent.objects.filter(report=report).count() == events + 1, where
                continue
            # Not theirs at all: forbidden; theirs but not from this status: not allowed.
            refused = workflow.TransitionNotAllowed if role in transition.who else PermissionDenied
            with pytest.raises(refused):
                attempt(transition.action, report, role, people.get(role), unit)
            report.refresh_from_db()
            assert report.status == status, where
            assert ReportEvent.objects.filter(report=report).count() == events, where


def panel_actions(client, report):
    html = client.get(f"/admin/complaint_reports/{report.pk}/").content.decode()
    buttons = set(re.findall(r'data-w-dialog-id-value="report-action-(\w+)"', html)) | set(
        re.findall(r'id="report-action-(\w+)"', html)
    )
    forms = set(re.findall(rf"/admin/complaint_reports/{report.pk}/action/(\w+)/", html))
    assert buttons == forms
    return forms


@pytest.mark.parametrize("status", list(Status))
def test_admin_panel_offers_the_tables_actions_and_refuses_the_others(client, status, unit):
    for user, may in ((coordinator(), COORDINATOR_MAY), (officer(unit), OFFICER_MAY)):
        report = in_status(status, unit)
        client.force_login(user)
        offered = panel_actions(client, report)
        assert offered == may.get(status, set())
        assert offered == {
            t.action for t in workflow.available(report, workflow.roles(user, report))
        }
    # Posting an action the panel does not offer changes nothing.
    client.force_login(coordinator())
    for action in set(STAFF_ACTIONS) - COORDINATOR_MAY[status]:
        report = in_status(status, unit)
        data = {f"{action}-{name}": value for name, value in SAMPLE[action].items()}
        if action == "assign":
            data["assign-unit"] = unit.pk
        response = client.post(f"/admin/complaint_reports/{report.pk}/action/{action}/", data)
        assert response.status_code == 302, action
        report.refresh_from_db()
        assert report.status == status, action
        assert not report.events.exists(), action


@pytest.mark.parametrize("status", list(Status))
def test_tracking_page_offers_the_citizens_actions_and_refuses_the_others(
    client, report_page, status, unit
):
    report = in_status(status, unit)
    url = report_page.url + "lacak/"
    html = client.get(url, {"kode": report.tracking_code}).content.decode()
    offered = set(re.findall(r'name="action" value="(\w+)"', html))
    expected = {BY_ACTION[action].name for action in CITIZEN_MAY.get(status, set())}
    assert offered == expected
    for name in set(CITIZEN_ACTIONS) - expected:
        action = CITIZEN_ACTIONS[name].action
        data = {f"{name}-{key}": value for key, value in SAMPLE[action].items()}
        response = client.post(url, {"kode": report.tracking_code, "action": name, **data})
        assert response.status_code == 400, name
        report.refresh_from_db()
        assert report.status == status and not report.events.exists(), name
