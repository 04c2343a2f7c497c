"""The dev server with the real Builder on a small site: edits, templates, errors, Ctrl-C."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.serve import DevServer
from tests.test_serve_support import SSEClient, get, save_atomically

pytestmark = pytest.mark.e2e

ARTICLE_A = """\
---
title: "Premier article"
date: 2026-03-12T10:00:00+01:00
lang: fr
slug: premier-article
tags: [essai]
---

GENÈVE, 12 mars – Les discussions avancent lentement, a indiqué mardi un diplomate.

Le texte final doit être présenté jeudi aux délégations.
"""

ARTICLE_B = """\
---
title: "Deuxième article"
date: 2026-03-13T10:00:00+01:00
lang: fr
slug: deuxieme-article
---

PARIS, 13 mars – La réunion a été reportée à la semaine prochaine, selon les organisateurs.
"""

ARTICLE_C = """\
---
title: "Troisième article"
date: 2026-03-14T10:00:00+01:00
lang: fr
slug: troisieme-article
---

LYON, 14 mars – Le chantier reprendra lundi, après deux semaines d’interruption.
"""

PAGES = [f"articles/{slug}/index.html"
         for slug in ("premier-article", "deuxieme-article", "troisieme-article")]


def make_real_site(root: Path) -> Path:
    site = root / "site"
    (site / "content").mkdir(parents=True)
    (site / "site.toml").write_text('title = "Essai"\nlanguage = "fr"\n', encoding="utf-8")
    for name, text in (("a.md", ARTICLE_A), ("b.md", ARTICLE_B), ("c.md", ARTICLE_C)):
        (site / "content" / name).write_text(text, encoding="utf-8")
    return site


def real_builder(site: Path) -> object:
    from site_builder.build import Builder

    return Builder(site, dev=True, use_cache=True)


@pytest.fixture
def dev(tmp_path: Path) -> Iterator[tuple[Path, DevServer, int]]:
    site = make_real_site(tmp_path)
    server = DevServer(real_builder(site), site, port=0, quiet=0.05,  # type: ignore[arg-type]
                       log=lambda m: None)
    first = server.start()
    assert first.ok, first.problems
    try:
        yield site, server, int(server.url.rsplit(":", 1)[1].strip("/"))
    finally:
        server.stop()


def _written(event: dict) -> set[str]:
    return set(event["written"] or [])


def test_save_sends_an_event_and_serves_the_new_text(dev) -> None:
    site, _, port = dev
    sse = SSEClient(port)
    try:
        sse.next_event()
        save_atomically(site / "content" / "a.md", ARTICLE_A.replace("lentement", "vite"))
        event = sse.wait_for(lambda e: PAGES[0] in _written(e), timeout=60)
        assert event["ok"]
        assert PAGES[1] not in _written(event)  # incremental: other articles untouched
        response, body = get(port, "/articles/premier-article/")
        assert response.status == 200 and b"avancent vite" in body
        assert b"__livereload.js" in body
    finally:
        sse.close()


def test_template_change_rewrites_every_page(dev) -> None:
    from site_builder.render.environment import theme_dir

    site, _, port = dev
    sse = SSEClient(port)
    try:
        sse.next_event()
        base = (theme_dir() / "base.html").read_text(encoding="utf-8")
        assert "</body>" in base
        (site / "templates").mkdir()
        (site / "templates" / "base.html").write_text(
            base.replace("</body>", "<p id=marker>gabarit modifié</p></body>"), encoding="utf-8")
        event = sse.wait_for(lambda e: set(PAGES) <= _written(e), timeout=60)
        assert "index.html" in _written(event)
        for page in PAGES:
            _, body = get(port, "/" + page.removesuffix("index.html"))
            assert "gabarit modifié".encode() in body

        # A syntax error in the template: an error event naming the template and line.
        (site / "templates" / "base.html").write_text(
            base.replace("</body>", "{% if %}</body>"), encoding="utf-8")
        event = sse.wait_for(lambda e: not e["ok"], timeout=60)
        assert any(p["path"].endswith("templates/base.html") and p["line"] > 1
                   for p in event["problems"]), event["problems"]
        response, body = get(port, "/articles/premier-article/")
        assert response.status == 200 and "gabarit modifié".encode() in body
    finally:
        sse.close()


def test_broken_front_matter_then_fix(dev) -> None:
    site, _, port = dev
    sse = SSEClient(port)
    try:
        sse.next_event()
        broken = ARTICLE_B.replace('title: "Deuxième article"', 'title: [pas fermé')
        save_atomically(site / "content" / "b.md", broken)
        event = sse.wait_for(lambda e: not e["ok"], timeout=60)
        problem = event["problems"][0]
        assert problem["path"] == "content/b.md" and problem["line"] >= 1
        response, body = get(port, "/articles/deuxieme-article/")
        assert response.status == 200 and "reportée".encode() in body  # the last good page
        assert b"data-problems=\"[{&quot;path&quot;: &quot;content/b.md&quot;" in body

        save_atomically(site / "content" / "b.md", ARTICLE_B.replace("reportée", "avancée"))
        event = sse.wait_for(lambda e: e["ok"], timeout=60)
        assert event["problems"] == [] and PAGES[1] in _written(event)
        _, body = get(port, "/articles/deuxieme-article/")
        assert "avancée".encode() in body and b'data-problems="[]"' in body
    finally:
        sse.close()


def test_serve_stops_cleanly_on_ctrl_c(tmp_path: Path) -> None:
    site = make_real_site(tmp_path)
    code = ("import sys; from pathlib import Path; from site_builder.serve import serve; "
            "sys.exit(serve(Path(sys.argv[1]), port=0))")
    proc = subprocess.Popen([sys.executable, "-u", "-c", code, str(site)],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        assert proc.stdout is not None
        url = None
        deadline = time.monotonic() + 120
        lines: list[str] = []
        while url is None and time.monotonic() < deadline:
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
            if m := re.search(r"at (http://127\.0\.0\.1:(\d+)/)", line):
                url = m.group(1)
        assert url is not None, "".join(lines)
        response, _ = get(int(url.rsplit(":", 1)[1].strip("/")), "/articles/premier-article/")
        assert response.status == 200
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
        assert proc.returncode == 0, "".join(lines) + out
        assert "Traceback" not in out
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(timeout=10)
