"""Build the same generated corpus with site-builder, Hugo and Pelican, and print ratios.

    python benchmarks/bench_peers.py 1000

Hugo is Debian's package (`apt-get install hugo`), Pelican the one from the
package index (`pip install pelican markdown`). A peer that is not installed
is skipped with a message; the script then prints site-builder's figures
alone. Every build is a whole process, timed pair by pair in one run, since
a shared VM's speed drifts between runs:

* cold: empty caches and output;
* no change: the same build again;
* one edit: one article gets a sentence more;
* template change: the base template changes, so every page does.

Each peer gets the same Markdown text and the same front matter fields
(title, date, tags), with a minimal theme of its own: the ratios compare
what each tool costs to turn the corpus into pages, not what the pages hold
(site-builder's annotations are extra work the peers do not do).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import touch_article, write_site

from site_builder.render.environment import theme_dir

FRONT = re.compile(r"\A---\n(.*?)\n---\n", re.S)


def timed(cmd: list[str], cwd: Path) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (with children) and peak RSS (MiB) of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return wall, cpu, usage.ru_maxrss / 1024


class Peer:
    name = ""

    def __init__(self, root: Path, corpus: Path) -> None:
        self.root = root
        self.corpus = corpus

    def available(self) -> str | None:
        """None when it can run, else why not."""
        raise NotImplementedError

    def prepare(self) -> None:
        raise NotImplementedError

    def build(self) -> tuple[float, float, float]:
        raise NotImplementedError

    def edit(self, index: int) -> None:
        touch_article(self.root, index, "peer")

    def change_template(self) -> None:
        raise NotImplementedError


class SiteBuilder(Peer):
    name = "site-builder"

    def available(self) -> str | None:
        return None

    def prepare(self) -> None:
        shutil.copytree(self.corpus / "content", self.root / "content")

    def build(self) -> tuple[float, float, float]:
        return timed([sys.executable, "-m", "site_builder", "build", "-q", "."], self.root)

    def change_template(self) -> None:
        templates = self.root / "templates"
        templates.mkdir(exist_ok=True)
        base = (theme_dir() / "base.html").read_text(encoding="utf-8")
        (templates / "base.html").write_text(
            base.replace("</body>", f"<!-- {time.time()} --></body>"), encoding="utf-8")


HUGO_BASE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>{{ .Title }}</title></head><body>{{ block "main" . }}{{ end }}
<footer>MARK</footer></body></html>
"""
HUGO_SINGLE = """{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time>{{ .Date.Format "2006-01-02" }}</time>{{ .Content }}
<ul>{{ range .Params.tags }}<li>{{ . }}</li>{{ end }}</ul></article>{{ end }}
"""
HUGO_LIST = """{{ define "main" }}<ul>{{ range .Paginator.Pages }}
<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}
"""


class Hugo(Peer):
    name = "Hugo"

    def available(self) -> str | None:
        return None if shutil.which("hugo") else "hugo is not installed (apt-get install hugo)"

    def prepare(self) -> None:
        shutil.copytree(self.corpus / "content", self.root / "content")
        (self.root / "hugo.toml").write_text(
            'baseURL = "http://127.0.0.1/"\ntitle = "Bench"\n'
            "[pagination]\n  pagerSize = 50\n", encoding="utf-8")
        layouts = self.root / "layouts" / "_default"
        layouts.mkdir(parents=True)
        (layouts / "baseof.html").write_text(HUGO_BASE, encoding="utf-8")
        (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
        (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")

    def build(self) -> tuple[float, float, float]:
        return timed(["hugo", "--quiet", "--destination", "public"], self.root)

    def change_template(self) -> None:
        path = self.root / "layouts" / "_default" / "baseof.html"
        path.write_text(HUGO_BASE.replace("MARK", str(time.time())), encoding="utf-8")


PELICAN_CONF = """SITENAME = "Bench"
PATH = "content"
TIMEZONE = "UTC"
DEFAULT_LANG = "fr"
DEFAULT_PAGINATION = 50
THEME = "theme"
FEED_ALL_ATOM = None
CATEGORY_FEED_ATOM = None
LOAD_CONTENT_CACHE = True
CACHE_CONTENT = True
"""
PELICAN_BASE = """<!doctype html><html lang="fr"><head><meta charset="utf-8">
<title>{{ SITENAME }}</title></head><body>{% block content %}{% endblock %}
<footer>MARK</footer></body></html>
"""
PELICAN_ARTICLE = """{% extends "base.html" %}{% block content %}<article>
<h1>{{ article.title }}</h1>{{ article.content }}</article>{% endblock %}
"""
PELICAN_INDEX = """{% extends "base.html" %}{% block content %}<ul>
{% for article in articles_page.object_list %}<li><a href="{{ article.url }}">
{{ article.title }}</a></li>{% endfor %}</ul>{% endblock %}
"""


class Pelican(Peer):
    name = "Pelican"

    def available(self) -> str | None:
        missing = [m for m in ("pelican", "markdown") if importlib.util.find_spec(m) is None]
        return f"{', '.join(missing)} not installed (pip install pelican markdown)" \
            if missing else None

    def prepare(self) -> None:
        # Pelican's Markdown reader wants "Key: value" metadata, not YAML.
        for source in sorted((self.corpus / "content").rglob("*.md")):
            text = source.read_text(encoding="utf-8")
            match = FRONT.match(text)
            assert match is not None
            meta = {}
            for line in match.group(1).splitlines():
                key, _, value = line.partition(":")
                meta[key.strip()] = value.strip().strip('"')
            header = (f"Title: {meta['title']}\nDate: {meta['date']}\n"
                      f"Tags: {meta.get('tags', '').strip('[]')}\n\n")
            target = self.root / source.relative_to(self.corpus)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(header + text[match.end():], encoding="utf-8")
        (self.root / "pelicanconf.py").write_text(PELICAN_CONF, encoding="utf-8")
        templates = self.root / "theme" / "templates"
        templates.mkdir(parents=True)
        (templates / "base.html").write_text(PELICAN_BASE, encoding="utf-8")
        (templates / "article.html").write_text(PELICAN_ARTICLE, encoding="utf-8")
        (templates / "page.html").write_text(PELICAN_ARTICLE.replace("article.", "page."),
                                             encoding="utf-8")
        # Paginated lists get `articles_page`; the others, every article.
        for name in ("index.html", "tag.html", "category.html", "author.html",
                     "period_archives.html"):
            (templates / name).write_text(PELICAN_INDEX, encoding="utf-8")
        for name in ("archives.html", "tags.html", "categories.html", "authors.html"):
            (templates / name).write_text(
                PELICAN_INDEX.replace("articles_page.object_list", "articles"),
                encoding="utf-8")

    def build(self) -> tuple[float, float, float]:
        return timed([sys.executable, "-m", "pelican", "content", "-o", "output", "-s",
                      "pelicanconf.py", "-q"], self.root)

    def change_template(self) -> None:
        path = self.root / "theme" / "templates" / "base.html"
        path.write_text(PELICAN_BASE.replace("MARK", str(time.time())), encoding="utf-8")


CASES: list[tuple[str, Callable[[Peer, int], None]]] = [
    ("cold", lambda peer, n: None),
    ("no change", lambda peer, n: None),
    ("one edit", lambda peer, n: peer.edit(n // 2)),
    ("template change", lambda peer, n: peer.change_template()),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("size", nargs="?", type=int, default=1000)
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, {args.size} articles")
    with tempfile.TemporaryDirectory() as tmp:
        corpus = write_site(Path(tmp) / "corpus", args.size)
        peers: list[Peer] = []
        for cls in (SiteBuilder, Hugo, Pelican):
            peer = cls(Path(tmp) / cls.name, corpus)
            why = peer.available()
            if why is not None:
                print(f"# skipped {cls.name}: {why}")
                continue
            peer.root.mkdir()
            peer.prepare()
            peers.append(peer)
        results: dict[str, dict[str, tuple[float, float, float]]] = {p.name: {} for p in peers}
        for case, before in CASES:
            for peer in peers:  # pair by pair: the same moment of the VM for each case
                before(peer, args.size)
                results[peer.name][case] = peer.build()
    ours = results["site-builder"]
    header = "| case | tool | wall (s) | CPU (s) | peak RSS (MiB) | wall ratio | CPU ratio |"
    print(header)
    print("| --- | --- | ---: | ---: | ---: | ---: | ---: |")
    for case, _ in CASES:
        for name, by_case in results.items():
            wall, cpu, rss = by_case[case]
            ratio = ""
            if name != "site-builder":
                ratio = f"{ours[case][0] / wall:.2f}× | {ours[case][1] / max(cpu, 1e-3):.2f}×"
            else:
                ratio = "1 | 1"
            print(f"| {case} | {name} | {wall:.2f} | {cpu:.2f} | {rss:.0f} | {ratio} |")


if __name__ == "__main__":
    main()
