"""The default theme under its own Content-Security-Policy, in a real Chromium.

base.html declares a policy with no 'unsafe-inline': every script is a file
of the site and no element carries a style attribute. A page that broke
that rule would log a violation event here, and its behaviour (the legend
toggles of site.js, table alignment) would be lost.
"""

from __future__ import annotations

import pytest

from site_builder.render import Renderer
from tests.conftest import BLANK_SITE_TOML, build_ok, open_page
from tests.test_render_support import config, small_site, write_outputs

pytestmark = [pytest.mark.browser]

TABLE_ARTICLE = """---
title: Bilan par province
date: 2026-03-12
lang: fr
---

Le tableau suivant reprend les chiffres publiés.

| Province | Morts |
|:---------|------:|
| Idleb    |    12 |
| Alep     |     7 |
"""


def test_article_page_runs_its_script_with_no_violation(browser, tmp_path) -> None:
    write_outputs(tmp_path, Renderer(config()).render_all(small_site()))
    page = open_page(browser, (tmp_path / "articles/syrie-depart/index.html").as_uri())
    try:
        csp = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content")
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        button = page.locator(".legend button").nth(0)
        button.click()  # site.js ran: the toggle answers
        assert button.get_attribute("aria-pressed") == "false"
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_markdown_table_alignment_survives_the_policy(browser, make_site) -> None:
    site = make_site({"site.toml": BLANK_SITE_TOML, "content/bilan.md": TABLE_ARTICLE})
    build_ok(site)
    page = open_page(browser, (site / "output/articles/bilan/index.html").as_uri())
    try:
        assert page.locator("[style]").count() == 0
        cell = page.locator("td").nth(1)
        assert cell.evaluate("e => getComputedStyle(e).textAlign") == "right"
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()
