"""The actor network: who is named with whom, drawn at build time as static SVG.

`network/index.html` shows the `NETWORK_ACTORS` actors named in the most
articles, joined when they share at least `MIN_SHARED` articles, laid out by
networkx's force-directed layout with a fixed seed and coordinates rounded
to a tenth: the same site gives the same bytes. Only each actor's
`BACKBONE` strongest ties are drawn; the page lists them all. Each actor page shows its
own small network (its most related actors around it, on a circle). Every
node is a link to the actor's page, named for assistive technology; the
pages list the same ties as a table.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from html import escape
from itertools import combinations

import networkx as nx
from markupsafe import Markup

from site_builder.link import ActorIndex
from site_builder.model import ENTITY_KINDS, Actor

NETWORK_DIRECTORY = "network/"
NETWORK_ACTORS = 40
NETWORK_TABLE = 100  # the most shared ties the network page lists
MIN_SHARED = 2
EGO_ACTORS = 8
BACKBONE = 3  # ties drawn per actor, its strongest
SEED = 7
WIDTH, HEIGHT, MARGIN = 800, 560, 60
EGO_SIZE = 320


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    name: str
    kind: str
    href: str
    articles: int  # on the whole site; in an actor's own network, shared with that actor
    x: float
    y: float
    label: str = ""  # the link's name, when not the drawing's `label` format


@dataclass(frozen=True, slots=True)
class Tie:
    a: str
    b: str
    shared: int  # articles both are named in


@dataclass(frozen=True, slots=True)
class Network:
    nodes: tuple[Node, ...]
    ties: tuple[Tie, ...]  # drawn, most shared first
    all_ties: tuple[Tie, ...] = ()  # every tie, most shared first (the page's table)


def site_network(index: ActorIndex, actors: Mapping[str, Actor],
                 href: Mapping[str, str]) -> Network | None:
    """The most named actors and their ties; None with fewer than two tied actors."""
    named = sorted((a for a in actors if len(index.counts.get(a, {})) >= MIN_SHARED),
                   key=lambda a: (-len(index.counts[a]), a))[:NETWORK_ACTORS]
    articles = {a: frozenset(index.counts[a]) for a in named}
    ties = [Tie(a, b, len(articles[a] & articles[b])) for a, b in combinations(sorted(named), 2)]
    ties = [t for t in ties if t.shared >= MIN_SHARED]
    tied = sorted({t.a for t in ties} | {t.b for t in ties})
    if len(tied) < 2:
        return None
    ranked = sorted(ties, key=lambda t: (-t.shared, t.a, t.b))
    drawn = _backbone(ranked)
    graph = nx.Graph()
    graph.add_nodes_from(tied)
    graph.add_weighted_edges_from((t.a, t.b, t.shared) for t in drawn)
    # The seed makes the layout the same every build; a wide spring keeps names apart.
    spots = nx.spring_layout(graph, seed=SEED, iterations=300, weight="weight",
                             k=2.5 / math.sqrt(len(tied)))
    xs = [float(spots[a][0]) for a in tied]
    ys = [float(spots[a][1]) for a in tied]

    def onto(value: float, low: float, high: float, size: int) -> float:
        share = (value - low) / (high - low) if high > low else 0.5
        return round(MARGIN + share * (size - 2 * MARGIN), 1)

    nodes = tuple(
        Node(a, actors[a].name, _kind(actors[a]), href[a], len(articles[a]),
             onto(float(spots[a][0]), min(xs), max(xs), WIDTH),
             onto(float(spots[a][1]), min(ys), max(ys), HEIGHT))
        for a in tied)
    return Network(nodes, tuple(drawn), tuple(ranked))


def _backbone(ranked: Sequence[Tie], per_actor: int = BACKBONE) -> list[Tie]:
    """Each actor's `per_actor` strongest ties: in a news site almost everyone is named
    with almost everyone, and drawing every tie would show a ball of lines."""
    kept: list[Tie] = []
    degree: dict[str, int] = {}
    for tie in ranked:
        if degree.get(tie.a, 0) < per_actor or degree.get(tie.b, 0) < per_actor:
            kept.append(tie)
            degree[tie.a] = degree.get(tie.a, 0) + 1
            degree[tie.b] = degree.get(tie.b, 0) + 1
    return kept


def ego_network(actor: Actor, related: Sequence[tuple[Actor, int]], articles: int,
                href: Mapping[str, str], label: str, shared_label: str) -> Network | None:
    """`actor` (named in `articles` articles) in the middle, its first `EGO_ACTORS` related
    actors around it, each sized and named by the articles it shares with `actor`.

    `related` is (actor, shared articles), most shared first. Only counts the actor's
    page signature holds are shown: another actor's own total would go stale.
    """
    around = list(related)[:EGO_ACTORS]
    if len(around) < 2:
        return None
    middle = EGO_SIZE / 2
    radius = middle - 48
    nodes = [Node(actor.id, actor.name, _kind(actor), href[actor.id], articles, middle, middle,
                  label.format(name=actor.name, articles=articles))]
    for n, (other, shared) in enumerate(around):
        angle = -math.pi / 2 + 2 * math.pi * n / len(around)
        nodes.append(Node(other.id, other.name, _kind(other), href[other.id], shared,
                          round(middle + radius * math.cos(angle), 1),
                          round(middle + radius * math.sin(angle), 1),
                          shared_label.format(name=other.name, articles=shared)))
    ties = tuple(Tie(actor.id, other.id, shared) for other, shared in around)
    return Network(tuple(nodes), ties, ties)


def network_svg(network: Network, *, title: str, description: str, label: str,
                svg_id: str, width: int = WIDTH, height: int = HEIGHT) -> Markup:
    """The network as SVG: `label` names each node link ("{name}, {articles} articles")."""
    where = {node.id: node for node in network.nodes}
    heaviest = max(t.shared for t in network.ties)
    out = [f'<svg class="network" viewBox="0 0 {width} {height}" role="group" '
           f'aria-labelledby="{svg_id}-title {svg_id}-desc" xmlns="http://www.w3.org/2000/svg">',
           f'<title id="{svg_id}-title">{escape(title)}</title>',
           f'<desc id="{svg_id}-desc">{escape(description)}</desc>',
           '<g class="network-ties" aria-hidden="true">']
    for tie in network.ties:
        a, b = where[tie.a], where[tie.b]
        stroke = 1 + 4 * tie.shared / heaviest
        out.append(f'<line x1="{a.x}" y1="{a.y}" x2="{b.x}" y2="{b.y}" '
                   f'stroke-width="{stroke:.1f}"/>')
    out.append('</g><g class="network-nodes">')
    for node in network.nodes:
        radius = 5 + min(node.articles, 60) / 6
        # Never shortened: the visible name must be part of the link's name (WCAG 2.5.3).
        name = escape(node.name)
        spoken = escape(node.label or label.format(name=node.name, articles=node.articles))
        anchor = "end" if node.x > width * 0.6 else "start"
        dx = -radius - 3 if anchor == "end" else radius + 3
        out.append(f'<a href="{escape(node.href)}" aria-label="{spoken}">'
                   f'<circle cx="{node.x}" cy="{node.y}" r="{radius:.1f}" '
                   f'data-kind="{node.kind}"/>'
                   f'<text x="{node.x + dx:.1f}" y="{node.y + 4:.1f}" text-anchor="{anchor}">'
                   f'{name}</text></a>')
    out.append("</g></svg>")
    return Markup("\n".join(out))


def _kind(actor: Actor) -> str:
    return actor.kind if actor.kind in ENTITY_KINDS else "other"
