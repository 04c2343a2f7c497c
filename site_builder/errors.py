"""User-facing errors: every problem names a file, a line, and the fix.

Each stage raises its own subclass of `SiteError`, carrying *all* the
problems it found, so one run reports every bad file. The CLI prints them
without a traceback.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import PurePath


@dataclass(frozen=True, slots=True)
class Problem:
    path: str
    line: int
    message: str
    hint: str = ""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}: {self.message}"
        return f"{text} — {self.hint}" if self.hint else text

    @classmethod
    def at(cls, path: PurePath | str, line: int, message: str, hint: str = "") -> Problem:
        return cls(str(path), max(1, line), message, hint)


class SiteError(Exception):
    """Base of every expected, reportable failure."""

    def __init__(self, problems: list[Problem] | Problem) -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def __reduce__(self) -> tuple[type[SiteError], tuple[list[Problem]]]:
        # Raised in a worker process (render/pool.py), it crosses a pipe whole.
        return type(self), (self.problems,)


class ConfigError(SiteError):
    """site.toml is invalid."""


class ContentError(SiteError):
    """One or more articles or content files are invalid."""


class RegistryError(SiteError):
    """content/actors.yml is invalid."""


class TemplateError(SiteError):
    """A template failed to load or render."""


class PublishError(SiteError):
    """The output directory could not be written or swapped."""
