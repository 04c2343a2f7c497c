"""The 1000-article corpus built three ways: the process pool, and Dask clusters here.

    .venv/bin/python benchmarks/bench_distributed.py [ARTICLES] [--batch-size 64]

1. `pool`: a cold `site-builder build`, the NLP stage in its own process
   pool (one worker per core);
2. `cluster-2`: the same build with `--scheduler`, on a `LocalCluster` of
   2 worker processes (1 thread each) on this machine;
3. `cluster-1`: the same on a 1-worker cluster.

Each build runs in a fresh interpreter, from an empty cache. Reported per
setup: the annotating phase's wall time and throughput (articles/s), with
and without the workers' model loading; then, from the cluster's own report
(`cluster.ClusterReport`): batches, overhead per batch (worker time not spent
analysing, per batch), bytes sent and received per article. Then what a
projection to many workers needs: the scheduler's rate on trivial tasks,
the cost of writing one cache entry, and the phases after NLP (linking,
attribution, rendering), which stay on one machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_site

ROOT = Path(__file__).resolve().parents[1]


def one_build(site: Path, address: str) -> dict[str, Any]:
    """Run in the child: one cold build, timed phase by phase; a JSON-able summary."""
    from site_builder.annotate import cluster
    from site_builder.build import Builder

    marks: dict[str, float] = {}

    def progress(phase: str, done: int, total: int) -> None:
        marks.setdefault(phase, time.perf_counter())

    cluster.use_scheduler(address)
    started = time.perf_counter()
    result = Builder(site, progress=progress).build()
    ended = time.perf_counter()
    assert result.ok, result.problems
    order = sorted(marks.items(), key=lambda kv: kv[1])
    phases = {name: (order[n + 1][1] if n + 1 < len(order) else ended) - at
              for n, (name, at) in enumerate(order)}
    report = cluster.last_report()
    return {"wall": ended - started, "phases": phases, "analysed": result.analysed,
            "report": None if report is None or not address else {
                "workers": len(report.workers), "batches": report.batches,
                "articles": report.articles, "bytes_sent": report.bytes_sent,
                "bytes_received": report.bytes_received, "load": report.load_seconds,
                "tasks": report.task_seconds, "stream": report.stream_seconds}}


def run_child(site: Path, address: str) -> dict[str, Any]:
    for folder in (site / ".cache", site / "output"):
        shutil.rmtree(folder, ignore_errors=True)
    done = subprocess.run([sys.executable, __file__, "--one", str(site), address],
                          capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"build failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def _noop(x: int) -> int:
    return x


def scheduler_rate(client: Any, tasks: int = 4000) -> float:
    """Trivial tasks the scheduler dispatches a second, on this machine."""
    from distributed import wait

    client.submit(_noop, -1, pure=False).result()  # connections are up
    started = time.perf_counter()
    wait(client.map(_noop, range(tasks), pure=False))
    return tasks / (time.perf_counter() - started)


def cache_write_cost(site: Path) -> float:
    """Seconds to decode, encode and atomically write one cache entry (as the stage stores)."""
    entries = sorted((site / ".cache/site-builder/annotations/annotate").glob("*.json"))
    target = Path(tempfile.mkdtemp(prefix="bench-cache-"))
    started = time.perf_counter()
    for entry in entries:
        data = json.dumps(json.loads(entry.read_text(encoding="utf-8")), ensure_ascii=False,
                          separators=(",", ":"))
        fd, tmp = tempfile.mkstemp(dir=target, prefix=".tmp-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(data)
        os.replace(tmp, target / entry.name)
    seconds = (time.perf_counter() - started) / max(1, len(entries))
    shutil.rmtree(target)
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("articles", nargs="?", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    from distributed import Client, LocalCluster

    root = Path(tempfile.mkdtemp(prefix="bench-distributed-"))
    site = write_site(root / "site", args.articles)
    (site / "site.toml").write_text(f"[annotate]\nbatch_size = {args.batch_size}\n",
                                    encoding="utf-8")
    results: dict[str, dict[str, Any]] = {"pool": run_child(site, "")}
    write_cost = cache_write_cost(site)
    rate = 0.0
    for workers in (2, 1):
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None) as local, \
                Client(local) as client:
            results[f"cluster-{workers}"] = run_child(site, local.scheduler_address)
            if workers == 2:
                rate = scheduler_rate(client)
    shutil.rmtree(root)

    print(f"{args.articles} articles, batch_size {args.batch_size}; {platform.node()}, "
          f"{os.cpu_count()} cores, Python {platform.python_version()}")
    print("| setup | annotating (s) | articles/s | models loading (s) | articles/s "
          "without it | whole build (s) |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for name, r in results.items():
        annotating = r["phases"].get("annotating", 0.0)
        # The pool's parent loads the models before forking, inside the phase,
        # and says nothing of how long: only the clusters' loading is known.
        load = f"{r['report']['load']:.1f}" if r["report"] else "n/a"
        net = (f"{args.articles / (annotating - r['report']['load']):.1f}"
               if r["report"] else "n/a")
        print(f"| {name} | {annotating:.1f} | {args.articles / annotating:.1f} | "
              f"{load} | {net} | {r['wall']:.1f} |")
    print()
    print("| setup | batches | overhead per batch (ms) | sent per article (KB) | "
          "received per article (KB) |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, r in results.items():
        rep = r["report"]
        if rep is None:
            continue
        # Worker time not spent analysing: queueing, transfer, (un)pickling, the client.
        idle = rep["stream"] * rep["workers"] - rep["tasks"]
        print(f"| {name} | {rep['batches']} | {1000 * idle / rep['batches']:.0f} | "
              f"{rep['bytes_sent'] / rep['articles'] / 1024:.2f} | "
              f"{rep['bytes_received'] / rep['articles'] / 1024:.2f} |")
    print()
    pool = results["pool"]["phases"]
    after = {k: v for k, v in pool.items() if k not in ("loading", "annotating")}
    print(f"scheduler, trivial tasks: {rate:.0f} tasks/s; one cache entry written: "
          f"{1000 * write_cost:.2f} ms")
    print("after NLP, on one machine (pool build): " + ", ".join(
        f"{k} {v:.1f} s" for k, v in after.items()))
    print(json.dumps({"results": results, "scheduler_rate": rate,
                      "cache_write_seconds": write_cost}))


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "--one":
        print(json.dumps(one_build(Path(sys.argv[2]),
                                   sys.argv[3] if len(sys.argv) > 3 else "")))
    else:
        main()
