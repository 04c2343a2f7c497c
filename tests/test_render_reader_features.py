"""Reading aids of the default theme: reading time, previous/next articles,
Open Graph meta, the favicon and theme files, and the dark colours' contrast."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path
from typing import Any

import pytest

from site_builder.build import Builder
from site_builder.render import Renderer
from site_builder.render.pages import (
    WORDS_PER_MINUTE,
    neighbour_signature,
    neighbours,
    reading_minutes,
    word_count,
)
from tests.conftest import BLANK_SITE_TOML, SiteFactory, build_ok, write
from tests.test_render_css import CSS, contrast
from tests.test_render_support import config, make_article, small_site

PAGE = "articles/{}/index.html"


def _page(outputs: dict[str, bytes], slug: str) -> str:
    return outputs[PAGE.format(slug)].decode("utf-8")


def _meta(html: str, prop: str) -> str | None:
    found = re.search(rf'<meta property="{re.escape(prop)}" content="([^"]*)">', html)
    return None if found is None else unescape(found.group(1))


# ------------------------------------------------------------------ reading time


@pytest.mark.parametrize(("words", "minutes"), [
    (1, 1), (WORDS_PER_MINUTE, 1), (WORDS_PER_MINUTE + 1, 2), (3 * WORDS_PER_MINUTE, 3)])
def test_reading_time_is_words_over_230_rounded_up(words: int, minutes: int) -> None:
    article = make_article(" ".join(["mot"] * words) + "\n")
    assert word_count(article) == words
    assert reading_minutes(article) == minutes


def test_an_empty_article_reads_in_one_minute() -> None:
    assert reading_minutes(make_article("")) == 1


def test_words_count_in_every_block() -> None:
    article = make_article(
        "## Deux mots\n\nTrois mots ici.\n\n| a b | c |\n|---|---|\n| d | e f |\n")
    assert word_count(article) == 2 + 3 + 3 + 3


def test_reading_time_speaks_the_page_language() -> None:
    site = small_site()
    long_fr = make_article(" ".join(["mot"] * 500) + "\n", slug="long")
    site.articles[0] = type(site.articles[0])(long_fr, site.articles[0].annotations)
    outputs = Renderer(config()).render_all(site)
    assert '<p class="reading-time"><span class="visually-hidden">Temps de lecture\u00a0: ' \
           '</span>3 min de lecture</p>' in _page(outputs, "long")
    assert "</span>1 min read</p>" in _page(outputs, "geneva-talks")


# -------------------------------------------------------------------- prev / next


def test_neighbours_follow_the_site_order() -> None:
    articles = small_site().articles  # newest first: syrie-depart, bce-taux, geneva-talks
    newer, older = neighbours(articles, 1, "../../")
    assert newer is not None and newer.href == "../../articles/syrie-depart/index.html"
    assert older is not None and older.title == "Talks in Geneva <resumed>"
    assert older.lang == "en"
    assert neighbours(articles, 0, "")[0] is None
    assert neighbours(articles, 2, "")[1] is None
    assert neighbours(articles, -1, "") == (None, None)


def test_article_pages_link_their_neighbours_with_rel() -> None:
    outputs = Renderer(config()).render_all(small_site())
    newest, middle, oldest = (_page(outputs, s) for s in
                              ("syrie-depart", "bce-taux", "geneva-talks"))
    assert 'rel="prev"' not in newest
    assert '<a href="../../articles/bce-taux/index.html" rel="next">' in newest
    assert '<a href="../../articles/syrie-depart/index.html" rel="prev">' in middle
    # The title is escaped, and marked in its own language.
    assert '<span lang="en">Talks in Geneva &lt;resumed&gt;</span></a>' in middle
    assert 'rel="next"' not in oldest.split('class="article-nav"')[1]


def test_a_lone_article_has_no_article_nav() -> None:
    site = small_site()
    site.articles[1:] = []
    html = _page(Renderer(config()).render_all(site), "syrie-depart")
    assert 'class="article-nav"' not in html


def test_neighbour_signature_changes_with_a_neighbour_title() -> None:
    site = small_site()
    before = neighbour_signature(site.articles, 1)
    site.articles[0].article.title = "Autre titre"
    assert neighbour_signature(site.articles, 1) != before
    assert neighbour_signature(site.articles, 0)[0] is None


NEW = """
---
title: "{title}"
date: {date}
lang: fr
---

{body}
"""


def test_a_newer_article_updates_the_previous_newest_page(
        make_site: SiteFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    site = make_site({
        "site.toml": BLANK_SITE_TOML,
        "content/ancien.md": NEW.format(title="Ancien", date="2026-03-01", body="Un texte."),
        "content/recent.md": NEW.format(title="Récent", date="2026-03-05", body="Un autre."),
    })
    builder = Builder(site)
    assert builder.build().ok
    recent = site / "output" / PAGE.format("recent")
    assert 'rel="prev"' not in recent.read_text(encoding="utf-8")
    added = write(site / "content/nouveau.md",
                  NEW.format(title="Nouveau", date="2026-03-09", body="Le plus récent."))
    rendered: list[str] = []
    original = Renderer.article_outputs

    def spy(self: Renderer, site: Any, item: Any, *args: Any) -> dict[str, bytes]:
        rendered.append(item.article.slug)
        return original(self, site, item, *args)

    monkeypatch.setattr(Renderer, "article_outputs", spy)
    result = builder.build([added])
    assert result.ok, result.problems
    # The memo keeps the oldest page (its neighbours did not change), not this one.
    assert sorted(rendered) == ["nouveau", "recent"]
    html = recent.read_text(encoding="utf-8")
    assert '<a href="../../articles/nouveau/index.html" rel="prev">' in html
    # The same bytes as a build from scratch.
    fresh = build_ok(site, site / "fresh")
    assert fresh.ok
    assert (site / "fresh" / PAGE.format("recent")).read_text(encoding="utf-8") == html


# ------------------------------------------------------------------- Open Graph


def test_open_graph_of_an_article_is_escaped() -> None:
    site = small_site()
    site.articles[0].article.summary = 'Il a dit "non" & <partit>'
    outputs = Renderer(config(base_url="https://example.org/")).render_all(site)
    html = _page(outputs, "syrie-depart")
    assert _meta(html, "og:type") == "article"
    assert _meta(html, "og:title") == "Départ de Bachar al-Assad"
    assert _meta(html, "og:description") == 'Il a dit "non" & <partit>'
    assert 'content="Il a dit &#34;non&#34; &amp; &lt;partit&gt;"' in html
    assert _meta(html, "og:url") == "https://example.org/articles/syrie-depart/"
    assert _meta(html, "og:locale") == "fr"
    assert _meta(html, "article:published_time") == "2026-03-02T18:00:00+00:00"
    english = _page(outputs, "geneva-talks")
    assert _meta(english, "og:title") == "Talks in Geneva <resumed>"
    assert _meta(english, "og:locale") == "en"
    assert _meta(english, "og:description") is None  # no summary


def test_open_graph_of_other_pages_is_a_website() -> None:
    outputs = Renderer(config(description="Des dépêches")).render_all(small_site())
    home = outputs["index.html"].decode("utf-8")
    assert _meta(home, "og:type") == "website"
    assert _meta(home, "og:description") == "Des dépêches"
    assert _meta(home, "article:published_time") is None
    assert _meta(home, "og:url") is None  # no base_url: no absolute address to give


def test_theme_files_are_shipped_and_linked() -> None:
    outputs = Renderer(config()).render_all(small_site())
    assert outputs["favicon.svg"].startswith(b"<svg")
    assert b"data-theme" in outputs["theme.js"]
    html = _page(outputs, "bce-taux")
    assert '<link rel="icon" href="../../favicon.svg" type="image/svg+xml">' in html
    # theme.js blocks on purpose (no flash of the wrong theme); site.js does not.
    assert '<script src="../../theme.js"></script>' in html
    assert '<meta name="color-scheme" content="light dark">' in html
    assert "style=" not in html


def test_a_site_template_can_replace_the_favicon(make_site: SiteFactory) -> None:
    site = make_site({"site.toml": BLANK_SITE_TOML,
                      "templates/favicon.svg": "<svg id='mine'/>\n"})
    build_ok(site)
    assert (site / "output/favicon.svg").read_text() == "<svg id='mine'/>\n"


# ---------------------------------------------------------------- dark colours


def _block(css: str, head: str) -> dict[str, str]:
    body = css.split(head, 1)[1].split("}", 1)[0]
    return dict(re.findall(r"(--[a-z-]+)\s*:\s*(#[0-9a-fA-F]{6})\s*;", body))


DARK = _block(CSS, ':root:not([data-theme="light"]) {')
LIGHT = _block(CSS, ":root {")


def test_the_dark_blocks_agree_and_cover_every_colour() -> None:
    assert _block(CSS, ':root[data-theme="dark"] {') == DARK
    assert set(DARK) == set(LIGHT) - {"--measure"}


@pytest.mark.parametrize(("fg", "bg"), [
    ("--text", "--page"), ("--muted", "--page"), ("--link", "--page"),
    ("--text", "--surface"), ("--muted", "--surface"), ("--link", "--surface"),
    ("--entity-person-fg", "--entity-person-bg"),
    ("--entity-organization-fg", "--entity-organization-bg"),
    ("--entity-place-fg", "--entity-place-bg"),
    ("--entity-other-fg", "--entity-other-bg"),
    ("--figure-ref-fg", "--figure-ref-bg"), ("--text", "--figure-ref-bg"),
    ("--warning", "--warning-bg"), ("--text", "--warning-bg"),
])
def test_dark_colours_pass_aa(fg: str, bg: str) -> None:
    assert contrast(DARK[fg], DARK[bg]) >= 4.5, (fg, bg)


def test_white_markers_on_the_dark_warning_pass_aa() -> None:
    assert contrast("#ffffff", DARK["--warning"]) >= 4.5


def test_catalogs_name_the_reading_aids() -> None:
    root = Path(__file__).parents[1] / "templates" / "i18n"
    for name in ("en.toml", "fr.toml"):
        text = (root / name).read_text(encoding="utf-8")
        for key in ("minute_read_one", "minute_read_other", "newer_article", "older_article",
                    "theme", "theme_auto", "theme_light", "theme_dark"):
            assert re.search(rf"^{key} = ", text, re.M), (name, key)
