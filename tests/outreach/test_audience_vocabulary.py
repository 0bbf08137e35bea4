"""Events and knowledge-base answers share one audience vocabulary, stored as English slugs
like every other choice. The migrations that brought the values there convert stored pages,
their revisions and the report-form blocks in their bodies, and back."""

import importlib
import json

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail_localize.models import TranslatableObject, TranslationSource

import pytest

from complaint_forms.choices import Kind
from outreach.models import EventPage, ProgramPage
from search.models import AnswerPage
from site_core.audiences import Audience
from tests.complaint_forms.factories import ReportFactory
from tests.search.factories import AnswerPageFactory, KnowledgeBaseIndexPageFactory

pytestmark = pytest.mark.django_db
shared_vocabulary = importlib.import_module("outreach.migrations.0008_audience_shared_vocabulary")
english_outreach = importlib.import_module(
    "outreach.migrations.0009_english_slugs_for_audience_and_preset_kind"
)
english_answers = importlib.import_module("search.migrations.0007_audience_english_slugs")
english_kinds = importlib.import_module("complaint_forms.migrations.0007_report_kind_english_slugs")


def run(migration, direction):
    for operation in migration.Migration.operations:
        code = getattr(operation, "code" if direction == "forwards" else "reverse_code", None)
        if code is not None:
            code(apps, None)


def preset_kinds(stream_json):
    blocks = json.loads(stream_json) if isinstance(stream_json, str) else stream_json
    return [block["value"]["preset_kind"] for block in blocks if block["type"] == "report_form"]


def test_events_and_answers_offer_the_same_audiences():
    event_field = EventPage._meta.get_field("audience")
    answer_field = AnswerPage._meta.get_field("audience")
    assert event_field.choices == answer_field.choices == Audience.choices
    assert event_field.default == answer_field.default == Audience.EVERYONE == "everyone"


def test_the_shared_vocabulary_migration_converts_pages_and_revisions_and_back(event):
    revision = event.save_revision()
    EventPage.objects.filter(pk=event.pk).update(audience="youth")
    revision.content["audience"] = "youth"
    revision.save()

    shared_vocabulary.forwards(apps, None)
    revision.refresh_from_db()
    assert EventPage.objects.get(pk=event.pk).audience == "pemuda"
    assert revision.content["audience"] == "pemuda"

    shared_vocabulary.backwards(apps, None)
    revision.refresh_from_db()
    assert EventPage.objects.get(pk=event.pk).audience == "youth"
    assert revision.content["audience"] == "youth"


def test_the_english_slug_migration_converts_event_audiences_and_preset_kinds_and_back(
    event, school_program
):
    report_form = EventPage.body.field.stream_block.child_blocks["report_form"]
    for page in (event, school_program):
        page.body = [
            ("report_form", report_form.to_python({"heading": "Lapor", "preset_kind": old}))
            for old in ("pengaduan", "konsultasi", "")
        ]
        page.save()
    old_revision = event.save_revision()
    live_revision = event.save_revision()
    live_revision.publish()
    program_revision = school_program.save_revision()
    EventPage.objects.filter(pk=event.pk).update(audience="pelajar")
    # What wagtail-localize keeps of the page when it is sent for translation.
    content = json.loads(EventPage.objects.get(pk=event.pk).to_json())
    translation_source = TranslationSource.objects.create(
        object=TranslatableObject.objects.get_or_create_from_instance(event)[0],
        specific_content_type=ContentType.objects.get_for_model(EventPage),
        locale=event.locale,
        object_repr=event.title,
        content_json=json.dumps(content),
        last_updated_at=timezone.now(),
    )
    for revision in (old_revision, live_revision):
        revision.refresh_from_db()
        revision.content["audience"] = "pelajar"
        revision.save()

    run(english_outreach, "forwards")
    event = EventPage.objects.get(pk=event.pk)
    assert event.audience == Audience.STUDENTS == "students"
    assert preset_kinds(event.body.raw_data) == [Kind.COMPLAINT, Kind.CONSULTATION, ""]
    for revision in (old_revision, live_revision, program_revision):
        revision.refresh_from_db()
        assert preset_kinds(revision.content["body"]) == ["complaint", "consultation", ""]
    assert old_revision.content["audience"] == "students"
    translation_source.refresh_from_db()
    translated = json.loads(translation_source.content_json)
    assert translated["audience"] == "students"
    assert preset_kinds(translated["body"]) == ["complaint", "consultation", ""]
    program = ProgramPage.objects.get(pk=school_program.pk)
    assert preset_kinds(program.body.raw_data) == ["complaint", "consultation", ""]

    run(english_outreach, "backwards")
    event = EventPage.objects.get(pk=event.pk)
    assert event.audience == "pelajar"
    assert preset_kinds(event.body.raw_data) == ["pengaduan", "konsultasi", ""]
    old_revision.refresh_from_db()
    assert old_revision.content["audience"] == "pelajar"
    assert preset_kinds(old_revision.content["body"]) == ["pengaduan", "konsultasi", ""]
    translation_source.refresh_from_db()
    translated = json.loads(translation_source.content_json)
    assert translated["audience"] == "pelajar"
    assert preset_kinds(translated["body"]) == ["pengaduan", "konsultasi", ""]
    program = ProgramPage.objects.get(pk=school_program.pk)
    assert preset_kinds(program.body.raw_data) == ["pengaduan", "konsultasi", ""]


def test_the_english_slug_migrations_convert_answers_and_reports_and_back(home):
    answer = AnswerPageFactory(parent=KnowledgeBaseIndexPageFactory(parent=home))
    revision = answer.save_revision()
    AnswerPage.objects.filter(pk=answer.pk).update(audience="pelaku-usaha")
    revision.content["audience"] = "pelaku-usaha"
    revision.save()
    report = ReportFactory()
    type(report).objects.filter(pk=report.pk).update(kind="permintaan-informasi")

    run(english_answers, "forwards")
    run(english_kinds, "forwards")
    revision.refresh_from_db()
    report.refresh_from_db()
    assert AnswerPage.objects.get(pk=answer.pk).audience == Audience.BUSINESSES == "businesses"
    assert revision.content["audience"] == "businesses"
    assert report.kind == Kind.INFORMATION_REQUEST == "information-request"

    run(english_answers, "backwards")
    run(english_kinds, "backwards")
    revision.refresh_from_db()
    report.refresh_from_db()
    assert AnswerPage.objects.get(pk=answer.pk).audience == "pelaku-usaha"
    assert revision.content["audience"] == "pelaku-usaha"
    assert report.kind == "permintaan-informasi"
