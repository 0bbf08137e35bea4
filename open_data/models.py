from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

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
