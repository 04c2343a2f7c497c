"""The one Markdown dialect of the site: CommonMark + tables, strikethrough, footnotes.

Every stage that parses Markdown gets its parser from here, so block ids and
text offsets computed at load time match the tokens the renderer sees.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin


def make_markdown() -> MarkdownIt:
    """A fresh parser. Raw HTML is parsed; the render stage sanitizes the output."""
    md = MarkdownIt("commonmark", {"html": True, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(footnote_plugin)
    return md


_PARSER = make_markdown()


def parse(body: str) -> list[Token]:
    """Parse an article body into block-level tokens (inline children attached)."""
    return _PARSER.parse(body, {})
