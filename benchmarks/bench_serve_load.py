"""`site-builder serve` under load: many clients, open SSE streams, an edit every 200 ms.

    python benchmarks/bench_serve_load.py                 # both scenarios, 20 s each
    python benchmarks/bench_serve_load.py --seconds 60 --clients 100

Generates a small site (corpus.py; blank NLP pipelines, so a rebuild is
quick and the load is on the server, not on spaCy), starts the real
command, `python -m site_builder serve SITE --port 0`, in its own process
(so the clients below do not share its interpreter lock), and runs two
scenarios against it on 127.0.0.1:

- pages: N client threads, each fetching pages of the site one after
  the other on a new connection each time (the server speaks HTTP/1.0),
  as fast as the server answers;
- pages + streams: the same, with S live-reload streams open on
  /__livereload all along, read by one thread of a third process (so
  reading them does not slow the clients' own process).

Meanwhile one thread appends a sentence to an article every 200 ms, so the
server rebuilds and pushes events to every stream throughout. A request
fails if it raises (refused, reset, timed out after 30 s) or answers other
than 200 with its whole body. Printed per scenario: requests, requests/s,
latency p50, p99 and max (connect to last byte), failures, rebuilds, and
the server process's CPU seconds per second (2.0 is two full cores), and
for the streams how many were still open at the end and the fewest build
events one of them received. Then, three times, 100 requests are released
at once (a burst, which a short listen backlog turns into dropped
connections and retries). Tracebacks printed by the server are counted.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import random
import re
import selectors
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.client import HTTPConnection
from multiprocessing.connection import Connection
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import touch_article, write_site

from site_builder.serve.client import EVENTS_URL

BLANK_SITE_TOML = 'title = "Load"\n[annotate.models]\nfr = "blank"\nen = "blank"\n'


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Server:
    """`site-builder serve` in a child process; its output drained by threads."""

    def __init__(self, site: Path) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "site_builder", "serve", str(site), "--port", "0"],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, bufsize=1)
        self.out: list[str] = []
        self.err: list[str] = []
        ready = threading.Event()
        found: dict[str, str] = {}

        def drain(stream: object, lines: list[str]) -> None:
            for line in stream:  # type: ignore[attr-defined]
                lines.append(line)
                if m := re.match(r"Serving (.+) at (http://\S+/)", line):
                    found.update(output=m.group(1), url=m.group(2))
                    ready.set()
            ready.set()  # the process ended: let the wait below see it

        for stream, lines in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=drain, args=(stream, lines), daemon=True).start()
        if not ready.wait(600) or not found:
            self.stop()
            raise SystemExit("the server did not start:\n" + "".join(self.out + self.err))
        self.output = Path(found["output"])
        self.port = int(found["url"].rsplit(":", 1)[1].strip("/"))

    def settle(self, site: Path) -> None:
        """One edit, and wait for its rebuild: the models load in the server
        after start-up, and that first rebuild is not what is measured."""
        before = self.rebuilds()
        touch_article(site, 0, "warm-up")
        deadline = time.monotonic() + 600
        while self.rebuilds() == before and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.0)

    def cpu_seconds(self) -> float:
        """CPU time the server process used so far (Linux /proc; NaN elsewhere)."""
        try:
            fields = Path(f"/proc/{self.proc.pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return float("nan")
        # utime and stime, fields 14 and 15 of stat(5), counted after the ")".
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def rebuilds(self) -> int:
        return sum(line.startswith("Rebuilt in") for line in list(self.out))

    def tracebacks(self) -> int:
        return sum("Traceback" in line for line in list(self.out) + list(self.err))

    def stop(self) -> None:
        self.proc.send_signal(signal.SIGTERM)  # serve exits cleanly on SIGTERM
        try:
            self.proc.wait(30)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def client(port: int, urls: list[str], stop: threading.Event, tally: Tally,
           rng: random.Random) -> None:
    while not stop.is_set():
        url = rng.choice(urls)
        t0 = time.perf_counter()
        conn = HTTPConnection("127.0.0.1", port, timeout=30)
        try:
            conn.request("GET", url)
            response = conn.getresponse()
            body = response.read()
            length = response.getheader("Content-Length")
            if response.status != 200 or length is None or len(body) != int(length):
                tally.failures.append(f"{url}: {response.status}, {len(body)}/{length} bytes")
            else:
                tally.latencies.append(time.perf_counter() - t0)
        except OSError as exc:  # refused, reset, timed out, incomplete read
            tally.failures.append(f"{url}: {exc!r}")
        finally:
            conn.close()


class Streams:
    """S open live-reload streams, all read by one thread."""

    def __init__(self, port: int, count: int) -> None:
        self.selector = selectors.DefaultSelector()
        self.events: dict[socket.socket, int] = {}
        self.closed = 0
        for _ in range(count):
            sock = socket.create_connection(("127.0.0.1", port), timeout=30)
            sock.sendall(f"GET {EVENTS_URL} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())
            sock.setblocking(False)
            self.selector.register(sock, selectors.EVENT_READ)
            self.events[sock] = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        while not self._stop.is_set():
            for key, _ in self.selector.select(timeout=0.2):
                sock: socket.socket = key.fileobj  # type: ignore[assignment]
                try:
                    data = sock.recv(65536)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""
                if not data:
                    self.selector.unregister(sock)
                    self.closed += 1
                    continue
                # An event is one `event: build` line; a chunk never splits
                # one on loopback, where each event is written in one send.
                self.events[sock] += data.count(b"\nevent: build\n")

    def close(self) -> tuple[int, int]:
        """(streams still open, fewest events any stream received)."""
        self._stop.set()
        self._thread.join()
        open_now = len(self.events) - self.closed
        fewest = min(self.events.values(), default=0)
        for sock in self.events:
            sock.close()
        self.selector.close()
        return open_now, fewest


def hold_streams(port: int, count: int, conn: Connection) -> None:
    """In a child process: open the streams, say so, read them until told to stop."""
    streams = Streams(port, count)
    conn.send("open")
    conn.recv()
    conn.send(streams.close())


class StreamsProcess:
    """`Streams` in a process of their own, started and stopped from here."""

    def __init__(self, port: int, count: int) -> None:
        context = multiprocessing.get_context("spawn")
        self._conn, child = context.Pipe()
        self._proc = context.Process(target=hold_streams, args=(port, count, child),
                                     daemon=True)
        self._proc.start()
        if not self._conn.poll(120):
            raise SystemExit(f"could not open {count} streams")
        self._conn.recv()

    def close(self) -> tuple[int, int]:
        self._conn.send("stop")
        result: tuple[int, int] = self._conn.recv()
        self._proc.join(10)
        return result


def scenario(name: str, server: Server, site: Path, urls: list[str], n_articles: int,
             clients: int, streams: int, seconds: float, edit_every: float,
             seed: int) -> None:
    sse = StreamsProcess(server.port, streams) if streams else None
    stop = threading.Event()
    tallies = [Tally() for _ in range(clients)]
    threads = [threading.Thread(target=client, daemon=True,
                                args=(server.port, urls, stop, t, random.Random(seed + i)))
               for i, t in enumerate(tallies)]

    def editor() -> None:
        k = 0
        while not stop.wait(edit_every):
            touch_article(site, k % n_articles, f"{name}-{k}")
            k += 1

    rebuilds = server.rebuilds()
    cpu = server.cpu_seconds()
    editing = threading.Thread(target=editor, daemon=True)
    started = time.perf_counter()
    editing.start()
    for t in threads:
        t.start()
    time.sleep(seconds)
    stop.set()
    for t in threads:
        t.join(60)
    elapsed = time.perf_counter() - started
    cpu = (server.cpu_seconds() - cpu) / elapsed
    editing.join(5)
    time.sleep(0.5)  # the last rebuild's line
    kept = "–"
    if sse is not None:
        open_now, fewest = sse.close()
        kept = f"{open_now}/{streams}, ≥{fewest} events"
    ms = [x * 1000 for t in tallies for x in t.latencies]
    failures = [f for t in tallies for f in t.failures]
    total = len(ms) + len(failures)
    print(f"| {name} | {clients} | {total} | {total / elapsed:.0f} | "
          f"{percentile(ms, .5):.1f} | {percentile(ms, .99):.1f} | {max(ms):.0f} | "
          f"{len(failures)} | {server.rebuilds() - rebuilds} | {cpu:.2f} | {kept} |", flush=True)
    for failure in failures[:5]:
        print(f"    failed: {failure}", file=sys.stderr)


def burst(server: Server, size: int, rounds: int = 3) -> None:
    """`size` GETs of the home page released at once, `rounds` times: the backlog's test."""
    latencies: list[float] = []
    failed = 0
    for _ in range(rounds):
        barrier = threading.Barrier(size)
        tally = Tally()

        def one(tally: Tally = tally, barrier: threading.Barrier = barrier) -> None:
            barrier.wait()
            t0 = time.perf_counter()
            conn = HTTPConnection("127.0.0.1", server.port, timeout=30)
            try:
                conn.request("GET", "/")
                conn.getresponse().read()
                tally.latencies.append(time.perf_counter() - t0)
            except OSError as exc:
                tally.failures.append(repr(exc))
            finally:
                conn.close()

        threads = [threading.Thread(target=one) for _ in range(size)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        latencies += tally.latencies
        failed += len(tally.failures)
        time.sleep(1.0)
    ms = [x * 1000 for x in latencies]
    print(f"# burst: {rounds} × {size} simultaneous GET /: p50 {percentile(ms, .5):.0f} ms, "
          f"max {max(ms, default=0):.0f} ms, failed {failed}", flush=True)


def page_urls(output: Path, rng: random.Random, count: int) -> list[str]:
    """`count` pages of the built site, the home page among them."""
    pages = sorted(p.relative_to(output).as_posix() for p in output.rglob("*.html")
                   if p.name != "404.html")
    urls = ["/" + p.removesuffix("index.html") for p in pages]
    styles = ["/" + p.relative_to(output).as_posix() for p in output.rglob("*.css")]
    picked = rng.sample(urls, min(count, len(urls)))
    return sorted(set(picked) | {"/"} | set(styles[:2]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=30, help="articles in the site (30)")
    parser.add_argument("--clients", type=int, default=50, help="client threads (50)")
    parser.add_argument("--streams", type=int, default=200,
                        help="open SSE streams in the second scenario (200)")
    parser.add_argument("--seconds", type=float, default=20.0, help="per scenario (20)")
    parser.add_argument("--edit-every", type=float, default=0.2, help="seconds (0.2)")
    parser.add_argument("--burst", type=int, default=100,
                        help="simultaneous requests in the burst at the end (100)")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}; {args.articles} articles, an edit every "
          f"{args.edit_every * 1000:.0f} ms, {args.seconds:.0f} s per scenario")
    with tempfile.TemporaryDirectory(prefix="bench-serve-load-") as tmp:
        site = write_site(Path(tmp), args.articles, seed=args.seed)
        (site / "site.toml").write_text(BLANK_SITE_TOML, encoding="utf-8")
        server = Server(site)
        try:
            urls = page_urls(server.output, rng, 40)
            server.settle(site)
            print("| scenario | clients | requests | req/s | p50 (ms) | p99 (ms) | max (ms) "
                  "| failed | rebuilds | server CPU (s/s) | SSE streams open at the end |")
            print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |")
            common = (server, site, urls, args.articles, args.clients)
            rest = (args.seconds, args.edit_every, args.seed)
            scenario("pages", *common, 0, *rest)
            scenario(f"pages + {args.streams} streams", *common, args.streams, *rest)
            burst(server, args.burst)
        finally:
            server.stop()
        print(f"# server tracebacks: {server.tracebacks()}")


if __name__ == "__main__":
    main()
