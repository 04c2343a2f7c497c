"""What actor and site pages need beyond `link.ActorIndex`, gathered in one pass.

An actor page shows the figures the actor reported and the quotes it said,
wherever they are on the site. Scanning the site for each actor would cost
(actors × figures); `site_lookup` indexes them once per build, with the
text of each article's blocks (an actor page of a long article would
otherwise gather them again for each actor).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from site_builder.model import AnnotatedArticle, Figure, Quote, Site
from site_builder.render.snippets import BlockText, block_texts


@dataclass(frozen=True, slots=True)
class ReportedFigure:
    item: AnnotatedArticle
    number: int  # 1-based, in its article
    figure: Figure


@dataclass(frozen=True, slots=True)
class SaidQuote:
    item: AnnotatedArticle
    quote: Quote


@dataclass(slots=True)
class SiteLookup:
    """Articles by slug, figures by source, quotes by speaker (in site, then text
    order), and the block texts of each article (`snippets.block_texts`) by slug."""

    articles: dict[str, AnnotatedArticle] = field(default_factory=dict)
    figures: dict[str, list[ReportedFigure]] = field(default_factory=dict)
    quotes: dict[str, list[SaidQuote]] = field(default_factory=dict)
    texts: dict[str, dict[str, BlockText]] = field(default_factory=dict)


def site_lookup(site: Site) -> SiteLookup:
    lookup = SiteLookup()
    for item in site.articles:
        lookup.articles[item.article.slug] = item
        lookup.texts[item.article.slug] = block_texts(item)
        for number, figure in enumerate(item.annotations.figures, start=1):
            if figure.source is not None:
                lookup.figures.setdefault(figure.source, []).append(
                    ReportedFigure(item, number, figure))
        for quote in item.annotations.quotes:
            if quote.speaker is not None:
                lookup.quotes.setdefault(quote.speaker, []).append(SaidQuote(item, quote))
    return lookup
