"""A query naming something by an acronym that no answer and no dictionary knows ("ulm")
is about something the site lacks: its other words must cover half of it, as in a short
query, so passing mentions of them ("kuliah", "jalur mandiri") show no answer."""

import pytest

from search.query import is_unknown_acronym
from tests.search.factories import api_result_ids, publish_answers

pytestmark = pytest.mark.django_db

ANSWERS = [
    (
        "t-101",
        "Siapa yang dapat mendaftar menjadi Duta Lapor?",
        "Pelajar atau mahasiswa yang bersekolah, kuliah, atau tinggal di Banjarbaru.",
    ),
    (
        "t-102",
        "Tahapan memperoleh sertifikat halal bagi usaha mikro",
        "Tersedia jalur pernyataan mandiri yang didampingi pendamping halal.",
    ),
    ("t-103", "Cara menjadi pendamping proses produk halal", "Ikuti pelatihan pendamping."),
]


@pytest.fixture
def answers(kb_index):
    publish_answers(kb_index, ANSWERS)


def test_what_counts_as_an_unknown_acronym():
    assert is_unknown_acronym("ulm", "id")
    assert is_unknown_acronym("sbmptn", "id")
    assert not is_unknown_acronym("kuliah", "id")  # a word of the language
    assert not is_unknown_acronym("rs", "id")  # two letters: a chat short form
    assert not is_unknown_acronym("5rb", "id")


def test_off_topic_query_with_an_unknown_acronym_is_empty(client, answers):
    assert api_result_ids(client, "pendaftaran kuliah ulm jalur mandiri") == []


def test_a_query_about_the_site_topic_still_finds_it(client, answers):
    assert api_result_ids(client, "sertifikat halal jalur mandiri")[0] == "t-102"
