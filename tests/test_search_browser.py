"""The search page and the filter boxes in a real Chromium, under the site's CSP.

Pagefind fetches its index, which file:// does not allow: the rendered
site is served by a local `http.server` thread.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder import search
from site_builder.render import Renderer
from tests.conftest import open_page, served, write
from tests.test_render_support import config, small_site

pytestmark = [pytest.mark.browser]

@pytest.fixture(scope="module")
def site_url(tmp_path_factory) -> Iterator[str]:
    root: Path = tmp_path_factory.mktemp("searchable")
    for rel, data in Renderer(config()).render_all(small_site()).items():
        write(root / rel, data)
    search.index_tree(root)
    with served(root) as url:
        yield url


def _search(page: object, words: str) -> list[str]:
    """Type into the search page's box; the result links' paths, once shown."""
    page.wait_for_selector("form.search-page[data-ready]")  # type: ignore[attr-defined]
    page.fill("#search-q", words)  # type: ignore[attr-defined]
    page.wait_for_selector(".search-results li a")  # type: ignore[attr-defined]
    return page.eval_on_selector_all(  # type: ignore[attr-defined]
        ".search-results li a", "links => links.map(a => new URL(a.href).pathname)")


def test_typing_a_word_of_an_article_finds_it(browser, site_url) -> None:
    page = open_page(browser, site_url + "search/index.html")
    try:
        # The note goes once Pagefind has loaded, which may be after the load event.
        page.wait_for_selector("form.search-page[data-ready]")
        assert page.is_hidden(".search-needs-js")
        # "Francfort" is only in the body of the economy article.
        assert _search(page, "Francfort") == ["/articles/bce-taux/index.html"]
        assert page.inner_text(".search-results mark").startswith("Francfort")
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_an_actor_is_found_by_its_alias(browser, site_url) -> None:
    page = open_page(browser, site_url + "search/index.html")
    try:
        # "ONU" is not in the actor's name, "Organisation des Nations unies".
        page.select_option("#search-kind", "actor")
        assert _search(page, "ONU") == ["/actors/onu/index.html"]
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_the_header_box_opens_the_search_page_with_the_words(browser, site_url) -> None:
    page = open_page(browser, site_url + "index.html")
    try:
        page.fill("#site-search-q", "Francfort")
        page.press("#site-search-q", "Enter")
        page.wait_for_selector(".search-results li a")
        assert page.url.endswith("/search/index.html?q=Francfort")
        assert "/articles/bce-taux/index.html" in page.get_attribute(
            ".search-results li a", "href")
    finally:
        page.close()


def test_the_actors_filter_box_filters_rows(browser, site_url) -> None:
    page = open_page(browser, site_url + "actors/index.html")
    try:
        rows = page.locator(".actor-index > li")
        assert rows.count() == 3
        page.fill("#list-filter", "nations")
        visible = [rows.nth(i).inner_text() for i in range(rows.count())
                   if rows.nth(i).is_visible()]
        assert len(visible) == 1 and visible[0].startswith("Organisation des Nations unies")
        assert page.inner_text(".list-filter-count") == "1 / 3"
        # A group left without rows is hidden whole.
        assert page.locator(".actor-group:visible").count() == 1
        page.fill("#list-filter", "")
        assert sum(rows.nth(i).is_visible() for i in range(rows.count())) == 3
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_without_javascript_the_lists_stay_whole(browser, site_url) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(site_url + "actors/index.html")
        assert page.locator(".list-filter").is_hidden()
        assert page.locator(".actor-index > li:visible").count() == 3
        page.goto(site_url + "search/index.html")
        assert page.locator(".search-needs-js").is_visible()
    finally:
        context.close()
