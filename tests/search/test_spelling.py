"""Spelling correction fixes only words no dictionary knows; valid words are never rewritten.

The index is built from the sample knowledge base (240 Indonesian and 80 English answers)
in memory, so the spell checker sees the real vocabulary without a database.
"""

import json
from pathlib import Path

from django.conf import settings

import pytest

from search import lexicon
from search.answer_index import AnswerIndex, Doc
from search.query import QueryBuilder
from search.synonyms import SEED_SYNONYMS
from search.text import stem, words

DATA = Path(settings.BASE_DIR) / "search" / "data" / "knowledge_base"

# Everyday Indonesian words, many of which the answers never use; close to words they do
# use ("suka" ~ "buka", "kereta" ~ "kereta"?, "pasar" ~ "pajak"...).
VALID_ID = """suka duka kereta bioskop cabai pasar harga tiket pesawat cuaca hujan banjir
sepeda motor mobil makan minum tidur kerja gaji libur resep soto sate nasi ikan ayam sapi
kambing sekolah kuliah kampus dosen guru murid dokter bidan perawat obat sakit demam
batuk flu rumah kamar dapur atap pintu jendela lampu kabel listrik token pulsa kuota sinyal
internet televisi radio koran berita artikel lagu musik konser film drama olahraga bola
lari renang senam pantai gunung sungai danau hutan kebun sawah padi jagung kopi teh gula
garam minyak beras telur susu roti kue toko warung kios pedagang pembeli penjual jual beli
sewa kontrak kos tetangga teman saudara kakak adik ibu bapak nenek kakek cucu istri suami
anak bayi remaja pemuda lansia kantor camat lurah polisi tentara hakim jaksa pengacara
bank kredit tabungan pinjaman cicilan bunga hutang lunas tunai transfer dompet kartu
surat amplop paket kirim terima ambil antar jemput jalan gang lorong simpang perempatan
jembatan terminal stasiun bandara pelabuhan kapal perahu angkot bus truk ojek taksi
bensin solar parkir macet ramai sepi besar kecil panjang pendek tinggi rendah cepat
lambat baru lama murah mahal gratis bersih kotor rapi indah jelek baik buruk senang sedih
marah takut malu bangga lelah bosan lapar haus dingin panas""".split()
VALID_EN = """like train cinema chilli market price ticket weather rain flood bicycle car
eat drink sleep work salary holiday recipe school college teacher doctor nurse medicine
sick fever house kitchen roof door window lamp cable electricity internet news music
concert football beach mountain river forest rice coffee tea sugar salt egg milk bread
shop seller buyer rent neighbour friend mother father wife husband baby office police
bank loan card letter parcel road bridge station airport ship bus truck taxi fuel
parking cheap expensive free clean dirty happy sad angry""".split()


def build_index(language):
    name = "faq_id.jsonl" if language == "id" else "faq_en.jsonl"
    docs, fields = [], []
    with open(DATA / name, encoding="utf-8") as handle:
        for n, line in enumerate(handle):
            row = json.loads(line)
            docs.append(Doc(n, row["question"], "", row["id"], None, row["answer"]))
            fields.append(
                {
                    "title": row["question"],
                    "tags": " ".join(row["tags"]),
                    "category": row["category"],
                    "short_answer": "",
                    "body": row["answer"],
                }
            )
    return AnswerIndex(language, docs, fields)


def seed_groups(language):
    return [
        [tuple(words(term)) for term in terms.split(",")]
        for terms, code in SEED_SYNONYMS
        if code == language
    ]


def builder_for(indexes, language):
    return QueryBuilder(
        spell_checker=indexes[language].spell_checker, synonym_groups=seed_groups(language)
    )


@pytest.fixture(scope="module")
def indexes():
    return {"id": build_index("id"), "en": build_index("en")}


@pytest.fixture(autouse=True)
def _dictionaries_installed():
    lexicon.clear()
    if not lexicon.is_available("id") or not lexicon.is_available("en"):
        pytest.fail(
            "hunspell-id and hunspell-en-us must be installed (make install does it): "
            "without them search does no spelling correction at all"
        )
    yield
    lexicon.clear()


@pytest.mark.parametrize(("language", "valid"), [("id", VALID_ID), ("en", VALID_EN)])
def test_valid_words_are_never_corrected(indexes, language, valid):
    builder = builder_for(indexes, language)
    rewritten = {}
    for word in valid:
        for query in (word, f"{word} rusak" if language == "id" else f"{word} broken"):
            processed = builder.build(query, language)
            if processed.corrected or any(c.corrected for c in processed.concepts):
                rewritten[query] = processed.corrected
    assert rewritten == {}


@pytest.mark.parametrize(
    ("language", "typed", "meant"),
    [
        ("id", "akta kelahran", "akta kelahiran"),
        ("id", "kartu keluaga hilang", "kartu keluarga hilang"),
        ("id", "pembayran pbb", "pembayaran pbb"),
        ("id", "pungutan lair", "pungutan liar"),
        ("en", "reciept of payment", "receipt of payment"),
    ],
)
def test_misspelt_words_are_still_corrected(indexes, language, typed, meant):
    builder = builder_for(indexes, language)
    assert builder.build(typed, language).corrected == meant


def test_without_dictionaries_nothing_is_corrected(indexes, settings, tmp_path):
    """Not even from the answers' own vocabulary: a guess without a lexicon breaks words."""
    settings.SEARCH_DICTIONARY_DIR = str(tmp_path)
    lexicon.clear()
    builder = builder_for(indexes, "id")
    processed = builder.build("akta kelahran", "id")
    assert processed.corrected == ""
    assert not any(c.corrected for c in processed.concepts)


@pytest.mark.parametrize(
    ("typed", "root"),
    [("sekeluarga", "keluarga"), ("sebulan", "bulan"), ("meteran", "meter")],
)
def test_valid_word_the_answers_lack_meets_them_through_its_dictionary_root(indexes, typed, root):
    """Hunspell's morphology strips affixes Snowball leaves ("se-"): the citizen's word
    stays as typed (no "did you mean"), and answers with its root are found."""
    builder = builder_for(indexes, "id")
    processed = builder.build(typed, "id")
    (concept,) = processed.concepts
    assert processed.corrected == ""
    assert not concept.corrected
    assert (stem(root, "id"),) in concept.phrases
    assert indexes["id"].score(processed)


def test_english_words_take_no_hunspell_roots(indexes):
    """hunspell-en offers spurious roots ("youth" -> "you"); Snowball stems English."""
    processed = builder_for(indexes, "en").build("youth", "en")
    assert list(processed.concepts[0].phrases) == [(stem("youth", "en"),)]


# Colloquial verb forms (search.colloquial) ------------------------------------------------
@pytest.mark.parametrize(
    ("typed", "standard"),
    [
        ("nutupin", "menutup"),  # -in, nasal n- for t-
        ("didatengin", "datang"),  # di-...-in, "e" for "a"
        ("ngajuin", "ajukan"),  # nasal ng- before a vowel, -in for -kan
        ("nyari", "cari"),  # the everyday list already reads it
        ("kepotong", "potong"),  # accidental ke-
        ("bales", "balas"),  # "e" for "a" (a valid English word, not an Indonesian one)
    ],
)
def test_colloquial_form_meets_the_answers_through_its_standard_form(indexes, typed, standard):
    builder = builder_for(indexes, "id")
    processed = builder.build(typed, "id")
    (concept,) = processed.concepts
    assert (stem(standard, "id"),) in concept.phrases
    assert processed.corrected == ""  # read, not "corrected": no "did you mean"
    assert not concept.name


def test_nutupin_reaches_the_answer_about_closing_a_road(indexes):
    processed = builder_for(indexes, "id").build("nutupin jalan buat hajatan", "id")
    first = indexes["id"].docs[indexes["id"].score(processed)[0][0]]
    assert "menutup jalan" in first.title.lower()


def test_colloquial_form_of_a_stop_word_is_dropped(indexes):
    """ "dapet" is "dapat", a stop word: it must not count as a missing topic."""
    processed = builder_for(indexes, "id").build("cara dapet bansos", "id")
    assert [c.text for c in processed.concepts] == ["bansos"]


def test_valid_words_are_never_read_as_colloquial_forms(indexes):
    """Only a word the dictionary does not know is read ("sate" is not: KBBI has "satai")."""
    builder = builder_for(indexes, "id")
    valid = [w for w in VALID_ID if lexicon.is_valid(w, "id")]
    assert len(valid) > 0.9 * len(VALID_ID)
    read = {w: builder.colloquial_root(w, "id") for w in valid}
    assert {w: r for w, r in read.items() if r} == {}
    processed = builder.build("minum kopi", "id")
    assert [list(c.phrases) for c in processed.concepts] == [[("minum",)], [("kopi",)]]


@pytest.mark.parametrize(
    "query", ["ngantri tiket konser", "nontonin konser dangdut", "beliin tiket pesawat murah"]
)
def test_colloquial_query_about_what_the_site_lacks_stays_empty(indexes, query):
    processed = builder_for(indexes, "id").build(query, "id")
    assert indexes["id"].score(processed) == []


# English words read in the Indonesian originals (search.bilingual) ------------------------
@pytest.fixture
def bilingual(indexes):
    from search import bilingual

    bilingual.clear()
    if not bilingual.translations("garbage"):
        pytest.fail("dict-freedict-eng-ind must be installed (make install does it)")
    indexes["en"]._originals = indexes["id"]
    yield bilingual
    bilingual.clear()


def test_english_word_the_answers_lack_meets_the_indonesian_original(indexes, bilingual):
    """No English answer says "bribe"; the original of the illegal-levies answer says
    "suap", and the English translation of that answer is found."""
    processed = builder_for(indexes, "en").build("bribe", "en")
    found = [indexes["en"].docs[d].source_id for d, _s, _c in indexes["en"].score(processed)]
    assert found[:1] == ["kb-017"]


def test_english_word_the_answers_use_is_read_in_indonesian_without_more_weight(indexes, bilingual):
    """ "water" is in the English answers: its translations ("air", and the rare "kencing")
    are other ways to meet it, and its information stays what the English answers say."""
    processed = builder_for(indexes, "en").build("water", "en")
    (concept,) = processed.concepts
    assert ("air",) in concept.translations
    assert indexes["en"].concept_idf(concept) == indexes["en"].idf["water"]


def test_known_english_words_without_their_translations_miss_that_answer(indexes, bilingual):
    """The English answer says "registered as a social assistance recipient"; its original
    says "terdaftar", which "list" -> "daftar" meets."""
    processed = builder_for(indexes, "en").build("welfare list", "en")
    found = [indexes["en"].docs[d].source_id for d, _s, _c in indexes["en"].score(processed)]
    assert found[:1] == ["kb-116"]
    for concept in processed.concepts:
        if indexes["en"]._knows(concept):
            concept.translations = {}
    found = [indexes["en"].docs[d].source_id for d, _s, _c in indexes["en"].score(processed)]
    assert "kb-116" not in found


def test_without_the_bilingual_dictionary_nothing_is_translated(indexes, bilingual, settings):
    settings.SEARCH_BILINGUAL_DICTIONARY = "/nonexistent/freedict-eng-ind"
    bilingual.clear()
    processed = builder_for(indexes, "en").build("bribe", "en")
    assert processed.concepts[0].translations == {}
    assert indexes["en"].score(processed) == []


@pytest.mark.parametrize(
    "query", ["weather forecast tomorrow", "football registration for kids", "cinema tickets"]
)
def test_translated_words_do_not_make_an_unanswerable_query_answered(indexes, bilingual, query):
    """A translation is a guess: it counts half, and never makes a match strong."""
    processed = builder_for(indexes, "en").build(query, "en")
    assert any(c.translations for c in processed.concepts)
    assert indexes["en"].score(processed) == []


def test_a_starting_worker_loads_the_dictionaries_before_its_first_search():
    """gunicorn warms the backend after forking; a dictionary left for the first search in
    each language showed in the soak as each worker's memory stepping up minutes later."""
    from search.backends.base import SearchBackend

    lexicon.clear()
    SearchBackend().warm(["id", "en"])
    assert lexicon._dictionary.cache_info().currsize == 2
