"""Watch the site's sources and feed relevant changes to the debouncer.

What is watched: `content/`, `templates/` and `wordlists/` recursively, and
the site directory itself non-recursively, which sees `site.toml` and the
creation of those directories after the server started. Directories are watched,
never single files: vim, JetBrains and many others save by writing a new file
and renaming it over the old one, which a watch on the old file's inode would
miss. For the same reason a move's destination counts as a modification.

Editor temporary files and hidden files are dropped here, so that saving in
vim does not trigger a rebuild for `.article.md.swp` or vim's `4913` probe.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Callable
from pathlib import Path

from watchdog.events import (
    DirCreatedEvent,
    DirDeletedEvent,
    DirMovedEvent,
    FileClosedEvent,
    FileCreatedEvent,
    FileDeletedEvent,
    FileModifiedEvent,
    FileMovedEvent,
    FileSystemEvent,
    FileSystemEventHandler,
)
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver, ObservedWatch
from watchdog.observers.polling import PollingObserver

from site_builder.serve.debounce import Debouncer

ObserverFactory = Callable[[], BaseObserver]

# Opened and closed-without-writing events say nothing changed; directory
# "modified" events only echo a child's change, which arrives on its own.
_EVENTS: list[type[FileSystemEvent]] = [
    FileCreatedEvent, FileModifiedEvent, FileDeletedEvent, FileMovedEvent, FileClosedEvent,
    DirCreatedEvent, DirDeletedEvent, DirMovedEvent,
]

# vim swap files run .swp, .swo, ... .swa, plus .swx for its write test.
_VIM_SWAP = re.compile(r"\.sw[a-px]$")
_TEMP_SUFFIXES = ("~", ".tmp", ".kate-swp", ".part", ".crdownload")

INOTIFY_HINT = (
    "raise the limit with `sudo sysctl fs.inotify.max_user_watches=524288` "
    "(make it permanent in /etc/sysctl.d/), then restart `site-builder serve`"
)


def is_ignored_name(name: str) -> bool:
    """True for editor temporary files, lock files and hidden files."""
    return (
        name.startswith(".")  # hidden files, emacs' .#lock, vim's .name.swp
        or (name.startswith("#") and name.endswith("#"))  # emacs auto-save
        or "___jb_" in name  # JetBrains safe-write (___jb_tmp___, ___jb_old___)
        or name == "4913"  # vim probes directory writability with this name
        or name.endswith(_TEMP_SUFFIXES)
        or _VIM_SWAP.search(name) is not None
    )


class SiteLayout:
    """Which paths of a site are sources, decided from the path alone."""

    def __init__(self, site_dir: Path, excluded: tuple[Path, ...] = ()) -> None:
        # Resolved once, so event paths match what the builder resolves too.
        self.site_dir = site_dir.resolve()
        self.content_dir = self.site_dir / "content"
        self.templates_dir = self.site_dir / "templates"
        self.config_path = self.site_dir / "site.toml"
        self.wordlists_dir = self.site_dir / "wordlists"
        # The output (and anything else the builder writes) must never
        # trigger a build, or each build would trigger the next.
        self.excluded = tuple(p.resolve() for p in excluded)

    @property
    def trees(self) -> tuple[Path, ...]:
        """The directories watched recursively."""
        return (self.content_dir, self.templates_dir, self.wordlists_dir)

    def is_source(self, path: Path) -> bool:
        """True if a change to `path` may change the built site."""
        if any(path == ex or path.is_relative_to(ex) for ex in self.excluded):
            return False
        if path == self.config_path:
            return True
        for tree in self.trees:
            if path == tree:
                return True
            if path.is_relative_to(tree):
                return not any(is_ignored_name(p) for p in path.relative_to(tree).parts)
        return False


class _Handler(FileSystemEventHandler):
    """Translate watchdog events into debouncer input."""

    def __init__(self, layout: SiteLayout, debouncer: Debouncer) -> None:
        self.layout = layout
        self.debouncer = debouncer

    def on_any_event(self, event: FileSystemEvent) -> None:
        paths = [Path(os.fsdecode(event.src_path))]
        if isinstance(event, FileMovedEvent | DirMovedEvent) and event.dest_path:
            # The destination is what editors' rename-over-save changes; the
            # source disappeared (a delete from the builder's point of view).
            paths.append(Path(os.fsdecode(event.dest_path)))
        relevant = [p for p in paths if self.layout.is_source(p)]
        if not relevant:
            return
        if event.is_directory:
            # A directory appearing or vanishing moves many files at once and
            # inotify does not list them all: let the builder rescan.
            self.debouncer.add(relevant, full=True)
        else:
            self.debouncer.add(relevant)


class Watcher:
    """Runs a watchdog observer over a `SiteLayout`, falling back to polling.

    inotify can fail to start (too many watches, or a filesystem without it);
    then a PollingObserver takes over and a notice says how to fix it.
    """

    def __init__(self, layout: SiteLayout, debouncer: Debouncer, *,
                 observer_factory: ObserverFactory | None = None,
                 log: Callable[[str], None] = print) -> None:
        self.layout = layout
        self._handler = _Handler(layout, debouncer)
        self._factory: ObserverFactory = observer_factory or Observer
        self._log = log
        self._observer: BaseObserver | None = None
        self._watches: dict[Path, tuple[ObservedWatch, tuple[int, int]]] = {}
        self.polling = False

    def start(self) -> None:
        try:
            self._start(self._factory())
        except OSError as exc:
            self._fall_back(exc)

    def _start(self, observer: BaseObserver) -> None:
        self._observer = observer
        self._watches.clear()
        observer.schedule(self._handler, str(self.layout.site_dir), recursive=False,
                          event_filter=_EVENTS)
        self._schedule_trees()
        observer.start()

    def _fall_back(self, exc: OSError) -> None:
        self._stop_observer()
        self._log(f"Watching: inotify is unavailable ({exc}); polling for changes every "
                  f"second instead, which is slower. To fix: {INOTIFY_HINT}.")
        self.polling = True
        self._start(PollingObserver(timeout=1.0))

    def refresh(self) -> None:
        """Follow `content/` or `templates/` being created, deleted or replaced.

        Called by the rebuild loop before each build, not from the observer's
        thread, so scheduling never races with event dispatch. Never raises:
        the rebuild loop must survive a directory that vanished mid-scan.
        """
        try:
            self._schedule_trees()
        except OSError as exc:
            if self.polling:
                self._log(f"Watching: cannot follow a new directory ({exc}); "
                          "restart `site-builder serve` if edits are not picked up.")
            else:
                self._fall_back(exc)

    def _schedule_trees(self) -> None:
        observer = self._observer
        assert observer is not None
        for tree in self.layout.trees:
            try:
                st = tree.stat()
                identity: tuple[int, int] | None = (st.st_dev, st.st_ino)
            except OSError:
                identity = None
            if not tree.is_dir():
                identity = None
            current = self._watches.get(tree)
            if current is not None and current[1] == identity:
                continue
            if current is not None:
                # The directory was deleted or replaced: its old watch is dead.
                with contextlib.suppress(KeyError, OSError):
                    observer.unschedule(current[0])
                del self._watches[tree]
            if identity is not None:
                watch = observer.schedule(self._handler, str(tree), recursive=True,
                                          event_filter=_EVENTS)
                self._watches[tree] = (watch, identity)

    def _stop_observer(self) -> None:
        observer, self._observer = self._observer, None
        if observer is None:
            return
        try:
            observer.stop()
            if observer.is_alive():
                observer.join(timeout=5)
        except (OSError, RuntimeError):
            pass  # a half-started observer has nothing left to stop

    def stop(self) -> None:
        self._stop_observer()
