"""Turn a burst of file events into one rebuild.

An editor's atomic save is three or four events (create tmp, write, rename,
attrib); a `git checkout` is hundreds. Rebuilding on each would waste the
builder and reload the browser several times, so changes collect in a
`Pending` set that becomes due once events have been quiet for `quiet`
seconds, or `max_wait` seconds after the first one, whichever comes first:
a steady stream of writes (a log file, a slow copy) still gets a rebuild.

Nothing is lost while a build runs: events keep landing in the set, and the
rebuild loop takes them all as the *next* batch, so a burst during a build
gives exactly one more build.

`Pending` is pure (the caller passes the time) so the timing rules are unit
tested without threads or sleeps; `Debouncer` adds the lock and the waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

Clock = Callable[[], float]


@dataclass(frozen=True, slots=True)
class Batch:
    """The changes one rebuild should handle."""

    paths: frozenset[Path]
    # True when a change cannot be pinned to files (a directory created,
    # moved or deleted): the builder must look at everything.
    full: bool = False


class Pending:
    """Changes not yet handed to a build, and when they become due."""

    def __init__(self, quiet: float = 0.1, max_wait: float = 1.0) -> None:
        if quiet < 0 or max_wait < quiet:
            raise ValueError("need 0 <= quiet <= max_wait")
        self.quiet = quiet
        self.max_wait = max_wait
        self._paths: set[Path] = set()
        self._full = False
        self._first: float | None = None
        self._last: float | None = None

    def __bool__(self) -> bool:
        return self._first is not None

    def add(self, now: float, paths: Iterable[Path] = (), *, full: bool = False) -> None:
        """Record changed paths (or a change to everything) seen at `now`."""
        self._paths.update(paths)
        self._full = self._full or full
        if self._first is None:
            self._first = now
        self._last = now

    def due_in(self, now: float) -> float | None:
        """Seconds until the batch is due (0 = due now); None when nothing is pending."""
        if self._first is None or self._last is None:
            return None
        deadline = min(self._last + self.quiet, self._first + self.max_wait)
        return max(0.0, deadline - now)

    def take(self) -> Batch:
        """Hand over everything pending and start afresh."""
        batch = Batch(frozenset(self._paths), self._full)
        self._paths = set()
        self._full = False
        self._first = self._last = None
        return batch


class Debouncer:
    """Thread-safe `Pending`: watcher threads `add`, the rebuild loop `wait`s."""

    def __init__(self, quiet: float = 0.1, max_wait: float = 1.0,
                 clock: Clock = time.monotonic) -> None:
        self._pending = Pending(quiet, max_wait)
        self._clock = clock
        self._cond = threading.Condition()
        self._closed = False

    def add(self, paths: Iterable[Path] = (), *, full: bool = False) -> None:
        with self._cond:
            self._pending.add(self._clock(), paths, full=full)
            self._cond.notify_all()

    def wait(self, timeout: float) -> Batch | None:
        """The next due batch, or None after `timeout` seconds or once closed."""
        deadline = self._clock() + timeout
        with self._cond:
            while True:
                now = self._clock()
                due = self._pending.due_in(now)
                if due == 0:
                    return self._pending.take()
                left = deadline - now
                if self._closed or left <= 0:
                    return None
                self._cond.wait(left if due is None else min(due, left))

    def close(self) -> None:
        """Wake every waiter; later waits return None at once."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
