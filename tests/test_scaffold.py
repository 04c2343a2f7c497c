"""`site-builder new`: a draft whose front matter reads back as written, for any title."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from site_builder.config import load_config
from site_builder.content.clean import has_surrogate, strip_controls
from site_builder.content.loader import load_article
from site_builder.errors import ContentError
from site_builder.scaffold import new_article
from site_builder.slugs import slugify

from .conftest import BLANK_SITE_TOML, write

DAY = dt.date(2026, 11, 30)

# What YAML would read as another type or as syntax if written bare.
TRICKY = ["Oui", "no", "2026", "1e3", "null", "~", "Alep: le bilan", "- liste", "# 1",
          "« Nous tiendrons »", '"Entre guillemets"', "'apostrophes'", "a\\b", "[x]",
          "{a: 1}", "&ancre *alias", "!tag", "%YAML", "@x", "`code`", "? clé", "| bloc",
          "> plié", "Title ending with a colon:", "x" * 300, "Ω", "ǅ", "\u00a0Titre\u202f"]


def _site(root: Path) -> Path:
    write(root / "site.toml", BLANK_SITE_TOML)
    (root / "content").mkdir(exist_ok=True)
    return root


def _roundtrip(title: str, lang: str | None = None) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        config = load_config(_site(Path(tmp)))
        try:
            path = new_article(config, title, lang=lang, today=DAY)
        except ContentError:
            # Refused only for a title with no letter or digit to make a file name of.
            assert not slugify(" ".join(strip_controls(title).split()))
            return
        article = load_article(path, config)
        assert article.title == " ".join(strip_controls(title).split())
        assert article.draft is True
        assert article.date.date() == DAY
        assert article.lang == (lang or "fr")


def test_tricky_titles_read_back_as_written() -> None:
    for title in TRICKY:
        _roundtrip(title)


@given(st.text(min_size=1, max_size=80).filter(lambda t: not has_surrogate(t)))
def test_any_title_reads_back_as_written(title: str) -> None:
    _roundtrip(title)


def test_the_placeholder_text_is_in_the_article_language(tmp_path: Path) -> None:
    config = load_config(_site(tmp_path))
    french = new_article(config, "Bilan", today=DAY).read_text(encoding="utf-8")
    english = new_article(config, "Toll", lang="en", today=DAY).read_text(encoding="utf-8")
    assert "draft: true\n" in french and "draft: true\n" in english
    assert "Écrivez ici le texte" in french
    assert "Write the article here" in english and "Écrivez" not in english
