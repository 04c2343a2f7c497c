"""The legend's show/hide toggles in a real headless Chromium (site.js).

Uses the shared `browser` fixture of conftest.py: skipped where Debian's
Chromium is absent, except under CI=true where it is required.
"""

from __future__ import annotations

import pytest

from site_builder.render import Renderer
from tests.test_render_support import config, small_site

pytestmark = [pytest.mark.browser]

PAGE = "articles/syrie-depart/index.html"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("output")
    for rel, data in Renderer(config()).render_all(small_site()).items():
        target = out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
    return (out / PAGE).as_uri()  # file://: the site must work without a server


def test_toggles_hide_and_show_a_kind(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(site_url)
        buttons = page.locator(".legend button")
        assert buttons.count() == 3
        assert page.is_visible(".legend-hint")
        person = ".entity[data-kind=person]"
        shown = page.eval_on_selector(person, "e => getComputedStyle(e).backgroundColor")
        buttons.nth(0).click()
        assert buttons.nth(0).get_attribute("aria-pressed") == "false"
        assert "hide-person" in (page.get_attribute("article.article", "class") or "")
        hidden = page.eval_on_selector(person, "e => getComputedStyle(e).backgroundColor")
        assert hidden == "rgba(0, 0, 0, 0)" != shown
        # Other kinds keep their highlight.
        place = page.eval_on_selector(".entity[data-kind=place]",
                                      "e => getComputedStyle(e).backgroundColor")
        assert place != "rgba(0, 0, 0, 0)"
        buttons.nth(0).click()
        assert page.eval_on_selector(person, "e => getComputedStyle(e).backgroundColor") == shown
    finally:
        page.close()


def test_without_javascript_no_dead_buttons(browser: object, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    try:
        page = context.new_page()
        page.goto(site_url)
        assert page.locator(".legend button").count() == 0
        assert not page.is_visible(".legend-hint")
        assert page.is_visible(".legend")
        color = page.eval_on_selector(".entity[data-kind=person]",
                                      "e => getComputedStyle(e).backgroundColor")
        assert color != "rgba(0, 0, 0, 0)"
    finally:
        context.close()
