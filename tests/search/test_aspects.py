"""Aspect families: a question about cost ("bikin kk bayar ga", "do i pay for ...") meets an
answer that states the cost in other words ("dikenai biaya", "fees"), and a family word
never makes an answer about something else qualify."""

import pytest

from search.text import aspect_family, is_aspect_word
from tests.search.factories import api_result_ids, publish_answers

pytestmark = pytest.mark.django_db

ANSWERS = [
    ("t-001", "Apakah pengurusan kartu keluarga (KK) dikenai biaya?", "Tidak, gratis."),
    ("t-002", "Di mana pajak bumi dan bangunan dapat dibayar?", "Bayar di bank atau kantor pos."),
    ("t-003", "Di mana tagihan air PDAM dapat dibayar?", "Bayar di loket PDAM atau di bank."),
    ("t-004", "Syarat mencetak ulang kartu keluarga yang rusak", "Bawa KK lama ke Disdukcapil."),
    ("t-005", "Apakah ada pelatihan kerja gratis?", "Ada, di pasar kerja Disnaker."),
]


@pytest.fixture
def answers(kb_index):
    publish_answers(kb_index, ANSWERS)


def test_cost_words_are_one_aspect_family():
    assert {"biaya", "gratis", "tarif"} <= set(aspect_family("bayar", "id"))
    assert "biaya" in aspect_family("dibayar", "id")
    assert {"fee", "free"} <= set(aspect_family("pay", "en"))
    assert is_aspect_word("bayar", "id") and is_aspect_word("pay", "en")
    # Price levels are aspect words but ask something else than "does it cost".
    assert aspect_family("mahal", "id") == []


def test_asking_whether_something_costs_finds_the_answer_about_its_cost(client, answers):
    found = api_result_ids(client, "bikin kk bayar ga")
    assert found[0] == "t-001"
    # Answers about paying for something else share only the aspect word.
    assert "t-002" not in found and "t-003" not in found


def test_a_family_word_alone_never_qualifies_an_answer(client, answers):
    # "harga" meets "gratis" in the training answer, "pasar" a passing mention of it:
    # without the family word the answer does not cover the query, so neither with it.
    assert api_result_ids(client, "harga cabai di pasar") == []
