"""The HTTP side of the dev server: static files, the reload stream, the script.

Standard library only: a ThreadingHTTPServer, so a long-lived SSE stream
never blocks page requests. Every response is `Cache-Control: no-store`,
since a cached page would hide the very change being previewed.

Limits, as a production server has them, because a page open in the
browser (or a script) can open hundreds of connections at once:
- a listen backlog of LISTEN_BACKLOG, not the standard library's 5, which
  drops connections under a burst and makes clients retry after 1, 3, 7 s;
- the request line and headers must arrive within HEAD_TIMEOUT in all, so a
  connection that sends nothing, or trickles a header, frees its thread;
- any later single read or write (a whole response body) within IO_TIMEOUT.
Live-reload streams are not cut by either: once their headers are sent,
the socket goes to the StreamHub (streams.py), one thread for all of them.
A client that hangs up is one DEBUG line on the "site_builder.serve" logger
(`site-builder -v serve` shows it), never a traceback.
"""

from __future__ import annotations

import errno
import io
import logging
import mimetypes
import socket
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import parse_qs

from site_builder.serve.client import CLIENT_JS, EVENTS_URL, SCRIPT_URL
from site_builder.serve.inject import inject
from site_builder.serve.paths import BadPath, PathTooLong, locate
from site_builder.serve.reload import Broadcaster
from site_builder.serve.streams import StreamHub

if TYPE_CHECKING:
    from _typeshed import WriteableBuffer

logger = logging.getLogger("site_builder.serve")

# nginx listens with 511, gunicorn and uvicorn with 2048; Linux caps the
# value at net.core.somaxconn (4096 on current kernels).
LISTEN_BACKLOG = 1024
HEAD_TIMEOUT = 10.0  # seconds for the request line and all headers together
IO_TIMEOUT = 60.0  # seconds for any one later read or write (nginx's send_timeout)

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
    request_queue_size = LISTEN_BACKLOG

    def __init__(self, address: tuple[str, int], root: Callable[[], Path],
                 broadcaster: Broadcaster) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.root = root  # a callable: the builder may swap the directory
        self.broadcaster = broadcaster
        super().__init__(address, Handler)
        self.hub = StreamHub(broadcaster)  # once bound: a failed bind leaves no thread

    def server_close(self) -> None:
        super().server_close()
        if hasattr(self, "hub"):  # not when the bind itself failed
            self.hub.stop()


class Handler(BaseHTTPRequestHandler):
    server: DevHTTPServer
    server_version = "site-builder-serve"
    # The default HTTP/1.0 closes each connection after its response, which
    # is also how the SSE stream ends: no chunked encoding needed.
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:
        """Silent: a line per request would drown the build messages."""

    def log_error(self, format: str, *args: object) -> None:
        """Malformed requests and timeouts: a DEBUG line, they are the client's business."""
        logger.debug("%s: %s", self._peer(), format % args)

    def setup(self) -> None:
        super().setup()
        self.connection.settimeout(IO_TIMEOUT)
        # Reads go through a deadline while the request head comes in.
        self.rfile.close()  # or the socket stays referenced and never closes
        self._head = _HeadDeadline(self.connection)
        self.rfile = io.BufferedReader(self._head)

    def handle(self) -> None:
        try:
            super().handle()
        except (ConnectionError, TimeoutError) as exc:
            # Closed tabs, navigations, impatient scripts: normal, not a bug.
            request = getattr(self, "requestline", "") or "before the request line"
            logger.debug("%s: client went away (%s) during %s", self._peer(),
                         type(exc).__name__, request)

    def _peer(self) -> str:
        host, port = self.client_address[:2]
        return f"[{host}]:{port}" if ":" in str(host) else f"{host}:{port}"

    def handle_one_request(self) -> None:
        self._head.deadline = time.monotonic() + HEAD_TIMEOUT
        super().handle_one_request()

    def parse_request(self) -> bool:
        try:
            return super().parse_request()
        finally:
            self._head.deadline = None  # the head is in (or refused): plain IO_TIMEOUT now

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
            status = (HTTPStatus.REQUEST_URI_TOO_LONG if isinstance(exc, PathTooLong)
                      else HTTPStatus.BAD_REQUEST)
            self._send(status, f"{status.phrase}: {exc}\n".encode(),
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
            except OSError:
                pass  # replaced or removed since locate(), or unreadable: a plain 404
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
            self.wfile.write(body)  # a client gone meanwhile is logged by handle()

    def _events(self, query: str, *, head: bool) -> None:
        """The SSE stream: headers here, then the socket goes to the StreamHub."""
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
        # Detached, the socket object this thread holds is closed without
        # touching the connection, which the hub now owns under a new one.
        sock = socket.socket(fileno=self.connection.detach())
        self.server.hub.adopt(sock, since, self._peer())


class _HeadDeadline(io.RawIOBase):
    """The connection's reads, which must all end by `deadline` while one is set.

    A timeout per read alone would let a client send one header byte every
    few seconds and hold its thread for ever (slowloris); one deadline for
    the whole request head does not.
    """

    def __init__(self, sock: socket.socket) -> None:
        self._sock = sock
        self.deadline: float | None = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: WriteableBuffer) -> int:
        if self.deadline is None:
            return self._sock.recv_into(buffer)
        left = self.deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the request head took too long")
        previous = self._sock.gettimeout()
        self._sock.settimeout(left)
        try:
            return self._sock.recv_into(buffer)
        finally:
            self._sock.settimeout(previous)  # writes keep their own timeout


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
