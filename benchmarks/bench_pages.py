"""How big the site gets: the largest pages, the total output, per corpus size.

    python benchmarks/bench_pages.py 1000 10000 [--models blank|real]

For each size, a generated site (`corpus.write_site`) is built cold in its
own `site-builder build` process (`--models real`, the default, runs the
site's spaCy models: actors and figures need them). Printed: the build's
wall time, the output's file count and size (the search bundle apart), the
largest HTML page and how many pages pass 300 KB.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import write_site

from site_builder.search import BUNDLE

BLANK = '[annotate.models]\nfr = "blank"\nen = "blank"\n'
LIMIT = 300 * 1024


def measure(n: int, models: str) -> str:
    with tempfile.TemporaryDirectory() as tmp:
        site = write_site(Path(tmp) / "site", n)
        (site / "site.toml").write_text(BLANK if models == "blank" else "", encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "site_builder", "build", "-q", str(site)],
                       check=True)
        wall = time.perf_counter() - start
        output = site / "output"
        sizes = {p.relative_to(output).as_posix(): p.stat().st_size
                 for p in output.rglob("*") if p.is_file()
                 and p.relative_to(output).parts[0] != BUNDLE}
        pages = {rel: size for rel, size in sizes.items() if rel.endswith(".html")}
        largest = max(pages, key=lambda rel: pages[rel])
        over = sum(1 for size in pages.values() if size > LIMIT)
        return (f"| {n} | {wall:.1f} s | {len(sizes)} | {sum(sizes.values()) / 1e6:.1f} MB "
                f"| {largest} ({pages[largest] / 1024:.0f} KB) | {over} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    parser.add_argument("--models", choices=("blank", "real"), default="real")
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, models: {args.models}")
    print("| articles | cold build | files | output | largest page | pages > 300 KB |")
    print("| ---: | ---: | ---: | ---: | --- | ---: |")
    for n in args.sizes:
        print(measure(n, args.models), flush=True)


if __name__ == "__main__":
    main()
