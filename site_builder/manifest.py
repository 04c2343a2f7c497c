"""What the last build was made from, so that building the same inputs again is free.

A build is a pure function of its inputs: the files under content/, the
site's site.toml and templates, the default theme, and site-builder's own
code. After a build, `Manifest` records one digest of all of them and the
size and modification time of every file it published. When a new build
finds the same digest and an output directory that nobody touched since,
the output is already what the build would write: `site-builder build` then
does nothing, in well under a second, whatever the size of the site.

Anything else (an input changed, a file of output/ edited or deleted, a
manifest that does not parse) means a normal build. The manifest lives in
the cache directory, never in output/.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import importlib.metadata
import json
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import site_builder
from site_builder.content.files import Unreadable, read_regular

# Bump when the manifest's format changes.
FORMAT = 2
_PACKAGE = Path(site_builder.__file__).resolve().parent


@dataclass(slots=True)
class Manifest:
    inputs: str  # digest of every input
    outputs: dict[str, tuple[int, int]] = field(default_factory=dict)  # rel -> size, mtime_ns
    digests: dict[str, str] = field(default_factory=dict)  # rel -> sha256 of its bytes
    articles: int = 0
    actors: int = 0
    warnings: list[str] = field(default_factory=list)


def _files(root: Path, suffixes: tuple[str, ...] | None = None) -> list[Path]:
    if not root.is_dir():
        return []
    found = []
    for base, dirs, names in os.walk(root, followlinks=False):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(names):
            if suffixes is None or name.endswith(suffixes):
                found.append(Path(base) / name)
    return found


def inputs_digest(site_dir: Path, content: Iterable[Path], theme_dir: Path,
                  templates_dir: Path, output_dir: Path, settings: str) -> str:
    """One digest of everything a build reads.

    `settings` covers what is not a file (the builder's mode). Content files
    are hashed by their bytes: an editor's save that changes nothing (same
    bytes, new mtime) still counts as nothing.
    """
    h = hashlib.sha256(f"{FORMAT}\0{settings}\0{output_dir}\0{code_digest()}".encode())
    groups = [
        ("theme", theme_dir, _files(theme_dir)),
        ("templates", templates_dir, _files(templates_dir)),
        ("content", site_dir, sorted(content)),
        ("config", site_dir, [site_dir / "site.toml"]),
    ]
    _hash_groups(h, groups)
    return h.hexdigest()


@functools.cache
def code_digest() -> str:
    """site-builder's own code and the installed packages: what every stage runs."""
    h = hashlib.sha256()
    # A new spaCy model, Jinja or Markdown version may change the pages. A
    # set: run from a source checkout, the project's own metadata is found
    # twice (the checkout's egg-info and the install), and the working
    # directory must not change the digest.
    h.update("\0".join(sorted({
        f"{d.metadata['Name']}=={d.version}" for d in importlib.metadata.distributions()
    })).encode())
    _hash_groups(h, [("code", _PACKAGE, _files(_PACKAGE, (".py", ".json", ".toml")))])
    return h.hexdigest()


def files_digest(base: Path, paths: Iterable[Path]) -> str:
    """One digest of these files' names (relative to `base`) and bytes."""
    h = hashlib.sha256()
    _hash_groups(h, [("files", base, list(paths))])
    return h.hexdigest()


_ANY_SIZE = 1 << 40


def tree_digest(root: Path) -> str:
    """One digest of every file under `root` (nothing when it does not exist)."""
    return files_digest(root, _files(root))


def _hash_groups(h: Any, groups: Iterable[tuple[str, Path, list[Path]]]) -> None:
    for name, base, paths in groups:
        h.update(f"\0{name}\0".encode())
        for path in paths:
            try:
                data = read_regular(path, _ANY_SIZE)  # a FIFO here must not hang the check
            except Unreadable:
                data = b"\0unreadable"
            h.update(f"{path.relative_to(base).as_posix()}\0{len(data)}\0".encode())
            h.update(data)


def snapshot(output_dir: Path, rels: Iterable[str]) -> dict[str, tuple[int, int]]:
    """Size and modification time of each published file."""
    found = {}
    for rel in rels:
        stat = (output_dir / rel).stat()
        found[rel] = (stat.st_size, stat.st_mtime_ns)
    return found


def is_intact(output_dir: Path, manifest: Manifest) -> bool:
    """Whether output/ holds exactly the files published, untouched since."""
    try:
        present = {p.relative_to(output_dir).as_posix() for p in _files(output_dir)}
        if present != set(manifest.outputs):
            return False
        return snapshot(output_dir, manifest.outputs) == manifest.outputs
    except OSError:
        return False


def load(path: Path) -> Manifest | None:
    """The manifest at `path`, or None if it is missing or unreadable."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            return None
        return Manifest(
            inputs=str(data["inputs"]),
            outputs={str(k): (int(v[0]), int(v[1])) for k, v in data["outputs"].items()},
            articles=int(data["articles"]),
            actors=int(data["actors"]),
            warnings=[str(w) for w in data["warnings"]],
            digests={str(k): str(v) for k, v in data["digests"].items()},
        )
    except (OSError, ValueError, KeyError, TypeError, IndexError, AttributeError):
        return None


def store(path: Path, manifest: Manifest) -> None:
    """Write the manifest atomically; a failure only costs the next build its shortcut."""
    data = {"format": FORMAT, "inputs": manifest.inputs, "outputs": manifest.outputs,
            "articles": manifest.articles, "actors": manifest.actors,
            "warnings": manifest.warnings, "digests": manifest.digests}
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        forget(path)


def forget(path: Path) -> None:
    """Drop the manifest: the next build is a real one."""
    with contextlib.suppress(OSError):
        path.unlink()
