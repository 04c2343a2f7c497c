"""Static SVG charts of figures over time: accessible, bounded, byte-stable."""

from __future__ import annotations

import datetime as dt
import re

from hypothesis import given
from hypothesis import strategies as st

from site_builder.model import Entity
from site_builder.render import Renderer
from site_builder.render.charts import (
    HEIGHT,
    MAX_SERIES,
    WIDTH,
    Labels,
    Point,
    Series,
    _nice_top,
    line_chart,
    series_of,
)
from tests.test_render_paging import _site
from tests.test_render_support import config

LABELS = Labels("Civils tués : les chiffres", "Une courbe par source.", lambda v: f"{v:g}",
                lambda d: d.isoformat())
DAY = dt.date(2026, 9, 1)


def test_a_chart_is_a_named_image_with_one_group_per_line() -> None:
    lines = [Series("OHDH", (Point(DAY, 42), Point(DAY + dt.timedelta(days=9), 118))),
             Series("Ministère <Intérieur>", (Point(DAY + dt.timedelta(days=5), 60),))]
    svg = str(line_chart(lines, LABELS, "c1"))
    assert svg.startswith('<svg class="chart" viewBox="0 0 640 300" role="img" '
                          'aria-labelledby="c1-title c1-desc"')
    assert '<title id="c1-title">Civils tués : les chiffres</title>' in svg
    assert '<desc id="c1-desc">Une courbe par source.</desc>' in svg
    assert svg.count('<g class="chart-series series-') == 2
    assert "Ministère &lt;Intérieur&gt;" in svg and "<Intérieur>" not in svg
    assert svg.count("<polyline") == 1  # a line of one point is a marker alone
    assert svg == str(line_chart(lines, LABELS, "c1"))


def test_nothing_to_draw_over_a_single_day() -> None:
    assert line_chart([Series("OHDH", (Point(DAY, 42), Point(DAY, 50)))], LABELS, "c") is None
    assert line_chart([], LABELS, "c") is None


def test_series_keep_the_largest_figure_of_a_day_and_the_most_reported_lines() -> None:
    points = [("OHDH", DAY, 40.0), ("OHDH", DAY, 45.0), ("OHDH", DAY + dt.timedelta(1), 50.0)]
    points += [(f"S{i}", DAY, float(i)) for i in range(10)]
    lines = series_of(points)
    assert len(lines) == MAX_SERIES and lines[0].name == "OHDH"
    assert lines[0].points == (Point(DAY, 45.0), Point(DAY + dt.timedelta(1), 50.0))


def test_round_tops() -> None:
    assert [_nice_top(v) for v in (580, 1000, 1001, 7, 0)] == [600, 1000, 1200, 8, 1.0]


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]),
                          st.dates(dt.date(2020, 1, 1), dt.date(2030, 1, 1)),
                          st.floats(0, 1e12, allow_nan=False)), max_size=40))
def test_every_coordinate_is_a_number_inside_the_picture(points) -> None:
    svg = line_chart(series_of(points), LABELS, "c")
    if svg is None:
        assert len({when for _, when, _ in points}) < 2
        return
    numbers = [float(n) for n in re.findall(r'(?:x|y|x1|x2|y1|y2|cx|cy)="(-?[\d.]+)"', svg)]
    numbers += [float(n) for pair in re.findall(r'points="([^"]+)"', svg)
                for xy in pair.split() for n in xy.split(",")]
    assert all(-10 <= n <= max(WIDTH, HEIGHT) + 10 for n in numbers)


def test_unit_and_source_pages_have_a_chart_and_its_data() -> None:
    site = _site(12)
    out = Renderer(config(timezone="UTC")).render_all(site)
    unit = out["figures/units/personnes/index.html"].decode()
    source = out["figures/sources/onu/index.html"].decode()
    for page in (unit, source):
        assert page.count('<svg class="chart"') == 1
        assert '<table class="chart-data">' in page
    assert "« personnes »" in unit
    overview = out["figures/index.html"].decode()
    assert '<a href="../figures/units/personnes/index.html">personnes</a>' in overview


def test_an_actor_page_charts_its_mentions_per_month_with_empty_months() -> None:
    site = _site(3)
    for n, item in enumerate(site.articles):  # January, March, April
        object.__setattr__(item.article, "date",
                           dt.datetime(2026, (1, 3, 4)[n], 10, tzinfo=dt.UTC))
    for item in site.articles:
        text = item.article.blocks[0].text
        start = text.index("ONU")
        item.annotations.entities.append(
            Entity("ONU", "organization", "ORG", start, start + 3, "b0", "fr", actor="onu"))
    page = Renderer(config(timezone="UTC")).render_all(site)["actors/onu/index.html"].decode()
    assert page.count('<svg class="chart"') == 1
    assert "ONU : mentions par mois" in page
    months = re.findall(r"<tr><td>mentions</td><td>([^<]+)</td><td>(\d+)</td></tr>", page)
    assert months == [("janv. 2026", "1"), ("févr. 2026", "0"), ("mars 2026", "1"),
                      ("avr. 2026", "1")]
