"""The default theme's entity colours reach WCAG AA contrast, and every kind has one."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from site_builder.model import ENTITY_KINDS

CSS = (Path(__file__).parents[1] / "templates" / "style.css").read_text(encoding="utf-8")
PROPERTY = re.compile(r"(--[a-z-]+)\s*:\s*(#[0-9a-fA-F]{6})\s*;")
# The light theme's values: the first `:root` block (the dark ones follow it).
VARIABLES = dict(PROPERTY.findall(CSS.split(":root {", 1)[1].split("}", 1)[0]))
AA = 4.5


def luminance(hex_colour: str) -> float:
    """Relative luminance, WCAG 2.x."""
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def test_contrast_formula() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_entity_colours_pass_aa(kind: str) -> None:
    fg, bg = VARIABLES[f"--entity-{kind}-fg"], VARIABLES[f"--entity-{kind}-bg"]
    assert contrast(fg, bg) >= AA, (kind, fg, bg)


@pytest.mark.parametrize("kind", ENTITY_KINDS)
def test_each_kind_is_styled_and_can_be_hidden(kind: str) -> None:
    assert f'.entity[data-kind="{kind}"]' in CSS
    assert f'.hide-{kind} .entity[data-kind="{kind}"]' in CSS


@pytest.mark.parametrize("name", ["--text", "--muted", "--link"])
def test_page_text_colours_pass_aa(name: str) -> None:
    assert contrast(VARIABLES[name], VARIABLES["--page"]) >= AA
    assert contrast(VARIABLES[name], VARIABLES["--surface"]) >= AA


def test_kind_colours_are_distinct() -> None:
    backgrounds = [VARIABLES[f"--entity-{k}-bg"] for k in ENTITY_KINDS]
    assert len(set(backgrounds)) == len(backgrounds)


@pytest.mark.parametrize(("fg", "bg"), [
    ("--figure-ref-fg", "--figure-ref-bg"),  # figure markers
    ("--warning", "--warning-bg"),  # the "unsourced" badge
    ("--text", "--warning-bg"),  # an unsourced figure's words under the preview server
    ("--text", "--figure-ref-bg"),  # a table row or quote reached by its link
])
def test_figure_colours_pass_aa(fg: str, bg: str) -> None:
    assert contrast(VARIABLES[fg], VARIABLES[bg]) >= AA


def test_unsourced_marker_is_readable() -> None:
    # The marker of an unsourced figure is white on the warning colour.
    assert ".figure--unsourced + .figure-ref" in CSS
    assert contrast("#ffffff", VARIABLES["--warning"]) >= AA


def test_markers_draw_their_text_from_attributes() -> None:
    # Markers and speaker links are empty in the HTML (non-destructive markup).
    assert "content: attr(data-n)" in CSS
    assert 'content: "— " attr(data-name)' in CSS
