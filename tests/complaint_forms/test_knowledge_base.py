"""The complaint form and the knowledge base: matching answers while a citizen types, and
consultation questions turned into draft answers by coordinators."""

from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from complaint_forms.models import Kind, Report
from search.models import AnswerPage

from .factories import ReportFactory, coordinator, officer

pytestmark = pytest.mark.django_db


def test_similar_answers_endpoint_returns_matching_answers_as_plain_text(client, kb):
    response = client.get(
        reverse("similar_answers"), {"q": "ktp saya hilang bagaimana gantinya", "lang": "id"}
    )
    answers = response.json()["answers"]
    assert response.status_code == 200
    assert 1 <= len(answers) <= 3
    assert answers[0]["url"] == kb["kb-002"].url
    assert "<" not in answers[0]["summary"]  # highlight marks are stripped for the form


def test_similar_answers_stay_quiet_for_short_or_unrelated_text(client, kb):
    assert client.get(reverse("similar_answers"), {"q": "ktp", "lang": "id"}).json() == {
        "answers": []
    }
    unrelated = client.get(reverse("similar_answers"), {"q": "jadwal bioskop malam minggu"})
    assert unrelated.json() == {"answers": []}


def test_similar_answers_are_rate_limited(client, kb, settings):
    settings.COMPLAINT_SUGGEST_RATE = "2/m"
    url = reverse("similar_answers")
    for _ in range(2):
        assert client.get(url, {"q": "ktp hilang"}).status_code == 200
    assert client.get(url, {"q": "ktp hilang"}).status_code == 429


def test_form_returned_with_errors_shows_matching_answers_without_javascript(
    client,
    kb,
    report_page,
    valid_post,
):
    data = valid_post(
        title="KTP saya hilang", description="Bagaimana mengganti KTP-el yang hilang?"
    )
    data.pop("consent")
    response = client.post(reverse("complaint_forms:submit"), data)
    assert response.status_code == 400
    html = response.content.decode()
    assert 'class="report-form__deflection"' in html
    assert kb["kb-002"].url in html
    assert not Report.objects.exists()


def test_consultation_route_presets_the_kind(client, report_page):
    response = client.get(reverse("complaint_forms:consultation"))
    assert response.status_code == 302
    html = client.get(response["Location"]).content.decode()
    assert '<input type="hidden" name="kind" value="consultation">' in html


def assert_refused(response):
    """Wagtail answers a permission error in the admin by sending the user home."""
    assert (response.status_code, response.get("Location")) == (302, "/admin/")


@pytest.fixture
def question(db):
    return ReportFactory(
        kind=Kind.CONSULTATION,
        title="Bisakah KIA dibuat untuk bayi?",
        description="Anak saya baru lahir. Apakah bisa langsung dibuatkan KIA?\nTerima kasih.",
    )


def test_coordinator_turns_a_consultation_into_a_draft_answer(client, kb_index, question):
    user = coordinator()
    client.force_login(user)
    detail = client.get(reverse("complaint_reports:inspect", args=[question.pk])).content.decode()
    url = reverse("complaint_reports:draft_answer", args=[question.pk])
    assert url in detail
    assert client.get(url).status_code == 200  # asks before creating anything
    assert not AnswerPage.objects.filter(title=question.title).exists()

    response = client.post(url)

    draft = AnswerPage.objects.get(title=question.title)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[draft.pk])
    assert not draft.live
    assert draft.get_parent().specific == kb_index
    assert "Apakah bisa langsung dibuatkan KIA?" in str(draft.body)
    assert PageLogEntry.objects.filter(page=draft).exists()
    from site_core.audit import PrivateLogEntry

    assert PrivateLogEntry.objects.filter(action="complaint_forms.draft_answer").exists()


def test_only_coordinators_and_only_consultations_become_draft_answers(
    client,
    kb_index,
    question,
    unit,
):
    question.assigned_unit = unit
    question.save()
    client.force_login(officer(unit))
    url = reverse("complaint_reports:draft_answer", args=[question.pk])
    assert_refused(client.post(url))

    complaint = ReportFactory(kind=Kind.COMPLAINT)
    client.force_login(coordinator())
    url = reverse("complaint_reports:draft_answer", args=[complaint.pk])
    assert_refused(client.post(url))
    assert not AnswerPage.objects.filter(live=False).exists()
