"""Related articles: shared distinctive actors, bounded work, shown and signed on the page."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.model import Actor, AnnotatedArticle, Annotations, Site
from site_builder.render import Renderer
from site_builder.render.pages import related_signature
from site_builder.render.related import MIN_SHARED, RELATED_ARTICLES, related_positions
from tests.test_render_support import config, entity, make_article

UTC = dt.UTC


def _site(named: list[list[str]]) -> Site:
    """One article per list, newest first, naming those actors once each."""
    items = []
    for n, actors in enumerate(named):
        body = " ".join(actors) + " ont été cités."
        article = make_article(body, slug=f"a{n}", title=f"Article {n}",
                               date=dt.datetime(2026, 3, 28 - n % 28, tzinfo=UTC))
        entities = [entity(article, "b0", a, "person", a) for a in actors]
        items.append(AnnotatedArticle(article, Annotations(entities=entities)))
    every = {a for actors in named for a in actors}
    return Site(articles=items, actors={a: Actor(a, a, "person") for a in every})


def test_rare_shared_actors_count_more_than_a_common_one() -> None:
    common = ["pays"]
    site = _site([
        [*common, "rare1", "rare2", "x"],   # 0
        [*common, "y", "z"],                 # 1: shares only the common actor
        [*common, "rare1", "rare2"],         # 2: shares two rare ones
        [*common, "x", "w"],                 # 3: shares the common one and x
        [*common, "v"], [*common, "u"], [*common, "t"],
    ])
    related = related_positions(site)
    assert related[0] == (2, 3)
    assert 0 in related[2] and 1 not in related[0]


def test_one_shared_actor_is_not_enough() -> None:
    assert MIN_SHARED == 2
    site = _site([["a", "b"], ["a", "c"], ["b", "d"]])
    assert related_positions(site) == [(), (), ()]


def test_ties_go_to_the_nearest_in_time_and_the_list_is_short() -> None:
    site = _site([["a", "b"] for _ in range(30)])
    related = related_positions(site)
    assert all(len(r) == RELATED_ARTICLES for r in related)
    assert related[10] == (9, 11, 8, 12)


@settings(max_examples=50)
@given(st.lists(st.lists(st.sampled_from("abcdefgh"), max_size=5, unique=True), max_size=25))
def test_related_is_never_the_article_itself_and_always_shares(named: list[list[str]]) -> None:
    site = _site(named)
    for position, related in enumerate(related_positions(site)):
        assert position not in related and len(set(related)) == len(related)
        assert len(related) <= RELATED_ARTICLES
        for other in related:
            assert len(set(named[position]) & set(named[other])) >= MIN_SHARED


def test_the_page_shows_them_and_its_signature_names_them() -> None:
    site = _site([["a", "b"], ["a", "b", "c"], ["d"]])
    renderer = Renderer(config())
    page = renderer.article_outputs(site, site.articles[0])["articles/a0/index.html"]
    html = page.decode("utf-8")
    assert '<section class="related-articles"' in html
    assert '<a href="../../articles/a1/index.html" lang="fr">Article 1</a>' in html
    assert "articles/a2/" not in html.split('class="related-articles"')[1].split("</section>")[0]
    before = related_signature(site.articles, renderer.related(site, site.articles[0]))
    # The title is part of what the page shows of a related article.
    renamed = _site([["a", "b"], ["a", "b", "c"], ["d"]])
    object.__setattr__(renamed.articles[1].article, "title", "Nouveau titre")
    after = related_signature(renamed.articles, renderer.related(renamed, renamed.articles[0]))
    assert before != after


def test_a_rebuild_naming_the_same_actors_reuses_the_last_answer(monkeypatch) -> None:
    import site_builder.render.renderer as renderer_module

    calls = []
    real = renderer_module.related_positions

    def counted(site, *args, **kwargs):
        calls.append(site)
        return real(site, *args, **kwargs)

    monkeypatch.setattr(renderer_module, "related_positions", counted)
    renderer = Renderer(config())
    first = _site([["a", "b"], ["a", "b", "c"], ["d"]])
    assert renderer.related(first, first.articles[0]) == (1,)
    again = _site([["a", "b"], ["a", "b", "c"], ["d"]])  # a preview rebuild: a new Site
    assert renderer.related(again, again.articles[0]) == (1,)
    assert len(calls) == 1
    changed = _site([["a", "b"], ["c"], ["a", "b", "d"]])
    assert renderer.related(changed, changed.articles[0]) == (2,)
    assert len(calls) == 2
