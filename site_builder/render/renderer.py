"""The render stage: a linked `Site` in, output files as bytes out.

`Renderer` is pure apart from reading templates and image headers: it
writes nothing, and the same site gives the same bytes. Keys of the returned
mappings are output-relative POSIX paths; the publish stage writes them.

`render_all` gives every file. For incremental builds the same files come
in parts: `article_outputs` per article, `actor_outputs` per actor (with
`actor_signature` to tell which changed), `site_outputs` and
`listing_outputs` for the pages that list everything, `static_outputs`.
Pass one `ActorIndex` (and `SiteLookup`) to all of them for a build.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Mapping, Sequence
from typing import Any
from zoneinfo import ZoneInfo

import jinja2
from markupsafe import Markup

from site_builder.config import Config
from site_builder.content.files import discover
from site_builder.errors import ContentError, Problem, SiteError
from site_builder.link import ActorIndex, ArticleActor, actor_index
from site_builder.memo import Memo
from site_builder.model import Actor, AnnotatedArticle, Site
from site_builder.render import export, feeds
from site_builder.render.actor_pages import (
    RelatedActor,
    actor_href,
    actor_page,
    actor_quotes,
    article_pages,
    mentions_by_article,
    quote_pages,
)
from site_builder.render.anchors import AnchorMemo
from site_builder.render.charts import Chart, Labels, Point, Series, chart, series_of
from site_builder.render.context import BodyContext
from site_builder.render.environment import (
    compile_all,
    make_environment,
    render_error,
    search_path,
)
from site_builder.render.figure_rows import figure_row
from site_builder.render.i18n import counted, load_catalogs, local_number, short_date, short_month
from site_builder.render.images import ImageResolver
from site_builder.render.jsonld import news_article, script_json
from site_builder.render.links import article_paths
from site_builder.render.lookup import SiteLookup, site_lookup
from site_builder.render.markdown import body_anchors, make_render_markdown, render_body
from site_builder.render.network import (
    EGO_SIZE,
    NETWORK_DIRECTORY,
    NETWORK_TABLE,
    ego_network,
    network_svg,
    site_network,
)
from site_builder.render.pages import (
    RankedActor,
    SiteInfo,
    TagLink,
    actor_refs,
    article_actors,
    article_link,
    entity_kinds,
    group_tags,
    neighbours,
    page_directory,
    paginate,
    pagination,
    reading_minutes,
)
from site_builder.render.related import named_actors, related_positions
from site_builder.render.site_pages import (
    FIGURES_DIRECTORY,
    FIGURES_PER_PAGE,
    SORT_DIRECTORIES,
    UNITS_ON_OVERVIEW,
    FigureGroup,
    actor_groups,
    actor_index_pages,
    chart_points,
    figure_groups,
    figure_rows,
    group_links,
    recent_figures,
    sort_links,
    unit_groups,
)
from site_builder.render.snippets import BlockText, block_texts
from site_builder.render.urls import article_slug, base_path, is_safe_segment, page_href, root_of

# Theme files copied as they are (after site overrides), not rendered.
STATIC_FILES = ("style.css", "site.js", "theme.js", "favicon.svg")
SEARCH_PAGE = "search/index.html"


class Renderer:
    """Renders pages, feeds and the JSON export of a site.

    `warnings` collects the non-fatal problems met while rendering (images
    left out or missing); `render_all` starts a fresh list.
    """

    def __init__(self, config: Config, *, dev: bool = False, memo: Memo | None = None,
                 memo_salt: str = "") -> None:
        self.config = config
        self.dev = dev
        self.env = make_environment(config, dev=dev)
        compile_all(self.env, config)
        # Formatted like every other build warning ("path:line: message — hint").
        self.warnings: list[str] = []
        self._images = ImageResolver(config.content_dir)
        self._md = make_render_markdown()
        # Loaded once per Renderer: a changed catalog is a template change, which makes a new one.
        self._catalogs = load_catalogs(search_path(config), config.site_dir)
        self._t = self._catalogs.words(config.language)  # pages over the whole site
        # The ids of each article body, for actor pages' links into articles.
        self._anchors = AnchorMemo(memo, f"{memo_salt}\0dev={dev}")
        # What body links resolve against (render/links.py): see use_assets, _article_paths.
        self._content_assets: frozenset[str] | None = None
        self._paths: tuple[Site, dict[str, str]] | None = None
        self._positions: tuple[Site, dict[int, int]] | None = None
        # The site, what related.py read of it, and its answer (related()).
        self._related: tuple[Site, tuple[frozenset[str], ...], list[tuple[int, ...]]] | None \
            = None

    # ------------------------------------------------------------------ public API

    def render_all(self, site: Site) -> dict[str, bytes]:
        """Every output file of the site."""
        self.warnings = []
        index = actor_index(site.articles, site.actors)
        lookup = site_lookup(site)
        outputs: dict[str, bytes] = {}
        for item in site.articles:
            outputs.update(self.article_outputs(site, item, index))
        outputs.update(self.listing_outputs(site))
        outputs.update(self.site_outputs(site, index))
        for actor_id in site.actors:
            outputs.update(self.actor_outputs(site, index, actor_id, lookup))
        outputs.update(self.static_outputs())
        return dict(sorted(outputs.items()))

    def article_outputs(self, site: Site, item: AnnotatedArticle,
                        index: ActorIndex | None = None) -> dict[str, bytes]:
        """The article's page and its JSON annotation file.

        `index` is the site's `ActorIndex`; without it, the article's own is computed.
        """
        article = item.article
        slug = article_slug(article)
        path = f"articles/{slug}/index.html"
        root = root_of(path)
        lang = article.lang  # the page speaks its article's language
        t = self._catalogs.words(lang)
        ctx = self._body_context(site, item, root)
        body = Markup(render_body(ctx, self._md).strip())
        self._warn(ctx.warnings)
        anchors = frozenset(ctx.anchors)
        self._anchors.put(item, site.actors, anchors)
        ranked = [
            RankedActor(a.id, a.name, a.kind, actor_href(root, a.id), n.mentions)
            for n in self._ranked(site, item, index) if (a := site.actors.get(n.actor))
        ]
        annotations = item.annotations
        texts = block_texts(item)
        figure_rows = [
            figure_row(item, number, figure, actors=site.actors, root=root,
                       lang=lang, t=t, texts=texts, anchors=anchors)
            for number, figure in enumerate(annotations.figures, start=1)
        ]
        json_ld = script_json(news_article(
            article, [site.actors[r.id] for r in ranked], self.config, t))
        newer, older = neighbours(site.articles, self._position(site, item), root)
        related = [article_link(site.articles[i], root, self.config)
                   for i in self.related(site, item)]
        html = self._render(
            "article.html", path, page_lang=lang,
            article=article,
            link=article_link(item, root, self.config),
            body=body,
            annotations=annotations,
            kinds=entity_kinds(item),
            actors=actor_refs(article_actors(item, site.actors), root),
            all_actors=site.actors,
            ranked_actors=ranked,
            figures=annotations.figures,
            figure_rows=figure_rows,
            quotes=annotations.quotes,
            json_ld=json_ld,
            json_href=root + export.annotations_path(slug),
            reading_minutes=reading_minutes(article),
            newer=newer,
            older=older,
            related=related,
        )
        document = export.article_document(item, site.actors, self.config)
        return {path: html, export.annotations_path(slug): export.dumps(document)}

    def actor_outputs(self, site: Site, index: ActorIndex, actor_id: str,
                      lookup: SiteLookup | None = None) -> dict[str, bytes]:
        """One actor's pages. `lookup` (`site_lookup(site)`) saves a pass over the site."""
        actor = site.actors[actor_id]
        if not is_safe_segment(actor.id):
            raise ContentError(Problem.at(
                "content/actors.yml", 1, f"actor id {actor.id!r} is not a safe file name",
                "use only letters, digits, '-', '_' and '.' in ids"))
        lookup = lookup or site_lookup(site)
        base = f"actors/{actor.id}/"
        outputs: dict[str, bytes] = {}
        pages = article_pages(index, actor.id)
        mentions = mentions_by_article(index, actor.id)
        for number in range(1, pages + 1):
            path = base + page_directory(number) + "index.html"
            root = root_of(path)
            page = actor_page(
                actor, index, lookup, site.actors, root=root, config=self.config, t=self._t,
                anchors_of=lambda item: self._anchors_of(site, item), page=number,
                mentions=mentions,
            )
            first = number == 1
            outputs[path] = self._render(
                "actor.html", path, actor=page,
                ego=self._ego(site, index, actor.id, root, page.related) if first else None,
                mentions_chart=self._mentions_chart(actor, index, lookup) if first else None,
                pagination=pagination(number, pages, root, base))
        quotes = quote_pages(lookup, actor.id)
        for number in range(1, quotes + 1):
            path = base + "quotes/" + page_directory(number) + "index.html"
            root = root_of(path)
            rows = actor_quotes(actor, lookup, root=root, config=self.config, page=number,
                                anchors_of=lambda item: self._anchors_of(site, item))
            outputs[path] = self._render(
                "actor_quotes.html", path, actor=actor_refs([actor], root)[0], quotes=rows,
                count=len(lookup.quotes.get(actor.id, [])),
                pagination=pagination(number, quotes, root, base + "quotes/"))
        return outputs

    def site_outputs(self, site: Site, index: ActorIndex) -> dict[str, bytes]:
        """The pages over all actors and figures, api/actors.json and api/actor-counts.json."""
        outputs: dict[str, bytes] = {}
        for order, directory in SORT_DIRECTORIES.items():
            # Hrefs depend on the page's depth: the first page's, and the later pages' own.
            first = actor_index_pages(actor_groups(
                site.actors, index, root_of(directory + "index.html"), self._t, order))
            total = len(first)
            later = actor_index_pages(actor_groups(
                site.actors, index, root_of(directory + page_directory(2) + "index.html"),
                self._t, order)) if total > 1 else first
            for number in range(1, total + 1):
                path = directory + page_directory(number) + "index.html"
                root = root_of(path)
                pages = first if number == 1 else later
                outputs[path] = self._render(
                    "actors.html", path,
                    groups=pages[number - 1],
                    sort_links=sort_links(root, order, self._t),
                    order=order,
                    pagination=pagination(number, total, root, directory),
                )
        groups = figure_groups(site, self._t)
        units = unit_groups(site)
        texts: dict[str, Mapping[str, BlockText]] = {}  # every figure is in several tables
        path = FIGURES_DIRECTORY + "index.html"
        root = root_of(path)
        outputs[path] = self._render(
            "figures.html", path, groups=group_links(groups, root),
            units=group_links(units[:UNITS_ON_OVERVIEW], root),
            recent=figure_rows(recent_figures(site), site, root, self.config, self._t, texts),
            total=sum(len(g.figures) for g in groups))
        for group in [*groups, *units]:
            chunks = paginate(group.figures, FIGURES_PER_PAGE)
            for number, chunk in enumerate(chunks, start=1):
                outputs[export.figure_shard_path(group.directory, number)] = export.dumps(
                    export.figure_shard(figure_rows(chunk, site, "", self.config, self._t,
                                                    texts)))
                path = group.directory + page_directory(number) + "index.html"
                root = root_of(path)
                outputs[path] = self._render(
                    "figure_group.html", path, group=group_links([group], root)[0],
                    rows=figure_rows(chunk, site, root, self.config, self._t, texts),
                    pagination=pagination(number, len(chunks), root, group.directory),
                    chart=self._chart(group, site) if number == 1 else None)
        outputs.update(self._network_page(site, index))
        outputs[export.ACTORS_PATH] = export.dumps(
            export.actors_document(site, index, self.config))
        outputs[export.COUNTS_PATH] = export.dumps(export.actor_counts_document(site, index))
        return outputs

    def listing_outputs(self, site: Site) -> dict[str, bytes]:
        """Home and its pages, tag pages, feed, sitemap and the JSON index."""
        config = self.config
        outputs: dict[str, bytes] = {}
        chunks = paginate(site.articles, config.per_page)
        for number, chunk in enumerate(chunks, start=1):
            path = page_directory(number) + "index.html"
            root = root_of(path)
            outputs[path] = self._render(
                "index.html", path,
                articles=[article_link(i, root, config) for i in chunk],
                pagination=pagination(number, len(chunks), root),
            )
        groups = group_tags(site.articles)
        path = "tags/index.html"
        root = root_of(path)
        outputs[path] = self._render("tags.html", path, tags=[
            TagLink(g.name, g.slug, page_href(root, f"tags/{g.slug}/"), len(g.articles))
            for g in groups
        ])
        for group in groups:
            base = f"tags/{group.slug}/"
            tag_pages = paginate(group.articles, config.per_page)
            for number, chunk in enumerate(tag_pages, start=1):
                path = base + page_directory(number) + "index.html"
                root = root_of(path)
                outputs[path] = self._render(
                    "tag.html", path,
                    tag=TagLink(group.name, group.slug, page_href(root, base),
                                len(group.articles)),
                    articles=[article_link(i, root, config) for i in chunk],
                    pagination=pagination(number, len(tag_pages), root, base),
                )
        outputs["feed.xml"] = self._render("feed.xml", "feed.xml", feed=feeds.feed(site, config))
        outputs["sitemap.xml"] = self._render("sitemap.xml", "sitemap.xml",
                                              urls=feeds.sitemap(site, config))
        outputs["api/articles.json"] = export.dumps(export.index_document(site, config))
        return outputs

    def static_outputs(self) -> dict[str, bytes]:
        """404.html, the search page and the theme's static files."""
        # 404.html is served for missing paths at any depth, so its links
        # start from the site's base path rather than a relative root.
        outputs = {"404.html": self._render("404.html", "404.html",
                                            root=base_path(self.config.base_url))}
        # The search page only loads the index (search.py) in the browser.
        outputs[SEARCH_PAGE] = self._render("search.html", SEARCH_PAGE)
        loader = self.env.loader
        assert loader is not None  # make_environment always sets one
        for name in STATIC_FILES:
            try:
                source, _, _ = loader.get_source(self.env, name)
            except jinja2.TemplateNotFound as exc:
                raise render_error(exc, name, self.config) from exc
            outputs[name] = source.encode("utf-8")
        return outputs

    def use_assets(self, assets: Collection[str]) -> None:
        """The content-relative paths the publish stage copies (links to them are rewritten).

        Without it, content/ is listed once, the first time a link needs it.
        """
        self._content_assets = frozenset(assets)

    @property
    def assets(self) -> list[str]:
        """Content-relative paths of the local images the rendered pages use."""
        return self._images.used

    # ------------------------------------------------------------------ internals

    def _render(self, name: str, path: str, *, page_lang: str | None = None,
                **context: Any) -> bytes:
        """Template `name` as the page at `path`, in `page_lang` (default: the site's)."""
        base = self.config.base_url
        directory = path.removesuffix("index.html")
        lang = page_lang or self.config.language
        t = self._catalogs.words(lang)
        self._warn(self._catalogs.gaps(lang))
        values: dict[str, Any] = {
            "root": root_of(path),
            "site": SiteInfo.of(self.config),
            "lang": lang,
            "t": t,
            "kind_labels": self._catalogs.kind_labels(lang),
            "canonical": base + directory if base and path.endswith("index.html") else None,
            "dev": self.dev,
            "counted": lambda n, word: counted(n, word, lang, t),
            "number": lambda value: local_number(float(value), lang),
        }
        values.update(context)
        try:
            return self.env.get_template(name).render(values).encode("utf-8")
        except SiteError:
            raise
        except Exception as exc:
            raise render_error(exc, name, self.config) from exc

    def _body_context(self, site: Site, item: AnnotatedArticle, root: str) -> BodyContext:
        return BodyContext(article=item.article, root=root, annotations=item.annotations,
                           actors=site.actors, images=self._images,
                           articles=self._article_paths(site), is_asset=self._is_asset,
                           catalogs=self._catalogs, dev=self.dev)

    def _article_paths(self, site: Site) -> dict[str, str]:
        # Once per site, not once per page: every page of a build shares it.
        if self._paths is None or self._paths[0] is not site:
            self._paths = (site, article_paths(site))
        return self._paths[1]

    def related(self, site: Site, item: AnnotatedArticle) -> tuple[int, ...]:
        """The positions in `site.articles` of the articles related to `item` (related.py)."""
        # Once per site: the builder asks first, for the pages' signatures, and the
        # render workers it forks inherit the answer.
        if self._related is None or self._related[0] is not site:
            # A preview edit rarely changes which actors the articles name: the
            # last site's answer stands when nothing it read changed.
            named = named_actors(site)
            if self._related is None or self._related[1] != named:
                self._related = (site, named, related_positions(site, named=named))
            else:
                self._related = (site, named, self._related[2])
        position = self._position(site, item)
        return self._related[2][position] if position >= 0 else ()

    def _network_page(self, site: Site, index: ActorIndex) -> dict[str, bytes]:
        path = NETWORK_DIRECTORY + "index.html"
        root = root_of(path)
        href = {a: actor_href(root, a) for a in site.actors}
        network = site_network(index, site.actors, href)
        t = self._t
        svg = network_svg(network, title=t["network"], description=t["network_desc"].format(
            n=len(network.nodes)), label=t["network_node"], svg_id="network") \
            if network is not None else None
        names = {a: site.actors[a].name for a in site.actors}
        ties = [(names[tie.a], href[tie.a], names[tie.b], href[tie.b], tie.shared)
                for tie in (network.all_ties[:NETWORK_TABLE] if network else ())]
        return {path: self._render("network.html", path, svg=svg, ties=ties,
                                   actors=len(network.nodes) if network else 0)}

    def _ego(self, site: Site, index: ActorIndex, actor_id: str, root: str,
             related: Sequence[RelatedActor]) -> Markup | None:
        """The actor among those it is named with most often (network.py)."""
        actor = site.actors[actor_id]
        ids = [actor_id, *(r.id for r in related)]
        t = self._t
        network = ego_network(actor, [(site.actors[r.id], r.articles) for r in related],
                              len(index.counts.get(actor_id, {})),
                              {a: actor_href(root, a) for a in ids},
                              t["network_node"], t["ego_node"])
        if network is None:
            return None
        return network_svg(network, title=t["ego_title"].format(name=actor.name),
                           description=t["ego_desc"].format(name=actor.name),
                           label=t["network_node"], svg_id="ego", width=EGO_SIZE,
                           height=EGO_SIZE)

    def _mentions_chart(self, actor: Actor, index: ActorIndex,
                        lookup: SiteLookup) -> Chart | None:
        """The actor's mentions per month, months without any at 0 (charts.py)."""
        zone = ZoneInfo(self.config.timezone)
        months: dict[dt.date, int] = {}
        for slug, mentions in index.counts.get(actor.id, {}).items():
            item = lookup.articles.get(slug)
            if item is not None:
                month = item.article.date.astimezone(zone).date().replace(day=1)
                months[month] = months.get(month, 0) + mentions
        if len(months) < 2:
            return None
        month, last = min(months), max(months)
        while month < last:  # every month in between, so a silence shows as one
            month = (month + dt.timedelta(days=32)).replace(day=1)
            months.setdefault(month, 0)
        lang, t = self.config.language, self._t
        words = Labels(title=t["mentions_chart"].format(name=actor.name),
                       description=t["mentions_chart_desc"],
                       number=lambda value: local_number(value, lang),
                       date=lambda when: short_month(when, lang))
        line = Series(t["mention_other"], tuple(Point(m, float(n)) for m, n in months.items()))
        return chart([line], words, "mentions")

    def _chart(self, group: FigureGroup, site: Site) -> Chart | None:
        """A source's figures by unit, or a unit's by source, over time (charts.py)."""
        if group.kind not in ("actor", "unit"):
            return None
        lang, t = self.config.language, self._t
        lines = series_of(chart_points(group, site, self.config, t))
        words = Labels(
            title=t["chart_title"].format(name=group.title),
            description=t["chart_by_source" if group.kind == "unit" else "chart_by_unit"],
            number=lambda value: local_number(value, lang),
            date=lambda when: short_date(when, lang))
        return chart(lines, words, "chart")

    def _position(self, site: Site, item: AnnotatedArticle) -> int:
        """Where `item` is in the site's order (newest first); -1 for an article not in it."""
        # Once per site, not once per page: a scan per page would be quadratic.
        if self._positions is None or self._positions[0] is not site:
            self._positions = (site, {id(other): i for i, other in enumerate(site.articles)})
        return self._positions[1].get(id(item), -1)

    def _is_asset(self, local: str) -> bool:
        if self._content_assets is None:
            content_dir = self.config.content_dir
            self._content_assets = frozenset(
                p.relative_to(content_dir).as_posix() for p in discover(content_dir).assets)
        return local in self._content_assets

    def remember_anchors(self, site: Site, item: AnnotatedArticle,
                         anchors: frozenset[str]) -> None:
        """The ids of a body rendered elsewhere (a worker process, see pool.py)."""
        self._anchors.put(item, site.actors, anchors)

    def anchors(self, site: Site, item: AnnotatedArticle) -> frozenset[str]:
        """The ids of the article's body: remembered from its last render, else parsed."""
        return self._anchors_of(site, item)

    def _anchors_of(self, site: Site, item: AnnotatedArticle) -> frozenset[str]:
        def parse() -> frozenset[str]:
            # Images do not change ids: leave them unresolved, and warn nothing twice.
            ctx = self._body_context(site, item, root_of("articles/slug/index.html"))
            ctx.images = None
            return body_anchors(ctx, self._md)

        return self._anchors.get(item, site.actors, parse)

    @staticmethod
    def _ranked(site: Site, item: AnnotatedArticle,
                index: ActorIndex | None) -> list[ArticleActor]:
        slug = item.article.slug
        if index is not None and slug in index.by_article:
            return index.by_article[slug]
        return actor_index([item], site.actors).by_article.get(slug, [])

    def _warn(self, problems: list[Problem]) -> None:
        # The dev server renders an article again and again: report each problem once.
        for text in map(str, problems):
            if text not in self.warnings:
                self.warnings.append(text)
