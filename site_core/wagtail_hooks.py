from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

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
