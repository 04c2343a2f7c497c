"""`site-builder check` lists exactly the links of a body that lead nowhere, each with its fix.

A site with blank pipelines: links are resolved as the renderer does
(render/links.py), so what check passes works on the published page.
"""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from site_builder.check import run_check

from .conftest import BLANK_SITE_TOML, SiteFactory

ALEP = ("---\ntitle: Alep\ndate: 2026-01-02\nslug: alep\n---\n"
        "## Bilan\n\nTexte[^1].\n\n[^1]: Note.\n")
WORKING = """---
title: Liens
date: 2026-01-03
---
Source : [Alep](../syrie/alep.md), [bilan](../syrie/alep.md#bilan),
[note](../syrie/alep.md#fn1), [requête](/2026/syrie/alep.md?v=2#bilan),
[page](../alep/index.html#bilan), [page courte](../alep/), [accueil](../../index.html),
[flux](../../feed.xml), [rapport](../docs/rapport%20final.pdf),
[copie](../../2026/docs/rapport%20final.pdf),
[ailleurs](https://example.org/x.md), [écrire](mailto:redaction@example.org), [haut](#top).
"""
BROKEN = """---
title: Cassés
date: 2026-01-04
---
Voir [a](../syrie/absente.md), [b](../syrie/_brouillon.md), [c](../syrie/alep.md#suite),
[d](../docs/absent.pdf), [e](../../../../etc/passwd), [f](../nulle-part/),
[g](../../syrie/alep.md).
"""


@pytest.fixture
def site(make_site: SiteFactory) -> Path:
    return make_site({"site.toml": BLANK_SITE_TOML,
                      "content/2026/syrie/alep.md": ALEP,
                      "content/2026/syrie/_brouillon.md": "Pas publié.\n",
                      "content/2026/liban/liens.md": WORKING,
                      "content/2026/liban/casses.md": BROKEN,
                      "content/2026/docs/rapport final.pdf": b"%PDF-1.4\n"})


def report(site: Path) -> list[str]:
    out = io.StringIO()
    run_check(site, out, quiet=True)
    return [line for line in out.getvalue().splitlines() if "broken-link" in line]


def test_every_kind_of_broken_link_is_listed_with_its_fix(site: Path) -> None:
    found = {line.split("broken-link: ", 1)[1].split(":", 1)[0]: line for line in report(site)}
    assert sorted(found) == ["'../../../../etc/passwd'", "'../../syrie/alep.md'",
                             "'../docs/absent.pdf'", "'../nulle-part/'",
                             "'../syrie/_brouillon.md'", "'../syrie/absente.md'",
                             "'../syrie/alep.md#suite'"]
    assert all(line.startswith("content/2026/liban/casses.md:") for line in found.values())
    assert "'2026/syrie/absente.md' is not an article" in found["'../syrie/absente.md'"]
    assert "not an article" in found["'../syrie/_brouillon.md'"]
    assert ("has no #suite — link one of its headings' ids (## Bilan → #bilan): #bilan"
            in found["'../syrie/alep.md#suite'"])
    assert "no such file in content/" in found["'../docs/absent.pdf'"]
    assert "points outside content/" in found["'../../../../etc/passwd'"]
    assert "no such page of the site" in found["'../nulle-part/'"]
    # Leaves content/ from the file, yet names an article by its file name: the fix says which.
    assert ("link the article's file: [texte](../syrie/alep.md)"
            in found["'../../syrie/alep.md'"])


def test_working_links_are_not_listed(site: Path) -> None:
    assert not [line for line in report(site) if "liens.md" in line]


def test_verbose_shows_the_project_lines_not_markdown_its(site: Path) -> None:
    done = subprocess.run([sys.executable, "-m", "site_builder", "check", "-v", str(site)],
                          capture_output=True, text=True, check=True)
    assert "DEBUG: check took" in done.stderr
    # markdown-it logs "entering <rule>: StateBlock(…)" for every block rule it tries.
    assert "entering " not in done.stderr and "StateBlock" not in done.stderr
