"""Audit-log entries of records with personal data move to the private log, relabelled
"<kind> #<id>": the old labels carried names and check-in codes."""

from django.conf import settings
from django.db import migrations
from django.utils import translation
from django.utils.text import capfirst

MODELS = [
    "registration",
    "schoolsessionrequest",
    "ambassadorapplication",
    "ambassadoractivity",
    "assistedreportrequest",
    "applicationreview",
]


def move_to_private_log(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    ModelLogEntry = apps.get_model("wagtailcore", "ModelLogEntry")
    PrivateLogEntry = apps.get_model("site_core", "PrivateLogEntry")
    for model_name in MODELS:
        content_type = ContentType.objects.filter(
            app_label="outreach", model=model_name
        ).first()
        if content_type is None:
            continue
        verbose_name = apps.get_model("outreach", model_name)._meta.verbose_name
        with translation.override(settings.LANGUAGE_CODE):
            kind = capfirst(translation.gettext(str(verbose_name)))
        old = ModelLogEntry.objects.filter(content_type=content_type)
        PrivateLogEntry.objects.bulk_create(
            PrivateLogEntry(
                content_type=content_type,
                object_id=entry.object_id,
                label=f"{kind} #{entry.object_id}",
                action=entry.action,
                data=entry.data,
                timestamp=entry.timestamp,
                uuid=entry.uuid,
                user_id=entry.user_id,
                revision_id=entry.revision_id,
                content_changed=entry.content_changed,
                deleted=entry.deleted,
            )
            for entry in old.iterator()
        )
        old.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0003_program_report_form"),
        ("site_core", "0002_private_log_entry"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(move_to_private_log, migrations.RunPython.noop)]
