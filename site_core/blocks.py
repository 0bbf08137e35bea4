"""StreamField blocks shared by every page type.

`BaseStreamBlock` is the body every content page uses; other apps extend it with their
own blocks (the report form, event listings) instead of redefining these.
Block names are stable: renaming one means a data migration.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "components/blocks/heading_block.html"
        label = _("Heading")
        preview_value = {"text": "Cara melapor", "level": "h2"}
        description = _("A section heading; keep levels in order for screen readers.")


def nest_image_alt_text(value):
    """An `image` block stored before it used Wagtail's ImageBlock, in today's shape:
    {"image": 5, "alt_text": "…", …} -> {"image": {"image": 5, "alt_text": "…",
    "decorative": False}, …}. Today's values pass through unchanged."""
    if not isinstance(value, dict) or isinstance(value.get("image"), dict):
        return value
    if "alt_text" not in value:
        return value
    value = dict(value)
    alt_text = value.pop("alt_text") or ""
    value["image"] = {"image": value.get("image"), "alt_text": alt_text, "decorative": False}
    return value


class CaptionedImageBlock(blocks.StructBlock):
    """Wagtail's ImageBlock (alternative text, or marked decorative) with a caption and a
    credit. Reads the shape stored before (alt text beside the image) as well, for
    content kept outside page revisions (translation sources)."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)
    attribution = blocks.CharBlock(label=_("Credit"), required=False, max_length=120)

    class Meta:
        icon = "image"
        template = "components/blocks/image_block.html"
        label = _("Image")
        description = _(
            "An image with alternative text (or marked decorative) and an optional caption."
        )

    def to_python(self, value):
        return super().to_python(nest_image_alt_text(value))

    def bulk_to_python(self, values):
        return super().bulk_to_python([nest_image_alt_text(value) for value in values])

    def normalize(self, value):
        return super().normalize(nest_image_alt_text(value))


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False, max_length=200)

    class Meta:
        icon = "doc-full"
        template = "components/blocks/document_link_block.html"
        label = _("Document link")
        description = _("A download link that shows the file type and size.")


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), max_width=800)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    transcript = blocks.RichTextBlock(
        label=_("Transcript"),
        features=["bold", "italic", "ol", "ul", "link"],
        help_text=_("A text version for people who cannot hear or watch the video."),
    )

    class Meta:
        icon = "media"
        template = "components/blocks/video_block.html"
        label = _("Video with transcript")


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=400)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or external URL"), required=False)
    button_text = blocks.CharBlock(label=_("Button text"), max_length=60)

    class Meta:
        icon = "pick"
        template = "components/blocks/call_to_action_block.html"
        label = _("Call to action")
        preview_value = {
            "heading": "Sampaikan laporan Anda",
            "text": "Laporan Anda dijaga kerahasiaannya.",
            "url": "https://example.org/",
            "button_text": "Lapor sekarang",
        }

    def clean(self, value):
        result = super().clean(value)
        if not result.get("page") and not result.get("url"):
            raise blocks.StructBlockValidationError(
                block_errors={"page": blocks.ValidationError(_("Choose a page or give a URL."))}
            )
        return result


class AccordionItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=250)
    answer = blocks.RichTextBlock(
        label=_("Answer"), features=["bold", "italic", "ol", "ul", "link", "document-link"]
    )

    class Meta:
        icon = "help"
        label = _("Question and answer")


class AccordionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    items = blocks.ListBlock(AccordionItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/accordion_block.html"
        label = _("Accordion")
        description = _("Questions and answers that open one by one; works without JavaScript.")


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Step"), max_length=160)
    text = blocks.RichTextBlock(label=_("Details"), features=["bold", "italic", "link"])

    class Meta:
        icon = "arrow-right"
        label = _("Step")


class StepsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=120)
    steps = blocks.ListBlock(StepBlock(), label=_("Steps"), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "components/blocks/steps_block.html"
        label = _("Numbered steps")
        description = _("A how-to: numbered steps in order.")


class TableWithCaptionBlock(blocks.StructBlock):
    caption = blocks.CharBlock(
        label=_("Caption"), max_length=200, help_text=_("Says what the table shows.")
    )
    table = TableBlock(
        label=_("Table"),
        table_options={"startRows": 3, "startCols": 3, "renderer": "text"},
    )

    class Meta:
        icon = "table"
        template = "components/blocks/table_block.html"
        label = _("Table")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"), max_length=600)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        template = "components/blocks/quote_block.html"
        label = _("Quote")
        preview_value = {"text": "Setiap laporan kami tindak lanjuti.", "attribution": "Wali Kota"}


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name or unit"), max_length=160)
    role = blocks.CharBlock(label=_("Role"), required=False, max_length=160)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    whatsapp = blocks.CharBlock(label=_("WhatsApp"), required=False, max_length=40)
    email = blocks.EmailBlock(label=_("Email"), required=False)
    address = blocks.TextBlock(label=_("Address"), required=False, max_length=400)
    opening_hours = blocks.CharBlock(label=_("Opening hours"), required=False, max_length=160)

    class Meta:
        icon = "user"
        template = "components/blocks/contact_card_block.html"
        label = _("Contact card")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Rich text"),
        icon="pilcrow",
        template="components/blocks/paragraph_block.html",
        features=["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    image = CaptionedImageBlock()
    document = DocumentLinkBlock()
    video = VideoBlock()
    call_to_action = CallToActionBlock()
    accordion = AccordionBlock()
    steps = StepsBlock()
    table = TableWithCaptionBlock()
    quote = QuoteBlock()
    contact_card = ContactCardBlock()
