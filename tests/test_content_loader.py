"""Loading articles: front matter, defaults, and every kind of bad input."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.config import load_config
from site_builder.content.files import discover
from site_builder.content.loader import load_article, load_articles
from site_builder.errors import ContentError

from .conftest import ARTICLE_FR, write


def load(site: Path, rel: str):
    return load_article(site / rel, load_config(site))


def problems_of(site: Path, rel: str) -> list[str]:
    with pytest.raises(ContentError) as info:
        load(site, rel)
    return [str(p) for p in info.value.problems]


def test_front_matter_fields(make_site) -> None:
    site = make_site({"content/2026/alep.md": ARTICLE_FR})
    article = load(site, "content/2026/alep.md")
    assert article.title == "Combats à Alep"
    assert article.slug == "alep"
    assert article.date == dt.datetime(2026, 3, 12, tzinfo=dt.UTC)
    assert article.lang == "fr"
    assert article.source == "Agence Méridienne"
    assert article.authors == ("Claire Dubois",)
    assert article.tags == ("syrie", "humanitaire")
    assert article.summary == "Des combats ont fait des victimes."
    assert str(article.path) == "2026/alep.md"
    assert article.body_line == 10
    assert article.blocks[0].line == 11
    assert article.blocks[0].text.startswith("ALEP, 12 mars")


def test_unknown_keys_are_kept(make_site) -> None:
    site = make_site({"content/a.md": "---\ntitle: A\nregion: Alep\nprio: 2\n---\nTexte.\n"})
    assert load(site, "content/a.md").extra == {"region": "Alep", "prio": 2}


def test_no_front_matter_uses_heading_and_file_date(make_site) -> None:
    site = make_site({"content/sans-entete.md": "# Un titre\n\nDu texte.\n"})
    path = site / "content/sans-entete.md"
    os.utime(path, (1_700_000_000, 1_700_000_000))
    article = load(site, "content/sans-entete.md")
    assert article.title == "Un titre"
    assert article.date.timestamp() == 1_700_000_000
    assert article.lang == "fr"


def test_no_front_matter_no_heading_uses_file_name(make_site) -> None:
    site = make_site({"content/bilan-du-jour.md": "Du texte sans titre.\n"})
    assert load(site, "content/bilan-du-jour.md").title == "bilan du jour"


def test_explicit_slug_and_datetime(make_site) -> None:
    site = make_site({"content/x.md": "---\nslug: mon-slug\ndate: 2026-03-12T14:30:00+01:00\n"
                                      "---\nTexte.\n"})
    article = load(site, "content/x.md")
    assert article.slug == "mon-slug"
    assert article.date.utcoffset() == dt.timedelta(hours=1)


def test_site_timezone_applies_to_plain_dates(make_site) -> None:
    site = make_site({"site.toml": 'timezone = "Europe/Paris"\n',
                      "content/x.md": "---\ndate: 2026-03-12\n---\nTexte.\n"})
    assert load(site, "content/x.md").date.utcoffset() == dt.timedelta(hours=1)


@pytest.mark.parametrize(("text", "line", "needle"), [
    # Noticed at the end of the front matter, reported where the bracket opened.
    ("---\ntitle: [unclosed\n---\nTexte\n", 2, "invalid YAML"),
    ("---\ntitle: ok\nsummary: \"open\nlang: fr\n---\nTexte\n", 3, "invalid YAML"),
    ("---\ntitle: ok\n  bad: indent\n---\nTexte\n", 3, "invalid YAML"),
    ("---\ntitle: ok\ndate: pas une date\n---\nTexte\n", 3, "`date` is not a date"),
    ("---\ntitle: ok\ndate: 2026-13-45\n---\nTexte\n", 3, "`date` is not a date"),
    ("---\ntitle: ok\ntags: {a: 1}\n---\nTexte\n", 3, "`tags` must be a list"),
    ("---\ntitle: [a, b]\n---\nTexte\n", 2, "`title` must be text"),
    ("---\nlang: français\n---\nTexte\n", 2, "`lang` must be a language code"),
    ("---\nslug: ../../etc\n---\nTexte\n", 2, "not a safe URL segment"),
    ("---\n- a\n- b\n---\nTexte\n", 2, "must be a mapping"),
    ("---\ntitle: a\ntitle: b\n---\nTexte\n", 3, "duplicate key"),
    ("---\ntitle: a\n", 1, "front matter is not closed"),
    ("---\ntitle: a\n---\n", 4, "no text"),
])
def test_bad_front_matter_is_reported_with_line(make_site, text: str, line: int,
                                                needle: str) -> None:
    site = make_site({"content/bad.md": text})
    problems = problems_of(site, "content/bad.md")
    assert any(p.startswith(f"content/bad.md:{line}: ") and needle in p for p in problems), problems


def test_non_utf8_reports_the_line(make_site) -> None:
    site = make_site({"content/latin1.md": "---\ntitle: ok\n---\nDéjà\n".encode("latin-1")})
    [problem] = problems_of(site, "content/latin1.md")
    assert problem.startswith("content/latin1.md:4: not valid UTF-8")
    assert "UTF-8" in problem.split("—")[1]


def test_empty_file(make_site) -> None:
    site = make_site({"content/vide.md": "  \n\n"})
    assert problems_of(site, "content/vide.md") == [
        "content/vide.md:1: the file is empty — write a title and some text, or delete the file"]


def test_every_bad_file_reported_in_one_run(make_site) -> None:
    site = make_site({
        "content/a.md": "---\ndate: nope\n---\nTexte\n",
        "content/b.md": "",
        "content/c.md": "---\ntitle: C\nslug: same\n---\nTexte\n",
        "content/d.md": "---\ntitle: D\nslug: same\n---\nTexte\n",
        "content/ok.md": "Bon texte.\n",
    })
    config = load_config(site)
    articles, problems = load_articles(discover(config.content_dir).articles, config)
    shown = sorted(p.path for p in problems)
    assert shown == ["content/a.md", "content/b.md", "content/d.md"]
    assert any("slug `same` is already used by content/c.md" in p.message for p in problems)
    assert {a.slug for a in articles} == {"a", "same", "ok"} - {"a"} | {"same"}


def test_discover_skips_registry_hidden_and_editor_files(make_site) -> None:
    site = make_site({
        "content/a.md": "A\n", "content/sub/b.md": "B\n", "content/actors.yml": "actors: []\n",
        "content/images/x.png": b"\x89PNG", "content/.a.md.swp": "x", "content/a.md~": "x",
        "content/#a.md#": "x", "content/.hidden/c.md": "x", "content/sub/actors.yml": "x",
    })
    found = discover(site / "content")
    rel = lambda ps: [p.relative_to(site / "content").as_posix() for p in ps]  # noqa: E731
    assert rel(found.articles) == ["a.md", "sub/b.md"]
    assert rel(found.assets) == ["images/x.png", "sub/actors.yml"]


def test_symlinks_out_of_content_are_not_followed(make_site, tmp_path: Path) -> None:
    secret = write(tmp_path / "secret.md", "Secret\n")
    site = make_site({"content/a.md": "A\n"})
    (site / "content/link.md").symlink_to(secret)
    (site / "content/dir").symlink_to(tmp_path, target_is_directory=True)
    found = discover(site / "content")
    assert [p.name for p in found.articles] == ["a.md"]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_loads_or_reports_cleanly(tmp_path_factory, text: str) -> None:
    """Untrusted input never raises anything but a ContentError with path:line."""
    site = tmp_path_factory.mktemp("site")
    write(site / "content/fuzz.md", "---\n" + text + "\n---\nCorps.\n")
    try:
        load(site, "content/fuzz.md")
    except ContentError as exc:
        assert exc.problems
        assert all(str(p).startswith("content/fuzz.md:") for p in exc.problems)


# Line and paragraph separators are line breaks to the front matter splitter
# itself (str.splitlines), before any YAML parser sees them.
_PRINTABLE = st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"))


@given(st.dictionaries(
    st.text(alphabet=st.characters(categories=["L", "N"]), min_size=1, max_size=12),
    st.one_of(st.text(_PRINTABLE, max_size=40), st.integers(), st.dates(),
              st.lists(st.text(_PRINTABLE, max_size=15), max_size=4)),
    max_size=6))
def test_libyaml_and_python_parsers_read_front_matter_alike(data: dict[str, object]) -> None:
    """libyaml reads front matter when available; the pure-Python parser must agree."""
    import yaml

    from site_builder.content import frontmatter

    text = "---\n" + yaml.safe_dump(data, allow_unicode=True, sort_keys=False) + "---\nx\n"
    fast: list[object] = []
    found = frontmatter.split(text, "a.md", fast)  # type: ignore[arg-type]
    pure = frontmatter._Loader(text.split("---\n")[1]).get_single_data()
    assert not fast and found is not None
    assert found.data == pure == data


@pytest.mark.parametrize("yaml_text", ["title: a\tb\n", "title:\ta\n", "x: !tag a\n"])
def test_where_the_parsers_disagree_the_python_parser_decides(yaml_text: str) -> None:
    """libyaml accepts a tab as a separator; whether an article builds must not
    depend on how PyYAML was compiled."""
    import yaml

    from site_builder.content import frontmatter

    problems: list[object] = []
    found = frontmatter.split(f"---\n{yaml_text}---\nx\n", "a.md", problems)  # type: ignore[arg-type]
    try:
        expected = frontmatter._Loader(yaml_text).get_single_data()
    except yaml.YAMLError:
        assert found is None and problems
    else:
        assert found is not None and found.data == expected
