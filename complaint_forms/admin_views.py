"""Staff views for reports, plugged into the Wagtail admin by `wagtail_hooks`.

Every view starts from `Report.objects.for_user(user)`: coordinators see all reports,
unit officers only their unit's, anyone else none (404, not 403, so ids leak nothing).
"""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

import django_filters

from site_core.exports import StaffExportMixin

from . import workflow
from .choices import Channel, Kind, Privacy, Status
from .forms import TRANSITION_FORMS, OfflineReportForm
from .intake import create_report
from .ranking import monthly_figures, rank_units
from .records import (
    CASE_FIELDS,
    REPORTER_FIELDS,
    Attachment,
    Category,
    ComplaintSettings,
    Report,
    UnitMembership,
)
from .transitions import STAFF_ACTIONS


class ReportFilterSet(WagtailFilterSet):
    status = django_filters.MultipleChoiceFilter(
        choices=Status.choices, widget=forms.CheckboxSelectMultiple, label=_("Status")
    )
    kind = django_filters.ChoiceFilter(choices=Kind.choices, label=_("Kind"))
    channel = django_filters.ChoiceFilter(choices=Channel.choices, label=_("Channel"))
    category = django_filters.ModelChoiceFilter(
        queryset=lambda request: Category.objects.all(), label=_("Category")
    )
    # Yes / No / All radio buttons: an unset filter is no filter (and shows no chip).
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"),
        method="filter_overdue",
        choices=[("yes", _("Yes")), ("no", _("No"))],
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Report
        fields = ["status", "kind", "assigned_unit", "category", "channel", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value == "yes":
            return queryset.overdue()
        if value == "no":
            return queryset.exclude(Report.objects.overdue_q(timezone.localdate()))
        return queryset


class DeadlineColumn(Column):
    """The current deadline, marked when it has passed."""

    cell_template_name = "complaint_forms/admin/deadline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["due"] = instance.current_due()
        context["overdue"] = instance.is_overdue(parent_context.get("today"))
        return context


class ReportIndexView(StaffExportMixin, generic.IndexView):
    filterset_class = ReportFilterSet
    search_fields = ["tracking_code", "title", "description"]
    search_backend_name = None
    list_export = [
        "tracking_code",
        "created_at",
        "kind",
        "channel",
        "category",
        "title",
        "kecamatan",
        "status",
        "assigned_unit",
        "forward_due",
        "response_due",
        "answered_at",
        "answered_within_deadline",
        "rating",
    ]
    export_filename = "laporan"

    def get_base_queryset(self):
        return Report.objects.for_user(self.request.user).select_related(
            "assigned_unit", "category"
        )

    @property
    def columns(self):
        return [
            TitleColumn(
                "tracking_code",
                label=_("Code"),
                url_name=self.inspect_url_name,
                sort_key="tracking_code",
            ),
            Column("title", label=_("Title")),
            Column("get_status_display", label=_("Status"), sort_key="status"),
            Column("get_kind_display", label=_("Kind"), sort_key="kind"),
            Column("assigned_unit", label=_("Unit")),
            DeadlineColumn("due", label=_("Deadline")),
            Column("created_at", label=_("Received"), sort_key="created_at"),
        ]

    @cached_property
    def no_results_message(self):
        user = self.request.user
        if not user.has_perm("complaint_forms.view_all_reports") and not (
            UnitMembership.unit_id_for(user)
        ):
            # An officer's account is opened (users screen) and linked to a unit (unit
            # memberships) in two steps; until the second, the listing is empty on purpose.
            return _(
                "Your account is not linked to a work unit yet, so no reports are shown. "
                "Ask a complaint coordinator to add you under Unit memberships."
            )
        return super().no_results_message

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["today"] = timezone.localdate()
        return context

    def get_export_url(self, format):
        if not self.request.user.has_perm("complaint_forms.export_reports"):
            return None
        return super().get_export_url(format)

    @property
    def show_export_buttons(self):
        return self.request.user.has_perm("complaint_forms.export_reports")

    def as_spreadsheet(self, queryset, spreadsheet_format):
        if not self.request.user.has_perm("complaint_forms.export_reports"):
            raise PermissionDenied
        rows = list(queryset)
        first = rows[0] if rows else None
        if first is not None:
            log(
                instance=first,
                action="complaint_forms.export",
                user=self.request.user,
                data={"format": spreadsheet_format, "count": len(rows)},
            )
        return super().as_spreadsheet(rows, spreadsheet_format)


class ReportPageLinkMixin:
    """Wagtail's object views link back to the object's edit form; a report's page is the
    read-only inspect view (it changes only through the workflow actions)."""

    inspect_url_name = None

    def get_edit_url(self, instance):
        return reverse(self.inspect_url_name, args=[instance.pk])

    @cached_property
    def header_buttons(self):
        return []  # no "Edit" button: there is nothing to edit


class ReportHistoryView(ReportPageLinkMixin, generic.HistoryView):
    """The audit log of one report, for the people who may see that report."""

    def get_base_object_queryset(self):
        return Report.objects.for_user(self.request.user)


class ReportUsageView(ReportPageLinkMixin, generic.UsageView):
    def get_object(self):
        return get_object_or_404(Report.objects.for_user(self.request.user), pk=self.pk)


def _report_for(request, pk):
    return get_object_or_404(
        Report.objects.for_user(request.user).select_related("assigned_unit", "category"), pk=pk
    )


# The action panel shows the table's transitions grouped by step of the case, the usual
# next step as a primary button, refusals in red.
ACTION_GROUPS = {"triage": _("Triage"), "handle": _("Handling"), "finish": _("Finish")}
BUTTON_CLASSES = {
    "primary": "button",
    "secondary": "button button-secondary",
    "refusal": "button button-secondary no",
}


def available_actions(report, user):
    """[(transition, form)] the user may take from the report's status, in table order."""
    allowed = []
    for transition in workflow.available(report, workflow.roles(user, report)):
        form = TRANSITION_FORMS[transition.form](prefix=transition.action)
        if transition.action == "assign" and report.category and report.category.default_unit_id:
            form.fields["unit"].initial = report.category.default_unit_id
        allowed.append((transition, form))
    return allowed


def grouped_actions(actions):
    """[(group label, [(name, label, form, button classes), ...]), ...] in ACTION_GROUPS
    order, empty groups left out."""
    groups = {key: [] for key in ACTION_GROUPS}
    for transition, form in actions:
        groups[transition.group].append(
            (transition.action, transition.label, form, BUTTON_CLASSES[transition.style])
        )
    return [(ACTION_GROUPS[key], items) for key, items in groups.items() if items]


class ReportDetailView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "complaint_forms/admin/report_detail.html"
    header_icon = "warning"
    index_url_name = None
    action_url_name = None
    download_url_name = None
    history_url_name = None

    def get_page_title(self):
        return _("Report %(code)s") % {"code": self.report.tracking_code}

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse(self.index_url_name), "label": _("Reports")},
            {"url": "", "label": self.report.tracking_code},
        ]

    def dispatch(self, request, pk):
        self.report = _report_for(request, pk)
        return super().dispatch(request, pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        report, user = self.report, self.request.user
        identity = "hidden"
        if report.privacy == Privacy.ANONYMOUS:
            identity = "anonymous"
        elif report.privacy == Privacy.PUBLIC:
            identity = "shown"
        elif workflow.can_see_identity(user, report):
            if self.request.GET.get("identity") == "1":
                identity = "shown"
                workflow.log_identity_view(report, user)
            else:
                identity = "on_request"
        context.update(
            report=report,
            identity=identity,
            events=report.events.select_related("actor"),
            attachments=report.attachments.all(),
            action_groups=grouped_actions(available_actions(report, user)),
            overdue=report.is_overdue(),
            action_url_name=self.action_url_name,
            download_url_name=self.download_url_name,
            history_url=reverse(self.history_url_name, args=[report.pk]),
            extra_buttons=self.extra_buttons(report, user),
        )
        return context

    def extra_buttons(self, report, user):
        """Other apps add buttons here without complaint_forms importing them, e.g. "turn
        this consultation into a draft knowledge-base answer":

            @hooks.register("register_complaint_report_buttons")
            def kb_button(report, user):
                return {"label": ..., "url": ...}  # or None when not applicable
        """
        buttons = []
        for hook in hooks.get_hooks("register_complaint_report_buttons"):
            button = hook(report, user)
            if button:
                buttons.append(button)
        return buttons


class ReportActionView(FormView):
    http_method_names = ["post"]
    detail_url_name = None
    answers_given_url_name = None

    def dispatch(self, request, pk, action):
        if action not in STAFF_ACTIONS:
            raise Http404
        self.report = _report_for(request, pk)
        self.action = action
        return super().dispatch(request, pk, action)

    def get_form_class(self):
        return TRANSITION_FORMS[STAFF_ACTIONS[self.action].form]

    def get_prefix(self):
        return self.action

    def get_success_url(self):
        return reverse(self.detail_url_name, args=[self.report.pk])

    def answered_consultation_url(self):
        """After answering a consultation, staff record which knowledge-base answers it
        got (search learns the citizens' wording from it)."""
        if self.action == "answer" and self.report.kind == Kind.CONSULTATION:
            return reverse(self.answers_given_url_name, args=[self.report.pk])
        return self.get_success_url()

    def form_valid(self, form):
        try:
            workflow.perform(self.action, self.report, self.request.user, form.cleaned_data)
        except (workflow.TransitionNotAllowed, ValueError):
            messages.error(self.request, _("This action is not possible in the report's state."))
        else:
            messages.success(
                self.request, _("Saved: %(action)s.") % {"action": STAFF_ACTIONS[self.action].label}
            )
            return HttpResponseRedirect(self.answered_consultation_url())
        return HttpResponseRedirect(self.get_success_url())

    def form_invalid(self, form):
        errors = "; ".join(
            f"{form.fields[name].label if name in form.fields else ''}: {' '.join(errs)}"
            for name, errs in form.errors.items()
        )
        messages.error(self.request, _("Not saved. %(errors)s") % {"errors": errors})
        return HttpResponseRedirect(self.get_success_url())


def download_attachment(request, pk):
    """Staff download only: as an attachment, never rendered inline by the browser."""
    attachment = get_object_or_404(
        Attachment.objects.filter(report__in=Report.objects.for_user(request.user)), pk=pk
    )
    log(
        instance=attachment.report,
        action="complaint_forms.download_attachment",
        user=request.user,
        data={"attachment": attachment.pk},
    )
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response["Cache-Control"] = "private, no-store"
    return response


class OfflineReportView(WagtailAdminTemplateMixin, FormView):
    """Staff record a report received by walk-in, phone, letter, SMS, social media or at a
    school session."""

    template_name = "complaint_forms/admin/offline_report.html"
    form_class = OfflineReportForm
    header_icon = "plus"
    page_title = _("Record an offline report")
    detail_url_name = None
    index_url_name = None

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": reverse(self.index_url_name), "label": _("Reports")},
            {"url": "", "label": self.page_title},
        ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("complaint_forms.add_report"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        form = context["form"]
        context["report_fields"] = [form[name] for name in (*CASE_FIELDS, "attachments")]
        context["reporter_fields"] = [form[name] for name in REPORTER_FIELDS]
        return context

    def form_valid(self, form):
        data = form.cleaned_data
        report, _created = create_report(
            data,
            data.get("attachments") or (),
            channel=data["channel"],
            user=self.request.user,
            received_at=form.received_at(),
        )
        messages.success(
            self.request, _("Report %(code)s recorded.") % {"code": report.tracking_code}
        )
        return HttpResponseRedirect(reverse(self.detail_url_name, args=[report.pk]))


class ResponsivenessView(WagtailAdminTemplateMixin, TemplateView):
    """Staff see the ranking figures per unit and month (and the current public window)."""

    template_name = "complaint_forms/admin/responsiveness.html"
    header_icon = "time"
    page_title = _("Unit responsiveness")

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("complaint_forms.view_all_reports"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        config = ComplaintSettings.current(self.request)
        context.update(
            ranking=rank_units(config.ranking_window_days, min_reports=1),
            months=monthly_figures(),
            config=config,
        )
        return context
