"""Build history and the Server-Sent Events that tell pages what changed.

Every finished build (good or failed) becomes a `BuildEvent` with an id.
Pages carry the id of the build they were served after; when a page
connects (or reconnects, after its tab was hidden or the server restarted)
it names that id and gets back, in one event, every output path written
since. So a page reloads only when its own file changed, whatever it missed
while disconnected. An id from before the server started is unknown and
asks for a reload, since anything may have changed.

Wire format, one SSE event per notification:

    id: <build id>
    event: build
    data: {"id": ..., "ok": bool, "written": [paths] | null, "removed": [paths],
           "problems": [{"path", "line", "message", "hint"}]}

Paths are output-relative POSIX paths ("articles/x/index.html"). `written:
null` means "unknown, reload"; `problems` is the standing error list (empty
after a good build), which the page shows as an overlay.
"""

from __future__ import annotations

import json
import secrets
import threading
from collections import deque
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from site_builder.errors import Problem

KEEPALIVE_SECONDS = 15.0  # proxies and some browsers drop silent streams after ~30-60 s


@dataclass(frozen=True, slots=True)
class BuildEvent:
    seq: int
    id: str
    ok: bool
    written: tuple[str, ...] | None  # None: unknown, every page should reload
    problems: tuple[Problem, ...]
    removed: tuple[str, ...] = ()

    def payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "ok": self.ok,
            "written": None if self.written is None else list(self.written),
            "removed": list(self.removed),
            "problems": problems_json(self.problems),
        }

    def sse(self) -> bytes:
        """The event as SSE bytes. JSON never contains a raw newline, so one data line is safe."""
        data = json.dumps(self.payload(), ensure_ascii=False, separators=(",", ":"))
        return f"id: {self.id}\nevent: build\ndata: {data}\n\n".encode()


def problems_json(problems: Iterable[Problem]) -> list[dict[str, Any]]:
    return [{"path": p.path, "line": p.line, "message": p.message, "hint": p.hint}
            for p in problems]


class Broadcaster:
    """Holds recent builds and wakes its listeners (the StreamHub) when a new one lands."""

    def __init__(self, history: int = 256) -> None:
        # A per-process prefix makes ids from a previous server run unknown.
        self._epoch = secrets.token_hex(4)
        self._events: deque[BuildEvent] = deque(maxlen=history)
        self._cond = threading.Condition()
        self._closed = False
        self._listeners: list[Callable[[], None]] = []
        self.streams = 0  # open SSE connections, for shutdown and tests

    def subscribe(self, wake: Callable[[], None]) -> None:
        """Have `wake()` called, in the publishing thread, after each build and on close."""
        self._listeners.append(wake)

    def _notify(self) -> None:
        for wake in list(self._listeners):
            wake()

    def publish(self, ok: bool, written: Iterable[str] | None,
                problems: Iterable[Problem], removed: Iterable[str] = ()) -> BuildEvent:
        with self._cond:
            seq = self._events[-1].seq + 1 if self._events else 1
            event = BuildEvent(
                seq=seq,
                id=f"{self._epoch}-{seq}",
                ok=ok,
                written=None if written is None else tuple(dict.fromkeys(written)),
                problems=tuple(problems),
                removed=tuple(dict.fromkeys(removed)),
            )
            self._events.append(event)
        self._notify()
        return event

    def current(self) -> BuildEvent | None:
        with self._cond:
            return self._events[-1] if self._events else None

    def catch_up(self, since: str | None) -> BuildEvent | None:
        """One event summing up every build after `since` (None: state only)."""
        with self._cond:
            if not self._events:
                return None
            last = self._events[-1]
            written: tuple[str, ...] | None = ()
            removed: tuple[str, ...] = ()
            if not since or since == last.id:
                pass
            elif (since_seq := self._seq_of(since)) < 0:
                written = None
            else:
                after = [e for e in self._events if e.seq > since_seq]
                if any(e.written is None for e in after):
                    written = None
                else:
                    written = tuple(dict.fromkeys(p for e in after for p in e.written or ()))
                removed = tuple(dict.fromkeys(p for e in after for p in e.removed))
            return BuildEvent(last.seq, last.id, last.ok, written, last.problems, removed)

    def _seq_of(self, build_id: str) -> int:
        """The seq of a remembered build id, -1 if unknown or forgotten."""
        for event in self._events:
            if event.id == build_id:
                return event.seq
        return -1

    def stream_opened(self) -> None:
        with self._cond:
            self.streams += 1

    def stream_closed(self) -> None:
        with self._cond:
            self.streams -= 1
            self._cond.notify_all()

    def close(self, timeout: float = 2.0) -> None:
        """End every stream; wait (bounded) until the hub has closed them all."""
        with self._cond:
            self._closed = True
        self._notify()
        with self._cond:
            self._cond.wait_for(lambda: self.streams == 0, timeout)

    @property
    def closed(self) -> bool:
        return self._closed
