"""Which files of content/ are articles and which are copied as they are.

Kept apart from the loader, which parses Markdown: a build that finds
nothing changed needs only this (see uptodate.py).
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

REGISTRY_NAME = "actors.yml"  # content/actors.yml is the actor registry, not an asset
_IGNORED_PREFIXES = (".", "_", "#")
_IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".kate-swp", "#")


# Bounds on what one file may cost (docs/content.md, "Limits"). An article is
# read whole and annotated; 16 MiB is some 2,500 pages of wire copy.
MAX_ARTICLE_BYTES = 16 * 1024 * 1024
MAX_SETTINGS_BYTES = 16 * 1024 * 1024  # site.toml, actors.yml, word lists

# Served by a browser as live documents on the site's own origin, these could
# run script there; content/ is for articles and media (docs/content.md).
REFUSED_ASSET_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".svg", ".svgz", ".xml",
                          ".xsl", ".xslt", ".js", ".mjs", ".php")


@dataclass(slots=True)
class ContentFiles:
    articles: list[Path] = field(default_factory=list)  # absolute paths, sorted
    assets: list[Path] = field(default_factory=list)  # absolute paths, sorted
    # Named like content but not regular files (FIFOs, sockets, devices), or
    # assets of a refused type: reported, never read or published.
    refused: list[Path] = field(default_factory=list)


class Unreadable(Exception):
    """A file that is not read, with what to tell the editor."""

    def __init__(self, message: str, hint: str = "", line: int = 1) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.line = line


_KINDS = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe (FIFO)"),
          (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))


def file_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_regular(path: Path, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes.

    Opened without following a symlink and without blocking, so a FIFO
    named like an article is refused instead of hanging the build.
    """
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise Unreadable("is a symbolic link, which is not followed",
                             "copy the file into content/ instead of linking it") from None
        raise Unreadable(f"cannot read file: {exc.strerror}",
                         "check that the file exists and is readable") from None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(f"is {file_kind(info.st_mode)}, not a regular file",
                             "only regular files are read; remove it or replace it with a file")
        if info.st_size > limit:
            raise Unreadable(f"file too large ({info.st_size:,} bytes; the limit is {limit:,})",
                             "split it into several files")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            # One byte past the size it had: a file that grows while we read is seen.
            data = handle.read(info.st_size + 1)
    except OSError as exc:
        raise Unreadable(f"cannot read file: {exc.strerror}",
                         "check that the file is readable") from None
    finally:
        os.close(fd)
    if len(data) > limit:  # it grew while we read it
        raise Unreadable(f"file too large (over {limit:,} bytes)", "split it into several files")
    return data


def read_text(path: Path, limit: int) -> str:
    """`read_regular` decoded as UTF-8; a bad byte is reported with its line."""
    data = read_regular(path, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise Unreadable(f"not valid UTF-8 text (byte 0x{data[exc.start]:02x})",
                         "save the file with UTF-8 encoding", line) from None


def is_ignored(name: str) -> bool:
    """Hidden files and editor droppings are never content."""
    return (name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES)
            or "___jb_" in name or name == "4913")


def discover(content_dir: Path) -> ContentFiles:
    """Every article and asset under content/, recursively, in a stable order.

    Symlinks are not followed: a link could point outside content/. Files
    that are not regular files, and assets of a refused type, are listed in
    `refused` for the loader to report.
    """
    found = ContentFiles()
    if not content_dir.is_dir():
        return found
    for root, dirs, files in os.walk(content_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not is_ignored(d))
        root_path = Path(root)
        for name in sorted(files):
            path = root_path / name
            if is_ignored(name):
                continue
            try:
                mode = path.lstat().st_mode
            except OSError:
                continue  # deleted while we list
            if stat.S_ISLNK(mode):
                continue
            if not stat.S_ISREG(mode):
                found.refused.append(path)
            elif name.endswith(".md"):
                found.articles.append(path)
            elif root_path == content_dir and name == REGISTRY_NAME:
                continue
            elif name.lower().endswith(REFUSED_ASSET_SUFFIXES):
                found.refused.append(path)
            else:
                found.assets.append(path)
    return found
