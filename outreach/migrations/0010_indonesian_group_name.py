"""The outreach staff's group gets an Indonesian name, like the other groups."""

from django.db import migrations

from site_core.value_migrations import rename_groups


class Migration(migrations.Migration):
    dependencies = [("outreach", "0009_english_slugs_for_audience_and_preset_kind")]

    operations = [rename_groups({"Outreach staff": "Petugas Sosialisasi"})]
