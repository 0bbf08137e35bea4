"""Wagtail's two content groups get Indonesian names, like the project's own groups (staff
see them in the admin's user screens)."""

from django.db import migrations

from site_core.value_migrations import rename_groups


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

    operations = [rename_groups({"Editors": "Editor Konten", "Moderators": "Moderator Konten"})]
