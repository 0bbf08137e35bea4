"""The body's `image` block is Wagtail's ImageBlock now (alt text or decorative):
stored blocks and every revision move their alt text inside it."""

import wagtail.fields
from django.db import migrations

from wagtail.blocks.migrations.migrate_operation import MigrateStreamData

from site_core.stream_migrations import NestImageAltTextOperation


class Migration(migrations.Migration):

    dependencies = [
        ('search', '0003_learned_query'),
    ]

    operations = [
        migrations.AlterField(
            model_name='answerpage',
            name='body',
            field=wagtail.fields.StreamField([('heading', 2), ('paragraph', 3), ('image', 7), ('document', 10), ('video', 14), ('call_to_action', 19), ('accordion', 25), ('steps', 30), ('table', 33), ('quote', 36), ('contact_card', 44)], blank=True, block_lookup={0: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120}), 1: ('wagtail.blocks.ChoiceBlock', [], {'choices': [('h2', 'Level 2'), ('h3', 'Level 3'), ('h4', 'Level 4')], 'label': 'Level'}), 2: ('wagtail.blocks.StructBlock', [[('text', 0), ('level', 1)]], {}), 3: ('wagtail.blocks.RichTextBlock', (), {'features': ['h2', 'h3', 'h4', 'bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'icon': 'pilcrow', 'label': 'Rich text', 'template': 'components/blocks/paragraph_block.html'}), 4: ('wagtail.images.blocks.ImageBlock', [], {'label': 'Image'}), 5: ('wagtail.blocks.CharBlock', (), {'label': 'Caption', 'max_length': 250, 'required': False}), 6: ('wagtail.blocks.CharBlock', (), {'label': 'Credit', 'max_length': 120, 'required': False}), 7: ('wagtail.blocks.StructBlock', [[('image', 4), ('caption', 5), ('attribution', 6)]], {}), 8: ('wagtail.documents.blocks.DocumentChooserBlock', (), {'label': 'Document'}), 9: ('wagtail.blocks.CharBlock', (), {'label': 'Link text', 'max_length': 200, 'required': False}), 10: ('wagtail.blocks.StructBlock', [[('document', 8), ('title', 9)]], {}), 11: ('wagtail.embeds.blocks.EmbedBlock', (), {'label': 'Video URL', 'max_width': 800}), 12: ('wagtail.blocks.CharBlock', (), {'label': 'Title', 'max_length': 200}), 13: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul', 'link'], 'help_text': 'A text version for people who cannot hear or watch the video.', 'label': 'Transcript'}), 14: ('wagtail.blocks.StructBlock', [[('video', 11), ('title', 12), ('transcript', 13)]], {}), 15: ('wagtail.blocks.TextBlock', (), {'label': 'Text', 'max_length': 400, 'required': False}), 16: ('wagtail.blocks.PageChooserBlock', (), {'label': 'Page', 'required': False}), 17: ('wagtail.blocks.URLBlock', (), {'label': 'Or external URL', 'required': False}), 18: ('wagtail.blocks.CharBlock', (), {'label': 'Button text', 'max_length': 60}), 19: ('wagtail.blocks.StructBlock', [[('heading', 0), ('text', 15), ('page', 16), ('url', 17), ('button_text', 18)]], {}), 20: ('wagtail.blocks.CharBlock', (), {'label': 'Heading', 'max_length': 120, 'required': False}), 21: ('wagtail.blocks.CharBlock', (), {'label': 'Question', 'max_length': 250}), 22: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'ol', 'ul', 'link', 'document-link'], 'label': 'Answer'}), 23: ('wagtail.blocks.StructBlock', [[('question', 21), ('answer', 22)]], {}), 24: ('wagtail.blocks.ListBlock', (23,), {'label': 'Items', 'min_num': 1}), 25: ('wagtail.blocks.StructBlock', [[('heading', 20), ('items', 24)]], {}), 26: ('wagtail.blocks.CharBlock', (), {'label': 'Step', 'max_length': 160}), 27: ('wagtail.blocks.RichTextBlock', (), {'features': ['bold', 'italic', 'link'], 'label': 'Details'}), 28: ('wagtail.blocks.StructBlock', [[('title', 26), ('text', 27)]], {}), 29: ('wagtail.blocks.ListBlock', (28,), {'label': 'Steps', 'min_num': 1}), 30: ('wagtail.blocks.StructBlock', [[('heading', 20), ('steps', 29)]], {}), 31: ('wagtail.blocks.CharBlock', (), {'help_text': 'Says what the table shows.', 'label': 'Caption', 'max_length': 200}), 32: ('wagtail.contrib.table_block.blocks.TableBlock', (), {'label': 'Table', 'table_options': {'renderer': 'text', 'startCols': 3, 'startRows': 3}}), 33: ('wagtail.blocks.StructBlock', [[('caption', 31), ('table', 32)]], {}), 34: ('wagtail.blocks.TextBlock', (), {'label': 'Quote', 'max_length': 600}), 35: ('wagtail.blocks.CharBlock', (), {'label': 'Who said it', 'max_length': 160, 'required': False}), 36: ('wagtail.blocks.StructBlock', [[('text', 34), ('attribution', 35)]], {}), 37: ('wagtail.blocks.CharBlock', (), {'label': 'Name or unit', 'max_length': 160}), 38: ('wagtail.blocks.CharBlock', (), {'label': 'Role', 'max_length': 160, 'required': False}), 39: ('wagtail.blocks.CharBlock', (), {'label': 'Phone', 'max_length': 40, 'required': False}), 40: ('wagtail.blocks.CharBlock', (), {'label': 'WhatsApp', 'max_length': 40, 'required': False}), 41: ('wagtail.blocks.EmailBlock', (), {'label': 'Email', 'required': False}), 42: ('wagtail.blocks.TextBlock', (), {'label': 'Address', 'max_length': 400, 'required': False}), 43: ('wagtail.blocks.CharBlock', (), {'label': 'Opening hours', 'max_length': 160, 'required': False}), 44: ('wagtail.blocks.StructBlock', [[('name', 37), ('role', 38), ('phone', 39), ('whatsapp', 40), ('email', 41), ('address', 42), ('opening_hours', 43)]], {})}, verbose_name='full answer'),
        ),
        MigrateStreamData(
            app_name="search",
            model_name="answerpage",
            field_name="body",
            operations_and_block_paths=[(NestImageAltTextOperation(), "image")],
        ),
    ]
