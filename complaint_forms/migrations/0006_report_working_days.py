"""Each report's working days to the first response and to the answer, stored so that the
statistics take their median in the database; existing reports are filled in."""

from django.db import migrations, models

from complaint_forms.durations import DURATION_FIELDS, working_days


def backfill(apps, schema_editor):
    Report = apps.get_model("complaint_forms", "Report")
    ExtraHoliday = apps.get_model("complaint_forms", "ExtraHoliday")
    extra = frozenset(ExtraHoliday.objects.values_list("date", flat=True))
    changed = []
    reports = Report.objects.exclude(first_response_at__isnull=True, answered_at__isnull=True)
    for report in reports.only("pk", "created_at", *DURATION_FIELDS).iterator(chunk_size=1000):
        for moment_field, days_field in DURATION_FIELDS.items():
            setattr(
                report,
                days_field,
                working_days(report.created_at, getattr(report, moment_field), extra),
            )
        changed.append(report)
    Report.objects.bulk_update(changed, list(DURATION_FIELDS.values()), batch_size=500)


class Migration(migrations.Migration):
    dependencies = [
        ("complaint_forms", "0005_image_block_alt_text"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="working_days_to_answer",
            field=models.PositiveSmallIntegerField(
                blank=True, editable=False, null=True, verbose_name="working days to the answer"
            ),
        ),
        migrations.AddField(
            model_name="report",
            name="working_days_to_first_response",
            field=models.PositiveSmallIntegerField(
                blank=True,
                editable=False,
                null=True,
                verbose_name="working days to the first response",
            ),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
