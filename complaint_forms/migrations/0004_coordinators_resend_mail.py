"""Complaint coordinators see mail that could not be delivered and send it again."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Koordinator Pengaduan"
CODENAME = "resend_outgoingmail"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("site_core")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.filter(
        content_type__app_label="site_core", codename=CODENAME
    ).first()
    group = Group.objects.filter(name=COORDINATORS).first()
    if permission and group:
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.remove(*group.permissions.filter(codename=CODENAME))


class Migration(migrations.Migration):
    dependencies = [
        ("complaint_forms", "0003_reports_private_audit_log"),
        ("site_core", "0003_outgoing_mail"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
