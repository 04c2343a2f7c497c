"""URL → file mapping: traversal refused in every spelling, directories and redirects."""

from __future__ import annotations

from pathlib import Path

import pytest

from site_builder.serve.paths import BadPath, Located, locate, split_url_path


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
