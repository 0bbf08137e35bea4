"""Data migrations that rename stored values. A choice field's: in the rows and, for
pages, in the copies of their content Wagtail keeps (every revision, so that reverting
brings back a valid choice, and wagtail-localize's translation sources, so that a
translation synced later gets the new value). Permission groups' names. Migrations import
this module: keep what is here."""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations

# Issue 14's renames, frozen as the migrations made them (the live vocabularies in
# `site_core.audiences` and `complaint_forms.choices` may change later; these may not).
AUDIENCE_TO_ENGLISH = {
    "semua": "everyone",
    "warga": "residents",
    "pelajar": "students",
    "guru": "teachers",
    "pemuda": "youth",
    "sekolah": "schools",
    "pelaku-usaha": "businesses",
    "perempuan": "women",
    "difabel": "disability",
}
KIND_TO_ENGLISH = {
    "pengaduan": "complaint",
    "aspirasi": "aspiration",
    "permintaan-informasi": "information-request",
    "konsultasi": "consultation",
}


def rewrite_stored_copies(apps, app_label, model_name, change, *, revisions=True):
    """Call `change(content)` on the content dict of each revision (unless `revisions` is
    False) and translation source of the model; save those it returns True for."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    if content_type is None:
        return
    if revisions:
        Revision = apps.get_model("wagtailcore", "Revision")
        changed = [
            revision
            for revision in Revision.objects.filter(content_type_id=content_type.pk).iterator()
            if revision.content and change(revision.content)
        ]
        Revision.objects.bulk_update(changed, ["content"], batch_size=500)
    try:
        TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    except LookupError:  # wagtail-localize not installed
        return
    changed = []
    sources = TranslationSource.objects.filter(specific_content_type_id=content_type.pk)
    for source in sources.iterator():
        content = json.loads(source.content_json)
        if change(content):
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            changed.append(source)
    TranslationSource.objects.bulk_update(changed, ["content_json"], batch_size=500)


def map_field_values(apps, app_label, model_name, field, mapping):
    model = apps.get_model(app_label, model_name)
    for old, new in mapping.items():
        model.objects.filter(**{field: old}).update(**{field: new})

    def change(content):
        value = content.get(field)
        if isinstance(value, str) and value in mapping:
            content[field] = mapping[value]
            return True
        return False

    rewrite_stored_copies(apps, app_label, model_name, change)


def rename_choice_values(app_label, model_name, field, mapping):
    """A reversible `RunPython` that renames `field`'s stored values (`mapping`: old -> new)."""
    backward = {new: old for old, new in mapping.items()}
    return migrations.RunPython(
        lambda apps, schema_editor: map_field_values(apps, app_label, model_name, field, mapping),
        lambda apps, schema_editor: map_field_values(apps, app_label, model_name, field, backward),
    )


def rename_groups(mapping):
    """A reversible `RunPython` that renames permission groups (`mapping`: old -> new). A
    site that already has a group of the new name keeps both as they are."""

    def rename(apps, names):
        group = apps.get_model("auth", "Group")
        for old, new in names.items():
            if not group.objects.filter(name=new).exists():
                group.objects.filter(name=old).update(name=new)

    backward = {new: old for old, new in mapping.items()}
    return migrations.RunPython(
        lambda apps, schema_editor: rename(apps, mapping),
        lambda apps, schema_editor: rename(apps, backward),
    )
