"""A link to another article's file, clicked in a real headless Chromium.

A two-article site built with blank pipelines, opened from file:// (the
site must work without a server): the link lands on the other article's
page, at the heading its fragment names. Uses the shared `browser` fixture
of conftest.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .conftest import BLANK_SITE_TOML, SiteFactory, build_ok

pytestmark = [pytest.mark.browser]

FIRST = "---\ntitle: Premier\ndate: 2026-01-03\n---\nLire [le bilan](../syrie/alep.md#bilan).\n"
SECOND = ("---\ntitle: Alep\ndate: 2026-01-02\nslug: alep-mars\n---\n"
          + "Un paragraphe.\n\n" * 80 + "## Bilan\n\nLes chiffres.\n")


def test_a_link_to_an_article_file_opens_its_page_at_the_heading(
        browser: object, make_site: SiteFactory) -> None:
    site: Path = make_site({"site.toml": BLANK_SITE_TOML,
                            "content/2026/liban/premier.md": FIRST,
                            "content/2026/syrie/alep.md": SECOND})
    build_ok(site)
    output = site / "output"
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto((output / "articles/premier/index.html").as_uri())
        page.click("text=le bilan")
        page.wait_for_url("**/articles/alep-mars/index.html#bilan")
        assert page.url == (output / "articles/alep-mars/index.html").as_uri() + "#bilan"
        assert page.title().startswith("Alep")
        # The fragment names a real element, scrolled to: the heading is in view.
        heading = page.locator("h2#bilan")
        assert heading.inner_text() == "Bilan"
        assert page.evaluate("document.getElementById('bilan').getBoundingClientRect().top"
                             " < window.innerHeight")
        assert page.evaluate("window.scrollY") > 0
    finally:
        page.close()
