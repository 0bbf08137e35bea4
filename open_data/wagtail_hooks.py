"""Admin registration for open data: the unit awards (listing, confirmation), the archive of
monthly reports (Reports menu), their audit actions, and the past winners section of the
public ranking page."""

from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from site_core.admin_menu import PermissionMenuItem

from . import admin_views, archive_views
from .awards import past_winners
from .models import UnitAward


class UnitAwardViewSet(ModelViewSet):
    """Awards are proposed by `propose_unit_awards`, never typed in: no add or edit form."""

    model = UnitAward
    icon = "trophy"
    menu_label = _("Unit awards")
    menu_order = 160
    add_to_admin_menu = True
    name = "unit_awards"
    index_view_class = admin_views.AwardIndexView
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "unit",  # the first column carries the row's buttons (confirm, certificate)
        Column("period_label", label=_("Period")),
        "rank",
        Column("get_status_display", label=_("Status")),
        "confirmed_by",
        "confirmed_at",
    ]
    list_filter = ["status"]
    ordering = ["-period_start", "rank"]

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(add_url_name=None, edit_url_name=None, **kwargs)

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(
            confirm_url_name=self.get_url_name("confirm"), **kwargs
        )

    def get_urlpatterns(self):
        confirm = admin_views.ConfirmAwardView.as_view(index_url_name=self.get_url_name("index"))
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("inspect/<int:pk>/", self.inspect_view, name="inspect"),
            path("confirm/<int:pk>/", confirm, name="confirm"),
            path("delete/<int:pk>/", self.delete_view, name="delete"),
            path("history/<int:pk>/", self.history_view, name="history"),
            path("history-results/<int:pk>/", self.history_results_view, name="history_results"),
            path("usage/<int:pk>/", self.usage_view, name="usage"),
        ]


@hooks.register("register_admin_viewset")
def register_unit_awards():
    return UnitAwardViewSet()


@hooks.register("register_log_actions")
def register_award_log_actions(actions):
    label = _("Unit award confirmed")
    actions.register_action("open_data.confirm_award", label, label)


@hooks.register("ranking_page_sections")
def past_winners_section(request):
    """The public ranking page (complaint_forms) shows the confirmed awards of the latest
    periods; it knows only this hook's name, not the awards."""
    winners = past_winners()
    if not winners:
        return ""
    return render_to_string(
        "open_data/includes/past_awards.html", {"winners": winners}, request=request
    )


@hooks.register("register_admin_urls")
def register_monthly_report_urls():
    return [
        path(
            "monthly-reports/",
            archive_views.MonthlyReportListView.as_view(),
            name="open_data_monthly_reports",
        ),
        path(
            "monthly-reports/build/",
            archive_views.build_monthly_report,
            name="open_data_build_monthly_report",
        ),
        path(
            "monthly-reports/<int:pk>/download/",
            archive_views.download_monthly_report,
            name="open_data_download_monthly_report",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_monthly_report_menu_item():
    return PermissionMenuItem(
        _("Monthly reports"),
        reverse("open_data_monthly_reports"),
        icon_name="doc-full",
        order=900,
        permission=archive_views.ARCHIVE_PERMISSION,
    )


@hooks.register("register_log_actions")
def register_monthly_report_log_actions(actions):
    label = _("Monthly report downloaded")
    actions.register_action("open_data.download_monthly_report", label, label)
