from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from complaint_forms.storage import private_storage
from site_core.models import BasePage, WorkUnit

from . import charts, figures
from .datasets import DATASETS


class StatisticsPage(BasePage):
    """“Data dan Statistik”: complaint and outreach figures with charts, tables, downloads
    and filters by period and work unit that work without JavaScript."""

    introduction = models.TextField(_("introduction"), max_length=600, blank=True)

    content_panels = BasePage.content_panels + [FieldPanel("introduction")]

    parent_page_types = ["site_core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("statistics page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        default_start, default_end = figures.default_period()
        start = figures.month_bounds(request.GET.get("from")) or default_start
        end = figures.month_bounds(request.GET.get("to"), end=True) or default_end
        if start > end:
            start, end = default_start, default_end
            context["period_error"] = True
        units = list(
            WorkUnit.objects.filter(is_active=True)
            .order_by("name")
            .values_list("short_name", "name")
        )
        unit = request.GET.get("unit", "")
        if unit not in {short for short, _name in units}:
            unit = ""
        complaints = figures.complaints(start, end, unit)
        sections = [
            ("by_month", _("Reports per month"), charts.column_chart),
            ("by_kind", _("Reports by kind"), charts.bar_chart),
            ("by_category", _("Reports by category"), charts.bar_chart),
            ("by_channel", _("Reports by channel"), charts.bar_chart),
            ("by_kecamatan", _("Reports by kecamatan"), charts.bar_chart),
            ("by_unit", _("Reports by work unit"), charts.bar_chart),
            ("by_status", _("Reports by status"), charts.bar_chart),
        ]
        context.update(
            {
                "period_start": start,
                "period_end": end,
                "units": units,
                "selected_unit": unit,
                "headline": complaints["headline"],
                "charts": [
                    {
                        "id": key.replace("_", "-"),
                        "title": title,
                        "rows": complaints[key],
                        "largest": _largest(complaints[key]),
                        "svg": draw(complaints[key], title, key.replace("_", "-")),
                    }
                    for key, title, draw in sections
                ],
                "outreach": figures.outreach(start, end),
                "datasets": DATASETS.values(),
                "period_query": f"from={start:%Y-%m}&to={end:%Y-%m}",
            }
        )
        return context


def _largest(rows):
    """The row with the highest published count (None when every count is suppressed)."""
    shown = [row for row in rows if row["count"]]
    return max(shown, key=lambda row: row["count"]) if shown else None


def split_addresses(text):
    """One address per line (commas and semicolons also separate), blanks dropped."""
    return [
        part.strip()
        for part in text.replace(",", "\n").replace(";", "\n").splitlines()
        if part.strip()
    ]


@register_setting(icon="mail")
class MonthlyReportSettings(BaseGenericSetting):
    """Who receives the monthly report for leadership on the first working day."""

    recipients = models.TextField(
        _("recipients of the monthly report"),
        blank=True,
        help_text=_(
            "One e-mail address per line. The report for the previous month is sent to each "
            "on the first working day of the month."
        ),
    )

    panels = [FieldPanel("recipients")]

    class Meta:
        verbose_name = _("monthly report mailing")

    def clean(self):
        invalid = []
        for address in split_addresses(self.recipients):
            try:
                validate_email(address)
            except ValidationError:
                invalid.append(address)
        if invalid:
            raise ValidationError(
                {
                    "recipients": _("Not valid e-mail addresses: %(addresses)s")
                    % {"addresses": ", ".join(invalid)}
                }
            )
        self.recipients = "\n".join(split_addresses(self.recipients))

    def addresses(self):
        return split_addresses(self.recipients)


def monthly_report_path(instance, filename):
    return f"monthly-reports/{filename}"


class MonthlyReportArchive(models.Model):
    """One month's report for leadership as it was built (a PDF in private storage), and
    when it was mailed. Coordinators download any archived month from the admin."""

    month = models.DateField(_("month"), unique=True, help_text=_("The first day of the month."))
    file = models.FileField(_("PDF"), storage=private_storage, upload_to=monthly_report_path)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    generated_at = models.DateTimeField(_("built"), auto_now_add=True)
    mailed_at = models.DateTimeField(_("mailed"), null=True, blank=True)
    mailed_to = models.JSONField(_("mailed to"), default=list, blank=True)

    class Meta:
        ordering = ["-month"]
        verbose_name = _("monthly report")
        verbose_name_plural = _("monthly reports")

    def __str__(self):
        return f"{self.month:%Y-%m}"

    @property
    def filename(self):
        return f"laporan-bulanan-{self.month:%Y-%m}.pdf"
