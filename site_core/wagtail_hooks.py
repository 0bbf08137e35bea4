from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import health
from .models import FooterText, WorkUnit


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
