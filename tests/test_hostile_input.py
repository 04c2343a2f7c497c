"""Hostile and careless input: a `path:line` problem or a page, never a traceback or a hang.

Each case is a file an editor could drop into a site, or a hostile
contributor could send. The site builds with blank pipelines: what is
tested is the loader and the pipeline's bookkeeping, not the NLP.
"""

from __future__ import annotations

import json
import os
import xml.dom.minidom
from pathlib import Path

import pytest
import yaml

from site_builder.build import Builder
from site_builder.cli import EXIT_FAILED, EXIT_INTERNAL, main
from site_builder.config import load_config
from site_builder.content import files as content_files
from site_builder.content.clean import blank_controls, strip_controls
from site_builder.content.files import Unreadable, discover, read_regular
from site_builder.content.yaml_bounds import MAX_DEPTH, BoundedSafeLoader, TooComplex
from site_builder.errors import terminal_safe
from site_builder.link.registry_load import parse_registry
from site_builder.link.slugs import RESERVED_IDS, IdRequest, assign_ids
from site_builder.render.site_pages import SORT_DIRECTORIES
from site_builder.scaffold import new_article

from .conftest import BLANK_SITE_TOML, build_ok

GOOD = "---\ntitle: Bon article\ndate: 2026-03-12\n---\n\nUn texte ordinaire.\n"

# 470 bytes that a naive loader expands to 9^9 values.
ALIAS_BOMB = "".join(
    f"{name}: &{name} [{', '.join([f'*{prev}'] * 9) if prev else ', '.join('x' * 9)}]\n"
    for prev, name in zip(["", *"abcdefgh"], "abcdefghi", strict=True))


def failed(site: Path) -> list[str]:
    """The problems of a build that must fail, as printed lines."""
    result = Builder(site).build()
    assert not result.ok
    return [str(p) for p in result.problems]


@pytest.fixture
def site(make_site):
    return make_site({"site.toml": BLANK_SITE_TOML, "content/bon.md": GOOD})


# -- files that are not what their name says ------------------------------------------

def test_a_fifo_named_like_an_article_is_refused_without_blocking(site: Path) -> None:
    os.mkfifo(site / "content/attente.md")  # nobody ever writes to it
    assert failed(site) == ["content/attente.md:1: is a named pipe (FIFO), not a regular file "
                            "— only regular files are read; remove it"]


def test_a_fifo_added_after_a_good_build_is_not_nothing_changed(site: Path, capsys) -> None:
    assert main(["build", str(site)]) == 0
    os.mkfifo(site / "content/tard.md")
    assert main(["build", str(site)]) == EXIT_FAILED
    assert "content/tard.md:1: is a named pipe" in capsys.readouterr().err


def test_read_regular_never_blocks_on_a_fifo(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe")
    with pytest.raises(Unreadable, match="named pipe"):
        read_regular(tmp_path / "pipe", 100)


def test_an_unreadable_article_is_a_problem(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def denied(path, flags, *args, **kwargs):
        if str(path).endswith("secret.md"):
            raise PermissionError(13, "Permission denied")
        return real_open(path, flags, *args, **kwargs)

    (site / "content/secret.md").write_text(GOOD, encoding="utf-8")
    monkeypatch.setattr(content_files.os, "open", denied)  # root reads any mode: simulate
    assert failed(site) == ["content/secret.md:1: cannot read file: Permission denied — check "
                            "that the file exists and is readable"]


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(
        site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import site_builder.content.loader as loader

    monkeypatch.setattr(loader, "MAX_ARTICLE_BYTES", 1000)
    (site / "content/long.md").write_text(GOOD + "mot " * 500, encoding="utf-8")
    [problem] = failed(site)
    assert problem.startswith("content/long.md:1: file too large (2,")
    assert "the limit is 1,000" in problem


@pytest.mark.parametrize("name", ["site.toml", "content/actors.yml"])
def test_a_directory_where_a_settings_file_belongs(site: Path, name: str) -> None:
    target = site / name
    if target.exists():
        target.unlink()
    target.mkdir()
    problems = failed(site)
    assert problems == [f"{name}:1: is a directory, not a regular file — only regular files "
                        "are read; remove it or replace it with a file"]


def test_content_that_is_a_file(make_site) -> None:
    site = make_site({"site.toml": BLANK_SITE_TOML})
    (site / "content").rmdir()
    (site / "content").write_text("oops", encoding="utf-8")
    assert failed(site) == ["content:1: content is a file, not a directory — move it away and "
                            "create the folder content/"]


def test_a_binary_file_named_md_is_not_an_article(site: Path) -> None:
    (site / "content/photo.md").write_bytes(b"\x00\x01\x02IHDR\x00" * 50)
    [problem] = failed(site)
    assert problem.startswith("content/photo.md:1: the file holds binary data")


def test_one_paragraph_longer_than_spacy_max_length_builds(site: Path) -> None:
    """spaCy refuses a text over nlp.max_length (E088, 1,000,000 characters), blank
    pipelines included: the paragraph is annotated in chunks instead."""
    sentence = "Les combattants ont repris la route du nord selon l’ONG, "
    paragraph = sentence * (1_050_000 // len(sentence) + 1)
    (site / "content/fleuve.md").write_text("---\ntitle: Fleuve\ndate: 2026-01-05\n---\n\n"
                                            + paragraph + "\n", encoding="utf-8")
    build_ok(site)
    page = (site / "output/articles/fleuve/index.html").read_text(encoding="utf-8")
    assert page.count("Les combattants ont repris") == paragraph.count("Les combattants")


def test_names_past_the_limit_are_left_unmarked_with_a_warning(
        make_site, monkeypatch: pytest.MonkeyPatch) -> None:
    import site_builder.build as build

    registry = ("actors:\n  - id: jean-dupont\n    kind: person\n    name: Jean Dupont\n")
    body = "Jean Dupont a parlé. " * 30
    site = make_site({"site.toml": BLANK_SITE_TOML, "content/actors.yml": registry,
                      "content/foule.md": f"---\ntitle: Foule\ndate: 2026-02-01\n---\n\n{body}\n"})
    monkeypatch.setattr(build, "MAX_ENTITIES", 10)
    builder = Builder(site)
    result = builder.build()
    assert result.ok
    assert result.warnings == ["content/foule.md:1: 30 names found; only the first 10 are "
                               "highlighted and linked — split the article"]
    page = (site / "output/articles/foule/index.html").read_text(encoding="utf-8")
    assert page.count('class="entity" data-kind="person"') == 10
    assert builder.build().ok  # the kept copy and the capped list stay in step


# -- assets that a browser would run -----------------------------------------------------

@pytest.mark.parametrize("name", ["evil.html", "carte.svg", "flux.xml", "outil.js", "x.HTM"])
def test_live_documents_in_content_are_not_published(site: Path, name: str) -> None:
    (site / "content" / name).write_text("<script>alert(document.domain)</script>",
                                         encoding="utf-8")
    [problem] = failed(site)
    assert problem.startswith(f"content/{name}:1: `{Path(name).suffix}` files are not published")
    assert not (site / "output" / name).exists()


def test_media_assets_are_still_published(site: Path) -> None:
    (site / "content/photo.jpg").write_bytes(b"\xff\xd8\xff\xe0fake jpeg")
    build_ok(site)
    assert (site / "output/photo.jpg").read_bytes() == b"\xff\xd8\xff\xe0fake jpeg"


def test_refused_files_are_listed_by_discover() -> None:
    assert set(content_files.REFUSED_ASSET_SUFFIXES) >= {".html", ".svg", ".xml", ".js"}


# -- YAML that costs more than it says ---------------------------------------------------

def test_an_alias_bomb_in_front_matter_is_refused_at_its_line(site: Path) -> None:
    (site / "content/bombe.md").write_text(
        "---\ntitle: Bombe\n" + ALIAS_BOMB + "---\n\nTexte.\n", encoding="utf-8")
    [problem] = failed(site)
    assert problem.startswith("content/bombe.md:")
    assert "expands to more than 50,000 values" in problem


def test_an_alias_bomb_in_the_registry(site: Path) -> None:
    (site / "content/actors.yml").write_text(ALIAS_BOMB, encoding="utf-8")
    [problem] = failed(site)
    assert problem.startswith("content/actors.yml:") and "expands to more than" in problem


@pytest.mark.parametrize("deep", ["x: " + "[" * 3000 + "]" * 3000,
                                  "x:\n" + "".join("  " * i + "- \n" for i in range(1, 200)),
                                  "x: " + "{a: " * 500 + "1" + "}" * 500])
def test_deep_yaml_is_a_problem_not_a_recursion(site: Path, deep: str) -> None:
    (site / "content/profond.md").write_text(f"---\ntitle: P\n{deep}\n---\n\nTexte.\n",
                                             encoding="utf-8")
    [problem] = failed(site)
    assert problem.startswith("content/profond.md:")
    assert f"nested deeper than {MAX_DEPTH} levels" in problem


def test_deep_registry_and_deep_site_toml(site: Path) -> None:
    (site / "content/actors.yml").write_text("x: " + "[" * 3000 + "]" * 3000, encoding="utf-8")
    [problem] = failed(site)
    assert problem.startswith("content/actors.yml:1:") and "nested deeper" in problem
    (site / "content/actors.yml").unlink()
    (site / "site.toml").write_text("x = " + "[" * 3000 + "]" * 3000, encoding="utf-8")
    [problem] = failed(site)
    assert problem.startswith("site.toml:1: invalid TOML: arrays or tables nested too deep")


def test_the_bounded_loader_still_reads_ordinary_aliases() -> None:
    data = yaml.load("base: &b {kind: org}\nother: *b\nlist: [*b, *b]\n",
                     Loader=BoundedSafeLoader)
    assert data["other"] == {"kind": "org"} and len(data["list"]) == 2
    with pytest.raises(TooComplex):
        yaml.load(ALIAS_BOMB, Loader=BoundedSafeLoader)


# -- values no page can hold -------------------------------------------------------------

def test_a_date_no_time_zone_can_show(site: Path) -> None:
    (site / "content/fin.md").write_text(
        "---\ntitle: Fin\ndate: 9999-12-31T23:59:59-12:00\n---\n\nTexte.\n", encoding="utf-8")
    assert failed(site) == ["content/fin.md:3: `date` 9999-12-31T23:59:59-12:00 is out of "
                            "range — write a date such as date: 2026-03-12"]


def test_a_lone_surrogate_in_a_title_is_reported_on_its_line(site: Path) -> None:
    (site / "content/s.md").write_text('---\ndate: 2026-01-02\ntitle: "A \\ud800 b"\n---\n\nT.\n',
                                       encoding="utf-8")
    [problem] = failed(site)
    assert problem.startswith("content/s.md:3: `title` holds a lone surrogate")


def test_a_lone_surrogate_in_the_registry() -> None:
    from site_builder.errors import RegistryError

    with pytest.raises(RegistryError, match=r"actors\.yml:4: `name` holds a lone surrogate"):
        parse_registry('actors:\n  - id: x\n    kind: person\n    name: "A \\udc00"\n')


def test_control_characters_never_reach_the_feed(site: Path) -> None:
    (site / "content/ctrl.md").write_text(
        '---\ntitle: "Alerte \\x01\\x1b[31m rouge"\ndate: 2026-03-13\n'
        'summary: "Bip\\x07 bip"\ntags: ["a\\x0bb"]\n---\n\nTexte\x0b avec\x1b un contrôle.\n',
        encoding="utf-8")
    build_ok(site)
    feed = (site / "output/feed.xml").read_text(encoding="utf-8")
    xml.dom.minidom.parseString(feed)  # well-formed XML 1.0
    assert "Alerte [31m rouge" in feed and "Bip bip" in feed
    page = (site / "output/articles/ctrl/index.html").read_text(encoding="utf-8")
    assert "\x1b" not in page and "\x0b" not in page and "Texte  avec  un contrôle" in page


def test_cleaning_keeps_offsets_in_the_body() -> None:
    text = "a\x00b\x0bc\td\ne\x85f\ufffe"
    assert len(blank_controls(text)) == len(text)
    assert blank_controls(text) == "a b c\td\ne f "
    assert strip_controls(text) == "abc\td\nef"


def test_tags_are_bounded(site: Path) -> None:
    tags = ", ".join(f"t{i}" for i in range(1000))
    (site / "content/tags.md").write_text(f"---\ntitle: T\ntags: [{tags}]\n---\n\nTexte.\n",
                                          encoding="utf-8")
    assert failed(site) == ["content/tags.md:3: `tags` lists 1000 items; at most 50 are "
                            "allowed — keep the tags that matter most"]


# -- names that collide with the site's own pages ----------------------------------------

def test_a_registry_id_cannot_take_a_page_of_the_actors_index() -> None:
    from site_builder.errors import RegistryError

    with pytest.raises(RegistryError, match="id `by-mentions` is the name of a page"):
        parse_registry("actors:\n  - id: by-mentions\n    kind: person\n    name: Jean Dupont\n")


def test_a_generated_id_steps_around_the_reserved_names() -> None:
    ids = assign_ids([IdRequest("sig-1", "By Mentions", "org"), IdRequest("sig-2", "Page", "org")])
    assert not set(ids.values()) & RESERVED_IDS


def test_every_directory_of_the_actors_index_is_reserved() -> None:
    segments = {d.removeprefix("actors/").strip("/") for d in SORT_DIRECTORIES.values()}
    assert segments - {""} <= RESERVED_IDS


# -- the command line ---------------------------------------------------------------------

def test_new_refuses_a_language_that_is_not_a_code(site: Path, capsys) -> None:
    assert main(["new", "Un titre", "--site", str(site), "--lang", "français"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "--lang: 'français' is not a language code" in err
    assert "published" not in err
    assert not list((site / "content").rglob("un-titre.md"))


def test_new_writes_a_scaffold_that_builds(site: Path) -> None:
    import datetime as dt

    path = new_article(load_config(site), "Titre\x1b[2J propre", lang="en",
                       today=dt.date(2026, 3, 1))
    assert path.name == "titre-2j-propre.md"
    assert "\x1b" not in path.read_text(encoding="utf-8")
    build_ok(site)


def test_names_are_escaped_for_the_terminal(site: Path, capsys) -> None:
    (site / "content" / "\x1b[31mrouge\n.md").write_text("---\ntitle: [\n---\nx",
                                                       encoding="utf-8")
    assert main(["build", str(site)]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "\x1b" not in err
    assert "content/\\x1b[31mrouge\\x0a.md:" in err


def test_terminal_safe_escapes_only_what_is_not_printable() -> None:
    assert terminal_safe("Alep, « 300 civils » – l’OSDH") == "Alep, « 300 civils » – l’OSDH"
    assert terminal_safe("a\x1b[0m\rb\u2028") == "a\\x1b[0m\\x0db\\u2028"


def test_an_internal_failure_is_one_line_naming_the_file(
        site: Path, capsys, monkeypatch: pytest.MonkeyPatch) -> None:
    import site_builder.content.loader as loader

    def broken(*args, **kwargs):
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(loader, "extract_blocks", broken)
    assert main(["build", str(site)]) == EXIT_INTERNAL
    err = capsys.readouterr().err
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert lines[0] == ("internal error while working on content/bon.md: "
                        "ZeroDivisionError: division by zero")
    assert "--debug" in lines[1]
    with pytest.raises(ZeroDivisionError):
        main(["build", "--debug", str(site)])


def test_a_damaged_annotation_cache_entry_is_a_miss(make_site) -> None:
    from tests.conftest import ARTICLE_FR

    site = make_site({"site.toml": BLANK_SITE_TOML, "content/a.md": ARTICLE_FR})
    build_ok(site)
    entries = list((site / ".cache").rglob("annotations/**/*.json")) or \
        [p for p in (site / ".cache").rglob("*.json") if "builds" not in p.parts]
    assert entries
    for entry in entries:
        entry.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    build_ok(site, use_cache=True)
    for entry in entries:
        entry.write_text(json.dumps({"schema": "garbage", "blocks": 7}), encoding="utf-8")
    build_ok(site, use_cache=True)
    assert discover(site / "content").articles
