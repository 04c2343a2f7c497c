"""Every open live-reload stream, written by one thread.

A thread per stream is the simple design, and it is what the server had:
but every build woke all of them at once, and with 200 tabs (or a script
holding 200 streams) the herd of threads fighting for the interpreter lock
took a third of a core and slowed every page request behind it. Here the
HTTP thread answers the request's headers and hands the socket over; one
thread then keeps all streams in a selector:

- after each build it writes the catch-up event to each stream, computed
  once per distinct "since" id rather than once per stream;
- a stream the client closed (a hidden tab letting go) is dropped as soon
  as its EOF arrives;
- a `: keep-alive` comment goes to a stream silent for KEEPALIVE_SECONDS;
- sockets are non-blocking: what a client does not read waits in a buffer,
  and a stream whose buffer holds bytes for STALL_TIMEOUT, or more than
  MAX_PENDING, is dropped (a live browser reads at once; EventSource
  reconnects by itself and catches up through Last-Event-ID).
"""

from __future__ import annotations

import contextlib
import logging
import selectors
import socket
import threading
import time
from dataclasses import dataclass, field

from site_builder.serve.reload import KEEPALIVE_SECONDS, Broadcaster

logger = logging.getLogger("site_builder.serve")

STALL_TIMEOUT = 60.0  # seconds a stream may leave written bytes unread
MAX_PENDING = 1 << 20  # bytes a stream may leave unread
RETRY = b"retry: 1000\n\n"  # how soon the browser reconnects after a server restart


@dataclass(eq=False)
class _Stream:
    sock: socket.socket
    peer: str
    since: str  # the last build id this stream was told about
    seq: int = 0
    pending: bytearray = field(default_factory=bytearray)
    stalled_since: float | None = None  # when unread bytes began to wait
    last_write: float = field(default_factory=time.monotonic)
    done: bool = False


class StreamHub:
    """Owns the SSE sockets handed over by `adopt()` until they close."""

    def __init__(self, broadcaster: Broadcaster) -> None:
        self.broadcaster = broadcaster
        self._selector = selectors.DefaultSelector()
        self._wake_r, self._wake_w = socket.socketpair()
        self._wake_r.setblocking(False)
        self._wake_w.setblocking(False)
        self._selector.register(self._wake_r, selectors.EVENT_READ)
        self._adopted: list[_Stream] = []  # handed over, not yet registered
        self._lock = threading.Lock()
        self._streams: set[_Stream] = set()
        self._stopping = False
        broadcaster.subscribe(self._wake)
        self._thread = threading.Thread(target=self._run, name="serve-streams", daemon=True)
        self._thread.start()

    def adopt(self, sock: socket.socket, since: str, peer: str) -> None:
        """Take over `sock`, whose response headers are sent; the caller must not close it."""
        self.broadcaster.stream_opened()
        with self._lock:
            self._adopted.append(_Stream(sock, peer, since))
        self._wake()

    def stop(self) -> None:
        """Close every stream and end the thread."""
        self._stopping = True
        self._wake()
        self._thread.join(timeout=10)
        self._selector.close()
        self._wake_r.close()
        self._wake_w.close()

    def _wake(self) -> None:
        with contextlib.suppress(BlockingIOError, OSError):  # already awake, or stopped
            self._wake_w.send(b"\0")

    def _run(self) -> None:
        seq = 0
        while not self._stopping:
            timeout = min(1.0, KEEPALIVE_SECONDS)
            for key, mask in self._selector.select(timeout):
                if key.fileobj is self._wake_r:
                    with contextlib.suppress(BlockingIOError):
                        self._wake_r.recv(4096)
                    continue
                stream: _Stream = key.data
                if stream.done:
                    continue  # dropped earlier in this round
                if mask & selectors.EVENT_READ and self._peer_closed(stream):
                    self._drop(stream, "closed the stream")
                elif mask & selectors.EVENT_WRITE:
                    self._flush(stream)
            self._register_adopted()
            if self.broadcaster.closed:
                for stream in list(self._streams):
                    self._drop(stream, None)
                continue
            current = self.broadcaster.current()
            if current is not None and current.seq > seq:
                seq = current.seq
                self._publish(seq)
            self._keep_alive()
        for stream in list(self._streams) + self._take_adopted():
            self._drop(stream, None)

    def _take_adopted(self) -> list[_Stream]:
        with self._lock:
            adopted, self._adopted = self._adopted, []
        return adopted

    def _register_adopted(self) -> None:
        for stream in self._take_adopted():
            stream.sock.setblocking(False)
            self._streams.add(stream)
            self._selector.register(stream.sock, selectors.EVENT_READ, stream)
            first = RETRY
            event = self.broadcaster.catch_up(stream.since or None)
            if event is not None:
                first += event.sse()
                stream.seq, stream.since = event.seq, event.id
            self._write(stream, first)

    def _publish(self, seq: int) -> None:
        """Tell each stream behind `seq` what was built since its last event."""
        by_since: dict[str, tuple[int, str, bytes] | None] = {}
        for stream in list(self._streams):
            if stream.seq >= seq:
                continue  # adopted just now: its catch-up is already this state
            if stream.since not in by_since:
                event = self.broadcaster.catch_up(stream.since)
                by_since[stream.since] = (None if event is None
                                          else (event.seq, event.id, event.sse()))
            found = by_since[stream.since]
            if found is not None:
                stream.seq, stream.since, data = found
                self._write(stream, data)

    def _keep_alive(self) -> None:
        now = time.monotonic()
        for stream in list(self._streams):
            if stream.pending and stream.stalled_since is not None \
                    and now - stream.stalled_since >= STALL_TIMEOUT:
                self._drop(stream, "stopped reading")
            elif now - stream.last_write >= KEEPALIVE_SECONDS:
                self._write(stream, b": keep-alive\n\n")

    def _write(self, stream: _Stream, data: bytes) -> None:
        if stream.done:
            return
        stream.pending += data
        stream.last_write = time.monotonic()
        if len(stream.pending) > MAX_PENDING:
            self._drop(stream, "stopped reading")
            return
        self._flush(stream)

    def _flush(self, stream: _Stream) -> None:
        try:
            sent = stream.sock.send(stream.pending)
        except BlockingIOError:
            sent = 0
        except OSError as exc:  # reset, broken pipe: the tab went away
            self._drop(stream, f"went away ({type(exc).__name__})")
            return
        del stream.pending[:sent]
        if stream.pending:
            if stream.stalled_since is None:
                stream.stalled_since = time.monotonic()
                self._selector.modify(stream.sock, selectors.EVENT_READ | selectors.EVENT_WRITE,
                                      stream)
        elif stream.stalled_since is not None:
            stream.stalled_since = None
            self._selector.modify(stream.sock, selectors.EVENT_READ, stream)

    @staticmethod
    def _peer_closed(stream: _Stream) -> bool:
        """True once the client closed its end; anything else it sends is ignored."""
        try:
            return not stream.sock.recv(4096)
        except BlockingIOError:
            return False
        except OSError:
            return True

    def _drop(self, stream: _Stream, why: str | None) -> None:
        if stream.done:
            return
        stream.done = True
        if why is not None:
            logger.debug("%s: live-reload stream ended: client %s", stream.peer, why)
        if stream in self._streams:
            self._streams.discard(stream)
            with contextlib.suppress(KeyError, ValueError):
                self._selector.unregister(stream.sock)
        with contextlib.suppress(OSError):
            stream.sock.close()
        self.broadcaster.stream_closed()
