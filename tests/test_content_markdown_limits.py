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


def test_cells_beyond_the_header_are_kept_in_the_last_cell() -> None:
    body = ("| Ville | Bilan |\n|---|---:|\n| Idleb | 12 morts | selon l’OSDH | mardi |\n"
            "| Alep | 3 \\| 4 blessés |\n\n> | a |\n> |---|\n> | b | c |\n")
    text = page_text(render(body))
    for words in ["12 morts | selon l’OSDH | mardi", "3 | 4 blessés", "b | c"]:
        assert words in text
    blocks = extract_blocks(parse(body), 1)
    assert any(b.text == "12 morts | selon l’OSDH | mardi" for b in blocks)


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


# ---------------------------------------------------------------- raw HTML and NER text


def texts(body: str) -> list[str]:
    return [b.text for b in extract_blocks(parse(body))]


def test_script_text_is_not_block_text_and_leaves_a_word_boundary() -> None:
    [text] = texts("Emmanuel Macron<script>alert('body')</script> a parlé.")
    assert "alert" not in text
    assert "Macronalert" not in text
    assert text.split() == ["Emmanuel", "Macron", "a", "parlé."]


def test_every_element_the_sanitizer_empties_is_left_out_of_block_text() -> None:
    for name in ["script", "style", "template", "iframe", "noscript", "noembed", "noframes",
                 "textarea", "title"]:
        body = f"Avant <{name}>dedans <b>gras</b> encore</{name}> après."
        [text] = texts(body)
        assert text.split() == ["Avant", "après."], name
        assert "dedans" not in page_text(render(body)), name


def test_a_script_left_open_hides_the_next_blocks_up_to_its_end_tag() -> None:
    body = "Un <script>caché\n\nencore caché\n\n- toujours </script> vu\n\nvu aussi"
    assert [t.split() for t in texts(body)] == [["Un"], [], ["vu"], ["vu", "aussi"]]
    shown = page_text(render(body))
    assert "caché" not in shown and "toujours" not in shown
    assert "vu" in shown and "aussi" in shown


def test_raw_html_blocks_open_and_close_hidden_text() -> None:
    body = "<div>\n<style>\n</div>\n\ncaché\n\n</style>\n\nvisible"
    assert [t.strip() for t in texts(body)] == ["", "visible"]
    assert "caché" not in page_text(render(body))


def test_markup_inside_a_script_does_not_close_it() -> None:
    [text] = texts('A <script>x = "</b></p><template>";</script> B <template><script>'
                   "</template></script>C</template> D")
    assert text.split() == ["A", "B", "D"]


def test_tags_that_separate_words_on_the_page_separate_them_in_block_text() -> None:
    [text] = texts("Bachar<br>al-Assad et <b>Em</b>manuel <span>Macron</span><td>Paris")
    assert text.split() == ["Bachar", "al-Assad", "et", "Emmanuel", "Macron", "Paris"]


def test_annotations_after_raw_html_land_on_their_words() -> None:
    body = ("Emmanuel Macron<script>alert('Poutine')</script> a parlé à Vladimir<br>Poutine"
            " <b>et</b> <i>Olaf</i> Scholz.")
    article = make_article(body)
    [block] = article.blocks
    assert block.text == "Emmanuel Macron  a parlé à Vladimir Poutine et Olaf Scholz."
    entities = [Entity(name, "person", "PER", block.text.index(name),
                       block.text.index(name) + len(name), block.id, "fr")
                for name in ["Emmanuel Macron", "Vladimir Poutine", "Olaf Scholz"]]
    html = render_body(BodyContext(article=article, root="../../",
                                   annotations=Annotations(entities=entities)))
    assert "alert" not in html
    # One piece per text token: the <br> and the <i> cut the names, nothing shifts.
    pieces = [part.split(">", 1)[1].split("<", 1)[0] for part in html.split('class="entity')[1:]]
    assert pieces == ["Emmanuel Macron", "Vladimir", "Poutine", "Olaf", "Scholz"]


# ---------------------------------------------------------------- pathological runs


def test_runs_too_long_to_be_words_are_blanked_for_the_models_offsets_unchanged() -> None:
    from site_builder.annotate.nlp import LONGEST_WORD, without_long_words

    prose = "Emmanuel Macron a parlé à l'ONU : https://example.org/un/chemin?x=1 « oui »."
    assert without_long_words(prose) == prose
    for run in ["[" * 50_000, "l'" * 25_000, "[*<" * 1000, "x" * (LONGEST_WORD + 1)]:
        text = f"Avant {run} Emmanuel Macron."
        blanked = without_long_words(text)
        assert len(blanked) == len(text)
        assert blanked.split() == ["Avant", "Emmanuel", "Macron."]
    kept = "y" * LONGEST_WORD
    assert without_long_words(kept) == kept
