"""Admin for the knowledge base: categories, synonyms, feedback and two reports."""

from django.db.models import Count, F, FloatField, Q
from django.db.models.functions import Cast
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.auth import permission_denied
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, NumberColumn
from wagtail.admin.views.reports import ReportView
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from site_core.exports import StaffExportMixin

from .models import AnswerCategory, AnswerFeedback, AnswerPage, Synonym, ZeroResultQuery


class AnswerCategoryViewSet(SnippetViewSet):
    model = AnswerCategory
    icon = "folder-open-inverse"
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]


class SynonymViewSet(SnippetViewSet):
    model = Synonym
    icon = "list-ul"
    list_display = ["terms", "language_code", "is_active"]
    list_filter = ["is_active", "language_code"]
    search_fields = ["terms"]


class AnswerFeedbackViewSet(SnippetViewSet):
    model = AnswerFeedback
    icon = "comment"
    list_display = ["page", "helpful", "comment", "created_at"]
    list_filter = ["helpful"]
    inspect_view_enabled = True


class KnowledgeBaseGroup(SnippetViewSetGroup):
    items = (AnswerCategoryViewSet, SynonymViewSet, AnswerFeedbackViewSet)
    menu_icon = "help"
    menu_label = _("Knowledge base")
    menu_name = "knowledge-base"


register_snippet(KnowledgeBaseGroup)


class StaffReportMixin:
    permission = ""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(self.permission):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class LeastHelpfulAnswersReport(StaffReportMixin, StaffExportMixin, ReportView):
    """Answers citizens marked unhelpful most often (share of "no")."""

    page_title = _("Least helpful answers")
    header_icon = "comment"
    permission = "search.view_answerfeedback"
    index_url_name = "search_least_helpful"
    index_results_url_name = "search_least_helpful_results"
    columns = [
        Column("title", label=_("Answer")),
        Column("source_id", label=_("Source id")),
        NumberColumn("not_helpful", label=_("Not helpful")),
        NumberColumn("votes", label=_("Votes")),
        NumberColumn("unhelpful_percent", label=_("% not helpful")),
    ]
    list_export = ["title", "source_id", "not_helpful", "votes", "unhelpful_percent"]

    def get_queryset(self):
        return (
            AnswerPage.objects.annotate(
                votes=Count("feedback"),
                not_helpful=Count("feedback", filter=Q(feedback__helpful=False)),
            )
            .filter(not_helpful__gt=0)
            .annotate(
                unhelpful_percent=Cast(F("not_helpful") * 100, FloatField())
                / Cast(F("votes"), FloatField())
            )
            .order_by("-unhelpful_percent", "-not_helpful", "title")
        )


class ZeroResultQueriesReport(StaffReportMixin, StaffExportMixin, ReportView):
    """What citizens searched for and did not find: the to-do list of missing answers."""

    page_title = _("Searches without results")
    header_icon = "search"
    permission = "search.view_zeroresultquery"
    index_url_name = "search_zero_results"
    index_results_url_name = "search_zero_results_results"
    is_searchable = True
    search_fields = ["query_text"]
    columns = [
        Column("query_text", label=_("Query")),
        Column("language_code", label=_("Language")),
        NumberColumn("hits", label=_("Times searched")),
        Column("last_seen", label=_("Last searched")),
    ]
    list_export = ["query_text", "language_code", "hits", "last_seen"]

    def get_queryset(self):
        return ZeroResultQuery.objects.order_by("-hits", "-last_seen")


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path(
            "reports/least-helpful-answers/",
            LeastHelpfulAnswersReport.as_view(),
            name="search_least_helpful",
        ),
        path(
            "reports/least-helpful-answers/results/",
            LeastHelpfulAnswersReport.as_view(results_only=True),
            name="search_least_helpful_results",
        ),
        path(
            "reports/searches-without-results/",
            ZeroResultQueriesReport.as_view(),
            name="search_zero_results",
        ),
        path(
            "reports/searches-without-results/results/",
            ZeroResultQueriesReport.as_view(results_only=True),
            name="search_zero_results_results",
        ),
    ]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


@hooks.register("register_reports_menu_item")
def least_helpful_menu_item():
    return PermissionMenuItem(
        _("Least helpful answers"),
        reverse("search_least_helpful"),
        icon_name="comment",
        order=1400,
        permission="search.view_answerfeedback",
    )


@hooks.register("register_reports_menu_item")
def zero_results_menu_item():
    return PermissionMenuItem(
        _("Searches without results"),
        reverse("search_zero_results"),
        icon_name="search",
        order=1410,
        permission="search.view_zeroresultquery",
    )
