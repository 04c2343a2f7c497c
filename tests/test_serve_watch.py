"""What the watcher passes on: sources yes, editor droppings no; inotify fallback."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from watchdog.events import DirCreatedEvent, FileCreatedEvent, FileModifiedEvent, FileMovedEvent
from watchdog.observers.api import BaseObserver

from site_builder.serve.debounce import Batch, Debouncer
from site_builder.serve.watch import SiteLayout, Watcher, _Handler, is_ignored_name


@pytest.mark.parametrize("name", [
    ".a.md.swp", ".a.md.swx", ".a.md.swo", "a.md.swp", "a.md~", "#a.md#", ".#a.md", "a.md.tmp",
    "a.md.kate-swp", "a.md___jb_tmp___", "a.md___jb_old___", "4913", ".DS_Store", ".git",
])
def test_editor_temp_files_are_ignored(name: str) -> None:
    assert is_ignored_name(name)


@pytest.mark.parametrize("name", ["a.md", "actors.yml", "page.html", "style.css", "4914",
                                  "photo.jpg", "_partial.html", "notes.swift"])
def test_real_files_are_not_ignored(name: str) -> None:
    assert not is_ignored_name(name)


def test_layout_knows_the_sources(tmp_path: Path) -> None:
    site = tmp_path / "site"
    layout = SiteLayout(site, excluded=(site / "output",))
    s = layout.site_dir
    assert layout.is_source(s / "site.toml")
    assert layout.is_source(s / "content" / "2026" / "a.md")
    assert layout.is_source(s / "content" / "actors.yml")
    assert layout.is_source(s / "templates" / "base.html")
    assert layout.is_source(s / "templates")
    assert not layout.is_source(s / "content" / ".git" / "index")
    assert not layout.is_source(s / "content" / "2026" / ".a.md.swp")
    assert not layout.is_source(s / "output" / "index.html")
    assert not layout.is_source(s / ".cache" / "x")
    assert not layout.is_source(s / "README.md")
    assert not layout.is_source(tmp_path / "elsewhere.md")


def test_output_inside_content_is_excluded(tmp_path: Path) -> None:
    site = tmp_path / "site"
    layout = SiteLayout(site, excluded=(site / "content" / "out",))
    assert not layout.is_source(layout.site_dir / "content" / "out" / "index.html")


def _drain(debouncer: Debouncer) -> Batch | None:
    return debouncer.wait(timeout=0.3)


def test_a_move_counts_as_a_change_of_its_destination(tmp_path: Path) -> None:
    layout = SiteLayout(tmp_path)
    debouncer = Debouncer(quiet=0.0, max_wait=0.0)
    handler = _Handler(layout, debouncer)
    content = layout.content_dir
    handler.dispatch(FileCreatedEvent(str(content / "a.md___jb_tmp___")))
    handler.dispatch(FileMovedEvent(str(content / "a.md___jb_tmp___"), str(content / "a.md")))
    assert _drain(debouncer) == Batch(frozenset({content / "a.md"}))
    handler.dispatch(FileMovedEvent(str(content / "old.md"), str(content / "new.md")))
    assert _drain(debouncer) == Batch(frozenset({content / "old.md", content / "new.md"}))


def test_directory_events_ask_for_a_full_rebuild(tmp_path: Path) -> None:
    layout = SiteLayout(tmp_path)
    debouncer = Debouncer(quiet=0.0, max_wait=0.0)
    handler = _Handler(layout, debouncer)
    handler.dispatch(DirCreatedEvent(str(layout.content_dir / "2027")))
    batch = _drain(debouncer)
    assert batch is not None and batch.full
    handler.dispatch(FileModifiedEvent(str(layout.site_dir / "output" / "x.html")))
    handler.dispatch(FileModifiedEvent(str(layout.content_dir / "#a.md#")))
    assert _drain(debouncer) is None


class _BrokenObserver(BaseObserver):
    def __init__(self) -> None:
        pass  # never used beyond start()

    def schedule(self, *args: object, **kwargs: object) -> None:  # type: ignore[override]
        return None

    def start(self) -> None:
        raise OSError(28, "inotify watch limit reached")

    def stop(self) -> None:
        pass

    def is_alive(self) -> bool:
        return False


def test_falls_back_to_polling_when_inotify_fails(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    messages: list[str] = []
    debouncer = Debouncer(quiet=0.05, max_wait=0.5)
    watcher = Watcher(SiteLayout(site), debouncer, observer_factory=_BrokenObserver,
                      log=messages.append)
    watcher.start()
    try:
        assert watcher.polling
        assert any("max_user_watches" in m and "sysctl" in m for m in messages)
        (site / "content" / "a.md").write_text("x")
        batch = debouncer.wait(timeout=5)  # the poller scans every second
        assert batch is not None and (site / "content" / "a.md").resolve() in batch.paths
    finally:
        watcher.stop()


@pytest.fixture
def watched(tmp_path: Path):
    site = tmp_path / "site"
    (site / "content").mkdir(parents=True)
    (site / "content" / "a.md").write_text("v1")
    debouncer = Debouncer(quiet=0.05, max_wait=1.0)
    watcher = Watcher(SiteLayout(site), debouncer, log=lambda m: None)
    watcher.start()
    yield site.resolve(), debouncer, watcher
    watcher.stop()


def test_vim_style_save_gives_one_batch_naming_the_file(watched) -> None:
    site, debouncer, _ = watched
    content = site / "content"
    # What vim does with default settings: probe, swap file, backup by rename, write anew.
    (content / "4913").write_text("")
    (content / "4913").unlink()
    (content / ".a.md.swp").write_bytes(b"\0" * 64)
    os.replace(content / "a.md", content / "a.md~")
    (content / "a.md").write_text("v2")
    (content / "a.md~").unlink()
    (content / ".a.md.swp").unlink()
    batch = debouncer.wait(timeout=5)
    assert batch == Batch(frozenset({content / "a.md"}))
    assert debouncer.wait(timeout=0.3) is None


def test_temp_files_alone_trigger_nothing(watched) -> None:
    site, debouncer, _ = watched
    content = site / "content"
    for name in (".a.md.swp", "a.md~", "#a.md#", ".#a.md", "x.tmp", "a.md___jb_old___", "4913"):
        (content / name).write_text("junk")
    (site / "README.md").write_text("not a source")
    assert debouncer.wait(timeout=0.5) is None


def test_config_and_new_templates_dir_are_watched(watched) -> None:
    site, debouncer, watcher = watched
    (site / "site.toml").write_text('title = "x"\n')
    batch = debouncer.wait(timeout=5)
    assert batch is not None and site / "site.toml" in batch.paths
    (site / "templates").mkdir()
    batch = debouncer.wait(timeout=5)
    assert batch is not None and batch.full  # a new templates/ changes the theme lookup
    watcher.refresh()  # what the rebuild loop does after each build
    time.sleep(0.1)
    (site / "templates" / "page.html").write_text("<html></html>")
    deadline = time.monotonic() + 5
    seen: set[Path] = set()
    while site / "templates" / "page.html" not in seen and time.monotonic() < deadline:
        got = debouncer.wait(timeout=1)
        seen |= got.paths if got else set()
    assert site / "templates" / "page.html" in seen
