"""Answers use the site's one audience vocabulary (site_core.audiences, shared with outreach
events): their values stay; teachers and young people are added."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0004_image_block_alt_text"),
    ]

    operations = [
        migrations.AlterField(
            model_name="answerpage",
            name="audience",
            field=models.CharField(
                choices=[
                    ("semua", "Everyone"),
                    ("warga", "Residents"),
                    ("pelajar", "Students"),
                    ("guru", "Teachers"),
                    ("pemuda", "Young people"),
                    ("sekolah", "Schools"),
                    ("pelaku-usaha", "Businesses"),
                    ("perempuan", "Women"),
                    ("difabel", "People with disabilities"),
                ],
                default="semua",
                max_length=20,
                verbose_name="audience",
            ),
        ),
    ]
