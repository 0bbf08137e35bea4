"""Page tree rules, answer page fields, deflection and consultation drafts."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

import pytest

from search.consultation import draft_answer_from_consultation
from search.deflection import matching_answers
from search.models import AnswerPage, KnowledgeBaseIndexPage
from site_core.models import HomePage
from tests.search.factories import AnswerPageFactory


class TestTree(WagtailPageTestCase):
    def test_answers_live_only_under_the_knowledge_base(self):
        self.assertAllowedParentPageTypes(AnswerPage, {KnowledgeBaseIndexPage})
        self.assertAllowedSubpageTypes(AnswerPage, set())
        self.assertAllowedParentPageTypes(KnowledgeBaseIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(KnowledgeBaseIndexPage, {AnswerPage})


pytestmark = pytest.mark.django_db


def test_source_id_is_unique_per_language(kb, kb_index):
    from django.core.exceptions import ValidationError

    clash = AnswerPageFactory.build(source_id="kb-001", locale=kb_index.locale)
    clash.path, clash.depth = "00019999", 3
    with pytest.raises(ValidationError):
        clash.clean()


def test_chosen_related_answers_come_first(client, kb):
    page = kb["kb-002"]
    page.related_answers.create(page=kb["kb-005"])
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    related = html.split('id="related-heading"')[1].split("</ul>")[0]
    shown = sorted(
        (related.index(answer.url), key)
        for key, answer in kb.items()
        if key.startswith("kb-") and answer.url in related
    )
    # The chosen answer leads, and the automatic one from the same category follows it.
    assert [key for _at, key in shown] == ["kb-005", "kb-003"]


def test_deflection_returns_up_to_three_matching_answers(kb):
    answers = matching_answers("ada pungutan liar di kantor kelurahan", "id")
    assert 1 <= len(answers) <= 3
    assert answers[0]["source_id"] == "kb-001"
    assert set(answers[0]) == {"title", "url", "summary", "source_id"}


def test_deflection_ignores_short_or_unrelated_text(kb):
    assert matching_answers("ok", "id") == []
    assert matching_answers("jadwal konser musik malam minggu", "id") == []


def test_consultation_question_becomes_unpublished_draft(kb, kb_index):
    page = draft_answer_from_consultation(
        "Apakah bisa mengurus KIA di kelurahan?", "Nama saya Budi.\nAnak saya 5 tahun.", "id"
    )
    page.refresh_from_db()
    assert not page.live
    assert page.get_parent().specific == kb_index
    assert "Nama saya Budi." in page.body[0].value.source
    assert page.latest_revision is not None
    assert not Page.objects.live().filter(pk=page.pk).exists()


def test_deflection_summary_is_plain_text_escaped_nowhere(kb):
    page = kb["kb-002"]
    page.short_answer = "Bawa surat 'keterangan hilang' & fotokopi KK <segera>."
    page.save_revision().publish()
    answers = matching_answers("ktp saya hilang di pasar", "id")
    assert answers[0]["summary"] == "Bawa surat 'keterangan hilang' & fotokopi KK <segera>."


def test_deflection_finds_answers_for_realistic_report_titles(kb, kb_index):
    road = AnswerPageFactory(
        parent=kb_index,
        title="Bagaimana melaporkan jalan berlubang atau rusak di lingkungan kota?",
        short_answer="Laporkan lokasi jalan rusak dengan foto kepada Dinas PUPR.",
        source_id="kb-130",
    )
    road.save_revision().publish()
    titles = {
        "Jalan berlubang di Jl. A. Yani km 33": "kb-130",
        "pungli di kelurahan": "kb-001",
    }
    for title, expected in titles.items():
        found = [answer["source_id"] for answer in matching_answers(title, "id")]
        assert expected in found, title
