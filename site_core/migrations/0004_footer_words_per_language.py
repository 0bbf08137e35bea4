"""The footer's words (organisation, opening hours) move from the site settings, which
have one value for every language, to the translatable footer text snippet."""

import uuid

import wagtail.fields
from django.conf import settings
from django.db import migrations, models


def move_words_to_footer(apps, schema_editor):
    ContactSettings = apps.get_model("site_core", "ContactSettings")
    FooterText = apps.get_model("site_core", "FooterText")
    Locale = apps.get_model("wagtailcore", "Locale")
    contact = ContactSettings.objects.exclude(organisation="", opening_hours="").first()
    locale = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    if contact is None or locale is None:
        return
    footer = FooterText.objects.filter(locale=locale).first()
    if footer is None:
        footer = FooterText(locale=locale, translation_key=uuid.uuid4(), live=True)
    footer.organisation = contact.organisation
    footer.opening_hours = contact.opening_hours
    footer.save()


class Migration(migrations.Migration):
    dependencies = [
        ("site_core", "0003_outgoing_mail"),
    ]

    operations = [
        migrations.AddField(
            model_name="footertext",
            name="opening_hours",
            field=models.CharField(
                blank=True,
                help_text="For example Senin-Jumat 08.00-16.00 WITA.",
                max_length=160,
                verbose_name="opening hours",
            ),
        ),
        migrations.AddField(
            model_name="footertext",
            name="organisation",
            field=models.CharField(
                blank=True,
                help_text="Shown above the contact details, e.g. Pemerintah Kota Banjarbaru.",
                max_length=200,
                verbose_name="organisation",
            ),
        ),
        migrations.AlterField(
            model_name="footertext",
            name="body",
            field=wagtail.fields.RichTextField(blank=True, verbose_name="footer text"),
        ),
        migrations.RunPython(move_words_to_footer, migrations.RunPython.noop),
        migrations.RemoveField(model_name="contactsettings", name="opening_hours"),
        migrations.RemoveField(model_name="contactsettings", name="organisation"),
    ]
