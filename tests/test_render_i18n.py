"""Pages in their own language: message catalogs, `<html lang>`, and the words of the body's markup.

An English article on a French site gets an English page (WCAG 3.1.1, 3.1.2);
the pages over the whole site keep the site's language; a site adds a
language with a catalog of its own (templates/i18n/<lang>.toml).
"""

from __future__ import annotations

import datetime as dt
import re
import string
import tomllib
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from site_builder.errors import Problem, TemplateError
from site_builder.model import Actor, AnnotatedArticle, Annotations, Article, Figure, Quote, Site
from site_builder.render import Renderer
from site_builder.render.context import BodyContext
from site_builder.render.i18n import (
    CATALOG_DIR,
    REFERENCE,
    counted,
    load_catalogs,
    messages,
    parse_catalog,
)
from site_builder.render.markdown import render_body
from site_builder.theme import theme_dir
from tests.conftest import BLANK_SITE_TOML, build_ok, write
from tests.test_render_support import block_langs, config, entity, make_article

UTC = dt.UTC
THEME_CATALOGS = sorted((theme_dir() / CATALOG_DIR).glob("*.toml"))
ENGLISH_PAGE = "articles/fighting-near-geneva/index.html"
FRENCH_PAGE = "articles/combats-a-alep/index.html"

ACTORS = {
    "who": Actor("who", "World Health Organization", "organization",
                 description="The United Nations health agency"),
    "tedros": Actor("tedros", "Tedros Adhanom", "person"),
    "geneva": Actor("geneva", "Geneva", "place"),
    "osdh": Actor("osdh", "Observatoire syrien des droits de l'Homme", "organization"),
}

BODY_EN = """\
The World Health Organization said at least 300 people fled Geneva on Monday.

"We are deeply concerned," said Tedros Adhanom.

About 40 families were counted, and the Blue Ribbon group helped them.
"""

BODY_FR = """\
Selon l'OSDH, plus de 300 civils ont été tués à Alep.

"We will not back down," said Tedros Adhanom.
"""


def figure(article: Article, block: str, text: str, value: float, qualifier: str,
           **fields: Any) -> Figure:
    """A figure placed by its text, as `entity` places a mention."""
    start = next(b.text for b in article.blocks if b.id == block).index(text)
    return Figure(text, value, qualifier, "", block, start, start + len(text),  # type: ignore[arg-type]
                  **fields)


def quote(article: Article, block: str, text: str, speaker: str) -> Quote:
    start = next(b.text for b in article.blocks if b.id == block).index(text)
    return Quote(text, block, start, start + len(text), speaker=speaker)


def english_article() -> AnnotatedArticle:
    """An English article with every piece of chrome: byline, legend, figures, a quote."""
    article = make_article(
        BODY_EN, slug="fighting-near-geneva", lang="en", title="Fighting near Geneva",
        date=dt.datetime(2026, 3, 2, 18, 0, tzinfo=UTC), source="Wire Service",
        authors=("Jane Doe",), tags=("Health",), summary="Hundreds fled the city.",
    )
    annotations = Annotations(
        blocks=block_langs(article),
        entities=[
            entity(article, "b0", "World Health Organization", "organization", "who"),
            entity(article, "b0", "Geneva", "place", "geneva"),
            entity(article, "b1", "Tedros Adhanom", "person", "tedros"),
            entity(article, "b2", "Blue Ribbon", "other"),
        ],
        figures=[
            figure(article, "b0", "at least 300 people", 300.0, "at_least", source="who",
                   source_text="The World Health Organization"),
            figure(article, "b2", "About 40 families", 40.0, "about"),
        ],
        quotes=[quote(article, "b1", "We are deeply concerned,", "tedros")],
    )
    return AnnotatedArticle(article, annotations)


def french_article() -> AnnotatedArticle:
    """A French article whose second block, a quote, is in English."""
    article = make_article(
        BODY_FR, slug="combats-a-alep", title="Combats à Alep",
        date=dt.datetime(2026, 3, 1, 8, 0, tzinfo=UTC), source="AFP", authors=("Claire Dubois",),
    )
    annotations = Annotations(
        blocks=block_langs(article, {"b1": "en"}),
        entities=[entity(article, "b0", "OSDH", "organization", "osdh"),
                  entity(article, "b1", "Tedros Adhanom", "person", "tedros")],
        figures=[figure(article, "b0", "plus de 300 civils", 300.0, "more_than", source="osdh",
                        source_text="l'OSDH")],
        quotes=[quote(article, "b1", "We will not back down,", "tedros")],
    )
    return AnnotatedArticle(article, annotations)


def mixed_site() -> Site:
    """An English and a French article (on a French site unless the config says otherwise)."""
    return Site(articles=[english_article(), french_article()], actors=dict(ACTORS))


def render(site_dir: Path, site: Site, **fields: object) -> tuple[dict[str, str], list[str]]:
    renderer = Renderer(config(site_dir, title="Newsroom", **fields))
    pages = {rel: data.decode("utf-8") for rel, data in renderer.render_all(site).items()
             if rel.endswith(".html")}
    return pages, renderer.warnings


def html_lang(page: str) -> str:
    match = re.search(r'<html lang="([^"]*)"', page)
    assert match is not None
    return match.group(1)


class Words(HTMLParser):
    """What a reader or assistive technology meets: text, and attributes that are read out."""

    READ = ("title", "aria-label", "alt", "content", "data-name")

    def __init__(self, html: str) -> None:
        super().__init__()
        self.found: list[str] = []
        self.feed(html)

    def handle_data(self, data: str) -> None:
        self.found.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.extend(v for k, v in attrs if k in self.READ and v)


def fragments(message: str) -> set[str]:
    """The literal parts of a message, without its placeholders."""
    parts = (text.strip(" ,") for text, _, _, _ in string.Formatter().parse(message))
    return {p for p in parts if re.search(r"\w", p)}


def french_only() -> set[str]:
    """The French catalog's words that no English message has ("Par", "lieu", "Source :")."""
    english = set().union(*map(fragments, messages("en").values()))
    return set().union(*map(fragments, messages("fr").values())) - english


def french_in(page: str) -> set[str]:
    found = Words(page).found
    return {word for word in french_only() for text in found
            if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)}


# ------------------------------------------------------------------------ pages


def test_an_english_article_page_is_english_on_a_french_site(tmp_path: Path) -> None:
    pages, _ = render(tmp_path, mixed_site())
    page = pages[ENGLISH_PAGE]
    assert html_lang(page) == "en"
    assert french_in(page) == set()
    # The chrome, in English.
    assert '<h2 id="legend-title">Entities in this article</h2>' in page
    assert "By Jane Doe" in page and "Source: Wire Service" in page
    assert 'aria-label="Figure 1, source: World Health Organization"' in page
    assert 'title="Source: World Health Organization"' in page
    assert 'aria-label="Quote by Tedros Adhanom"' in page
    assert 'title="Geneva (place)"' in page and 'title="other"' in page
    assert '<span class="qualifier">at least</span> <span class="value">300</span>' in page
    assert "<span class=\"count\">1 mention</span>" in page
    assert '<span id="actor-geneva">Geneva, place</span>' in page


def test_the_check_finds_french_chrome() -> None:
    # The check above would see the words it looks for.
    assert french_in('<p>Par <a title="lieu" aria-label="Chiffre 1, source\u00a0: X">x</a></p>'
                     ) >= {"Par", "lieu", "Chiffre"}
    assert french_in("<p>Paris is a place</p>") == set()


def test_a_french_page_stays_french(tmp_path: Path) -> None:
    pages, _ = render(tmp_path, mixed_site())
    page = pages[FRENCH_PAGE]
    assert html_lang(page) == "fr"
    assert '<h2 id="legend-title">Entités de cet article</h2>' in page
    assert "Par Claire Dubois" in page and "Source\u00a0: AFP" in page
    # The sanitizer writes the no-break space of the body's markup as &nbsp;.
    assert 'aria-label="Chiffre 1, source&nbsp;: Observatoire syrien' in page
    assert "<time datetime=\"2026-03-01T08:00:00+00:00\" lang=\"fr\">1 mars 2026</time>" in page


def test_an_english_block_of_a_french_article_has_english_markup(tmp_path: Path) -> None:
    pages, _ = render(tmp_path, mixed_site())
    page = pages[FRENCH_PAGE]
    block = re.search(r'<p lang="en">.*?</p>', page)
    assert block is not None
    assert 'aria-label="Quote by Tedros Adhanom"' in block.group(0)
    assert 'title="Tedros Adhanom (person)"' in block.group(0)
    assert french_in(block.group(0)) == set()
    # The page's own list of actors speaks the page's language.
    assert '<span id="actor-tedros">Tedros Adhanom, personne</span>' in page


def test_a_french_block_of_an_english_article_has_french_markup() -> None:
    item = english_article()
    article = item.article
    annotations = Annotations(blocks=block_langs(article, {"b2": "fr"}),
                              entities=item.annotations.entities,
                              figures=item.annotations.figures)
    html = render_body(BodyContext(article=article, root="../../", annotations=annotations,
                                   actors=ACTORS))
    english, french = html.split('<p lang="fr">')
    assert 'aria-label="Figure 1, source: World Health Organization"' in english
    assert 'title="autre"' in french and 'aria-label="Chiffre 2"' in french


def test_site_wide_pages_speak_the_site_language(tmp_path: Path) -> None:
    pages, _ = render(tmp_path, mixed_site())
    for rel in ("index.html", "tags/index.html", "actors/index.html", "figures/index.html",
                "actors/who/index.html", "404.html"):
        assert html_lang(pages[rel]) == "fr", rel
    assert "<h1>Acteurs</h1>" in pages["actors/index.html"]
    # An English site: the French article's page is French, the rest English.
    pages, _ = render(tmp_path, mixed_site(), language="en")
    assert html_lang(pages["index.html"]) == "en" and "Atom feed" in pages["index.html"]
    assert html_lang(pages[FRENCH_PAGE]) == "fr"
    assert "Entités de cet article" in pages[FRENCH_PAGE]
    assert html_lang(pages[ENGLISH_PAGE]) == "en"


# --------------------------------------------------------------------- catalogs


@pytest.mark.parametrize("path", THEME_CATALOGS, ids=lambda p: p.name)
def test_every_shipped_catalog_has_every_key_of_the_reference(path: Path) -> None:
    reference = tomllib.loads((theme_dir() / CATALOG_DIR / f"{REFERENCE}.toml").read_text())
    table = tomllib.loads(path.read_text(encoding="utf-8"))
    assert sorted(table) == sorted(reference)
    for key, value in table.items():
        assert isinstance(value, str)
        assert fragments_fields(value) == fragments_fields(reference[key]), key


def fragments_fields(message: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(message) if name}


def test_the_theme_ships_english_and_french() -> None:
    assert [p.stem for p in THEME_CATALOGS] == ["en", "fr"]
    assert load_catalogs([theme_dir()]).languages == ("en", "fr")


def test_a_site_catalog_adds_a_language(tmp_path: Path) -> None:
    write(tmp_path / "templates/i18n/es.toml", """
        # Only some words: the others come from English.
        legend = "Entidades de este artículo"
        by = "Por"
        person = "persona"
        place = "lugar"
        organization = "organización"
        figure_source = "Cifra {n}, fuente: {source}"
        source_named = "Fuente: {source}"
        """)
    item = english_article()
    spanish = make_article("La OMS dijo que al menos 300 personas huyeron de Ginebra.\n",
                           slug="ginebra", lang="es", title="Ginebra", authors=("Ana Ruiz",))
    annotations = Annotations(
        blocks=block_langs(spanish),
        entities=[entity(spanish, "b0", "OMS", "organization", "who"),
                  entity(spanish, "b0", "Ginebra", "place", "geneva")],
        figures=[figure(spanish, "b0", "al menos 300 personas", 300.0, "at_least",
                        source="who")],
    )
    site = Site(articles=[item, AnnotatedArticle(spanish, annotations)], actors=dict(ACTORS))
    pages, warnings = render(tmp_path, site)
    page = pages["articles/ginebra/index.html"]
    assert html_lang(page) == "es"
    assert "Entidades de este artículo" in page and "Por Ana Ruiz" in page
    assert 'title="Geneva (lugar)"' in page
    assert 'aria-label="Cifra 1, fuente: World Health Organization"' in page
    assert "Actors in this article" in page  # not in es.toml: English
    assert "<time datetime=\"2026-03-01T09:30:00+00:00\" lang=\"es\">1 de marzo de 2026</time>" \
        in page
    gap = [w for w in warnings if w.startswith("templates/i18n/es.toml:1: ")]
    assert len(gap) == 1 and "messages missing" in gap[0] and "show them in English" in gap[0]


def test_a_site_catalog_replaces_some_words_of_the_theme(tmp_path: Path) -> None:
    write(tmp_path / "templates/i18n/fr.toml", 'legend = "Qui est cité"\n')
    pages, warnings = render(tmp_path, mixed_site())
    page = pages[FRENCH_PAGE]
    assert '<h2 id="legend-title">Qui est cité</h2>' in page
    assert "Par Claire Dubois" in page  # the theme's word, kept
    assert warnings == []


def test_a_language_without_a_catalog_is_english_with_a_warning(tmp_path: Path) -> None:
    german = make_article("Die WHO meldet Kämpfe.\n", slug="kaempfe", lang="de")
    site = Site(articles=[AnnotatedArticle(german, Annotations(blocks=block_langs(german)))],
                actors={})
    pages, warnings = render(tmp_path, site)
    assert html_lang(pages["articles/kaempfe/index.html"]) == "de"
    assert warnings == [
        "templates/i18n/de.toml:1: no message catalog for language 'de': pages in it show the "
        "theme's words in English — write this file (copy site_builder/templates/i18n/en.toml "
        "and translate it; docs/theming.md, \"Languages and message catalogs\")"]


@pytest.mark.parametrize(("name", "text", "expected"), [
    ("es.toml", 'legend = "Entidades\nby = "Por"\n', "templates/i18n/es.toml:1: invalid TOML"),
    ("es.toml", 'by = "Por"\nlegend = 3\n',
     "templates/i18n/es.toml:2: message 'legend' is not a string"),
    ("es.toml", '[kinds]\nperson = "persona"\n',
     "templates/i18n/es.toml:1: message 'kinds' is not a string"),
    ("es.toml", 'quote_by = "Cita de {nombre}"\n',
     "templates/i18n/es.toml:1: message 'quote_by' uses placeholders the page cannot fill "
     "— it may use {name}"),
    ("es.toml", 'figure_n = "Cifra {n"\n', "templates/i18n/es.toml:1: message 'figure_n'"),
    ("es.toml", 'by = "Por"\nfigure_n = "Cifra {n:>3}"\n',
     "templates/i18n/es.toml:2: message 'figure_n' uses placeholders the page cannot fill"),
    ("spanish.toml", 'by = "Por"\n', "templates/i18n/spanish.toml:1: 'spanish.toml' is not "
     "named after a language"),
    ("es.toml", b'by = "Por \xff"\n', "templates/i18n/es.toml:1: not valid UTF-8"),
])
def test_a_broken_catalog_is_reported_with_its_line(tmp_path: Path, name: str,
                                                     text: str | bytes, expected: str) -> None:
    write(tmp_path / "templates/i18n" / name, text)
    with pytest.raises(TemplateError) as info:
        Renderer(config(tmp_path))
    [problem] = info.value.problems
    assert str(problem).startswith(expected)


def test_braces_are_free_in_messages_without_placeholders(tmp_path: Path) -> None:
    write(tmp_path / "templates/i18n/es.toml", 'legend = "Entidades {y más}"\n')
    assert load_catalogs([tmp_path / "templates", theme_dir()], tmp_path).words("es")[
        "legend"] == "Entidades {y más}"


@given(st.text(max_size=40))
@example("Cifra {n:{source}}")
@example("Cifra {n!z}, {source}")
@example("Cifra {n.real} {{literal}}")
@example("Cifra {}")
def test_an_accepted_figure_message_always_formats(value: str) -> None:
    table, problems = parse_catalog_text(f"figure_source = {toml_string(value)}\n")
    if not problems:
        # The body formats it with these two: it must not fail on any page.
        assert isinstance(table["figure_source"].format(n=1, source="X"), str)


@given(st.text(max_size=200))
def test_any_catalog_text_is_words_or_problems(text: str) -> None:
    table, problems = parse_catalog_text(text)
    assert all(isinstance(v, str) for v in table.values())
    assert all(p.path == "templates/i18n/xx.toml" and p.line >= 1 for p in problems)


def parse_catalog_text(text: str) -> tuple[dict[str, str], list[Problem]]:
    return parse_catalog(text, "templates/i18n/xx.toml", messages("en"))


def toml_string(value: str) -> str:
    escaped = "".join(c if c.isprintable() and c not in '"\\' else f"\\u{ord(c):04x}"
                      if ord(c) < 0x10000 else f"\\U{ord(c):08x}" for c in value)
    return f'"{escaped}"'


def test_counted_uses_the_plural_categories_a_catalog_has() -> None:
    polish = {**messages("en"), "mention_one": "wzmianka", "mention_few": "wzmianki",
              "mention_other": "wzmianek"}
    assert counted(1, "mention", "pl", polish) == "1 wzmianka"
    assert counted(3, "mention", "pl", polish) == "3 wzmianki"
    assert counted(5, "mention", "pl", polish) == "5 wzmianek"
    # "many" has no key: "other" is used.
    assert counted(0, "mention", "fr", messages("fr")) == "0 mention"
    assert counted(0, "mention", "en", messages("en")) == "0 mentions"


# ------------------------------------------------------------------------ builds


def test_a_catalog_edit_rebuilds_the_pages_in_its_language(tmp_path: Path) -> None:
    from site_builder.build import Builder

    site = tmp_path / "site"
    write(site / "site.toml", BLANK_SITE_TOML)
    write(site / "content/geneva.md", """
        ---
        title: Talks in Geneva
        date: 2026-03-02
        lang: en
        authors: [Jane Doe]
        ---
        Reporters met in Geneva.
        """)
    output = tmp_path / "output"
    build_ok(site, output)
    page = output / "articles/geneva/index.html"
    assert html_lang(page.read_text(encoding="utf-8")) == "en"
    assert "By Jane Doe" in page.read_text(encoding="utf-8")
    builder = Builder(site, output, dev=True)
    assert builder.build().ok
    catalog = write(site / "templates/i18n/en.toml", 'by = "Written by"\n')
    result = builder.build([catalog])
    assert result.ok and result.full
    assert "Written by Jane Doe" in page.read_text(encoding="utf-8")
