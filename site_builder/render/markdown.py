"""Article body: Markdown -> annotated, sanitized HTML.

The parser is the site's one dialect (`content.markdown.make_markdown`) with
the render stage's core rules pushed after the built-in ones, so block ids
and text offsets are those the annotate stage saw.
"""

from __future__ import annotations

from markdown_it import MarkdownIt

from site_builder.content.markdown import make_markdown
from site_builder.render.annotate_rule import annotate_plugin
from site_builder.render.context import ENV_KEY, BodyContext
from site_builder.render.figures import figures_plugin
from site_builder.render.heading_ids import heading_ids_plugin
from site_builder.render.link_rule import links_plugin
from site_builder.render.sanitize import sanitize


def make_render_markdown() -> MarkdownIt:
    md = make_markdown()
    # Order matters: entities first, while every inline token is where
    # content.blocks numbered it; then images and figures; then ids for
    # headings (never one the annotations took) and links rewritten for the page.
    md.use(annotate_plugin)
    md.use(figures_plugin)
    md.use(heading_ids_plugin)
    md.use(links_plugin)
    return md


_MD = make_render_markdown()


def render_body(ctx: BodyContext, md: MarkdownIt | None = None) -> str:
    """The sanitized HTML of `ctx.article`'s body. Warnings go to `ctx.warnings`."""
    parser = md or _MD
    env = {ENV_KEY: ctx}
    tokens = parser.parse(ctx.article.body, env)
    return sanitize(parser.renderer.render(tokens, parser.options, env))


def body_anchors(ctx: BodyContext, md: MarkdownIt | None = None) -> frozenset[str]:
    """The ids the annotate rule gives `ctx.article`'s body: a parse, no HTML.

    The sanitizer keeps every id the rule gives (the annotate rule never marks
    text inside the elements it drops with their content), so these are the
    rendered page's.
    """
    parser = md or _MD
    parser.parse(ctx.article.body, {ENV_KEY: ctx})
    return frozenset(ctx.anchors)
