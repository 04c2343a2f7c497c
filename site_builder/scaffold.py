"""`site-builder new`: a new article with its front matter filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from site_builder.config import Config
from site_builder.content.clean import has_surrogate, strip_controls
from site_builder.content.frontmatter import is_language_code
from site_builder.errors import ContentError, Problem
from site_builder.render.environment import search_path
from site_builder.render.i18n import load_catalogs
from site_builder.slugs import slugify


def new_article(config: Config, title: str, *, lang: str | None = None,
                today: dt.date) -> Path:
    """Create content/YYYY/<slug>.md and return its path. Never overwrites a file."""
    if has_surrogate(title):
        raise ContentError(Problem.at("<title>", 1, "the title is not valid text in this "
                                      "terminal's encoding",
                                      "type it again, or set a UTF-8 locale"))
    title = " ".join(strip_controls(title).split())
    if lang is not None and not is_language_code(lang):
        raise ContentError(Problem.at("--lang", 1, f"{lang!r} is not a language code",
                                      "write an ISO 639 code such as --lang fr or --lang en"))
    slug = slugify(title)
    if not slug:
        raise ContentError(Problem.at("<title>", 1, f"cannot make a file name from {title!r}",
                                      "use a title with some letters or digits"))
    folder = config.content_dir / f"{today:%Y}"
    path = folder / f"{slug}.md"
    if path.exists():
        raise ContentError(Problem.at(path.relative_to(config.site_dir), 1,
                                      "an article with this name already exists",
                                      "choose another title or edit that file"))
    lang = lang or config.language
    front = {
        "title": title,
        "date": today.isoformat(),
        "lang": lang,
        "draft": True,  # `serve` shows it, `build` leaves it out until this line goes
        "source": "",
        "authors": [],
        "tags": [],
        "summary": "",
    }
    # safe_dump quotes whatever YAML would read as another type or syntax
    # ("Oui", "2026", "a: b", "- x", "#1"): any title reads back as itself.
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False,
                                     width=10_000) + "---\n\n"
    words = load_catalogs(search_path(config), config.site_dir).words(lang.split("-")[0])
    text += words["new_article_body"] + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    with path.open("x", encoding="utf-8") as handle:
        handle.write(text)
    return path
