"""Events and knowledge-base answers share one audience vocabulary; the migration that
brought events onto it converts stored pages and their revisions, and back."""

import importlib

from django.apps import apps

import pytest

from outreach.models import EventPage
from search.models import AnswerPage
from site_core.audiences import Audience

pytestmark = pytest.mark.django_db
migration = importlib.import_module("outreach.migrations.0008_audience_shared_vocabulary")


def test_events_and_answers_offer_the_same_audiences():
    event_field = EventPage._meta.get_field("audience")
    answer_field = AnswerPage._meta.get_field("audience")
    assert event_field.choices == answer_field.choices == Audience.choices
    assert event_field.default == answer_field.default == Audience.EVERYONE


def test_the_migration_converts_pages_and_revisions_and_back(event):
    revision = event.save_revision()
    EventPage.objects.filter(pk=event.pk).update(audience="youth")
    revision.content["audience"] = "youth"
    revision.save()

    migration.forwards(apps, None)
    revision.refresh_from_db()
    assert EventPage.objects.get(pk=event.pk).audience == Audience.YOUTH == "pemuda"
    assert revision.content["audience"] == "pemuda"

    migration.backwards(apps, None)
    revision.refresh_from_db()
    assert EventPage.objects.get(pk=event.pk).audience == "youth"
    assert revision.content["audience"] == "youth"
