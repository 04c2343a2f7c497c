"""Article bodies rendered from fixture files: tests/fixtures/render/cases/NAME.md -> NAME.html.

Adding a case means adding a .md file (and its expected .html). A case's
optional front matter says how to annotate it, by text rather than offsets:

    ---
    lang: fr                      # article language (default fr)
    path: 2026/a.md               # article path under content/ (images resolve from it)
    image_credit: AFP             # front matter credit for figures without a title
    blocks: {b1: en}              # block languages that differ from the article's
    entities:
      - {block: b0, text: Damas, kind: place, actor: damas, occurrence: 1}
    figures:                      # value, qualifier, unit, source, source_text optional
      - {block: b0, text: plus de 300 civils, source: osdh}
    quotes:                       # `text` in `block`, or from it to `end_text` in `end_block`
      - {block: b1, text: Nous ne céderons pas, speaker: derik}
      - {block: b2, text: Ce que, end_block: b3, end_text: glaciales, speaker: marchal}
    actors:
      damas: {name: Damas, kind: place, description: Capitale}
    dev: true                     # render as the preview server does
    warnings: [outside content/]  # substrings of the expected warnings, in order
    ---

Run with UPDATE_GOLDEN=1 to write the .html files from the current output;
review the diff before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
import yaml

from site_builder.model import Actor, Annotations, Article, Figure, Quote
from site_builder.render.context import BodyContext
from site_builder.render.images import ImageResolver
from site_builder.render.markdown import render_body
from tests.test_render_support import FIXTURE_SITE, FIXTURES, block_langs, entity, make_article

CASES = sorted((FIXTURES / "cases").glob("*.md"))


def split_front_matter(source: str) -> tuple[dict[str, Any], str]:
    if source.startswith("---\n"):
        head, _, body = source[4:].partition("\n---\n")
        return yaml.safe_load(head) or {}, body
    return {}, source


def render_case(path: Path) -> tuple[str, list[str]]:
    spec, body = split_front_matter(path.read_text(encoding="utf-8"))
    article = make_article(body, lang=spec.get("lang", "fr"), path=spec.get("path"),
                           image_credit=spec.get("image_credit"))
    annotations = None
    if {"entities", "blocks", "figures", "quotes"} & set(spec):
        annotations = Annotations(
            blocks=block_langs(article, spec.get("blocks")),
            entities=[entity(article, e["block"], e["text"], e.get("kind", "person"),
                             e.get("actor"), e.get("occurrence", 1))
                      for e in spec.get("entities", [])],
            figures=[figure(article, f) for f in spec.get("figures", [])],
            quotes=[quote(article, q) for q in spec.get("quotes", [])],
        )
    actors = {
        key: Actor(key, value["name"], value.get("kind", "person"),
                   description=value.get("description"))
        for key, value in (spec.get("actors") or {}).items()
    }
    ctx = BodyContext(article=article, root="../../", annotations=annotations, actors=actors,
                      images=ImageResolver(FIXTURE_SITE / "content"),
                      dev=spec.get("dev", False))
    html = render_body(ctx)
    expected_warnings = spec.get("warnings", [])
    got = [str(w) for w in ctx.warnings]
    assert len(got) == len(expected_warnings), got
    for text, wanted in zip(got, expected_warnings, strict=True):
        assert wanted in text
    return html, got


def figure(article: Article, spec: dict[str, Any]) -> Figure:
    text = spec["text"]
    start = _text_of(article, spec["block"]).index(text)
    return Figure(text, float(spec.get("value", 1)), spec.get("qualifier", "exact"),
                  spec.get("unit", ""), spec["block"], start, start + len(text),
                  source=spec.get("source"), source_text=spec.get("source_text"))


def quote(article: Article, spec: dict[str, Any]) -> Quote:
    start = _text_of(article, spec["block"]).index(spec["text"])
    last = spec.get("end_block", spec["block"])
    end_text = spec.get("end_text", spec["text"])
    end_start = _text_of(article, last).index(end_text, start if last == spec["block"] else 0)
    return Quote(spec["text"], spec["block"], start, end_start + len(end_text),
                 speaker=spec.get("speaker"), end_block=spec.get("end_block"))


def _text_of(article: Article, block: str) -> str:
    return next(b.text for b in article.blocks if b.id == block)


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_case(case: Path) -> None:
    html, _ = render_case(case)
    expected = case.with_suffix(".html")
    if os.environ.get("UPDATE_GOLDEN") == "1":
        expected.write_text(html, encoding="utf-8")
    assert expected.exists(), f"missing {expected.name}: run with UPDATE_GOLDEN=1 and review it"
    assert html == expected.read_text(encoding="utf-8")


def test_there_are_cases() -> None:
    assert len(CASES) >= 10
