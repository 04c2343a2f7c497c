"""`site-builder check`: the editorial report, article by article.

It runs the pipeline up to linking (no rendering, nothing written) and lists
what an editor should look at before publishing, each as `path:line`.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections import Counter
from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import unquote, urlsplit

from site_builder.annotate.labels import kind_of
from site_builder.build import Builder
from site_builder.content.files import discover
from site_builder.content.markdown import parse
from site_builder.errors import terminal_safe
from site_builder.link import actor_index
from site_builder.model import Actor, AnnotatedArticle, Annotations, Article, EntityKind, Site
from site_builder.render import export
from site_builder.render.actor_pages import article_pages, quote_pages
from site_builder.render.context import BodyContext
from site_builder.render.i18n import messages
from site_builder.render.links import article_paths, local_link, page_path
from site_builder.render.lookup import site_lookup
from site_builder.render.markdown import render_body
from site_builder.render.network import NETWORK_DIRECTORY
from site_builder.render.pages import group_tags, page_directory, paginate
from site_builder.render.renderer import STATIC_FILES
from site_builder.render.site_pages import (
    FIGURES_DIRECTORY,
    FIGURES_PER_PAGE,
    SORT_DIRECTORIES,
    actor_groups,
    actor_index_pages,
    figure_groups,
    unit_groups,
)


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    # a key of KINDS
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}"


def findings(site: Site, content_dir: Path,
             annotated: Callable[[Article], Annotations | None] | None = None,
             assets: Collection[str] | None = None, per_page: int | None = None,
             ) -> list[Finding]:
    """Everything worth an editor's attention, in article then line order.

    `annotated` gives an article's annotations before linking (the kinds the
    annotate stage decided); without it, kind conflicts are read from the
    model's labels. `assets` are the content-relative paths of the files a
    build copies (listed from content/ without it); `per_page` is the
    site's, for links to the home's later pages (without it, only the home).
    """
    found: list[Finding] = []
    articles = sorted(site.articles, key=lambda it: str(it.article.path))
    if assets is None:
        assets = [p.relative_to(content_dir).as_posix() for p in discover(content_dir).assets]
    targets = _LinkTargets(site, assets, per_page)
    for item in articles:
        found.extend(_article_findings(item, content_dir, targets))
    found.extend(kind_conflicts(articles, site.actors, annotated))
    return sorted(found, key=lambda f: (f.path, f.line, f.kind, f.message))


# An actor is listed when at least this share of its mentions were read by
# the model as another kind than the one it is shown with.
CONFLICT_SHARE = 1 / 3


def kind_conflicts(articles: list[AnnotatedArticle], actors: Mapping[str, Actor],
                   annotated: Callable[[Article], Annotations | None] | None = None,
                   ) -> list[Finding]:
    """Auto actors whose mentions the annotate stage read as different kinds.

    Readers see one kind per actor, decided from the evidence and the
    majority (docs/actors.md); when the vote was close, an editor should
    settle it in the registry. Listed once, at the actor's first mention.
    """
    read: dict[str, Counter[str]] = {}
    first: dict[str, tuple[str, int]] = {}
    for item in articles:
        lines = {b.id: b.line for b in item.article.blocks}
        before = annotated(item.article) if annotated is not None else None
        decided: list[EntityKind | None] = (
            [e.kind for e in before.entities]
            if before is not None and len(before.entities) == len(item.annotations.entities)
            else [kind_of(e.label) for e in item.annotations.entities])
        for entity, kind in zip(item.annotations.entities, decided, strict=True):
            actor = actors.get(entity.actor) if entity.actor else None
            if actor is None or actor.from_registry or kind is None:
                continue
            read.setdefault(actor.id, Counter())[kind] += 1
            first.setdefault(actor.id, (f"content/{item.article.path}",
                                        lines.get(entity.block, 1)))
    found = []
    for actor_id, kinds in sorted(read.items()):
        actor = actors[actor_id]
        total = sum(kinds.values())
        other = total - kinds.get(actor.kind, 0)
        if other and other >= CONFLICT_SHARE * total:
            readings = ", ".join(f"{n} as {k}" for k, n in sorted(kinds.items()))
            path, line = first[actor_id]
            found.append(Finding(path, line, "kind-conflict",
                                 f"{actor.name!r} is shown as {actor.kind}; its mentions "
                                 f"were read {readings}: give it a kind in "
                                 "content/actors.yml"))
    return found


def _article_findings(item: AnnotatedArticle, content_dir: Path,
                      targets: _LinkTargets) -> Iterator[Finding]:
    article, ann = item.article, item.annotations
    path = f"content/{article.path}"
    lines = {b.id: b.line for b in article.blocks}
    results: list[Finding] = []
    for fig in ann.figures:
        if fig.source is None and fig.source_text:
            # "selon une source militaire": sourced, by someone the site has no page for.
            results.append(Finding(path, lines.get(fig.block, 1), "unlinked-source",
                                   f"«{fig.text}» is reported by {fig.source_text!r}, "
                                   "linked to no actor"))
        elif fig.source is None:
            results.append(Finding(path, lines.get(fig.block, 1), "unsourced-figure",
                                   f"«{fig.text}» has no source"))
    for quote in ann.quotes:
        if quote.speaker is None:
            excerpt = quote.text if len(quote.text) <= 60 else quote.text[:57] + "…"
            if quote.speaker_text:
                results.append(Finding(path, lines.get(quote.block, 1), "unlinked-speaker",
                                       f"«{excerpt}» is said by {quote.speaker_text!r}, "
                                       "linked to no actor"))
            else:
                results.append(Finding(path, lines.get(quote.block, 1),
                                       "quote-without-speaker", f"«{excerpt}»"))
    for entity in ann.entities:
        if entity.actor is None:
            results.append(Finding(path, lines.get(entity.block, 1), "unlinked-entity",
                                   f"{entity.text!r} ({entity.kind}) is linked to no actor"))
    results.extend(_broken_references(item, path, content_dir, targets))
    yield from sorted(results, key=lambda f: (f.line, f.kind, f.message))


def _broken_references(item: AnnotatedArticle, shown: str, content_dir: Path,
                       targets: _LinkTargets) -> Iterator[Finding]:
    article = item.article
    for token in parse(article.body):
        if token.type != "inline":
            continue
        line = article.body_line + (token.map[0] if token.map else 0)
        for child in token.children or []:
            if child.type == "link_open" and child.markup != "autolink":
                target = str(child.attrs.get("href", ""))
                problem = targets.problem(target, article)
                kind = "broken-link"
            elif child.type == "image":
                target, kind = str(child.attrs.get("src", "")), "broken-image"
                problem = _local_target_problem(target, article.path, content_dir)
            else:
                continue
            if problem:
                yield Finding(shown, line, kind, f"{target!r}: {problem}")


def _local_target_problem(target: str, rel: PurePosixPath, content_dir: Path) -> str | None:
    """Why a relative image does not resolve inside content/, or None."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not parts.path or target.startswith("#"):
        return None  # external, or an anchor in the same page
    if parts.path.startswith("/"):
        return "absolute paths break when the site is served from a sub-path; use a relative path"
    resolved = (content_dir / rel.parent / unquote(parts.path)).resolve()
    if not resolved.is_relative_to(content_dir.resolve()):
        return "points outside content/"
    if not resolved.exists():
        return "no such file in content/"
    return None


class _LinkTargets:
    """What the links of a body may lead to: articles (and their ids), copied files, pages.

    A link is resolved as the renderer does (render/links.py): from the
    article file inside content/ first, then, for a link written as a page
    URL, from the article's page inside output/.
    """

    def __init__(self, site: Site, assets: Collection[str], per_page: int | None) -> None:
        self._site = site
        self._articles = article_paths(site)
        self._by_slug = {item.article.slug: item for item in site.articles}
        self._assets = frozenset(assets)
        self._outputs = _generated(site, self._assets, per_page)
        self._ids: dict[str, tuple[frozenset[str], list[str]]] = {}

    def problem(self, href: str, article: Article) -> str | None:
        """Why a link of `article` leads nowhere (with the fix), or None."""
        link = local_link(href, article.path)
        if link is None:
            return None  # external, or within the page
        if link.local is not None:
            slug = self._articles.get(link.local)
            if slug is not None:
                return self._draft_problem(slug, article) or \
                    self._fragment_problem(slug, link.fragment, article)
            if link.local in self._assets:
                return None
        out = page_path(link.path, article.slug)
        if out is not None:
            slug = self._page_slug(out)
            if slug is not None:
                return self._draft_problem(slug, article) or \
                    self._fragment_problem(slug, link.fragment, article)
            if out in self._outputs:
                return None
        return self._missing(link.path, link.local, out, article)

    def _missing(self, path: str, local: str | None, out: str | None,
                 article: Article) -> str:
        named = self._article_named(path)
        fix = (f" — link the article's file: [texte]({self._relative(named, article)})"
               if named is not None else "")
        if local is None and (out is None or path.lower().endswith(".md")):
            return "points outside content/" + (fix or " — link a file under content/")
        if path.lower().endswith(".md"):
            return (f"{local!r} is not an article of the site"
                    + (fix or " — check the file name: articles are the .md files under "
                       "content/ (not those starting with '_' or '.')"))
        if path.startswith("/"):
            return ("no such file in content/ (a leading '/' means content/)"
                    + (fix or " — use a path relative to the article file"))
        if local is None or path.endswith(("/", "index.html")):
            return "no such page of the site, nor file in content/" + (
                fix or " — link the article's file instead, e.g. [texte](../syrie/alep.md)")
        return "no such file in content/" + (
            fix or " — link a file relative to the article file, e.g. ../docs/rapport.pdf")

    def _draft_problem(self, slug: str, article: Article) -> str | None:
        target = self._by_slug[slug].article
        if target.draft and not article.draft:
            return (f"content/{target.path} is a draft, which `build` leaves out — publish it "
                    "(delete its `draft: true`) or remove the link")
        return None

    def _fragment_problem(self, slug: str, fragment: str, article: Article) -> str | None:
        wanted = unquote(fragment)
        if not wanted:
            return None
        ids, headings = self._ids_of(slug)
        if wanted in ids:
            return None
        target = self._by_slug[slug].article
        shown = ", ".join("#" + h for h in headings[:5]) or "none"
        return (f"the article content/{target.path} has no #{wanted} — link one of its "
                f"headings' ids (## Bilan → #bilan): {shown}")

    def _ids_of(self, slug: str) -> tuple[frozenset[str], list[str]]:
        """The ids of the article's body as its page has them, and its headings' in order."""
        if slug not in self._ids:
            item = self._by_slug[slug]
            ctx = BodyContext(article=item.article, root="../../",
                              annotations=item.annotations, actors=self._site.actors)
            body = render_body(ctx)
            self._ids[slug] = (frozenset(html.unescape(i) for i in _ID.findall(body)),
                               [html.unescape(i) for i in _HEADING_ID.findall(body)])
        return self._ids[slug]

    def _page_slug(self, out: str) -> str | None:
        directory = out.removesuffix("index.html").rstrip("/")
        head, _, slug = directory.partition("/")
        return slug if head == "articles" and slug in self._by_slug else None

    def _article_named(self, path: str) -> Article | None:
        """The article a broken link most likely means: same file name, or same slug."""
        name = PurePosixPath(path.rstrip("/").removesuffix("index.html").rstrip("/")).name
        for item in self._site.articles:
            if name in (item.article.path.name, item.article.slug):
                return item.article
        return None

    @staticmethod
    def _relative(target: Article, article: Article) -> str:
        return posixpath.relpath(target.path.as_posix(), article.path.parent.as_posix())


# The body is sanitized HTML: attributes are double-quoted, values escaped.
_ID = re.compile(r'\sid="([^"]*)"')
_HEADING_ID = re.compile(r'<h[1-6][^>]*?\sid="([^"]*)"')


def _generated(site: Site, assets: frozenset[str], per_page: int | None) -> frozenset[str]:
    """The output-relative paths of what a build publishes, pages also as `dir/` and `dir`."""
    directories = ["", "tags/", *SORT_DIRECTORIES.values(), FIGURES_DIRECTORY,
                   NETWORK_DIRECTORY]
    index, lookup = actor_index(site.articles, site.actors), site_lookup(site)
    index_pages = len(actor_index_pages(actor_groups(site.actors, index, "", messages("en"),
                                                     "name")))
    for directory in SORT_DIRECTORIES.values():
        directories += [directory + page_directory(n) for n in range(2, index_pages + 1)]
    for actor_id in site.actors:
        base = f"actors/{actor_id}/"
        directories += [base + page_directory(n)
                        for n in range(1, article_pages(index, actor_id) + 1)]
        directories += [base + "quotes/" + page_directory(n)
                        for n in range(1, quote_pages(lookup, actor_id) + 1)]
    pages = len(paginate(site.articles, per_page)) if per_page else 1
    directories += [page_directory(n) for n in range(2, pages + 1)]
    for group in [*figure_groups(site, messages("en")), *unit_groups(site)]:
        chunks = len(paginate(group.figures, FIGURES_PER_PAGE))
        directories += [group.directory + page_directory(n) for n in range(1, chunks + 1)]
    for tag in group_tags(site.articles):
        chunks = len(paginate(tag.articles, per_page)) if per_page else 1
        directories += [f"tags/{tag.slug}/" + page_directory(n) for n in range(1, chunks + 1)]
    files = {*assets, *STATIC_FILES, "404.html", "feed.xml", "sitemap.xml",
             "api/articles.json", export.ACTORS_PATH, export.COUNTS_PATH,
             *(export.annotations_path(item.article.slug) for item in site.articles)}
    for directory in directories:
        files.update({directory + "index.html", directory, directory.rstrip("/")})
    return frozenset(files)


@dataclass(frozen=True, slots=True)
class KindHelp:
    about: str  # what a finding of this kind is
    fix: str  # what an editor does about it


# In the order the report lists them: what breaks the site first, then what
# readers would misread, then what only makes the actor pages poorer.
KINDS: dict[str, KindHelp] = {
    "broken-link": KindHelp(
        "a link that leads nowhere on the built site",
        "link the other article's .md file, relative to this one; each line says what is "
        "missing"),
    "broken-image": KindHelp(
        "an image that is not in content/",
        "put the file under content/ and give its path relative to the article"),
    "unsourced-figure": KindHelp(
        "a figure nobody is said to have reported",
        "name the source in its sentence (\"selon l’OHDH\", \"a précisé l’ONG\", "
        "\"according to …\")"),
    "quote-without-speaker": KindHelp(
        "a quotation nobody is said to have said",
        "name the speaker in a reporting clause (« … », a déclaré X)"),
    "unlinked-source": KindHelp(
        "a figure whose source is named in words no actor stands for",
        "nothing, when the source is meant to stay unnamed (\"selon une source militaire\"); "
        "else name it, or add it to content/actors.yml"),
    "unlinked-speaker": KindHelp(
        "a quotation whose speaker is named in words no actor stands for",
        "nothing, when the speaker is meant to stay unnamed (\"un habitant\"); else name "
        "them, or add them to content/actors.yml"),
    "kind-conflict": KindHelp(
        "an actor whose mentions were read as different kinds",
        "give the actor its kind in content/actors.yml"),
    "unlinked-entity": KindHelp(
        "a name linked to no actor page",
        "add the name, or the actor it belongs to, to content/actors.yml"),
}


def run_check(site_dir: Path, out: TextIO, quiet: bool = False, fmt: str = "text") -> int:
    """Print the report (`fmt` "text" or "json"); return how many findings were listed."""
    builder = Builder(site_dir, drafts=True)  # an editor checks drafts before publishing them
    site, assets = builder.analyse()
    listed = findings(site, builder.config.content_dir, builder.annotated, assets,
                      builder.config.per_page)
    if fmt == "json":
        json.dump(report_json(listed, len(site.articles)), out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        write_text(listed, len(site.articles), out, quiet=quiet)
    return len(listed)


def _by_kind(listed: list[Finding]) -> list[tuple[str, list[Finding]]]:
    groups: dict[str, list[Finding]] = {}
    for finding in listed:
        groups.setdefault(finding.kind, []).append(finding)
    order = {kind: n for n, kind in enumerate(KINDS)}
    return sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def write_text(listed: list[Finding], articles: int, out: TextIO, *, quiet: bool) -> None:
    """Findings grouped by kind, each group under what it is and how to fix it.

    Every finding line starts with `path:line:` so editors and their tools
    jump to it; `quiet` prints those lines alone.
    """
    for n, (kind, group) in enumerate(_by_kind(listed)):
        if not quiet:
            help_ = KINDS.get(kind)
            print(("\n" if n else "") + f"{kind}: {len(group)}"
                  + (f" — {help_.about}\n  fix: {help_.fix}" if help_ else ""), file=out)
        for finding in group:
            print(terminal_safe(str(finding)), file=out)
    if not quiet:
        touched = len({f.path for f in listed})
        print(("\n" if listed else "")
              + f"{len(listed)} finding(s) in {touched} of {articles} article(s)", file=out)


def report_json(listed: list[Finding], articles: int) -> dict[str, object]:
    """The report as data: documented in docs/content.md, "Checking a site"."""
    return {
        "articles": articles,
        "articles_with_findings": len({f.path for f in listed}),
        "kinds": [{"kind": kind, "count": len(group),
                   "about": KINDS[kind].about if kind in KINDS else None,
                   "fix": KINDS[kind].fix if kind in KINDS else None}
                  for kind, group in _by_kind(listed)],
        "findings": [{"path": f.path, "line": f.line, "kind": f.kind, "message": f.message}
                     for f in listed],
    }
