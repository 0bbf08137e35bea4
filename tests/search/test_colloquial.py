"""Colloquial Indonesian forms are read as the standard word; valid words stay."""

import pytest

from search.colloquial import standard_form
from search.query import QueryBuilder


@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ("dibenerin", "benar"),
        ("didatengin", "datang"),
        ("nutupin", "tutup"),
        ("nipu", "tipu"),
        ("dapet", "dapat"),
        ("malem", "malam"),
        ("dilampirin", "lampir"),
        ("ngasal", "asal"),
    ],
)
def test_colloquial_form_is_read_as_the_standard_word(typed, standard):
    assert standard_form(typed, "id") == standard


@pytest.mark.parametrize("word", ["suka", "kereta", "bioskop", "tetangga", "mukena", "yani"])
def test_valid_words_and_names_are_never_rewritten(word):
    assert standard_form(word, "id") is None


def test_english_words_are_left_alone():
    assert standard_form("nipu", "en") is None


def test_query_meets_the_standard_word():
    processed = QueryBuilder(synonym_groups=[]).build("jalan rusak belum dibenerin", "id")
    assert "benar" in processed.words
