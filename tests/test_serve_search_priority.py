"""The preview's search index yields the CPU to the rebuilds (search_background.py)."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from site_builder.build import Builder
from site_builder.search_background import NICE, LowPriorityIndex, lower_this_thread

from .conftest import BLANK_SITE_TOML, write

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="a nice value per thread")


def test_a_process_started_from_a_lowered_thread_inherits_its_priority() -> None:
    before = os.getpriority(os.PRIO_PROCESS, 0)
    seen: list[str] = []

    def run() -> None:
        assert lower_this_thread()
        done = subprocess.run([sys.executable, "-c", "import os; print(os.nice(0))"],
                              capture_output=True, text=True, check=True)
        seen.append(done.stdout.strip())

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    assert seen == [str(max(before, NICE))]
    # Only that thread: the server's own threads keep their priority.
    assert os.getpriority(os.PRIO_PROCESS, 0) == before


def test_the_preview_indexes_in_the_background_at_low_priority(tmp_path: Path) -> None:
    site = tmp_path / "site"
    write(site / "site.toml", BLANK_SITE_TOML)
    write(site / "content/a.md", "---\ntitle: A\ndate: 2026-03-12\n---\n\nUn texte.\n")
    preview = Builder(site, dev=True)
    preview.on_pages = lambda pages: None
    assert preview.build().ok
    write(site / "content/a.md", "---\ntitle: A\ndate: 2026-03-12\n---\n\nUn autre texte.\n")
    assert preview.build([site / "content/a.md"]).ok
    assert isinstance(preview.search_index, LowPriorityIndex)
    assert preview.search_index.wait(60)
    assert preview.search_index.runs == 1 and preview.search_index.last_problem is None
