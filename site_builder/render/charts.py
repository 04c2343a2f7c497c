"""Figures over time as a static SVG line chart, drawn at build time.

No JavaScript and no request: the chart is markup in the page. It is an
image with a name and a description (`role="img"`, `<title>`, `<desc>`),
and the page lists the same figures in a table next to it. Each series has
its own colour (a class the stylesheet gives, light and dark) and its own
marker shape, and is named at the end of its line, so colour is never the
only cue. The same figures always give the same bytes.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

WIDTH, HEIGHT = 640, 300
LEFT, RIGHT, TOP, BOTTOM = 64, 150, 16, 40  # room for the axes' labels and the names
MAX_SERIES = 6
MAX_DATES = 180  # the newest dates a chart draws: a point per series and date


def series_of(points: Sequence[tuple[str, dt.date, float]]) -> list[Series]:
    """(series name, date, value) → the most reported series first, `MAX_SERIES` at most.

    A series keeps one point per date, the largest value reported that day
    (a toll given twice, "at least 40" then "45", draws as 45), and only the
    `MAX_DATES` newest dates.
    """
    best: dict[str, dict[dt.date, float]] = {}
    reported: dict[str, int] = {}
    for name, when, value in points:
        days = best.setdefault(name, {})
        days[when] = max(value, days.get(when, value))
        reported[name] = reported.get(name, 0) + 1
    names = sorted(best, key=lambda name: (-reported[name], name))[:MAX_SERIES]
    return [Series(name, tuple(Point(when, value) for when, value in
                               sorted(best[name].items())[-MAX_DATES:]))
            for name in names]
_MARKERS = ("circle", "square", "diamond", "triangle", "cross", "ring")


@dataclass(frozen=True, slots=True)
class Point:
    when: dt.date
    value: float


@dataclass(frozen=True, slots=True)
class Series:
    name: str
    points: tuple[Point, ...]  # any order; drawn by date


@dataclass(frozen=True, slots=True)
class Chart:
    """A chart as a page shows it: the SVG, and its data as table rows."""

    svg: Markup
    title: str
    data: list[tuple[str, str, str]]  # line, date, value: as written on the page


@dataclass(frozen=True, slots=True)
class Labels:
    """The words of a chart, already in the page's language."""

    title: str
    description: str
    number: Callable[[float], str]  # as the page writes numbers
    date: Callable[[dt.date], str]  # short, in the page's language


def line_chart(series: Sequence[Series], labels: Labels, chart_id: str) -> Markup | None:
    """The chart, or None when there is nothing to draw over time (fewer than 2 dates)."""
    drawn = [s for s in series if s.points][:MAX_SERIES]
    dates = sorted({p.when for s in drawn for p in s.points})
    if len(dates) < 2:
        return None
    top = _nice_top(max(p.value for s in drawn for p in s.points))
    start, end = dates[0], dates[-1]
    span = max((end - start).days, 1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def x(when: dt.date) -> float:
        return LEFT + plot_w * (when - start).days / span

    def y(value: float) -> float:
        return TOP + plot_h * (1 - value / top)

    number, date = labels.number, labels.date
    out = [f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
           f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{chart_id}-title">{escape(labels.title)}</title>',
           f'<desc id="{chart_id}-desc">{escape(labels.description)}</desc>',
           '<g class="chart-axes" aria-hidden="true">']
    for i in range(5):
        value = top * i / 4
        at = y(value)
        out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{at:.1f}" y2="{at:.1f}" '
                   'class="chart-grid"/>')
        out.append(f'<text x="{LEFT - 6}" y="{at + 4:.1f}" text-anchor="end">'
                   f'{escape(number(value))}</text>')
    for when in _date_ticks(start, end):
        at = x(when)
        out.append(f'<text x="{at:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle">'
                   f'{escape(date(when))}</text>')
    out.append(f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" '
               f'y2="{TOP + plot_h}" class="chart-axis"/></g>')
    ends: list[float] = []
    for n, one in enumerate(drawn):
        points = sorted(one.points, key=lambda p: (p.when, p.value))
        coords = [(x(p.when), y(p.value)) for p in points]
        out.append(f'<g class="chart-series series-{n + 1}" aria-hidden="true">')
        if len(coords) > 1:
            path = " ".join(f"{cx:.1f},{cy:.1f}" for cx, cy in coords)
            out.append(f'<polyline points="{path}" fill="none"/>')
        out.extend(_marker(_MARKERS[n % len(_MARKERS)], cx, cy) for cx, cy in coords)
        label_y = _free_spot(coords[-1][1], ends)
        ends.append(label_y)
        out.append(f'<text x="{LEFT + plot_w + 8}" y="{label_y + 4:.1f}">'
                   f'{escape(_short(one.name))}</text></g>')
    out.append("</svg>")
    return Markup("\n".join(out))


def chart(series: Sequence[Series], labels: Labels, chart_id: str) -> Chart | None:
    """The chart and its data as table rows (line, date, value) in date order; None as
    `line_chart` says."""
    svg = line_chart(series, labels, chart_id)
    if svg is None:
        return None
    data = [(line.name, labels.date(p.when), labels.number(p.value))
            for line in [s for s in series if s.points][:MAX_SERIES]
            for p in sorted(line.points, key=lambda p: (p.when, p.value))]
    return Chart(svg, labels.title, data)


def _nice_top(peak: float) -> float:
    """The smallest round number (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8 × 10ⁿ) at or above
    `peak`: each fits four grid lines of round values."""
    if peak <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(peak))
    for step in (1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10):
        if step * power >= peak:
            return step * power
    return 10 * power


def _date_ticks(start: dt.date, end: dt.date) -> list[dt.date]:
    """Up to 5 evenly spaced dates from `start` to `end`, both included."""
    days = (end - start).days
    count = min(4, days)
    return [start + dt.timedelta(days=round(days * i / count)) for i in range(count + 1)]


def _marker(shape: str, cx: float, cy: float) -> str:
    r = 4.0
    if shape == "circle":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}"/>'
    if shape == "ring":
        return f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{r}" fill="none"/>'
    if shape == "square":
        return f'<rect x="{cx - r:.1f}" y="{cy - r:.1f}" width="{2 * r}" height="{2 * r}"/>'
    if shape == "diamond":
        return (f'<polygon points="{cx:.1f},{cy - r - 1:.1f} {cx + r + 1:.1f},{cy:.1f} '
                f'{cx:.1f},{cy + r + 1:.1f} {cx - r - 1:.1f},{cy:.1f}"/>')
    if shape == "triangle":
        return (f'<polygon points="{cx:.1f},{cy - r - 1:.1f} {cx + r + 1:.1f},{cy + r:.1f} '
                f'{cx - r - 1:.1f},{cy + r:.1f}"/>')
    return (f'<path d="M{cx - r:.1f},{cy - r:.1f}L{cx + r:.1f},{cy + r:.1f}'
            f'M{cx - r:.1f},{cy + r:.1f}L{cx + r:.1f},{cy - r:.1f}" fill="none"/>')


def _free_spot(wanted: float, taken: Sequence[float], gap: float = 14.0) -> float:
    """A y for a series' name near `wanted` that keeps `gap` from the names already placed."""
    spot = wanted
    while any(abs(spot - other) < gap for other in taken):
        spot += gap
    return min(spot, HEIGHT - BOTTOM)


def _short(name: str, limit: int = 22) -> str:
    return name if len(name) <= limit else name[:limit - 1] + "…"
