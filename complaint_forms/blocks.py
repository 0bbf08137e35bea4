"""The report form as a StreamField block, so any page can embed it (the gender campaign
page embeds a confidential one)."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from .choices import Kind
from .hosting import HOST_MARKER, bound_state
from .views import report_form_context


class ReportFormBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Send a report"))
    intro = blocks.TextBlock(label=_("Introduction"), required=False, max_length=600)
    preset_kind = blocks.ChoiceBlock(
        label=_("Preset kind"),
        choices=Kind.choices,
        required=False,
        help_text=_("Leave empty to let the citizen choose."),
    )
    preset_category = SnippetChooserBlock(
        "complaint_forms.Category", label=_("Preset topic"), required=False
    )
    force_confidential = blocks.BooleanBlock(
        label=_("Confidential by default"),
        required=False,
        help_text=_("Start with the confidential option chosen (e.g. gender-based harm)."),
    )

    class Meta:
        icon = "form"
        template = "components/blocks/report_form_block.html"
        label = _("Report form")
        description = _("The complaint form, optionally with a preset kind and topic.")
        preview_value = {
            "heading": "Sampaikan laporan",
            "intro": "Laporan Anda kami tindaklanjuti.",
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        request = (parent_context or {}).get("request")
        state = bound_state(request)
        context.update(
            report_form_context(
                request,
                state["form"] if state else None,
                kind=value.get("preset_kind") or "",
                category=value.get("preset_category"),
                force_confidential=bool(value.get("force_confidential")),
            )
        )
        if state:
            context.update(notice=state["notice"], deflection_answers=state["answers"])
        page = (parent_context or {}).get("page")
        if getattr(page, "accepts_report_posts", False):
            # Errors come back on this page, with its context and quick-exit button.
            context["report_form_action"] = page.get_url(request)
            context["report_form_host_marker"] = HOST_MARKER
        return context
