"""`draft: true`: the preview shows a draft, marked as one; a build leaves it out."""

from __future__ import annotations

import io
import json
from pathlib import Path

from site_builder.build import Builder
from site_builder.check import KINDS, run_check

from .conftest import BLANK_SITE_TOML, build_ok

PUBLISHED = """---
title: Publié
date: 2026-03-12
---

Voir [le brouillon](brouillon.md) et [la suite](suite.md).
"""
DRAFT = """---
title: Encore en travail
date: 2026-03-13
draft: true
---

Un texte qui n’est pas prêt.
"""


def _site(make_site, **more: str) -> Path:
    return make_site({"site.toml": BLANK_SITE_TOML, "content/publie.md": PUBLISHED,
                      "content/brouillon.md": DRAFT, **more})


def test_build_leaves_drafts_out(make_site) -> None:
    site = _site(make_site)
    result = build_ok(site)
    out = site / "output"
    assert result.articles == 1
    assert not (out / "articles/brouillon").exists()
    for page in ("index.html", "feed.xml", "sitemap.xml", "api/articles.json"):
        assert "Encore en travail" not in (out / page).read_text(encoding="utf-8")
        assert "brouillon" not in (out / page).read_text(encoding="utf-8").replace(
            "brouillon.md", "")


def test_the_preview_shows_drafts_marked_as_drafts(make_site) -> None:
    site = _site(make_site)
    result = build_ok(site, dev=True)
    out = site / "output"
    assert result.articles == 2
    page = (out / "articles/brouillon/index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page
    assert 'class="draft-note" role="note"' in page and "Brouillon :" in page
    published = (out / "articles/publie/index.html").read_text(encoding="utf-8")
    assert "noindex" not in published and "draft-note" not in published
    index = (out / "index.html").read_text(encoding="utf-8")
    assert index.count('class="draft-badge"') == 1
    assert '<span class="draft-badge" lang="fr">Brouillon</span>' in index


def test_publishing_a_draft_is_deleting_its_line(make_site) -> None:
    site = _site(make_site)
    builder = Builder(site)
    assert builder.build().articles == 1
    path = site / "content/brouillon.md"
    path.write_text(DRAFT.replace("draft: true\n", ""), encoding="utf-8")
    result = builder.build([path])
    assert result.ok and result.articles == 2
    assert (site / "output/articles/brouillon/index.html").is_file()


def test_draft_takes_only_true_or_false(make_site) -> None:
    site = _site(make_site, **{"content/oups.md": "---\ntitle: Oups\ndraft: \"non\"\n---\nx\n"})
    result = Builder(site).build()
    assert not result.ok
    [problem] = result.problems
    assert (problem.path, problem.line) == ("content/oups.md", 3)
    assert "`draft` must be true or false" in str(problem)


def test_check_reads_drafts_and_flags_links_to_them(make_site) -> None:
    site = _site(make_site)
    out = io.StringIO()
    run_check(site, out, quiet=True)
    lines = out.getvalue().splitlines()
    assert any(line.startswith("content/publie.md:6: broken-link: 'brouillon.md': "
                               "content/brouillon.md is a draft") for line in lines)
    assert any("'suite.md'" in line for line in lines)


def test_check_groups_by_kind_with_the_fix(make_site) -> None:
    site = _site(make_site, **{"content/chiffre.md":
                               "---\ntitle: Chiffre\n---\n\nQuelque 400 familles ont fui.\n"})
    out = io.StringIO()
    listed = run_check(site, out)
    text = out.getvalue()
    assert text.index("broken-link: 2 — ") < text.index("unsourced-figure: 1 — ")
    assert f"  fix: {KINDS['broken-link'].fix}\n" in text
    assert text.rstrip().endswith(f"{listed} finding(s) in 2 of 3 article(s)")
    # Each finding line still starts with its file and line.
    assert "\ncontent/chiffre.md:5: unsourced-figure: «Quelque 400 familles»" in text


def test_check_json_report(make_site) -> None:
    site = _site(make_site)
    out = io.StringIO()
    listed = run_check(site, out, fmt="json")
    report = json.loads(out.getvalue())
    assert report["articles"] == 2 and report["articles_with_findings"] == 1
    assert [k["kind"] for k in report["kinds"]] == ["broken-link"]
    assert report["kinds"][0] == {"kind": "broken-link", "count": 2,
                                  "about": KINDS["broken-link"].about,
                                  "fix": KINDS["broken-link"].fix}
    assert len(report["findings"]) == listed == 2
    first = report["findings"][0]
    assert (first["path"], first["line"], first["kind"]) == ("content/publie.md", 6,
                                                             "broken-link")
