"""Edit-to-reload latency of `site-builder serve` on generated sites.

    python benchmarks/bench_serve.py            # 100 and 1000 articles, 20 edits each
    python benchmarks/bench_serve.py 1000 --edits 50
    python benchmarks/bench_serve.py 10000 --edits 20 --keep /tmp/bench-serve

For each size: generate a site of varied French wire copy (corpus.py) in a
temporary directory, start the real dev server in this process on a free
port of 127.0.0.1 (this measures the cold build), connect an SSE client over
a raw socket, then K times append a sentence to one article and time how long
until the reload event naming that article's page reaches the client. That
span is what an editor waits for: watcher, debounce, incremental build, and
the push. The builder's own time for the whole rebuild is printed beside
it; since the edited article is pushed before the actor and listing pages
are rendered, the latency can be shorter than that. "Serve overhead" is
latency minus builder time (negative when the push came first).

`--keep DIR` writes each site into DIR/<size> and keeps it, with its
caches: a second run on the same size (another version of the code, say)
skips the NLP of the cold build. The edits append to the kept articles.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import re
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import touch_article, write_site

from site_builder.build import Builder
from site_builder.serve import DevServer
from site_builder.slugs import slugify


class Events:
    """Reads `build` events off /__livereload with a plain socket."""

    def __init__(self, port: int) -> None:
        self.sock = socket.create_connection(("127.0.0.1", port), timeout=120)
        self.sock.sendall(b"GET /__livereload HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        self.reader = self.sock.makefile("rb")
        while self.reader.readline() not in (b"\r\n", b""):
            pass

    def next(self) -> dict:
        fields: dict[str, str] = {}
        while True:
            line = self.reader.readline()
            if not line:
                raise ConnectionError("stream closed")
            text = line.decode().rstrip("\r\n")
            if text.startswith(":"):
                continue
            if text:
                name, _, value = text.partition(": ")
                fields[name] = value
            elif fields.get("event") == "build":
                return json.loads(fields["data"])
            else:
                fields = {}

    def close(self) -> None:
        self.reader.close()
        self.sock.close()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def run(n: int, edits: int, seed: int, keep: Path | None = None) -> None:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bench-serve-") as tmp:
        site = keep / str(n) if keep is not None else Path(tmp)
        if not (site / "content").is_dir():
            write_site(site, n, seed=seed)
        log: list[str] = []
        builder = Builder(site, dev=True, use_cache=True)
        server = DevServer(builder, site, port=0, log=log.append)
        started = time.perf_counter()
        first = server.start()
        cold = time.perf_counter() - started
        if not first.ok:
            raise SystemExit(f"cold build failed: {first.problems[:3]}")
        port = int(server.url.rsplit(":", 1)[1].strip("/"))
        events = Events(port)
        latencies: list[float] = []
        overheads: list[float] = []
        builds: list[float] = []
        try:
            events.next()  # the state on connect
            # The first edit after start-up also loads the spaCy models into
            # this process (the cold build may have used worker processes):
            # reported on its own, not mixed into the steady-state figures.
            first_edit, _ = edit_once(site, events, log, rng.randrange(n), "warm-up")
            for k in range(edits):
                latency, build = edit_once(site, events, log, rng.randrange(n), f"bench-{k}")
                latencies.append(latency)
                builds.append(build)
                overheads.append(latency - build)
        finally:
            events.close()
            server.stop()
            # The preview's search index runs in the background: let it end before
            # the temporary site is deleted under it.
            if builder.search_index is not None:
                builder.search_index.wait(60)
        ms = [x * 1000 for x in latencies]
        over = [x * 1000 for x in overheads]
        print(f"| {n} | {cold:.1f} | {first_edit:.1f} | {edits} | {percentile(ms, .5):.0f} | "
              f"{percentile(ms, .95):.0f} | {max(ms):.0f} | "
              f"{statistics.median(builds) * 1000:.0f} | "
              f"{percentile(over, .5):.0f} / {percentile(over, .95):.0f} |", flush=True)


def edit_once(site: Path, events: Events, log: list[str], index: int,
              marker: str) -> tuple[float, float]:
    """Edit one article; (seconds until its page's event arrived, builder seconds)."""
    page = f"articles/{slugify(f'depeche-{index:05d}')}/index.html"
    log.clear()
    t0 = time.perf_counter()
    touch_article(site, index, marker)
    while True:
        event = events.next()
        if not event["ok"]:
            raise SystemExit(f"rebuild failed: {event['problems'][:3]}")
        if page in (event["written"] or []):
            break
    latency = time.perf_counter() - t0
    # The page's event can come before the build ends (the edited article is
    # pushed ahead of the actor and listing pages): wait for the build's log.
    deadline = time.perf_counter() + 30
    while time.perf_counter() < deadline:
        build = sum(float(m.group(1)) for line in list(log)
                    if (m := re.match(r"Rebuilt in ([\d.]+) s", line)))
        if build:
            break
        time.sleep(0.01)
    time.sleep(0.2)  # let the debouncer settle: one edit, one build
    return latency, build


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--edits", type=int, default=20, help="edits per site (20)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, default=None, metavar="DIR",
                        help="keep each site, and its caches, in DIR/<size> for the next run")
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print("| articles | cold build (s) | first edit (s) | edits | edit→event p50 (ms) "
          "| p95 (ms) | max (ms) | builder p50 (ms) | serve overhead p50 / p95 (ms) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        run(n, args.edits, args.seed, args.keep)


if __name__ == "__main__":
    main()
