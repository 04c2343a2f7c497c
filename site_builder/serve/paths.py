"""Map a request path to a file inside the output directory, and nothing else.

The dev server binds to localhost by default, but a page from any site the
developer visits can still make the browser request
`http://127.0.0.1:8000/..%2f..%2f.ssh/id_rsa`, so traversal is refused in
every spelling: `..` segments raw or percent-encoded (`%2e%2e`, `..%2f`),
backslashes, NUL bytes, and symlinks whose target lies outside the output
directory (the resolved path must stay inside it).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal
from urllib.parse import quote, unquote


class BadPath(ValueError):
    """The request path is malformed or tries to leave the output directory."""


@dataclass(frozen=True, slots=True)
class Located:
    kind: Literal["file", "redirect", "missing"]
    file: Path | None = None
    location: str | None = None  # for "redirect": where to


def split_url_path(raw: str) -> tuple[str, ...]:
    """The decoded segments of a request path; BadPath if it is unsafe."""
    if not raw.startswith("/"):
        raise BadPath("the request target must be an absolute path")
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
