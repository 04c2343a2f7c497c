"""Article pages rendered by worker processes are the pages one process renders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder import build as build_module
from site_builder.build import Builder
from site_builder.render import pool

from .conftest import BLANK_SITE_TOML, SiteFactory, tree


@pytest.fixture
def site(make_site: SiteFactory) -> Path:
    articles = {
        f"content/a{i:03d}.md": (
            f"---\ntitle: Dépêche {i}\ndate: 2026-02-{1 + i % 28:02d}\ntags: [t{i % 3}]\n---\n"
            f"« Nous manquons de tout », a déclaré Leïla Haddad à Alep.\n\n"
            f"Selon l’OSDH, {i + 3} civils ont été blessés.\n")
        for i in range(pool.MIN_PAGES * 2 + 5)}
    return make_site({"site.toml": BLANK_SITE_TOML, **articles})


def test_pages_from_workers_equal_pages_from_one_process(
        site: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # In its own process: workers are forked only where no other thread runs.
    done = subprocess.run([sys.executable, "-m", "site_builder", "build", "-v", "--no-cache",
                           str(site)], capture_output=True, text=True, check=True)
    workers = min(len(os.sched_getaffinity(0)), 2)  # pages // MIN_PAGES == 2
    if workers > 1:
        assert f"article pages in {workers} processes" in done.stderr, done.stderr
    monkeypatch.setattr(build_module, "render_workers", lambda pages: 1)
    alone = tmp_path / "alone"
    result = Builder(site, alone, use_cache=False).build()
    assert result.ok, result.problems
    assert tree(site / "output") == tree(alone)


def test_small_builds_and_threaded_processes_render_alone() -> None:
    assert pool.render_workers(pool.MIN_PAGES - 1) == 1
