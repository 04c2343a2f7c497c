"""The actor network in a real headless Chromium: a named group of named links, with its
ties as a table, and no accessibility violation (axe-core)."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.render import Renderer
from tests.conftest import open_page, served
from tests.test_render_axe_browser import AXE
from tests.test_render_network import STAR, _site
from tests.test_render_support import config, write_outputs

pytestmark = [pytest.mark.browser]


def test_the_network_is_a_named_group_of_links_with_its_table(browser, tmp_path: Path) -> None:
    out = write_outputs(tmp_path, Renderer(config()).render_all(_site(STAR)))
    with served(out) as url:
        page = open_page(browser, url + "network/index.html")
        assert page.get_by_role("group", name="Réseau des acteurs").count() == 1
        hub = page.get_by_role("link", name="HUB, 6 articles")
        assert hub.count() == 1
        assert page.locator("table.ties tbody tr").count() >= 3
        hub.focus()
        hub.press("Enter")
        page.wait_for_url("**/actors/hub/index.html")
        # The actor's own network, on its page.
        assert page.get_by_role("link", name="X1, 3 articles en commun").count() == 1
        assert page.evaluate("window.__violations") == []
        if AXE.exists():  # under CI, the axe test itself requires it
            context = browser.new_context(bypass_csp=True)  # type: ignore[attr-defined]
            checked = context.new_page()
            for rel in ("network/index.html", "actors/hub/index.html"):
                checked.goto(url + rel)
                checked.add_script_tag(path=str(AXE))
                result = checked.evaluate("axe.run(document, {resultTypes: ['violations']})")
                assert [v["id"] for v in result["violations"]] == [], rel
            context.close()
