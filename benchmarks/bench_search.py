"""What the search index costs: Pagefind's time and the bundle's size, per corpus size.

    python benchmarks/bench_search.py 1000 [--models blank|real] [--runs 3]

For each size, a generated site (`corpus.write_site`) is built once
(`--models blank`, the default, skips NLP, which does not change the pages'
words), then `search.index_tree(output, elsewhere)` is timed `--runs`
times: the time every build that changes a page adds. The bundle's size is
its files' apparent size, next to the whole output's.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_site

from site_builder.build import Builder
from site_builder.search import BUNDLE, index_tree

BLANK = '[annotate.models]\nfr = "blank"\nen = "blank"\n'


def size(root: Path, skip: str | None = None) -> tuple[int, int]:
    """Apparent bytes and number of files under `root` (leaving out `root/skip`)."""
    total = files = 0
    for path in root.rglob("*"):
        if path.is_file() and not (skip and path.relative_to(root).parts[0] == skip):
            total += path.stat().st_size
            files += 1
    return total, files


def measure(n: int, models: str, runs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        site = write_site(Path(tmp) / "site", n)
        (site / "site.toml").write_text(BLANK if models == "blank" else "", encoding="utf-8")
        result = Builder(site).build()
        if not result.ok:
            raise SystemExit(f"build failed: {result.problems[:3]}")
        output = site / "output"
        pages = sum(1 for _ in output.rglob("*.html"))
        times = []
        for run in range(runs):
            into = Path(tmp) / f"index-{run}"
            into.mkdir()
            start = time.perf_counter()
            index_tree(output, into)
            times.append(time.perf_counter() - start)
        bundle, bundle_files = size(Path(tmp) / "index-0" / BUNDLE)
        whole, _ = size(output, skip=BUNDLE)
        return {"pages": pages, "median": statistics.median(times), "min": min(times),
                "max": max(times), "bundle": bundle, "files": bundle_files, "output": whole}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--models", choices=("blank", "real"), default="blank")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, models: {args.models}")
    print("| articles | HTML pages | index time, median (min–max) | bundle | bundle files "
          "| output without bundle |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        m = measure(n, args.models, args.runs)
        print(f"| {n} | {m['pages']:.0f} | {m['median']:.2f} s ({m['min']:.2f}–{m['max']:.2f}) "
              f"| {m['bundle'] / 1e6:.1f} MB | {m['files']:.0f} | {m['output'] / 1e6:.1f} MB |",
              flush=True)


if __name__ == "__main__":
    main()
