"""Ranking rules measured on unseen queries (docs/decisions.md, "Search round 4"), each
shown on a small in-process index (no database)."""

from search import answer_index, query
from search.query import QueryBuilder

FILLER = " Petugas menindaklanjuti permintaan sesuai jadwal pelayanan kantor."


def index_of(rows):
    """An in-process index of (question, tags, text) rows, source ids kb-0, kb-1 ..."""
    docs = [
        answer_index.Doc(i, q, "", f"kb-{i}", None, body) for i, (q, _t, body) in enumerate(rows)
    ]
    fields = [{"title": q, "tags": t, "short_answer": "", "body": body} for q, t, body in rows]
    return answer_index.AnswerIndex("id", docs, fields)


def ranked_ids(index, text, language="id"):
    processed = QueryBuilder(synonym_groups=[]).build(text, language)
    return [index.docs[d].source_id for d, _score, _cov in index.score(processed)]


FEE_ROWS = [
    (
        "Apakah ada biaya untuk menyampaikan laporan?",
        "biaya",
        "Laporan warga tidak dikenai biaya." + FILLER,
    ),
    (
        "Ke mana melaporkan perusahaan yang membayar upah di bawah upah minimum?",
        "membayar upah",
        "Warga dapat melaporkan perusahaan yang membayar upah terlalu rendah." + FILLER,
    ),
    ("Bagaimana cara melapor lewat SMS?", "sms", "Kirim laporan ke 1708." + FILLER),
    ("Bagaimana mengurus akta kelahiran?", "akta", "Bawa surat keterangan lahir." + FILLER),
    ("Di mana membuat KTP?", "ktp", "Datang ke Disdukcapil membawa KK." + FILLER),
    ("Bagaimana mengurus izin usaha?", "izin usaha", "Daftarkan usaha secara daring." + FILLER),
]


def test_a_family_word_ranks_as_the_word_typed():
    """Within the cost family the words are interchangeable: "bayar" met as "biaya" in
    the answer about the cost of reporting ranks it above an answer that says "membayar"
    about something else (wages), as the typed word would."""
    assert ranked_ids(index_of(FEE_ROWS), "laporan warga bayar ga")[0] == "kb-0"


def test_a_family_word_weighed_as_a_synonym_would_lose_to_the_other_answer(monkeypatch):
    monkeypatch.setattr(query, "ASPECT_FAMILY_WEIGHT", 0.8)
    assert ranked_ids(index_of(FEE_ROWS), "laporan warga bayar ga")[0] == "kb-1"
