"""Admin registration for complaint handling: snippets, the report views, audit actions."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Category, ExtraHoliday, UnitMembership

LOG_ACTIONS = {
    "submit": _("Report submitted"),
    "verify": _("Report verified"),
    "reject": _("Report rejected"),
    "assign": _("Report assigned to a unit"),
    "start": _("Report taken in hand"),
    "request_info": _("More information requested"),
    "citizen_reply": _("Citizen replied"),
    "answer": _("Report answered"),
    "close": _("Report closed"),
    "reopen": _("Report reopened"),
    "appeal": _("Citizen appealed the answer"),
    "rate": _("Citizen rated the answer"),
    "view_identity": _("Confidential identity viewed"),
    "export": _("Reports exported"),
    "download_attachment": _("Attachment downloaded"),
}


@hooks.register("register_log_actions")
def register_complaint_log_actions(actions):
    for name, label in LOG_ACTIONS.items():
        actions.register_action(f"complaint_forms.{name}", label, label)


class CategoryViewSet(SnippetViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Report categories")
    list_display = ["name", "default_unit", "is_gender_based"]
    search_fields = ["name"]


class ExtraHolidayViewSet(SnippetViewSet):
    model = ExtraHoliday
    icon = "date"
    list_display = ["date", "name"]


class UnitMembershipViewSet(SnippetViewSet):
    model = UnitMembership
    icon = "group"
    list_display = ["user", "unit"]


register_snippet(CategoryViewSet)
register_snippet(ExtraHolidayViewSet)
register_snippet(UnitMembershipViewSet)
