"""What the site-wide annotation pages show: the actors index and the figures index.

The actors index is sortable without JavaScript: each ordering is its own
page (`actors/index.html` by name, `actors/by-mentions/index.html` by
mentions), and both link to each other as sort toggles. Names sort the way
a reader expects, accents and case aside ("Élysée" among the E's).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from site_builder.config import Config
from site_builder.link import ActorIndex
from site_builder.model import ENTITY_KINDS, Actor, Site
from site_builder.render.actor_pages import actor_href
from site_builder.render.figure_rows import FigureRow, figure_row
from site_builder.render.pages import article_link
from site_builder.render.snippets import block_texts
from site_builder.render.urls import page_href

SortOrder = Literal["name", "mentions"]
SORT_DIRECTORIES: dict[SortOrder, str] = {"name": "actors/", "mentions": "actors/by-mentions/"}
FIGURES_DIRECTORY = "figures/"


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str
    kind: str
    href: str
    mentions: int
    articles: int


@dataclass(frozen=True, slots=True)
class KindGroup:
    kind: str
    label: str  # the kind's plural heading ("Personnes")
    actors: tuple[ActorEntry, ...]


@dataclass(frozen=True, slots=True)
class SortLink:
    order: str
    label: str
    href: str
    current: bool


@dataclass(frozen=True, slots=True)
class FigureGroup:
    kind: Literal["actor", "unlinked", "unsourced"]
    title: str  # the actor's name, or the group's heading
    href: str | None  # the actor's page
    rows: tuple[FigureRow, ...]


def name_key(name: str) -> tuple[str, str]:
    """Sort key of a name: without accents and case first, then as written."""
    bare = "".join(c for c in unicodedata.normalize("NFKD", name)
                   if not unicodedata.combining(c))
    return bare.casefold(), name


def actor_groups(
    actors: Mapping[str, Actor], index: ActorIndex, root: str, t: Mapping[str, str],
    order: SortOrder,
) -> list[KindGroup]:
    """Actors by kind (in the legend's order), each group sorted by `order`."""
    groups: dict[str, list[ActorEntry]] = {kind: [] for kind in ENTITY_KINDS}
    for actor in actors.values():
        kind = actor.kind if actor.kind in groups else "other"
        counts = index.counts.get(actor.id, {})
        groups[kind].append(ActorEntry(actor.id, actor.name, kind, actor_href(root, actor.id),
                                       sum(counts.values()), len(counts)))
    result = []
    for kind, entries in groups.items():
        if not entries:
            continue
        if order == "mentions":
            entries.sort(key=lambda e: (-e.mentions, -e.articles, name_key(e.name), e.id))
        else:
            entries.sort(key=lambda e: (name_key(e.name), e.id))
        result.append(KindGroup(kind, t[f"kind_{kind}"], tuple(entries)))
    return result


def sort_links(root: str, current: SortOrder, t: Mapping[str, str]) -> list[SortLink]:
    return [SortLink(order, t[f"sort_{order}"], page_href(root, directory), order == current)
            for order, directory in SORT_DIRECTORIES.items()]


def figure_groups(
    site: Site, root: str, config: Config, t: Mapping[str, str]
) -> list[FigureGroup]:
    """Every figure of the site: by source actor (by name), then named sources
    without an actor page, then unsourced figures; site order within a group."""
    by_actor: dict[str, list[FigureRow]] = {}
    unlinked: list[FigureRow] = []
    unsourced: list[FigureRow] = []
    for item in site.articles:
        texts = block_texts(item)
        link = article_link(item, root, config)
        for number, figure in enumerate(item.annotations.figures, start=1):
            row = figure_row(item, number, figure, actors=site.actors, root=root,
                             lang=config.language, t=t, texts=texts, article=link)
            source = figure.source
            if source is not None and source in site.actors:
                by_actor.setdefault(source, []).append(row)
            elif row.unsourced:
                unsourced.append(row)
            else:
                unlinked.append(row)
    groups = [
        FigureGroup("actor", site.actors[actor_id].name, actor_href(root, actor_id), tuple(rows))
        for actor_id, rows in sorted(
            by_actor.items(), key=lambda pair: (name_key(site.actors[pair[0]].name), pair[0]))
    ]
    if unlinked:
        groups.append(FigureGroup("unlinked", t["unlinked_sources"], None, tuple(unlinked)))
    if unsourced:
        groups.append(FigureGroup("unsourced", t["unsourced_figures"], None, tuple(unsourced)))
    return groups
