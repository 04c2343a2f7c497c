"""The allowlist every article body passes through.

Markdown may contain raw HTML, so the rendered body is cleaned with nh3:
what Markdown itself produces (tables, footnotes, figures...), the markup of
the annotation rules, and common harmless inline HTML survive; scripts,
styles other than table alignment, event handlers and `javascript:` URLs do
not. Scripts, styles, templates, frames and the other elements of
`content.html_text.DROPPED` go with their content. Relative URLs pass
unchanged. No `rel` is added, so the output depends only on the input.
"""

from __future__ import annotations

import nh3

from site_builder.content.html_text import DROPPED

_TAGS = {
    # Markdown output
    "p", "h1", "h2", "h3", "h4", "h5", "h6", "br", "hr", "em", "strong", "del", "s",
    "code", "pre", "blockquote", "ul", "ol", "li", "a", "img",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption",
    # footnotes and figures
    "section", "sup", "figure", "figcaption",
    # annotation markup and common inline HTML
    "span", "div", "mark", "abbr", "b", "i", "u", "q", "cite", "small", "sub",
    "kbd", "samp", "var", "time", "dl", "dt", "dd",
}

_ATTRIBUTES = {
    "*": {
        "class", "id", "lang", "dir", "title", "role", "tabindex",
        "data-kind", "data-actor", "data-entity",
        "data-figure", "data-n", "data-quote", "data-speaker", "data-name",
        "aria-describedby", "aria-label", "aria-labelledby", "aria-hidden",
        "aria-description",
    },
    "a": {"href"},
    "img": {"src", "alt", "width", "height", "loading"},
    "th": {"style", "colspan", "rowspan", "scope"},
    "td": {"style", "colspan", "rowspan"},
    "ol": {"start", "reversed"},
    "li": {"value"},
    "time": {"datetime"},
    "q": {"cite"},
}

_CLEANER = nh3.Cleaner(
    tags=_TAGS,
    # Gone with their content, as `content.blocks` leaves their text out of
    # what is annotated: kept, raw text elements would show their markup as text.
    clean_content_tags=set(DROPPED),
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto", "tel"},
    link_rel=None,
    strip_comments=True,
    # Markdown tables align columns with an inline style; nothing else may.
    filter_style_properties={"text-align"},
)


def sanitize(html: str) -> str:
    """Clean an HTML fragment rendered from Markdown."""
    return _CLEANER.clean(html)
