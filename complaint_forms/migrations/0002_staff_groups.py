"""Staff groups for complaint handling. Content editors get no report permission at all."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

COORDINATORS = "Koordinator Pengaduan"
OFFICERS = "Petugas Unit Kerja"

GROUP_PERMISSIONS = {
    COORDINATORS: [
        "add_report",
        "change_report",
        "view_report",
        "view_all_reports",
        "view_confidential_identity",
        "coordinate_reports",
        "respond_reports",
        "export_reports",
        "add_category",
        "change_category",
        "view_category",
        "add_extraholiday",
        "change_extraholiday",
        "delete_extraholiday",
        "view_extraholiday",
        "add_unitmembership",
        "change_unitmembership",
        "delete_unitmembership",
        "view_unitmembership",
        "change_complaintsettings",
    ],
    OFFICERS: ["view_report", "change_report", "respond_reports"],
}


def create_groups(apps, schema_editor):
    app_config = apps.get_app_config("complaint_forms")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    for name, codenames in GROUP_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=name)
        permissions = Permission.objects.filter(
            content_type__app_label="complaint_forms", codename__in=codenames
        )
        group.permissions.add(*permissions)
        if admin_access:
            group.permissions.add(admin_access)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=GROUP_PERMISSIONS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("complaint_forms", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
