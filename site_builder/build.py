"""The pipeline: load → annotate → link → render → publish.

`Builder` keeps what it computed between builds (articles, NLP results, the
loaded spaCy models inside the annotate stage, the bytes of every output),
so the preview server's rebuilds only redo the parts that changed. The
`build` command uses the same object once.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import logging
import os
import time
from collections.abc import Callable, Collection, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from site_builder import manifest, uptodate, wordlists
from site_builder.annotate import AnnotateStats, annotate_articles, warm_up
from site_builder.annotate.cache import AnnotationCache
from site_builder.annotate.prefetch import Prefetch
from site_builder.annotate.prefetch import start as start_prefetch
from site_builder.attribute import attribute, attribution_key, credit
from site_builder.config import WORDLISTS_DIR, Config, load_config
from site_builder.content.files import REGISTRY_NAME, discover
from site_builder.content.loader import duplicate_slugs, load_article, refused_problems
from site_builder.errors import ContentError, Problem, SiteError, working_on
from site_builder.link import (
    Readings,
    Registry,
    actor_index,
    link_actors,
    load_registry,
    places,
    registry_terms,
)
from site_builder.link.gcpause import without_cyclic_gc
from site_builder.link.provisional import link_provisionally
from site_builder.memo import Memo
from site_builder.memo import key as memo_key
from site_builder.model import (
    Actor,
    AnnotatedArticle,
    Annotations,
    Article,
    Figure,
    Quote,
    Site,
)
from site_builder.publish import Staging, remove_files, safe_target, write_files
from site_builder.render import (
    Excerpts,
    Renderer,
    Signature,
    actor_fields,
    actor_signatures,
    listing_signature,
    site_lookup,
    site_signature,
)
from site_builder.render.environment import theme_dir
from site_builder.render.links import article_paths, link_targets
from site_builder.render.pages import neighbour_signature, related_signature
from site_builder.render.pool import render_articles, render_workers
from site_builder.render.signature import article_meta
from site_builder.search import BackgroundIndex, index_tree, is_bundle_path
from site_builder.search_background import LowPriorityIndex

log = logging.getLogger(__name__)

# Names one article may have marked, linked and attributed (docs/content.md,
# "Limits"): past it, linking and rendering one article would take minutes.
MAX_ENTITIES = 100_000

# The preview pushes the pages of at most this many edited articles before
# it links the whole site again; a bigger batch (a checkout) waits for the link.
FIRST_PUSH_MAX = 4

# (phase, done, total): loading, annotating, linking, attributing, rendering, publishing,
# indexing (the search index)
ProgressCallback = Callable[[str, int, int], None]


@dataclass(slots=True)
class BuildResult:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)  # output-relative POSIX paths
    removed: list[str] = field(default_factory=list)
    duration: float = 0.0
    articles: int = 0
    actors: int = 0
    analysed: int = 0  # articles that went through spaCy (cache misses)
    warnings: list[str] = field(default_factory=list)
    full: bool = True
    unchanged: bool = False  # nothing to do: the inputs and the output were as last built


# An article's figures and quotes, with their sources and speakers.
_Credited = tuple[list[Figure], list[Quote]]
# The memo's stages (site_builder/memo.py).
ATTRIBUTE, PAGES = "attribute", "pages"
LINK_TARGETS = "link-targets"  # the content paths an article's links name (render/links.py)
ANNOTATIONS = "annotations"  # the NLP cache's directory, under the site's cache directory


class Builder:
    """Builds one site; call `build()` again with changed paths to rebuild incrementally."""

    def __init__(self, site_dir: Path, output_dir: Path | None = None, *, dev: bool = False,
                 drafts: bool | None = None, use_cache: bool = True,
                 progress: ProgressCallback | None = None) -> None:
        self.site_dir = site_dir.resolve()
        self.output_dir = (output_dir or self.site_dir / "output").absolute()
        self.dev = dev
        # Articles with `draft: true`: the preview shows them, a build leaves them out.
        self.drafts = dev if drafts is None else drafts
        self.use_cache = use_cache
        self.progress = progress
        self._config: Config | None = None
        self._registry: Registry | None = None
        self._renderer: Renderer | None = None
        self._articles: dict[Path, Article] = {}
        self._nlp: dict[str, Annotations] = {}  # article digest -> pristine NLP result
        self._nlp_setting: object = None  # the (settings, registry terms) `_nlp` is for
        # article path -> (digest, the annotations linking and attribution fill in)
        self._working: dict[PurePosixPath, tuple[str, Annotations]] = {}
        self._readings = Readings()  # the link stage's reading of each working copy
        self._nlp_keys: dict[str, str] = {}  # article digest -> key of its NLP result
        self._memo: Memo | None = None  # every stage result after NLP (see memo.py)
        self._outputs: dict[str, str] = {}  # output path -> sha256 of what is on disk
        # output path -> (size, mtime_ns) as published: a file still so is still ours
        self._stats_out: dict[str, tuple[int, int]] = {}
        self._published = False
        # Called, in the preview, with the pages written ahead of the rest of a rebuild.
        self.on_pages: Callable[[list[str]], None] | None = None
        self._early: list[str] = []  # what this build published ahead
        self._stats: AnnotateStats | None = None
        self._render_salt = ""  # what every page depends on: code, config, templates, assets
        self._prefetch = False  # load spaCy in a worker while reading (a CLI rebuild)
        self._excerpts = Excerpts()
        self._search: BackgroundIndex | None = None  # the preview's index, kept current
        # The last good build's site, its entities as linked then; None while
        # a build links the working copies again (see _push_first).
        self._site: Site | None = None

    # ------------------------------------------------------------------ public

    def annotated(self, article: Article) -> Annotations | None:
        """What the annotate stage found in `article`, before linking changed any kind."""
        return self._nlp.get(article.digest)

    @property
    def config(self) -> Config:
        """The site's configuration (loaded on first use)."""
        if self._config is None:
            self._config = load_config(self.site_dir)
        return self._config

    def classify(self, path: Path) -> str | None:
        """What kind of input a changed path is: content, template, config, registry."""
        path = path.absolute()
        content = self.site_dir / "content"
        if path == self.site_dir / "site.toml" or path.is_relative_to(
                self.site_dir / WORDLISTS_DIR):
            return "config"
        if path == content / REGISTRY_NAME:
            return "registry"
        if path.is_relative_to(self.site_dir / "templates"):
            return "template"
        if path.is_relative_to(content):
            return "content"
        return None

    def build(self, changed: Collection[Path] | None = None, *,
              check: uptodate.Check | None = None) -> BuildResult:
        """Build, or rebuild what `changed` affects. Never raises for bad input.

        `check` is `uptodate.check` of this site and output, made just before
        by the caller (the command line makes it before importing the pipeline).
        """
        start = time.perf_counter()
        # Read before building: a file saved during the build must not be
        # recorded as built. None: this build keeps no manifest.
        keeps_manifest = changed is None and not self.dev and self.use_cache
        if not keeps_manifest:
            check = None
        elif check is None:
            check = uptodate.check(self.site_dir, self.output_dir, dev=self.dev)
        if check is not None:
            self._config = check.config
            if check.unchanged:
                return self._unchanged(check, start)
            if check.known is not None and not self._published:
                # What the last build published: pages whose memo entry
                # names these very bytes are kept from output/, not rendered.
                self._outputs = dict(check.known.digests)
                self._stats_out = dict(check.known.outputs)
                self._prefetch = True
        # A rebuild in the preview server walks a heap holding the whole
        # site; the collector's full passes over it cost more than the
        # rebuild itself. Its garbage is freed once the build is over.
        pause = without_cyclic_gc() if changed is not None else contextlib.nullcontext()
        try:
            with pause:
                result = self._build(changed)
        except SiteError as exc:
            result = BuildResult(ok=False, problems=exc.problems)
        if result.ok and self._memo is not None:
            # A failed build keeps what it used for the next one (see Memo.end_build).
            self._memo.end_build()
            if changed is None and self.use_cache and self._config is not None:
                AnnotationCache(self._config.cache_dir / ANNOTATIONS).prune(
                    list(self._articles.values()))
        if check is not None and result.ok:
            self._remember(result, check)
        result.duration = time.perf_counter() - start
        return result

    @staticmethod
    def _unchanged(check: uptodate.Check, start: float) -> BuildResult:
        """The result of the last build, whose inputs and output are as they were."""
        known = check.known
        assert known is not None
        uptodate.log_warnings(known)
        return BuildResult(ok=True, articles=known.articles, actors=known.actors,
                           warnings=list(known.warnings), unchanged=True,
                           duration=time.perf_counter() - start)

    def _remember(self, result: BuildResult, check: uptodate.Check) -> None:
        """After a full publish, record what it was made from (see manifest.py)."""
        entry = manifest.Manifest(
            inputs=check.inputs, outputs=dict(self._stats_out), digests=dict(self._outputs),
            articles=result.articles, actors=result.actors, warnings=result.warnings)
        manifest.store(check.manifest_path, entry)

    def warm_up(self) -> None:
        """Load the NLP models the site's languages need, ahead of the first edit.

        Uses the articles of the last build; does nothing before one.
        """
        if self._config is not None and self._articles:
            langs = {a.lang for a in self._articles.values()}
            # A paragraph in another language than its article's needs that
            # language's model too: without it, the first edit of such an
            # article waited a second or more for it to load.
            langs |= {block.lang for found in self._nlp.values() for block in found.blocks}
            warm_up(self._config.annotate, sorted(lang for lang in langs if lang))

    # ---------------------------------------------------------------- pipeline

    def analyse(self, changed: Collection[Path] | None = None, *,
                before_link: Callable[[list[Article], dict[str, Path]], None] | None = None,
                ) -> tuple[Site, dict[str, Path]]:
        """Load, annotate and link: the site as data, and the assets to copy.

        `before_link(articles, assets)` is called once the articles are
        annotated, before anything of the last build is linked again (the
        preview pushes the edited page there). Raises SiteError with every
        problem found. `check` stops here.
        """
        kinds = {self.classify(p) for p in changed} if changed is not None else set()
        problems: list[Problem] = []
        if changed is None or self._config is None or "config" in kinds:
            self._config = load_config(self.site_dir)
            self._renderer = None
        config = self._config
        if self._memo is None:
            self._memo = Memo(config.cache_dir if self.use_cache else None)
        # Every stage of this process reads the site's word lists from here on.
        wordlists.configure(dict(config.annotate.wordlists))
        places.use_cache_dir(config.cache_dir / "gazetteer" if self.use_cache else None)
        if changed is None or self._registry is None or "registry" in kinds:
            try:
                self._registry = load_registry(config.content_dir / REGISTRY_NAME)
            except SiteError as exc:
                problems.extend(exc.problems)
                self._registry = None

        # A command-line rebuild of a site built before: an edit needs spaCy
        # for a few articles, and loading it takes as long as reading the
        # site. Start it in a worker now (annotate/prefetch.py).
        prefetch = start_prefetch(config.annotate, registry_terms(self._registry),
                                  [config.language]) \
            if self._prefetch and self._registry is not None else None
        try:
            files = discover(config.content_dir)
            if config.content_dir.exists() and not config.content_dir.is_dir():
                problems.append(Problem.at("content", 1, "content is a file, not a directory",
                                           "move it away and create the folder content/"))
            problems.extend(refused_problems(files.refused, config))
            articles = self._load(files.articles, None if changed is None else set(changed),
                                  problems)
            assets = {p.relative_to(config.content_dir).as_posix(): p for p in files.assets}
            if problems:
                raise ContentError(problems)
            if not self.drafts:
                articles = [a for a in articles if not a.draft]  # before NLP: they cost nothing
            assert self._registry is not None
            nlp, stats = self._annotate(articles, config, self._registry, prefetch)
        finally:
            if prefetch is not None:
                prefetch.close()
        self._stats = stats
        for article in articles:
            found = len(nlp[article.digest].entities)
            if found > MAX_ENTITIES:
                stats.warn(f"content/{article.path}:1: {found:,} names found; only the first "
                           f"{MAX_ENTITIES:,} are highlighted and linked — split the article")
        if before_link is not None:
            before_link(articles, assets)
        # The working copies are linked again from here: the last site is no more.
        self._site = None
        items = [AnnotatedArticle(a, self._working_copy(a, nlp[a.digest])) for a in articles]
        self._report("linking", 0, len(items))
        actors = link_actors(items, self._registry, site_lang=config.language,
                             readings=self._readings)
        self._attribute(items, actors)
        items.sort(key=_site_order)
        return Site(articles=items, actors=actors), assets

    def _build(self, changed: Collection[Path] | None) -> BuildResult:
        kinds = {self.classify(p) for p in changed} if changed is not None else set()
        full = changed is None or not self._published or bool(
            kinds & {"config", "registry", "template"})
        problems: list[Problem] = []
        self._early = []
        first = self._push_first if self._pushes_first(full) else None
        try:
            site, assets = self.analyse(changed, before_link=first)
        except SiteError as exc:
            problems.extend(exc.problems)
        if self._config is None:  # site.toml itself is broken: nothing else can be checked
            raise ContentError(problems)
        if self._renderer is None or "template" in kinds:
            try:
                self._renderer = Renderer(self._config, dev=self.dev, memo=self._memo,
                                          memo_salt=manifest.code_digest())
            except SiteError as exc:
                problems.extend(exc.problems)
                self._renderer = None
        if problems:
            raise ContentError(problems)
        assert self._renderer is not None

        self._render_salt = self._render_setting(assets)
        self._renderer.use_assets(assets)
        if full:
            self._excerpts = Excerpts()  # the spans they quote may have moved
        # The preview replaces only the files that changed, even on a full
        # rebuild: a stylesheet edit then reloads the stylesheet, not the page.
        if not self.dev or not self._published:
            with Staging(self.output_dir) as staging:
                sink = _Sink(self.output_dir, self._outputs, self._stats_out, staging)
                self._render(site, sink)
                self._refuse_clashes(sink.digests, assets)
                self._report("publishing", 0, 1)
                for rel, path in assets.items():
                    staging.copy(rel, path)
                # Indexed before the swap: an index that fails fails the build,
                # and output/ stays as it was.
                self._report("indexing", 0, 1)
                assert staging.root is not None
                bundle = {rel: _sha256(staging.root / rel) for rel in index_tree(staging.root)}
                staging.commit()
            digests = {**sink.digests,
                       **{rel: "asset:" + _file_digest(p) for rel, p in assets.items()},
                       **bundle}
            written, removed = sorted(digests), []
            self._stats_out = manifest.snapshot(self.output_dir, digests)
        else:
            sink = _Sink(self.output_dir, self._outputs, self._stats_out, None)
            self._render(site, sink, early=not full)
            self._refuse_clashes(sink.digests, assets)
            digests = {**sink.digests,
                       **{rel: "asset:" + _file_digest(p) for rel, p in assets.items()},
                       # The bundle is rewritten in the background (below), not here.
                       **{rel: d for rel, d in self._outputs.items() if is_bundle_path(rel)}}
            self._report("publishing", 0, 1)
            changed_assets = {rel: p for rel, p in assets.items()
                              if self._outputs.get(rel) != digests[rel]}
            write_files(self.output_dir, sink.changed, changed_assets)
            removed = sorted(set(self._outputs) - set(digests))
            remove_files(self.output_dir, removed)
            written = sorted({*sink.changed, *changed_assets, *self._early})
            self._stats_out = {rel: v for rel, v in self._stats_out.items() if rel in digests}
            self._stats_out.update(manifest.snapshot(self.output_dir,
                                                     [*sink.changed, *changed_assets]))
            if any(rel.endswith(".html") for rel in [*written, *removed]):
                self._reindex()
        self._outputs = digests
        self._published = True
        self._site = site
        for warning in self._renderer.warnings:
            log.warning("%s", warning)
        stats = self._stats
        return BuildResult(
            ok=True, written=written, removed=removed, articles=len(site.articles),
            actors=len(site.actors), analysed=stats.cache_misses if stats else 0,
            warnings=[*(stats.warnings if stats else []), *self._renderer.warnings], full=full)

    def _report(self, phase: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(phase, done, total)

    def _render_setting(self, assets: Mapping[str, Path]) -> str:
        """What every page depends on besides its signature."""
        config = self._config
        assert config is not None
        return memo_key("render-setting", manifest.code_digest(), config, self.dev,
                        manifest.tree_digest(theme_dir()),
                        manifest.tree_digest(config.templates_dir),
                        # Pages read image headers (sizes) and check that images exist.
                        sorted((rel, _file_digest(p)) for rel, p in assets.items()))

    def _reindex(self) -> None:
        """Index the preview's output again, after pages changed in place.

        Every page is read again (Pagefind has no incremental mode). A
        preview server (it takes pages ahead through `on_pages`) gets it in
        the background, so the pages reload first; anyone else waits, so
        the output is whole when `build` returns. The pages are out
        already: a failure here is a logged warning, not a failed build.
        In the background it runs at the lowest CPU priority, so that it
        never slows the next edit's page (search_background.py).
        """
        if self._search is None:
            self._search = LowPriorityIndex(self.output_dir) if self.on_pages is not None \
                else BackgroundIndex(self.output_dir)
        self._search.request()
        if self.on_pages is None:
            self._search.wait()  # a failure is logged; the previous index stays

    @property
    def search_index(self) -> BackgroundIndex | None:
        """The preview's background indexer, once a rebuild has needed it."""
        return self._search

    @staticmethod
    def _refuse_clashes(outputs: Collection[str], assets: Mapping[str, Path]) -> None:
        # The search bundle is written after the pages, into pagefind/.
        clashes = sorted(set(outputs) & set(assets) | {a for a in assets if is_bundle_path(a)})
        if clashes:
            raise ContentError([Problem.at(f"content/{rel}", 1,
                                           "this file would overwrite a generated page",
                                           "rename or move it") for rel in clashes])

    def _render(self, site: Site, sink: _Sink, *, early: bool = False) -> None:
        """Every output into `sink`; pages whose signature is in the memo are kept as they are."""
        renderer, memo = self._renderer, self._memo
        assert renderer is not None and memo is not None
        renderer.warnings = []
        salt = self._render_salt
        actor_sigs = {actor_id: actor_fields(a) for actor_id, a in site.actors.items()}
        paths = article_paths(site)
        total = len(site.articles) + len(site.actors) + 3
        todo: list[tuple[int, str]] = []  # article pages the memo cannot give
        for done, item in enumerate(site.articles):
            signature = _article_signature(item, actor_sigs,
                                           self._nlp_keys.get(item.article.digest, ""),
                                           self._linked(item.article, paths),
                                           neighbour_signature(site.articles, done)
                                           + related_signature(site.articles,
                                                               renderer.related(site, item)))
            key = memo.key_in(("article", item.article.slug), PAGES, salt, "article", signature)
            if not self._kept(sink, key):
                todo.append((done, key))
        # An article page ranks only its own actors: no site index needed.
        # Many to render into a staging tree (a cold build, a template
        # change): worker processes share them (render/pool.py).
        workers = render_workers(len(todo)) if sink.staging is not None else 1
        rendered = render_articles(renderer, site, [i for i, _ in todo], workers) \
            if workers > 1 else None
        try:
            for done, (index, key) in enumerate(todo):
                self._report("rendering", len(site.articles) - len(todo) + done, total)
                if rendered is not None:
                    pages, anchors, warnings = next(rendered)
                    renderer.remember_anchors(site, site.articles[index], anchors)
                    self._store_pages(sink, key, pages, warnings)
                else:
                    item = site.articles[index]
                    with working_on(f"the page of content/{item.article.path}"):
                        self._pages(sink, key, lambda item=item:
                                    renderer.article_outputs(site, item))
        finally:
            if rendered is not None:
                rendered.close()  # stops the workers if this build fails
        if early:
            self._publish_early(sink)
        index = actor_index(site.articles, site.actors)
        lookup = site_lookup(site)
        signatures = actor_signatures(site, index, excerpts=self._excerpts, memo=memo,
                                      anchors_of=lambda item: renderer.anchors(site, item))
        for done, (actor_id, signature) in enumerate(signatures.items(), len(site.articles)):
            self._report("rendering", done, total)
            with working_on(f"the page of actor {actor_id}"):
                self._pages(sink, memo.key_in(("actor", actor_id), PAGES, salt, "actor",
                                              signature),
                            lambda actor_id=actor_id: renderer.actor_outputs(
                                site, index, actor_id, lookup))
        self._pages(sink, memo_key(PAGES, salt, "listing", listing_signature(site)),
                    lambda: renderer.listing_outputs(site))
        self._pages(sink, memo_key(PAGES, salt, "site",
                                   site_signature(site, index, self._excerpts)),
                    lambda: renderer.site_outputs(site, index))
        self._pages(sink, memo_key(PAGES, salt, "static"), renderer.static_outputs)

    def _linked(self, article: Article, paths: Mapping[str, str]) -> Signature:
        """What the page's links read of the rest of the site: the slug at each path they name."""
        memo = self._memo
        assert memo is not None
        slot = (LINK_TARGETS, article.path)
        key = memo.key_in(slot, LINK_TARGETS, article.digest, article.path)
        targets = memo.cached(LINK_TARGETS, key,
                              lambda: link_targets(article.body, article.path))
        return tuple((target, paths.get(target)) for target in targets)

    def _kept(self, sink: _Sink, key: str) -> bool:
        """Whether the memo knows these pages and the output still holds them (then kept)."""
        memo, renderer = self._memo, self._renderer
        assert memo is not None and renderer is not None
        known = memo.get(PAGES, key)
        if known is None or not sink.keep(known[0]):
            return False
        renderer.warnings.extend(w for w in known[1] if w not in renderer.warnings)
        return True

    def _pages(self, sink: _Sink, key: str, render: Callable[[], dict[str, bytes]]) -> None:
        """Render a group of pages, unless the memo knows them and the output still holds them."""
        renderer = self._renderer
        assert renderer is not None
        if self._kept(sink, key):
            return
        before, renderer.warnings = renderer.warnings, []
        try:
            pages = render()
        finally:
            new, renderer.warnings = renderer.warnings, before
        self._store_pages(sink, key, pages, new)

    def _store_pages(self, sink: _Sink, key: str, pages: Mapping[str, bytes],
                     warnings: Sequence[str]) -> None:
        memo, renderer = self._memo, self._renderer
        assert memo is not None and renderer is not None
        renderer.warnings.extend(w for w in warnings if w not in renderer.warnings)
        digests = {rel: sink.write(rel, data) for rel, data in pages.items()}
        memo.put(PAGES, key, (digests, tuple(warnings)))

    def _publish_early(self, sink: _Sink) -> None:
        """In the preview, put the edited articles' pages out before the rest is rendered.

        The page the editor is looking at is ready before the actor and
        listing pages: `on_pages` tells the server, which reloads it at once.
        The final publish then finds these pages already on disk.
        """
        if not (self.dev and self._published and self.on_pages is not None) or not sink.changed:
            return
        early = dict(sink.changed)
        sink.changed.clear()
        self._write_early(early)

    def _pushes_first(self, full: bool) -> bool:
        """Whether this build pushes the edited articles' pages before linking the site."""
        return (not full and self.dev and self._published and self.on_pages is not None
                and self._site is not None and self._renderer is not None)

    def _push_first(self, articles: list[Article], assets: Mapping[str, Path]) -> None:
        """In the preview, push the edited articles' pages before the site is linked again.

        Their mentions take the actors the last build gave the same names
        (link/provisional.py) and the rest of the site is that build's, so
        the page costs its own analysis, attribution and rendering only.
        An article that names someone no actor of the last build stands
        for waits for the full link: its page would show the name unlinked.
        The full link that follows decides what is published: `_render`
        writes and pushes a page again if its bytes differ from these
        (`_publish_early`), so the output ends byte for byte as a fresh
        build's.
        """
        previous, config, registry = self._site, self._config, self._registry
        renderer = self._renderer
        assert previous is not None and config is not None and renderer is not None
        known = {item.article.path: item for item in previous.articles}
        edited = [a for a in articles
                  if (old := known.get(a.path)) is None or old.article.digest != a.digest]
        if registry is None or not edited or len(edited) > FIRST_PUSH_MAX:
            return
        readings = self._readings.of(previous.articles)  # all kept: nothing is read again
        reading_of = {item.article.path: r
                      for item, r in zip(previous.articles, readings, strict=True)}
        fresh: dict[PurePosixPath, AnnotatedArticle] = {}
        pushed: list[AnnotatedArticle] = []
        for article in edited:
            item = AnnotatedArticle(article, _unlinked(self._nlp[article.digest]))
            unanswered = link_provisionally(item, reading_of.get(article.path), readings,
                                            registry, config.language)
            fresh[article.path] = item
            if not unanswered:  # else a name no actor stood for: wait for the full link
                pushed.append(item)
        if not pushed:
            return
        self._attribute(pushed, previous.actors)
        items = [fresh.get(a.path) or known[a.path] for a in articles]
        items.sort(key=_site_order)
        site = Site(articles=items, actors=previous.actors)
        renderer.use_assets(assets)
        pages: dict[str, bytes] = {}
        try:
            for item in pushed:
                with working_on(f"the page of content/{item.article.path}"):
                    pages.update(renderer.article_outputs(site, item))
        except SiteError:
            return  # the full build reports it
        self._write_early({rel: data for rel, data in pages.items() if rel not in assets
                           and self._outputs.get(rel) != hashlib.sha256(data).hexdigest()})

    def _write_early(self, pages: Mapping[str, bytes]) -> None:
        """Write pages ahead of the rest of the build, and have the server reload them."""
        if not pages or self.on_pages is None:
            return
        write_files(self.output_dir, pages, {})
        for rel, data in pages.items():
            self._outputs[rel] = hashlib.sha256(data).hexdigest()
        self._early = sorted({*self._early, *pages})
        self.on_pages(sorted(pages))

    def _load(self, paths: list[Path], changed: set[Path] | None,
              problems: list[Problem]) -> list[Article]:
        """Load new and changed articles; reuse the others from the last build."""
        assert self._config is not None
        current: dict[Path, Article] = {}
        for done, path in enumerate(paths):
            self._report("loading", done, len(paths))
            known = self._articles.get(path)
            if known is not None and changed is not None and path not in changed:
                current[path] = known
                continue
            try:
                with working_on(str(path.relative_to(self._config.site_dir))):
                    current[path] = load_article(path, self._config)
            except ContentError as exc:
                problems.extend(exc.problems)
        problems.extend(duplicate_slugs(current.values()))
        if not problems:
            self._articles = current
        return list(current.values())

    def _annotate(self, articles: list[Article], config: Config, registry: Registry,
                  prefetch: Prefetch | None = None
                  ) -> tuple[dict[str, Annotations], AnnotateStats]:
        """NLP for the articles not analysed yet in this process (the disk cache does the rest)."""
        terms = registry_terms(registry)
        # Registry names and the annotate settings change what NLP finds in
        # the same text: what this process remembers is only good for one pair.
        setting = (config.annotate, terms)
        if setting != self._nlp_setting:
            self._nlp, self._working, self._nlp_keys = {}, {}, {}
            self._nlp_setting = setting
        todo = [a for a in articles if a.digest not in self._nlp]
        cache_dir = config.cache_dir / ANNOTATIONS if self.use_cache else None
        callback = None
        if self.progress is not None and todo:
            done = 0
            report = self.progress

            def callback(n: int) -> None:
                nonlocal done
                done += n
                report("annotating", done, len(todo))

            report("annotating", 0, len(todo))

        results, stats = annotate_articles(todo, config.annotate, cache_dir,
                                           terms=terms, progress=callback, prefetch=prefetch)
        for article, found, key in zip(todo, results, stats.keys, strict=True):
            self._nlp[article.digest] = found
            self._nlp_keys[article.digest] = key
        live = {a.digest for a in articles}
        self._nlp = {k: v for k, v in self._nlp.items() if k in live}
        self._nlp_keys = {k: v for k, v in self._nlp_keys.items() if k in live}
        paths = {a.path for a in articles}
        self._working = {k: v for k, v in self._working.items() if k in paths}
        return self._nlp, stats

    def _working_copy(self, article: Article, nlp: Annotations) -> Annotations:
        """A copy the link and attribution stages may fill in, leaving the NLP result pristine."""
        # Linking sets every entity's actor again on each build, so an
        # article's copy lives as long as its text: copying ~30 entities
        # per article on every rebuild of a big site is not free.
        known = self._working.get(article.path)
        if known is not None and known[0] == article.digest:
            # Back to what NLP said (registry matches only): linking must not
            # read its own earlier decisions, or a rebuild could differ from
            # a fresh build.
            for entity, pristine in zip(known[1].entities, nlp.entities[:MAX_ENTITIES],
                                        strict=True):
                entity.actor, entity.kind = pristine.actor, pristine.kind
            return known[1]
        working = _unlinked(nlp)
        self._working[article.path] = (article.digest, working)
        return working

    def _attribute(self, items: list[AnnotatedArticle], actors: Mapping[str, Actor]) -> None:
        """Sources and speakers, from the memo unless what attribution reads changed.

        The attribute stage returns who is credited; the figures and quotes
        shown are new values built from the detected ones, which stay as found.
        """
        memo = self._memo
        assert memo is not None
        code = manifest.code_digest()
        for done, item in enumerate(items):
            self._report("attributing", done, len(items))
            ann, digest = item.annotations, item.article.digest
            found = self._nlp[digest]  # figures and quotes as detected

            def compute(ann: Annotations = ann, found: Annotations = found) -> _Credited:
                result = attribute(ann, found.figures, found.quotes, actors,
                                   tentative=found.tentative)
                return credit(found.figures, found.quotes, found.tentative, result)

            key = memo.key_in((ATTRIBUTE, item.article.path), ATTRIBUTE, code,
                              self._nlp_keys[digest], attribution_key(ann, actors))
            ann.figures, ann.quotes = memo.cached(ATTRIBUTE, key, compute)



class _Sink:
    """Where rendered pages go.

    A full build writes them into a staging tree as they come (`staging`);
    the preview's incremental rebuild keeps only the pages whose bytes
    differ from what is published, to write them at the end. `keep` takes
    pages as last published, when their files are still there untouched.
    """

    def __init__(self, output_dir: Path, published: Mapping[str, str],
                 stats: Mapping[str, tuple[int, int]], staging: Staging | None) -> None:
        self.output_dir = output_dir
        self.published = published
        self.stats = stats
        self.staging = staging
        self.digests: dict[str, str] = {}  # every output of this build -> sha256
        self.changed: dict[str, bytes] = {}  # incremental only: pages to write

    def write(self, rel: str, data: bytes) -> str:
        digest = hashlib.sha256(data).hexdigest()
        self.digests[rel] = digest
        if self.staging is not None:
            self.staging.write(rel, data)
        elif self.published.get(rel) != digest:
            self.changed[rel] = data
        return digest

    def keep(self, digests: Mapping[str, str]) -> bool:
        """Take these pages from the current output; False (and nothing taken) if any differs."""
        for rel, digest in digests.items():
            if self.published.get(rel) != digest:
                return False
            if self.staging is not None:
                try:
                    stat = os.stat(safe_target(self.output_dir, rel))
                except (OSError, SiteError):
                    return False
                if (stat.st_size, stat.st_mtime_ns) != self.stats.get(rel):
                    return False
        if self.staging is not None:
            linked: list[str] = []
            for rel in digests:
                if not self.staging.keep(rel):
                    # Render them all instead; no stray link may stay in the tree.
                    for done in linked:
                        self.staging.drop(done)
                    return False
                linked.append(rel)
        self.digests.update(digests)
        return True


def _unlinked(nlp: Annotations) -> Annotations:
    """A copy of an NLP result that linking and attribution may fill in."""
    return Annotations(
        blocks=nlp.blocks,
        entities=[copy.copy(e) for e in nlp.entities[:MAX_ENTITIES]],
        sentences=nlp.sentences,
        figures=[], quotes=[],  # filled by `_attribute`
        parses=nlp.parses,
    )


def _site_order(item: AnnotatedArticle) -> tuple[float, str]:
    """Newest first, then by slug: the order of `Site.articles`."""
    return (-item.article.date.timestamp(), item.article.slug)


def _article_signature(item: AnnotatedArticle, actor_sigs: Mapping[str, Signature],
                       nlp_key: str, linked: Signature = (),
                       neighbours: Signature = ()) -> tuple[object, ...]:
    """Everything an article page shows beyond its own text.

    The text and what NLP found in it are covered by the file digest and
    `nlp_key`, the metadata by `article_meta`; linking and attribution can
    change when *other* articles change, so their results are part of it,
    with the actors the page names, and `linked`: the slug of each article
    its links name (`Builder._linked`), which the rewritten hrefs show, and
    `neighbours`: the newer and older articles its previous/next links name.
    """
    ann = item.annotations
    actor_ids = sorted({e.actor for e in ann.entities if e.actor}
                       | {f.source for f in ann.figures if f.source}
                       | {q.speaker for q in ann.quotes if q.speaker})
    actors = tuple(actor_sigs[i] for i in actor_ids if i in actor_sigs)
    return (
        item.article.digest,
        # What the loader takes from the file system, not its bytes: the slug
        # and path (a renamed or copied file), a date from the mtime.
        article_meta(item.article),
        nlp_key,
        tuple((e.actor, e.kind) for e in ann.entities),
        tuple((f.source, f.source_text, f.source_start, f.source_block) for f in ann.figures),
        tuple((q.speaker, q.speaker_text) for q in ann.quotes),
        actors,
        linked,
        neighbours,
    )


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _file_digest(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}-{stat.st_mtime_ns}"
