"""Links of an article body, rewritten relative to its page (see render/links.py).

A core rule; it changes only `href`s, never the tokens, so block numbering
and annotation offsets are unaffected. Without an article map in the
`BodyContext`, links stay as written.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore

from site_builder.render.context import body_context
from site_builder.render.links import rewrite


def links_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("article_links", links_rule)


def links_rule(state: StateCore) -> None:
    ctx = body_context(state.env)
    if ctx is None or ctx.articles is None or ctx.is_asset is None:
        return
    article = ctx.article
    for token in state.tokens:
        if token.type != "inline":
            continue
        for child in token.children or []:
            # Autolinks are absolute URLs by definition; raw HTML is not rewritten.
            if child.type != "link_open" or child.markup == "autolink":
                continue
            href = str(child.attrs.get("href", ""))
            done = rewrite(href, article.path, article.slug, ctx.root, ctx.articles,
                           ctx.is_asset)
            child.attrs["href"] = done.href
            if done.outside:
                ctx.warn(token.map[0] if token.map else 0,
                         f"link {href!r} points outside content/; it is left as written",
                         "link a file under content/, e.g. [texte](../syrie/alep.md)")
