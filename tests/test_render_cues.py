"""The second, non-colour cues of the body's marks: first and repeat mentions,
accessible names, and where a quote's speaker tag goes (docs/theming.md)."""

from __future__ import annotations

from html.parser import HTMLParser

from site_builder.model import Actor, Annotations, Quote
from site_builder.render.context import BodyContext
from site_builder.render.markdown import render_body
from tests.test_render_support import block_langs, entity, make_article

ACTORS = {
    "derik": Actor("derik", "Hozan Derik", "person"),
    "alep": Actor("alep", "Alep", "place"),
}


class Marks(HTMLParser):
    """The entity elements of a body, in order: (tag, attributes)."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.entities: list[tuple[str, dict[str, str | None]]] = []
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("class") == "entity":
            self.entities.append((tag, found))


def render(body: str, entities: list[tuple[str, str, str, str | None, int]],
           quotes: list[Quote] | None = None) -> str:
    article = make_article(body)
    annotations = Annotations(
        blocks=block_langs(article),
        entities=[entity(article, block, text, kind, actor, occurrence)
                  for block, text, kind, actor, occurrence in entities],
        quotes=quotes or [],
    )
    ctx = BodyContext(article=article, root="../../", annotations=annotations, actors=ACTORS)
    return render_body(ctx)


def test_only_the_first_mention_of_an_actor_is_a_link() -> None:
    html = render(
        "Hozan Derik est à Alep.\n\nPuis Hozan Derik a quitté Alep, dit Derik.\n",
        [("b0", "Hozan Derik", "person", "derik", 1), ("b0", "Alep", "place", "alep", 1),
         ("b1", "Hozan Derik", "person", "derik", 1), ("b1", "Alep", "place", "alep", 1),
         # Other words for the same actor are the same actor.
         ("b1", "Derik", "person", "derik", 2)],
    )
    marks = Marks(html).entities
    assert [(tag, "data-repeat" in attrs) for tag, attrs in marks] == [
        ("a", False), ("a", False), ("span", True), ("span", True), ("span", True)]
    for _, attrs in marks[2:]:
        assert "href" not in attrs and "tabindex" not in attrs
        # Still a mark of its kind, and still a target for the actor's page.
        assert attrs["data-kind"] and attrs["id"] and attrs["data-actor"]


def test_a_name_without_an_actor_repeats_by_its_kind_and_words() -> None:
    html = render(
        "La Croix-Rouge et la croix-rouge, puis Croix-Rouge.\n",
        [("b0", "Croix-Rouge", "organization", None, 1),
         ("b0", "croix-rouge", "organization", None, 1),
         ("b0", "Croix-Rouge", "other", None, 2)],
    )
    marks = Marks(html).entities
    assert ["data-repeat" in attrs for _, attrs in marks] == [False, True, False]


def test_a_first_mention_is_named_with_its_kind_in_words() -> None:
    html = render("Hozan Derik est à Alep.\n",
                  [("b0", "Hozan Derik", "person", "derik", 1),
                   ("b0", "Alep", "place", None, 1)])
    (_, derik), (alep_tag, alep) = Marks(html).entities
    assert derik["aria-label"] == "Hozan Derik (personne)"
    # A span may not be named (ARIA): its kind stays in its tooltip.
    assert alep_tag == "span" and "aria-label" not in alep and alep["title"] == "lieu"


def test_a_mention_inside_link_text_is_not_named() -> None:
    html = render("Voir [Hozan Derik](https://example.org/).\n",
                  [("b0", "Hozan Derik", "person", "derik", 1)])
    ((tag, attrs),) = Marks(html).entities
    assert tag == "span" and "aria-label" not in attrs


def test_the_first_mention_that_can_be_a_link_links_the_actor() -> None:
    html = render("Voir [Hozan Derik](https://example.org/), puis Hozan Derik et Derik.\n",
                  [("b0", "Hozan Derik", "person", "derik", 1),
                   ("b0", "Hozan Derik", "person", "derik", 2),
                   ("b0", "Derik", "person", "derik", 3)])
    marks = Marks(html).entities
    assert [(tag, "data-repeat" in attrs) for tag, attrs in marks] == [
        ("span", False), ("a", False), ("span", True)]


def test_where_no_mention_can_be_a_link_the_first_is_still_the_only_highlight() -> None:
    # A raw HTML link anywhere in the body turns every mention into a span.
    html = render("<a href=\"https://example.org/\">x</a> Hozan Derik et Hozan Derik.\n",
                  [("b0", "Hozan Derik", "person", "derik", 1),
                   ("b0", "Hozan Derik", "person", "derik", 2)])
    marks = Marks(html).entities
    assert [(tag, "data-repeat" in attrs) for tag, attrs in marks] == [
        ("span", False), ("span", True)]


def test_the_speaker_tag_follows_the_closing_quotation_mark() -> None:
    body = "« Nous restons », a dit Hozan Derik.\n\n\u201cWe stay\u201d said he.\n"
    article = make_article(body)
    first, second = (b.text for b in article.blocks)
    quotes = [Quote("Nous restons", "b0", first.index("Nous"), first.index(" »"),
                    speaker="derik"),
              Quote("We stay", "b1", second.index("We"), second.index("\u201d"),
                    speaker="derik")]
    html = render(body, [], quotes)
    assert "Nous restons »</span><a class=\"quote-speaker\"" in html
    assert "We stay\u201d</span><a class=\"quote-speaker\"" in html
    assert "</a> »" not in html


def test_a_quote_without_a_closing_mark_keeps_its_end() -> None:
    body = "Il a dit Nous restons et il est parti.\n"
    start = body.index("Nous")
    html = render(body, [], [Quote("Nous restons", "b0", start, start + len("Nous restons"),
                                   speaker="derik")])
    assert "Nous restons</span><a class=\"quote-speaker\"" in html
