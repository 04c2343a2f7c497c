"""Ids for the headings of an article body, so other pages can link to a section.

`## Bilan des combats` gets `id="bilan-des-combats"` (the site's one
slugify, site_builder/slugs.py); a second heading of the same words gets
`-2`, a heading with no Latin letter or digit gets `section`. The id never
takes one the page already uses: those the annotate rule gave (it runs
first), footnotes' (`fn1`, `fnref1`) and the article template's; such a
slug gets an `h-` prefix. A link from another article names it:
`[voir](alep.md#bilan-des-combats)` (render/links.py, docs/content.md).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from site_builder.render.context import body_context
from site_builder.slugs import slugify

# Ids made by other parts of the page: the annotate rule (m-b2-45, q-b3-1,
# fig-2, fig-text-2), the footnote plugin, the actor list and templates/article.html.
_RESERVED = re.compile(r"^(?:[mq]-b\d|fig-|actor-|fn\d|fnref\d|h-)"
                       r"|^(?:main|legend-title|figures-title|article-actors-title)$")
FALLBACK = "section"


def heading_ids_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("heading_ids", heading_ids_rule)


def heading_ids_rule(state: StateCore) -> None:
    ctx = body_context(state.env)
    if ctx is None:
        return
    taken: set[str] = set(ctx.anchors)
    tokens = state.tokens
    for i, token in enumerate(tokens[:-1]):
        if token.type == "heading_open" and tokens[i + 1].type == "inline":
            ident = heading_id(_text(tokens[i + 1]), taken)
            token.attrSet("id", ident)
            taken.add(ident)


def heading_id(text: str, taken: Collection[str]) -> str:
    """The id of a heading of `text`, given the ids the page has so far."""
    base = slugify(text) or FALLBACK
    if _RESERVED.match(base):
        base = "h-" + base
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    return ident


def _text(inline: Token) -> str:
    # What a reader sees: text and code, not the URLs of links or images.
    return "".join(c.content for c in inline.children or []
                   if c.type in ("text", "code_inline"))
