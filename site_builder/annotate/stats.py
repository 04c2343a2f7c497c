"""What one run of the annotation stage did, for the build report."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

log = logging.getLogger("site_builder.annotate")


@dataclass(slots=True)
class AnnotateStats:
    articles: int = 0
    cache_hits: int = 0
    cache_misses: int = 0
    model_loaded: bool = False  # whether spaCy was imported and any pipeline loaded
    models: dict[str, str] = field(default_factory=dict)  # lang -> "name version"
    processes: int = 0  # worker processes used; 1 = in-process, 0 = no analysis at all
    warnings: list[str] = field(default_factory=list)
    # Per article, in input order: the key of its NLP result (see cache.Fingerprint).
    keys: list[str] = field(default_factory=list)

    def warn(self, message: str) -> None:
        """Record and log a warning, once."""
        if message not in self.warnings:
            self.warnings.append(message)
            log.warning("%s", message)
