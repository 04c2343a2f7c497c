"""`site-builder cache info|clean`, and the pruning of what no build needs."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder import caches
from site_builder.cli import main

from .conftest import BLANK_SITE_TOML, SiteFactory, build_ok


def article(title: str) -> str:
    return f"---\ntitle: {title}\ndate: 2026-01-02\n---\nLe texte de l'article {title}.\n"


@pytest.fixture
def site(make_site: SiteFactory) -> Path:
    return make_site({"site.toml": BLANK_SITE_TOML, "content/un.md": article("Un"),
                      "content/deux.md": article("Deux")})



def annotation_entries(site: Path) -> list[Path]:
    return sorted((site / ".cache/site-builder/annotations").rglob("*.json"))


def test_info_lists_every_part_and_the_memo_stages(site: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    build_ok(site)
    assert main(["cache", "info", str(site)]) == 0
    out = capsys.readouterr().out
    for part in ("annotations", "builds", "memo.sqlite"):
        assert part in out
    assert "pages" in out and "attribute" in out and "entries" in out


def test_clean_removes_the_cache_and_the_next_build_still_works(
        site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    build_ok(site)
    cache_dir = site / ".cache/site-builder"
    assert caches.cache_parts(cache_dir)
    assert main(["cache", "clean", str(site)]) == 0
    assert "removed" in capsys.readouterr().out
    assert not cache_dir.exists()
    assert main(["cache", "info", str(site)]) == 0
    assert "empty" in capsys.readouterr().out
    build_ok(site)
    assert (site / "output/articles/un/index.html").is_file()


def test_a_full_build_drops_the_nlp_entries_of_deleted_articles(site: Path) -> None:
    build_ok(site)
    assert len(annotation_entries(site)) == 2
    (site / "content/deux.md").unlink()
    build_ok(site)
    assert len(annotation_entries(site)) == 1


def test_human_sizes() -> None:
    assert caches.human(512) == "512 B"
    assert caches.human(2048) == "2.0 KiB"
    assert caches.human(5 * 1024**3) == "5.0 GiB"
