"""Answers' audiences are stored as English slugs (issue 14); the import files keep their
Indonesian slugs, which the importer maps."""

from django.db import migrations, models

from site_core.value_migrations import AUDIENCE_TO_ENGLISH, rename_choice_values


class Migration(migrations.Migration):

    dependencies = [
        ("wagtailcore", "0001_initial"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("search", "0006_consultation_answer"),
    ]

    operations = [
        migrations.AlterField(
            model_name='answerpage',
            name='audience',
            field=models.CharField(choices=[('everyone', 'Everyone'), ('residents', 'Residents'), ('students', 'Students'), ('teachers', 'Teachers'), ('youth', 'Young people'), ('schools', 'Schools'), ('businesses', 'Businesses'), ('women', 'Women'), ('disability', 'People with disabilities')], default='everyone', max_length=20, verbose_name='audience'),
        ),
        rename_choice_values("search", "answerpage", "audience", AUDIENCE_TO_ENGLISH),
    ]
