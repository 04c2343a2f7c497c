"""The actor network and each actor's own: deterministic, linked, named, bounded."""

from __future__ import annotations

import re

from site_builder.link import actor_index
from site_builder.model import Actor, AnnotatedArticle, Annotations, Site
from site_builder.render import Renderer
from site_builder.render.network import (
    BACKBONE,
    NETWORK_ACTORS,
    ego_network,
    network_svg,
    site_network,
)
from tests.test_render_support import config, entity, make_article


def _site(named: list[list[str]]) -> Site:
    items = []
    for n, actors in enumerate(named):
        article = make_article(" ".join(actors) + " ont été cités.", slug=f"a{n}")
        items.append(AnnotatedArticle(article, Annotations(
            entities=[entity(article, "b0", a, "person", a) for a in actors])))
    every = {a for actors in named for a in actors}
    return Site(articles=items, actors={a: Actor(a, a.upper(), "person") for a in every})


STAR = [["hub", "x1", "x2"], ["hub", "x1", "x3"], ["hub", "x2", "x3"], ["hub", "x1"],
        ["hub", "x2"], ["solo", "hub"]]


def test_ties_need_two_shared_articles_and_the_layout_is_stable() -> None:
    site = _site(STAR)
    index = actor_index(site.articles, site.actors)
    href = {a: f"../actors/{a}/index.html" for a in site.actors}
    network = site_network(index, site.actors, href)
    assert network is not None
    assert {n.id for n in network.nodes} == {"hub", "x1", "x2", "x3"}  # "solo": one article
    assert ("hub", "x1", 3) in [(t.a, t.b, t.shared) for t in network.all_ties]
    assert all(t.shared >= 2 for t in network.all_ties)
    again = site_network(index, site.actors, href)
    assert again == network
    svg = str(network_svg(network, title="Réseau", description="Qui avec qui.",
                          label="{name}, {articles} articles", svg_id="n"))
    assert svg == str(network_svg(again, title="Réseau", description="Qui avec qui.",
                                  label="{name}, {articles} articles", svg_id="n"))
    assert 'role="group" aria-labelledby="n-title n-desc"' in svg
    assert '<a href="../actors/hub/index.html" aria-label="HUB, 6 articles">' in svg
    for x, y in re.findall(r'<circle cx="([\d.]+)" cy="([\d.]+)"', svg):
        assert 0 <= float(x) <= 800 and 0 <= float(y) <= 560


def test_only_each_actor_s_strongest_ties_are_drawn() -> None:
    named = [[f"p{i}" for i in range(12)] for _ in range(3)]
    site = _site(named)
    index = actor_index(site.articles, site.actors)
    network = site_network(index, site.actors, {a: a for a in site.actors})
    assert network is not None
    assert len(network.all_ties) == 66  # every pair shares three articles
    degree: dict[str, int] = {}
    for tie in network.ties:
        degree[tie.a] = degree.get(tie.a, 0) + 1
        degree[tie.b] = degree.get(tie.b, 0) + 1
    assert min(degree.values()) >= BACKBONE and len(network.ties) < 66


def test_the_network_keeps_the_most_named_actors() -> None:
    named = [[f"p{i}", f"p{i + 1}"] for i in range(NETWORK_ACTORS + 20)] * 2
    site = _site(named)
    index = actor_index(site.articles, site.actors)
    network = site_network(index, site.actors, {a: a for a in site.actors})
    assert network is not None and len(network.nodes) <= NETWORK_ACTORS


def test_ego_network_and_pages() -> None:
    site = _site(STAR)
    out = Renderer(config()).render_all(site)
    page = out["network/index.html"].decode()
    assert page.count('<svg class="network"') == 1
    assert '<table class="ties">' in page and "<td>3</td>" in page
    hub = out["actors/hub/index.html"].decode()
    assert hub.count('<svg class="network"') == 1
    # Around the actor, each is sized and named by the articles it shares with it: a
    # count the actor page's signature holds (another actor's own total would go stale).
    assert '<a href="../../actors/x1/index.html" aria-label="X1, 3 articles en commun">' in hub
    assert '<a href="../../actors/hub/index.html" aria-label="HUB, 6 articles">' in hub
    few = ego_network(site.actors["solo"], [(site.actors["hub"], 1)], 1, {"solo": ""},
                      "{name}", "{name}")
    assert few is None  # one neighbour is no network
    assert "network/index.html" in out["actors/index.html"].decode()
