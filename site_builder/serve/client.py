"""The live-reload script the dev server adds to every HTML page it serves.

It is a Python string rather than a .js file so that it ships with the
package without any packaging configuration. Served at SCRIPT_URL; the
injected <script> tag carries the page's build id and the standing
problems in data attributes (see inject.py).

What it does, in order of the protocol described in reload.py:
- maps location.pathname to the output file ("/articles/x/" ->
  "articles/x/index.html") and reloads only when that file, or a script the
  page loads, was written;
- swaps a changed stylesheet in place with a cache-busting query, so a CSS
  edit never reloads the page or loses its scroll position;
- shows the build problems in an overlay built with textContent only,
  since problems quote the user's files, styled through the CSSOM only, so
  it works under the site's Content-Security-Policy (`style-src 'self'`,
  no inline styles); the script itself is always an external file, never
  inline, for `script-src 'self'`;
- closes its EventSource while the tab is hidden, because browsers allow
  about six connections per host and every open tab would otherwise hold
  one; on becoming visible it reconnects with the last build id it saw and
  the server answers with everything written meanwhile.
"""

from __future__ import annotations

EVENTS_URL = "/__livereload"
SCRIPT_URL = "/__livereload.js"
# The overlay's element: a custom element name, so it may hold a shadow root.
OVERLAY_TAG = "site-builder-overlay"

CLIENT_JS = """\
(() => {
  "use strict";
  const me = document.currentScript;
  if (!me || !window.EventSource) return;
  let lastId = me.dataset.build || "";
  let source = null;

  function outputPath(pathname) {
    let p = pathname;
    try { p = decodeURIComponent(pathname); } catch (e) { /* keep it raw */ }
    p = p.replace(/^\\/+/, "");
    return p === "" || p.endsWith("/") ? p + "index.html" : p;
  }

  function sameOriginPath(url) {
    try {
      const u = new URL(url, location.href);
      return u.origin === location.origin ? outputPath(u.pathname) : null;
    } catch (e) { return null; }
  }

  // The overlay is the element this script created, held here and never
  // looked up in the document: an element of the page (an article's
  // <a id=...>) cannot stand in for it. Its content lives in a shadow root,
  // out of reach of the site's stylesheet, and every style is set through
  // the CSSOM, which a Content-Security-Policy without 'unsafe-inline' allows
  // (inline style attributes and style elements it blocks).
  let overlay = null;

  function styled(tag, css) {
    const el = document.createElement(tag);
    Object.assign(el.style, css);
    return el;
  }

  function showProblems(problems) {
    if (!problems || problems.length === 0) { if (overlay) overlay.remove(); return; }
    if (!overlay) {
      overlay = document.createElement("__OVERLAY__");
      overlay.attachShadow({ mode: "open" });
    }
    const box = styled("div", {
      position: "fixed", inset: "0 0 auto 0", zIndex: "2147483647", maxHeight: "60vh",
      overflow: "auto", margin: "0", padding: "1em 1.5em", background: "#2b0b0b",
      color: "#ffe9e9", borderBottom: "4px solid #e5484d",
      font: "14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace",
      whiteSpace: "pre-wrap", textAlign: "left", boxShadow: "0 4px 24px #0008",
    });
    box.setAttribute("role", "alert");
    const title = document.createElement("strong");
    title.textContent = "Build failed \\u2014 showing the last good version of this page";
    const close = styled("button", {
      float: "right", font: "inherit", fontSize: "18px", background: "none",
      color: "inherit", border: "0", cursor: "pointer",
    });
    close.type = "button";
    close.textContent = "\\u00d7";
    close.title = "Hide until the next build";
    close.addEventListener("click", () => overlay.remove());
    const list = styled("ul", { margin: ".5em 0 0", paddingLeft: "1.2em" });
    for (const p of problems) {
      const item = document.createElement("li");
      const hint = p.hint ? " \\u2014 " + p.hint : "";
      item.textContent = p.path + ":" + p.line + ": " + p.message + hint;
      list.append(item);
    }
    box.append(close, title, list);
    overlay.shadowRoot.replaceChildren(box);
    if (!overlay.isConnected) (document.body || document.documentElement).append(overlay);
  }

  function mustReload(written, removed) {
    if (written === null) return true;
    const changed = new Set(written.concat(removed || []));
    if (changed.has(outputPath(location.pathname))) return true;
    for (const s of document.querySelectorAll("script[src]")) {
      if (s === me) continue;
      const p = sameOriginPath(s.src);
      if (p !== null && changed.has(p)) return true;
    }
    return false;
  }

  function swapStyles(written, id) {
    const changed = new Set(written);
    for (const link of document.querySelectorAll("link[rel~=stylesheet][href]")) {
      const p = sameOriginPath(link.href);
      if (p === null || !changed.has(p)) continue;
      const url = new URL(link.href);
      url.searchParams.set("livereload", id);
      const fresh = link.cloneNode();
      fresh.href = url.href;
      // Drop the old sheet only once the new one applies: no unstyled flash.
      const drop = () => link.remove();
      fresh.addEventListener("load", drop, { once: true });
      fresh.addEventListener("error", drop, { once: true });
      link.after(fresh);
    }
  }

  function onBuild(ev) {
    let data;
    try { data = JSON.parse(ev.data); } catch (e) { return; }
    lastId = data.id;
    if (mustReload(data.written, data.removed)) { location.reload(); return; }
    swapStyles(data.written, data.id);
    showProblems(data.problems);
  }

  function connect() {
    if (source) return;
    source = new EventSource("__EVENTS__?since=" + encodeURIComponent(lastId));
    source.addEventListener("build", onBuild);
  }

  function disconnect() {
    if (source) { source.close(); source = null; }
  }

  document.addEventListener("visibilitychange", () => {
    if (document.hidden) disconnect(); else connect();
  });
  window.addEventListener("pagehide", disconnect);
  window.addEventListener("pageshow", () => { if (!document.hidden) connect(); });

  try { showProblems(JSON.parse(me.dataset.problems || "[]")); } catch (e) { /* none */ }
  if (!document.hidden) connect();
})();
""".replace("__OVERLAY__", OVERLAY_TAG).replace("__EVENTS__", EVENTS_URL)
