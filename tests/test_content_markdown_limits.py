"""Hostile Markdown: deep nesting and raw HTML lose no text and feed no hidden text to NER.

markdown-it drops whatever lies past `maxNesting` levels; `content.markdown`
flattens it instead. Raw HTML tags are not text, and what the sanitizer drops
with its content (scripts, styles...) is not in `Block.text` either.
"""

from __future__ import annotations

from html.parser import HTMLParser

from site_builder.content.blocks import extract_blocks
from site_builder.content.markdown import parse
from site_builder.model import Annotations, Entity
from site_builder.render.context import BodyContext
from site_builder.render.markdown import render_body
from tests.test_render_support import make_article

from .conftest import BLANK_SITE_TOML, SiteFactory, build_ok


class _Text(HTMLParser):
    """The text a reader sees in an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def page_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    parser.close()
    return " ".join(parser.parts)


def render(body: str, annotations: Annotations | None = None) -> str:
    article = make_article(body)
    return render_body(BodyContext(article=article, root="../../", annotations=annotations))


def nested_list(depth: int, word: str = "item") -> str:
    return "".join(f"{'  ' * i}- {word}{i}\n" for i in range(depth))


# ---------------------------------------------------------------- deep nesting


def test_text_after_deep_list_and_inside_deep_blockquote_reaches_the_page(
        make_site: SiteFactory) -> None:
    body = (nested_list(12) + "\nParagraphe après la liste.\n\n"
            + ">" * 25 + " citation profonde\n\nDernier paragraphe.\n")
    site = make_site({"site.toml": BLANK_SITE_TOML, "content/profond.md":
                      "---\ntitle: Profond\ndate: 2026-03-01\n---\n\n" + body})
    build_ok(site)
    html = (site / "output/articles/profond/index.html").read_text(encoding="utf-8")
    text = page_text(html)
    for words in ["item0", "item11", "Paragraphe après la liste", "citation profonde",
                  "Dernier paragraphe"]:
        assert words in text


def test_a_too_deep_container_is_flattened_into_a_paragraph_at_the_allowed_depth() -> None:
    html = render(">" * 25 + " citation")
    assert html.count("<blockquote>") < 25
    # The markers beyond the limit stay as text: nothing is hidden or dropped.
    assert "&gt; citation</p>" in html
    assert "citation" in page_text(html)


def test_nesting_within_the_limit_is_unchanged() -> None:
    html = render(nested_list(8) + "\n" + ">" * 15 + " citation\n")
    assert html.count("<ul>") == 8
    assert html.count("<blockquote>") == 15
    assert "&gt;" not in html


def test_thousands_of_levels_parse_without_recursion_and_keep_every_word() -> None:
    for body in [">" * 3000 + " fond\n\nfin",
                 # Each line indented further: 300 levels are already 90,000 characters.
                 nested_list(300, "fond") + "\nfin",
                 "- " * 3000 + "fond\n\nfin",
                 "1. " * 3000 + "fond\n\nfin",
                 "> - " * 1500 + "fond\n\nfin",
                 "[^n]: " * 3000 + "fond\n\nfin [^n]"]:
        text = page_text(render(body))
        assert "fond" in text and "fin" in text, body[:20]
    text = page_text(render(nested_list(300)))
    assert all(f"item{i}" in text for i in range(300))


def test_offsets_in_a_flattened_block_mark_the_words_they_point_to() -> None:
    body = nested_list(12) + "\n" + ">" * 25 + " Emmanuel Macron parle.\n"
    article = make_article(body)
    block = next(b for b in article.blocks if "Macron" in b.text)
    start = block.text.index("Emmanuel Macron")
    entity = Entity("Emmanuel Macron", "person", "PER", start, start + 15, block.id, "fr")
    html = render_body(BodyContext(article=article, root="../../",
                                   annotations=Annotations(entities=[entity])))
    assert 'class="entity' in html
    assert ">Emmanuel Macron</" in html
    # The load stage numbers the same blocks as the parser the renderer uses.
    assert [b.text for b in extract_blocks(parse(body))] == [b.text for b in article.blocks]
