"""URL → file mapping: traversal refused in every spelling, directories and redirects,
and hostile paths (too long, symlink loops) answered without an exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.serve.paths import (
    MAX_PATH,
    NAME_MAX,
    BadPath,
    Located,
    PathTooLong,
    locate,
    split_url_path,
)


@pytest.fixture
def out(tmp_path: Path) -> Path:
    root = tmp_path / "output"
    (root / "articles" / "x").mkdir(parents=True)
    (root / "articles" / "x" / "index.html").write_text("<p>x</p>")
    (root / "index.html").write_text("<p>home</p>")
    (root / "style.css").write_text("body{}")
    (root / "empty").mkdir()
    (tmp_path / "secret.txt").write_text("secret")
    return root


@pytest.mark.parametrize("raw", [
    "/../secret.txt", "/articles/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
    "/..%2fsecret.txt", "/..%2Fsecret.txt", "/%2e%2e%2fsecret.txt", "/.%2e/secret.txt",
    "/..\\secret.txt", "/..%5csecret.txt", "/index.html%00.css", "/a\x00b", "/./index.html",
    "/%ff%fe", "secret.txt", "*",
])
def test_unsafe_paths_are_refused(out: Path, raw: str) -> None:
    with pytest.raises(BadPath):
        locate(out, raw)


def test_segments_are_decoded() -> None:
    assert split_url_path("/articles/%C3%A9t%C3%A9/") == ("articles", "été")
    assert split_url_path("//articles//x/") == ("articles", "x")


def test_files_directories_and_redirects(out: Path) -> None:
    assert locate(out, "/") == Located("file", file=(out / "index.html").resolve())
    assert locate(out, "/articles/x/") == Located(
        "file", file=(out / "articles/x/index.html").resolve())
    assert locate(out, "/style.css").file == (out / "style.css").resolve()
    assert locate(out, "/articles/x") == Located("redirect", location="/articles/x/")
    assert locate(out, "/nope.html") == Located("missing")
    assert locate(out, "/empty/") == Located("missing")  # no directory listings


def test_redirect_cannot_point_to_another_host(out: Path) -> None:
    (out / "evil.example").mkdir()
    found = locate(out, "//evil.example")
    assert found.location == "/evil.example/"


def test_symlinks_leading_out_are_missing(out: Path, tmp_path: Path) -> None:
    (out / "leak.txt").symlink_to(tmp_path / "secret.txt")
    (out / "leakdir").symlink_to(tmp_path)
    (out / "inside.css").symlink_to(out / "style.css")
    assert locate(out, "/leak.txt") == Located("missing")
    assert locate(out, "/leakdir/secret.txt") == Located("missing")
    assert locate(out, "/leakdir/") == Located("missing")
    assert locate(out, "/inside.css").kind == "file"  # links within the output are fine


def test_a_path_longer_than_any_file_path_is_too_long(out: Path) -> None:
    with pytest.raises(PathTooLong):
        locate(out, "/" + "a/" * (MAX_PATH // 2))
    assert locate(out, "/" + "a/" * (MAX_PATH // 2 - 1)) == Located("missing")


def test_a_segment_longer_than_any_file_name_is_missing(out: Path) -> None:
    assert locate(out, "/" + "a" * (NAME_MAX + 1)) == Located("missing")
    assert locate(out, "/articles/" + "%C3%A9" * 128 + "/") == Located("missing")  # 256 bytes


def test_symlink_loops_are_missing(out: Path) -> None:
    (out / "loop").symlink_to(out / "loop")
    (out / "ping").symlink_to(out / "pong")
    (out / "pong").symlink_to(out / "ping")
    for raw in ("/loop", "/loop/", "/loop/x/index.html", "/ping", "/pong/"):
        assert locate(out, raw) == Located("missing")


# What a request line can carry: latin-1 text (the server decodes the bytes so).
_LATIN1 = st.characters(max_codepoint=255)
_SEGMENTS = st.one_of(st.text(_LATIN1, max_size=20), st.sampled_from(
    ["loop", "ping", "articles", "x", "..", "%2e%2e", "a" * 300, "%C3%A9" * 128]))


@settings(max_examples=300, deadline=None)
@given(segments=st.lists(_SEGMENTS, max_size=30), slash=st.booleans(), long=st.booleans())
def test_any_request_path_is_answered_without_an_exception(
        tmp_path_factory: pytest.TempPathFactory, segments: list[str], slash: bool,
        long: bool) -> None:
    out = _hostile_output(tmp_path_factory)
    raw = "/" + "/".join(segments) + ("/" if slash else "") + ("b/" * 2100 if long else "")
    try:
        found = locate(out, raw)
    except BadPath:
        return  # refused: 400 or 414
    if found.file is not None:
        assert found.file.is_relative_to(out.resolve())


_HOSTILE: dict[str, Path] = {}


def _hostile_output(factory: pytest.TempPathFactory) -> Path:
    """One output directory with loops and a link out, shared by the examples."""
    if "out" not in _HOSTILE:
        root = factory.mktemp("hostile") / "output"
        (root / "articles" / "x").mkdir(parents=True)
        (root / "articles" / "x" / "index.html").write_text("<p>x</p>")
        (root / "loop").symlink_to(root / "loop")
        (root / "ping").symlink_to(root / "pong")
        (root / "pong").symlink_to(root / "ping")
        (root / "out").symlink_to(root.parent)
        _HOSTILE["out"] = root
    return _HOSTILE["out"]
