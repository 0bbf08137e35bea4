"""The monthly report for leadership: a PDF with the month's figures beside the previous
month and the same month last year, a chart, the top topics and the overdue list per unit.

Internal (for the mayor's office and unit heads): counts are not suppressed, but no report
is named by its title or its reporter."""

import datetime
import io

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from complaint_forms.statistics import complaint_statistics, overdue_by_unit

from .figures import month_bounds

BRAND = colors.HexColor("#1d5fa8")


def _month(first_day, months_back):
    year, month = first_day.year, first_day.month - months_back
    while month < 1:
        year, month = year - 1, month + 12
    return datetime.date(year, month, 1)


def _period(first_day):
    return first_day, month_bounds(first_day.strftime("%Y-%m"), end=True)


def _value(value, suffix=""):
    return "–" if value is None else f"{value}{suffix}"


def _table(rows, widths, header=True):
    table = Table(rows, colWidths=widths, repeatRows=1 if header else 0)
    table.setStyle(
        TableStyle(
            [
                ("FONTSIZE", (0, 0), (-1, -1), 9),
                ("LINEBELOW", (0, 0), (-1, -1), 0.25, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                *([("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef6"))] if header else []),
            ]
        )
    )
    return table


def _category_chart(rows):
    rows = rows[:8][::-1]
    drawing = Drawing(16 * cm, 0.7 * cm * max(len(rows), 1) + 1 * cm)
    chart = HorizontalBarChart()
    chart.x, chart.y = 5.5 * cm, 0.5 * cm
    chart.width, chart.height = 9.5 * cm, 0.7 * cm * max(len(rows), 1)
    chart.data = [[row["count"] for row in rows] or [0]]
    chart.categoryAxis.categoryNames = [str(row["label"])[:34] for row in rows] or [""]
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.valueAxis.labels.fontSize = 8
    chart.bars[0].fillColor = BRAND
    drawing.add(chart)
    return drawing


def build(month):
    """The PDF (bytes) for `month`, a date in the month to report on."""
    first = month.replace(day=1)
    current = complaint_statistics(*_period(first))
    previous = complaint_statistics(*_period(_month(first, 1)))
    last_year = complaint_statistics(*_period(_month(first, 12)))
    last_day = _period(first)[1]
    overdue = overdue_by_unit(min(last_day, timezone.localdate()))

    styles = getSampleStyleSheet()
    title = _("LAPOR! Banjarbaru monthly report: %(month)s") % {
        "month": formats.date_format(first, "F Y")
    }
    story = [
        Paragraph(title, styles["Title"]),
        Paragraph(
            _(
                "Figures for reports received in the month, beside the previous month and the "
                "same month a year earlier. Days are working days from receipt (weekends, "
                "public holidays and collective leave not counted)."
            ),
            styles["BodyText"],
        ),
        Spacer(1, 0.4 * cm),
    ]
    headline = [
        (_("Reports received"), "total", ""),
        (_("Reports answered"), "answered", ""),
        (_("Answered within the deadline"), "on_time_share", "%"),
        (
            _("Median working days to the first response"),
            "median_working_days_to_first_response",
            "",
        ),
        (_("Median working days to the answer"), "median_working_days_to_answer", ""),
        (_("Average rating (1–5)"), "average_rating", ""),
        (_("Appeals by citizens"), "appeals", ""),
    ]
    rows = [
        [
            _("Figure"),
            formats.date_format(first, "F Y"),
            formats.date_format(_month(first, 1), "F Y"),
            formats.date_format(_month(first, 12), "F Y"),
        ]
    ]
    rows += [
        [
            label,
            _value(current[key], suffix),
            _value(previous[key], suffix),
            _value(last_year[key], suffix),
        ]
        for label, key, suffix in headline
    ]
    story += [_table(rows, [7 * cm, 3.3 * cm, 3.3 * cm, 3.3 * cm]), Spacer(1, 0.5 * cm)]

    story += [Paragraph(_("Top complaint topics"), styles["Heading2"])]
    if current["by_category"]:
        story += [_category_chart(current["by_category"])]
        topics = [[_("Category"), _("Reports")]] + [
            [str(row["label"]), str(row["count"])] for row in current["by_category"][:10]
        ]
        story += [_table(topics, [12 * cm, 3 * cm])]
    else:
        story += [Paragraph(_("No reports in this month."), styles["BodyText"])]

    story += [
        Spacer(1, 0.5 * cm),
        Paragraph(_("Overdue reports per work unit"), styles["Heading2"]),
    ]
    if overdue:
        for unit, reports in overdue.items():
            story += [Paragraph(f"{unit}: {len(reports)}", styles["Heading4"])]
            story += [
                _table(
                    [[_("Report"), _("Category"), _("Due"), _("Days late")]]
                    + [
                        [
                            f"#{r['number']}",
                            r["category"],
                            formats.date_format(r["due"], "j M Y"),
                            str(r["days_late"]),
                        ]
                        for r in reports[:30]
                    ],
                    [2.5 * cm, 7.5 * cm, 3.5 * cm, 2.5 * cm],
                )
            ]
    else:
        story += [Paragraph(_("No report is past its deadline."), styles["BodyText"])]

    buffer = io.BytesIO()
    SimpleDocTemplate(
        buffer,
        pagesize=A4,
        title=title,
        author="LAPOR! Banjarbaru",
        leftMargin=2 * cm,
        rightMargin=2 * cm,
    ).build(story)
    return buffer.getvalue()
