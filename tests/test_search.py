"""The search index: built by Pagefind at publish time, with its languages and filters."""

from __future__ import annotations

import gzip
import json
import stat
from pathlib import Path

import pytest

from site_builder import search
from site_builder.build import Builder
from site_builder.errors import PublishError
from tests.conftest import BLANK_SITE_TOML, build_ok, tree, write

ARTICLE = """
---
title: "Combats à Alep"
date: 2026-03-12
lang: fr
source: Agence Méridienne
tags: [syrie, humanitaire]
---

Les combats ont repris près de la citadelle, selon des témoins.
"""


def _site(make_site) -> Path:
    return make_site({"site.toml": BLANK_SITE_TOML, "content/2026/alep.md": ARTICLE})


def fragments(output: Path) -> dict[str, dict]:
    """Each indexed page's record (Pagefind's fragments: gzip, a marker, JSON), by URL."""
    found = {}
    for path in (output / search.BUNDLE / "fragment").iterdir():
        data = gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd")
        record = json.loads(data)
        found[record["url"]] = record
    return found


def test_build_writes_the_index_in_the_site_language(make_site) -> None:
    site = _site(make_site)
    result = build_ok(site)
    entry = json.loads((site / "output/pagefind/pagefind-entry.json").read_text())
    # The article, its actors (none: blank pipelines) and the figures page.
    assert entry["languages"]["fr"]["page_count"] == 2 + result.actors
    assert (site / "output/pagefind/pagefind.js").is_file()


def test_pages_carry_kind_tag_source_and_date(make_site) -> None:
    site = _site(make_site)
    build_ok(site)
    records = fragments(site / "output")
    article = records["/articles/alep/index.html"]
    assert article["filters"] == {"kind": ["article"], "date": ["2026-03"],
                                  "tag": ["syrie", "humanitaire"],
                                  "source": ["Agence Méridienne"]}
    assert article["meta"]["date"] == "2026-03-12"
    assert article["meta"]["title"] == "Combats à Alep"
    assert "citadelle" in article["content"]
    # data-pagefind-body: the navigation and the hidden filter values are not text.
    assert "Mots-clés" not in article["content"]
    assert "2026-03" not in article["content"]
    assert records["/figures/index.html"]["filters"] == {"kind": ["figure"]}
    # Listings and the search page itself are not indexed.
    assert set(records) == {"/articles/alep/index.html", "/figures/index.html"}


def test_actor_pages_are_indexed_with_their_aliases(tmp_path) -> None:
    from site_builder.render import Renderer
    from tests.test_render_support import config, small_site

    for rel, data in Renderer(config()).render_all(small_site()).items():
        write(tmp_path / rel, data)
    files = search.index_tree(tmp_path)
    assert "pagefind/pagefind-entry.json" in files
    onu = fragments(tmp_path)["/actors/onu/index.html"]
    assert onu["filters"] == {"kind": ["actor"]}
    assert "ONU" in onu["content"]


def test_an_unchanged_site_is_not_indexed_again(make_site, monkeypatch) -> None:
    site = _site(make_site)
    build_ok(site)
    before = tree(site / "output")

    def refuse(*args: object) -> list[str]:
        raise AssertionError("the indexer ran")

    monkeypatch.setattr("site_builder.build.index_tree", refuse)
    result = build_ok(site)
    assert result.unchanged
    assert tree(site / "output") == before


def test_a_failed_index_fails_the_build_and_keeps_the_output(make_site, monkeypatch,
                                                              tmp_path) -> None:
    site = _site(make_site)
    build_ok(site)
    before = tree(site / "output")
    broken = write(tmp_path / "pagefind", "#!/bin/sh\necho 'disk full' >&2\nexit 3\n")
    broken.chmod(broken.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(search, "_executable", lambda: broken)
    write(site / "content/2026/alep.md", ARTICLE.replace("citadelle", "mosquée"))
    result = Builder(site).build()
    assert not result.ok
    [problem] = result.problems
    assert problem.path == "(search index)"
    assert "exit 3" in problem.message and "disk full" in problem.message
    assert tree(site / "output") == before


def test_a_missing_binary_is_a_clear_problem(monkeypatch, tmp_path) -> None:
    monkeypatch.setattr(search, "_executable", lambda: tmp_path / "no-such-pagefind")
    write(tmp_path / "site/index.html", "<html><body>x</body></html>")
    with pytest.raises(PublishError) as caught:
        search.index_tree(tmp_path / "site")
    assert "could not run Pagefind" in str(caught.value)


def test_content_cannot_write_into_the_bundle(make_site) -> None:
    site = _site(make_site)
    write(site / "content/pagefind/pagefind.js", "alert(1)")
    result = Builder(site).build()
    assert not result.ok
    assert [p.path for p in result.problems] == ["content/pagefind/pagefind.js"]


def test_the_preview_indexes_an_edit_in_the_background(make_site) -> None:
    site = _site(make_site)
    builder = Builder(site, dev=True)
    assert builder.build().ok
    early: list[list[str]] = []
    builder.on_pages = early.append  # as the preview server does: index after the reload
    path = write(site / "content/2026/alep.md", ARTICLE.replace("citadelle", "caserne"))
    result = builder.build([path])
    assert result.ok
    # The bundle was not removed as a stale output of the rebuild.
    assert (site / "output/pagefind/pagefind-entry.json").is_file()
    indexer = builder.search_index
    assert indexer is not None and indexer.wait(timeout=60)
    assert indexer.runs == 1 and indexer.last_problem is None
    content = fragments(site / "output")["/articles/alep/index.html"]["content"]
    assert "caserne" in content and "citadelle" not in content
    assert early == [["api/articles/alep.json", "articles/alep/index.html"]]
    leftovers = [p.name for p in site.iterdir() if p.name.startswith(".output.")]
    assert leftovers == []


def test_a_rebuild_that_changes_no_page_does_not_index(make_site) -> None:
    site = _site(make_site)
    builder = Builder(site, dev=True)
    assert builder.build().ok
    # Saved again without a change: no page differs, the index stays as it is.
    path = write(site / "content/2026/alep.md", ARTICLE)
    result = builder.build([path])
    assert result.ok and result.written == []
    assert builder.search_index is None
