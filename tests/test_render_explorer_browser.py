"""The figures explorer in a real headless Chromium: it searches, filters and sorts every
page of a group from its JSON; without JavaScript the static pages are the list."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.render import Renderer
from site_builder.render.site_pages import FIGURES_PER_PAGE
from tests.conftest import open_page, served, wait_until
from tests.test_render_paging import _site
from tests.test_render_support import config, write_outputs

pytestmark = [pytest.mark.browser]

PAGE = "figures/sources/onu/index.html"
N = FIGURES_PER_PAGE + 5  # two pages: values 10 … N + 9
STATUS = "document.querySelector('.explorer-status').textContent"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = write_outputs(Path(tmp_path_factory.mktemp("output")),
                        Renderer(config(per_page=50)).render_all(_site(N)))
    with served(out) as url:
        yield url


def test_the_explorer_sorts_and_searches_every_page(browser, site: str) -> None:
    page = open_page(browser, site + PAGE)
    assert page.locator("form.explorer").is_visible()
    assert page.locator(".explorer-results").is_hidden()
    page.select_option("#explorer-sort", "largest")
    wait_until(page, f"{STATUS}.indexOf('{N}') !== -1")
    rows = page.locator(".explorer-results tbody tr")
    assert rows.count() == N
    # The largest figure is on the group's second static page.
    assert f"au moins {N + 9} personnes" in rows.first.inner_text().replace("\u202f", " ")
    assert page.locator(".explorer-static").first.is_hidden()
    page.fill("#explorer-q", str(N + 8))
    wait_until(page, f"{STATUS}.indexOf('1 ') === 0")
    assert rows.count() == 1
    link = rows.first.locator("a").first.get_attribute("href")
    assert link == f"../../../articles/a{N - 2:03d}/index.html#fig-1"
    # Back to the default view: the static table and its page links return.
    page.fill("#explorer-q", "")
    page.select_option("#explorer-sort", "newest")
    wait_until(page, "!document.querySelector('.explorer-static').hidden")
    assert page.locator(".explorer-results").is_hidden()
    page.select_option("#explorer-qualifier", "exact")
    wait_until(page, f"{STATUS}.indexOf('0 ') === 0")
    assert page.evaluate("window.__violations") == []


def test_without_javascript_the_static_pages_are_the_list(browser, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site + PAGE)
    assert page.locator("form.explorer").is_hidden()
    assert page.locator(".figure-group tbody tr").count() == FIGURES_PER_PAGE
    page.click("a[rel=next]")
    page.wait_for_url("**/figures/sources/onu/page/2/index.html")
    assert page.locator(".figure-group tbody tr").count() == 5
    context.close()
