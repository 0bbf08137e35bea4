"""Charts as inline SVG built on the server: no script, no inline style (the CSP forbids
both), presentation attributes only, an accessible name and the figures in a table beside
every chart. Suppressed values draw no bar and read "< 5".
"""

from django.utils.html import escape
from django.utils.safestring import mark_safe

# Drawn for a phone's width: a 360 px screen shows the chart at its own size, wider screens
# cap it (statistics.css) so the text never grows past a comfortable size.
CHART_WIDTH = 360
ROW_HEIGHT = 42
BAR_HEIGHT = 16
VALUE_SPACE = 56


def _svg(width, height, title_id, title, body):
    return mark_safe(  # noqa: S308 - every text below is escaped
        f'<svg class="chart" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{title_id}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="{title_id}">{escape(title)}</title>{body}</svg>'
    )


def bar_chart(rows, title, chart_id):
    """One row per item ({"label", "count", "shown"}), in the order given: the label on its
    own line, the bar under it, the figure at the bar's end."""
    counts = [row["count"] for row in rows if row["count"] is not None]
    largest = max(counts, default=0) or 1
    bar_space = CHART_WIDTH - VALUE_SPACE
    parts = []
    for index, row in enumerate(rows):
        y = index * ROW_HEIGHT
        label = str(row["label"])
        short = label if len(label) <= 48 else label[:47] + "…"
        parts.append(
            f'<text x="0" y="{y + 13}" font-size="13" fill="currentColor">{escape(short)}</text>'
        )
        width = max(2, round(bar_space * row["count"] / largest)) if row["count"] else 0
        if width:
            parts.append(
                f'<rect x="0" y="{y + 18}" width="{width}" height="{BAR_HEIGHT}" fill="#1d5fa8"/>'
            )
        parts.append(
            f'<text x="{width + 6}" y="{y + 31}" font-size="13" font-weight="bold" '
            f'fill="currentColor">{escape(row["shown"])}</text>'
        )
    height = max(len(rows), 1) * ROW_HEIGHT
    return _svg(CHART_WIDTH, height, f"{chart_id}-title", title, "".join(parts))


def _short_month(label):
    """ "2026-09" -> "09/26"; any other label as it is."""
    label = str(label)
    if len(label) == 7 and label[4] == "-":
        return f"{label[5:]}/{label[2:4]}"
    return label


def column_chart(rows, title, chart_id):
    """Vertical columns in order (months, "YYYY-MM"), each labelled "MM/YY" under it."""
    height, top, bottom = 200, 20, 30
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
            f'<text x="{x + step / 2:.1f}" y="{height - bottom - bar - 4}" font-size="10" '
            f'text-anchor="middle" fill="currentColor">{escape(row["shown"])}</text>'
        )
        # More than eight months do not fit side by side on a phone: every other one is
        # labelled (the table beside the chart has them all).
        if len(rows) <= 8 or (len(rows) - 1 - index) % 2 == 0:
            parts.append(
                f'<text x="{x + step / 2:.1f}" y="{height - bottom + 16}" font-size="10" '
                f'text-anchor="middle" fill="currentColor">'
                f"{escape(_short_month(row['label']))}</text>"
            )
    return _svg(CHART_WIDTH, height, f"{chart_id}-title", title, "".join(parts))
