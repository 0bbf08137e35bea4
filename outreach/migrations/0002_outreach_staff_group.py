"""The "Outreach staff" group: the only people who see registrations' and applicants'
personal data. Content editors keep their page permissions and see none of it."""

from django.db import migrations

GROUP = "Outreach staff"
MODELS = [
    "registration",
    "schoolsessionrequest",
    "ambassadorapplication",
    "ambassadoractivity",
    "assistedreportrequest",
    "reviewcriterion",
    "applicationreview",
]
EXTRA = ["check_in_registration", "review_application"]


def create_group(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for model in MODELS for action in ("add", "change", "delete", "view")]
    perms = list(
        Permission.objects.filter(content_type__app_label="outreach", codename__in=codenames + EXTRA)
    )
    perms += list(
        Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    group.permissions.add(*perms)


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
