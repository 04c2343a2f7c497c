"""The dev server over real sockets, with a fake builder (fast, no spaCy).

Every server binds 127.0.0.1 on a free port; every loop and wait is bounded.
"""

from __future__ import annotations

import contextlib
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from site_builder.serve import DevServer, ServeError
from site_builder.serve import streams as streams_module
from site_builder.serve.reload import Broadcaster
from site_builder.serve.server import bind
from tests.test_serve_support import (
    FakeBuilder,
    SSEClient,
    article,
    get,
    make_fake_site,
    raw_get,
    save_atomically,
)


class Dev:
    def __init__(self, site: Path, builder: FakeBuilder, server: DevServer,
                 log: list[str]) -> None:
        self.site, self.builder, self.server, self.log = site, builder, server, log
        self.port = int(server.url.rsplit(":", 1)[1].strip("/"))


@contextlib.contextmanager
def running(site: Path, **builder_kwargs: object) -> Iterator[Dev]:
    builder = FakeBuilder(site, **builder_kwargs)  # type: ignore[arg-type]
    log: list[str] = []
    server = DevServer(builder, site, port=0, quiet=0.05, log=log.append)
    server.start()
    try:
        yield Dev(site, builder, server, log)
    finally:
        server.stop()


@pytest.fixture
def dev(tmp_path: Path) -> Iterator[Dev]:
    with running(make_fake_site(tmp_path)) as d:
        yield d


def test_serves_pages_with_the_script_injected_only_in_the_response(dev: Dev) -> None:
    response, body = get(dev.port, "/articles/a1/")
    assert response.status == 200
    assert response.getheader("Content-Type") == "text/html; charset=utf-8"
    assert response.getheader("Cache-Control") == "no-store"
    assert b"Article 1" in body
    assert b'<script src="/__livereload.js" data-build="' in body
    assert body.index(b"__livereload.js") < body.index(b"</body>")
    on_disk = (dev.builder.output_dir / "articles" / "a1" / "index.html").read_bytes()
    assert b"__livereload" not in on_disk
    response, js = get(dev.port, "/__livereload.js")
    assert response.status == 200 and b"EventSource" in js


def test_head_has_the_headers_and_no_body(dev: Dev) -> None:
    response, body = get(dev.port, "/articles/a1/", method="HEAD")
    full, full_body = get(dev.port, "/articles/a1/")
    assert response.status == 200 and body == b""
    assert response.getheader("Content-Length") == str(len(full_body))
    assert response.getheader("Content-Type") == full.getheader("Content-Type")
    status, raw = raw_get(dev.port, "/articles/a1/", method="HEAD")
    assert status == 200 and raw == b""


def test_missing_pages_get_404_with_the_site_404_page(dev: Dev) -> None:
    response, body = get(dev.port, "/articles/nope/")
    assert response.status == 404
    assert b"Page introuvable" in body and b"__livereload.js" in body


def test_directory_without_slash_redirects(dev: Dev) -> None:
    response, _ = get(dev.port, "/articles/a1?x=1")
    assert response.status == 301
    assert response.getheader("Location") == "/articles/a1/?x=1"


@pytest.mark.parametrize(("name", "expected"), [
    ("a.css", "text/css; charset=utf-8"), ("a.js", "text/javascript; charset=utf-8"),
    ("a.json", "application/json; charset=utf-8"), ("a.xml", "application/xml; charset=utf-8"),
    ("a.svg", "image/svg+xml; charset=utf-8"), ("a.png", "image/png"), ("a.jpg", "image/jpeg"),
    ("a.webp", "image/webp"), ("a.woff2", "font/woff2"),
    ("a.unknownext", "application/octet-stream"),
])
def test_content_types(dev: Dev, name: str, expected: str) -> None:
    (dev.builder.output_dir / "assets").mkdir(exist_ok=True)
    (dev.builder.output_dir / "assets" / name).write_bytes(b"data")
    response, body = get(dev.port, f"/assets/{name}")
    assert response.status == 200 and body == b"data"
    assert response.getheader("Content-Type") == expected


@pytest.mark.parametrize("target", [
    "/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/..%2fsecret.txt",
    "/%2e%2e%2fsecret.txt", "/articles/..%2f..%2fsecret.txt", "/..\\secret.txt",
    "/%5c..%5csecret.txt", "/secret.txt%00.html", "/leak.txt", "/leakdir/secret.txt",
])
def test_traversal_is_refused(dev: Dev, target: str) -> None:
    secret = dev.site.parent / "secret.txt"
    secret.write_text("TOP SECRET")
    (dev.site / "secret.txt").write_text("TOP SECRET")  # what /../ from output/ would reach
    leak = dev.builder.output_dir / "leak.txt"
    if not leak.is_symlink():
        leak.symlink_to(secret)
        (dev.builder.output_dir / "leakdir").symlink_to(dev.site.parent)
    status, body = raw_get(dev.port, target)
    assert status in (400, 404)
    assert b"TOP SECRET" not in body


def _written(event: dict) -> list[str]:
    return event["written"] or []


def test_save_pushes_an_event_and_the_new_page_is_served(dev: Dev) -> None:
    sse = SSEClient(dev.port)
    try:
        hello = sse.next_event()
        assert hello["ok"] and hello["written"] == [] and hello["problems"] == []
        save_atomically(dev.site / "content" / "a1.md", article("Article 1", "Nouveau texte."))
        event = sse.wait_for(lambda e: "articles/a1/index.html" in _written(e))
        assert "articles/a2/index.html" not in _written(event)
        _, body = get(dev.port, "/articles/a1/")
        assert b"Nouveau texte." in body
        assert f'data-build="{event["id"]}"'.encode() in body
    finally:
        sse.close()
    changed = dev.builder.calls[-1]
    assert changed is not None and (dev.site / "content" / "a1.md").resolve() in changed


def test_template_change_rebuilds_every_page(dev: Dev) -> None:
    sse = SSEClient(dev.port)
    try:
        sse.next_event()
        (dev.site / "templates").mkdir()
        (dev.site / "templates" / "page.html").write_text(
            "<html><body><h2>{title}</h2><div>{body}</div></body></html>\n")
        pages = {f"articles/a{i}/index.html" for i in (1, 2, 3)}
        sse.wait_for(lambda e: pages <= set(_written(e)))
        time.sleep(0.3)  # a later edit must reach the now-watched templates/
        (dev.site / "templates" / "page.html").write_text(
            "<html><body><h3>{title}</h3><div>{body}</div></body></html>\n")
        sse.wait_for(lambda e: pages <= set(_written(e)))
        _, body = get(dev.port, "/articles/a2/")
        assert b"<h3>Article 2</h3>" in body
    finally:
        sse.close()


def test_css_change_names_only_the_stylesheet(dev: Dev) -> None:
    (dev.site / "templates").mkdir()
    sse = SSEClient(dev.port)
    try:
        sse.next_event()
        time.sleep(0.3)
        (dev.site / "templates" / "style.css").write_text("body { color: red }\n")
        event = sse.wait_for(lambda e: "style.css" in _written(e))
        assert _written(event) == ["style.css"]
    finally:
        sse.close()


def test_broken_save_shows_problems_and_keeps_the_last_good_page(dev: Dev) -> None:
    sse = SSEClient(dev.port)
    try:
        sse.next_event()
        (dev.site / "content" / "a2.md").write_text("---\ntitle: <b>oops</b>\nno end\n")
        event = sse.wait_for(lambda e: not e["ok"])
        assert event["problems"][0]["path"] == "content/a2.md"
        assert event["problems"][0]["line"] == 1
        response, body = get(dev.port, "/articles/a2/")
        assert response.status == 200 and b"Texte 2." in body  # the last good page
        assert b"data-problems=\"[{&quot;path&quot;: &quot;content/a2.md&quot;" in body
        save_atomically(dev.site / "content" / "a2.md", article("Article 2", "Réparé."))
        event = sse.wait_for(lambda e: e["ok"])
        assert event["problems"] == [] and "articles/a2/index.html" in _written(event)
        _, body = get(dev.port, "/articles/a2/")
        assert "Réparé.".encode() in body and b'data-problems="[]"' in body
    finally:
        sse.close()


def test_reconnecting_client_gets_what_it_missed(dev: Dev) -> None:
    first = dev.server.broadcaster.current()
    assert first is not None
    save_atomically(dev.site / "content" / "a3.md", article("Article 3", "Modifié."))
    deadline = time.monotonic() + 10
    while dev.server.builds < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    for sse in (SSEClient(dev.port, f"/__livereload?since={first.id}"),
                SSEClient(dev.port, "/__livereload?since=stale",
                          headers={"Last-Event-ID": first.id})):
        try:
            event = sse.next_event()
            assert "articles/a3/index.html" in _written(event)
        finally:
            sse.close()
    sse = SSEClient(dev.port, "/__livereload?since=feedbeef-1")  # an older server's id
    try:
        assert sse.next_event()["written"] is None
    finally:
        sse.close()


def test_keep_alive_comments(dev: Dev, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(streams_module, "KEEPALIVE_SECONDS", 0.1)
    sse = SSEClient(dev.port)
    try:
        sse.next_event()
        with pytest.raises(TimeoutError):
            sse.next_event(timeout=0.5)
        assert ": keep-alive" in sse.comments
    finally:
        sse.close()


def test_a_closed_stream_frees_its_thread(dev: Dev) -> None:
    sse = SSEClient(dev.port)
    sse.next_event()
    assert dev.server.broadcaster.streams == 1
    sse.close()  # what a hidden tab does
    deadline = time.monotonic() + 5
    while dev.server.broadcaster.streams and time.monotonic() < deadline:
        time.sleep(0.05)
    assert dev.server.broadcaster.streams == 0


def test_editor_temp_files_do_not_rebuild(dev: Dev) -> None:
    calls = len(dev.builder.calls)
    content = dev.site / "content"
    for name in (".a1.md.swp", "a1.md~", "#a1.md#", ".#a1.md", "a1.md.tmp", "4913",
                 "a1.md___jb_tmp___", "a1.md.kate-swp"):
        (content / name).write_text("junk")
    time.sleep(0.6)
    assert len(dev.builder.calls) == calls


def test_a_burst_gives_one_rebuild(dev: Dev) -> None:
    calls = len(dev.builder.calls)
    for i in range(40):
        (dev.site / "content" / f"new{i}.md").write_text(article(f"N{i}", "x"))
    deadline = time.monotonic() + 10
    while dev.server.builds < 2 and time.monotonic() < deadline:
        time.sleep(0.02)
    time.sleep(0.5)
    assert len(dev.builder.calls) == calls + 1
    assert len(dev.builder.calls[-1] or []) == 40


def test_changes_during_a_build_give_exactly_one_more(tmp_path: Path) -> None:
    with running(make_fake_site(tmp_path), delay=0.6) as d:
        calls = len(d.builder.calls)
        (d.site / "content" / "a1.md").write_text(article("A", "1"))
        deadline = time.monotonic() + 10
        while len(d.builder.calls) == calls and time.monotonic() < deadline:
            time.sleep(0.01)
        for i in range(5):  # while the slow build runs
            (d.site / "content" / "a2.md").write_text(article("B", str(i)))
            time.sleep(0.05)
        (d.site / "content" / "a3.md").write_text(article("C", "3"))
        deadline = time.monotonic() + 10
        while d.server.builds < 3 and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(1.0)
        assert len(d.builder.calls) == calls + 2
        last = d.builder.calls[-1] or []
        assert {p.name for p in last} == {"a2.md", "a3.md"}


def test_concurrent_reads_during_rebuilds_get_whole_pages(tmp_path: Path) -> None:
    with running(make_fake_site(tmp_path), pad=300_000) as d:
        failures: list[str] = []
        stop = threading.Event()

        def reader() -> None:
            # At least 50 requests each, and on until several rebuilds overlapped them.
            deadline = time.monotonic() + 30
            for n in range(1000):
                if n >= 50 and (d.server.builds >= 5 or time.monotonic() > deadline):
                    break
                response, body = get(d.port, "/articles/a1/")
                if response.status != 200 or not body.rstrip().endswith(b"</html>"):
                    failures.append(f"{response.status} {body[-40:]!r}")

        def writer() -> None:
            i = 0
            while not stop.is_set() and i < 200:
                (d.site / "content" / "a1.md").write_text(article("Article 1", f"v{i}"))
                i += 1
                time.sleep(0.08)  # past the quiet period: each write is a rebuild

        threads = [threading.Thread(target=reader) for _ in range(8)]
        editor = threading.Thread(target=writer)
        editor.start()
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        stop.set()
        editor.join(timeout=10)
        assert not failures, failures[:3]
        assert d.server.builds >= 5  # the reads did overlap rebuilds


def test_builder_crash_becomes_an_error_event_and_serving_goes_on(dev: Dev) -> None:
    def explode() -> None:
        raise RuntimeError("kaboom")

    sse = SSEClient(dev.port)
    try:
        sse.next_event()
        dev.builder.before_write = explode
        (dev.site / "content" / "a1.md").write_text(article("A", "boom"))
        event = sse.wait_for(lambda e: not e["ok"])
        assert "kaboom" in event["problems"][0]["message"]
        response, _ = get(dev.port, "/articles/a1/")
        assert response.status == 200
        crash = [line for line in dev.log if "kaboom" in line]
        assert crash == ["internal error: RuntimeError: kaboom (rerun with --debug to see "
                         "the traceback)"]
        assert not any("Traceback" in line for line in dev.log)
    finally:
        sse.close()


def test_a_builder_crash_shows_its_traceback_under_debug(tmp_path: Path) -> None:
    builder = FakeBuilder(make_fake_site(tmp_path))
    log: list[str] = []
    server = DevServer(builder, builder.site_dir, port=0, quiet=0.05, log=log.append,
                       debug=True)

    def explode() -> None:
        raise RuntimeError("kaboom")

    server.start()
    try:
        builder.before_write = explode
        server._build(None)
    finally:
        server.stop()
    assert any(line.startswith("Traceback") and "kaboom" in line for line in log)


def test_the_server_log_escapes_names_for_the_terminal(capsys) -> None:
    from site_builder.serve.app import _log

    _log("Rebuilt content/\x1b[2Jx.md\nsecond line")
    assert capsys.readouterr().out == "Rebuilt content/\\x1b[2Jx.md\nsecond line\n"


def test_stop_ends_open_streams(tmp_path: Path) -> None:
    with running(make_fake_site(tmp_path)) as d:
        streams = [SSEClient(d.port) for _ in range(3)]
        for sse in streams:
            sse.next_event()
        assert d.server.broadcaster.streams == 3
        started = time.monotonic()
        d.server.stop()
        assert time.monotonic() - started < 5
        assert d.server.broadcaster.streams == 0
        for sse in streams:
            with pytest.raises((ConnectionError, OSError)):
                sse.next_event(timeout=2)
            sse.close()
        assert not any(t.name.startswith("serve-") for t in threading.enumerate())


def _listening(port: int = 0) -> socket.socket:
    sock = socket.socket()
    sock.bind(("127.0.0.1", port))
    sock.listen()
    return sock


def test_port_in_use_moves_to_the_next_free_one(tmp_path: Path) -> None:
    busy = _listening()
    try:
        port = busy.getsockname()[1]
        builder = FakeBuilder(make_fake_site(tmp_path))
        log: list[str] = []
        with DevServer(builder, tmp_path / "site", port=port, log=log.append) as server:
            assert not server.url.endswith(f":{port}/")
            assert any(f"Port {port} is in use" in m for m in log)
            response, _ = get(int(server.url.rsplit(":", 1)[1].strip("/")), "/")
            assert response.status == 200
    finally:
        busy.close()


def test_no_free_port_is_a_clear_error(tmp_path: Path) -> None:
    socks: list[socket.socket] = []
    try:
        for _ in range(20):  # find two adjacent ports we can occupy
            first = _listening()
            port = first.getsockname()[1]
            try:
                second = _listening(port + 1)
            except OSError:
                first.close()
                continue
            socks = [first, second]
            break
        if not socks:
            pytest.skip("could not find two adjacent free ports")
        with pytest.raises(ServeError, match="in use"):
            bind("127.0.0.1", port, lambda: tmp_path, Broadcaster(), attempts=2)
    finally:
        for s in socks:
            s.close()
