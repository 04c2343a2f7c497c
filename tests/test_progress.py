"""Progress output: every phase of a build is reported once it runs long enough."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from site_builder.build import Builder
from site_builder.progress import BuildProgress

from .conftest import BLANK_SITE_TOML, SiteFactory

PHASES = ("loading", "annotating", "linking", "attributing", "rendering", "publishing")


@pytest.fixture
def site(make_site: SiteFactory) -> Path:
    return make_site({"site.toml": BLANK_SITE_TOML, **{
        f"content/a{i}.md": f"---\ntitle: Article {i}\ndate: 2026-01-0{i + 1}\n---\n"
                            f"Selon l'ONG, {i + 2} civils ont été blessés à Alep.\n"
        for i in range(3)}})


def run(site: Path, progress: BuildProgress) -> None:
    with progress:
        result = Builder(site, use_cache=False, progress=progress.update).build()
    assert result.ok, result.problems


def test_plain_lines_name_every_phase_when_not_a_terminal(site: Path) -> None:
    out = io.StringIO()
    run(site, BuildProgress(delay=0, interval=0, stream=out, tty=False))
    lines = out.getvalue().splitlines()
    for phase in PHASES:
        assert any(line.startswith(phase) for line in lines), (phase, lines)
    assert "\x1b" not in out.getvalue()  # no terminal codes in a log
    assert any(line.startswith("loading: ") and "/3" in line for line in lines)


def test_a_short_build_prints_nothing(site: Path) -> None:
    out = io.StringIO()
    run(site, BuildProgress(delay=3600, stream=out, tty=False))
    assert out.getvalue() == ""


def test_the_terminal_bar_goes_away_when_the_build_ends(site: Path) -> None:
    out = io.StringIO()
    progress = BuildProgress(delay=0, stream=out, tty=True)
    run(site, progress)
    assert progress._progress is None


def test_lines_are_spaced_by_the_interval() -> None:
    out = io.StringIO()
    progress = BuildProgress(delay=0, interval=3600, stream=out, tty=False)
    with progress:
        for done in range(100):
            progress.update("rendering", done, 100)
    assert out.getvalue().splitlines() == ["rendering: 0/100"]


def test_quiet_disables_it() -> None:
    out = io.StringIO()
    with BuildProgress(enabled=False, delay=0, stream=out, tty=False) as progress:
        progress.update("loading", 0, 10)
    assert out.getvalue() == ""


def test_the_terminal_bar_starts_no_thread(site: Path) -> None:
    """Builds fork worker processes, which needs this process to have no other thread."""
    import threading

    before = threading.active_count()  # other tests may have left some
    seen: list[int] = []
    progress = BuildProgress(delay=0, stream=io.StringIO(), tty=True)
    with progress:
        for done in range(3):
            progress.update("rendering", done, 3)
            seen.append(threading.active_count())
    assert seen == [before] * 3
