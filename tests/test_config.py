"""site.toml validation: typed values, every problem at once, with lines."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.config import DEFAULT_MODELS, load_config
from site_builder.errors import ConfigError


def test_defaults_without_site_toml(tmp_path: Path) -> None:
    config = load_config(tmp_path)
    assert config.language == "fr"
    assert config.per_page == 50
    assert config.annotate.models == DEFAULT_MODELS
    assert config.content_dir == tmp_path.resolve() / "content"


def test_values_and_extra_keys(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(
        'title = "Le Fil"\nbase_url = "https://ex.org/fil"\nper_page = 10\n'
        'newsroom = "Paris"\n[annotate]\nlanguages = ["fr", "en", "ar"]\n'
        '[annotate.models]\nar = "blank"\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.title == "Le Fil"
    assert config.base_url == "https://ex.org/fil/"
    assert config.per_page == 10
    assert config.extra == {"newsroom": "Paris"}
    assert config.annotate.models["ar"] == "blank"
    assert config.annotate.models["fr"] == "fr_core_news_sm"
    assert config.annotate.languages == ("fr", "en", "ar")


def test_every_problem_reported_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text(
        'title = 3\nlanguage = "French"\nper_page = 0\nbase_url = "ex.org"\n'
        'timezone = "Mars/Olympus"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    lines = [(p.line, p.message.split()[0]) for p in info.value.problems]
    assert lines == [(1, "`title`"), (2, "`language`"), (4, "`base_url`"), (5, "unknown"),
                     (3, "`per_page`")]
    assert all(p.path == "site.toml" for p in info.value.problems)


def test_toml_syntax_error_has_line(tmp_path: Path) -> None:
    (tmp_path / "site.toml").write_text('title = "ok"\nper_page = = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert str(info.value).startswith("site.toml:2: invalid TOML")


def test_notice_is_text_and_reaches_every_page(tmp_path: Path) -> None:
    from site_builder.render import Renderer
    from tests.test_render_support import small_site

    (tmp_path / "site.toml").write_text('notice = "Exemple <fictif> & inventé"\n',
                                        encoding="utf-8")
    config = load_config(tmp_path)
    assert config.notice == "Exemple <fictif> & inventé"
    outputs = Renderer(config).render_all(small_site())
    pages = [rel for rel in outputs if rel.endswith(".html")]
    assert len(pages) > 10
    shown = '<p class="site-notice" role="note" lang="fr" data-pagefind-ignore>' \
        "Exemple &lt;fictif&gt; &amp; inventé</p>"
    assert all(shown in outputs[rel].decode("utf-8") for rel in pages)
    (tmp_path / "site.toml").write_text("notice = 3\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(tmp_path)
    assert "`notice` must be a string" in str(info.value.problems[0])
