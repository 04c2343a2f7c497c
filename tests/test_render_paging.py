"""Site-wide pages that would grow with the site are split into pages with stable URLs."""

from __future__ import annotations

import datetime as dt

from site_builder.model import Actor, AnnotatedArticle, Annotations, Figure, Site
from site_builder.render import Renderer
from site_builder.render.site_pages import FIGURES_PER_PAGE, RECENT_FIGURES
from tests.test_render_support import Page, config, make_article

UTC = dt.UTC


def _site(n: int) -> Site:
    """`n` articles, newest first, each with one figure the ONU reported, all tagged "Syrie"."""
    items = []
    for i in range(n):
        text = f"Au moins {i + 10} personnes ont fui, selon l'ONU."
        article = make_article(text, slug=f"a{i:03d}", tags=("Syrie",),
                               date=dt.datetime(2026, 3, 1, tzinfo=UTC) - dt.timedelta(hours=i))
        figure = Figure(f"Au moins {i + 10} personnes", float(i + 10), "at_least", "personnes",
                        "b0", 0, len(f"Au moins {i + 10} personnes"), source="onu",
                        source_text="l'ONU")
        items.append(AnnotatedArticle(article, Annotations(figures=[figure])))
    return Site(articles=items, actors={"onu": Actor("onu", "ONU", "organization")})


def test_a_source_with_many_figures_gets_pages_linked_both_ways() -> None:
    n = FIGURES_PER_PAGE + 5
    out = Renderer(config(per_page=50)).render_all(_site(n))
    first = out["figures/sources/onu/index.html"].decode()
    second = out["figures/sources/onu/page/2/index.html"].decode()
    assert "figures/sources/onu/page/3/index.html" not in out
    assert first.count("<tr data-qualifier") == FIGURES_PER_PAGE
    assert second.count("<tr data-qualifier") == 5
    assert '<a rel="next" href="../../../figures/sources/onu/page/2/index.html">' in first
    assert '<a rel="prev" href="../../../../../figures/sources/onu/index.html">' in second
    assert "Page 2 / 2" in second
    # Every row's article link resolves from the deeper page too.
    for link in Page(second).links:
        if "articles/" in link:
            assert link.startswith("../../../../../articles/")
    overview = out["figures/index.html"].decode()
    assert overview.count("<tr data-qualifier") == RECENT_FIGURES
    assert f'<span class="count">{n}</span>' in overview


def test_tag_pages_follow_the_site_page_size() -> None:
    out = Renderer(config(per_page=2)).render_all(_site(5))
    assert "tags/syrie/page/3/index.html" in out and "tags/syrie/page/4/index.html" not in out
    first = out["tags/syrie/index.html"].decode()
    third = out["tags/syrie/page/3/index.html"].decode()
    assert first.count('<article class="article-card">') == 2
    assert third.count('<article class="article-card">') == 1
    assert '<a rel="next" href="../../tags/syrie/page/2/index.html">' in first
    assert '<a rel="prev" href="../../../../tags/syrie/page/2/index.html">' in third
