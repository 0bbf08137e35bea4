"""Admin registration for open data: the archive of monthly reports (Reports menu)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from site_core.admin_menu import PermissionMenuItem

from . import archive_views


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
