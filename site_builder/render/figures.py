"""Images: resolved sources, sizes, and captioned figures.

A core rule, run after the annotation rule (it never removes an inline
token, so block numbering is unaffected either way):

- every image's `src` is resolved relative to the article file and rewritten
  relative to the page, with `loading="lazy"` and, for local files, `width` and
  `height` read from the file header; an image that would leave content/ is
  dropped with a warning;
- a paragraph holding nothing but one image becomes
  `<figure><img …><figcaption>alt <span class="credit">credit</span></figcaption></figure>`,
  where the credit is the image title or the article's `image_credit`.
"""

from __future__ import annotations

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from site_builder.render.context import BodyContext, body_context
from site_builder.render.images import UnsafeImage


def figures_plugin(md: MarkdownIt) -> None:
    md.core.ruler.push("figures", figures_rule)


def figures_rule(state: StateCore) -> None:
    ctx = body_context(state.env)
    if ctx is None:
        return
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "inline" or not token.children:
            continue
        line = token.map[0] if token.map else 0
        token.children = [c for c in token.children if _prepare_image(c, ctx, line)]
        emptied = not token.children and 0 < i < len(tokens) - 1
        if emptied and tokens[i - 1].type == "paragraph_open":
            # Only a left-out image was there: no empty <p> either.
            tokens[i - 1].hidden = tokens[i + 1].hidden = True
        elif _is_figure(tokens, i):
            _make_figure(tokens, i, ctx)


def _prepare_image(token: Token, ctx: BodyContext, line: int) -> bool:
    """Resolve an image's source in place; False when the image must be left out."""
    if token.type != "image" or ctx.images is None:
        return True
    src = str(token.attrGet("src") or "")
    try:
        image = ctx.images.resolve(src, ctx.article.path, ctx.root)
    except UnsafeImage as exc:
        ctx.warn(line, f"{exc}; the image is left out",
                 "keep images under content/, e.g. ../images/photo.jpg from content/2026/")
        return False
    if not image.found:
        ctx.warn(line, f"image {image.local!r} not found in content/", "check the file name")
    attrs: dict[str, str | int | float] = {"src": image.src, "alt": ""}
    if token.attrGet("title"):
        attrs["title"] = token.attrs["title"]
    attrs["loading"] = "lazy"
    if image.size is not None:
        attrs["width"], attrs["height"] = image.size
    token.attrs = attrs
    return True


def _is_figure(tokens: list[Token], i: int) -> bool:
    inline = tokens[i]
    children = inline.children or []
    return (
        0 < i < len(tokens) - 1
        and len(children) == 1
        and children[0].type == "image"
        and tokens[i - 1].type == "paragraph_open"
        and not tokens[i - 1].hidden
        and tokens[i + 1].type == "paragraph_close"
    )


def _make_figure(tokens: list[Token], i: int, ctx: BodyContext) -> None:
    opener, inline, closer = tokens[i - 1], tokens[i], tokens[i + 1]
    image = (inline.children or [])[0]
    credit = str(image.attrs.pop("title", "") or ctx.article.image_credit or "")
    tokens[i - 1] = Token("figure_open", "figure", 1, attrs=dict(opener.attrs),
                          map=opener.map, level=opener.level, block=True)
    tokens[i + 1] = Token("figure_close", "figure", -1, level=closer.level, block=True)
    # Alt text may itself hold an image, which a caption cannot show.
    caption = [_copy(child) for child in image.children or [] if child.type != "image"]
    if not caption and not credit:
        return
    children = [image, Token("figcaption_open", "figcaption", 1), *caption]
    if credit:
        if caption:
            children.append(Token("text", "", 0, content=" "))
        children += [
            Token("credit_open", "span", 1, attrs={"class": "credit"}),
            Token("text", "", 0, content=credit),
            Token("credit_close", "span", -1),
        ]
    children.append(Token("figcaption_close", "figcaption", -1))
    inline.children = children


def _copy(token: Token) -> Token:
    return Token(token.type, token.tag, token.nesting, attrs=dict(token.attrs),
                 content=token.content, markup=token.markup, info=token.info,
                 meta=dict(token.meta), children=[_copy(c) for c in token.children or []] or None)
