"""How the cost of one article grows with its length: per-entity cost, one paragraph.

    python benchmarks/bench_growth.py 35000 140000 560000

For each size, one article whose body is a single paragraph of that many
characters of generated wire copy (corpus.py) is built from scratch
(`site-builder build --no-cache`, its own process). The table gives the
entities found, the wall time, the time per 1000 entities beyond a
one-sentence article's (interpreter start-up and model loading), and peak
RSS. Linear growth shows as a flat "ms per 1000 entities" column.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import paragraph


def one_paragraph_site(root: Path, chars: int, seed: int = 3) -> Path:
    rng = random.Random(seed)
    parts: list[str] = []
    length = 0
    while length < chars:
        parts.append(paragraph(rng))
        length += len(parts[-1]) + 1
    content = root / "content"
    content.mkdir(parents=True)
    (content / "long.md").write_text(
        "---\ntitle: Long\ndate: 2026-01-01\n---\n\n" + " ".join(parts) + "\n", encoding="utf-8")
    return root


def build(site: Path) -> tuple[float, float, int]:
    """Wall seconds, peak RSS (MiB), entities found."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "site_builder", "build", "-q", "--no-cache",
                             str(site)])
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed for {site}")
    data = json.loads((site / "output/api/articles/long.json").read_text(encoding="utf-8"))
    return wall, usage.ru_maxrss / 1024, len(data["entities"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("sizes", nargs="*", type=int, default=[35_000, 140_000, 560_000])
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        base, _, _ = build(one_paragraph_site(Path(tmp) / "base", 100))
        print(f"# one-sentence article: {base:.2f} s (start-up and model loading)")
        print("| characters | entities | wall (s) | ms per 1000 entities | peak RSS (MiB) |")
        print("| ---: | ---: | ---: | ---: | ---: |")
        for chars in args.sizes:
            wall, rss, entities = build(one_paragraph_site(Path(tmp) / str(chars), chars))
            per = (wall - base) / max(entities, 1) * 1e6
            print(f"| {chars} | {entities} | {wall:.2f} | {per:.0f} | {rss:.0f} |", flush=True)


if __name__ == "__main__":
    main()
