"""Write the rendered site to disk, atomically.

A full build is written into a staging directory beside `output/` and then
swapped in. On Linux the swap is one `renameat2(RENAME_EXCHANGE)` call, so
there is no instant where `output/` is missing; elsewhere it is two renames,
and a build killed between them is repaired by the next run. A build that
fails or is killed before the swap leaves the previous `output/` untouched.

Incremental writes (the preview server) replace file by file with
`os.replace`, so a reader never sees a half-written page.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable, Mapping
from pathlib import Path

from site_builder.errors import Problem, PublishError

_STAGING = ".{name}.staging-"
_OLD = ".{name}.old-"


def safe_target(root: Path, rel: str) -> Path:
    """`root/rel`, refusing any path that would land outside `root`."""
    parts = rel.split("/")
    if any(p in ("", ".", "..") for p in parts) or "\\" in rel or "\x00" in rel:
        raise PublishError(Problem.at(rel, 1, "refusing to write outside the output directory"))
    return root.joinpath(*parts)


def publish_full(output_dir: Path, files: Mapping[str, bytes], assets: Mapping[str, Path]) -> None:
    """Replace `output_dir` with exactly these files, all at once."""
    with Staging(output_dir) as staging:
        for rel, data in files.items():
            staging.write(rel, data)
        for rel, source in assets.items():
            staging.copy(rel, source)
        staging.commit()


class Staging:
    """A new output tree, filled file by file, then swapped in whole.

    Pages are written as they are rendered, so a build never holds the
    whole site in memory. `keep` takes a file unchanged from the current
    output (a hard link: no bytes are copied). Leaving the `with` block
    without `commit()` (an error, Ctrl-C) deletes the staging tree and
    leaves `output/` as it was.
    """

    def __init__(self, output_dir: Path) -> None:
        self.output_dir = output_dir.absolute()
        self.root: Path | None = None
        self._dirs: set[Path] = set()

    def __enter__(self) -> Staging:
        parent = self.output_dir.parent
        parent.mkdir(parents=True, exist_ok=True)
        recover(self.output_dir)
        self.root = Path(tempfile.mkdtemp(prefix=_STAGING.format(name=self.output_dir.name),
                                          dir=parent))
        return self

    def __exit__(self, *exc: object) -> None:
        if self.root is not None:
            shutil.rmtree(self.root, ignore_errors=True)
            self.root = None

    def _target(self, rel: str) -> Path:
        assert self.root is not None, "use Staging in a with block"
        target = safe_target(self.root, rel)
        if target.parent not in self._dirs:
            target.parent.mkdir(parents=True, exist_ok=True)
            self._dirs.add(target.parent)
        return target

    def write(self, rel: str, data: bytes) -> None:
        target = self._target(rel)
        # Never write through a link `keep` made: that inode is the live page.
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        target.write_bytes(data)

    def copy(self, rel: str, source: Path) -> None:
        target = self._target(rel)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        shutil.copyfile(source, target)

    def keep(self, rel: str) -> bool:
        """Take `rel` as it is in the current output; False if that is not possible."""
        source = safe_target(self.output_dir, rel)
        target = self._target(rel)
        try:
            os.link(source, target, follow_symlinks=False)
        except FileNotFoundError:
            return False
        except OSError:  # no hard links here (another file system, FAT...)
            try:
                shutil.copy2(source, target, follow_symlinks=False)
            except OSError:
                return False
        return True

    def drop(self, rel: str) -> None:
        """Take back a file written or kept in the staging tree."""
        with contextlib.suppress(FileNotFoundError):
            self._target(rel).unlink()

    def commit(self) -> None:
        """Swap the staged tree in as the new output."""
        assert self.root is not None
        self.root.chmod(0o755)
        _swap_in(self.root, self.output_dir)
        self.root = None


def staging_prefix(output_dir: Path) -> str:
    """How the names of staging trees beside `output_dir` start (`recover` deletes them)."""
    return _STAGING.format(name=output_dir.name)


def replace_tree(new: Path, target: Path) -> None:
    """Put the directory `new` at `target` in one step (the preview's search index)."""
    _swap_in(new, target)


def _swap_in(staging: Path, output_dir: Path) -> None:
    if not output_dir.exists():
        os.replace(staging, output_dir)
        return
    if _exchange(staging, output_dir):
        shutil.rmtree(staging, ignore_errors=True)  # staging now holds the previous site
        return
    old = Path(tempfile.mkdtemp(prefix=_OLD.format(name=output_dir.name), dir=output_dir.parent))
    old.rmdir()
    os.replace(output_dir, old)
    os.replace(staging, output_dir)
    shutil.rmtree(old, ignore_errors=True)


def _exchange(a: Path, b: Path) -> bool:
    """Atomically swap two directories (Linux renameat2); False when unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    libc_name = ctypes.util.find_library("c")
    if not libc_name:
        return False
    libc = ctypes.CDLL(libc_name, use_errno=True)
    renameat2 = getattr(libc, "renameat2", None)
    if renameat2 is None:
        return False
    at_fdcwd, rename_exchange = -100, 2
    result = renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange)
    return result == 0


def recover(output_dir: Path) -> None:
    """Clean up after a build that was killed: restore or delete leftovers."""
    parent = output_dir.parent
    if not parent.is_dir():
        return
    olds = sorted(parent.glob(_OLD.format(name=output_dir.name) + "*"))
    if not output_dir.exists() and olds:
        os.replace(olds[-1], output_dir)  # killed between the two renames
        olds = olds[:-1]
    for leftover in [*olds, *parent.glob(_STAGING.format(name=output_dir.name) + "*")]:
        shutil.rmtree(leftover, ignore_errors=True)


def write_files(output_dir: Path, files: Mapping[str, bytes],
                assets: Mapping[str, Path] | None = None) -> None:
    """Replace individual files in place, each one atomically."""
    for rel, data in files.items():
        _replace(safe_target(output_dir, rel), data)
    for rel, source in (assets or {}).items():
        _replace(safe_target(output_dir, rel), source.read_bytes())


def _replace(target: Path, data: bytes) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def remove_files(output_dir: Path, paths: Iterable[str]) -> None:
    """Delete outputs that are no longer produced, and the directories they leave empty."""
    for rel in paths:
        target = safe_target(output_dir, rel)
        with contextlib.suppress(FileNotFoundError):
            target.unlink()
        parent = target.parent
        while parent != output_dir and parent.is_dir() and not any(parent.iterdir()):
            parent.rmdir()
            parent = parent.parent
