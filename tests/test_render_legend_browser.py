"""The legend's toggles and the body's cues in a real headless Chromium (site.js).

Uses the shared `browser` fixture of conftest.py: skipped where Debian's
Chromium is absent, except under CI=true where it is required.
"""

from __future__ import annotations

import pytest

from site_builder.model import Actor, AnnotatedArticle, Annotations, Quote, Site
from site_builder.render import Renderer
from tests.conftest import wait_until
from tests.test_render_support import (
    block_langs,
    config,
    entity,
    make_article,
    small_site,
    write_outputs,
)

pytestmark = [pytest.mark.browser]

PAGE = "articles/retours/index.html"
OTHER = "articles/bce-taux/index.html"
SPEAKER = "Ministère syrien de la Défense et des Forces armées"
BODY = """\
Bachar al-Assad a quitté Damas hier soir.

Selon des proches, Bachar al-Assad a rejoint Moscou ; Damas reste calme. L'ONU observe.

« Nous contrôlons la situation dans toute la capitale », a déclaré le ministère.
"""

_LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation",
  e => window.__violations.push(e.violatedDirective + " " + e.blockedURI));
"""

_BACKGROUND = "e => getComputedStyle(e).backgroundColor"
_NONE = "rgba(0, 0, 0, 0)"


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("output")
    write_outputs(out, Renderer(config()).render_all(cues_site()))
    return (out / PAGE).as_uri()  # file://: the site must work without a server


def cues_site() -> Site:
    """The small site, and an article that names its actors again and again."""
    site = small_site()
    article = make_article(BODY, slug="retours", title="Retours")
    said = next(b.text for b in article.blocks if b.id == "b2")
    words = "Nous contrôlons la situation dans toute la capitale"
    annotations = Annotations(
        blocks=block_langs(article),
        entities=[
            entity(article, "b0", "Bachar al-Assad", "person", "bachar-al-assad"),
            entity(article, "b0", "Damas", "place", "damas"),
            entity(article, "b1", "Bachar al-Assad", "person", "bachar-al-assad"),
            entity(article, "b1", "Moscou", "place"),
            entity(article, "b1", "Damas", "place", "damas"),
            entity(article, "b1", "ONU", "organization", "onu"),
        ],
        quotes=[Quote(words, "b2", said.index(words), said.index(words) + len(words),
                      speaker="defense")],
    )
    site.articles.append(AnnotatedArticle(article, annotations))
    actors = {**site.actors, "defense": Actor("defense", SPEAKER, "organization")}
    return Site(articles=site.articles, actors=actors)


def _open(browser: object, url: str) -> object:
    page = browser.new_page()  # type: ignore[attr-defined]
    page.add_init_script(_LISTEN)
    page.goto(url)
    wait_until(page, "document.querySelector('.legend button') !== null")
    return page


def test_toggles_hide_and_show_a_kind(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    try:
        page.goto(site_url)
        buttons = page.locator(".legend li[data-kind] button")
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
        color = page.eval_on_selector(".entity[data-kind=person]", _BACKGROUND)
        assert color != _NONE
        # Without the toggle, a repeat keeps its faint mark only.
        assert page.eval_on_selector(".entity[data-repeat]", _BACKGROUND) == _NONE
    finally:
        context.close()


def test_tab_stops_once_per_actor(browser: object, site_url: str) -> None:
    page = _open(browser, site_url)
    try:
        # Every element Tab reaches in the article body, in order, until focus leaves it.
        stops: list[str] = []
        page.focus(".legend-all")
        for _ in range(50):
            page.keyboard.press("Tab")
            where = page.evaluate("""() => {
              const e = document.activeElement;
              if (!e.closest('.article-body')) return null;
              return e.classList.contains('entity') ? 'actor:' + e.dataset.actor
                                                    : e.className || e.tagName;
            }""")
            if where is None:
                break
            stops.append(where)
        actors = [stop for stop in stops if stop.startswith("actor:")]
        linked = page.eval_on_selector_all(
            ".article-body a.entity", "es => es.map(e => 'actor:' + e.dataset.actor)")
        assert actors == sorted(set(linked), key=linked.index)  # one stop per actor
        others = page.eval_on_selector_all(
            ".article-body a[href]:not(.entity)", "es => es.length")
        assert len(stops) == len(actors) + others
        repeats = page.eval_on_selector_all(
            ".article-body .entity[data-repeat]",
            "es => es.map(e => [e.tagName, e.tabIndex, e.hasAttribute('href')])")
        assert repeats and all(r == ["SPAN", -1, False] for r in repeats)
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_every_mention_toggle_shows_the_repeats(browser: object, site_url: str) -> None:
    page = _open(browser, site_url)
    try:
        repeat = ".article-body .entity[data-repeat]"
        assert page.eval_on_selector(repeat, _BACKGROUND) == _NONE
        toggle = page.locator(".legend-all")
        assert toggle.get_attribute("aria-pressed") == "false"
        toggle.click()
        assert toggle.get_attribute("aria-pressed") == "true"
        assert page.eval_on_selector(repeat, _BACKGROUND) != _NONE
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_toggles_survive_navigation(browser: object, site_url: str) -> None:
    page = _open(browser, site_url)
    try:
        page.click(".legend li[data-kind=place] button")
        page.click(".legend-all")
        other = site_url.replace(PAGE, OTHER)
        page.goto(other)
        wait_until(page, "document.querySelector('.legend button') !== null")
        place = page.locator(".legend li[data-kind=place] button")
        assert place.get_attribute("aria-pressed") == "false"
        assert "hide-place" in (page.get_attribute("article.article", "class") or "")
        page.goto(site_url)
        wait_until(page, "document.querySelector('.legend-all') !== null")
        assert page.get_attribute(".legend-all", "aria-pressed") == "true"
        classes = page.get_attribute("article.article", "class") or ""
        assert "all-mentions" in classes and "hide-place" in classes
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()


def test_without_storage_the_toggles_still_work(browser: object, site_url: str) -> None:
    page = browser.new_page()  # type: ignore[attr-defined]
    # A browser where localStorage throws (as some do in private windows).
    page.add_init_script("""Object.defineProperty(window, "localStorage",
      { get() { throw new DOMException("denied", "SecurityError"); } });""")
    try:
        page.goto(site_url)
        wait_until(page, "document.querySelector('.legend-all') !== null")
        page.click(".legend-all")
        assert "all-mentions" in (page.get_attribute("article.article", "class") or "")
    finally:
        page.close()


def test_speaker_tag_is_whole(browser: object, site_url: str) -> None:
    page = _open(browser, site_url)
    try:
        page.set_viewport_size({"width": 320, "height": 640})
        tags = page.eval_on_selector_all(".quote-speaker", """es => es.map(e => [
          e.scrollWidth, e.clientWidth, getComputedStyle(e, '::after').content,
          e.dataset.name])""")
        assert [tag[3] for tag in tags] == [SPEAKER]
        for scroll, client, content, name in tags:
            assert client > 0 and scroll <= client
            assert name in content
        # After the closing quotation mark, not before it.
        before = page.eval_on_selector(
            ".quote-speaker", "e => e.previousElementSibling.textContent")
        assert before.rstrip().endswith(('"', "»", "”"))
        assert page.evaluate("window.__violations") == []
    finally:
        page.close()
