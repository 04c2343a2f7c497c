"""The dev server under hostile clients: backlog, timeouts, hang-ups, absurd paths.

Real sockets against the fake builder (no spaCy). Timeouts are shortened
through the module's constants; every wait is bounded, and nothing asserts
how long anything took.
"""

from __future__ import annotations

import logging
import socket
import struct
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.serve import server as server_module
from site_builder.serve import streams as streams_module
from site_builder.serve.server import LISTEN_BACKLOG
from tests.test_serve_http import Dev, running
from tests.test_serve_support import (
    SSEClient,
    article,
    get,
    make_fake_site,
    raw_get,
    save_atomically,
)


@pytest.fixture
def dev(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Dev]:
    monkeypatch.setattr(server_module, "HEAD_TIMEOUT", 0.3)
    with running(make_fake_site(tmp_path)) as d:
        yield d


def _closed_by_server(sock: socket.socket, within: float = 10.0) -> bool:
    """True once the server closed `sock` (EOF or reset), False if still open after `within`."""
    sock.settimeout(within)
    try:
        while sock.recv(4096):
            pass  # a 408-style answer would be fine too; what matters is the close
    except TimeoutError:
        return False
    except ConnectionResetError:
        pass
    return True


def test_the_listen_backlog_is_a_production_one(dev: Dev) -> None:
    assert dev.server.httpd is not None
    assert dev.server.httpd.request_queue_size == LISTEN_BACKLOG >= 128


@pytest.mark.parametrize("sent", [b"", b"GET /articles/a1/ HTTP/1.0\r\nHost: 127.0.0.1\r\n"])
def test_a_half_open_connection_is_dropped_after_the_head_timeout(dev: Dev, sent: bytes) -> None:
    with socket.create_connection(("127.0.0.1", dev.port)) as sock:
        sock.sendall(sent)
        assert _closed_by_server(sock)
    response, _ = get(dev.port, "/articles/a1/")
    assert response.status == 200


def test_a_header_trickled_byte_by_byte_is_cut_off(dev: Dev) -> None:
    """Each byte arrives well within the timeout, the whole head does not (slowloris)."""
    head = b"GET / HTTP/1.0\r\n" + b"X-Slow: " + b"a" * 200
    with socket.create_connection(("127.0.0.1", dev.port)) as sock:
        closed = False
        for byte in head:
            try:
                sock.sendall(bytes([byte]))
            except (BrokenPipeError, ConnectionResetError):
                closed = True
                break
            time.sleep(0.05)  # 200 bytes: 10 s, far past the 0.3 s head deadline
        assert closed or _closed_by_server(sock, within=1.0)


def test_an_sse_stream_outlives_the_timeouts(dev: Dev, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(server_module, "IO_TIMEOUT", 0.3)
    monkeypatch.setattr(streams_module, "KEEPALIVE_SECONDS", 0.1)
    sse = SSEClient(dev.port)
    try:
        sse.next_event()
        with pytest.raises(TimeoutError):
            sse.next_event(timeout=1.0)  # quiet for three times each timeout
        assert ": keep-alive" in sse.comments
        save_atomically(dev.site / "content" / "a1.md", article("Article 1", "Encore là."))
        event = sse.wait_for(lambda e: "articles/a1/index.html" in (e["written"] or []))
        assert event["ok"]
    finally:
        sse.close()


@pytest.mark.parametrize(("target", "status"), [
    ("/" + "a" * 300, 404),  # a segment no file name can match
    ("/articles/" + "%C3%A9" * 200 + "/", 404),
    ("/" + "a/" * 2100, 414),  # longer than any file path
    ("/" + "b" * 5000 + "?x=1", 414),
])
def test_absurd_paths_get_an_answer_and_the_server_goes_on(
        dev: Dev, capsys: pytest.CaptureFixture[str], target: str, status: int) -> None:
    got, body = raw_get(dev.port, target)
    assert got == status
    assert b"Traceback" not in body
    response, _ = get(dev.port, "/articles/a1/")
    assert response.status == 200
    assert "Traceback" not in capsys.readouterr().err


def test_a_symlink_loop_in_the_output_is_a_404(dev: Dev,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    out = dev.builder.output_dir
    (out / "loop").symlink_to(out / "loop")
    (out / "ping").symlink_to(out / "pong")
    (out / "pong").symlink_to(out / "ping")
    for target in ("/loop", "/loop/", "/loop/a/b.html", "/ping/"):
        status, body = raw_get(dev.port, target)
        assert status == 404 and b"Page introuvable" in body  # the site's own 404 page
    assert "Traceback" not in capsys.readouterr().err


def _reset_after_request(port: int, target: str, read: int) -> None:
    """Ask for `target`, read `read` bytes of the answer, then hang up hard (RST)."""
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.sendall(f"GET {target} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
    if read:
        sock.recv(read)
    sock.close()


def test_a_client_hanging_up_is_one_quiet_line(tmp_path: Path,
                                              caplog: pytest.LogCaptureFixture,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    caplog.set_level(logging.DEBUG, logger="site_builder.serve")
    # 4 MB pages: the response cannot fit in the socket buffers, so the
    # server is still writing when the client resets the connection.
    with running(make_fake_site(tmp_path), pad=4_000_000) as d:
        for _ in range(3):
            _reset_after_request(d.port, "/articles/a1/", read=1024)
        sse = socket.create_connection(("127.0.0.1", d.port))
        sse.sendall(b"GET /__livereload HTTP/1.0\r\n\r\n")
        sse.recv(100)
        sse.close()  # a tab closing its stream
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and not (
                len(_gone(caplog)) >= 3 and d.server.broadcaster.streams == 0):
            time.sleep(0.05)
        response, _ = get(d.port, "/articles/a2/")
        assert response.status == 200
    gone = _gone(caplog)
    assert len(gone) >= 3
    assert all(r.levelno == logging.DEBUG and r.exc_info is None for r in gone)
    assert all("\n" not in r.getMessage() for r in gone)
    assert "GET /articles/a1/ HTTP/1.0" in gone[0].getMessage()
    assert "Traceback" not in capsys.readouterr().err
    assert not [r for r in caplog.records if r.exc_info or "Traceback" in r.getMessage()]


def _gone(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if "client went away" in r.getMessage()]


def test_a_stream_that_stops_reading_is_dropped(dev: Dev, monkeypatch: pytest.MonkeyPatch,
                                               caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG, logger="site_builder.serve")
    monkeypatch.setattr(streams_module, "MAX_PENDING", 64 * 1024)
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    sock.connect(("127.0.0.1", dev.port))
    try:
        sock.sendall(b"GET /__livereload HTTP/1.0\r\n\r\n")  # and never read a byte
        deadline = time.monotonic() + 10
        while dev.server.broadcaster.streams < 1 and time.monotonic() < deadline:
            time.sleep(0.02)
        # 20 kB events until the stream is dropped: past any socket buffer, then past
        # MAX_PENDING. Bounded by time, not by count: on a loaded machine the hub
        # thread may run behind the publishing, and it writes only the newest event.
        deadline, n = time.monotonic() + 30, 0
        while dev.server.broadcaster.streams and time.monotonic() < deadline:
            pages = [f"articles/{'x' * 80}-{n}-{i}/index.html" for i in range(200)]
            dev.server.broadcaster.publish(True, pages, [])
            n += 1
            if n % 50 == 0:
                time.sleep(0.02)  # let the hub thread write
        assert dev.server.broadcaster.streams == 0
        assert any("stopped reading" in r.getMessage() for r in caplog.records)
        response, _ = get(dev.port, "/articles/a1/")
        assert response.status == 200
    finally:
        sock.close()
