"""What the raw HTML of a Markdown document leaves as text for a reader.

The render stage sanitizes the page (`render.sanitize`): tags go, and the
elements in `DROPPED` go with everything inside them. The text the annotate
stage reads must be the text a reader sees, so `content.blocks` follows the
raw HTML of a document in order with a `Visibility`:

- text inside a dropped element is not block text. That is decided by the
  HTML5 parsing rules, not by Markdown blocks: `<script>` left open in one
  paragraph swallows the next ones, up to its `</script>` or the end;
- a tag that separates words on the page (a line break, a cell, a dropped
  element...) stands for a space, so words on either side of it do not glue
  together; formatting tags (`<b>`, `<span>`...) do not separate, just as
  `**` does not.

Only raw HTML tokens (`html_inline`, `html_block`) are scanned: everything
else markdown-it renders escaped, so it can neither open nor close a tag.
"""

from __future__ import annotations

import re

# Elements the sanitizer removes with their content. All but <template> are
# raw text for an HTML parser: only their own end tag closes them, whatever
# markup lies inside; nothing closes <plaintext>.
DROPPED = frozenset({
    "script", "style", "template", "iframe", "noscript", "noembed", "noframes", "xmp",
    "textarea", "title", "plaintext",
})
_RAW_TEXT = DROPPED - {"template"}

# Elements that start a new line or box on the page: their tags separate words.
BOUNDARY = frozenset({
    "address", "article", "aside", "blockquote", "br", "caption", "dd", "details", "dialog",
    "div", "dl", "dt", "embed", "fieldset", "figcaption", "figure", "footer", "form",
    "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "input", "li", "main", "nav",
    "object", "ol", "p", "pre", "section", "select", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "video", "audio", "canvas", "svg", "math",
})

# A comment (unclosed: to the end), or a tag. Quoted attribute values may
# hold `>`; an unclosed quote fails only once per scan (no quote follows
# it), so the scan stays linear.
_MARKUP = re.compile(
    r"<!--(?:.*?-->|.*)"
    r"|<(/?)([A-Za-z][^\s/>\x00]*)(?:[^>\"']|\"[^\"]*\"|'[^']*')*>?",
    re.DOTALL,
)


class Visibility:
    """Whether the text at the current point of a document reaches the page.

    Feed it every raw HTML token in document order.
    """

    def __init__(self) -> None:
        self._raw: str | None = None  # the raw text element we are in
        self._templates = 0

    @property
    def hidden(self) -> bool:
        return self._raw is not None or self._templates > 0

    def feed(self, html: str) -> bool:
        """Account for the raw HTML `html`; whether it separates the words around it."""
        separates = False
        pos = 0
        while pos < len(html):
            if self._raw is not None:
                if self._raw == "plaintext":
                    break
                end = re.compile(rf"</{self._raw}(?=[\s/>])", re.IGNORECASE).search(html, pos)
                if end is None:
                    break
                self._raw = None
                pos = end.end()
                continue
            match = _MARKUP.search(html, pos)
            if match is None:
                break
            pos = match.end()
            name = match.group(2)
            if name is None:  # a comment
                continue
            name = name.lower()
            closing = bool(match.group(1))
            was_hidden = self.hidden
            if name in _RAW_TEXT and not closing:
                self._raw = name
            elif name == "template":
                self._templates = max(0, self._templates + (-1 if closing else 1))
            separates = separates or (not was_hidden and (self.hidden or name in BOUNDARY))
        return separates
