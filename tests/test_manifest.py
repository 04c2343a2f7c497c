"""A build of unchanged inputs into an untouched output does nothing (manifest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder import manifest
from site_builder.build import Builder

from .conftest import BLANK_SITE_TOML, SiteFactory, build_ok, write

ARTICLE = "---\ntitle: Un\ndate: 2026-01-02\n---\nLe texte de l'article.\n"


@pytest.fixture
def site(make_site: SiteFactory) -> Path:
    return make_site({"site.toml": BLANK_SITE_TOML, "content/un.md": ARTICLE,
                      "content/images/a.txt": "annexe"})



def test_same_inputs_and_untouched_output_build_nothing(site: Path) -> None:
    first = build_ok(site)
    assert not first.unchanged and first.written
    again = build_ok(site)
    assert again.unchanged and again.written == [] and again.articles == 1


def test_a_save_without_change_is_no_change(site: Path) -> None:
    build_ok(site)
    path = site / "content/un.md"
    path.write_bytes(path.read_bytes())  # new mtime, same bytes
    assert build_ok(site).unchanged


@pytest.mark.parametrize("change", [
    lambda s: write(s / "content/un.md", ARTICLE.replace("Un", "Deux")),
    lambda s: write(s / "content/deux.md", ARTICLE),
    lambda s: (s / "content/images/a.txt").unlink(),
    lambda s: write(s / "content/actors.yml", "actors: []\n"),
    lambda s: write(s / "templates/404.html", "<p>Introuvable</p>\n"),
    lambda s: write(s / "site.toml", BLANK_SITE_TOML.replace("Test", "Autre")),
])
def test_any_input_change_builds_again(site: Path, change: object) -> None:
    build_ok(site)
    change(site)  # type: ignore[operator]
    assert not build_ok(site).unchanged


@pytest.mark.parametrize("damage", [
    lambda out: (out / "index.html").write_text("edited by hand"),
    lambda out: (out / "feed.xml").unlink(),
    lambda out: write(out / "stray.html", "x"),
])
def test_a_touched_output_is_built_again(site: Path, damage: object) -> None:
    build_ok(site)
    output = site / "output"
    before = (output / "index.html").read_bytes()
    damage(output)  # type: ignore[operator]
    assert not build_ok(site).unchanged
    assert (output / "index.html").read_bytes() == before
    assert not (output / "stray.html").exists()
    assert build_ok(site).unchanged


def test_a_corrupt_manifest_is_ignored(site: Path) -> None:
    build_ok(site)
    for path in (site / ".cache/site-builder/builds").glob("*.json"):
        path.write_text("{not json")
    assert not build_ok(site).unchanged
    assert build_ok(site).unchanged


def test_no_cache_and_other_outputs_always_build(site: Path, tmp_path: Path) -> None:
    build_ok(site)
    assert not build_ok(site, use_cache=False).unchanged
    assert not build_ok(site, output_dir=tmp_path / "elsewhere").unchanged
    assert build_ok(site, output_dir=tmp_path / "elsewhere").unchanged


def test_load_refuses_other_formats(tmp_path: Path) -> None:
    path = tmp_path / "m.json"
    manifest.store(path, manifest.Manifest(inputs="x", outputs={"a": (1, 2)}))
    assert manifest.load(path) == manifest.Manifest(inputs="x", outputs={"a": (1, 2)})
    path.write_text('{"format": 999}')
    assert manifest.load(path) is None
    assert manifest.load(tmp_path / "missing.json") is None


def test_a_broken_site_toml_is_reported_not_raised(site: Path) -> None:
    build_ok(site)
    write(site / "site.toml", "per_page = -3\n")
    result = Builder(site).build()
    assert not result.ok and not result.unchanged
    assert [str(p).split(":")[:2] for p in result.problems] == [["site.toml", "1"]]


def test_the_command_line_answers_no_change_without_loading_the_pipeline(site: Path) -> None:
    import subprocess
    import sys

    build_ok(site)
    code = ("import sys; from site_builder.cli import main; "
            f"code = main(['build', {str(site)!r}]); "
            "print(code, 'site_builder.build' in sys.modules, 'jinja2' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.splitlines()[-1] == "0 False False", out
    assert "nothing changed since the last build" in out
