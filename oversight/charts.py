"""Small server-rendered SVG charts (no JavaScript)."""

from curriculum.models import LAST_WEEK

WIDTH, HEIGHT, PAD = 350, 120, 4


def _point(week, percent, top):
    x = PAD + (WIDTH - 2 * PAD) * week / LAST_WEEK
    y = HEIGHT - PAD - (HEIGHT - 2 * PAD) * percent / top
    return f"{x:.1f},{y:.1f}"


def coverage_chart(trend, target, current_week):
    """Polyline points for the coverage trend (up to the current week) and for
    the target path (0% at the start, each deadline's percent at its week)."""
    top = max(10, target.year_percent, *trend) * 1.1
    target_path = [(0, 0)] + [(week, pct) for week, pct in target.deadlines()]
    shown = trend[: max(current_week, 0)]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "coverage": " ".join(
            _point(week, pct, top) for week, pct in enumerate([0.0, *shown])
        ),
        "target": " ".join(_point(week, pct, top) for week, pct in target_path),
    }
