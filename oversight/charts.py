"""Small server-rendered SVG charts (no JavaScript)."""

from curriculum.models import LAST_WEEK

WIDTH, HEIGHT, PAD = 350, 120, 4


def coverage_chart(trend, target, current_week, width=WIDTH, height=HEIGHT):
    """Polyline points for the coverage trend (up to the current week) and for
    the target path (0% at the start, each deadline's percent at its week).
    Numbers are formatted here: templates would localise the decimal point."""
    top = max(10, target.year_percent, *trend) * 1.1

    def point(week, percent):
        x = PAD + (width - 2 * PAD) * week / LAST_WEEK
        y = height - PAD - (height - 2 * PAD) * percent / top
        return f"{x:.1f},{y:.1f}"

    target_path = [(0, 0)] + [(week, pct) for week, pct in target.deadlines()]
    shown = trend[: max(current_week, 0)]
    return {
        "width": width,
        "height": height,
        "coverage": " ".join(point(w, pct) for w, pct in enumerate([0.0, *shown])),
        "target": " ".join(point(week, pct) for week, pct in target_path),
    }


BAR_HEIGHT, BAR_GAP, LABEL_WIDTH, BARS_WIDTH = 18, 6, 240, 640


def coverage_bars(items, expected):
    """Horizontal bars, one per (label, percent), with the expected percent as
    a vertical line: coordinates for the template's SVG."""
    top = max(10, expected, *(percent for _label, percent in items)) * 1.15
    scale = (BARS_WIDTH - LABEL_WIDTH - 6 * PAD) / top
    bars = [
        {
            "label": label,
            "percent": percent,
            "y": str(PAD + index * (BAR_HEIGHT + BAR_GAP)),
            "text_y": str(PAD + index * (BAR_HEIGHT + BAR_GAP) + BAR_HEIGHT - 5),
            "width": f"{percent * scale:.1f}",
            "end": f"{LABEL_WIDTH + percent * scale + 4:.1f}",
            "ahead": percent >= expected,
        }
        for index, (label, percent) in enumerate(items)
    ]
    return {
        "width": BARS_WIDTH,
        "height": 2 * PAD + len(bars) * (BAR_HEIGHT + BAR_GAP),
        "label_width": LABEL_WIDTH,
        "label_x": LABEL_WIDTH - 6,
        "bar_height": BAR_HEIGHT,
        "bars": bars,
        "expected_x": f"{LABEL_WIDTH + expected * scale:.1f}",
        "expected": expected,
    }
