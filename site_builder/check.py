"""`site-builder check`: the editorial report, article by article.

It runs the pipeline up to linking (no rendering, nothing written) and lists
what an editor should look at before publishing, each as `path:line`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TextIO
from urllib.parse import unquote, urlsplit

from site_builder.annotate.labels import kind_of
from site_builder.build import Builder
from site_builder.content.markdown import parse
from site_builder.errors import terminal_safe
from site_builder.model import Actor, AnnotatedArticle, Annotations, Article, EntityKind, Site


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    line: int
    # unsourced-figure, quote-without-speaker, unlinked-entity, kind-conflict,
    # broken-link, broken-image
    kind: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.kind}: {self.message}"


def findings(site: Site, content_dir: Path,
             annotated: Callable[[Article], Annotations | None] | None = None,
             ) -> list[Finding]:
    """Everything worth an editor's attention, in article then line order.

    `annotated` gives an article's annotations before linking (the kinds the
    annotate stage decided); without it, kind conflicts are read from the
    model's labels.
    """
    found: list[Finding] = []
    articles = sorted(site.articles, key=lambda it: str(it.article.path))
    for item in articles:
        found.extend(_article_findings(item, content_dir))
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


def _article_findings(item: AnnotatedArticle, content_dir: Path) -> Iterator[Finding]:
    article, ann = item.article, item.annotations
    path = f"content/{article.path}"
    lines = {b.id: b.line for b in article.blocks}
    results: list[Finding] = []
    for fig in ann.figures:
        if fig.source is None:
            named = f" (named: {fig.source_text!r}, not linked to an actor)" if fig.source_text \
                else ""
            results.append(Finding(path, lines.get(fig.block, 1), "unsourced-figure",
                                   f"«{fig.text}» has no source{named}"))
    for quote in ann.quotes:
        if quote.speaker is None:
            excerpt = quote.text if len(quote.text) <= 60 else quote.text[:57] + "…"
            named = f" (said by: {quote.speaker_text!r}, not linked to an actor)" \
                if quote.speaker_text else ""
            results.append(Finding(path, lines.get(quote.block, 1), "quote-without-speaker",
                                   f"«{excerpt}»{named}"))
    for entity in ann.entities:
        if entity.actor is None:
            results.append(Finding(path, lines.get(entity.block, 1), "unlinked-entity",
                                   f"{entity.text!r} ({entity.kind}) is linked to no actor"))
    results.extend(_broken_references(article.body, article.body_line, article.path, path,
                                      content_dir))
    yield from sorted(results, key=lambda f: (f.line, f.kind, f.message))


def _broken_references(body: str, body_line: int, rel: PurePosixPath, shown: str,
                       content_dir: Path) -> Iterator[Finding]:
    for token in parse(body):
        if token.type != "inline":
            continue
        line = body_line + (token.map[0] if token.map else 0)
        for child in token.children or []:
            if child.type == "link_open":
                target, kind = str(child.attrs.get("href", "")), "broken-link"
            elif child.type == "image":
                target, kind = str(child.attrs.get("src", "")), "broken-image"
            else:
                continue
            problem = _local_target_problem(target, rel, content_dir)
            if problem:
                yield Finding(shown, line, kind, f"{target!r}: {problem}")


def _local_target_problem(target: str, rel: PurePosixPath, content_dir: Path) -> str | None:
    """Why a relative link or image does not resolve inside content/, or None."""
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


def run_check(site_dir: Path, out: TextIO, quiet: bool = False) -> int:
    """Print the report; return how many findings were listed."""
    builder = Builder(site_dir)
    site, _assets = builder.analyse()
    listed = findings(site, builder.config.content_dir, builder.annotated)
    for finding in listed:
        print(terminal_safe(str(finding)), file=out)
    if not quiet:
        articles = len({f.path for f in listed})
        print(f"{len(listed)} finding(s) in {articles} of {len(site.articles)} article(s)",
              file=out)
    return len(listed)
