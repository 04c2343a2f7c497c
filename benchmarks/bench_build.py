"""Time a cold build and a no-change rebuild of generated sites, with peak memory.

    python benchmarks/bench_build.py 100 1000

Each build runs `site-builder build` in its own process, as an editor would,
so the figures include interpreter start-up and model loading.
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
from corpus import touch_article, write_site


def run_build(site: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one `site-builder build` process."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "site_builder", "build", "-q", str(site)])
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed for {site}")
    # ru_maxrss of the child itself (KiB on Linux), not of this process.
    return elapsed, usage.ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print("| articles | cold build (s) | peak RSS (MiB) | no-change rebuild (s) "
          "| peak RSS (MiB) | one-article edit (s) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            site = write_site(Path(tmp), n)
            cold, cold_rss = run_build(site)
            warm, warm_rss = run_build(site)
            touch_article(site, n // 2, "bench")
            edit, _ = run_build(site)
            print(f"| {n} | {cold:.2f} | {cold_rss:.0f} | {warm:.2f} | {warm_rss:.0f} "
                  f"| {edit:.2f} |", flush=True)


if __name__ == "__main__":
    main()
