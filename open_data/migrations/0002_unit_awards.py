"""Unit awards, and the complaint coordinators' right to see and confirm them."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

COORDINATORS = "Koordinator Pengaduan"
CODENAMES = ["view_unitaward", "confirm_unitaward"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("open_data")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="open_data", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=COORDINATORS):
        group.permissions.remove(*group.permissions.filter(codename__in=CODENAMES))


class Migration(migrations.Migration):

    dependencies = [
        ('open_data', '0001_initial'),
        ('site_core', '0004_footer_words_per_language'),
        ("complaint_forms", "0002_staff_groups"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='UnitAward',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('period_start', models.DateField(verbose_name='period start')),
                ('period_end', models.DateField(verbose_name='period end')),
                ('rank', models.PositiveSmallIntegerField(verbose_name='rank')),
                ('reports', models.PositiveIntegerField(verbose_name='reports')),
                ('on_time_share', models.PositiveSmallIntegerField(blank=True, null=True, verbose_name='answered within deadline (%)')),
                ('median_response_hours', models.FloatField(blank=True, null=True, verbose_name='median working hours to first response')),
                ('average_rating', models.FloatField(blank=True, null=True, verbose_name='average rating')),
                ('status', models.CharField(choices=[('proposed', 'Proposed'), ('confirmed', 'Confirmed')], default='proposed', max_length=12, verbose_name='status')),
                ('proposed_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='proposed at')),
                ('confirmed_at', models.DateTimeField(blank=True, null=True, verbose_name='confirmed at')),
                ('certificate_code', models.CharField(blank=True, editable=False, max_length=24, null=True, unique=True, verbose_name='certificate code')),
                ('confirmed_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='confirmed by')),
                ('unit', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='+', to='site_core.workunit', verbose_name='work unit')),
            ],
            options={
                'verbose_name': 'unit award',
                'verbose_name_plural': 'unit awards',
                'ordering': ['-period_start', 'rank'],
                'permissions': [('confirm_unitaward', 'Can confirm unit awards')],
                'constraints': [models.UniqueConstraint(fields=('period_start', 'unit'), name='open_data_one_award_per_unit_and_period')],
            },
        ),
        migrations.RunPython(grant, revoke),
    ]
