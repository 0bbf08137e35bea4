"""Events use the site's one audience vocabulary (site_core.audiences, shared with the
knowledge base): stored values move to its Indonesian slugs, in pages and in revisions (so
reverting to an old revision brings a valid choice back)."""

from django.db import migrations, models

TO_SHARED = {
    "students": "pelajar",
    "teachers": "guru",
    "youth": "pemuda",
    "women": "perempuan",
    "disability": "difabel",
    "public": "semua",
}
CHOICES = [
    ("semua", "Everyone"),
    ("warga", "Residents"),
    ("pelajar", "Students"),
    ("guru", "Teachers"),
    ("pemuda", "Young people"),
    ("sekolah", "Schools"),
    ("pelaku-usaha", "Businesses"),
    ("perempuan", "Women"),
    ("difabel", "People with disabilities"),
]


def convert(apps, mapping):
    EventPage = apps.get_model("outreach", "EventPage")
    Revision = apps.get_model("wagtailcore", "Revision")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for old, new in mapping.items():
        EventPage.objects.filter(audience=old).update(audience=new)
    content_type = ContentType.objects.filter(app_label="outreach", model="eventpage").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        value = (revision.content or {}).get("audience")
        if value in mapping:
            revision.content["audience"] = mapping[value]
            revision.save(update_fields=["content"])


def forwards(apps, schema_editor):
    convert(apps, TO_SHARED)


def backwards(apps, schema_editor):
    convert(apps, {new: old for old, new in TO_SHARED.items()})


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0007_image_block_alt_text"),
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterField(
            model_name="eventpage",
            name="audience",
            field=models.CharField(
                choices=CHOICES, default="semua", max_length=20, verbose_name="audience"
            ),
        ),
        migrations.RunPython(forwards, backwards),
    ]
