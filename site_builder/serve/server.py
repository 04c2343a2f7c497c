"""The HTTP side of the dev server: static files, the reload stream, the script.

Standard library only: a ThreadingHTTPServer, so a long-lived SSE stream
never blocks page requests. Every response is `Cache-Control: no-store`,
since a cached page would hide the very change being previewed.
"""

from __future__ import annotations

import contextlib
import errno
import mimetypes
import select
import socket
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

from site_builder.serve.client import CLIENT_JS, EVENTS_URL, SCRIPT_URL
from site_builder.serve.inject import inject
from site_builder.serve.paths import BadPath, locate
from site_builder.serve.reload import KEEPALIVE_SECONDS, Broadcaster

# Explicit rather than left to `mimetypes`, whose answers depend on the
# machine's /etc/mime.types (woff2 and webp are missing on some systems).
CONTENT_TYPES: dict[str, str] = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
}

FALLBACK_404 = (b"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                b"<title>Not found</title></head><body><h1>Not found</h1>"
                b"<p>No page at this address in the current build.</p></body></html>")


def content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in CONTENT_TYPES:
        return CONTENT_TYPES[suffix]
    guessed, _ = mimetypes.guess_type(path.name)
    if guessed is None:
        return "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed


class ServeError(Exception):
    """The server could not start; `str()` says why and what to do."""


class DevHTTPServer(ThreadingHTTPServer):
    # Request threads never block shutdown; SSE streams end through
    # Broadcaster.close() rather than being joined.
    daemon_threads = True

    def __init__(self, address: tuple[str, int], root: Callable[[], Path],
                 broadcaster: Broadcaster) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.root = root  # a callable: the builder may swap the directory
        self.broadcaster = broadcaster
        super().__init__(address, Handler)


class Handler(BaseHTTPRequestHandler):
    server: DevHTTPServer
    server_version = "site-builder-serve"
    # The default HTTP/1.0 closes each connection after its response, which
    # is also how the SSE stream ends: no chunked encoding needed.
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:
        """Silent: a line per request would drown the build messages."""

    def do_GET(self) -> None:
        self._respond(head=False)

    def do_HEAD(self) -> None:
        self._respond(head=True)

    def _respond(self, *, head: bool) -> None:
        target = self.path.split("#", 1)[0]
        path, _, query = target.partition("?")
        if path == EVENTS_URL:
            self._events(query, head=head)
            return
        if path == SCRIPT_URL:
            self._send(HTTPStatus.OK, CLIENT_JS.encode(), "text/javascript; charset=utf-8",
                       head=head)
            return
        try:
            found = locate(self.server.root(), path)
        except BadPath as exc:
            self._send(HTTPStatus.BAD_REQUEST, f"Bad request: {exc}\n".encode(),
                       "text/plain; charset=utf-8", head=head)
            return
        if found.kind == "redirect" and found.location:
            location = found.location + (f"?{query}" if query else "")
            self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain; charset=utf-8",
                       head=head, extra={"Location": location})
            return
        if found.kind == "file" and found.file is not None:
            try:
                # One read of the whole file: the builder replaces files with
                # os.replace, so this sees the old or the new page, never half.
                body = found.file.read_bytes()
            except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
                pass  # replaced or removed since locate(): a plain 404
            else:
                self._send_page(HTTPStatus.OK, found.file, body, head=head)
                return
        self._not_found(head=head)

    def _not_found(self, *, head: bool) -> None:
        page = self.server.root() / "404.html"
        try:
            body = page.read_bytes()
        except OSError:
            body = FALLBACK_404
        self._send_page(HTTPStatus.NOT_FOUND, page, body, head=head)

    def _send_page(self, status: HTTPStatus, file: Path, body: bytes, *, head: bool) -> None:
        ctype = content_type(file)
        if ctype.startswith("text/html"):
            body = inject(body, self.server.broadcaster.current())
        self._send(status, body, ctype, head=head)

    def _send(self, status: HTTPStatus, body: bytes, ctype: str, *, head: bool,
              extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (extra or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if not head:
            # The client may have gone away; there is nothing to tell it.
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                self.wfile.write(body)

    def _events(self, query: str, *, head: bool) -> None:
        """The SSE stream: catch-up event, then one event per build, keep-alives between."""
        broadcaster = self.server.broadcaster
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Accel-Buffering", "no")
        self.end_headers()
        if head:
            return
        # The browser's automatic reconnect sends Last-Event-ID, which is
        # newer than the ?since= baked into the URL when the page connected.
        since = self.headers.get("Last-Event-ID") or parse_qs(query).get("since", [""])[0]
        broadcaster.stream_opened()
        try:
            # retry: how soon the browser reconnects after a server restart.
            self.wfile.write(b"retry: 1000\n\n")
            event = broadcaster.catch_up(since or None)
            seq = 0
            if event is not None:
                self.wfile.write(event.sse())
                seq, since = event.seq, event.id
            last_write = time.monotonic()
            while True:
                newer = broadcaster.wait_newer(seq, min(1.0, KEEPALIVE_SECONDS))
                if newer is None:
                    return  # server shutting down
                if newer and (event := broadcaster.catch_up(since)) is not None:
                    self.wfile.write(event.sse())
                    seq, since = event.seq, event.id
                    last_write = time.monotonic()
                elif self._peer_closed():
                    return  # a hidden tab let go: free the thread now, not at the next write
                elif time.monotonic() - last_write >= KEEPALIVE_SECONDS:
                    self.wfile.write(b": keep-alive\n\n")
                    last_write = time.monotonic()
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            return  # tab closed or navigated away
        finally:
            broadcaster.stream_closed()


    def _peer_closed(self) -> bool:
        """True once the client has closed its end (EOF is waiting to be read)."""
        try:
            ready, _, _ = select.select([self.connection], [], [], 0)
            return bool(ready) and not self.connection.recv(1, socket.MSG_PEEK)
        except OSError:
            return True


def bind(host: str, port: int, root: Callable[[], Path], broadcaster: Broadcaster, *,
         attempts: int = 20, log: Callable[[str], None] = print) -> DevHTTPServer:
    """Bind `host:port`, or the next free port among `attempts`; ServeError if none."""
    last = min(port + attempts - 1, 65535) if port else 0
    for candidate in range(port, last + 1) if port else (0,):
        try:
            server = DevHTTPServer((host, candidate), root, broadcaster)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE and candidate < last:
                continue
            if exc.errno == errno.EADDRINUSE:
                raise ServeError(
                    f"ports {port} to {last} on {host} are all in use — "
                    "stop the other server or pass --port with a free port"
                ) from None
            if exc.errno == errno.EACCES:
                raise ServeError(f"not allowed to listen on {host}:{candidate} — "
                                 "ports below 1024 need privileges; use --port 8000") from None
            raise ServeError(f"cannot listen on {host}:{candidate} ({exc.strerror}) — "
                             "check --host: use 127.0.0.1 or an address of this "
                             "machine") from None
        if candidate != port and port:
            log(f"Port {port} is in use; using {candidate} instead.")
        return server
    raise ServeError(f"no port to try for {host}:{port}")  # unreachable: range is never empty
