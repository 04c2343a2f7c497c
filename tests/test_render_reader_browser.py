"""The reader's aids in a real Chromium: dark colours, the theme toggle, print.

Pages come from the rendered small site, opened as files; the site's
Content-Security-Policy stays on, and any violation it reports fails a test.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.render import Renderer
from tests.conftest import wait_until
from tests.test_render_support import config, small_site, write_outputs

pytestmark = [pytest.mark.browser]

_LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""

# The luminance of the body's computed background (0 black, 1 white), in the page.
_BODY_LUMINANCE = """() => {
  const [r, g, b] = getComputedStyle(document.body).backgroundColor.match(/\\d+/g).map(Number);
  return (0.2126 * r + 0.7152 * g + 0.0722 * b) / 255;
}"""


@pytest.fixture(scope="module")
def output(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("reader")
    write_outputs(root, Renderer(config()).render_all(small_site()))
    return root


def _url(output: Path, slug: str) -> str:
    return (output / f"articles/{slug}/index.html").as_uri()


def _open(context: object, url: str) -> object:
    page = context.new_page()  # type: ignore[attr-defined]
    page.add_init_script(_LISTEN)
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def test_the_system_dark_preference_darkens_the_page(browser: object, output: Path) -> None:
    context = browser.new_context(color_scheme="dark")  # type: ignore[attr-defined]
    try:
        page = _open(context, _url(output, "bce-taux"))
        assert page.evaluate(_BODY_LUMINANCE) < 0.2
        light = browser.new_context(color_scheme="light")  # type: ignore[attr-defined]
        try:
            assert _open(light, _url(output, "bce-taux")).evaluate(_BODY_LUMINANCE) > 0.9
        finally:
            light.close()
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()


def test_the_toggle_cycles_and_is_remembered_on_the_next_page(browser: object,
                                                               output: Path) -> None:
    context = browser.new_context(color_scheme="light")  # type: ignore[attr-defined]
    try:
        page = _open(context, _url(output, "geneva-talks"))
        toggle = page.locator(".theme-toggle")
        wait_until(page, "!document.querySelector('.theme-toggle').hidden")
        assert toggle.inner_text() == "Theme: Auto"
        toggle.click()
        assert toggle.inner_text() == "Theme: Light"
        toggle.click()  # dark, against the system's light
        assert toggle.inner_text() == "Theme: Dark"
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert page.evaluate(_BODY_LUMINANCE) < 0.2
        violations = page.evaluate("window.__violations")
        # The next page starts dark: theme.js ran before the stylesheet's first paint.
        page.click('a[rel="prev"]')
        page.wait_for_load_state("load")
        assert page.url == _url(output, "bce-taux")
        assert page.evaluate("document.documentElement.dataset.theme") == "dark"
        assert page.evaluate(_BODY_LUMINANCE) < 0.2
        wait_until(page, "!document.querySelector('.theme-toggle').hidden")
        assert page.inner_text(".theme-toggle") == "Thème\u00a0: Sombre"
        page.click(".theme-toggle")  # back to auto: the system's light again
        assert page.evaluate("document.documentElement.hasAttribute('data-theme')") is False
        assert page.evaluate(_BODY_LUMINANCE) > 0.9
        assert violations == [] and page.evaluate("window.__violations") == []
    finally:
        context.close()


def test_without_javascript_the_system_preference_applies(browser: object,
                                                           output: Path) -> None:
    context = browser.new_context(  # type: ignore[attr-defined]
        java_script_enabled=False, color_scheme="dark")
    try:
        page = context.new_page()
        page.goto(_url(output, "bce-taux"))
        # Playwright still evaluates through DevTools; the page's own scripts are off.
        assert page.evaluate(_BODY_LUMINANCE) < 0.2
        assert page.locator(".theme-toggle").is_hidden()
    finally:
        context.close()


def test_print_hides_the_navigation_and_keeps_figures_and_speakers(browser: object,
                                                                   output: Path) -> None:
    context = browser.new_context(color_scheme="dark")  # type: ignore[attr-defined]
    try:
        page = _open(context, _url(output, "syrie-depart"))
        page.emulate_media(media="print")
        assert page.locator(".site-nav").is_hidden()
        assert page.locator(".theme-toggle").is_hidden()
        assert page.locator(".article-nav").is_hidden()
        badge = page.locator(".article-body .figure-ref").first
        assert badge.is_visible()
        assert badge.evaluate("e => getComputedStyle(e, '::after').content") == '"1"'
        speaker = page.locator(".article-body .quote-speaker").first
        assert speaker.is_visible()
        assert "Nations unies" in speaker.evaluate("e => getComputedStyle(e, '::after').content")
        # Paper is light even when the screen is dark.
        assert page.evaluate(_BODY_LUMINANCE) > 0.9
        # The text spans the page.
        width = page.evaluate("document.querySelector('main').getBoundingClientRect().width")
        assert width >= page.evaluate("document.documentElement.clientWidth") - 1
        assert page.evaluate("window.__violations") == []
    finally:
        context.close()
