"""Live reload in a real headless Chromium, against the real builder.

The `browser` fixture (conftest.py) skips where Debian's Chromium is absent,
except under CI=true where it fails, since .ci/run installs it.
"""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from site_builder.serve import DevServer
from site_builder.serve.client import OVERLAY_TAG
from tests.conftest import wait_until
from tests.test_serve_e2e import ARTICLE_A, make_real_site, real_builder

pytestmark = [pytest.mark.browser, pytest.mark.e2e]

TIMEOUT_MS = 30_000
OVERLAY = f"{OVERLAY_TAG} [role=alert]"  # Playwright's CSS reaches into the open shadow root


def _body_has(text: str) -> str:
    return f"document.body && document.body.innerText.includes({text!r})"


def test_page_follows_edits_errors_and_css_without_manual_reload(tmp_path: Path,
                                                                 browser: object) -> None:
    site = make_real_site(tmp_path)
    article = site / "content" / "a.md"
    with DevServer(real_builder(site), site, port=0, log=lambda m: None) as server:
        page = browser.new_page()  # type: ignore[attr-defined]
        try:
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(server.url + "articles/premier-article/")
            wait_until(page, _body_has("lentement"))

            # 1. An edit to this article reloads the page by itself.
            article.write_text(ARTICLE_A.replace("lentement", "Zanzibar"), encoding="utf-8")
            wait_until(page, _body_has("Zanzibar"))

            # 2. A broken save shows the overlay, with the problem as path:line: message.
            page.evaluate("window.__stillHere = true")
            article.write_text("---\ntitle: [non fermé\n---\nCassé.\n", encoding="utf-8")
            overlay = page.wait_for_selector(OVERLAY)
            assert overlay is not None
            assert "content/a.md:" in overlay.inner_text()
            assert page.evaluate("window.__stillHere") is True  # overlay, not a reload
            assert "Zanzibar" in page.inner_text("body")  # the last good page stays

            # 3. The fix clears it (the page reloads since its file was rewritten).
            article.write_text(ARTICLE_A.replace("lentement", "Tombouctou"), encoding="utf-8")
            wait_until(page, _body_has("Tombouctou"))
            page.wait_for_selector(OVERLAY_TAG, state="detached")

            # 4. A stylesheet change is applied in place, without a reload.
            page.evaluate("window.__stillHere = true")
            templates = site / "templates"
            templates.mkdir(exist_ok=True)
            css = _theme_file("style.css")
            (templates / "style.css").write_text(
                css + "\nbody { outline: 7px solid rgb(1, 2, 3) }\n", encoding="utf-8")
            wait_until(page, "getComputedStyle(document.body).outlineWidth === '7px'")
            assert page.evaluate("window.__stillHere") is True
        finally:
            page.close()


_SET_HIDDEN = """hidden => {
  const state = hidden ? "hidden" : "visible";
  for (const [name, value] of [["hidden", hidden], ["visibilityState", state]])
    Object.defineProperty(document, name, {configurable: true, get: () => value});
  document.dispatchEvent(new Event("visibilitychange"));
}"""


def test_hidden_tab_disconnects_and_catches_up_when_shown(tmp_path: Path,
                                                          browser: object) -> None:
    site = make_real_site(tmp_path)
    with DevServer(real_builder(site), site, port=0, log=lambda m: None) as server:
        page = browser.new_page()  # type: ignore[attr-defined]
        try:
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(server.url + "articles/premier-article/")
            wait_until(page, _body_has("lentement"))
            page.evaluate("window.__stillHere = true")
            page.evaluate(_SET_HIDDEN, True)  # headless tabs are never hidden by themselves
            builds = server.builds
            (site / "content" / "a.md").write_text(
                ARTICLE_A.replace("lentement", "Ouagadougou"), encoding="utf-8")
            deadline = time.monotonic() + 60
            while server.builds == builds and time.monotonic() < deadline:
                time.sleep(0.05)
            assert server.builds > builds
            time.sleep(0.5)
            assert page.evaluate("window.__stillHere") is True  # no stream, no reload
            page.evaluate(_SET_HIDDEN, False)  # reconnects with ?since= and catches up
            wait_until(page, _body_has("Ouagadougou"))
        finally:
            page.close()


def _theme_file(name: str) -> str:
    from site_builder.render.environment import theme_dir

    return (theme_dir() / name).read_text(encoding="utf-8")


def test_overlay_shown_on_a_page_opened_while_an_error_stands(tmp_path: Path,
                                                              browser: object) -> None:
    site = make_real_site(tmp_path)
    with DevServer(real_builder(site), site, port=0, log=lambda m: None) as server:
        (site / "content" / "b.md").write_text(
            "---\ntitle: <img src=x onerror=alert(1)>\ndate: nope\n---\nx\n", encoding="utf-8")
        deadline = time.monotonic() + 30
        while server.builds < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        page = browser.new_page()  # type: ignore[attr-defined]
        try:
            page.set_default_timeout(TIMEOUT_MS)
            page.goto(server.url + "articles/premier-article/")
            overlay = page.wait_for_selector(OVERLAY)
            assert overlay is not None and "content/b.md:" in overlay.inner_text()
            assert page.query_selector(f"{OVERLAY} img") is None  # text, never markup
        finally:
            page.close()
    shutil.rmtree(site, ignore_errors=True)
