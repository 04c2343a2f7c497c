"""Word lists as data (site_builder/wordlists), and a site's own additions."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder import wordlists
from site_builder.annotate import lexicon as lx
from site_builder.config import load_config
from site_builder.errors import ConfigError
from site_builder.link import Registry, link_actors
from site_builder.link import wordlists as wl
from site_builder.link.normalize import normalize_name
from tests.test_link_support import actor_of, art


@pytest.fixture(autouse=True)
def _package_lists():
    wordlists.configure({})
    yield
    wordlists.configure({})


def test_every_stage_reads_one_file_per_language():
    assert "l'" in lx.words("elisions", "fr")
    assert "mardi" in lx.calendar_words("fr") and "tuesday" in lx.calendar_words("en")
    assert ("premier", "ministre") in wl.titles() and ("prime", "minister") in wl.titles()
    assert "m." in wl.strong_honorifics() and "mr." in wl.strong_honorifics()
    # One particle list for every stage: "d'" as written, "d" as a key token.
    assert "d'" in lx.leading_particles() and "d" in wl.name_particles()
    assert lx.words("elisions", "xx") == frozenset()


def test_a_site_adds_and_removes_words(tmp_path: Path):
    wordlists.configure({"fr": 'titles = ["bourgmestre"]\n\n[remove]\ntitles = ["maire"]\n'})
    assert ("bourgmestre",) in wl.titles()
    assert ("maire",) not in wl.titles()
    # Derived caches follow: the title is stripped from a person's name now.
    assert normalize_name("bourgmestre Jean Morel", "person").display == "Jean Morel"
    wordlists.configure({})
    assert ("maire",) in wl.titles() and ("bourgmestre",) not in wl.titles()


def test_a_site_designator_changes_a_kind():
    wordlists.configure({"fr": 'town_units = ["bourg"]\n'})
    item = art("a", "Des tirs sur le bourg de [Kfar Nabl|per].")
    actors = link_actors([item], Registry())
    assert actors[actor_of(item, "Kfar Nabl")].kind == "place"


def test_site_files_are_read_and_checked_with_the_config(tmp_path: Path):
    (tmp_path / "wordlists").mkdir()
    (tmp_path / "wordlists" / "fr.toml").write_text('titles = ["préfet"]\n', encoding="utf-8")
    config = load_config(tmp_path)
    assert config.annotate.wordlists == (("fr", 'titles = ["préfet"]\n'),)
    (tmp_path / "wordlists" / "en.toml").write_text('titels = ["x"]\n', encoding="utf-8")
    (tmp_path / "wordlists" / "names.toml").write_text("name_particles = [\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path)
    message = str(caught.value)
    # Every bad file in one report, each named, with what to do.
    assert "wordlists/en.toml" in message and "'titels' is not a word list" in message
    assert "wordlists/names.toml" in message


def test_an_empty_word_is_refused():
    with pytest.raises(wordlists.WordListError, match="empty word"):
        wordlists.parse_override("fr", 'town_units = [""]\n')
    with pytest.raises(wordlists.WordListError, match="empty word"):
        wordlists.parse_override("en", '[remove]\ntitles = [" king"]\n')


def test_the_cache_key_follows_the_site_lists():
    assert wordlists.digest({}) != wordlists.digest({"fr": 'titles = ["préfet"]\n'})


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_site_file_is_accepted_or_refused_with_a_clear_message(text):
    try:
        wordlists.parse_override("fr", text)
    except wordlists.WordListError as exc:
        assert str(exc).startswith("wordlists/fr.toml: ")
