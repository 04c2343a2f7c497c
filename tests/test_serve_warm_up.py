"""The preview loads, ahead of the first edit, every model an edit may need."""

from __future__ import annotations

from pathlib import Path

import pytest

import site_builder.build as build_module
from site_builder.build import Builder

from .conftest import BLANK_SITE_TOML, write

ENGLISH = ("The United Nations said on Tuesday that more than two hundred people had been "
           "displaced by the fighting around the city, and that aid convoys were still "
           "waiting at the border for permission to cross.")


def test_warm_up_loads_the_languages_of_paragraphs_too(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = tmp_path / "site"
    write(site / "site.toml", BLANK_SITE_TOML)
    write(site / "content/a.md",
          "---\ntitle: Bilan\ndate: 2026-03-12\nlang: fr\n---\n\n"
          "Les secours sont arrivés mardi dans la ville, selon les habitants du quartier, "
          "qui attendaient depuis plusieurs jours.\n\n" + ENGLISH + "\n")
    builder = Builder(site, dev=True)
    assert builder.build().ok
    blocks = {b.lang for found in builder._nlp.values() for b in found.blocks}
    assert blocks == {"fr", "en"}, "the test needs a paragraph detected as English"
    loaded: list[list[str]] = []
    monkeypatch.setattr(build_module, "warm_up", lambda config, langs: loaded.append(langs))
    builder.warm_up()
    assert loaded == [["en", "fr"]]
