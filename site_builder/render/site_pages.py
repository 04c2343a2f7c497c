"""What the site-wide annotation pages show: the actors index and the figures pages.

The figures overview (`figures/index.html`) lists the sources with their
counts and the newest figures; each source has its own pages
(`figures/sources/<actor>/`, then `figures/unlinked/` and
`figures/unsourced/`), `FIGURES_PER_PAGE` rows each, so no page grows with
the site.

The actors index is sortable without JavaScript: each ordering is its own
page (`actors/index.html` by name, `actors/by-mentions/index.html` by
mentions), and both link to each other as sort toggles. Names sort the way
a reader expects, accents and case aside ("Élysée" among the E's).
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal
from zoneinfo import ZoneInfo

from site_builder.config import Config
from site_builder.link import ActorIndex
from site_builder.model import ENTITY_KINDS, Actor, Site
from site_builder.render.actor_pages import actor_href
from site_builder.render.figure_marks import is_unsourced, source_name
from site_builder.render.figure_rows import FigureRow, figure_row
from site_builder.render.lookup import ReportedFigure
from site_builder.render.pages import article_link
from site_builder.render.snippets import BlockText, block_texts
from site_builder.render.urls import page_href, path_segment
from site_builder.slugs import slugify

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
    actors: tuple[ActorEntry, ...]  # on this page
    total: int = 0  # actors of this kind on the whole site


@dataclass(frozen=True, slots=True)
class SortLink:
    order: str
    label: str
    href: str
    current: bool


@dataclass(frozen=True, slots=True)
class FigureGroup:
    """The figures of one source (an actor), of sources without a page, or unsourced."""

    kind: Literal["actor", "unlinked", "unsourced", "unit"]
    title: str  # the actor's name, the unit as written, or the group's heading
    actor: str | None  # the source's actor id
    directory: str  # site-relative directory of the group's first page
    figures: tuple[ReportedFigure, ...]  # in the site's order, newest article first


@dataclass(frozen=True, slots=True)
class GroupLink:
    """A figure group as the figures overview lists it."""

    kind: str
    title: str
    href: str  # the group's first page
    actor_href: str | None
    count: int
    directory: str = ""  # site-relative directory of the group's pages


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


ACTORS_PER_PAGE = 400  # entries on a page of the actors index


def actor_index_pages(groups: list[KindGroup]) -> list[list[KindGroup]]:
    """The index cut into pages of `ACTORS_PER_PAGE` entries, kinds kept in order."""
    entries = [(group, entry) for group in groups for entry in group.actors]
    pages: list[list[KindGroup]] = []
    for start in range(0, len(entries), ACTORS_PER_PAGE):
        page: dict[str, list[ActorEntry]] = {}
        first_of: dict[str, KindGroup] = {}
        for group, entry in entries[start:start + ACTORS_PER_PAGE]:
            page.setdefault(group.kind, []).append(entry)
            first_of.setdefault(group.kind, group)
        pages.append([KindGroup(kind, first_of[kind].label, tuple(found),
                                len(first_of[kind].actors))
                      for kind, found in page.items()])
    return pages or [[]]


def sort_links(root: str, current: SortOrder, t: Mapping[str, str]) -> list[SortLink]:
    return [SortLink(order, t[f"sort_{order}"], page_href(root, directory), order == current)
            for order, directory in SORT_DIRECTORIES.items()]


FIGURES_PER_PAGE = 100  # rows on a page of one source's figures
RECENT_FIGURES = 30  # rows on the figures overview


def figure_groups(site: Site, t: Mapping[str, str]) -> list[FigureGroup]:
    """Every figure of the site: by source actor (by name), then named sources
    without an actor page, then unsourced figures; site order within a group."""
    by_actor: dict[str, list[ReportedFigure]] = {}
    unlinked: list[ReportedFigure] = []
    unsourced: list[ReportedFigure] = []
    for item in site.articles:
        for number, figure in enumerate(item.annotations.figures, start=1):
            entry = ReportedFigure(item, number, figure)
            source = figure.source
            if source is not None and source in site.actors:
                by_actor.setdefault(source, []).append(entry)
            elif is_unsourced(figure):
                unsourced.append(entry)
            else:
                unlinked.append(entry)
    groups = [
        FigureGroup("actor", site.actors[actor_id].name, actor_id,
                    f"{FIGURES_DIRECTORY}sources/{path_segment(actor_id)}/", tuple(entries))
        for actor_id, entries in sorted(
            by_actor.items(), key=lambda pair: (name_key(site.actors[pair[0]].name), pair[0]))
    ]
    if unlinked:
        groups.append(FigureGroup("unlinked", t["unlinked_sources"], None,
                                  f"{FIGURES_DIRECTORY}unlinked/", tuple(unlinked)))
    if unsourced:
        groups.append(FigureGroup("unsourced", t["unsourced_figures"], None,
                                  f"{FIGURES_DIRECTORY}unsourced/", tuple(unsourced)))
    return groups


UNITS_ON_OVERVIEW = 40  # the most reported units the figures overview links to


def unit_groups(site: Site) -> list[FigureGroup]:
    """The figures by what they count ("civils tués", "déplacés"), most reported first.

    Units are compared by their slug (case and accents aside); a group is
    titled with its most frequent spelling. Figures with no unit have none.
    """
    by_unit: dict[str, list[ReportedFigure]] = {}
    spellings: dict[str, dict[str, int]] = {}
    for item in site.articles:
        for number, figure in enumerate(item.annotations.figures, start=1):
            key = slugify(figure.unit)
            if not key:
                continue
            by_unit.setdefault(key, []).append(ReportedFigure(item, number, figure))
            seen = spellings.setdefault(key, {})
            seen[figure.unit] = seen.get(figure.unit, 0) + 1
    groups = []
    for key, entries in sorted(by_unit.items(), key=lambda pair: (-len(pair[1]), pair[0])):
        title = min(spellings[key], key=lambda unit: (-spellings[key][unit], unit))
        groups.append(FigureGroup("unit", title, None, f"{FIGURES_DIRECTORY}units/{key}/",
                                  tuple(entries)))
    return groups


def chart_points(group: FigureGroup, site: Site, config: Config,
                 t: Mapping[str, str]) -> list[tuple[str, dt.date, float]]:
    """(line, day, value) for the group's chart: a source's figures by unit, a unit's by source."""
    zone = ZoneInfo(config.timezone)
    points = []
    for entry in group.figures:
        if is_unsourced(entry.figure):
            continue  # who reported how many: a figure nobody reported has no line
        when = entry.item.article.date.astimezone(zone).date()
        if group.kind == "unit":
            line = source_name(entry.figure, site.actors) or entry.figure.source_text
        else:
            line = entry.figure.unit or t["col_figure"]
        points.append((line, when, entry.figure.value))
    return points


def group_links(groups: Sequence[FigureGroup], root: str) -> list[GroupLink]:
    return [GroupLink(g.kind, g.title, page_href(root, g.directory),
                      actor_href(root, g.actor) if g.actor else None, len(g.figures),
                      g.directory)
            for g in groups]


def recent_figures(site: Site, limit: int = RECENT_FIGURES) -> list[ReportedFigure]:
    """The figures of the newest articles, in the site's order."""
    found: list[ReportedFigure] = []
    for item in site.articles:
        for number, figure in enumerate(item.annotations.figures, start=1):
            if len(found) == limit:
                return found
            found.append(ReportedFigure(item, number, figure))
    return found


def figure_rows(figures: Sequence[ReportedFigure], site: Site, root: str, config: Config,
                t: Mapping[str, str],
                texts: dict[str, Mapping[str, BlockText]] | None = None) -> list[FigureRow]:
    """Table rows for `figures` on a page at `root` (each links to its article).

    `texts` caches each article's block texts by slug: pass one dict to every
    call of a build, since a figure is on its source's pages, its unit's and
    their JSON.
    """
    rows = []
    texts = {} if texts is None else texts
    for entry in figures:
        slug = entry.item.article.slug
        if slug not in texts:
            texts[slug] = block_texts(entry.item)
        rows.append(figure_row(entry.item, entry.number, entry.figure, actors=site.actors,
                               root=root, lang=config.language, t=t, texts=texts[slug],
                               article=article_link(entry.item, root, config)))
    return rows
