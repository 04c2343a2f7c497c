"""Entity and figure cards in a real headless Chromium (site.js, native popovers).

A card opens on keyboard focus, on hover and on a first tap; a second tap
follows the link; Escape and a press elsewhere close it. Without
JavaScript no card shows and the links still lead on.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.render import Renderer
from tests.conftest import open_page, served, wait_until
from tests.test_render_support import config, small_site, write_outputs

pytestmark = [pytest.mark.browser]

PAGE = "articles/syrie-depart/index.html"
ASSAD = "#card-actor-bachar-al-assad"
OPEN = "document.querySelector('{0}') && document.querySelector('{0}').matches(':popover-open')"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("output")
    write_outputs(out, Renderer(config()).render_all(small_site()))
    with served(Path(out)) as url:
        yield url


def _is_open(page: object, card: str) -> bool:
    return bool(page.evaluate(OPEN.format(card)))  # type: ignore[attr-defined]


def test_an_entity_card_opens_on_focus_and_closes_on_escape(browser, site: str) -> None:
    page = open_page(browser, site + PAGE)
    assert not _is_open(page, ASSAD)
    page.keyboard.press("Tab")  # the skip link first: walk on to the first mention
    for _ in range(40):
        if page.evaluate("document.activeElement.matches('a.entity[data-card]')"):
            break
        page.keyboard.press("Tab")
    mark = page.evaluate("document.activeElement.getAttribute('data-card')")
    assert mark == "card-actor-bachar-al-assad"
    wait_until(page, OPEN.format(ASSAD))
    card = page.locator(ASSAD)
    assert "Bachar al-Assad" in card.inner_text() and "personne" in card.inner_text()
    assert "Ancien président syrien" in card.inner_text()
    # The site-wide article count comes from api/actor-counts.json.
    wait_until(page, f"!document.querySelector('{ASSAD} .card-count').hidden")
    assert card.locator(".card-count").inner_text().strip() == "· 1 article"
    # Placed next to its mention, inside the window.
    box = card.bounding_box()
    anchor = page.locator("a.entity[data-card='card-actor-bachar-al-assad']").first.bounding_box()
    assert abs(box["y"] - (anchor["y"] + anchor["height"])) < 12 or box["y"] < anchor["y"]
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    page.keyboard.press("Escape")
    wait_until(page, f"!({OPEN.format(ASSAD)})")
    assert page.evaluate("window.__violations") == []


def test_a_figure_card_opens_on_hover_with_its_source(browser, site: str) -> None:
    page = open_page(browser, site + PAGE)
    page.hover("a.figure-ref[data-card='fig-card-1']")
    wait_until(page, OPEN.format("#fig-card-1"))
    text = page.locator("#fig-card-1").inner_text()
    assert "au moins 12 000" in text.replace("\u202f", " ").replace("\u00a0", " ")
    assert "Organisation des Nations unies" in text
    assert page.locator("#fig-card-1 a[href='#fig-1']").count() == 1
    page.mouse.move(0, 0)
    wait_until(page, f"!({OPEN.format('#fig-card-1')})")


def test_a_first_tap_opens_the_card_and_a_second_follows_the_link(browser, site: str) -> None:
    context = browser.new_context(has_touch=True, is_mobile=True,  # type: ignore[attr-defined]
                                  viewport={"width": 390, "height": 800})
    page = context.new_page()
    page.goto(site + PAGE)
    page.wait_for_load_state("load")
    mention = "a.entity[data-card='card-actor-damas']"
    page.tap(mention)
    wait_until(page, OPEN.format("#card-actor-damas"))
    assert page.url.endswith(PAGE)
    box = page.locator("#card-actor-damas").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 390
    # A tap elsewhere closes it; the page stays.
    page.tap("h1")
    wait_until(page, f"!({OPEN.format('#card-actor-damas')})")
    page.tap(mention)
    wait_until(page, OPEN.format("#card-actor-damas"))
    page.tap(mention)
    page.wait_for_url("**/actors/damas/index.html")
    context.close()


def test_without_javascript_cards_stay_hidden_and_links_lead_on(browser, site: str) -> None:
    context = browser.new_context(java_script_enabled=False)  # type: ignore[attr-defined]
    page = context.new_page()
    page.goto(site + PAGE)
    assert not page.locator(ASSAD).is_visible()
    page.hover("a.entity[data-card='card-actor-bachar-al-assad']")
    assert not page.locator(ASSAD).is_visible()
    page.click("a.entity[data-card='card-actor-bachar-al-assad']")
    page.wait_for_url("**/actors/bachar-al-assad/index.html")
    context.close()
