from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, health
from .admin_menu import PermissionMenuItem
from .models import FooterText, OutgoingMail, WorkUnit


class FooterTextViewSet(SnippetViewSet):
    model = FooterText
    icon = "doc-full"
    menu_label = _("Footer text")
    add_to_settings_menu = True
    list_display = ["__str__", "live"]


register_snippet(FooterTextViewSet)


class WorkUnitViewSet(SnippetViewSet):
    model = WorkUnit
    icon = "group"
    menu_label = _("Work units")
    menu_order = 300
    list_display = ["short_name", "name", "email", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["name", "short_name"]


register_snippet(WorkUnitViewSet)


@hooks.register("register_admin_urls")
def register_undelivered_mail_urls():
    return [
        path(
            "undelivered-mail/",
            admin_views.UndeliveredMailView.as_view(),
            name="site_core_undelivered_mail",
        ),
        path(
            "undelivered-mail/<int:pk>/resend/",
            admin_views.resend_mail,
            name="site_core_resend_mail",
        ),
    ]


@hooks.register("register_settings_menu_item")
def register_undelivered_mail_menu_item():
    return PermissionMenuItem(
        _("Undelivered mail"),
        reverse("site_core_undelivered_mail"),
        icon_name="mail",
        order=900,
        permission=admin_views.RESEND_PERMISSION,
    )


class UndeliveredMailPanel(Component):
    """On the dashboard of coordinators while some mail finally failed."""

    name = "undelivered_mail"
    order = 50
    template_name = "site_core/admin/undelivered_mail_panel.html"

    def __init__(self, failed):
        self.failed = failed

    def get_context_data(self, parent_context):
        return {"failed": self.failed}


@hooks.register("construct_homepage_panels")
def add_undelivered_mail_panel(request, panels):
    if not request.user.has_perm(admin_views.RESEND_PERMISSION):
        return
    failed = OutgoingMail.objects.filter(status=OutgoingMail.Status.FAILED).count()
    if failed:
        panels.append(UndeliveredMailPanel(failed))


class SystemStatusPanel(Component):
    """The health report on the dashboard of coordinators and administrators."""

    name = "system_status"
    order = 50
    template_name = "site_core/admin/system_status_panel.html"

    def get_context_data(self, parent_context):
        return {"health": health.report()}


@hooks.register("construct_homepage_panels")
def add_system_status_panel(request, panels):
    user = request.user
    if user.is_superuser or user.has_perm(settings.SYSTEM_STATUS_PERMISSION):
        panels.append(SystemStatusPanel())
