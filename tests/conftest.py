"""Shared fixtures: small sites written into temporary directories."""

from __future__ import annotations

import contextlib
import os
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

# The suite and CI run the same generated examples every time (derandomized),
# so a run fails for a change, not for a lucky draw. Explore new examples with
# HYPOTHESIS_PROFILE=explore; a failure found there is a bug to fix.
settings.register_profile("default", derandomize=True)
settings.register_profile("explore", derandomize=False)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

SiteFactory = Callable[..., Path]

# Debian's Chromium, driven by Playwright: it never downloads a browser.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """A headless Chromium; skipped without one, except under CI=true (.ci/run installs it)."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: apt-get install chromium"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (required under CI)")
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            yield chromium
        finally:
            chromium.close()


@contextlib.contextmanager
def served(root: Path) -> Iterator[str]:
    """`root` served over HTTP on 127.0.0.1 (a free port) while in the block; yields its URL.

    For pages that need a server: Pagefind fetches its index, and 404.html
    links from the site's root.
    """
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    httpd = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


# Collects the page's Content-Security-Policy violations in window.__violations.
RECORD_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""


def open_page(browser: Any, url: str) -> Any:
    """A new page at `url`, loaded, recording CSP violations (see RECORD_VIOLATIONS)."""
    page = browser.new_page()
    page.add_init_script(RECORD_VIOLATIONS)
    page.goto(url)
    page.wait_for_load_state("load")
    return page


def wait_until(page: Any, predicate: str, timeout: float = 30.0) -> None:
    """Poll a JavaScript expression from outside the page until it is true.

    Playwright's wait_for_function evaluates its predicate with eval, which
    the site's Content-Security-Policy forbids. A poll that lands during a
    reload finds no page to ask, and asks again.
    """
    import time

    from playwright.sync_api import Error

    deadline = time.monotonic() + timeout
    while True:
        try:
            if page.evaluate(predicate):
                return
        except Error:
            pass  # the page is navigating (a live reload)
        assert time.monotonic() < deadline, f"still false after {timeout} s: {predicate}"
        time.sleep(0.05)


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return path


@pytest.fixture
def make_site(tmp_path: Path) -> SiteFactory:
    """make_site({"content/a.md": "...", "site.toml": "..."}) -> site dir."""

    def factory(files: dict[str, str | bytes], name: str = "site") -> Path:
        site = tmp_path / name
        (site / "content").mkdir(parents=True, exist_ok=True)
        for rel, text in files.items():
            write(site / rel, text)
        return site

    return factory


# site.toml of a site whose NLP is blank pipelines: for tests of the build's
# bookkeeping (manifest, memo, caches, progress), not of annotation.
BLANK_SITE_TOML = 'title = "Test"\n[annotate.models]\nfr = "blank"\nen = "blank"\n'


def tree(root: Path) -> dict[str, bytes]:
    """Every file under `root`, by relative POSIX path, the search bundle aside.

    Pagefind 1.5.2 writes its filter chunks in an order that varies from run
    to run (docs/search.md, *Reproducibility*): the bundle is compared by
    tests/test_search.py, by what it holds.
    """
    return {rel: p.read_bytes() for p in sorted(root.rglob("*"))
            if p.is_file() and not (rel := p.relative_to(root).as_posix()).startswith("pagefind/")}


def build_ok(site: Path, output_dir: Path | None = None, **options: object) -> Any:
    """One build by a new `Builder`, as a `site-builder build` run: it must succeed."""
    from site_builder.build import Builder

    result = Builder(site, output_dir, **options).build()  # type: ignore[arg-type]
    assert result.ok, result.problems
    return result


ARTICLE_FR = """
---
title: "Combats à Alep"
date: 2026-03-12
lang: fr
source: Agence Méridienne
authors: [Claire Dubois]
tags: [syrie, humanitaire]
summary: Des combats ont fait des victimes.
---

ALEP, 12 mars – Selon l’Observatoire syrien des droits de l’Homme (OSDH), plus de 300 civils
ont été tués depuis le début de l’offensive.

Le président syrien Bachar al-Assad n’a pas réagi. M. Assad doit s’exprimer jeudi.
"""


_GAPS = Path(__file__).with_name("attribution_gaps.txt")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the attribution cases listed in attribution_gaps.txt as strict xfails."""
    gaps = {line.strip() for line in _GAPS.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}
    for item in items:
        if {item.nodeid, item.nodeid.encode("unicode_escape").decode("ascii")} & gaps:
            item.add_marker(pytest.mark.xfail(
                strict=True, reason="not handled by the parse-based attribute stage yet"))
