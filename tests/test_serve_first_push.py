"""The preview pushes an edited article's page before it links the whole site.

`Builder._push_first` links the edited article against the last build's
actors (link/provisional.py), renders its page, writes it and has the
server reload it; then the site is linked and rendered as always, and a
page the full link changes is written and pushed again. After every
rebuild the output must be byte for byte what a fresh build gives. Real
spaCy; a shared cache keeps the re-analysis to the edited article.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import site_builder.build as build_module
from site_builder.build import Builder
from site_builder.model import AnnotatedArticle

from .conftest import ARTICLE_FR, tree, write
from .test_incremental_build import ARTICLE_2, ARTICLE_3, fresh, three_articles

ALEP = "articles/alep/index.html"


class Pushes:
    """What the builder pushed ahead, and whether the site was linked by then."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.calls: list[tuple[list[str], int]] = []
        self.links = 0
        original = build_module.link_actors

        def counting(*args: object, **kwargs: object) -> object:
            self.links += 1
            return original(*args, **kwargs)  # type: ignore[arg-type]

        monkeypatch.setattr(build_module, "link_actors", counting)

    def __call__(self, pages: list[str]) -> None:
        self.calls.append((pages, self.links))

    def clear(self) -> None:
        self.calls.clear()
        self.links = 0


@pytest.fixture
def site(tmp_path: Path) -> Iterator[Path]:
    yield three_articles(tmp_path / "site")


@pytest.fixture
def builder(site: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Builder]:
    pushes = Pushes(monkeypatch)
    builder = Builder(site, dev=True)
    builder.on_pages = pushes
    assert builder.build().ok
    assert pushes.calls == []  # the first build publishes everything at once
    yield builder


def rebuild(builder: Builder, path: Path, text: str | None, *,
            ahead: bool = True) -> tuple[list[list[str]], object]:
    """Write (or delete) `path`, rebuild; the pages pushed ahead, in order, and the result.

    `ahead`: the edited page is to be pushed before the site-wide link.
    """
    pushes = builder.on_pages
    assert isinstance(pushes, Pushes)
    if text is None:
        path.unlink()
    else:
        write(path, text)
    pushes.clear()
    result = builder.build([path])
    assert result.ok, result.problems
    # An edited article's page comes before the site-wide link; the rest after.
    assert all(links == (0 if n == 0 and ahead and text is not None else 1)
               for n, (_, links) in enumerate(pushes.calls)), pushes.calls
    return [pages for pages, _ in pushes.calls], result


def test_the_edited_page_is_pushed_before_the_link_and_once(
        builder: Builder, site: Path, tmp_path: Path) -> None:
    alep = site / "content/alep.md"
    text = ARTICLE_FR + "\nLa situation reste confuse dans la soirée, selon M. Assad.\n"
    pushed, result = rebuild(builder, alep, text)
    # The provisional link agreed with the full one: one push, no second.
    assert pushed == [["api/articles/alep.json", ALEP]]
    assert ALEP in result.written  # type: ignore[attr-defined]
    assert tree(site / "output") == fresh(site, tmp_path, "append")


def test_a_new_name_waits_for_the_full_link(
        builder: Builder, site: Path, tmp_path: Path) -> None:
    # A name no article had: no actor stands for it until the full link makes one.
    geneva = site / "content/geneva.md"
    pushed, _ = rebuild(builder, geneva,
                        ARTICLE_3 + "\nGeir Pedersen, the UN envoy, told delegates to hurry.\n",
                        ahead=False)
    assert len(pushed) == 1 and "articles/geneva/index.html" in pushed[0]  # after the link
    assert tree(site / "output") == fresh(site, tmp_path, "new-name")
    html = (site / "output/articles/geneva/index.html").read_text(encoding="utf-8")
    actors = {p.parent.name for p in (site / "output/actors").glob("*/index.html")}
    assert any(f"actors/{actor}/" in html for actor in actors if "pedersen" in actor)


def test_a_page_the_full_link_changes_is_pushed_again(
        builder: Builder, site: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    # A provisional link that gets it wrong (here: links nothing, and says
    # it answered): the full link's page replaces it, pushed a second time.
    def wrong(item: AnnotatedArticle, *args: object) -> int:
        for entity in item.annotations.entities:
            entity.actor = None
        return 0

    monkeypatch.setattr(build_module, "link_provisionally", wrong)
    alep = site / "content/alep.md"
    pushed, _ = rebuild(builder, alep, ARTICLE_FR + "\nLa situation reste confuse.\n")
    assert pushed == [["api/articles/alep.json", ALEP], ["api/articles/alep.json", ALEP]]
    assert tree(site / "output") == fresh(site, tmp_path, "corrected")


def test_every_kind_of_edit_ends_as_a_fresh_build(
        builder: Builder, site: Path, tmp_path: Path) -> None:
    alep, idleb = site / "content/alep.md", site / "content/idleb.md"
    steps: list[tuple[Path, str | None]] = [
        # A surname the article's own full name settles.
        (idleb, ARTICLE_2 + "\nM. Assad n’a pas commenté ces chiffres.\n"),
        # A new title: the neighbours' previous/next links follow in the second push.
        (alep, ARTICLE_FR.replace("Combats à Alep", "Nouveaux combats à Alep")),
        # An acronym defined elsewhere; a known organization by its full name.
        (site / "content/geneva.md",
         ARTICLE_3 + "\nThe OSDH and the United Nations disagreed on the toll.\n"),
        # A new article, naming known actors only.
        (site / "content/homs.md", ARTICLE_2.replace("Bilan à Idleb", "Bilan à Homs")
         .replace("2026-03-13", "2026-03-14")),
        # A name removed: the actor may lose its page.
        (idleb, ARTICLE_2.replace("Bachar al-Assad a reçu", "Le président a reçu")),
        # A deleted article: only its neighbours, after the link.
        (site / "content/homs.md", None),
    ]
    for n, (path, text) in enumerate(steps):
        pushed, _ = rebuild(builder, path, text)
        if text is not None:
            assert f"articles/{path.stem}/index.html" in pushed[0], (n, pushed)
        assert tree(site / "output") == fresh(site, tmp_path, f"step-{n}"), n


def test_a_broken_article_pushes_nothing_and_the_last_site_stays(
        builder: Builder, site: Path, tmp_path: Path) -> None:
    alep = site / "content/alep.md"
    before = tree(site / "output")
    pushes = builder.on_pages
    assert isinstance(pushes, Pushes)
    pushes.clear()
    write(alep, ARTICLE_FR.replace("date: 2026-03-12", "date: [not a date"))
    result = builder.build([alep])
    assert not result.ok and result.problems
    assert pushes.calls == []
    assert tree(site / "output") == before
    # Fixed: pushed ahead again, and the output is a fresh build's.
    pushed, _ = rebuild(builder, alep, ARTICLE_FR + "\nUn bilan provisoire.\n")
    assert ALEP in pushed[0]
    assert tree(site / "output") == fresh(site, tmp_path, "fixed")
