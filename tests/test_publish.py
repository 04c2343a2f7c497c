"""Publishing: atomic swap, crash safety, path safety, incremental writes."""

from __future__ import annotations

import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.errors import PublishError
from site_builder.publish import (
    publish_full,
    recover,
    remove_files,
    safe_target,
    write_files,
)

from .conftest import tree


def test_full_publish_replaces_the_tree(tmp_path: Path) -> None:
    out = tmp_path / "output"
    publish_full(out, {"index.html": b"v1", "a/index.html": b"a", "old.txt": b"x"}, {})
    asset = tmp_path / "img.png"
    asset.write_bytes(b"png")
    publish_full(out, {"index.html": b"v2"}, {"images/img.png": asset})
    assert tree(out) == {"index.html": b"v2", "images/img.png": b"png"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["img.png", "output"]


def test_failure_while_writing_leaves_previous_output(tmp_path: Path) -> None:
    out = tmp_path / "output"
    publish_full(out, {"index.html": b"good"}, {})
    with pytest.raises(PublishError):
        publish_full(out, {"index.html": b"bad", "../escape.html": b"x"}, {})
    assert tree(out) == {"index.html": b"good"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_killed_publish_leaves_previous_output_intact(tmp_path: Path) -> None:
    out = tmp_path / "output"
    publish_full(out, {"index.html": b"good", "a/b.html": b"b"}, {})
    before = tree(out)
    script = textwrap.dedent(f"""
        import time
        from pathlib import Path
        from site_builder.publish import publish_full

        class Slow(dict):
            def items(self):
                for key, value in super().items():
                    time.sleep(0.002)
                    yield key, value

        files = Slow((f"p{{i}}/index.html", b"x" * 1000) for i in range(5000))
        publish_full(Path({str(out)!r}), files, {{}})
    """)
    proc = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while not list(tmp_path.glob(".output.staging-*/p20")):
        assert time.monotonic() < deadline, "the build never started writing"
        assert proc.poll() is None, "the build ended before it could be killed"
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert tree(out) == before
    recover(out)  # the next build cleans the leftovers
    assert sorted(p.name for p in tmp_path.iterdir()) == ["output"]


def test_recover_restores_output_killed_between_renames(tmp_path: Path) -> None:
    out = tmp_path / "output"
    old = tmp_path / ".output.old-abc"
    old.mkdir()
    (old / "index.html").write_bytes(b"previous")
    recover(out)
    assert tree(out) == {"index.html": b"previous"}
    assert not old.exists()


@pytest.mark.parametrize("rel", ["../x", "/etc/passwd", "a/../../x", "a\\..\\x", "", ".",
                                 "a/./b", "a//b", "nul\x00"])
def test_paths_cannot_escape(tmp_path: Path, rel: str) -> None:
    with pytest.raises(PublishError):
        safe_target(tmp_path, rel)


@given(st.text(alphabet="ab./\\\x00", max_size=12))
def test_safe_target_is_always_inside(rel: str) -> None:
    root = Path("/srv/out")
    try:
        target = safe_target(root, rel)
    except PublishError:
        return
    assert target.is_relative_to(root) and ".." not in target.parts


def test_incremental_writes_and_removals(tmp_path: Path) -> None:
    out = tmp_path / "output"
    publish_full(out, {"index.html": b"v1", "a/x/index.html": b"x"}, {})
    write_files(out, {"index.html": b"v2", "b/index.html": b"b"})
    remove_files(out, ["a/x/index.html"])
    assert tree(out) == {"index.html": b"v2", "b/index.html": b"b"}
    assert not (out / "a").exists()
    assert not list(out.rglob("*.tmp"))
