"""Incremental rebuilds (what `serve` runs on each save) against full builds.

After every edit, the output of the long-lived builder must be byte for byte
what a fresh builder gives for the same content, and pages whose inputs did
not change must not be rendered again. Real spaCy; a shared cache keeps the
re-analysis to the edited article.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.build import Builder
from site_builder.render import Renderer

from .conftest import ARTICLE_FR, build_ok, tree, write

ARTICLE_2 = """
---
title: "Bilan à Idleb"
date: 2026-03-13
lang: fr
tags: [syrie]
---

IDLEB, 13 mars – Au moins 40 civils ont été blessés, a indiqué l’OSDH.

Bachar al-Assad a reçu l’envoyé des Nations unies à Damas.
"""

ARTICLE_3 = """
---
title: "Talks in Geneva"
date: 2026-03-11
lang: en
---

GENEVA – More than 200 delegates met on Monday, the United Nations said.
"""


def json_of(output: Path, slug: str) -> dict:
    return json.loads((output / f"api/articles/{slug}.json").read_text(encoding="utf-8"))



@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """How many times each kind of page was rendered."""
    calls: Counter[str] = Counter()
    for name in ("article_outputs", "actor_outputs", "listing_outputs", "site_outputs"):
        original = getattr(Renderer, name)

        def spy(self: Renderer, *args: object, _name: str = name, _original: object = original,
                **kwargs: object) -> dict[str, bytes]:
            calls[_name] += 1
            return _original(self, *args, **kwargs)  # type: ignore[operator]

        monkeypatch.setattr(Renderer, name, spy)
    return calls


def three_articles(root: Path) -> Path:
    """A site of alep.md, idleb.md and geneva.md under `root`."""
    write(root / "content/alep.md", ARTICLE_FR)
    write(root / "content/idleb.md", ARTICLE_2)
    write(root / "content/geneva.md", ARTICLE_3)
    return root


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    yield three_articles(tmp_path / "site")


def fresh(site: Path, tmp_path: Path, name: str) -> dict[str, bytes]:
    out = tmp_path / name
    result = Builder(site, out, dev=True).build()
    assert result.ok, result.problems
    return tree(out)


def test_incremental_output_equals_a_full_build(site: Path, tmp_path: Path,
                                                counted: Counter[str]) -> None:
    builder = Builder(site, dev=True)
    assert builder.build().ok
    output = site / "output"
    alep = site / "content/alep.md"
    text = alep.read_text(encoding="utf-8")

    def edit(path: Path, new: str | None, step: str) -> dict[str, int]:
        if new is None:
            path.unlink()
        else:
            write(path, new)
        counted.clear()
        result = builder.build([path])
        calls = dict(counted)
        assert result.ok, result.problems
        assert tree(output) == fresh(site, tmp_path, step), step
        return calls

    # A sentence far from every mention: its own page only; no actor page,
    # listing or site page is rendered again.
    calls = edit(alep, text + "\nLa situation reste confuse dans la soirée.\n", "append")
    assert calls == {"article_outputs": 1}

    # A new title: the listings show it, and so do the pages of the actors
    # the article mentions, and its two neighbours' previous/next links; the
    # other actors' pages stay.
    actors_here = {e["actor"] for e in json_of(output, "alep")["entities"]}
    calls = edit(alep, text.replace("Combats à Alep", "Nouveaux combats à Alep"), "title")
    assert calls["article_outputs"] == 3 and calls["listing_outputs"] == 1
    assert 1 <= calls["actor_outputs"] <= len(actors_here - {None})
    actors_there = {e["actor"] for e in json_of(output, "geneva")["entities"]}
    assert actors_there - actors_here, "the test needs an actor the edit does not touch"

    # A new actor: its page appears, and the site pages list it.
    calls = edit(site / "content/idleb.md",
                 ARTICLE_2 + "\nLe Croissant-Rouge arabe syrien a envoyé des secours.\n", "actor")
    assert calls["site_outputs"] == 1 and calls["actor_outputs"] >= 1

    # A new figure: its source's page and the figures page.
    calls = edit(site / "content/geneva.md",
                 ARTICLE_3 + "\nAbout 30 journalists attended, the United Nations said.\n",
                 "figure")
    assert calls["site_outputs"] == 1 and calls["actor_outputs"] >= 1

    # A deleted article: its pages go, and nothing else is left pointing to it.
    edit(site / "content/idleb.md", None, "delete")
    assert not (output / "articles/idleb").exists()


def test_a_registry_change_rebuilds_everything(site: Path, counted: Counter[str],
                                               tmp_path: Path) -> None:
    builder = Builder(site, dev=True)
    assert builder.build().ok
    registry = write(site / "content/actors.yml", """
        actors:
          - id: osdh
            name: Observatoire syrien des droits de l'Homme
            kind: organization
            aliases: [OSDH]
        """)
    counted.clear()
    result = builder.build([registry])
    assert result.ok and result.full
    assert counted["article_outputs"] == 3 and counted["listing_outputs"] == 1
    assert counted["site_outputs"] == 1
    assert (site / "output/actors/osdh/index.html").exists()
    assert tree(site / "output") == fresh(site, tmp_path, "registry")


def test_no_change_renders_nothing_again(site: Path, counted: Counter[str]) -> None:
    builder = Builder(site, dev=True)
    assert builder.build().ok
    counted.clear()
    result = builder.build([site / "content/alep.md"])  # saved without a change
    assert result.ok and result.written == []
    assert sum(counted.values()) == 0


def test_edited_pages_are_published_ahead_of_the_rest(site: Path) -> None:
    builder = Builder(site, dev=True)
    ahead: list[list[str]] = []
    builder.on_pages = ahead.append
    assert builder.build().ok
    assert ahead == []  # a full build publishes everything at once
    output = site / "output"
    alep = site / "content/alep.md"
    write(alep, ARTICLE_FR.replace("Combats à Alep", "Combats dans Alep"))

    def on_pages(pages: list[str]) -> None:
        ahead.append(pages)
        # When the server hears of the article page, it is on disk; the home
        # page, which lists the title too, is not rendered yet.
        assert "Combats dans Alep" in (output / "articles/alep/index.html").read_text()
        assert "Combats dans Alep" not in (output / "index.html").read_text()

    builder.on_pages = on_pages
    result = builder.build([alep])
    assert result.ok
    # The article first, before the site is linked again; then its
    # neighbours, whose previous/next links show the title.
    assert ahead == [["api/articles/alep.json", "articles/alep/index.html"],
                     ["articles/geneva/index.html", "articles/idleb/index.html"]]
    assert {*ahead[0], *ahead[1]} < set(result.written) and "index.html" in result.written
    assert "Combats dans Alep" in (output / "index.html").read_text()
    ahead.clear()
    assert builder.build([alep]).ok  # saved again, unchanged: nothing to push
    assert ahead == []


def test_links_made_from_other_articles_are_undone_with_them(tmp_path: Path) -> None:
    """An acronym linked through another article's definition must come loose
    when that definition goes: the rebuild may not remember its own links."""
    site = tmp_path / "site"
    write(site / "content/actors.yml", """
        actors:
          - id: odl
            name: Observatoire des libertés
            kind: organization
        """)
    defining = write(site / "content/a.md", """
        ---
        title: Rapport
        date: 2026-03-01
        ---
        L’Observatoire des libertés (ODL) a publié mardi un rapport à Beyrouth.
        """)
    write(site / "content/b.md", """
        ---
        title: Suite
        date: 2026-03-02
        ---
        Selon l’ODL, les arrestations se sont multipliées à Beyrouth.
        """)
    builder = Builder(site, dev=True)
    assert builder.build().ok
    linked = {e["text"]: e["actor"] for e in json_of(site / "output", "b")["entities"]}
    assert linked.get("ODL") == "odl", linked
    write(defining, "---\ntitle: Rapport\ndate: 2026-03-01\n---\nUn rapport sans sigle.\n")
    assert builder.build([defining]).ok
    after = {e["text"]: e["actor"] for e in json_of(site / "output", "b")["entities"]}
    assert after.get("ODL") not in (None, "odl"), after
    assert tree(site / "output") == fresh(site, tmp_path, "fresh")



@pytest.fixture
def plain_keys(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Check that every memo key is built from values whose repr is a faithful key."""
    from site_builder import build, memo
    from site_builder.render import signature

    stages: list[str] = []
    original = memo.key

    def checked(stage: str, *inputs: object) -> str:
        memo.check_plain(inputs, stage)
        stages.append(stage)
        return original(stage, *inputs)

    monkeypatch.setattr(memo, "key", checked)  # what Memo.key_in calls
    for module in (build, signature):
        monkeypatch.setattr(module, "memo_key", checked)
    return stages


def test_a_new_process_renders_only_what_an_edit_affects(site: Path, tmp_path: Path,
                                                          counted: Counter[str],
                                                          plain_keys: list[str]) -> None:
    build_ok(site)
    assert {"attribute", "pages", "anchors"} <= set(plain_keys)
    alep = site / "content/alep.md"
    write(alep, ARTICLE_FR + "\nLa situation reste confuse dans la soirée.\n")
    counted.clear()
    build_ok(site)
    # The edited page only: attribution, actor pages and listings come from the memo.
    assert dict(counted) == {"article_outputs": 1}

    # A page edited by hand in output/ is not trusted: it is rendered again.
    page = site / "output/articles/idleb/index.html"
    page.write_text("vandalisé", encoding="utf-8")
    counted.clear()
    build_ok(site)
    assert dict(counted) == {"article_outputs": 1}
    assert "vandalisé" not in page.read_text(encoding="utf-8")

    # Whatever the memo kept, the output is what a build without any cache gives.
    plain = tmp_path / "no-cache"
    build_ok(site, output_dir=plain, use_cache=False)
    assert tree(site / "output") == tree(plain)


def test_a_template_change_renders_every_page_without_nlp(site: Path,
                                                         counted: Counter[str]) -> None:
    build_ok(site)
    write(site / "templates/footer.html", "<footer>pied de page</footer>\n")
    counted.clear()
    result = build_ok(site)
    assert result.analysed == 0  # type: ignore[attr-defined]
    assert counted["article_outputs"] == 3 and counted["listing_outputs"] == 1


def test_a_command_line_rebuild_loads_spacy_in_a_worker_while_reading(
        site: Path, tmp_path: Path) -> None:
    """In its own process: forking is refused where other threads run (this
    test process may hold some, left by server and browser tests)."""
    import subprocess
    import sys

    def run() -> str:
        done = subprocess.run([sys.executable, "-m", "site_builder", "build", "-v", str(site)],
                              capture_output=True, text=True, check=True)
        return done.stdout + done.stderr

    assert "in a worker while the site is read" not in run()  # nothing to overlap with
    write(site / "content/geneva.md", ARTICLE_3 + "\nTalks resume on Friday in Geneva.\n")
    out = run()
    assert "in a worker while the site is read" in out and "(1 analysed by spaCy)" in out
    plain = tmp_path / "no-cache"
    build_ok(site, output_dir=plain, use_cache=False)
    assert tree(site / "output") == tree(plain)
