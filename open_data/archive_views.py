"""Admin screens for the monthly report: the archive of past months (download any), and
building a past month that is not archived yet. Coordinators only."""

import datetime

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from django.views.defaults import permission_denied
from django.views.generic import ListView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.log_actions import log

from . import archive
from .figures import month_bounds
from .models import MonthlyReportArchive

ARCHIVE_PERMISSION = "open_data.view_monthlyreportarchive"


def forbidden_unless_allowed(request):
    """A 403 for staff without the permission (Wagtail would turn a raised PermissionDenied
    into a redirect to the dashboard, which hides from an officer's browser that the
    archive is not theirs)."""
    if request.user.has_perm(ARCHIVE_PERMISSION):
        return None
    return permission_denied(request, PermissionDenied())


class MonthForm(forms.Form):
    month = forms.CharField(
        label=gettext_lazy("Month"),
        widget=forms.TextInput(attrs={"type": "month", "placeholder": "2026-11"}),
        help_text=gettext_lazy("A month that has ended, as YYYY-MM."),
    )

    def clean_month(self):
        first = month_bounds(self.cleaned_data["month"])
        if first is None:
            raise forms.ValidationError(_("Give the month as YYYY-MM, e.g. 2026-11."))
        if first >= timezone.localdate().replace(day=1):
            raise forms.ValidationError(_("Only a month that has ended can be archived."))
        return first


class MonthlyReportListView(WagtailAdminTemplateMixin, ListView):
    model = MonthlyReportArchive
    template_name = "open_data/admin/monthly_reports.html"
    header_icon = "doc-full"
    page_title = gettext_lazy("Monthly reports")
    paginate_by = 24
    context_object_name = "reports"

    def dispatch(self, request, *args, **kwargs):
        return forbidden_unless_allowed(request) or super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        context["form"] = kwargs.get("form") or MonthForm(
            initial={"month": archive.previous_month(today).strftime("%Y-%m")}
        )
        context["next_mailing"] = archive.first_working_day(
            (today.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
        )
        return context


@require_POST
def build_monthly_report(request):
    """Archive a past month now (the month's PDF as the figures stand today)."""
    if forbidden := forbidden_unless_allowed(request):
        return forbidden
    form = MonthForm(request.POST)
    if not form.is_valid():
        for error in form.errors.get("month", []):
            messages.error(request, error)
        return redirect("open_data_monthly_reports")
    existed = MonthlyReportArchive.objects.filter(month=form.cleaned_data["month"]).exists()
    entry = archive.archive(form.cleaned_data["month"])
    if existed:
        messages.info(
            request, _("The report for %(month)s was already archived.") % {"month": entry}
        )
    else:
        messages.success(request, _("The report for %(month)s is archived.") % {"month": entry})
    return redirect("open_data_monthly_reports")


def download_monthly_report(request, pk):
    if forbidden := forbidden_unless_allowed(request):
        return forbidden
    entry = get_object_or_404(MonthlyReportArchive, pk=pk)
    log(instance=entry, action="open_data.download_monthly_report", user=request.user)
    response = FileResponse(
        entry.file.open("rb"),
        as_attachment=True,
        filename=entry.filename,
        content_type="application/pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
