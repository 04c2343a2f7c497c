"""What the raw HTML of a Markdown document means for entity markup.

Raw HTML in Markdown is not balanced per block: `<code>` or `<a href="…">`
left open in one paragraph is, for a browser (and for nh3's HTML5 parser),
still open in the next ones, since both are "formatting elements" that HTML
re-opens after each block, except inside table cells, and so on. Rather than
re-implement the HTML5 tree builder, the rule asks two simple questions:

- is any raw HTML element whose text must not be annotated open here? (a tag
  counter over the document, in order);
- does the document contain a raw link at all? If so, mentions become
  <span>s everywhere in it: an entity <a> anywhere near a raw <a> could
  end up nested in it, or make the parser close it early.
"""

from __future__ import annotations

import re
from collections import Counter

_COMMENT = re.compile(r"<!--.*?(?:-->|$)", re.DOTALL)
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\s[^>]*)?(/?)>?")
_LINK = re.compile(r"<a[\s/>]|<a$", re.IGNORECASE)

# Text inside these is code, raw text where markup would show as text,
# foreign content (SVG, MathML) or a form control: never annotated.
PROTECTING = frozenset({
    "code", "kbd", "samp", "pre",
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
    "noscript", "plaintext", "template", "svg", "math", "select", "option",
})


_CELLS = ("td", "th", "caption")


def has_raw_link(html: str) -> bool:
    """Whether a raw HTML token opens an <a> element."""
    return bool(_LINK.search(html))


class RawHtmlState:
    def __init__(self) -> None:
        self._open: Counter[str] = Counter()

    def feed(self, html: str) -> None:
        """Account for the tags of a raw HTML token (inline tag or whole HTML block)."""
        for match in _TAG.finditer(_COMMENT.sub("", html)):
            closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
            if self_closing:
                continue
            if closing:
                self._open[name] = max(0, self._open[name] - 1)
            else:
                self._open[name] += 1

    @property
    def protected(self) -> bool:
        if any(self._open[name] for name in PROTECTING):
            return True
        # Text in a raw table but outside its cells is moved out of the table
        # by HTML parsers, differently when split by markup: leave it alone.
        return self._open["table"] > sum(self._open[name] for name in _CELLS)
