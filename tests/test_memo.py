"""The build memo (site_builder/memo.py): keys, the two layers, pruning, damage."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder import memo
from site_builder.memo import Memo, check_plain, key

plain = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text() | st.binary()
    | st.floats(allow_nan=False),
    lambda inner: st.lists(inner, max_size=4) | st.lists(inner, max_size=4).map(tuple),
    max_leaves=20)


@given(plain, plain)
def test_different_plain_values_get_different_keys(a: object, b: object) -> None:
    check_plain(a)
    # Equal keys exactly when the reprs are equal; and an equal repr means an
    # equal value (no wrong hit). repr tells 1 from 1.0 and False from 0:
    # such equal values only ever cost a miss.
    assert (key("s", a) == key("s", b)) == (repr(a) == repr(b))
    if repr(a) == repr(b):
        assert a == b


def test_the_stage_is_part_of_the_key() -> None:
    assert key("pages", "x") != key("attribute", "x")
    assert key("s", "a", "b") != key("s", ("a", "b"))


def test_keys_are_the_same_in_every_process() -> None:
    value = ("é", 1, 2.5, None, True, (b"\x00", ["x"]), dt.date(2026, 3, 1),
             PurePosixPath("a/b"))
    code = ("import datetime; from pathlib import PurePosixPath; "
            "from site_builder.memo import key; "
            f"print(key('s', {value!r}))")
    seen = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", code], env=env, check=True,
                             capture_output=True, text=True).stdout.strip()
        seen.add(out)
    assert seen == {key("s", value)}


@dataclass
class Hidden:
    shown: str
    secret: str = field(repr=False)


def test_check_plain_refuses_what_repr_would_not_tell_apart() -> None:
    check_plain({"a": (1, "b", None)})
    with pytest.raises(TypeError, match="set"):
        check_plain(("x", frozenset({"a", "b"})))
    with pytest.raises(TypeError, match="left out of repr"):
        check_plain(Hidden("a", "b"))
    with pytest.raises(TypeError, match="object"):
        check_plain([object()])


def test_memory_layer_keeps_what_the_last_build_used() -> None:
    m = Memo(None)
    m.put("s", "a", 1)
    m.put("s", "b", 2)
    m.end_build()
    assert m.get("s", "a") == 1  # used by this build
    m.end_build()
    assert m.get("s", "a") == 1
    assert m.get("s", "b") is None  # not used by the build before: gone
    assert m.cached("s", "c", lambda: 3) == 3 and m.cached("s", "c", lambda: 4) == 3


def test_disk_layer_is_shared_between_processes(tmp_path: Path) -> None:
    first = Memo(tmp_path)
    first.put("pages", "k", {"index.html": "abc"})
    assert first.get("pages", "k") == {"index.html": "abc"}
    first.end_build()
    first.close()
    second = Memo(tmp_path)
    assert second.get("pages", "k") == {"index.html": "abc"}
    assert second.get("pages", "other", "missing") == "missing"
    assert [(i.stage, i.entries) for i in second.info()] == [("pages", 1)]


def test_entries_unused_for_keep_builds_are_pruned(tmp_path: Path) -> None:
    m = Memo(tmp_path, keep=2)
    m.put("s", "old", 1)
    m.put("s", "kept", 2)
    m.end_build()
    for _ in range(3):
        fresh = Memo(tmp_path, keep=2)
        assert fresh.get("s", "kept") == 2
        fresh.end_build()
        fresh.close()
    last = Memo(tmp_path, keep=2)
    assert last.get("s", "old") is None
    assert last.get("s", "kept") == 2


def test_a_damaged_memo_is_a_miss_not_a_failure(tmp_path: Path) -> None:
    (tmp_path / memo.FILE_NAME).write_bytes(b"not a database at all" * 100)
    m = Memo(tmp_path)
    assert m.get("s", "k") is None
    m.put("s", "k", 1)
    m.end_build()
    assert Memo(tmp_path).get("s", "k") == 1


def test_a_value_that_does_not_unpickle_is_a_miss(tmp_path: Path) -> None:
    m = Memo(tmp_path)
    m.put("s", "k", 1)
    m.end_build()
    db = m._connect()
    with db:
        db.execute("UPDATE memo SET value = ?", (b"garbage",))
    assert Memo(tmp_path).get("s", "k") is None


def test_clear_removes_everything(tmp_path: Path) -> None:
    m = Memo(tmp_path)
    m.put("s", "k", 1)
    m.end_build()
    m.clear()
    assert not (tmp_path / memo.FILE_NAME).exists()
    assert Memo(tmp_path).info() == []
