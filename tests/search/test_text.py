"""Indonesian text handling shared by every backend."""

from search.text import analyse, normalise, standardise, stem, words


def test_indonesian_stemming_makes_report_words_meet():
    assert stem("melaporkan") == stem("laporan") == stem("pelapor") == "lapor"
    assert stem("pengaduan") == stem("mengadukan")


def test_english_stemming_for_english_text():
    assert stem("reports", "en") == stem("reporting", "en") == "report"


def test_normalise_lowercases_and_strips_punctuation():
    assert words("KTP-el HILANG!!") == ["ktp", "el", "hilang"]
    assert normalise("jadi2") == "jadi jadi"


def test_informal_words_become_standard_indonesian():
    assert standardise(["gmn", "ngurus", "ktp", "ilang", "gak", "bikin"]) == [
        "bagaimana",
        "urus",
        "ktp",
        "hilang",
        "tidak",
        "buat",
    ]


def test_informal_map_only_applies_to_indonesian():
    assert standardise(["ga"], "en") == ["ga"]


def test_analyse_drops_stop_words_and_stems():
    assert analyse("Bagaimana cara melaporkan jalan rusak?") == ["lapor", "jalan", "rusak"]
