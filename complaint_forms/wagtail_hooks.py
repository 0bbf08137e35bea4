"""Admin registration for complaint handling: snippets, the report views, audit actions."""

from django.db.models import Q
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.admin_url_finder import ModelAdminURLFinder
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from site_core.admin_menu import PermissionMenuItem
from site_core.audit import entries_about, register_private_model

from . import admin_consultations, admin_views
from .choices import Kind
from .records import Category, ExtraHoliday, Report, UnitMembership
from .transitions import EVENT_LABELS
from .workflow import can_coordinate

LOG_ACTIONS = {
    **EVENT_LABELS,
    "view_identity": _("Confidential identity viewed"),
    "export": _("Reports exported"),
    "download_attachment": _("Attachment downloaded"),
    "draft_answer": _("Draft knowledge-base answer created"),
    "answers_given": _("Knowledge-base answers given recorded"),
}


@hooks.register("register_log_actions")
def register_complaint_log_actions(actions):
    for name, label in LOG_ACTIONS.items():
        actions.register_action(f"complaint_forms.{name}", label, label)
    register_private_model(actions, Report, report_log_entries_visible_to)


def report_log_entries_visible_to(user):
    """The audit log of the reports the user may open; who looked at a confidential
    identity is for those who may look at it too."""
    visible = entries_about(Report.objects.for_user(user))
    if not user.has_perm("complaint_forms.view_confidential_identity"):
        visible &= ~Q(action="complaint_forms.view_identity")
    return visible


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


class ReportViewSet(ModelViewSet):
    """Reports: the listing (filters, search, export), the detail page with the timeline
    and actions, offline entry, attachment downloads. There is no free-form edit form:
    a report changes only through the workflow actions, so its page is registered as
    Wagtail's read-only "inspect" view and there is no "edit" view."""

    model = Report
    icon = "warning"
    menu_label = _("Reports")
    menu_order = 150
    add_to_admin_menu = False
    name = "complaint_reports"
    index_view_class = admin_views.ReportIndexView
    history_view_class = admin_views.ReportHistoryView
    usage_view_class = admin_views.ReportUsageView
    list_filter = []
    list_per_page = 50
    ordering = ["-created_at"]
    inspect_view_enabled = True

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(**{"edit_url_name": None, **kwargs})

    @property
    def url_finder_class(self):
        """Audit-log and other admin links to a report open its (read-only) page."""
        return type(
            "ReportURLFinder",
            (ModelAdminURLFinder,),
            {"edit_url_name": self.get_url_name("inspect")},
        )

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            list_export=admin_views.ReportIndexView.list_export, **kwargs
        )

    def get_urlpatterns(self):
        detail = admin_views.ReportDetailView.as_view(
            index_url_name=self.get_url_name("index"),
            action_url_name=self.get_url_name("action"),
            download_url_name=self.get_url_name("download"),
            history_url_name=self.get_url_name("history"),
        )
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path(
                "new/",
                admin_views.OfflineReportView.as_view(
                    detail_url_name=self.get_url_name("inspect"),
                    index_url_name=self.get_url_name("index"),
                ),
                name="add",
            ),
            path("<int:pk>/", detail, name="inspect"),
            path(
                "<int:pk>/action/<str:action>/",
                admin_views.ReportActionView.as_view(
                    detail_url_name=self.get_url_name("inspect"),
                    answers_given_url_name=self.get_url_name("answers_given"),
                ),
                name="action",
            ),
            path("attachment/<int:pk>/", admin_views.download_attachment, name="download"),
            path(
                "<int:pk>/draft-answer/",
                admin_consultations.ConsultationDraftView.as_view(
                    detail_url_name=self.get_url_name("inspect")
                ),
                name="draft_answer",
            ),
            path(
                "<int:pk>/answers-given/",
                admin_consultations.AnswersGivenView.as_view(
                    detail_url_name=self.get_url_name("inspect"),
                    index_url_name=self.get_url_name("index"),
                ),
                name="answers_given",
            ),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
        ]


class CoordinatorMenuItem(PermissionMenuItem):
    permission = "complaint_forms.view_all_reports"


class ResponsivenessViewSet(ViewSet):
    name = "complaint_responsiveness"
    icon = "time"
    menu_label = _("Unit responsiveness")
    menu_item_class = CoordinatorMenuItem

    def get_urlpatterns(self):
        return [path("", admin_views.ResponsivenessView.as_view(), name="index")]


class ComplaintsGroup(ViewSetGroup):
    menu_label = _("Complaints")
    menu_icon = "warning"
    menu_order = 150
    items = (ReportViewSet, ResponsivenessViewSet)


@hooks.register("register_admin_viewset")
def register_complaints_group():
    return ComplaintsGroup()


@hooks.register("register_complaint_report_buttons")
def draft_answer_button(report, user):
    """Coordinators can turn a consultation question into a knowledge-base answer."""
    if report.kind != Kind.CONSULTATION or not can_coordinate(user):
        return None
    return {
        "label": _("Draft a knowledge-base answer"),
        "url": reverse("complaint_reports:draft_answer", args=[report.pk]),
    }


@hooks.register("register_complaint_report_buttons")
def answers_given_button(report, user):
    """Staff who handle a consultation record which knowledge-base answers it got."""
    if report.kind != Kind.CONSULTATION:
        return None
    return {
        "label": _("Knowledge-base answers given"),
        "url": reverse("complaint_reports:answers_given", args=[report.pk]),
    }
