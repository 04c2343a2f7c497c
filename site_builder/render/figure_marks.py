"""Reported figures as marks: a highlight, and a marker linking to the figures table.

Figure N (1-based, in `Annotations.figures` order) becomes
`<span class="figure" data-figure="N" id="fig-text-N">plus de 300 civils</span>`
followed by `<a class="figure-ref" href="#fig-N" data-n="N" aria-label="…"></a>`,
an empty link the stylesheet draws (its number, through `attr(data-n)`), so
the text of the page is the text of the article. `#fig-N` is the figure's row
in the "Figures and sources" table at the end of the article, and
`fig-card-N` its card, which `site.js` opens over the marker.

Under the preview server (`dev`), a figure nobody is said to have reported
also gets the class `figure--unsourced`; published pages keep that to the table.
"""

from __future__ import annotations

from collections.abc import Mapping

from site_builder.model import Actor, Figure
from site_builder.render.context import BodyContext
from site_builder.render.i18n import Words
from site_builder.render.marks import Mark

RANK = 1  # inside a quote, around a name


def figure_anchor(number: int) -> str:
    """The id of figure `number`'s row in the article's figures table."""
    return f"fig-{number}"


def figure_card_id(number: int) -> str:
    """The id of figure `number`'s card (site.js opens it over the marker)."""
    return f"fig-card-{number}"


def figure_text_anchor(number: int) -> str:
    """The id of figure `number`'s first piece in the article text."""
    return f"fig-text-{number}"


def is_unsourced(figure: Figure) -> bool:
    """No actor and no words name who reported it ("une source militaire" is a source)."""
    return figure.source is None and not figure.source_text


def source_name(figure: Figure, actors: Mapping[str, Actor]) -> str | None:
    """Who reported the figure, as a reader should see it: the actor's name, else the words.

    An actor id the site does not know (and no words) is shown as it is.
    """
    actor = actors.get(figure.source) if figure.source else None
    if actor is not None:
        return actor.name
    return figure.source_text or figure.source or None


def figure_mark(figure: Figure, number: int, ctx: BodyContext, t: Words) -> Mark:
    """The mark of figure `number`; `t` holds the words of its block's language."""
    source = source_name(figure, ctx.actors)
    flag = ctx.dev and is_unsourced(figure)
    attrs = {"class": "figure figure--unsourced" if flag else "figure",
             "data-figure": str(number)}
    if source is not None:
        label = t["figure_source"].format(n=number, source=source)
        late = {"title": t["source_named"].format(source=source)}
    elif flag:
        label = t["figure_unsourced"].format(n=number)
        late = {"title": t["unsourced"]}
    else:
        label, late = t["figure_n"].format(n=number), {}
    return Mark(
        start=figure.start, end=figure.end, rank=RANK, name="figure", attrs=attrs,
        anchor=figure_text_anchor(number), late_attrs=late,
        trailer={"class": "figure-ref", "href": f"#{figure_anchor(number)}",
                 "data-n": str(number), "aria-label": label,
                 "data-card": figure_card_id(number)},
    )
