"""Report kinds are stored as English slugs like every other choice (issue 14); the
Indonesian words stay in the labels and in what the report form still accepts."""

from django.db import migrations, models

from site_core.value_migrations import KIND_TO_ENGLISH, rename_choice_values


class Migration(migrations.Migration):

    dependencies = [
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ('complaint_forms', '0006_report_working_days'),
    ]

    operations = [
        migrations.AlterField(
            model_name='report',
            name='kind',
            field=models.CharField(choices=[('complaint', 'Complaint'), ('aspiration', 'Aspiration'), ('information-request', 'Information request'), ('consultation', 'Consultation question')], default='complaint', max_length=24, verbose_name='kind'),
        ),
        rename_choice_values("complaint_forms", "report", "kind", KIND_TO_ENGLISH),
    ]
