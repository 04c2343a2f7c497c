"""Time the attribute stage on one article of growing length: it must stay linear.

    python benchmarks/bench_attribute.py 100 400 1600

Each size is one generated wire article of that many paragraphs, annotated
once with the real models (not timed), then attributed (timed, best of 3).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import sys
import time
from pathlib import Path, PurePosixPath

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from corpus import paragraph

from site_builder.annotate import annotate_articles
from site_builder.attribute import attribute
from site_builder.config import AnnotateConfig
from site_builder.content.blocks import extract_blocks
from site_builder.content.markdown import parse
from site_builder.model import Article


def long_article(n: int) -> Article:
    rng = random.Random(n)
    body = "\n\n".join(paragraph(rng) for _ in range(n))
    return Article(path=PurePosixPath(f"long-{n}.md"), slug=f"long-{n}", title="Long",
                   date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), lang="fr", body=body,
                   body_line=1, blocks=extract_blocks(parse(body)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 400, 1600])
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    print("| paragraphs | sentences | parsed | quotes | figures | attribute (s) "
          "| ms per 100 sentences |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    config = AnnotateConfig(processes=1)
    for n in args.sizes:
        [ann], _ = annotate_articles([long_article(n)], config, None)
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            attribute(ann, ann.figures, ann.quotes, {}, tentative=ann.tentative)
            best = min(best, time.perf_counter() - start)
        per = 100 * 1000 * best / max(len(ann.sentences), 1)
        print(f"| {n} | {len(ann.sentences)} | {len(ann.parses)} | {len(ann.quotes)} "
              f"| {len(ann.figures)} | {best:.3f} | {per:.1f} |", flush=True)


if __name__ == "__main__":
    main()
