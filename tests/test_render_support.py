"""Builders shared by the render tests (this module holds no tests itself).

Articles are hand-built dataclasses with blocks from the real Markdown
parser, and entities are placed by their text, so no test needs spaCy.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser
from pathlib import Path, PurePosixPath
from typing import Any

from site_builder.config import Config
from site_builder.content.blocks import extract_blocks
from site_builder.content.markdown import parse
from site_builder.model import (
    Actor,
    AnnotatedArticle,
    Annotations,
    Article,
    BlockLang,
    Entity,
    Figure,
    Quote,
    Site,
)

FIXTURES = Path(__file__).parent / "fixtures" / "render"
FIXTURE_SITE = FIXTURES  # its content/ holds the images the fixtures use
UTC = dt.UTC


def make_article(body: str, *, slug: str = "a", lang: str = "fr",
                 path: str | None = None, **fields: Any) -> Article:
    fields.setdefault("title", slug.replace("-", " ").title())
    fields.setdefault("date", dt.datetime(2026, 3, 1, 9, 30, tzinfo=UTC))
    return Article(
        path=PurePosixPath(path or f"2026/{slug}.md"),
        slug=slug,
        lang=lang,
        body=body,
        body_line=5,
        blocks=extract_blocks(parse(body)),
        **fields,
    )


def entity(article: Article, block: str, text: str, kind: str = "person",
           actor: str | None = None, occurrence: int = 1) -> Entity:
    """The `occurrence`-th mention of `text` in `block` (1-based)."""
    source = next(b.text for b in article.blocks if b.id == block)
    start = -1
    for _ in range(occurrence):
        start = source.index(text, start + 1)
    return Entity(text, kind, kind.upper()[:3], start, start + len(text), block,  # type: ignore[arg-type]
                  article.lang, actor)


def block_langs(article: Article, overrides: dict[str, str] | None = None) -> list[BlockLang]:
    overrides = overrides or {}
    return [BlockLang(b.id, overrides.get(b.id, article.lang), b.text) for b in article.blocks]


def config(site_dir: Path = FIXTURE_SITE, **fields: Any) -> Config:
    return Config(site_dir=site_dir, **fields)


ACTORS = {
    "bachar-al-assad": Actor("bachar-al-assad", "Bachar al-Assad", "person",
                             aliases=["Assad"], description="Ancien président syrien"),
    "onu": Actor("onu", "Organisation des Nations unies", "organization", aliases=["ONU"],
                 links={"wikidata": "Q1065", "website": "https://www.un.org/fr/"}),
    "damas": Actor("damas", "Damas", "place"),
}

BODY_SYRIA = """\
**Bachar** al-Assad a quitté Damas, selon l'[ONU](https://www.un.org/fr).

> "We are monitoring the situation closely in the whole region," said a spokesperson.

Au moins 12 000 personnes ont fui, d'après l'ONU.

![Des réfugiés à la frontière](../images/carte.png "Crédit : AFP")
"""

BODY_ECONOMY = """\
La Banque centrale européenne a relevé ses taux à Francfort.

| Pays | Taux |
|:-----|-----:|
| France | 3 % |

Voir `taux_directeur` et <https://www.ecb.europa.eu>[^1].

[^1]: Communiqué de la **BCE**.
"""


def small_site() -> Site:
    """Three articles over two languages, tags shared and not, a few actors."""
    syria = make_article(
        BODY_SYRIA, slug="syrie-depart", title="Départ de Bachar al-Assad",
        date=dt.datetime(2026, 3, 2, 18, 0, tzinfo=UTC), source="AFP",
        authors=("Jeanne Martin",), tags=("Syrie", "Moyen-Orient"),
        summary="Le président syrien a quitté la capitale.",
        extra={"kicker": "Exclusif"},
    )
    syria_ann = Annotations(
        blocks=block_langs(syria, {"b1": "en"}),
        entities=[
            # "**Bachar** al-Assad": the mention crosses the end of the emphasis.
            entity(syria, "b0", "Bachar al-Assad", "person", "bachar-al-assad"),
            entity(syria, "b0", "Damas", "place", "damas"),
            entity(syria, "b0", "ONU", "organization", "onu"),
            entity(syria, "b2", "ONU", "organization", "onu"),
        ],
        figures=[Figure("Au moins 12 000 personnes", 12000.0, "at_least", "personnes", "b2",
                        0, 25, source="onu", source_text="l'ONU")],
        quotes=[Quote("We are monitoring the situation closely in the whole region,", "b1",
                      1, 61, speaker="onu", speaker_text="a spokesperson")],
    )
    economy = make_article(
        BODY_ECONOMY, slug="bce-taux", title="La BCE relève ses taux",
        date=dt.datetime(2026, 3, 1, 8, 15, tzinfo=UTC), tags=("Économie", "Europe"),
    )
    economy_ann = Annotations(
        blocks=block_langs(economy),
        entities=[
            entity(economy, "b0", "Banque centrale européenne", "organization"),
            entity(economy, "b0", "Francfort", "place"),
            entity(economy, "b3", "France", "place"),
            entity(economy, "b6", "BCE", "organization"),
        ],
        # In a table cell, and nobody is said to have reported it.
        figures=[Figure("3 %", 3.0, "exact", "%", "b4", 0, 3)],
    )
    english = make_article(
        "Reporters in *Geneva* met the UN envoy.\n", slug="geneva-talks", lang="en",
        title="Talks in Geneva <resumed>", date=dt.datetime(2026, 2, 27, 12, 0, tzinfo=UTC),
        tags=("Syrie", "Diplomacy & talks"),
    )
    english_ann = Annotations(
        blocks=block_langs(english),
        entities=[entity(english, "b0", "Geneva", "place"),
                  entity(english, "b0", "UN", "organization", "onu")],
    )
    return Site(
        articles=[AnnotatedArticle(syria, syria_ann), AnnotatedArticle(economy, economy_ann),
                  AnnotatedArticle(english, english_ann)],
        actors=dict(ACTORS),
    )


class Page(HTMLParser):
    """The links, ids, elements and scripts (type, text) of one HTML page."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[str | None, str]] = []
        self._script: str | bool | None = False  # the type of the open <script>
        self.feed(html)

    def by_class(self, name: str) -> list[tuple[str, dict[str, str | None]]]:
        return [(tag, attrs) for tag, attrs in self.tags
                if name in (attrs.get("class") or "").split()]

    def tag_of(self, element_id: str) -> str | None:
        return next((tag for tag, attrs in self.tags if attrs.get("id") == element_id), None)

    def handle_data(self, data: str) -> None:
        if self._script is not False:
            self.scripts.append((self._script if isinstance(self._script, str) else None, data))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags.append((tag, values))
        if tag == "script":
            self._script = values.get("type")
        for name in ("href", "src"):
            if values.get(name):
                self.links.append(values[name] or "")
        if values.get("id"):
            self.ids.append(values["id"] or "")


def write_outputs(out: Path, outputs: dict[str, bytes]) -> Path:
    """Write a `Renderer`'s outputs under `out` (for the browser tests); returns `out`."""
    for rel, data in outputs.items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return out
