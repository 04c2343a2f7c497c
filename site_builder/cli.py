"""Command line: parse arguments, call the pipeline, print and exit.

Expected failures (bad content, bad config) are printed as `path:line:
message` lines, never as tracebacks.
"""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from site_builder import __version__
from site_builder.errors import Problem, SiteError, internal_error, terminal_safe

if TYPE_CHECKING:
    from site_builder.annotate.cluster import ClusterReport

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 2  # as a usage error: the run did not get to judge the site
PROJECT_LOGGER = "site_builder"  # the parent of every stage's logger (logging.getLogger(__name__))


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    _configure_logging(args.verbose, args.quiet)
    if not hasattr(args, "run"):
        parser.print_help()
        return EXIT_USAGE
    try:
        return int(args.run(args))
    except SiteError as exc:
        _print_problems(exc.problems, publishes=args.run is _cmd_build)
        return EXIT_FAILED
    except KeyboardInterrupt:
        return 130
    except Exception as exc:
        if args.debug:
            raise
        # A bug, or an input no check foresaw: one line that says where,
        # not a traceback that buries it. --debug shows the traceback.
        print(terminal_safe(internal_error(exc)), file=sys.stderr)
        print("rerun with --debug to see the traceback, and report it if the input "
              "looks valid", file=sys.stderr)
        return EXIT_INTERNAL


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="site-builder",
        description="Build a static site of annotated news articles.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    common = argparse.ArgumentParser(add_help=False)
    loudness = common.add_mutually_exclusive_group()
    loudness.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    loudness.add_argument("-v", "--verbose", action="store_true", help="print details")
    common.add_argument("--debug", action="store_true",
                        help="show the traceback of an internal failure")
    parser.set_defaults(quiet=False, verbose=False, debug=False)
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")

    build = sub.add_parser("build", parents=[common], help="build the site into output/")
    build.add_argument("site_dir", nargs="?", type=Path, default=Path("."), metavar="SITE_DIR")
    build.add_argument("-o", "--output", type=Path, help="output directory (SITE_DIR/output)")
    build.add_argument("--no-cache", action="store_true", help="ignore the annotation cache")
    build.add_argument("--scheduler", metavar="tcp://HOST:PORT", type=_scheduler_address,
                       help="analyse the uncached articles on this Dask scheduler's workers "
                       "(needs site-builder[distributed]; docs/distributed.md)")
    build.set_defaults(run=_cmd_build)

    new = sub.add_parser("new", parents=[common], help="create a new article")
    new.add_argument("title", help='the headline, e.g. "Titre de l\'article"')
    new.add_argument("--site", type=Path, default=Path("."), metavar="SITE_DIR")
    new.add_argument("--lang", help="article language (the site's by default)")
    new.set_defaults(run=_cmd_new)

    serve = sub.add_parser("serve", parents=[common], help="preview with live reload")
    serve.add_argument("site_dir", nargs="?", type=Path, default=Path("."), metavar="SITE_DIR")
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (8000)")
    serve.add_argument("-o", "--output", type=Path, help="output directory (SITE_DIR/output)")
    serve.set_defaults(run=_cmd_serve)

    check = sub.add_parser("check", parents=[common], help="editorial report for every article")
    check.add_argument("site_dir", nargs="?", type=Path, default=Path("."), metavar="SITE_DIR")
    check.add_argument("--strict", action="store_true", help="exit 1 when anything is listed")
    check.add_argument("--format", choices=("text", "json"), default="text",
                       help="text: grouped by kind, with the fix for each; json: for tools")
    check.set_defaults(run=_cmd_check)

    cache = sub.add_parser("cache", parents=[common], help="show or empty the build caches")
    cache.add_argument("action", choices=("info", "clean"),
                       help="info: what is cached and its size; clean: delete it all")
    cache.add_argument("site_dir", nargs="?", type=Path, default=Path("."), metavar="SITE_DIR")
    cache.set_defaults(run=_cmd_cache)
    return parser


class _TerminalSafe(logging.Formatter):
    """Log lines name files and quote content: neither may drive the terminal."""

    def format(self, record: logging.LogRecord) -> str:
        return terminal_safe(super().format(record))


def _configure_logging(verbose: bool, quiet: bool) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(_TerminalSafe("%(levelname)s: %(message)s"))
    # Libraries stay at WARNING: -v is about our stages, not about, say,
    # markdown-it, which logs every rule it enters (hundreds of thousands of lines).
    logging.basicConfig(level=logging.ERROR if quiet else logging.WARNING, handlers=[handler])
    logging.getLogger(PROJECT_LOGGER).setLevel(logging.DEBUG if verbose else logging.NOTSET)


def _print_problems(problems: Sequence[Problem], *, publishes: bool = True) -> None:
    for problem in problems:
        text = str(problem)
        if problem.path.startswith(("-", "<")):  # a command-line argument, not a file
            text = text.replace(f"{problem.path}:{problem.line}:", f"{problem.path}:", 1)
        print(terminal_safe(text), file=sys.stderr)
    if publishes:
        files = len({p.path for p in problems})
        print(f"error: {len(problems)} problem(s) in {files} file(s); nothing was published",
              file=sys.stderr)


def _site_dir(path: Path) -> Path:
    if not path.is_dir():
        raise SiteError(Problem.at(path, 1, "site directory not found",
                                   "pass the folder that holds content/ and site.toml"))
    return path.resolve()


def _scheduler_address(value: str) -> str:
    from site_builder.config import scheduler_problem

    why = scheduler_problem(value)
    if why is not None:
        raise argparse.ArgumentTypeError(f"{why}; write tcp://HOST:PORT")
    return value


def _cmd_build(args: argparse.Namespace) -> int:
    from site_builder import uptodate

    started = time.perf_counter()
    site_dir = _site_dir(args.site_dir)
    if args.scheduler:
        from site_builder.annotate.cluster import require_extra

        require_extra(args.scheduler)  # before anything is read: the fix is an install
    output_dir = (args.output or site_dir / "output").absolute()
    check = None if args.no_cache else uptodate.check(site_dir, output_dir)
    if check is not None and check.known is not None and check.unchanged:
        # Nothing to do: answered before the pipeline is even imported.
        known = check.known
        uptodate.log_warnings(known)
        if not args.quiet:
            print(f"nothing changed since the last build of {_shown(output_dir)}/ "
                  f"({known.articles} articles, {known.actors} actors); checked in "
                  f"{time.perf_counter() - started:.2f}s")
        return EXIT_OK

    from site_builder.annotate import cluster
    from site_builder.build import Builder
    from site_builder.progress import BuildProgress

    try:
        with BuildProgress(enabled=not args.quiet) as progress:
            cluster.use_scheduler(args.scheduler or "", announce=None if args.quiet else
                                  lambda report: progress.note(_cluster_line(report)))
            builder = Builder(site_dir, output_dir, use_cache=not args.no_cache,
                              progress=progress.update)
            result = builder.build(check=check)  # the inputs are not read twice
    finally:
        # The flag is this command's: a later build in this process (a test,
        # a program calling main) decides for itself.
        cluster.use_scheduler()
    if not result.ok:
        _print_problems(result.problems)
        return EXIT_FAILED
    if not args.quiet:
        shown = _shown(builder.output_dir)
        print(f"built {result.articles} articles, {result.actors} actors, "
              f"{len(result.written)} files into {shown}/ in {result.duration:.2f}s "
              f"({result.analysed} analysed by spaCy)")
    return EXIT_OK


def _cluster_line(report: ClusterReport) -> str:
    """Where the cluster's own view of the build is (printed once connected)."""
    dashboard = report.dashboard or "none (the scheduler serves none)"
    return (f"annotating on {len(report.workers)} Dask worker(s) of {report.address}; "
            f"dashboard: {dashboard}")


def _shown(path: Path) -> Path:
    cwd = Path.cwd()
    return path.relative_to(cwd) if path.is_relative_to(cwd) else path


def _cmd_new(args: argparse.Namespace) -> int:
    from site_builder.config import load_config
    from site_builder.scaffold import new_article

    config = load_config(_site_dir(args.site))
    path = new_article(config, args.title, lang=args.lang, today=dt.date.today())
    if not args.quiet:
        print(path.relative_to(config.site_dir))
    return EXIT_OK


def _cmd_serve(args: argparse.Namespace) -> int:
    from site_builder.serve import serve

    return serve(_site_dir(args.site_dir), host=args.host, port=args.port,
                 output_dir=args.output, debug=args.debug)


def _cmd_check(args: argparse.Namespace) -> int:
    from site_builder.check import run_check

    started = time.perf_counter()
    listed = run_check(_site_dir(args.site_dir), out=sys.stdout, quiet=args.quiet,
                       fmt=args.format)
    logging.getLogger(PROJECT_LOGGER).debug("check took %.2fs", time.perf_counter() - started)
    return EXIT_FAILED if (args.strict and listed) else EXIT_OK


def _cmd_cache(args: argparse.Namespace) -> int:
    from site_builder import caches, memo
    from site_builder.config import load_config

    cache_dir = load_config(_site_dir(args.site_dir)).cache_dir
    if args.action == "clean":
        freed = caches.clean(cache_dir)
        if not args.quiet:
            print(f"removed {cache_dir} ({caches.human(freed)})")
        return EXIT_OK
    parts = caches.cache_parts(cache_dir)
    if not parts:
        print(f"{cache_dir}: empty")
        return EXIT_OK
    print(f"{cache_dir}: {caches.human(sum(p.size for p in parts))}")
    for part in parts:
        print(f"  {part.name:<14} {part.files:>7} files  {caches.human(part.size):>10}")
    stages = caches.memo_stages(cache_dir)
    if stages:
        print(f"build memo, by stage (entries unused for {memo.KEEP_BUILDS} builds are pruned):")
        for stage in stages:
            print(f"  {stage.stage:<14} {stage.entries:>7} entries {caches.human(stage.size):>10}")
    return EXIT_OK
