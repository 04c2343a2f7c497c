"""The build-problem overlay in headless Chromium, under the site's CSP, against impostors.

The fake builder (no spaCy) renders through a template that carries the
Content-Security-Policy the built site ships with, and a page body with
elements named like the overlay. The `browser` fixture (conftest.py) skips
where Debian's Chromium is absent, except under CI=true.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from site_builder.serve import DevServer
from site_builder.serve.client import OVERLAY_TAG
from tests.conftest import RECORD_VIOLATIONS, wait_until, write
from tests.test_serve_support import FakeBuilder, article, make_fake_site

pytestmark = pytest.mark.browser

TIMEOUT_MS = 30_000

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'self'")

# An article's body may hold any element: here, two that look like the overlay.
PAGE = (
    '<!doctype html><html><head><meta charset="utf-8">'
    f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
    '<title>{title}</title><link rel="stylesheet" href="/style.css"></head>'
    '<body><main><h1>{title}</h1><p>{body}</p>'
    '<a id="__livereload_overlay" href="#top">Impostor A</a>'
    f'<{OVERLAY_TAG} role="alert">Impostor B</{OVERLAY_TAG}>'
    '{pad}</main></body></html>\n'
)

OVERLAY = f"{OVERLAY_TAG} [role=alert]"  # Playwright's CSS reaches into the open shadow root

_OURS = f"""() => [...document.querySelectorAll("{OVERLAY_TAG}")]
  .filter(el => el.shadowRoot).map(el => getComputedStyle(el.shadowRoot.firstChild).position)"""


def test_the_overlay_cannot_be_hijacked_and_works_under_the_csp(tmp_path: Path,
                                                                browser: object) -> None:
    site = make_fake_site(tmp_path)
    write(site / "templates" / "page.html", PAGE)
    a1 = site / "content" / "a1.md"
    with DevServer(FakeBuilder(site), site, port=0, quiet=0.05, log=lambda m: None) as server:
        page = browser.new_page()  # type: ignore[attr-defined]
        try:
            page.set_default_timeout(TIMEOUT_MS)
            page.add_init_script(RECORD_VIOLATIONS)
            page.goto(server.url + "articles/a1/")
            deadline = time.monotonic() + 30
            while server.broadcaster.streams < 1 and time.monotonic() < deadline:
                time.sleep(0.05)  # the script got past CSP and opened its stream
            assert server.broadcaster.streams == 1
            page.evaluate("window.__stillHere = true")

            a1.write_text("---\ntitle: [non fermé\n---\nCassé.\n", encoding="utf-8")
            alert = page.wait_for_selector(OVERLAY)
            assert alert is not None and "content/a1.md:2: invalid YAML" in alert.inner_text()
            # Styled through the CSSOM, which the CSP lets through: fixed on top.
            assert page.evaluate(_OURS) == ["fixed"]
            assert page.inner_text("#__livereload_overlay") == "Impostor A"
            assert page.inner_text(f"main > {OVERLAY_TAG}") == "Impostor B"

            # The fix rewrites nothing (same page as before): no reload, the
            # script takes its overlay away and leaves the page's elements be.
            a1.write_text(article("Article 1", "Texte 1."), encoding="utf-8")
            wait_until(page, f"() => ({_OURS})().length === 0")
            assert page.inner_text("#__livereload_overlay") == "Impostor A"
            assert page.inner_text(f"main > {OVERLAY_TAG}") == "Impostor B"
            assert page.evaluate("window.__stillHere") is True
            assert page.evaluate("window.__violations") == []

            # The policy is in force: an inline style attribute is refused.
            page.evaluate("document.body.setAttribute('style', 'outline: 5px solid red')")
            wait_until(page, "() => window.__violations.length > 0")
            assert page.evaluate("getComputedStyle(document.body).outlineStyle") == "none"
            assert page.evaluate("window.__violations")[0].startswith("style-src")
        finally:
            page.close()
