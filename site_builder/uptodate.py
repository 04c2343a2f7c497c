"""Is the output already what a build would write? Answered without the pipeline.

`check` loads only the configuration, lists content/ and reads the last
build's manifest (manifest.py): none of the stages is imported, so a
`site-builder build` with nothing to do returns before Jinja, Markdown or
the linker are even loaded.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from pathlib import Path

from site_builder import manifest
from site_builder.config import Config, load_config, wordlist_files
from site_builder.content.files import REGISTRY_NAME, discover
from site_builder.errors import SiteError
from site_builder.theme import theme_dir

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Check:
    config: Config
    inputs: str  # digest of every input, read before the build starts
    manifest_path: Path
    known: manifest.Manifest | None  # what the last build into this output recorded
    unchanged: bool  # same inputs, and the output untouched since


def manifest_path(config: Config, output_dir: Path) -> Path:
    """Where the manifest of builds into `output_dir` is kept."""
    name = hashlib.sha256(str(output_dir).encode()).hexdigest()[:16]
    return config.cache_dir / "builds" / f"{name}.json"


def check(site_dir: Path, output_dir: Path, *, dev: bool = False) -> Check | None:
    """The inputs' digest and the last build's record; None when site.toml is broken."""
    try:
        config = load_config(site_dir)
    except SiteError:
        return None  # the build reports how
    files = discover(config.content_dir)
    inputs = manifest.inputs_digest(
        site_dir, [*files.articles, *files.assets, config.content_dir / REGISTRY_NAME,
                   *wordlist_files(site_dir)],
        theme_dir(), config.templates_dir, output_dir, f"dev={dev}")
    path = manifest_path(config, output_dir)
    known = manifest.load(path)
    unchanged = known is not None and known.inputs == inputs and not files.refused and \
        manifest.is_intact(output_dir, known)
    return Check(config, inputs, path, known, unchanged)


def log_warnings(known: manifest.Manifest) -> None:
    """Say again what the last build warned about: it still holds for the same inputs."""
    for warning in known.warnings:
        log.warning("%s", warning)
