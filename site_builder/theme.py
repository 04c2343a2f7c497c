"""Where the default theme lives (without importing Jinja: see uptodate.py)."""

from __future__ import annotations

import importlib.resources
from pathlib import Path


def theme_dir() -> Path:
    """The default theme's directory.

    Installed from a wheel, it is site_builder/templates/ (a data package with
    no __init__.py, which importlib.resources only sees as a namespace); in an
    editable install the import system may map `site_builder.templates`
    elsewhere; in a source checkout it is the top-level templates/.
    """
    package = Path(__file__).resolve().parent
    candidates = [package / "templates"]
    try:
        mapped = importlib.resources.files("site_builder.templates")
    except ModuleNotFoundError:
        mapped = None
    if isinstance(mapped, Path):
        candidates.append(mapped)
    candidates.append(package.parent / "templates")
    for candidate in candidates:
        if (candidate / "base.html").is_file():
            return candidate
    return candidates[-1]
