"""The in-process answer index: freshness and honest thresholds."""

import gc
import threading
import weakref

import pytest

from search import answer_index
from search.query import QueryBuilder
from tests.search.factories import AnswerPageFactory

pytestmark = pytest.mark.django_db


def test_publishing_an_answer_makes_the_index_rebuild(kb, kb_index):
    before = answer_index.get_index("id")
    page = AnswerPageFactory(
        parent=kb_index, title="Cara mengurus izin keramaian", source_id="kb-900"
    )
    page.save_revision().publish()
    after = answer_index.get_index("id")
    assert after is not before
    assert page.pk in after.by_page


def test_large_index_is_rebuilt_in_the_background_while_the_old_one_serves(
    kb, kb_index, settings, monkeypatch
):
    settings.SEARCH_SYNC_REBUILD_MAX_ANSWERS = 2
    started = []
    monkeypatch.setattr(answer_index, "_rebuild_in_background", lambda *args: started.append(args))
    before = answer_index.get_index("id")
    AnswerPageFactory(parent=kb_index, source_id="kb-901").save_revision().publish()
    assert answer_index.get_index("id") is before
    assert started and started[0][0] == "id"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_production_rebuilds_in_the_background_then_serves_the_new_answer(kb, kb_index, settings):
    """Production (limit 0): no request waits for a rebuild; the previous index answers
    until the thread, on its own connection, has built the new one."""
    settings.SEARCH_SYNC_REBUILD_MAX_ANSWERS = 0
    before = answer_index.get_index("id")
    page = AnswerPageFactory(parent=kb_index, source_id="kb-902", title="Izin keramaian")
    page.save_revision().publish()

    assert answer_index.get_index("id") is before
    [thread] = [t for t in threading.enumerate() if t.name == "search-index-id"]
    thread.join(timeout=60)
    after = answer_index.get_index("id")
    assert after is not before
    assert page.pk in after.by_page and page.pk not in before.by_page


class _Cycle:
    """An object in a reference cycle: only the garbage collector frees it."""

    def __init__(self):
        self.me = self


@pytest.mark.django_db(False)
def test_cycles_left_by_requests_are_collected_after_the_index_is_frozen():
    """A web worker freezes its index's objects out of the garbage collector; the cycles
    its requests leave behind must still be collected soon, not after a quarter of the
    frozen objects' number (the soak's steady growth of every worker)."""
    index_like = [[number] for number in range(800_000)]  # the index's many small objects
    alive = weakref.WeakSet()
    try:
        answer_index._settle_memory()
        for _request in range(20):
            # Objects alive across a few young collections, as during a request, reach the
            # oldest generation; then the request ends and they are garbage.
            kept = [_Cycle() for _ in range(5_000)]
            alive.update(kept)
            del kept
        # Full collections come every few batches (without the reset: none, 90,000 held).
        assert len(alive) < 30_000
    finally:
        gc.unfreeze()
        del index_like


def test_required_coverage_is_lower_for_long_questions():
    assert answer_index.required_coverage(1) == answer_index.required_coverage(2) == 0.5
    assert answer_index.required_coverage(3) > answer_index.required_coverage(4)
    assert answer_index.required_coverage(12) == answer_index.MIN_COVERAGE_LONG


def test_spelling_prefers_the_word_that_forms_a_known_phrase(kb):
    index = answer_index.get_index("id")
    processed = QueryBuilder(spell_checker=index.spell_checker).build("pungutan lair", "id")
    assert processed.corrected == "pungutan liar"


def test_every_backend_reads_the_one_definition_of_field_weights():
    from wagtail.search import index

    from search.fields import ANSWER_FIELD_WEIGHTS, elasticsearch_fields
    from search.models import AnswerPage

    boosts = {}
    for field in AnswerPage.get_search_fields():
        if isinstance(field, index.SearchField) and field.boost:
            boosts[field.field_name] = field.boost
        if isinstance(field, index.RelatedFields):
            for inner in field.fields:
                boosts[field.field_name] = inner.boost
    expected = {
        "title": ANSWER_FIELD_WEIGHTS["title"],
        "short_answer": ANSWER_FIELD_WEIGHTS["short_answer"],
        "body": ANSWER_FIELD_WEIGHTS["body"],
        "tags": ANSWER_FIELD_WEIGHTS["tags"],
        "category": ANSWER_FIELD_WEIGHTS["category"],
    }
    assert boosts == expected
    title_fields = [
        field
        for field in AnswerPage.get_search_fields()
        if type(field) is index.SearchField and field.field_name == "title"
    ]
    assert len(title_fields) == 1
    assert "title^3" in elasticsearch_fields() and "tags^2" in elasticsearch_fields()


OTHER_ANSWERS = [
    ("Bagaimana cara membuat akta kelahiran?", "akta lahir", "Bawa surat keterangan lahir."),
    ("Ke mana melapor lampu jalan padam?", "lampu jalan", "Laporkan nomor tiang lampu."),
    ("Bagaimana mengurus izin usaha mikro?", "izin usaha", "Daftarkan usaha secara daring."),
    ("Apa syarat pindah sekolah?", "sekolah", "Minta surat pindah dari sekolah asal."),
    ("Bagaimana melaporkan sampah menumpuk?", "sampah", "Foto tumpukan sampah di lokasi."),
]
FILLER = " Petugas menindaklanjuti laporan warga sesuai jadwal pelayanan kantor pada hari kerja."


def small_index(first_answer):
    rows = [first_answer, *((q, t, body + FILLER * 3) for q, t, body in OTHER_ANSWERS)]
    docs = [
        answer_index.Doc(i, q, "", f"kb-{i}", None, body) for i, (q, _t, body) in enumerate(rows)
    ]
    fields = [{"title": q, "tags": t, "short_answer": "", "body": body} for q, t, body in rows]
    return answer_index.AnswerIndex("id", docs, fields)


def bridge_query():
    # "reyot" and "goyang" are in no answer: they count against coverage in full.
    return QueryBuilder(synonym_groups=[]).build("jembatan reyot goyang", "id")


BRIDGE_ANSWER = (
    "Jembatan rusak, ke mana melapor?",
    "jembatan, jembatan rusak",
    "Laporkan jembatan rusak dengan foto jembatan.",
)


def test_answer_that_meets_the_topic_strongly_is_shown_despite_missing_detail_words():
    """The answer is about bridges (question, tags and text): the query's words no answer
    has are details of that topic, so half the usual coverage is enough."""
    index = small_index(BRIDGE_ANSWER)
    ranked = index.score(bridge_query())
    assert [index.docs[d].source_id for d, _score, _cov in ranked] == ["kb-0"]
    assert ranked[0][2] < answer_index.required_coverage(3)


def test_answer_that_mentions_the_topic_in_passing_is_not_shown_for_the_same_query():
    index = small_index(
        (
            "Ke mana melapor kerusakan fasilitas umum?",
            "fasilitas umum",
            "Laporkan kerusakan taman, trotoar atau jembatan beserta fotonya.",
        )
    )
    assert index.score(bridge_query()) == []


def test_without_the_strong_match_rule_the_same_answer_would_be_withheld(monkeypatch):
    monkeypatch.setattr(answer_index, "STRONG_MATCH", 10.0)
    assert small_index(BRIDGE_ANSWER).score(bridge_query()) == []
