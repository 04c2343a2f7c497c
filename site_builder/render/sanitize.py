"""The allowlist every article body passes through.

Markdown may contain raw HTML, so the rendered body is cleaned with nh3:
what Markdown itself produces (tables, footnotes, figures...), the markup of
the annotation rules, and common harmless inline HTML survive; scripts,
styles (table alignment becomes `data-align`), event handlers and
`javascript:` URLs do not. Scripts, styles, templates, frames and the other
elements of `content.html_text.DROPPED` go with their content. Relative URLs
pass unchanged. No `rel` is added, so the output depends only on the input.
"""

from __future__ import annotations

import re

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
        "data-kind", "data-actor", "data-entity", "data-repeat",
        "data-figure", "data-n", "data-quote", "data-speaker", "data-name", "data-card",
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


# The site's Content-Security-Policy (templates/base.html) refuses inline
# styles: a column's alignment becomes an attribute the stylesheet reads.
_ALIGN = re.compile(r' style="text-align:(left|center|right)"')
_STYLE = re.compile(r' style="[^"]*"')


def sanitize(html: str) -> str:
    """Clean an HTML fragment rendered from Markdown."""
    cleaned = _CLEANER.clean(html)
    if ' style="' not in cleaned:
        return cleaned
    return _STYLE.sub("", _ALIGN.sub(r' data-align="\1"', cleaned))
