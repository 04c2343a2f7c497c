"""Map a request path to a file inside the output directory, and nothing else.

The dev server binds to localhost by default, but a page from any site the
developer visits can still make the browser request
`http://127.0.0.1:8000/..%2f..%2f.ssh/id_rsa`, so traversal is refused in
every spelling: `..` segments raw or percent-encoded (`%2e%2e`, `..%2f`),
backslashes, NUL bytes, and symlinks whose target lies outside the output
directory (the resolved path must stay inside it).

Hostile but harmless paths get a plain answer, never an exception out of
the filesystem: a path over MAX_PATH bytes is refused as too long (414), a
segment over NAME_MAX bytes names no file that can exist, and a symlink loop
or any other error while resolving is answered as a missing page (404).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote, unquote

# Linux's PATH_MAX and NAME_MAX: no longer path or name can reach a file.
MAX_PATH = 4096
NAME_MAX = 255


class BadPath(ValueError):
    """The request path is malformed or tries to leave the output directory."""


class PathTooLong(BadPath):
    """The request path is longer than any file path could be (HTTP 414)."""


@dataclass(frozen=True, slots=True)
class Located:
    kind: Literal["file", "redirect", "missing"]
    file: Path | None = None
    location: str | None = None  # for "redirect": where to


def split_url_path(raw: str) -> tuple[str, ...]:
    """The decoded segments of a request path; BadPath if it is unsafe."""
    if not raw.startswith("/"):
        raise BadPath("the request target must be an absolute path")
    if len(raw) > MAX_PATH:  # `raw` is the request line's bytes decoded as latin-1
        raise PathTooLong(f"the path is longer than {MAX_PATH} bytes")
    # Checked before and after decoding: %5c and %00 decode to the same.
    if "\\" in raw or "\x00" in raw:
        raise BadPath("backslashes and NUL bytes are not allowed")
    try:
        text = unquote(raw, errors="strict")
    except UnicodeDecodeError:
        raise BadPath("the path is not valid UTF-8 once decoded") from None
    if "\\" in text or "\x00" in text:
        raise BadPath("backslashes and NUL bytes are not allowed")
    segments = tuple(s for s in text.split("/") if s)
    if any(s in (".", "..") for s in segments):
        raise BadPath("'.' and '..' segments are not allowed")
    return segments


def locate(root: Path, raw_path: str) -> Located:
    """Find what `raw_path` (without query) names under `root`.

    A directory serves its index.html; a directory named without its
    trailing slash redirects, so relative links in the page resolve.
    """
    segments = split_url_path(raw_path)
    if any(len(os.fsencode(s)) > NAME_MAX for s in segments):
        return Located("missing")  # the filesystem would refuse the name (ENAMETOOLONG)
    try:
        return _find(root, raw_path, segments)
    except (OSError, RuntimeError):
        # ELOOP, ENAMETOOLONG once joined to root, EACCES, ...: no page here.
        # (Python 3.11's resolve() reports a symlink loop as RuntimeError.)
        return Located("missing")


def _find(root: Path, raw_path: str, segments: tuple[str, ...]) -> Located:
    base = root.resolve()
    target = base.joinpath(*segments).resolve()
    if not target.is_relative_to(base):
        # A symlink out of the output directory: answer as if absent, so the
        # response says nothing about the rest of the disk.
        return Located("missing")
    if target.is_dir():
        if not raw_path.endswith("/"):
            # Rebuilt from the checked segments rather than echoing the raw
            # path, so "//evil.example" can never become an open redirect.
            return Located("redirect", location="/" + "".join(f"{quote(s)}/" for s in segments))
        target = (target / "index.html").resolve()
        if not target.is_relative_to(base):
            return Located("missing")
    if target.is_file():
        return Located("file", file=target)
    return Located("missing")
