"""Which files of content/ are articles and which are copied as they are.

Kept apart from the loader, which parses Markdown: a build that finds
nothing changed needs only this (see uptodate.py).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REGISTRY_NAME = "actors.yml"  # content/actors.yml is the actor registry, not an asset
_IGNORED_PREFIXES = (".", "_", "#")
_IGNORED_SUFFIXES = ("~", ".swp", ".swx", ".tmp", ".kate-swp", "#")


@dataclass(slots=True)
class ContentFiles:
    articles: list[Path] = field(default_factory=list)  # absolute paths, sorted
    assets: list[Path] = field(default_factory=list)  # absolute paths, sorted


def is_ignored(name: str) -> bool:
    """Hidden files and editor droppings are never content."""
    return (name.startswith(_IGNORED_PREFIXES) or name.endswith(_IGNORED_SUFFIXES)
            or "___jb_" in name or name == "4913")


def discover(content_dir: Path) -> ContentFiles:
    """Every article and asset under content/, recursively, in a stable order.

    Symlinks are not followed: a link could point outside content/.
    """
    found = ContentFiles()
    if not content_dir.is_dir():
        return found
    for root, dirs, files in os.walk(content_dir, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not is_ignored(d))
        root_path = Path(root)
        for name in sorted(files):
            path = root_path / name
            if is_ignored(name) or path.is_symlink():
                continue
            if name.endswith(".md"):
                found.articles.append(path)
            elif not (root_path == content_dir and name == REGISTRY_NAME):
                found.assets.append(path)
    return found
