"""Charts as inline SVG built on the server: no script, no inline style (the CSP forbids
both), presentation attributes only, an accessible name and the figures in a table beside
every chart. Suppressed values draw no bar and read "< 5".
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

BAR_HEIGHT = 22
GAP = 8
LABEL_WIDTH = 190
CHART_WIDTH = 560
VALUE_WIDTH = 70


def _svg(width, height, title_id, title, body):
    return mark_safe(  # noqa: S308 - every text below is escaped
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{title_id}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(title)}</title>{body}</svg>'
    )


def bar_chart(rows, title, chart_id):
    """Horizontal bars, one per row ({"label", "count", "shown"}), longest first as given."""
    counts = [row["count"] for row in rows if row["count"] is not None]
    largest = max(counts, default=0) or 1
    bar_space = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = []
    for index, row in enumerate(rows):
        y = index * (BAR_HEIGHT + GAP)
        label = str(row["label"])
        short = label if len(label) <= 28 else label[:27] + "…"
        parts.append(
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 15}" text-anchor="end" font-size="13" '
            f'fill="currentColor">{escape(short)}</text>'
        )
        if row["count"]:
            width = max(2, round(bar_space * row["count"] / largest))
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width}" height="{BAR_HEIGHT}" '
                f'fill="#1d5fa8"/>'
            )
        else:
            width = 0
        parts.append(
            f'<text x="{LABEL_WIDTH + width + 6}" y="{y + 15}" font-size="13" '
            f'fill="currentColor">{escape(row["shown"])}</text>'
        )
    height = max(len(rows), 1) * (BAR_HEIGHT + GAP)
    return _svg(CHART_WIDTH, height, f"{chart_id}-title", title, "".join(parts))


def column_chart(rows, title, chart_id):
    """Vertical columns in order (months), labels under each column."""
    height, top, bottom = 240, 20, 40
    counts = [row["count"] for row in rows if row["count"] is not None]
    largest = max(counts, default=0) or 1
    step = CHART_WIDTH / max(len(rows), 1)
    parts = [
        f'<line x1="0" y1="{height - bottom}" x2="{CHART_WIDTH}" y2="{height - bottom}" '
        f'stroke="currentColor" stroke-width="1"/>'
    ]
    for index, row in enumerate(rows):
        x = index * step
        bar = round((height - top - bottom) * (row["count"] or 0) / largest)
        if bar:
            parts.append(
                f'<rect x="{x + step * 0.15:.1f}" y="{height - bottom - bar}" '
                f'width="{step * 0.7:.1f}" height="{bar}" fill="#1d5fa8"/>'
            )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{height - bottom - bar - 4}" font-size="11" '
            f'text-anchor="middle" fill="currentColor">{escape(row["shown"])}</text>'
        )
        parts.append(
            f'<text x="{x + step / 2:.1f}" y="{height - bottom + 16}" font-size="11" '
            f'text-anchor="middle" fill="currentColor">{escape(str(row["label"]))}</text>'
        )
    return _svg(CHART_WIDTH, height, f"{chart_id}-title", title, "".join(parts))
