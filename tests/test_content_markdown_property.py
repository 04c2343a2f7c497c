"""Every word of an article body reaches its page; no hidden word reaches NER.

Bodies are drawn from a grammar of nested Markdown: lists, blockquotes,
headings, tables, fences, emphasis, links, code spans, raw inline HTML and
stray `<`, `&`, `[`..., nested up to ~40 levels. Words are `mot<n>`; the
words inside an element the sanitizer drops with its content
(`content.html_text.DROPPED`: `<script>`, `<style>`, `<template>`,
`<iframe>`, `<noscript>`...) written as one raw inline element with nothing
but words inside are `cache<n>`, and are the only exception:

- each `mot` word occurs in the rendered body's text (`render_body`, the
  article page's path: parse, annotate rule, sanitize) as often as in the
  source;
- no `cache` word occurs in the page text, nor in any `Block.text`, the
  text that entity extraction reads.

The suite runs a few hundred examples; explore more with, for instance,
`HYPOTHESIS_PROFILE=explore MARKDOWN_PROPERTY_EXAMPLES=10000`.
"""

from __future__ import annotations

import os
import re
from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.render.context import BodyContext
from site_builder.render.markdown import render_body
from tests.test_content_markdown_limits import page_text
from tests.test_render_support import make_article

EXAMPLES = int(os.environ.get("MARKDOWN_PROPERTY_EXAMPLES", "150"))
MAX_DEPTH = 40

# `_` is a word character: `_mot1_` holds a word for us, not for `\b`.
_SHOWN = re.compile(r"(?<![a-z0-9])mot\d+(?!\d)")
_HIDDEN = re.compile(r"(?<![a-z0-9])cache\d+(?!\d)")

HIDING = ["script", "style", "template", "iframe", "noscript", "noembed", "textarea", "title"]
INLINE_TAGS = ["b", "i", "em", "span", "sub", "kbd", "code", "a href=\"https://x.org\""]
# Markup-ish text that is not a tag: stays text, or pairs up as Markdown may.
LOOSE = ["<", ">", "&", "&amp;", "a<b", "x > y", "[", "]", "*", "_", "**", "\\*", "<br>",
         "</p>", "<!-- c -->", "</div>", "<td>", "!", "~~", "(", ")"]


def word(draw: st.DrawFn, prefix: str = "mot") -> str:
    return f"{prefix}{draw(st.integers(0, 999))}"


def words(draw: st.DrawFn, prefix: str = "mot") -> str:
    return " ".join(word(draw, prefix) for _ in range(draw(st.integers(1, 3))))


def inline(draw: st.DrawFn, depth: int) -> str:
    """A run of inline Markdown; one of its parts nests `depth` levels further."""
    parts = [words(draw)]
    for _ in range(draw(st.integers(0, 2))):
        kind = draw(st.sampled_from(["words", "code", "hidden", "loose"]))
        if kind == "words":
            parts.append(words(draw))
        elif kind == "code":
            parts.append(f"`{words(draw)}`")
        elif kind == "hidden":
            tag = draw(st.sampled_from(HIDING))
            parts.append(f"<{tag}>{words(draw, 'cache')}</{tag}>")
        else:
            parts.append(draw(st.sampled_from(LOOSE)))
    if depth > 0:
        kind = draw(st.sampled_from(["emphasis", "link", "html"]))
        inner = inline(draw, depth - 1)
        if kind == "emphasis":
            mark = draw(st.sampled_from(["*", "**", "_", "__", "~~"]))
            parts.append(f"{mark}{inner}{mark}")
        elif kind == "link":
            parts.append(f"[{inner}](https://x.org/{word(draw, 'p')})")
        else:
            tag = draw(st.sampled_from(INLINE_TAGS))
            parts.append(f"<{tag}>{inner}</{tag.split()[0]}>")
    # Words first: a line that starts with a tag may be a raw HTML block, where
    # `a<b mot1` is a tag with an attribute, not text (found by exploring).
    rest = parts[1:]
    draw(st.randoms()).shuffle(rest)
    return " ".join([parts[0], *rest])


def prefixed(text: str, first: str, rest: str) -> str:
    lines = text.split("\n")
    return "\n".join([first + lines[0]] + [(rest + line) if line else rest.rstrip()
                                           for line in lines[1:]])


def block(draw: st.DrawFn, depth: int) -> str:
    """A Markdown block; containers nest `depth` levels (one child each goes deeper)."""
    kinds = ["paragraph", "heading", "table", "fence"]
    if depth > 0:
        kinds += ["bullet", "ordered", "quote", "quote", "bullet"]
    kind = draw(st.sampled_from(kinds))
    text_depth = draw(st.integers(0, min(depth, 6)))
    if kind == "paragraph":
        return inline(draw, text_depth)
    if kind == "heading":
        return "#" * draw(st.integers(1, 6)) + " " + inline(draw, text_depth)
    if kind == "table":
        return (f"| {word(draw)} | {word(draw)} |\n|---|:-:|\n"
                f"| {inline(draw, text_depth)} | {words(draw)} |")
    if kind == "fence":
        return f"```\n{words(draw)} <script>{words(draw)}\n```"
    children = [block(draw, depth - 1)]
    if draw(st.booleans()):
        children.append(block(draw, 0))
    draw(st.randoms()).shuffle(children)
    inner = "\n\n".join(children)
    if kind == "bullet":
        return prefixed(inner, "- ", "  ")
    if kind == "ordered":
        return prefixed(inner, "1. ", "   ")
    return prefixed(inner, "> ", "> ")


@st.composite
def bodies(draw: st.DrawFn) -> str:
    depth = draw(st.integers(0, MAX_DEPTH))
    blocks = [block(draw, depth)]
    blocks += [block(draw, draw(st.integers(0, 3))) for _ in range(draw(st.integers(0, 2)))]
    return "\n\n".join(blocks) + "\n"


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(bodies())
def test_every_word_reaches_the_page_and_no_hidden_word_reaches_ner(body: str) -> None:
    article = make_article(body)
    shown = page_text(render_body(BodyContext(article=article, root="../../")))
    assert Counter(_SHOWN.findall(shown)) == Counter(_SHOWN.findall(body))
    assert not _HIDDEN.findall(shown)
    assert not any(_HIDDEN.search(b.text) for b in article.blocks)
