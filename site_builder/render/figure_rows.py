"""Rows of the figures tables: the article's "Figures and sources", actor pages, figures/.

Values and qualifier words speak the site's language, like the rest of the
page chrome; the unit and the sentence are the article's own words and
keep its language.
"""

from __future__ import annotations

from collections.abc import Mapping, Set
from dataclasses import dataclass

from site_builder.model import Actor, AnnotatedArticle, Figure
from site_builder.render.figure_marks import (
    figure_anchor,
    figure_card_id,
    figure_text_anchor,
    is_unsourced,
    source_name,
)
from site_builder.render.i18n import local_number
from site_builder.render.pages import ArticleLink
from site_builder.render.snippets import BlockText, Snippet, block_texts, in_sentence
from site_builder.render.urls import page_href, path_segment


@dataclass(frozen=True, slots=True)
class FigureRow:
    number: int  # 1-based, in the article
    anchor: str  # id of the row on the article page ("fig-3")
    card_id: str  # id of its card on the article page ("fig-card-3")
    href: str  # the row on the article page, from the page that shows this one
    text_href: str | None  # the figure in the article text, on the article page only
    value: str  # formatted in the site's language
    amount: float  # the value as a number (its lower bound for a range)
    qualifier: str  # the qualifier's words ("plus de"), "" when exact
    qualifier_key: str  # exact, more_than, at_least, less_than, about, up_to, range
    unit: str
    text: str  # the figure's words in the article
    source_name: str | None  # the actor's name, else the words that named the source
    source_href: str | None  # the actor's page, when the source is a known actor
    unsourced: bool  # no source at all
    sentence: Snippet
    article: ArticleLink | None  # on pages other than the article's


def figure_row(
    item: AnnotatedArticle, number: int, figure: Figure, *, actors: Mapping[str, Actor],
    root: str, lang: str, t: Mapping[str, str], texts: Mapping[str, BlockText] | None = None,
    article: ArticleLink | None = None, anchors: Set[str] | None = None,
) -> FigureRow:
    """Figure `number` of `item` as seen from a page at `root`.

    With `article`, the row links to the article page; without it, the row
    is on the article page itself and `anchors` (the ids its body has)
    decides whether it links back to the text.
    """
    texts = texts if texts is not None else block_texts(item)
    actor = actors.get(figure.source) if figure.source else None
    anchor = figure_anchor(number)
    here = article is None
    text_anchor = figure_text_anchor(number)
    qualifier = figure.qualifier
    return FigureRow(
        number=number,
        anchor=anchor,
        card_id=figure_card_id(number),
        href=f"#{anchor}" if here else
        f"{page_href(root, f'articles/{item.article.slug}/')}#{anchor}",
        text_href=f"#{text_anchor}" if here and anchors and text_anchor in anchors else None,
        value=local_number(figure.value, lang),
        amount=figure.value,
        qualifier=t.get(f"q_{qualifier}", ""),
        qualifier_key=qualifier,
        unit=figure.unit,
        text=figure.text,
        source_name=source_name(figure, actors),
        source_href=page_href(root, f"actors/{path_segment(actor.id)}/") if actor else None,
        unsourced=is_unsourced(figure),
        sentence=in_sentence(texts, figure.block, figure.start, figure.end),
        article=article,
    )
