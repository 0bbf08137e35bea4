"""Staff views for consultation questions: turn one into a draft knowledge-base answer,
and record which knowledge-base answers it got (search learns the citizens' wording)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from .admin_views import _report_for
from .choices import Kind
from .knowledge_base import answers_given_form, draft_answer_for, save_answers_given
from .workflow import can_coordinate


class ConsultationDraftView(WagtailAdminTemplateMixin, TemplateView):
    """Turn a citizen's konsultasi question into a draft knowledge-base answer. GET asks
    for confirmation; POST creates the unpublished draft and opens it in the page editor,
    where the editor removes personal data and writes the answer."""

    template_name = "complaint_forms/admin/confirm_draft_answer.html"
    header_icon = "help"
    detail_url_name = None

    def dispatch(self, request, pk):
        self.report = _report_for(request, pk)
        if self.report.kind != Kind.CONSULTATION or not can_coordinate(request.user):
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Draft a knowledge-base answer")

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            report=self.report,
            back_url=reverse(self.detail_url_name, args=[self.report.pk]),
            **kwargs,
        )

    def post(self, request, pk):
        try:
            page = draft_answer_for(self.report, request.user)
        except LookupError:
            messages.error(request, _("There is no knowledge base in this report's language."))
            return redirect(self.detail_url_name, self.report.pk)
        log(
            instance=self.report,
            action="complaint_forms.draft_answer",
            user=request.user,
            data={"page_id": page.pk},
        )
        messages.success(
            request,
            _("Draft answer created. Remove any personal data before you publish it."),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)


class AnswersGivenView(WagtailAdminTemplateMixin, TemplateView):
    """Which knowledge-base answers a consultation got. Staff land here after answering a
    consultation (and reach it from the report's actions later); the question's words
    then teach the site's search the citizens' wording for those answers."""

    template_name = "complaint_forms/admin/answers_given.html"
    header_icon = "help"
    detail_url_name = None
    index_url_name = None

    def dispatch(self, request, pk):
        self.report = _report_for(request, pk)
        if self.report.kind != Kind.CONSULTATION:
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_title(self):
        return _("Knowledge-base answers given")

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse(self.index_url_name), "label": _("Reports")},
            {
                "url": reverse(self.detail_url_name, args=[self.report.pk]),
                "label": self.report.tracking_code,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, form=None, **kwargs):
        return super().get_context_data(
            report=self.report,
            form=form or answers_given_form(self.report),
            back_url=reverse(self.detail_url_name, args=[self.report.pk]),
            **kwargs,
        )

    def post(self, request, pk):
        form = answers_given_form(self.report, request.POST)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form), status=400)
        titles = save_answers_given(self.report, form)
        log(
            instance=self.report,
            action="complaint_forms.answers_given",
            user=request.user,
            data={"titles": titles},
        )
        messages.success(
            request,
            _("Recorded %(count)s knowledge-base answer(s) for this consultation.")
            % {"count": len(titles)},
        )
        return redirect(self.detail_url_name, self.report.pk)
