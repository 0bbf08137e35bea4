"""The knowledge-base import command."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

import pytest

from search.models import AnswerCategory, AnswerPage, KnowledgeBaseIndexPage
from search.services import search
from site_core.audiences import Audience

DATA = Path(settings.BASE_DIR) / "search" / "data" / "knowledge_base"

pytestmark = [
    pytest.mark.django_db,
]


def test_import_twice_gives_the_same_pages(home, home_en):
    call_command("import_knowledge_base", str(DATA), "--limit", "12")
    first = AnswerPage.objects.count()
    call_command("import_knowledge_base", str(DATA), "--limit", "12")
    assert AnswerPage.objects.count() == first
    assert KnowledgeBaseIndexPage.objects.count() == 2  # id and en
    assert AnswerPage.objects.filter(locale__language_code="id").count() == 12


def test_import_keeps_source_ids_and_links_english_translations(home, home_en):
    call_command("import_knowledge_base", str(DATA), "--limit", "12")
    answer = AnswerPage.objects.get(locale__language_code="id", source_id="kb-001")
    assert answer.live and answer.category.slug == "pengaduan-lapor"
    assert answer.unit is not None and answer.unit.short_name == "Diskominfo"
    english = answer.get_translation(home_en.locale).specific
    assert english.source_id == "kb-001"
    assert english.title.startswith("What is SP4N-LAPOR!")
    assert english.category.locale == home_en.locale
    assert english.category.get_translation(answer.locale) == answer.category
    assert AnswerCategory.objects.filter(locale=home_en.locale).exists()
    # Both languages' categories read as names, not as their slugs ("Complaints lapor").
    assert answer.category.name == "Pengaduan dan LAPOR!"
    assert english.category.name == "Complaints and LAPOR!"


def test_imported_numbered_steps_become_a_list(home, home_en):
    call_command("import_knowledge_base", str(DATA), "--limit", "3")
    answer = AnswerPage.objects.get(locale__language_code="id", source_id="kb-002")
    assert "<ol><li>" in answer.body[0].value.source


def test_imported_answers_are_searchable_in_both_languages(home, home_en):
    call_command("import_knowledge_base", str(DATA), "--limit", "12")
    assert search("lapor lewat situs", "id", log=False).hits
    english = search("what is sp4n lapor", "en", log=False)
    assert english.hits[0].source_id == "kb-001"
    assert english.hits[0].url.startswith("/en/")


def test_import_with_missing_folder_fails_clearly(home, tmp_path):
    with pytest.raises(CommandError, match="faq_id.jsonl"):
        call_command("import_knowledge_base", str(tmp_path))


def test_import_maps_the_files_indonesian_audience_slugs_to_stored_values(home, home_en):
    """The files say `semua` / `warga`; answers store the English slugs."""
    call_command("import_knowledge_base", str(DATA), "--limit", "2")
    audiences = dict(
        AnswerPage.objects.filter(locale__language_code="id").values_list("source_id", "audience")
    )
    assert audiences == {"kb-001": Audience.EVERYONE, "kb-002": Audience.RESIDENTS}
    assert set(audiences.values()) == {"everyone", "residents"}


def test_import_refuses_an_unknown_audience(home, tmp_path):
    row = json.loads((DATA / "faq_id.jsonl").read_text(encoding="utf-8").splitlines()[0])
    (tmp_path / "faq_id.jsonl").write_text(
        json.dumps({**row, "audience": "mahasiswa"}) + "\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="mahasiswa"):
        call_command("import_knowledge_base", str(tmp_path))
    assert not AnswerPage.objects.exists()
