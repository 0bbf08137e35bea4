"""The outreach staff's group gets an Indonesian name, like the other groups."""

from django.db import migrations

OLD, NEW = "Outreach staff", "Petugas Sosialisasi"


def rename(apps, old, new):
    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name=new).exists():
        Group.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [("outreach", "0009_english_slugs_for_audience_and_preset_kind")]

    operations = [
        migrations.RunPython(
            lambda apps, _schema: rename(apps, OLD, NEW),
            lambda apps, _schema: rename(apps, NEW, OLD),
        )
    ]
