"""Site-wide pages that would grow with the site are split into pages with stable URLs."""

from __future__ import annotations

import datetime as dt

from site_builder.model import Actor, AnnotatedArticle, Annotations, Entity, Figure, Quote, Site
from site_builder.render import Renderer
from site_builder.render.actor_pages import ARTICLES_PER_PAGE, FIRST_PAGE_ROWS, QUOTES_PER_PAGE
from site_builder.render.site_pages import ACTORS_PER_PAGE, FIGURES_PER_PAGE, RECENT_FIGURES
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


def _quoted_site(n: int) -> Site:
    """`n` articles naming the ONU, each with a quote of it and a figure it reported."""
    site = _site(n)
    items = []
    for item in site.articles:
        text = item.article.blocks[0].text
        start = text.index("ONU")
        quote = Quote("ont fui", "b0", text.index("ont fui"), text.index("ont fui") + 7,
                      speaker="onu")
        mention = Entity("ONU", "organization", "ORG", start, start + 3, "b0", "fr", actor="onu")
        items.append(AnnotatedArticle(item.article, Annotations(
            figures=item.annotations.figures, quotes=[quote], entities=[mention])))
    return Site(articles=items, actors=site.actors)


def test_an_actor_named_everywhere_gets_pages_of_articles_and_of_quotes() -> None:
    n = ARTICLES_PER_PAGE + 5
    out = Renderer(config()).render_all(_quoted_site(n))
    first = out["actors/onu/index.html"].decode()
    second = out["actors/onu/page/2/index.html"].decode()
    assert "actors/onu/page/3/index.html" not in out
    assert first.count('<h3 lang="fr">') == ARTICLES_PER_PAGE
    assert second.count('<h3 lang="fr">') == 5
    assert f"<span>{n} articles</span>" in first and f"<span>{n} articles</span>" in second
    assert '<a rel="next" href="../../actors/onu/page/2/index.html">' in first
    assert '<a rel="prev" href="../../../../actors/onu/index.html">' in second
    # The first page shows the newest figures and quotes and links to all of them.
    assert first.count("<blockquote") == FIRST_PAGE_ROWS
    assert f'<a href="../../actors/onu/quotes/index.html">Toutes les citations ({n})</a>' in first
    assert '<a href="../../figures/sources/onu/index.html">Tous les chiffres rapportés' in first
    assert "<blockquote" not in second and "figure-table" not in second
    quotes = out["actors/onu/quotes/index.html"].decode()
    assert quotes.count("<blockquote") == n  # fewer than QUOTES_PER_PAGE: one page
    assert "actors/onu/quotes/page/2/index.html" not in out
    assert n < QUOTES_PER_PAGE
    assert '<a href="../../../articles/a000/index.html#q-b0-22">ont fui</a>' in quotes


def test_the_actors_index_is_paged_in_both_orders() -> None:
    article = make_article(" ".join(f"Nom{i}" for i in range(ACTORS_PER_PAGE + 3)) + ".",
                           slug="foule")
    text = article.blocks[0].text
    entities, actors = [], {}
    for i in range(ACTORS_PER_PAGE + 3):
        start = text.index(f"Nom{i} ") if f"Nom{i} " in text else text.index(f"Nom{i}.")
        kind = "person" if i % 2 else "place"
        entities.append(Entity(f"Nom{i}", kind, "PER", start, start + len(f"Nom{i}"), "b0",
                               "fr", actor=f"n{i}"))
        actors[f"n{i}"] = Actor(f"n{i}", f"Nom{i}", kind)
    site = Site([AnnotatedArticle(article, Annotations(entities=entities))], actors)
    out = Renderer(config()).render_all(site)
    for directory in ("actors/", "actors/by-mentions/"):
        first = out[directory + "index.html"].decode()
        second = out[directory + "page/2/index.html"].decode()
        assert directory + "page/3/index.html" not in out
        entry = '/index.html"><span class="swatch" data-kind='
        shown = first.count(entry) + second.count(entry)
        assert shown == ACTORS_PER_PAGE + 3
        assert f'<a rel="next" href="../{"" if directory == "actors/" else "../"}' \
            f'{directory}page/2/index.html">' in first
        # Links from the deeper page land on actor pages.
        assert f'<a href="../../../{"" if directory == "actors/" else "../"}actors/n' in second
        # Kind headings give the site-wide counts.
        assert f"({(ACTORS_PER_PAGE + 3) // 2})" in first


def test_each_page_of_a_figures_group_has_its_json_for_the_explorer() -> None:
    import json

    out = Renderer(config(per_page=50)).render_all(_site(FIGURES_PER_PAGE + 5))
    first = json.loads(out["api/figures/sources/onu/1.json"])["figures"]
    second = json.loads(out["api/figures/sources/onu/2.json"])["figures"]
    assert "api/figures/sources/onu/3.json" not in out
    assert (len(first), len(second)) == (FIGURES_PER_PAGE, 5)
    assert first[0]["value"] == 10.0 and second[-1]["value"] == FIGURES_PER_PAGE + 14
    assert first[0]["article_href"] == "articles/a000/index.html#fig-1"
    assert first[0]["source_href"] == "actors/onu/index.html"
    page = out["figures/sources/onu/page/2/index.html"].decode()
    assert 'data-shards="../../../../../api/figures/sources/onu/" data-pages="2"' in page
