"""The debouncer's timing rules, with an injected clock (no sleeps, no files)."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from site_builder.serve.debounce import Batch, Debouncer, Pending

A, B, C = Path("/s/content/a.md"), Path("/s/content/b.md"), Path("/s/content/c.md")


def test_nothing_pending_is_never_due() -> None:
    pending = Pending(quiet=0.1, max_wait=1.0)
    assert not pending
    assert pending.due_in(100.0) is None


def test_due_after_the_quiet_period() -> None:
    pending = Pending(quiet=0.1, max_wait=1.0)
    pending.add(10.0, [A])
    assert pending.due_in(10.05) == pytest.approx(0.05)
    assert pending.due_in(10.1) == 0
    assert pending.take() == Batch(frozenset({A}))
    assert not pending


def test_a_burst_becomes_one_batch() -> None:
    """An atomic save or a git checkout: many events, each within the quiet period."""
    pending = Pending(quiet=0.1, max_wait=1.0)
    now = 0.0
    paths = [Path(f"/s/content/{i}.md") for i in range(200)]
    for path in paths:
        pending.add(now, [path])
        now += 0.002  # 200 files in 0.4 s
        assert pending.due_in(now) > 0
    assert pending.due_in(now + 0.1) == 0
    batch = pending.take()
    assert batch.paths == frozenset(paths)
    assert not batch.full


def test_a_steady_stream_is_cut_at_max_wait() -> None:
    pending = Pending(quiet=0.1, max_wait=1.0)
    now = 0.0
    pending.add(now, [A])
    while now < 0.99:
        now += 0.05
        pending.add(now, [B])
        assert pending.due_in(now) == pytest.approx(max(0.0, min(now + 0.1, 1.0) - now))
    assert pending.due_in(1.0) == 0


def test_duplicate_paths_collapse_and_full_is_sticky() -> None:
    pending = Pending()
    pending.add(0.0, [A, A])
    pending.add(0.01, [A], full=True)
    pending.add(0.02, [B])
    assert pending.take() == Batch(frozenset({A, B}), full=True)
    pending.add(1.0, [C])
    assert pending.take() == Batch(frozenset({C}), full=False)


def test_events_during_a_build_give_exactly_one_more_batch() -> None:
    """The rebuild loop takes a batch, builds; whatever arrives meanwhile is the next batch."""
    pending = Pending(quiet=0.1, max_wait=1.0)
    pending.add(0.0, [A])
    first = pending.take()  # build starts at t=0.1 and runs for 2 s
    for i in range(50):
        pending.add(0.2 + i * 0.03, [B if i % 2 else C])
    assert pending.due_in(2.1) == 0
    second = pending.take()
    assert (first.paths, second.paths) == (frozenset({A}), frozenset({B, C}))
    assert not pending and pending.due_in(3.0) is None


def test_invalid_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        Pending(quiet=1.0, max_wait=0.5)


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_debouncer_with_injected_clock_returns_due_batch_without_waiting() -> None:
    clock = FakeClock()
    debouncer = Debouncer(quiet=0.1, max_wait=1.0, clock=clock)
    debouncer.add([A])
    clock.now = 0.5  # the quiet period has passed by the clock's account
    assert debouncer.wait(timeout=5) == Batch(frozenset({A}))


def test_debouncer_wait_times_out_when_idle() -> None:
    debouncer = Debouncer(quiet=0.01, max_wait=0.1)
    assert debouncer.wait(timeout=0.05) is None


def test_debouncer_wakes_on_add_from_another_thread() -> None:
    debouncer = Debouncer(quiet=0.02, max_wait=0.5)
    timer = threading.Timer(0.05, lambda: debouncer.add([A, B]))
    timer.start()
    try:
        assert debouncer.wait(timeout=5) == Batch(frozenset({A, B}))
    finally:
        timer.cancel()


def test_close_wakes_a_waiter() -> None:
    debouncer = Debouncer()
    result: list[Batch | None] = []
    thread = threading.Thread(target=lambda: result.append(debouncer.wait(timeout=30)))
    thread.start()
    debouncer.close()
    thread.join(timeout=5)
    assert not thread.is_alive()
    assert result == [None]
