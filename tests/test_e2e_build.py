"""End to end: real sites built by the real CLI with the real spaCy models."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .conftest import ARTICLE_FR, tree, write

pytestmark = pytest.mark.e2e

ARTICLE_EN = """
---
title: Truce talks stall
date: 2026-03-14
lang: en
tags: [syrie, diplomatie]
---

GENEVA, March 14 – More than 200 people were displaced this week, the United Nations
said on Friday, according to a statement from its refugee agency.
"""


# The smallest valid PNG: 1x1, one grey pixel.
PNG_1x1 = bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010800000000"
    "3a7e9b550000000a49444154789c636000000002000148afa4710000000049454e44ae426082")


def cli(*args: str, cwd: Path | None = None, check: bool = False) -> subprocess.CompletedProcess:
    proc = subprocess.run([sys.executable, "-m", "site_builder", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=600)
    if check and proc.returncode != 0:
        raise AssertionError(proc.stderr)
    return proc



@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    site = tmp_path_factory.mktemp("e2e") / "site"
    write(site / "content/2026/alep.md", ARTICLE_FR)
    write(site / "content/2026/geneva.md", ARTICLE_EN)
    write(site / "content/images/carte.png", PNG_1x1)
    write(site / "content/notes/annexe.pdf", b"%PDF-1.4 test")
    cli("build", str(site), check=True)
    return site


def test_pages_and_files_exist(built: Path) -> None:
    out = built / "output"
    for rel in ["index.html", "articles/alep/index.html", "articles/geneva/index.html",
                "tags/syrie/index.html", "tags/index.html", "feed.xml", "sitemap.xml",
                "404.html", "style.css", "api/articles.json", "images/carte.png",
                "notes/annexe.pdf"]:
        assert (out / rel).is_file(), rel
    assert not (out / "actors.yml").exists()


def test_index_is_newest_first_with_relative_links(built: Path) -> None:
    html = (built / "output/index.html").read_text(encoding="utf-8")
    assert html.index("Truce talks stall") < html.index("Combats à Alep")
    assert 'href="articles/geneva/index.html"' in html
    page = (built / "output/articles/alep/index.html").read_text(encoding="utf-8")
    assert 'href="../../index.html"' in page or 'href="../../"' in page


def test_entities_highlighted_in_both_languages(built: Path) -> None:
    export = json.loads((built / "output/api/articles.json").read_text(encoding="utf-8"))
    by_slug = {a["slug"]: a for a in export["articles"]}
    fr = json.loads((built / "output" / by_slug["alep"]["annotations"]).read_text("utf-8"))
    en = json.loads((built / "output" / by_slug["geneva"]["annotations"]).read_text("utf-8"))
    fr_texts = {e["text"] for e in fr["entities"]}
    assert any("Observatoire syrien des droits de l’Homme" in t for t in fr_texts), fr_texts
    assert not any(t.lower() in {"n’", "qu’", "l’"} for t in fr_texts)
    assert any(e["kind"] == "organization" and "United Nations" in e["text"]
               for e in en["entities"]), en["entities"]
    page = (built / "output/articles/alep/index.html").read_text(encoding="utf-8")
    assert 'data-kind="person"' in page and 'data-kind="organization"' in page


def test_reproducible_byte_for_byte(built: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    cli("build", str(built), "--output", str(again), check=True)
    cold = tmp_path / "cold"
    cli("build", str(built), "--output", str(cold), "--no-cache", check=True)
    reference = tree(built / "output")
    assert tree(again) == reference
    assert tree(cold) == reference


def test_no_change_rebuild_loads_no_spacy(built: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from site_builder.build import Builder\n"
        f"r = Builder(Path({str(built)!r})).build()\n"
        "assert r.ok, r.problems\n"
        "assert r.analysed == 0, r.analysed\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in {'spacy', 'thinc', 'lingua'}))"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]"


def test_bad_input_reports_every_file_and_keeps_output(built: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    cli("build", str(built), "--output", str(out), check=True)
    before = tree(out)
    bad = tmp_path / "bad-site"
    write(bad / "content/ok.md", ARTICLE_FR)
    write(bad / "content/a.md", "---\ntitle: [oops\n---\nTexte\n")
    write(bad / "content/b.md", "---\ndate: demain\n---\nTexte\n")
    write(bad / "content/c.md", b"\xff\xfe bad bytes\n")
    write(bad / "content/d.md", "")
    proc = cli("build", str(bad), "--output", str(out))
    assert proc.returncode == 1
    assert "Traceback" not in proc.stderr
    for prefix in ["content/a.md:2:", "content/b.md:2:", "content/c.md:1:", "content/d.md:1:"]:
        assert prefix in proc.stderr, proc.stderr
    assert tree(out) == before


def test_broken_site_toml_is_reported(tmp_path: Path) -> None:
    site = tmp_path / "s"
    write(site / "content/a.md", "Texte.\n")
    write(site / "site.toml", "per_page = -3\n")
    proc = cli("build", str(site))
    assert proc.returncode == 1
    assert "site.toml:1: `per_page` must be a positive integer" in proc.stderr


def test_killed_build_leaves_previous_output(tmp_path: Path) -> None:
    """Kill real builds at several moments: output/ is always the old or the new tree."""
    site = tmp_path / "site"
    for i in range(12):
        write(site / f"content/a{i}.md", ARTICLE_FR.replace("Combats à Alep", f"Alep {i}"))
    cli("build", str(site), check=True)
    old = tree(site / "output")
    write(site / "content/new.md", ARTICLE_EN)
    for delay in (0.3, 1.0, 2.0, 3.0):
        proc = subprocess.Popen([sys.executable, "-m", "site_builder", "build", "-q",
                                 "--no-cache", str(site)])
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        now = tree(site / "output")
        assert now == old or "articles/new/index.html" in now
        if now != old:
            break
    cli("build", str(site), check=True)
    leftovers = [p.name for p in site.iterdir() if p.name.startswith(".output")]
    assert leftovers == []


def test_new_scaffolds_an_article_that_builds(tmp_path: Path) -> None:
    site = tmp_path / "s"
    (site / "content").mkdir(parents=True)
    proc = cli("new", "Titre de l’article", "--site", str(site), check=True)
    rel = proc.stdout.strip()
    assert rel.startswith("content/") and rel.endswith("/titre-de-l-article.md")
    text = (site / rel).read_text(encoding="utf-8")
    assert text.startswith("---\ntitle: Titre de l’article\n")
    assert cli("new", "Titre de l’article", "--site", str(site)).returncode == 1
    assert cli("build", "-q", str(site), check=True).stdout == ""
    assert not (site / "output/articles/titre-de-l-article").exists()  # a draft
    (site / rel).write_text(text.replace("draft: true\n", ""), encoding="utf-8")
    cli("build", "-q", str(site), check=True)
    assert (site / "output/articles/titre-de-l-article/index.html").is_file()


def test_check_exit_codes(built: Path, tmp_path: Path) -> None:
    proc = cli("check", str(built))
    assert proc.returncode == 0
    assert "finding(s)" in proc.stdout
    strict = cli("check", "--strict", str(built))
    listed = [line for line in strict.stdout.splitlines() if line.startswith("content/")]
    assert strict.returncode == (1 if listed else 0)
    clean = tmp_path / "clean"
    write(clean / "content/a.md", "---\ntitle: Calme\n---\nRien à signaler ce matin.\n")
    assert cli("check", "--strict", str(clean)).returncode == 0
    write(clean / "content/b.md", "---\ntitle: Lien\n---\nVoir [ceci](absent.md).\n")
    broken = cli("check", "--strict", str(clean))
    assert broken.returncode == 1
    assert "content/b.md:4: broken-link: 'absent.md'" in broken.stdout


def test_check_lists_unattributed_quotes_and_figures(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site / "content/a.md", "---\ntitle: Bilan\n---\n"
          "Quelque 400 familles ont quitté la ville mardi.\n\n"
          "« Nous n’avons plus rien à manger depuis dix jours », a confié un habitant.\n")
    out = cli("check", str(site)).stdout
    assert "content/a.md:4: unsourced-figure: «Quelque 400 familles» has no source" in out
    # A speaker meant to stay unnamed is listed apart from a quote nobody said.
    assert ("content/a.md:6: unlinked-speaker: «Nous n’avons plus rien à manger depuis "
            "dix jours» is said by 'habitant', linked to no actor") in out
    assert "quote-without-speaker" not in out


def test_python_dash_m_and_version() -> None:
    proc = cli("--version", check=True)
    assert proc.stdout.startswith("site-builder ")
    env = dict(os.environ)
    assert subprocess.run([sys.executable, "-m", "site_builder"], capture_output=True,
                          env=env).returncode == 2
