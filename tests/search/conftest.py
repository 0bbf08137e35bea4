"""A small bilingual knowledge base to search in."""

import datetime

import pytest

from search import answer_index
from search.backends import _backends
from tests.search.factories import (
    AnswerCategoryFactory,
    AnswerPageFactory,
    KnowledgeBaseIndexPageFactory,
)

ANSWERS_ID = [
    (
        "kb-001",
        "Bagaimana cara melaporkan pungutan liar di kantor kelurahan?",
        "Laporkan pungli melalui kanal LAPOR! dengan bukti dan waktu kejadian.",
        "pengaduan",
    ),
    (
        "kb-002",
        "Apa syarat mengganti KTP-el yang hilang?",
        "Bawa surat keterangan hilang dari kepolisian dan fotokopi kartu keluarga.",
        "kependudukan",
    ),
    (
        "kb-003",
        "Bagaimana membuat akta kelahiran anak?",
        "Siapkan surat keterangan lahir, buku nikah dan kartu keluarga.",
        "kependudukan",
    ),
    (
        "kb-004",
        "Lampu penerangan jalan umum padam, ke mana melapor?",
        "Laporkan lampu jalan yang padam kepada Dinas Perhubungan dengan lokasi tiang.",
        "infrastruktur",
    ),
    (
        "kb-005",
        "Bagaimana memantau status laporan saya?",
        "Gunakan nomor pelacakan untuk melihat tindak lanjut laporan Anda.",
        "pengaduan",
    ),
]
ANSWERS_EN = {
    "kb-002": (
        "What do I need to replace a lost e-KTP?",
        "Bring a police report of the loss and a copy of your family card.",
    ),
    "kb-005": (
        "How do I track the status of my report?",
        "Use the tracking number to follow up your report.",
    ),
}


@pytest.fixture(autouse=True)
def _fresh_search_state():
    """Each test starts with no in-process index and the default backend."""
    answer_index.clear()
    _backends.clear()
    yield
    answer_index.clear()
    _backends.clear()


@pytest.fixture
def kb_index(home):
    index = KnowledgeBaseIndexPageFactory(parent=home, locale=home.locale)
    index.save_revision().publish()
    return index


@pytest.fixture
def kb(kb_index, home_en, locales):
    """Five Indonesian answers in two+ categories, two of them translated into English."""
    categories = {}
    pages = {}
    for source_id, title, short, category_slug in ANSWERS_ID:
        if category_slug not in categories:
            categories[category_slug] = AnswerCategoryFactory(
                slug=category_slug, name=category_slug.capitalize(), locale=locales["id"]
            )
        page = AnswerPageFactory(
            parent=kb_index,
            title=title,
            short_answer=short,
            source_id=source_id,
            category=categories[category_slug],
            last_reviewed=datetime.date(2026, 1, 5),
        )
        page.save_revision().publish()
        pages[source_id] = page
    index_en = kb_index.copy_for_translation(locales["en"]).specific
    index_en.title = "Questions and answers"
    index_en.save_revision().publish()
    for source_id, (title, short) in ANSWERS_EN.items():
        translated = pages[source_id].copy_for_translation(locales["en"]).specific
        translated.title = title
        translated.short_answer = short
        translated.category = None
        translated.save()
        translated.save_revision().publish()
        pages[f"en:{source_id}"] = translated
    return pages
