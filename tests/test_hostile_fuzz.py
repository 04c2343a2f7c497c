"""Fuzzing the parsers that take untrusted text: a `path:line` problem or a result, never
an exception.

The strategies draw from the characters that make YAML, TOML and Markdown
interesting (indicators, brackets, anchors, escapes, controls, surrogate
escapes, deep nesting), not from uniform Unicode, which rarely reaches
past the first line. The suite runs a modest number of examples; set
FUZZ_EXAMPLES=10000 for a long local run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from site_builder.config import load_config
from site_builder.content.loader import load_article
from site_builder.errors import ContentError, RegistryError, SiteError
from site_builder.link.registry_load import parse_registry

from .conftest import BLANK_SITE_TOML, write

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "150"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])

_YAML_BITS = st.sampled_from([
    "title: ", "date: ", "tags: ", "lang: ", "slug: ", "authors: ", "x: ", "- ", "  ", "\n",
    "[", "]", "{", "}", ",", ":", "&a ", "*a", "&b ", "*b", "!!str ", "!!python/object ",
    "|", ">", "'", '"', "\\x01", "\\ud800", "\\U0001F600", "#", "?", "%YAML 1.1", "---",
    "...", "\t", "2026-03-12", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00",
    "yes", "~", "1e400", "0x1F", "\x1b[31m", "\x00", "\u2028", "\x85", "é", "’", "«",
])
_YAML = st.lists(st.one_of(_YAML_BITS, st.text(max_size=6)), max_size=40).map("".join)

_MD_BITS = st.sampled_from([
    "# ", "## ", "> ", ">>>>>>>>", "- ", "* ", "1. ", "    ", "  ", "\n", "\n\n", "[", "]",
    "(", ")", "![", "*", "**", "_", "`", "```", "<", ">", "</", "<script>", "</script>",
    "<div>", "</div>", "<table>", "<td>", "|", "|---|", "&amp;", "&#0;", "\\", "[^1]",
    "[^1]: ", "<!--", "-->", "http://x", "javascript:alert(1)", "Bachar al-Assad", "OSDH",
    "« ", " »", "300 civils", "selon l’ONG", "\x0b", "\x1b", "\ufeff", "\u202e",
])
_MARKDOWN = st.lists(st.one_of(_MD_BITS, st.text(max_size=8)), max_size=60).map("".join)


@pytest.fixture(scope="module")
def fuzz_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("fuzz")
    write(site / "site.toml", BLANK_SITE_TOML)
    (site / "content").mkdir()
    return site


@FUZZ
@given(front=_YAML, body=_MARKDOWN)
def test_loader_gives_an_article_or_problems_with_lines(fuzz_site: Path, front: str,
                                                        body: str) -> None:
    path = fuzz_site / "content/fuzz.md"
    path.write_bytes(("---\n" + front + "\n---\n" + body).encode("utf-8", "surrogatepass"))
    try:
        article = load_article(path, load_config(fuzz_site))
    except ContentError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.path == "content/fuzz.md" and problem.line >= 1
            assert problem.message
        return
    text = article.title + article.body + "".join(article.tags) + "".join(article.authors)
    assert "\x1b" not in text and "\x00" not in text
    for block in article.blocks:
        assert block.text == block.text.encode("utf-8").decode("utf-8")


@FUZZ
@given(registry=_YAML)
def test_registry_gives_actors_or_problems_with_lines(registry: str) -> None:
    try:
        parsed = parse_registry(registry)
    except RegistryError as exc:
        assert exc.problems
        assert all(p.path == "content/actors.yml" and p.line >= 1 for p in exc.problems)
        return
    for actor in parsed.actors:
        assert actor.id and actor.name


_TOML_BITS = st.sampled_from([
    'title = "', '"', "[annotate]\n", "[annotate.models]\n", "fr = ", "en = ", "blank",
    "language = ", "timezone = ", "per_page = ", "[", "]", "{", "}", "=", "\n", "'''",
    "1e999", "-1", "true", "Europe/Paris", "../../etc", "\\u0000", "\x00", "é",
])


@FUZZ
@given(toml=st.lists(st.one_of(_TOML_BITS, st.text(max_size=5)), max_size=30).map("".join))
def test_site_toml_gives_a_config_or_problems_with_lines(tmp_path_factory, toml: str) -> None:
    site = tmp_path_factory.mktemp("toml")
    (site / "site.toml").write_bytes(toml.encode("utf-8", "surrogatepass"))
    try:
        load_config(site)
    except SiteError as exc:
        assert exc.problems and all(p.line >= 1 for p in exc.problems)
