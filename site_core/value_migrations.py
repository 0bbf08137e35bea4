"""Data migrations that rename the stored values of a choice field: in the rows and, for
models with revisions (pages), in every revision's content, so that reverting to an old
revision brings back a valid choice. Migrations import this module: keep what is here."""

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


def map_field_values(apps, app_label, model_name, field, mapping):
    model = apps.get_model(app_label, model_name)
    for old, new in mapping.items():
        model.objects.filter(**{field: old}).update(**{field: new})
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    content_type = ContentType.objects.filter(app_label=app_label, model=model_name).first()
    if content_type is None:
        return
    changed = []
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        value = (revision.content or {}).get(field)
        if isinstance(value, str) and value in mapping:
            revision.content[field] = mapping[value]
            changed.append(revision)
    Revision.objects.bulk_update(changed, ["content"], batch_size=500)


def rename_choice_values(app_label, model_name, field, mapping):
    """A reversible `RunPython` that renames `field`'s stored values (`mapping`: old -> new)."""
    backward = {new: old for old, new in mapping.items()}
    return migrations.RunPython(
        lambda apps, schema_editor: map_field_values(apps, app_label, model_name, field, mapping),
        lambda apps, schema_editor: map_field_values(apps, app_label, model_name, field, backward),
    )
