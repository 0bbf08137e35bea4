"""Staff record which knowledge-base answers a consultation got, through the report's
admin screens; search then learns the citizens' wording for those answers (once enough
consultations share it, never a name, number or contact detail)."""

import re

from django.urls import reverse

import pytest

from complaint_forms.models import Kind, Status
from search.backends import get_backend
from search.models import ConsultationAnswer

from .factories import ReportFactory, coordinator, officer

pytestmark = pytest.mark.django_db

WORDING = "gang kami gelap gulita"
# Three citizens ask about the dark alley in their own words, with their own details.
QUESTIONS = [
    (
        "Gang gelap gulita tiap malam",
        "Sudah seminggu gang kami di RT 05 gelap gulita. Pak Hadiwijaya minta dibantu, "
        "hubungi 081234567890.",
    ),
    ("Gelap gulita di gang", "Malam hari gang depan rumah gelap gulita, anak takut pulang."),
    (
        "Mohon bantuan, gang gelap",
        "Gang kami gelap gulita sejak hujan deras. Balas ke siti.aminah@example.org ya.",
    ),
]


def found_for(query):
    return [hit.source_id for hit in get_backend().search(query, "id").hits]


def answer_and_record(client, report, page, on_commit):
    """What staff do: send the answer, land on the answers-given screen, pick the answer
    the citizen got with the page chooser (search does not suggest it) and save. The
    index relearns once the record is committed (`on_commit` runs those callbacks)."""
    response = client.post(
        reverse("complaint_reports:action", args=[report.pk, "answer"]),
        {"answer-public_message": "Sudah kami teruskan ke Dinas Perhubungan."},
    )
    screen = reverse("complaint_reports:answers_given", args=[report.pk])
    assert (response.status_code, response["Location"]) == (302, screen)
    html = client.get(screen).content.decode()
    assert report.title in html
    assert 'name="other_answer"' in html  # Wagtail's page chooser
    with on_commit(execute=True):
        response = client.post(screen, {"other_answer": page.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("complaint_reports:inspect", args=[report.pk])


def consultation(title, description, unit=None):
    return ReportFactory(
        kind=Kind.CONSULTATION,
        status=Status.ASSIGNED if unit else Status.VERIFIED,
        assigned_unit=unit,
        title=title,
        description=description,
    )


def test_consultations_teach_search_their_wording_once_enough_share_it(
    client, kb, unit, settings, django_capture_on_commit_callbacks
):
    settings.SEARCH_LEARN_MIN_CONSULTATIONS = 3
    lamp = kb["kb-004"]
    client.force_login(officer(unit))
    assert lamp.source_id not in found_for(WORDING)

    for title, description in QUESTIONS[:2]:
        answer_and_record(
            client, consultation(title, description, unit), lamp, django_capture_on_commit_callbacks
        )
    assert ConsultationAnswer.objects.filter(page=lamp).count() == 2
    assert lamp.source_id not in found_for(WORDING)  # two citizens are not enough

    answer_and_record(
        client, consultation(*QUESTIONS[2], unit), lamp, django_capture_on_commit_callbacks
    )
    assert found_for(WORDING)[0] == lamp.source_id
    assert found_for("gelap gulita")[0] == lamp.source_id


def test_no_personal_detail_of_a_consultation_is_kept_or_learned(
    client, kb, settings, django_capture_on_commit_callbacks
):
    from search.learning import learned_texts

    settings.SEARCH_LEARN_MIN_CONSULTATIONS = 1  # even a single consultation teaches
    client.force_login(coordinator())
    answer_and_record(
        client, consultation(*QUESTIONS[0]), kb["kb-004"], django_capture_on_commit_callbacks
    )
    answer_and_record(
        client, consultation(*QUESTIONS[2]), kb["kb-004"], django_capture_on_commit_callbacks
    )
    kept = " ".join(ConsultationAnswer.objects.values_list("question_words", flat=True))
    learned = learned_texts()[kb["kb-004"].pk]
    for text in (kept, learned):
        assert "gelap" in text and "gulita" in text
        for private in ("081234567890", "hadiwijaya", "siti", "aminah", "example", "05"):
            assert private not in text
        for mark in ("telepon", "email"):
            assert mark not in text.split()


def test_screen_suggests_matching_answers_and_records_exactly_the_ones_ticked(client, kb):
    client.force_login(coordinator())
    report = consultation("KTP saya hilang", "Bagaimana cara mengganti KTP-el yang hilang?")
    screen = reverse("complaint_reports:answers_given", args=[report.pk])
    html = client.get(screen).content.decode()
    assert f'value="{kb["kb-002"].pk}"' in html  # suggested by search, as a checkbox
    assert kb["kb-002"].title in html

    client.post(screen, {"answers": [kb["kb-002"].pk], "other_answer": kb["kb-003"].pk})
    given = set(ConsultationAnswer.objects.values_list("page__source_id", flat=True))
    assert given == {"kb-002", "kb-003"}
    html = client.get(screen).content.decode()
    assert re.search(rf'value="{kb["kb-003"].pk}"[^>]*checked', html)  # recorded: ticked

    client.post(screen, {"answers": [kb["kb-003"].pk]})  # kb-002 unticked: removed
    given = set(ConsultationAnswer.objects.values_list("page__source_id", flat=True))
    assert given == {"kb-003"}


def test_answers_given_only_for_consultations_the_user_may_see(client, kb, unit, other_unit):
    complaint = ReportFactory(kind=Kind.COMPLAINT)
    client.force_login(coordinator())
    url = reverse("complaint_reports:answers_given", args=[complaint.pk])
    assert client.post(url, {"other_answer": kb["kb-004"].pk}).status_code == 302  # refused
    assert not ConsultationAnswer.objects.exists()

    elsewhere = consultation(*QUESTIONS[1], unit=other_unit)
    client.force_login(officer(unit))
    url = reverse("complaint_reports:answers_given", args=[elsewhere.pk])
    assert client.post(url, {"other_answer": kb["kb-004"].pk}).status_code == 404
    assert not ConsultationAnswer.objects.exists()


def test_answering_other_reports_goes_back_to_the_report(client, kb, unit):
    report = ReportFactory(kind=Kind.COMPLAINT, status=Status.ASSIGNED, assigned_unit=unit)
    client.force_login(officer(unit))
    response = client.post(
        reverse("complaint_reports:action", args=[report.pk, "answer"]),
        {"answer-public_message": "Sudah diperbaiki."},
    )
    assert response["Location"] == reverse("complaint_reports:inspect", args=[report.pk])
