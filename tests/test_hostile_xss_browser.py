"""A corpus of script-injection payloads, put everywhere content reaches a page.

Titles, summaries, sources, authors, tags, image captions and credits, link
targets, raw HTML in the body, and the registry's names, aliases and
descriptions all carry each payload. Every page of the built site is then
opened in Chromium twice:

- with the site's Content-Security-Policy bypassed, so that a payload the
  escaping let through would run and set `window.__pwned`: the policy is a
  second wall, and this checks the first one alone;
- and the DOM is searched for anything executable that the theme did not
  put there: event-handler attributes, `javascript:` or `data:` URLs,
  script, iframe, object, embed or svg elements.
"""

from __future__ import annotations

import pytest

from .conftest import BLANK_SITE_TOML, build_ok

pytestmark = [pytest.mark.browser]

PWN = "window.__pwned=1"
PAYLOADS = [
    f"<script>{PWN}</script>",
    f'<img src=x onerror="{PWN}">',
    f'"><svg onload={PWN}>',
    f"</title><script>{PWN}</script>",
    f"</script><script>{PWN}</script>",
    "<iframe srcdoc='<script>parent.__pwned=1</script>'></iframe>",
    f"<math><mtext><table><mglyph><style><img src=x onerror={PWN}>",
    f"<a href=\"javascript:{PWN}\">lien</a>",
    f"<div style=\"background:url(javascript:{PWN})\">x</div>",
    f"<object data=\"data:text/html,<script>{PWN}</script>\"></object>",
    f"<details open ontoggle={PWN}>",
    f"<noscript><p title=\"</noscript><img src=x onerror={PWN}>\"></noscript>",
    f"javascript:{PWN}",
    "{{ 7*7 }}{% raw %}",
]


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _article(n: int, payload: str) -> str:
    front = "\n".join([
        "---",
        f"title: {_yaml('Titre ' + payload)}",
        "date: 2026-03-1" + str(n % 9 + 1),
        f"summary: {_yaml(payload)}",
        f"source: {_yaml(payload)}",
        f"authors: [{_yaml(payload)}]",
        f"tags: [{_yaml(payload)}, ordinaire]",
        f"image_credit: {_yaml(payload)}",
        f"extra: {_yaml(payload)}",
        "---",
    ])
    body = (
        f"Le porte-parole Jean Piège a parlé. {payload}\n\n"
        f"[un lien]({payload.replace(' ', '%20')}) et [autre](javascript:{PWN})\n\n"
        f"![{payload}](photo.png \"{payload.replace(chr(34), '')}\")\n\n"
        f"« {payload} », a déclaré Jean Piège.\n\n"
        f"{payload}\n"
    )
    return front + "\n\n" + body


def _registry() -> str:
    entries = []
    for n, payload in enumerate(PAYLOADS):
        entries.append(
            f"  - id: piege-{n}\n    kind: person\n    name: {_yaml('Jean Piège ' + str(n))}\n"
            f"    aliases: [{_yaml('Piège ' + payload[:40])}]\n"
            f"    description: {_yaml(payload)}\n")
    entries.append("  - id: jean-piege\n    kind: person\n    name: Jean Piège\n"
                   f"    description: {_yaml(PAYLOADS[0])}\n")
    return "actors:\n" + "".join(entries)


_FOREIGN = """() => {
  const bad = [];
  for (const el of document.querySelectorAll("*")) {
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase(), value = attr.value.trim().toLowerCase();
      if (name.startsWith("on")) bad.push(el.tagName + " " + name);
      if (["href", "src", "action", "formaction", "data", "srcdoc"].includes(name)
          && (value.startsWith("javascript:") || value.startsWith("data:text")
              || name === "srcdoc"))
        bad.push(el.tagName + " " + name + "=" + value.slice(0, 40));
    }
  }
  // The theme's own forms (the header's search box, the search page, the figures explorer)
  // and drawings (charts, networks): the body's sanitizer lets no svg or form through.
  for (const el of document.querySelectorAll("iframe, object, embed, svg, math, base, form"))
    if (!el.matches(".site-header form, form.search-page, form.explorer, "
                    + "figure.chart-figure > svg.chart, figure.network-figure > svg.network"))
      bad.push(el.tagName);
  for (const el of document.querySelectorAll("script"))
    if (!(el.src && ["/site.js", "/theme.js"].some(name => el.src.endsWith(name)))
        && el.type !== "application/ld+json")
      bad.push("SCRIPT " + (el.src || el.textContent.slice(0, 40)));
  return bad;
}"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory):
    from .conftest import write

    site = tmp_path_factory.mktemp("xss")
    write(site / "site.toml", BLANK_SITE_TOML)
    write(site / "content/actors.yml", _registry())
    write(site / "content/photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 32)
    for n, payload in enumerate(PAYLOADS):
        write(site / f"content/a{n}.md", _article(n, payload))
    build_ok(site)
    return site / "output"


def test_no_payload_runs_or_survives_in_any_page(browser, built) -> None:
    pages = sorted(p for p in built.rglob("*.html") if "pagefind" not in p.parts)
    assert len(pages) > len(PAYLOADS)  # articles, tags, actors, listings
    context = browser.new_context(bypass_csp=True)  # type: ignore[attr-defined]
    dialogs: list[str] = []
    try:
        page = context.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        for html in pages:
            page.goto(html.as_uri())
            page.wait_for_load_state("load")
            where = html.relative_to(built).as_posix()
            assert page.evaluate("window.__pwned") is None, where
            assert page.evaluate(_FOREIGN) == [], where
        assert dialogs == []
    finally:
        context.close()


def test_template_syntax_in_content_is_text(built) -> None:
    page = (built / "articles/a13/index.html").read_text(encoding="utf-8")
    assert "{{ 7*7 }}{% raw %}" in page and ">49<" not in page
