"""Discover and load content/: articles (.md) and the files copied as they are.

This is the only place that reads articles from disk. It reports every bad
file of a run at once, each as `path:line: message`.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import stat
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from zoneinfo import ZoneInfo

from site_builder.config import Config
from site_builder.content import frontmatter
from site_builder.content.blocks import extract_blocks
from site_builder.content.clean import blank_controls
from site_builder.content.files import (
    MAX_ARTICLE_BYTES,
    Unreadable,
    file_kind,
    read_regular,
)
from site_builder.content.markdown import parse
from site_builder.errors import ContentError, Problem
from site_builder.model import Article
from site_builder.slugs import slugify


def relative(path: Path, base: Path) -> PurePosixPath:
    return PurePosixPath(path.relative_to(base).as_posix())


def load_article(path: Path, config: Config) -> Article:
    """Read and validate one article; raises ContentError with every problem in it."""
    rel = relative(path, config.site_dir)
    shown = str(rel)
    problems: list[Problem] = []
    try:
        raw = read_regular(path, MAX_ARTICLE_BYTES)
    except Unreadable as exc:
        raise ContentError(Problem.at(shown, 1, exc.message, exc.hint)) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        raise ContentError(Problem.at(shown, line, f"not valid UTF-8 (byte 0x{raw[exc.start]:02x})",
                                      "save the file with UTF-8 encoding")) from None
    if (binary := _binary_line(text)) is not None:
        raise ContentError(Problem.at(shown, binary, "the file holds binary data (a NUL "
                                      "character), not text", "an article is a UTF-8 text file; "
                                      "rename the file if it is not an article"))
    text = text.removeprefix("\ufeff")
    if not text.strip():
        raise ContentError(Problem.at(shown, 1, "the file is empty",
                                      "write a title and some text, or delete the file"))
    fm = frontmatter.split(text, shown, problems)
    if fm is None:
        raise ContentError(problems)
    fm.body = blank_controls(fm.body)
    fields = frontmatter.validate(fm, shown, problems)
    if problems:
        raise ContentError(problems)

    tokens = parse(fm.body)
    title = fields.title or _first_heading(tokens) or path.stem.replace("-", " ").strip()
    if not fm.body.strip() and not fields.summary:
        raise ContentError(Problem.at(shown, fm.body_line, "the article has no text",
                                      "write the article body after the front matter"))
    slug = fields.slug or slugify(path.stem) or slugify(title)
    if not slug:
        raise ContentError(Problem.at(shown, fm.lines.get("title", 1),
                                      "cannot derive a URL slug from the file name or title",
                                      "add slug: some-ascii-words to the front matter"))
    tz = ZoneInfo(config.timezone)
    date = _as_datetime(fields.date, tz) if fields.date is not None else \
        dt.datetime.fromtimestamp(path.stat().st_mtime, tz=tz).replace(microsecond=0)
    try:  # every page shows it in the site's time zone, and feeds in UTC
        date.astimezone(tz).astimezone(dt.UTC).timestamp()
    except (OverflowError, ValueError):
        raise ContentError(Problem.at(shown, fm.lines.get("date", 1),
                                      f"`date` {date.isoformat()} is out of range",
                                      "write a date such as date: 2026-03-12")) from None
    return Article(
        path=relative(path, config.content_dir),
        slug=slug,
        title=title,
        date=date,
        lang=fields.lang or config.language,
        body=fm.body,
        body_line=fm.body_line,
        source=fields.source,
        authors=fields.authors,
        tags=fields.tags,
        summary=fields.summary,
        image_credit=fields.image_credit,
        draft=fields.draft,
        extra=fields.extra,
        blocks=extract_blocks(tokens, fm.body_line),
        digest=hashlib.sha256(raw).hexdigest(),
    )


def _binary_line(text: str) -> int | None:
    """The line of the first NUL: no text editor writes one, so the file is not prose."""
    at = text.find("\0")
    return None if at < 0 else text.count("\n", 0, at) + 1


def _first_heading(tokens: Iterable) -> str | None:
    tokens = list(tokens)
    for i, token in enumerate(tokens):
        if token.type == "heading_open" and i + 1 < len(tokens):
            text = "".join(c.content for c in tokens[i + 1].children or []
                           if c.type in ("text", "code_inline"))
            if text.strip():
                return text.strip()
    return None


def _as_datetime(value: dt.date | dt.datetime, tz: ZoneInfo) -> dt.datetime:
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=tz)
    return dt.datetime(value.year, value.month, value.day, tzinfo=tz)


def refused_problems(paths: Iterable[Path], config: Config) -> list[Problem]:
    """One problem for each file of content/ that is listed but never read."""
    problems = []
    for path in paths:
        shown = str(relative(path, config.site_dir))
        try:
            mode = path.lstat().st_mode
        except OSError:
            continue
        if not stat.S_ISREG(mode):
            problems.append(Problem.at(shown, 1, f"is {file_kind(mode)}, not a regular file",
                                       "only regular files are read; remove it"))
        else:
            problems.append(Problem.at(
                shown, 1, f"`{path.suffix}` files are not published: a browser would run "
                "them as pages of the site", "embed media as images, or link to the "
                "document on another site (docs/content.md, \"Assets\")"))
    return problems


def load_articles(paths: Iterable[Path], config: Config) -> tuple[list[Article], list[Problem]]:
    """Load every article, collecting the problems of all bad files."""
    articles: list[Article] = []
    problems: list[Problem] = []
    for path in paths:
        try:
            articles.append(load_article(path, config))
        except ContentError as exc:
            problems.extend(exc.problems)
    problems.extend(duplicate_slugs(articles))
    return articles, problems


def duplicate_slugs(articles: Iterable[Article]) -> list[Problem]:
    seen: dict[str, Article] = {}
    problems: list[Problem] = []
    for article in articles:
        first = seen.setdefault(article.slug, article)
        if first is not article:
            problems.append(Problem.at(
                f"content/{article.path}", 1,
                f"slug `{article.slug}` is already used by content/{first.path}",
                "set a different `slug:` in the front matter of one of them"))
    return problems
