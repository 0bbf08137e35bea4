"""A valid Indonesian word that no answer uses meets an answer through a word the
bilingual dictionary gives for the same English word ("berisik" -> noise ->
"kebisingan"), as a guess: never when that English word has senses far apart ("pecat"
-> fire -> "api", "kebakaran"), and never by repeating a word the query already says."""

import pytest

from search import bilingual
from tests.search.factories import api_result_ids, publish_answers

pytestmark = pytest.mark.django_db

ANSWERS = [
    (
        "t-201",
        "Ke mana mengadukan kebisingan dari kegiatan usaha?",
        "Laporkan kebisingan dari usaha di sekitar rumah kepada DLH.",
    ),
    (
        "t-202",
        "Apa yang harus dilakukan jika melihat kebakaran hutan?",
        "Jauhi api dan hubungi pemadam kebakaran.",
    ),
    ("t-203", "Bagaimana cara mengurus KTP?", "Datang ke Disdukcapil dengan KK."),
]


@pytest.fixture
def answers(kb_index):
    publish_answers(kb_index, ANSWERS)


def test_relatives_come_from_english_words_with_few_senses():
    assert "kebisingan" in bilingual.indonesian_relatives("berisik")
    assert bilingual.indonesian_relatives("pecat") == []


def test_a_word_the_answers_lack_meets_its_relative(client, answers):
    assert api_result_ids(client, "berisik")[0] == "t-201"


def test_a_relative_the_query_already_says_does_not_count_twice(client, answers):
    # "kereta" -> train -> "api": without the rule the fire answer met "api" twice.
    assert api_result_ids(client, "jadwal kereta api ke jakarta") == []
