"""Unit awards: proposed from the ranking, confirmed by coordinators only, a certificate PDF
and its public verification page, past winners on the ranking page."""

import datetime
import re
import subprocess
from io import StringIO

from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from wagtail.models import Site

import pytest

from complaint_forms import workflow
from complaint_forms.models import ComplaintSettings, Status
from complaint_forms.ranking import period_ranking
from open_data import awards
from open_data.award_periods import last_completed_period, period_containing, period_label
from open_data.models import UnitAward
from tests.complaint_forms.factories import (
    RankingPageFactory,
    ReportFactory,
    UserFactory,
    WorkUnitFactory,
    coordinator,
    officer,
)
from tests.complaint_forms.text import t

pytestmark = pytest.mark.django_db

D = datetime.date
# Tuesday 4 August 2026, 08:00 WITA (00:00 UTC): inside the third quarter, office open.
IN_Q3 = datetime.datetime(2026, 8, 4, 0, 0, tzinfo=datetime.UTC)
AFTER_Q3 = D(2026, 10, 5)


def _handled(unit, boss, hours, assigned_at=IN_Q3, on_time=True, rating=5):
    report = ReportFactory()
    workflow.assign(report, boss, unit)
    type(report).objects.filter(pk=report.pk).update(
        assigned_at=assigned_at,
        first_response_at=assigned_at + datetime.timedelta(hours=hours),
        answered_within_deadline=on_time,
        status=Status.ANSWERED,
        rating=rating,
    )


@pytest.fixture
def units(home):
    """Three ranked units (fast, steady, slow), one with too few reports and one whose
    reports fall outside the quarter."""
    config = ComplaintSettings.for_site(Site.objects.get(is_default_site=True))
    config.ranking_min_reports = 3
    config.save()
    boss = coordinator()
    made = {
        name: WorkUnitFactory(name=f"Dinas {name.title()}", short_name=name.upper())
        for name in ("fast", "steady", "slow", "tiny", "late")
    }
    for hours, unit in ((1, "fast"), (3, "steady"), (6, "slow")):
        for _ in range(3):
            _handled(made[unit], boss, hours, on_time=unit != "slow")
    _handled(made["tiny"], boss, 0.5)
    for _ in range(3):  # assigned in October: outside the third quarter
        _handled(made["late"], boss, 0.5, assigned_at=IN_Q3 + datetime.timedelta(days=70))
    return made


def _confirmed(units):
    awards.propose(today=AFTER_Q3, top=2)
    award = UnitAward.objects.get(rank=1)
    return awards.confirm(award, coordinator())


def test_periods_are_calendar_quarters_by_default():
    assert period_containing(D(2026, 8, 4)) == (D(2026, 7, 1), D(2026, 9, 30))
    assert last_completed_period(D(2026, 10, 1)) == (D(2026, 7, 1), D(2026, 9, 30))
    assert last_completed_period(D(2026, 1, 15)) == (D(2025, 10, 1), D(2025, 12, 31))
    with translation.override("id"):
        assert period_label(D(2026, 7, 1), D(2026, 9, 30)) == "Triwulan 3 2026 (Juli–September)"
    with translation.override("en"):
        assert period_label(D(2026, 7, 1), D(2026, 9, 30)) == "Quarter 3 2026 (July–September)"


def test_period_length_is_a_setting(settings):
    settings.UNIT_AWARD_PERIOD_MONTHS = 6
    assert last_completed_period(D(2026, 10, 1)) == (D(2026, 1, 1), D(2026, 6, 30))
    with translation.override("en"):
        assert period_label(D(2026, 1, 1), D(2026, 6, 30)) == "January–June 2026"


def test_proposal_names_the_ranking_top_units_of_the_quarter_once(units):
    proposed = awards.propose(today=AFTER_Q3, top=2)
    assert [(a.rank, a.unit.short_name) for a in proposed] == [(1, "FAST"), (2, "STEADY")]
    ranking = period_ranking(D(2026, 7, 1), D(2026, 9, 30), min_reports=3)
    assert [row["unit_id"] for row in ranking] == [
        units["fast"].pk,
        units["steady"].pk,
        units["slow"].pk,
    ]
    fast = proposed[0]
    assert (fast.period_start, fast.period_end) == (D(2026, 7, 1), D(2026, 9, 30))
    assert (fast.reports, fast.on_time_share, fast.median_response_hours) == (3, 100, 1.0)
    assert fast.average_rating == 5 and fast.status == UnitAward.Status.PROPOSED
    assert fast.certificate_code is None
    assert awards.propose(today=AFTER_Q3 + datetime.timedelta(days=1), top=2) == []
    assert UnitAward.objects.count() == 2


def test_scheduled_command_proposes_after_the_quarter(units, settings):
    settings.UNIT_AWARD_TOP_UNITS = 3
    assert ("propose_unit_awards", 86400) in settings.SCHEDULED_COMMANDS
    out = StringIO()
    call_command("propose_unit_awards", "--date", "2026-10-01", stdout=out)
    assert "3 award(s) proposed." in out.getvalue()
    assert list(UnitAward.objects.values_list("unit__short_name", flat=True)) == [
        "FAST",
        "STEADY",
        "SLOW",
    ]


def test_only_coordinators_confirm(units, client):
    awards.propose(today=AFTER_Q3, top=2)
    award = UnitAward.objects.get(rank=1)
    url = reverse("unit_awards:confirm", args=[award.pk])
    for user in (officer(units["fast"]), UserFactory(groups=["Editor Konten"])):
        client.force_login(user)
        assert client.get(url).status_code == 403
        assert client.post(url).status_code == 403
        with pytest.raises(PermissionDenied):
            awards.confirm(award, user)
    award.refresh_from_db()
    assert award.status == UnitAward.Status.PROPOSED and award.certificate_code is None

    boss = coordinator()
    client.force_login(boss)
    listing = client.get(reverse("unit_awards:index")).content.decode()
    assert url in listing
    assert client.get(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    award.refresh_from_db()
    assert award.status == UnitAward.Status.CONFIRMED
    assert award.confirmed_by == boss and award.confirmed_at is not None
    assert re.fullmatch(r"PGH-[2-9A-Z]{12}", award.certificate_code)
    code = award.certificate_code
    assert awards.confirm(award, boss).certificate_code == code  # twice changes nothing


def test_confirmed_award_is_mailed_to_the_unit_once_in_indonesian(
    units, mailoutbox, django_capture_on_commit_callbacks
):
    units["fast"].email = "dinas.fast@banjarbaru.test"
    units["fast"].save()
    with django_capture_on_commit_callbacks(execute=True):
        award = _confirmed(units)
    [message] = mailoutbox
    assert message.to == ["dinas.fast@banjarbaru.test"]
    assert message.subject == (
        "Dinas Fast: penghargaan LAPOR! Banjarbaru untuk unit kerja responsif"
    )
    assert "peringkat 1 unit kerja paling responsif" in message.body
    assert f"/id/penghargaan/{award.certificate_code}/" in message.body
    with django_capture_on_commit_callbacks(execute=True):
        awards.confirm(award, coordinator())  # confirming again sends nothing more
    assert len(mailoutbox) == 1


def test_unit_without_an_address_gets_no_award_mail(
    units, mailoutbox, django_capture_on_commit_callbacks
):
    units["fast"].email = ""
    units["fast"].save()
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        award = _confirmed(units)
    assert len(callbacks) == 1  # the mail task ran, and found no address
    assert award.status == UnitAward.Status.CONFIRMED
    assert mailoutbox == []


def test_certificate_pdf_names_the_unit_and_the_quarter(units, client, tmp_path):
    award = _confirmed(units)
    with translation.override("id"):
        url = reverse("open_data_awards:award_certificate", kwargs={"code": award.certificate_code})
    assert url == f"/id/penghargaan/{award.certificate_code}/piagam.pdf"
    response = client.get(url)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    pdf = tmp_path / "piagam.pdf"
    pdf.write_bytes(response.content)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Piagam Penghargaan" in text
    assert "Dinas Fast" in text
    assert "Peringkat 1, Triwulan 3 2026 (Juli–September)" in text
    assert award.certificate_code in text
    assert f"/id/penghargaan/{award.certificate_code}/" in text


@pytest.mark.parametrize(
    ("language", "path", "genuine", "period"),
    [
        ("id", "/id/penghargaan/{}/", "Piagam ini asli", "Triwulan 3 2026 (Juli–September)"),
        ("en", "/en/awards/{}/", "This certificate is genuine", "Quarter 3 2026 (July–September)"),
    ],
)
def test_verification_page_vouches_for_a_real_code_only(
    units, client, language, path, genuine, period
):
    award = _confirmed(units)
    response = client.get(path.format(award.certificate_code))
    assert response.status_code == 200
    html = response.content.decode()
    assert genuine in html
    assert "Dinas Fast" in html
    assert period in html
    assert response["X-Robots-Tag"] == "noindex"
    forged = "PGH-" + "".join(reversed(award.certificate_code[4:]))
    assert client.get(path.format(forged)).status_code == 404
    assert client.get(path.format("PGH-234567892345")).status_code == 404
    assert client.get(path.format(forged) + "piagam.pdf").status_code == 404


def test_ranking_page_shows_past_winners(units, client, home, django_assert_max_num_queries):
    award = _confirmed(units)  # rank 1 confirmed, rank 2 (STEADY) only proposed
    page = RankingPageFactory(parent=home)
    page.save_revision().publish()
    client.get(page.url)
    with django_assert_max_num_queries(30):
        response = client.get(page.url)
    html = response.content.decode()
    section = html[html.index('id="past-awards"') :]
    assert t("Most responsive units of past periods") in section
    assert "Triwulan 3 2026 (Juli–September)" in section
    assert "Dinas Fast" in section
    assert f"/id/penghargaan/{award.certificate_code}/" in section
    assert "Dinas Steady" not in section


def test_ranking_page_without_confirmed_awards_has_no_winners_section(units, client, home):
    awards.propose(today=AFTER_Q3, top=2)
    page = RankingPageFactory(parent=home)
    page.save_revision().publish()
    assert 'id="past-awards"' not in client.get(page.url).content.decode()


def test_past_winners_are_the_latest_four_periods_in_one_query(django_assert_num_queries):
    unit = WorkUnitFactory()
    for quarter in range(5):  # July 2025 ... July 2026
        start = D(2025 + (6 + 3 * quarter) // 12, (6 + 3 * quarter) % 12 + 1, 1)
        UnitAward.objects.create(
            unit=unit,
            period_start=start,
            period_end=period_containing(start)[1],
            rank=1,
            reports=5,
            status=UnitAward.Status.CONFIRMED,
            certificate_code=f"PGH-TEST{quarter}",
        )
    UnitAward.objects.create(  # proposed only: not a winner yet
        unit=WorkUnitFactory(),
        period_start=D(2026, 10, 1),
        period_end=D(2026, 12, 31),
        rank=1,
        reports=5,
    )
    with django_assert_num_queries(1), translation.override("en"):
        labels = [label for label, _awards in awards.past_winners()]
    assert labels == [
        "Quarter 3 2026 (July–September)",
        "Quarter 2 2026 (April–June)",
        "Quarter 1 2026 (January–March)",
        "Quarter 4 2025 (October–December)",
    ]
