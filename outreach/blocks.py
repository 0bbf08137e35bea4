"""Blocks for program and campaign pages, added to the shared `BaseStreamBlock`.

Block names are stable: renaming one means a data migration. The complaint app's
confidential report form block is added to `OutreachStreamBlock` at integration time.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

from complaint_forms.blocks import ReportFormBlock
from site_core.blocks import BaseStreamBlock

TRANSCRIPT_FEATURES = ["bold", "italic", "ol", "ul", "link"]


class CaptionedVideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), max_width=800)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    has_captions = blocks.BooleanBlock(
        label=_("The video has captions"),
        required=False,
        default=True,
        help_text=_("Turn captions on in the video player before publishing."),
    )
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=TRANSCRIPT_FEATURES)

    class Meta:
        icon = "media"
        template = "components/blocks/captioned_video_block.html"
        label = _("Video with captions and transcript")


class SignLanguageVideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"), max_width=800)
    title = blocks.CharBlock(label=_("Title"), max_length=200)
    sign_language = blocks.ChoiceBlock(
        choices=[("bisindo", "BISINDO"), ("sibi", "SIBI")],
        default="bisindo",
        label=_("Sign language"),
    )
    transcript = blocks.RichTextBlock(label=_("Transcript"), features=TRANSCRIPT_FEATURES)

    class Meta:
        icon = "user"
        template = "components/blocks/sign_language_video_block.html"
        label = _("Sign-language video")
        description = _("A video in Indonesian Sign Language, with a text transcript.")


# Pictograms drawn for this site (templates/components/pictograms/), shown inline so they
# follow the text colour and high-contrast mode; the label is their text alternative.
PICTOGRAMS = [
    ("phone", _("Telephone")),
    ("web", _("Phone screen with a form")),
    ("write", _("Paper and pencil")),
    ("send", _("Paper plane: sending")),
    ("code", _("Card with a code")),
    ("wait", _("Clock")),
    ("answer", _("Speech bubble with a tick")),
    ("help", _("Person asking for help")),
    ("safe", _("Shield with a tick")),
    ("person", _("A person")),
    ("sign", _("Hand: sign language")),
    ("place", _("Map pin: a place")),
]


class EasyReadItemBlock(blocks.StructBlock):
    pictogram = blocks.ChoiceBlock(
        label=_("Pictogram"), choices=PICTOGRAMS, required=False, help_text=_("Or a picture.")
    )
    image = ImageChooserBlock(label=_("Picture"), required=False)
    alt_text = blocks.CharBlock(label=_("Alternative text"), required=False, max_length=250)
    text = blocks.TextBlock(
        label=_("Sentence"), max_length=300, help_text=_("One short sentence, plain words.")
    )

    class Meta:
        icon = "pilcrow"
        label = _("Easy-read item")

    def clean(self, value):
        result = super().clean(value)
        if result.get("image") and not (result.get("alt_text") or "").strip():
            raise blocks.StructBlockValidationError(
                block_errors={"alt_text": blocks.ValidationError(_("Describe the picture."))}
            )
        return result


class EasyReadBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    items = blocks.ListBlock(EasyReadItemBlock(), label=_("Items"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/easy_read_block.html"
        label = _("Easy read")
        description = _("Short sentences with pictures, for readers with learning disabilities.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        names = dict(PICTOGRAMS)
        context["items"] = [
            (item, item.get("alt_text") or names.get(item.get("pictogram"), ""))
            for item in value["items"]
        ]
        return context


class ReferralServiceBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Service"), max_length=160)
    description = blocks.TextBlock(label=_("What they do"), required=False, max_length=400)
    phone = blocks.CharBlock(label=_("Phone"), required=False, max_length=40)
    whatsapp = blocks.CharBlock(label=_("WhatsApp"), required=False, max_length=40)
    url = blocks.URLBlock(label=_("Website"), required=False)
    hours = blocks.CharBlock(label=_("Hours"), required=False, max_length=160)

    class Meta:
        icon = "site"
        label = _("Referral service")


class ReferralListBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    services = blocks.ListBlock(ReferralServiceBlock(), label=_("Services"), min_num=1)

    class Meta:
        icon = "help"
        template = "components/blocks/referral_list_block.html"
        label = _("Referral services")
        description = _("Where to get help, e.g. SAPA 129 or UPTD PPA.")


class AccessibleChannelBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Channel"), max_length=120)
    how = blocks.TextBlock(label=_("How to use it"), max_length=400)
    without_sight = blocks.BooleanBlock(label=_("Usable without sight"), required=False)
    without_hearing = blocks.BooleanBlock(label=_("Usable without hearing"), required=False)

    class Meta:
        icon = "mail"
        label = _("Channel")


class AccessibleChannelsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    channels = blocks.ListBlock(AccessibleChannelBlock(), label=_("Channels"), min_num=1)

    class Meta:
        icon = "list-ul"
        template = "components/blocks/accessible_channels_block.html"
        label = _("Reporting channels")
        description = _("Every way to report, and whether it needs sight or hearing.")


class UpcomingEventsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    program = blocks.PageChooserBlock(
        label=_("Program"), page_type="outreach.ProgramPage", required=False
    )
    count = blocks.IntegerBlock(label=_("How many"), default=3, min_value=1, max_value=12)

    class Meta:
        icon = "date"
        template = "components/blocks/upcoming_events_block.html"
        label = _("Upcoming events")

    def get_context(self, value, parent_context=None):
        # The event class comes through the chooser's program type: pages import these
        # blocks, so this module imports no page.
        event_model = self.child_blocks["program"].target_model.child_page_model()
        context = super().get_context(value, parent_context)
        program = value.get("program")
        events = event_model.objects.upcoming()
        if program:
            events = events.descendant_of(program)
        request = (parent_context or {}).get("request")
        page = (parent_context or {}).get("page")
        if page is not None:
            events = events.filter(locale_id=page.locale_id)
        context["events"] = list(events[: value.get("count") or 3])
        context["request"] = request
        return context


class AssistedReportingBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Introduction"), required=False, max_length=600)

    class Meta:
        icon = "form"
        template = "components/blocks/assisted_reporting_block.html"
        label = _("Assisted reporting request form")
        description = _("A small form to book a call, a sign-language video call or a visit.")

    def get_context(self, value, parent_context=None):
        """Link to the request form of the program the block is shown in (or under): program
        and event pages know that address."""
        context = super().get_context(value, parent_context)
        page = (parent_context or {}).get("page")
        form_url = getattr(page, "assisted_reporting_url", None)
        if form_url is not None:
            context["form_url"] = form_url()
        return context


class OutreachStreamBlock(BaseStreamBlock):
    report_form = ReportFormBlock()
    captioned_video = CaptionedVideoBlock()
    sign_language_video = SignLanguageVideoBlock()
    easy_read = EasyReadBlock()
    referral_services = ReferralListBlock()
    accessible_channels = AccessibleChannelsBlock()
    upcoming_events = UpcomingEventsBlock()
    assisted_reporting = AssistedReportingBlock()


class ResourcesStreamBlock(blocks.StreamBlock):
    """A program's resources: documents to download and accessible videos."""

    document = BaseStreamBlock.base_blocks["document"]
    captioned_video = CaptionedVideoBlock()
    sign_language_video = SignLanguageVideoBlock()
