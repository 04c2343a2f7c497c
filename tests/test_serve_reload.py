"""Build history, catch-up after a disconnect, and the injected script tag."""

from __future__ import annotations

import html
import json
import re

from site_builder.errors import Problem
from site_builder.serve.client import CLIENT_JS, SCRIPT_URL
from site_builder.serve.inject import inject, script_tag
from site_builder.serve.reload import Broadcaster

P = Problem("content/a.md", 3, "bad <front> matter & \"quotes\" </script>", "fix it")


def test_catch_up_sums_every_build_since_the_given_id() -> None:
    b = Broadcaster()
    first = b.publish(True, ["index.html", "articles/a/index.html"], [])
    b.publish(True, ["articles/b/index.html"], [])
    b.publish(False, [], [P])
    b.publish(True, ["articles/a/index.html", "style.css"], [], removed=["articles/c/index.html"])
    event = b.catch_up(first.id)
    assert event is not None
    assert event.written == ("articles/b/index.html", "articles/a/index.html", "style.css")
    assert event.removed == ("articles/c/index.html",)
    assert event.ok and event.problems == ()


def test_catch_up_state_only_and_unknown_ids() -> None:
    b = Broadcaster()
    assert b.catch_up(None) is None  # nothing built yet
    b.publish(True, ["index.html"], [])
    last = b.publish(False, [], [P])
    for since in (None, "", last.id):
        event = b.catch_up(since)
        assert event is not None
        assert event.written == () and event.problems == (P,) and not event.ok
    stale = b.catch_up("0123abcd-7")  # from an earlier server process
    assert stale is not None and stale.written is None


def test_history_is_bounded_and_forgotten_ids_ask_for_a_reload() -> None:
    b = Broadcaster(history=3)
    first = b.publish(True, ["a"], [])
    for _ in range(5):
        b.publish(True, ["b"], [])
    event = b.catch_up(first.id)
    assert event is not None and event.written is None


def test_sse_wire_format() -> None:
    b = Broadcaster()
    event = b.publish(False, [], [P])
    text = event.sse().decode()
    assert text.endswith("\n\n") and text.count("\n") == 4
    lines = dict(line.split(": ", 1) for line in text.strip().split("\n"))
    assert lines["id"] == event.id and lines["event"] == "build"
    data = json.loads(lines["data"])
    assert data["problems"] == [{"path": "content/a.md", "line": 3,
                                 "message": P.message, "hint": "fix it"}]


def test_listeners_are_woken_by_each_build_and_by_close() -> None:
    b = Broadcaster()
    woken: list[int] = []
    b.subscribe(lambda: woken.append(len(woken)))
    b.publish(True, [], [])
    b.publish(False, None, [P])
    assert woken == [0, 1]
    b.close(timeout=0.1)
    assert woken == [0, 1, 2] and b.closed


def test_inject_before_the_last_body_end_tag() -> None:
    b = Broadcaster()
    state = b.publish(True, [], [])
    page = b"<html><body><pre>&lt;/body&gt;</pre></BODY></html>"
    out = inject(page, state)
    assert out.startswith(b"<html><body><pre>&lt;/body&gt;</pre><script src=")
    assert out.endswith(b"></script></BODY></html>")
    assert inject(b"<p>no body</p>", state).startswith(b"<p>no body</p><script")


def test_problems_in_the_tag_cannot_break_out_of_the_attribute() -> None:
    b = Broadcaster()
    state = b.publish(False, [], [P, Problem("t.html", 1, "é — ' \" > <img src=x onerror=1>")])
    tag = script_tag(state).decode("ascii")
    match = re.fullmatch(rf'<script src="{SCRIPT_URL}" data-build="([^"]*)" '
                         r'data-problems="([^"<>]*)"></script>', tag)
    assert match is not None
    problems = json.loads(html.unescape(match.group(2)))
    assert problems[0]["message"] == P.message
    assert problems[1]["message"].startswith("é")


def test_client_builds_the_overlay_with_text_only() -> None:
    assert "innerHTML" not in CLIENT_JS and "insertAdjacentHTML" not in CLIENT_JS
    assert "textContent" in CLIENT_JS
    assert "visibilitychange" in CLIENT_JS


def test_client_needs_nothing_a_strict_csp_forbids() -> None:
    """The guard where Chromium is absent; test_serve_overlay_browser.py runs it under the CSP."""
    for forbidden in ('setAttribute("style"', "cssText", "<style", "style=", "eval(",
                      "new Function", "getElementById", "innerHTML"):
        assert forbidden not in CLIENT_JS, forbidden
    assert re.search(r"new EventSource\(\"/__livereload\?since=", CLIENT_JS)
