"""Time hostile article bodies through the parser, the renderer and a whole build.

    python benchmarks/bench_slow_markdown.py          # 50,000 characters a case
    python benchmarks/bench_slow_markdown.py 10000 --case brackets --case mixed

Each case is one article whose body is a run of characters that some stage
once handled in time quadratic in its length (50k `[` took minutes in
spaCy's tokenizer), or nesting deeper than markdown-it's `maxNesting`.
For each: the Markdown parse with block text extraction (the load stage),
the body render (parse, annotate rule, sanitize) and a cold build of a
one-article site with blank spaCy pipelines (tokenizer only, so the
figures are the pipeline's fixed costs, not a model's). One warm-up build
first loads spaCy, so no case pays for the imports.
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from site_builder.build import Builder
from site_builder.content.blocks import extract_blocks
from site_builder.content.markdown import parse
from site_builder.render.context import BodyContext
from site_builder.render.markdown import render_body
from tests.conftest import BLANK_SITE_TOML
from tests.test_render_support import make_article


def cases(n: int) -> dict[str, str]:
    return {
        "brackets [": "[" * n,
        "stars *": "*" * n,
        "angles <": "<" * n,
        "all three, one paragraph each": "\n\n".join(c * n for c in "[*<"),
        "mixed [*<": "[*<" * (n // 3),
        "elisions l'": "l'" * (n // 2),
        "images ![": "![" * (n // 2),
        "links [a](": "[a](" * (n // 4),
        "emphasis *a": "*a" * (n // 2),
        "3000-deep blockquote": ">" * 3000 + " fond\n\nfin",
        "3000-deep list": "- " * 3000 + "fond\n\nfin",
        "raw <script> x1000": "mot <script>x</script> " * 1000,
    }


def timed(step: Callable[[], object]) -> float:
    start = time.perf_counter()
    step()
    return time.perf_counter() - start


def build(root: Path, name: str, body: str) -> None:
    site = root / name
    (site / "content").mkdir(parents=True)
    (site / "site.toml").write_text(BLANK_SITE_TOML, encoding="utf-8")
    (site / "content" / "a.md").write_text(
        f"---\ntitle: Cas\ndate: 2026-03-01\n---\n\nTexte avant.\n\n{body}\n\nTexte après.\n",
        encoding="utf-8")
    result = Builder(site).build()
    if not result.ok:
        raise SystemExit(f"{name}: build failed: {result.problems}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=50_000)
    parser.add_argument("--case", action="append", default=[],
                        help="only the cases whose name contains this (repeatable)")
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}, n = {args.n}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        build(root, "warm-up", "Texte.")
        print(f"{'case':32} {'load s':>8} {'render s':>9} {'build s':>8}")
        for number, (name, body) in enumerate(cases(args.n).items()):
            if args.case and not any(part in name for part in args.case):
                continue
            load = timed(lambda body=body: extract_blocks(parse(body)))
            article = make_article(body)
            render = timed(lambda article=article: render_body(
                BodyContext(article=article, root="../../")))
            whole = timed(lambda body=body, number=number: build(root, f"c{number}", body))
            print(f"{name:32} {load:8.2f} {render:9.2f} {whole:8.2f}", flush=True)


if __name__ == "__main__":
    main()
