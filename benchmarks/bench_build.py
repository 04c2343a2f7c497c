"""Time the builds an editor runs on generated sites, with peak memory and CPU.

    python benchmarks/bench_build.py 100 1000

For each size: a cold build (empty caches), a no-change rebuild, a rebuild
after one article is edited, and one after a template changes (every page
rendered again, no NLP). Each build runs `site-builder build` in its own
process, as an editor would, so the figures include interpreter start-up
and model loading. CPU is the build's and its worker processes'.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import touch_article, write_site

from site_builder.render.environment import theme_dir


def run_build(site: Path) -> tuple[float, float, float]:
    """Wall seconds, peak RSS (MiB) and CPU seconds of one `site-builder build` process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "site_builder", "build", "-q", str(site)])
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed for {site}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Children's CPU includes the build's own worker processes once they are reaped.
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    # ru_maxrss of the child itself (KiB on Linux), not of this process.
    return elapsed, usage.ru_maxrss / 1024, cpu


def change_template(site: Path) -> None:
    """Override the base template, as a designer would: every page changes, no text does."""
    templates = site / "templates"
    templates.mkdir(exist_ok=True)
    base = (theme_dir() / "base.html").read_text(encoding="utf-8")
    (templates / "base.html").write_text(base.replace("</body>", "<!-- v2 --></body>"),
                                         encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print("| articles | cold build (s) | cold CPU (s) | peak RSS (MiB) | no-change (s) "
          "| one-article edit (s) | edit RSS (MiB) | template change (s) |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            site = write_site(Path(tmp), n)
            cold, cold_rss, cold_cpu = run_build(site)
            warm, _, _ = run_build(site)
            touch_article(site, n // 2, "bench")
            edit, edit_rss, _ = run_build(site)
            change_template(site)
            template, _, _ = run_build(site)
            print(f"| {n} | {cold:.2f} | {cold_cpu:.1f} | {cold_rss:.0f} | {warm:.2f} "
                  f"| {edit:.2f} | {edit_rss:.0f} | {template:.2f} |", flush=True)


if __name__ == "__main__":
    main()
