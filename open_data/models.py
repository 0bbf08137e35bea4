import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import models
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from complaint_forms.storage import private_storage
from site_core.models import BasePage, WorkUnit

from . import charts, figures
from .award_periods import period_label
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
                    _chart(key, title, draw, complaints[key]) for key, title, draw in sections
                ],
                "outreach": figures.outreach(start, end),
                "datasets": DATASETS.values(),
                "period_query": f"from={start:%Y-%m}&to={end:%Y-%m}",
            }
        )
        return context


class UnitAward(models.Model):
    """A work unit named among the most responsive of a period (a quarter by default).

    The award proposal (`open_data.awards.propose`) copies the ranking's figures for the
    period, so the certificate states what was measured even after the ranking moves on.
    A coordinator confirms it; only then does it get a certificate code."""

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        CONFIRMED = "confirmed", _("Confirmed")

    unit = models.ForeignKey(
        WorkUnit, verbose_name=_("work unit"), on_delete=models.PROTECT, related_name="+"
    )
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    rank = models.PositiveSmallIntegerField(_("rank"))
    reports = models.PositiveIntegerField(_("reports"))
    on_time_share = models.PositiveSmallIntegerField(
        _("answered within deadline (%)"), null=True, blank=True
    )
    median_response_hours = models.FloatField(
        _("median working hours to first response"), null=True, blank=True
    )
    average_rating = models.FloatField(_("average rating"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PROPOSED
    )
    proposed_at = models.DateTimeField(_("proposed at"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    confirmed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("confirmed by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    certificate_code = models.CharField(
        _("certificate code"), max_length=24, unique=True, null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-period_start", "rank"]
        verbose_name = _("unit award")
        verbose_name_plural = _("unit awards")
        permissions = [("confirm_unitaward", "Can confirm unit awards")]
        constraints = [
            models.UniqueConstraint(
                fields=["period_start", "unit"], name="open_data_one_award_per_unit_and_period"
            ),
        ]

    def __str__(self):
        return f"{self.period_label} #{self.rank} {self.unit}"

    @property
    def period_label(self):
        return period_label(self.period_start, self.period_end)


def _chart(key, title, draw, rows):
    chart_id = key.replace("_", "-")
    # Downloads keep "2026-03"; people reading the page get "Maret 2026".
    shown = (
        [{**row, "label": _month_name(row["label"])} for row in rows] if key == "by_month" else rows
    )
    return {
        "id": chart_id,
        "title": title,
        "rows": shown,
        "largest": _largest(shown),
        "svg": draw(rows, title, chart_id),
    }


def _month_name(label):
    year, month = str(label).split("-")
    return formats.date_format(datetime.date(int(year), int(month), 1), "F Y")


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
