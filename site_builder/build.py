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
import time
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from site_builder import manifest, wordlists
from site_builder.annotate import AnnotateStats, annotate_articles, warm_up
from site_builder.attribute import attribute, attribution_key, credit
from site_builder.config import WORDLISTS_DIR, Config, load_config, wordlist_files
from site_builder.content.loader import REGISTRY_NAME, discover, duplicate_slugs, load_article
from site_builder.errors import ContentError, Problem, SiteError
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
from site_builder.model import (
    Actor,
    AnnotatedArticle,
    Annotations,
    Article,
    Figure,
    Quote,
    Site,
)
from site_builder.publish import publish_full, remove_files, write_files
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

log = logging.getLogger(__name__)

ProgressCallback = Callable[[int, int], None]  # (done, total) articles analysed


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


# An article's attribution: (digest, attribution_key, figures, quotes).
_Attributed = tuple[str, tuple[object, ...], list[Figure], list[Quote]]


class Builder:
    """Builds one site; call `build()` again with changed paths to rebuild incrementally."""

    def __init__(self, site_dir: Path, output_dir: Path | None = None, *, dev: bool = False,
                 use_cache: bool = True, progress: ProgressCallback | None = None) -> None:
        self.site_dir = site_dir.resolve()
        self.output_dir = (output_dir or self.site_dir / "output").absolute()
        self.dev = dev
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
        # article path -> (digest, attribution_key, attributed figures, attributed quotes)
        self._attributed: dict[PurePosixPath, _Attributed] = {}
        self._outputs: dict[str, str] = {}  # output path -> sha256 of what is on disk
        self._published_bytes: dict[str, bytes] = {}  # output path -> the bytes behind it
        self._published = False
        # Called, in the preview, with the pages written ahead of the rest of a rebuild.
        self.on_pages: Callable[[list[str]], None] | None = None
        self._early: list[str] = []  # what this build published ahead
        self._stats: AnnotateStats | None = None
        # slug -> (signature of what the article page shows, its rendered outputs)
        self._page_memo: dict[str, tuple[tuple[object, ...], dict[str, bytes]]] = {}
        # actor id -> (signature of what the actor page shows, its rendered outputs)
        self._actor_memo: dict[str, tuple[Signature, dict[str, bytes]]] = {}
        # group of pages over the whole site -> (its signature, its outputs)
        self._group_memo: dict[str, tuple[Signature, dict[str, bytes]]] = {}
        self._excerpts = Excerpts()

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

    def build(self, changed: Collection[Path] | None = None) -> BuildResult:
        """Build, or rebuild what `changed` affects. Never raises for bad input."""
        start = time.perf_counter()
        # Read before building: a file saved during the build must not be
        # recorded as built. None: this build keeps no manifest.
        inputs = self._inputs_digest() if changed is None and not self.dev \
            and self.use_cache else None
        if inputs is not None:
            unchanged = self._unchanged(inputs)
            if unchanged is not None:
                unchanged.duration = time.perf_counter() - start
                return unchanged
        # A rebuild in the preview server walks a heap holding the whole
        # site; the collector's full passes over it cost more than the
        # rebuild itself. Its garbage is freed once the build is over.
        pause = without_cyclic_gc() if changed is not None else contextlib.nullcontext()
        try:
            with pause:
                result = self._build(changed)
        except SiteError as exc:
            result = BuildResult(ok=False, problems=exc.problems)
        if inputs is not None and result.ok:
            self._remember(result, inputs)
        result.duration = time.perf_counter() - start
        return result

    def _manifest_path(self) -> Path:
        name = hashlib.sha256(str(self.output_dir).encode()).hexdigest()[:16]
        return self.config.cache_dir / "builds" / f"{name}.json"

    def _inputs_digest(self) -> str | None:
        """The digest of every input, or None when site.toml is broken (the build says how)."""
        try:
            self._config = load_config(self.site_dir)
        except SiteError:
            return None
        config = self._config
        files = discover(config.content_dir)
        return manifest.inputs_digest(
            self.site_dir, [*files.articles, *files.assets, config.content_dir / REGISTRY_NAME,
                            *wordlist_files(self.site_dir)],
            theme_dir(), config.templates_dir, self.output_dir, f"dev={self.dev}")

    def _unchanged(self, inputs: str) -> BuildResult | None:
        """The result of the last build, if its inputs and its output are as they were."""
        known = manifest.load(self._manifest_path())
        if known is None or known.inputs != inputs:
            return None
        if not manifest.is_intact(self.output_dir, known):
            return None
        for warning in known.warnings:  # still true of these inputs
            log.warning("%s", warning)
        return BuildResult(ok=True, articles=known.articles, actors=known.actors,
                           warnings=list(known.warnings), unchanged=True)

    def _remember(self, result: BuildResult, inputs: str) -> None:
        """After a full publish, record what it was made from (see manifest.py)."""
        entry = manifest.Manifest(
            inputs=inputs, outputs=manifest.snapshot(self.output_dir, result.written),
            articles=result.articles, actors=result.actors, warnings=result.warnings)
        manifest.store(self._manifest_path(), entry)

    def warm_up(self) -> None:
        """Load the NLP models the site's languages need, ahead of the first edit.

        Uses the articles of the last build; does nothing before one.
        """
        if self._config is not None and self._articles:
            warm_up(self._config.annotate,
                    sorted({a.lang for a in self._articles.values()}))

    # ---------------------------------------------------------------- pipeline

    def analyse(self, changed: Collection[Path] | None = None) -> tuple[Site, dict[str, Path]]:
        """Load, annotate and link: the site as data, and the assets to copy.

        Raises SiteError with every problem found. `check` stops here.
        """
        kinds = {self.classify(p) for p in changed} if changed is not None else set()
        problems: list[Problem] = []
        if changed is None or self._config is None or "config" in kinds:
            self._config = load_config(self.site_dir)
            self._renderer = None
        config = self._config
        # Every stage of this process reads the site's word lists from here on.
        wordlists.configure(dict(config.annotate.wordlists))
        places.use_cache_dir(config.cache_dir / "gazetteer" if self.use_cache else None)
        if changed is None or self._registry is None or "registry" in kinds:
            try:
                self._registry = load_registry(config.content_dir / REGISTRY_NAME)
            except SiteError as exc:
                problems.extend(exc.problems)
                self._registry = None

        files = discover(config.content_dir)
        articles = self._load(files.articles, None if changed is None else set(changed), problems)
        assets = {p.relative_to(config.content_dir).as_posix(): p for p in files.assets}
        if problems:
            raise ContentError(problems)
        assert self._registry is not None

        nlp, stats = self._annotate(articles, config, self._registry)
        self._stats = stats
        items = [AnnotatedArticle(a, self._working_copy(a, nlp[a.digest])) for a in articles]
        actors = link_actors(items, self._registry, site_lang=config.language,
                             readings=self._readings)
        self._attribute(items, actors)
        items.sort(key=lambda it: (-it.article.date.timestamp(), it.article.slug))
        return Site(articles=items, actors=actors), assets

    def _build(self, changed: Collection[Path] | None) -> BuildResult:
        kinds = {self.classify(p) for p in changed} if changed is not None else set()
        full = changed is None or not self._published or bool(
            kinds & {"config", "registry", "template"})
        problems: list[Problem] = []
        try:
            site, assets = self.analyse(changed)
        except SiteError as exc:
            problems.extend(exc.problems)
        if self._config is None:  # site.toml itself is broken: nothing else can be checked
            raise ContentError(problems)
        if self._renderer is None or "template" in kinds:
            try:
                self._renderer = Renderer(self._config, dev=self.dev)
            except SiteError as exc:
                problems.extend(exc.problems)
                self._renderer = None
        if problems:
            raise ContentError(problems)
        assert self._renderer is not None

        self._early = []
        outputs = self._render(site, full, assets)
        clashes = sorted(set(outputs) & set(assets))
        if clashes:
            raise ContentError([Problem.at(f"content/{rel}", 1,
                                           "this file would overwrite a generated page",
                                           "rename or move it") for rel in clashes])
        for warning in self._renderer.warnings:
            log.warning("%s", warning)
        written, removed = self._publish(outputs, assets, full)
        written = sorted({*written, *self._early})
        stats = self._stats
        return BuildResult(
            ok=True, written=written, removed=removed, articles=len(site.articles),
            actors=len(site.actors), analysed=stats.cache_misses if stats else 0,
            warnings=[*(stats.warnings if stats else []), *self._renderer.warnings], full=full)

    def _render(self, site: Site, full: bool, assets: Mapping[str, Path]) -> dict[str, bytes]:
        """Every output; pages whose inputs did not change come from memory."""
        renderer = self._renderer
        assert renderer is not None
        renderer.warnings = []
        if full:
            self._page_memo, self._actor_memo, self._group_memo = {}, {}, {}
            self._excerpts = Excerpts()
        outputs: dict[str, bytes] = {}
        fresh: dict[str, bytes] = {}
        page_memo: dict[str, tuple[tuple[object, ...], dict[str, bytes]]] = {}
        actor_sigs = {actor_id: actor_fields(a) for actor_id, a in site.actors.items()}
        for item in site.articles:
            signature = _article_signature(item, actor_sigs)
            known = self._page_memo.get(item.article.slug)
            if known and known[0] == signature:
                pages = known[1]
            else:
                # An article page ranks only its own actors: no site index needed.
                pages = renderer.article_outputs(site, item)
                fresh.update(pages)
            page_memo[item.article.slug] = (signature, pages)
            outputs.update(pages)
        self._page_memo = page_memo
        if not full:
            self._publish_early(fresh, assets)
        index = actor_index(site.articles, site.actors)
        lookup = site_lookup(site)
        signatures = actor_signatures(site, index, excerpts=self._excerpts,
                                      anchors_of=lambda item: renderer.anchors(site, item))
        actor_memo: dict[str, tuple[Signature, dict[str, bytes]]] = {}
        for actor_id, signature in signatures.items():
            known_actor = self._actor_memo.get(actor_id)
            pages = known_actor[1] if known_actor and known_actor[0] == signature else \
                renderer.actor_outputs(site, index, actor_id, lookup)
            actor_memo[actor_id] = (signature, pages)
            outputs.update(pages)
        self._actor_memo = actor_memo
        outputs.update(self._memo_group("listing", listing_signature(site),
                                        lambda: renderer.listing_outputs(site)))
        outputs.update(self._memo_group("site", site_signature(site, index, self._excerpts),
                                        lambda: renderer.site_outputs(site, index)))
        outputs.update(self._memo_group("static", (), renderer.static_outputs))
        return dict(sorted(outputs.items()))

    def _publish_early(self, pages: dict[str, bytes], assets: Mapping[str, Path]) -> None:
        """In the preview, put the edited articles' pages out before the rest is rendered.

        The page the editor is looking at is ready before the actor and
        listing pages: `on_pages` tells the server, which reloads it at once.
        The final publish then finds these pages already on disk.
        """
        if not (self.dev and self._published and self.on_pages is not None):
            return
        digests = {rel: hashlib.sha256(data).hexdigest()
                   for rel, data in pages.items() if rel not in assets}
        changed = sorted(rel for rel, d in digests.items() if self._outputs.get(rel) != d)
        if not changed:
            return
        write_files(self.output_dir, {rel: pages[rel] for rel in changed}, {})
        self._early = changed
        for rel in changed:
            self._outputs[rel] = digests[rel]
            self._published_bytes[rel] = pages[rel]
        self.on_pages(changed)

    def _memo_group(self, name: str, signature: Signature,
                    render: Callable[[], dict[str, bytes]]) -> dict[str, bytes]:
        """Render a group of pages again only when what it shows changed."""
        known = self._group_memo.get(name)
        if known is None or known[0] != signature:
            known = (signature, render())
            self._group_memo[name] = known
        return known[1]

    def _load(self, paths: list[Path], changed: set[Path] | None,
              problems: list[Problem]) -> list[Article]:
        """Load new and changed articles; reuse the others from the last build."""
        assert self._config is not None
        current: dict[Path, Article] = {}
        for path in paths:
            known = self._articles.get(path)
            if known is not None and changed is not None and path not in changed:
                current[path] = known
                continue
            try:
                current[path] = load_article(path, self._config)
            except ContentError as exc:
                problems.extend(exc.problems)
        problems.extend(duplicate_slugs(current.values()))
        if not problems:
            self._articles = current
        return list(current.values())

    def _annotate(self, articles: list[Article], config: Config,
                  registry: Registry) -> tuple[dict[str, Annotations], AnnotateStats]:
        """NLP for the articles not analysed yet in this process (the disk cache does the rest)."""
        terms = registry_terms(registry)
        # Registry names and the annotate settings change what NLP finds in
        # the same text: what this process remembers is only good for one pair.
        setting = (config.annotate, terms)
        if setting != self._nlp_setting:
            self._nlp, self._working, self._attributed = {}, {}, {}
            self._nlp_setting = setting
        todo = [a for a in articles if a.digest not in self._nlp]
        cache_dir = config.cache_dir / "annotations" if self.use_cache else None
        callback = None
        if self.progress is not None and todo:
            done = 0
            report = self.progress

            def callback(n: int) -> None:
                nonlocal done
                done += n
                report(done, len(todo))

        results, stats = annotate_articles(todo, config.annotate, cache_dir,
                                           terms=terms, progress=callback)
        for article, found in zip(todo, results, strict=True):
            self._nlp[article.digest] = found
        live = {a.digest for a in articles}
        self._nlp = {k: v for k, v in self._nlp.items() if k in live}
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
            for entity, pristine in zip(known[1].entities, nlp.entities, strict=True):
                entity.actor, entity.kind = pristine.actor, pristine.kind
            return known[1]
        working = Annotations(
            blocks=nlp.blocks,
            entities=[copy.copy(e) for e in nlp.entities],
            sentences=nlp.sentences,
            figures=[], quotes=[],  # filled by `_attribute`
            parses=nlp.parses,
        )
        self._working[article.path] = (article.digest, working)
        return working

    def _attribute(self, items: list[AnnotatedArticle], actors: Mapping[str, Actor]) -> None:
        """Sources and speakers; an article whose linked actors did not change keeps its own.

        The attribute stage returns who is credited; the figures and quotes
        shown are new values built from the detected ones, which stay as found.
        """
        memo: dict[PurePosixPath, _Attributed] = {}
        for item in items:
            ann, article = item.annotations, item.article
            key = attribution_key(ann, actors)
            known = self._attributed.get(article.path)
            if known is None or known[:2] != (article.digest, key):
                found = self._nlp[article.digest]  # figures and quotes as detected
                result = attribute(ann, found.figures, found.quotes, actors,
                                   tentative=found.tentative)
                known = (article.digest, key,
                         *credit(found.figures, found.quotes, found.tentative, result))
            ann.figures, ann.quotes = known[2], known[3]
            memo[article.path] = known
        self._attributed = memo

    def _publish(self, outputs: dict[str, bytes], assets: dict[str, Path],
                 full: bool) -> tuple[list[str], list[str]]:
        # Pages served from a memo are the very bytes published last time:
        # their digest is known without hashing the site again.
        before = self._published_bytes
        digests = {rel: self._outputs[rel] if before.get(rel) is data else
                   hashlib.sha256(data).hexdigest() for rel, data in outputs.items()}
        for rel, path in assets.items():
            digests[rel] = "asset:" + _file_digest(path)
        if not self.dev or not self._published:
            publish_full(self.output_dir, outputs, assets)
            written = sorted(digests)
            removed: list[str] = []
        else:
            changed = {rel for rel, d in digests.items() if self._outputs.get(rel) != d}
            write_files(self.output_dir, {r: outputs[r] for r in changed if r in outputs},
                        {r: assets[r] for r in changed if r in assets})
            removed = sorted(set(self._outputs) - set(digests))
            remove_files(self.output_dir, removed)
            written = sorted(changed)
        self._outputs = digests
        self._published_bytes = dict(outputs)
        self._published = True
        return written, removed


def _article_signature(item: AnnotatedArticle,
                       actor_sigs: Mapping[str, Signature]) -> tuple[object, ...]:
    """Everything an article page shows beyond its own text.

    The text is covered by the file digest; linking and attribution can
    change when *other* articles change, so their results are part of it,
    with the actors the page names.
    """
    ann = item.annotations
    actor_ids = sorted({e.actor for e in ann.entities if e.actor}
                       | {f.source for f in ann.figures if f.source}
                       | {q.speaker for q in ann.quotes if q.speaker})
    actors = tuple(actor_sigs[i] for i in actor_ids if i in actor_sigs)
    return (
        item.article.digest,
        tuple(e.actor for e in ann.entities),
        tuple((f.source, f.source_text, f.source_start, f.source_block) for f in ann.figures),
        tuple((q.speaker, q.speaker_text) for q in ann.quotes),
        actors,
    )


def _file_digest(path: Path) -> str:
    stat = path.stat()
    return f"{stat.st_size}-{stat.st_mtime_ns}"
