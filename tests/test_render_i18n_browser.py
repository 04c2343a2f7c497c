"""An English article's page on a French site, as Chromium exposes it: its language and chrome.

Uses the shared `browser` fixture of conftest.py: skipped where Debian's
Chromium is absent, except under CI=true where it is required.
"""

from __future__ import annotations

import pytest

from site_builder.render import Renderer
from tests.test_render_i18n import ENGLISH_PAGE, mixed_site
from tests.test_render_support import config, write_outputs

pytestmark = [pytest.mark.browser]


@pytest.fixture(scope="module")
def page_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("output")
    site_dir = tmp_path_factory.mktemp("site")
    write_outputs(out, Renderer(config(site_dir, title="Newsroom")).render_all(mixed_site()))
    return (out / ENGLISH_PAGE).as_uri()  # file://: the site must work without a server


def test_an_english_article_is_english_to_the_reader(browser: object, page_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(page_url)
        assert page.evaluate("document.documentElement.lang") == "en"
        # The language each element inherits, as assistive technology reads it.
        body_lang = page.eval_on_selector(
            ".article-body .figure-ref", "e => e.closest('[lang]').getAttribute('lang')")
        assert body_lang == "en"
        assert page.inner_text("#legend-title") == "Entities in this article"
        # site.js turned the legend's keys into buttons: their names are English.
        buttons = page.locator(".legend button")
        assert buttons.all_inner_texts() == ["person", "organization", "place", "other"]
        assert page.inner_text(".article-header .authors") == "By Jane Doe"
        assert page.inner_text(".article-header .source") == "Source: Wire Service"
        # Accessible names of the markers, found the way a screen reader finds them.
        assert page.get_by_role(
            "link", name="Figure 1, source: World Health Organization", exact=True).count() == 1
        assert page.get_by_role("link", name="Figure 2", exact=True).count() == 1
        assert page.get_by_role("link", name="Quote by Tedros Adhanom", exact=True).count() == 1
        assert page.inner_text("#figures-title") == "Figures and sources"
        assert page.inner_text("nav.site-nav").split("\n") == [
            "Articles", "Tags", "Actors", "Figures", "Atom feed", "Theme: Auto"]
    finally:
        page.close()
