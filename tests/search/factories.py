"""Factories for knowledge-base pages and snippets."""

import factory
import wagtail_factories

from search.models import AnswerCategory, AnswerPage, KnowledgeBaseIndexPage, Synonym


class AnswerCategoryFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")

    class Meta:
        model = AnswerCategory


class KnowledgeBaseIndexPageFactory(wagtail_factories.PageFactory):
    title = "Tanya Jawab"
    slug = "tanya-jawab"

    class Meta:
        model = KnowledgeBaseIndexPage


class AnswerPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pertanyaan {n}")
    short_answer = "Jawaban singkat."
    body = wagtail_factories.StreamFieldFactory({})
    source_id = factory.Sequence(lambda n: f"kb-t{n:03d}")

    class Meta:
        model = AnswerPage


class SynonymFactory(factory.django.DjangoModelFactory):
    terms = "ktp, kartu tanda penduduk"

    class Meta:
        model = Synonym


def publish_answers(parent, rows):
    """Publish one answer per (source_id, title, short_answer) row under `parent`."""
    for source_id, title, short in rows:
        AnswerPageFactory(
            parent=parent, title=title, short_answer=short, source_id=source_id
        ).save_revision().publish()


def api_result_ids(client, query, lang="id"):
    """The source ids /api/search/ answers `query` with, best first."""
    data = client.get("/api/search/", {"q": query, "lang": lang}).json()
    return [row["source_id"] for row in data["results"]]
