"""Golden site: a small hand-built Site rendered and compared with committed files.

Every change to what the renderer writes shows up as a diff under
tests/fixtures/render/golden/. After an intended change, regenerate with

    UPDATE_GOLDEN=1 .venv/bin/pytest tests/test_render_golden.py

and review the diff like code.
"""

from __future__ import annotations

import difflib
import os
import shutil

from site_builder.render import Renderer
from tests.test_render_support import FIXTURES, config, small_site

GOLDEN = FIXTURES / "golden"


def test_golden_site() -> None:
    outputs = Renderer(config()).render_all(small_site())
    if os.environ.get("UPDATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in outputs.items():
            target = GOLDEN / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
    committed = {p.relative_to(GOLDEN).as_posix(): p.read_bytes()
                 for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(outputs) == sorted(committed), "files differ from the golden site"
    for rel, data in outputs.items():
        if data != committed[rel]:
            diff = difflib.unified_diff(
                committed[rel].decode("utf-8", "replace").splitlines(),
                data.decode("utf-8", "replace").splitlines(),
                f"golden/{rel}", f"rendered/{rel}", lineterm="", n=2)
            raise AssertionError("\n".join(list(diff)[:60]))
