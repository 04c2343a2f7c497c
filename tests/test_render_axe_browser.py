"""axe-core on every page type of the default theme, in light and dark, in Chromium.

axe-core comes from the npm registry, pinned with its integrity hash in
tests/axe/package-lock.json; `.ci/run` installs it with `npm ci`. The pages
are the pre-annotated small site of test_render_support (entities, figures,
quotes, an English article), so the annotation markup is audited too.
axe is injected as a script, which the site's own CSP would refuse: the
audit context bypasses the policy, which tests/test_render_csp_browser.py
checks on its own.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.model import Site
from site_builder.render import Renderer
from tests.conftest import served
from tests.test_render_paging import _site
from tests.test_render_support import config, small_site, write_outputs

pytestmark = [pytest.mark.browser]

AXE = Path(__file__).with_name("axe") / "node_modules" / "axe-core" / "axe.min.js"

PAGES = [
    "index.html",
    "articles/syrie-depart/index.html",
    "articles/geneva-talks/index.html",
    "actors/index.html",
    "actors/by-mentions/index.html",
    "actors/bachar-al-assad/index.html",
    "figures/index.html",
    "figures/sources/onu/index.html",
    "figures/units/personnes/index.html",
    "network/index.html",
    "tags/index.html",
    "tags/syrie/index.html",
    "search/index.html",
    "404.html",
]


def charted_site() -> Site:
    """The small site, and articles on other days whose figures the ONU reported: a chart."""
    site = small_site()
    extra = _site(3).articles
    return Site(articles=[*site.articles, *extra], actors=site.actors)


@pytest.fixture(scope="module")
def axe_path() -> Path:
    if not AXE.exists():
        reason = f"{AXE} is missing: (cd tests/axe && npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"{reason} (required under CI)")
        pytest.skip(reason)
    return AXE


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The site served at the root of a local server, as 404.html's absolute links expect."""
    out = tmp_path_factory.mktemp("axe")
    write_outputs(out, Renderer(config()).render_all(charted_site()))
    with served(out) as url:
        yield url


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_page_type_has_no_axe_violation(browser, axe_path, site_url, scheme) -> None:
    context = browser.new_context(bypass_csp=True, color_scheme=scheme)  # type: ignore[attr-defined]
    found: dict[str, list[str]] = {}
    try:
        page = context.new_page()
        for rel in PAGES:
            response = page.goto(site_url + rel)
            assert response is not None and response.ok, rel
            page.wait_for_load_state("load")
            page.add_script_tag(path=str(axe_path))
            result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
            bad = [f"{v['id']} ({len(v['nodes'])}): {v['nodes'][0]['target']}"
                   for v in result["violations"]]
            if bad:
                found[rel] = bad
    finally:
        context.close()
    assert found == {}


SCREENSHOTS = Path(__file__).with_name("screenshots")  # kept out of git (.gitignore)


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_of_every_page_type_and_no_sideways_scroll(browser, site_url,
                                                                width) -> None:
    """A screenshot per page type and width, for review; a page that scrolls sideways
    fails, and at a phone's width so does a figures table or a tall header."""
    SCREENSHOTS.mkdir(exist_ok=True)
    context = browser.new_context(viewport={"width": width, "height": 900})  # type: ignore[attr-defined]
    wide: dict[str, int] = {}
    try:
        page = context.new_page()
        for rel in PAGES:
            page.goto(site_url + rel)
            page.wait_for_load_state("load")
            name = rel.removesuffix("index.html").strip("/").replace("/", "-") or "home"
            shot = SCREENSHOTS / f"{name.removesuffix('.html')}-{width}.png"
            page.screenshot(path=str(shot), full_page=True)
            assert shot.stat().st_size > 1000
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                wide[rel] = scroll
            if width < 640:
                # A phone: figure tables become cards, and the header leaves the first
                # screen to the page (it was 265 px, then 188 px).
                tables = page.evaluate("[...document.querySelectorAll('.table-scroll')]"
                                       ".map(e => e.scrollWidth - e.clientWidth)")
                assert all(extra <= 1 for extra in tables), (rel, tables)
                header = page.evaluate(
                    "document.querySelector('.site-header').getBoundingClientRect().height")
                assert header <= 160, (rel, header)
    finally:
        context.close()
    assert wide == {}


def test_a_chart_is_an_image_named_by_its_title_with_its_data_table(browser, site_url) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(site_url + "figures/units/personnes/index.html")
        chart = page.get_by_role("img", name="personnes : les chiffres au fil du temps")
        assert chart.count() == 1
        description = page.evaluate(
            "document.querySelector('svg.chart desc').textContent")
        assert description.startswith("Une courbe par source")
        page.click("text=Les chiffres du graphique")
        assert page.locator("table.chart-data tbody tr").count() >= 2
    finally:
        page.close()
