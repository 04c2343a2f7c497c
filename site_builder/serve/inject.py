"""Add the live-reload script to an HTML response, at serve time only.

The built files on disk never contain it: what `build` publishes and what
`serve` shows differ only by this one tag. The tag carries the build id the
page belongs to and, while a build error stands, the problems, so a page
opened during an error shows the overlay straight away.
"""

from __future__ import annotations

import html
import json

from site_builder.serve.client import SCRIPT_URL
from site_builder.serve.reload import BuildEvent, problems_json

_BODY_END = b"</body>"


def script_tag(state: BuildEvent | None) -> bytes:
    """The <script> tag for a page served while `state` is the latest build."""
    build_id = state.id if state else ""
    problems = problems_json(state.problems) if state else []
    # html.escape(quote=True) makes the JSON safe inside a double-quoted
    # attribute whatever the problem messages contain; the browser unescapes
    # it into dataset.problems. ensure_ascii keeps the bytes ASCII, so the
    # tag fits any page encoding.
    data = html.escape(json.dumps(problems, ensure_ascii=True), quote=True)
    tag = (f'<script src="{SCRIPT_URL}" data-build="{html.escape(build_id)}" '
           f'data-problems="{data}"></script>')
    return tag.encode("ascii")


def inject(page: bytes, state: BuildEvent | None) -> bytes:
    """Insert the tag before the last </body>, or append it if there is none."""
    tag = script_tag(state)
    # Search case-insensitively without decoding: the page may not be UTF-8.
    at = page.lower().rfind(_BODY_END)
    if at < 0:
        return page + tag
    return page[:at] + tag + page[at:]
