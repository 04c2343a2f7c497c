"""Links between articles and to files of content/, rewritten for the page (render/links.py).

Unit tests of the rewrite and of heading ids, a property test of what a
rewritten href may reach, and builds with blank pipelines for what the
page memo must re-render when a linked article's slug changes.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.build import Builder
from site_builder.render.context import BodyContext
from site_builder.render.heading_ids import heading_id
from site_builder.render.links import content_path, link_targets, rewrite
from site_builder.render.markdown import render_body
from tests.test_render_support import make_article

from .conftest import BLANK_SITE_TOML, SiteFactory, build_ok

ROOT = "../../"  # an article page's way back to the output root
ARTICLES = {"2026/syrie/alep.md": "alep", "2026/liban/beyrouth.md": "beyrouth",
            "2026/départ à l'aube.md": "depart", "une.md": "une"}
ASSETS = {"2026/docs/rapport.pdf", "2026/docs/carte des camps.pdf", "images/x.png"}
HERE = PurePosixPath("2026/liban/beyrouth.md")


def rewritten(href: str, path: PurePosixPath = HERE, slug: str = "beyrouth") -> str:
    return rewrite(href, path, slug, ROOT, ARTICLES, ASSETS.__contains__).href


@pytest.mark.parametrize(("href", "expected"), [
    ("../syrie/alep.md", "../../articles/alep/index.html"),
    ("../syrie/alep.md#bilan", "../../articles/alep/index.html#bilan"),
    ("../syrie/alep.md?v=2#bilan", "../../articles/alep/index.html?v=2#bilan"),
    ("./../syrie/../syrie/alep.md", "../../articles/alep/index.html"),
    ("/2026/syrie/alep.md", "../../articles/alep/index.html"),  # "/" is content/
    ("../d%C3%A9part%20%C3%A0%20l'aube.md#fin", "../../articles/depart/index.html#fin"),
    ("../../une.md", "../../articles/une/index.html"),
    ("beyrouth.md#haut", "../../articles/beyrouth/index.html#haut"),  # its own page
    ("../docs/rapport.pdf", "../../2026/docs/rapport.pdf"),
    ("../docs/rapport.pdf#page=3", "../../2026/docs/rapport.pdf#page=3"),
    ("../docs/carte%20des%20camps.pdf", "../../2026/docs/carte%20des%20camps.pdf"),
    ("../../images/x.png", "../../images/x.png"),
])
def test_links_to_articles_and_files_are_rewritten_for_the_page(href: str,
                                                                expected: str) -> None:
    assert rewritten(href) == expected


@pytest.mark.parametrize("href", [
    "https://example.org/a.md", "//example.org/alep.md", "mailto:redaction@example.org",
    "#bilan", "?page=2", "",
    "absent.md", "../syrie/_brouillon.md",  # no article there: check lists them
    "../../articles/alep/index.html", "../alep/",  # page URLs, as written
    "../docs/absent.pdf",
])
def test_other_links_are_kept_as_written(href: str) -> None:
    done = rewrite(href, HERE, "beyrouth", ROOT, ARTICLES, ASSETS.__contains__)
    assert done.href == href and not done.outside


def test_a_link_that_leaves_both_trees_is_kept_and_reported() -> None:
    done = rewrite("../../../../etc/passwd", HERE, "beyrouth", ROOT, ARTICLES,
                   ASSETS.__contains__)
    assert done.href == "../../../../etc/passwd" and done.outside
    # From content/une.md "../alep/" leaves content/, but from the page it is articles/alep/.
    page = rewrite("../alep/", PurePosixPath("une.md"), "une", ROOT, ARTICLES,
                   ASSETS.__contains__)
    assert page.href == "../alep/" and not page.outside


def test_the_page_reports_a_link_outside_content() -> None:
    article = make_article("Voir [ici](../../../secret.txt) et [là](../syrie/alep.md).\n",
                           path="2026/liban/beyrouth.md")
    ctx = BodyContext(article=article, root=ROOT, articles=ARTICLES,
                      is_asset=ASSETS.__contains__)
    html = render_body(ctx)
    assert 'href="../../../secret.txt"' in html
    assert 'href="../../articles/alep/index.html"' in html
    assert [w.message for w in ctx.warnings] == [
        "link '../../../secret.txt' points outside content/; it is left as written"]
    assert "[texte](../syrie/alep.md)" in ctx.warnings[0].hint


def test_without_the_site_links_stay_as_written() -> None:
    article = make_article("Voir [là](../syrie/alep.md).\n", path="2026/liban/beyrouth.md")
    assert 'href="../syrie/alep.md"' in render_body(BodyContext(article=article, root=ROOT))


def test_content_path_is_shared_with_images() -> None:
    assert content_path("../images/x.png", PurePosixPath("2026/a.md")) == "images/x.png"
    with pytest.raises(ValueError, match="outside content/"):
        content_path("../../x.png", PurePosixPath("2026/a.md"))


def test_link_targets_are_the_content_paths_a_body_names() -> None:
    body = ("[a](../syrie/alep.md#bilan) [b](https://ex.org/x.md) [c](#haut)\n\n"
            "[d][ref] [e](../../../hors.md)\n\n[ref]: ../docs/rapport.pdf\n")
    assert link_targets(body, HERE) == ("2026/docs/rapport.pdf", "2026/syrie/alep.md")
    assert link_targets("Pas de lien.", HERE) == ()


# Paths of up to four segments of what an editor might type, with a scheme now and then.
_SEGMENT = st.sampled_from(["..", ".", "", "alep.md", "syrie", "docs", "rapport.pdf",
                            "%2e%2e", "a%20b", "index.html", "\\", "x?y", "#f"])
_HREF = st.builds(lambda head, parts: head + "/".join(parts),
                  st.sampled_from(["", "/", "//", "mailto:", "http://h/", "javascript:"]),
                  st.lists(_SEGMENT, max_size=4))


@given(_HREF)
def test_a_rewritten_href_stays_in_the_output(href: str) -> None:
    done = rewrite(href, HERE, "beyrouth", ROOT, ARTICLES, ASSETS.__contains__)
    if done.href == href:
        return
    parts = urlsplit(done.href)
    assert not parts.scheme and not parts.netloc and done.href.startswith(ROOT)
    reached = posixpath.normpath(posixpath.join("articles/beyrouth", parts.path))
    assert not reached.startswith(("..", "/"))
    assert reached.endswith("/index.html") or reached in {
        p.replace(" ", "%20") for p in ASSETS}


def test_heading_ids_are_unique_and_leave_generated_ids_alone() -> None:
    assert heading_id("Bilan des combats", set()) == "bilan-des-combats"
    assert heading_id("Bilan", {"bilan"}) == "bilan-2"
    assert heading_id("Bilan", {"bilan", "bilan-2"}) == "bilan-3"
    assert heading_id("مقدمة", set()) == "section"
    assert heading_id("Fig. 2", set()) == "h-fig-2"  # figures' rows are #fig-2
    assert heading_id("Main", set()) == "h-main"  # the template's <main id="main">


def test_headings_of_a_body_get_their_ids() -> None:
    article = make_article("## Bilan\n\nTexte.\n\n## Bilan\n\n### Les *déplacés*\n")
    html = render_body(BodyContext(article=article, root=ROOT))
    assert '<h2 id="bilan">' in html and '<h2 id="bilan-2">' in html
    assert '<h3 id="les-deplaces">' in html


# ---------------------------------------------------------------- page memo

LINKING = "---\ntitle: Liens\ndate: 2026-01-03\n---\nVoir [Alep](syrie/alep.md#bilan).\n"
LINKED = "---\ntitle: Alep\ndate: 2026-01-02\nslug: {slug}\n---\n## Bilan\n\nTexte.\n"
OTHER = "---\ntitle: Autre\ndate: 2026-01-01\n---\nRien de lié{extra}.\n"


@pytest.fixture
def linked_site(make_site: SiteFactory) -> Path:
    return make_site({"site.toml": BLANK_SITE_TOML, "content/liens.md": LINKING,
                      "content/syrie/alep.md": LINKED.format(slug="alep"),
                      "content/autre.md": OTHER.format(extra="")})


def page(site: Path, output: str = "output") -> str:
    return (site / output / "articles/liens/index.html").read_text(encoding="utf-8")


def test_a_new_slug_of_the_linked_article_renders_the_linking_page_again(
        linked_site: Path) -> None:
    builder = Builder(linked_site, linked_site / "preview", dev=True)
    assert builder.build().ok
    assert 'href="../../articles/alep/index.html#bilan"' in page(linked_site, "preview")
    alep = linked_site / "content/syrie/alep.md"
    alep.write_text(LINKED.format(slug="alep-2026"), encoding="utf-8")
    result = builder.build([alep])
    assert result.ok, result.problems
    assert "articles/liens/index.html" in result.written
    assert 'href="../../articles/alep-2026/index.html#bilan"' in page(linked_site, "preview")


def test_an_unrelated_edit_keeps_the_linking_page(linked_site: Path) -> None:
    builder = Builder(linked_site, linked_site / "preview", dev=True)
    assert builder.build().ok
    other = linked_site / "content/autre.md"
    other.write_text(OTHER.format(extra=" encore"), encoding="utf-8")
    result = builder.build([other])
    assert result.ok, result.problems
    assert "articles/autre/index.html" in result.written
    assert "articles/liens/index.html" not in result.written


def test_a_new_build_process_does_not_reuse_a_page_with_a_stale_link(
        linked_site: Path) -> None:
    build_ok(linked_site)
    (linked_site / "content/syrie/alep.md").write_text(LINKED.format(slug="alep-2026"),
                                                       encoding="utf-8")
    build_ok(linked_site)
    assert 'href="../../articles/alep-2026/index.html#bilan"' in page(linked_site)
