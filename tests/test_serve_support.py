"""Helpers for the serve tests: a fake builder, an SSE client, raw HTTP.

The fake has the shape of site_builder.build.Builder (the tests of the
server's mechanics should not wait for spaCy); the end-to-end tests use the
real one. This module holds no tests itself.
"""

from __future__ import annotations

import hashlib
import html
import json
import os
import socket
import tempfile
import time
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from http.client import HTTPConnection, HTTPResponse
from pathlib import Path
from typing import Any

from site_builder.errors import Problem

DEFAULT_TEMPLATE = (
    "<!doctype html><html><head><meta charset=\"utf-8\"><title>{title}</title>"
    "<link rel=\"stylesheet\" href=\"/style.css\"></head>"
    "<body><main><h1>{title}</h1><p>{body}</p>{pad}</main></body></html>\n"
)


@dataclass
class FakeResult:
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    written: list[str] = field(default_factory=list)
    duration: float = 0.0
    removed: list[str] = field(default_factory=list)


class FakeBuilder:
    """Renders content/*.md ("---\\ntitle: T\\n---\\nbody") through templates/page.html."""

    def __init__(self, site_dir: Path, output_dir: Path | None = None, *, dev: bool = False,
                 use_cache: bool = True, delay: float = 0.0, pad: int = 0) -> None:
        self.site_dir = site_dir.resolve()
        self.output_dir = (output_dir or self.site_dir / "output").absolute()
        self.delay = delay
        self.pad = pad  # bytes of filler per page: big pages make torn reads visible
        self.calls: list[list[Path] | None] = []
        self._digests: dict[str, str] = {}
        self.before_write: Callable[[], None] | None = None

    def build(self, changed: Collection[Path] | None = None) -> FakeResult:
        start = time.perf_counter()
        self.calls.append(None if changed is None else sorted(changed))
        if self.delay:
            time.sleep(self.delay)
        problems: list[Problem] = []
        template_path = self.site_dir / "templates" / "page.html"
        template = (template_path.read_text("utf-8") if template_path.exists()
                    else DEFAULT_TEMPLATE)
        if "{%" in template and "%}" not in template:
            line = template[: template.index("{%")].count("\n") + 1
            problems.append(Problem("templates/page.html", line,
                                    "template syntax error: unclosed tag"))
        outputs: dict[str, bytes] = {}
        titles: list[str] = []
        content = self.site_dir / "content"
        for md in sorted(content.rglob("*.md")) if content.is_dir() else []:
            rel = md.relative_to(self.site_dir).as_posix()
            text = md.read_text("utf-8")
            head, sep, body = text.removeprefix("---\n").partition("\n---\n")
            if not text.startswith("---\n") or not sep:
                problems.append(Problem(rel, 1, "front matter is not closed by ---",
                                        "add a line with --- after the front matter"))
                continue
            meta = {k.strip(): v.strip() for k, v in
                    (line.split(":", 1) for line in head.splitlines() if ":" in line)}
            if any(v.startswith("[") and not v.endswith("]") for v in meta.values()):
                problems.append(Problem(rel, 2, "invalid YAML: unclosed [",
                                        "close the list with ]"))
                continue
            title = meta.get("title", md.stem).strip('"')
            titles.append(title)
            if not problems:
                page = template.replace("{title}", html.escape(title))
                page = page.replace("{body}", html.escape(body.strip()))
                page = page.replace("{pad}", f"<!-- {'x' * self.pad} -->" if self.pad else "")
                outputs[f"articles/{meta.get('slug', md.stem)}/index.html"] = page.encode()
        if problems:
            return FakeResult(False, problems, [], time.perf_counter() - start)
        items = "".join(f"<li>{html.escape(t)}</li>" for t in titles)
        outputs["index.html"] = (f"<!doctype html><html><head><title>Index</title></head>"
                                 f"<body><ul>{items}</ul></body></html>\n").encode()
        outputs["404.html"] = (b"<!doctype html><html><head><title>Missing</title></head>"
                               b"<body><h1>Page introuvable</h1></body></html>\n")
        css = self.site_dir / "templates" / "style.css"
        outputs["style.css"] = css.read_bytes() if css.exists() else b"body { color: #111 }\n"
        if self.before_write is not None:
            self.before_write()
        written = self._write(outputs)
        removed = sorted(set(self._digests) - set(outputs))
        for rel in removed:
            (self.output_dir / rel).unlink(missing_ok=True)
        self._digests = {rel: hashlib.sha256(d).hexdigest() for rel, d in outputs.items()}
        return FakeResult(True, [], written, time.perf_counter() - start, removed)

    def _write(self, outputs: dict[str, bytes]) -> list[str]:
        written = []
        for rel, data in sorted(outputs.items()):
            if self._digests.get(rel) == hashlib.sha256(data).hexdigest():
                continue
            target = self.output_dir / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, target)
            written.append(rel)
        return written


def article(title: str, body: str) -> str:
    return f"---\ntitle: {title}\n---\n{body}\n"


def make_fake_site(root: Path, n: int = 3) -> Path:
    site = root / "site"
    (site / "content").mkdir(parents=True)
    for i in range(1, n + 1):
        (site / "content" / f"a{i}.md").write_text(article(f"Article {i}", f"Texte {i}."),
                                                    encoding="utf-8")
    return site


# ------------------------------------------------------------------ HTTP clients


def raw_get(port: int, target: str, method: str = "GET", timeout: float = 5.0) -> tuple[int, bytes]:
    """Send `target` byte for byte (no client-side normalisation); (status, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(f"{method} {target} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode("latin-1"))
        chunks = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            chunk = sock.recv(65536)
            if not chunk:
                break
            chunks.append(chunk)
    data = b"".join(chunks)
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    return status, body


def get(port: int, path: str, method: str = "GET",
        headers: dict[str, str] | None = None) -> tuple[HTTPResponse, bytes]:
    conn = HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request(method, path, headers=headers or {})
        response = conn.getresponse()
        return response, response.read()
    finally:
        conn.close()


class SSEClient:
    """A minimal EventSource over a raw socket: reads `event:`/`data:`/`id:` records."""

    def __init__(self, port: int, path: str = "/__livereload",
                 headers: dict[str, str] | None = None) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        extra = "".join(f"{k}: {v}\r\n" for k, v in (headers or {}).items())
        self.sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n{extra}\r\n".encode())
        self.reader = self.sock.makefile("rb")
        status = self.reader.readline()
        assert b" 200 " in status, status
        while self.reader.readline() not in (b"\r\n", b"\n", b""):
            pass  # headers
        self.comments: list[str] = []

    def next_event(self, timeout: float = 10.0) -> dict[str, Any]:
        """The next `build` event's data, skipping comments and retry lines."""
        self.sock.settimeout(timeout)
        fields: dict[str, str] = {}
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            line = self.reader.readline()
            if not line:
                raise ConnectionError("stream closed")
            text = line.decode("utf-8").rstrip("\r\n")
            if text.startswith(":"):
                self.comments.append(text)
            elif text:
                name, _, value = text.partition(":")
                fields[name] = value.removeprefix(" ")
            elif fields.get("event") == "build":
                data: dict[str, Any] = json.loads(fields["data"])
                assert data["id"] == fields["id"]
                return data
            else:
                fields = {}
        raise TimeoutError("no event in time")

    def wait_for(self, predicate: Callable[[dict[str, Any]], bool],
                 timeout: float = 20.0) -> dict[str, Any]:
        """The first event satisfying `predicate` within `timeout` seconds."""
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            event = self.next_event(timeout=left)
            if predicate(event):
                return event
        raise TimeoutError("no matching event in time")

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


def save_atomically(path: Path, text: str) -> None:
    """Save like vim/JetBrains: write a temp file beside it, rename over the original."""
    tmp = path.with_name(path.name + "___jb_tmp___")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
