"""Progress of a long build, phase by phase, after its first second.

The builder reports `(phase, done, total)`: loading, annotating, linking,
attributing, rendering, publishing. A build that finishes within `delay`
seconds prints nothing: a bar that flashes for 200 ms is noise.

* In a terminal, one bar (on stderr) names the phase and shows the count,
  the rate and the time left; it disappears when the build ends.
* Elsewhere (a CI log, a pipe), plain lines: one when a phase starts, and
  one every `interval` seconds while it lasts, with its rate and time left.
"""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)

DELAY = 1.0
INTERVAL = 2.0
REDRAW = 0.1  # seconds between two redraws of the terminal bar


class BuildProgress:
    def __init__(self, enabled: bool = True, delay: float = DELAY, *,
                 stream: TextIO | None = None, interval: float = INTERVAL,
                 tty: bool | None = None) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = enabled
        self.tty = self.stream.isatty() if tty is None else tty
        self.delay = delay
        self.interval = interval
        self._started = time.monotonic()
        self._progress: Progress | None = None
        self._task: int | None = None
        self._phase = ""
        self._phase_started = self._started
        self._phase_done = 0
        self._announced = False  # the current phase's first line is out
        self._last_line = 0.0

    def __enter__(self) -> BuildProgress:
        self._started = time.monotonic()
        return self

    def update(self, phase: str, done: int, total: int) -> None:
        """`done` of `total` items of `phase` are finished (0 when it starts)."""
        if not self.enabled:
            return
        now = time.monotonic()
        if phase != self._phase:
            self._phase, self._phase_started, self._announced = phase, now, False
            self._phase_done = done
        if now - self._started < self.delay:
            return
        if self.tty:
            self._bar(phase, done, total)
        else:
            self._line(phase, done, total, now)

    def _bar(self, phase: str, done: int, total: int) -> None:
        if self._progress is None:
            # No refresh thread: a build forks worker processes, which is
            # only safe while no other thread runs. The bar is redrawn here.
            self._progress = Progress(
                TextColumn("{task.description:<11}"), BarColumn(), MofNCompleteColumn(),
                TaskProgressColumn(), TextColumn("{task.fields[rate]:>7}"),
                TimeRemainingColumn(),
                console=Console(file=self.stream), transient=True, auto_refresh=False)
            self._progress.start()
            self._task = self._progress.add_task(phase, total=total, rate="")
        assert self._task is not None
        now = time.monotonic()
        # Items a second in this phase: articles while annotating (on a cluster,
        # as its futures finish), pages while rendering.
        rate = self._rate(done, now)
        self._progress.update(self._task, description=phase, completed=done, total=total,
                              rate=f"{rate:.0f}/s" if rate > 0 else "")
        if now - self._last_line >= REDRAW:
            self._progress.refresh()
            self._last_line = now

    def _line(self, phase: str, done: int, total: int, now: float) -> None:
        if self._announced and now - self._last_line < self.interval:
            return
        text = f"{phase}: {done}/{total}" if total > 1 else f"{phase}…"
        rate = self._rate(done, now)
        if self._announced and rate > 0 and total > done:
            text += f" ({rate:.0f}/s, about {(total - done) / rate:.0f} s left)"
        print(text, file=self.stream, flush=True)
        self._announced, self._last_line = True, now

    def _rate(self, done: int, now: float) -> float:
        elapsed = now - self._phase_started
        return (done - self._phase_done) / elapsed if elapsed > 0 else 0.0

    def note(self, text: str) -> None:
        """Print one line for the user, above the bar when it is shown."""
        if self._progress is not None:
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stream, flush=True)

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None
