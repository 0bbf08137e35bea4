from django.db import migrations


def seed(apps, schema_editor):
    from search.synonyms import SEED_SYNONYMS

    Synonym = apps.get_model("search", "Synonym")
    for terms, language_code in SEED_SYNONYMS:
        Synonym.objects.get_or_create(terms=terms, language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
