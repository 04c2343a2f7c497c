"""What the build memo must not reuse: pages whose file changed name or date.

Two articles of the same bytes share their text, not their slug; an
article without `date:` is dated by its file. Blank pipelines: these tests
are about the memo's keys, not NLP.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from site_builder.build import Builder

from .conftest import BLANK_SITE_TOML, SiteFactory, build_ok

ARTICLE = "---\ntitle: Un titre\ndate: 2026-01-02\n---\nLe texte de l'article.\n"
UNDATED = "---\ntitle: Sans date\n---\nLe texte de l'article.\n"


@pytest.fixture
def site(make_site: SiteFactory) -> Path:
    return make_site({"site.toml": BLANK_SITE_TOML, "content/foo.md": ARTICLE,
                      "content/autre.md": ARTICLE.replace("Un titre", "Autre")})



def articles(output: Path) -> list[str]:
    return sorted(p.name for p in (output / "articles").iterdir())


def test_a_renamed_or_copied_file_gets_its_own_pages(site: Path) -> None:
    build_ok(site)
    (site / "content/foo.md").rename(site / "content/bar.md")
    build_ok(site)
    assert articles(site / "output") == ["autre", "bar"]
    shutil.copy(site / "content/bar.md", site / "content/baz.md")
    build_ok(site)
    assert articles(site / "output") == ["autre", "bar", "baz"]


def test_the_preview_renders_a_copy_under_its_own_name(site: Path) -> None:
    preview = site / "preview"
    builder = Builder(site, preview, dev=True)
    assert builder.build().ok
    shutil.copy(site / "content/foo.md", site / "content/qux.md")
    assert builder.build([site / "content/qux.md"]).ok
    assert articles(preview) == ["autre", "foo", "qux"]


def test_a_date_taken_from_the_file_is_not_reused(site: Path) -> None:
    undated = site / "content/undated.md"
    undated.write_text(UNDATED, encoding="utf-8")
    os.utime(undated, (1_600_000_000, 1_600_000_000))  # 2020
    build_ok(site)
    page = site / "output/articles/undated/index.html"
    assert "2020" in page.read_text(encoding="utf-8")
    os.utime(undated, (1_700_000_000, 1_700_000_000))  # 2023
    (site / "content/autre.md").write_text(ARTICLE.replace("Un titre", "Autre encore"),
                                           encoding="utf-8")
    build_ok(site)
    assert "2023" in page.read_text(encoding="utf-8")
