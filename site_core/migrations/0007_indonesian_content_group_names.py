"""Wagtail's two content groups get Indonesian names, like the project's own groups (staff
see them in the admin's user screens). A site that already has a group of the new name
keeps both as they are."""

from django.db import migrations

NAMES = {"Editors": "Editor Konten", "Moderators": "Moderator Konten"}


def rename(apps, names):
    Group = apps.get_model("auth", "Group")
    for old, new in names.items():
        if not Group.objects.filter(name=new).exists():
            Group.objects.filter(name=old).update(name=new)


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0006_outgoing_mail_attachments"),
        # Wagtail's and wagtail-localize's migrations that find these groups by name.
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtaildocs", "0002_initial_data"),
        ("wagtailimages", "0002_initial_data"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [
        migrations.RunPython(
            lambda apps, _schema: rename(apps, NAMES),
            lambda apps, _schema: rename(apps, {new: old for old, new in NAMES.items()}),
        )
    ]
