"""User-facing errors: every problem names a file, a line, and the fix.

Each stage raises its own subclass of `SiteError`, carrying *all* the
problems it found, so one run reports every bad file. The CLI prints them
without a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager, suppress
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


@contextmanager
def working_on(what: str) -> Iterator[None]:
    """Name, on any unexpected exception that leaves this block, what was being done.

    The innermost name wins: the command line prints it in the one line it
    gives for an internal failure (cli.py), instead of a traceback.
    """
    try:
        yield
    except SiteError:
        raise
    except Exception as exc:
        if not hasattr(exc, WORKING_ON):
            with suppress(AttributeError, TypeError):
                setattr(exc, WORKING_ON, what)
        raise


WORKING_ON = "site_builder_working_on"


def internal_error(exc: BaseException) -> str:
    """`internal error while working on <what>: Type: message`, for one line of output."""
    where = getattr(exc, WORKING_ON, None)
    where = f" while working on {where}" if where else ""
    return f"internal error{where}: {type(exc).__name__}: {exc}"


def terminal_safe(text: str) -> str:
    """`text` with every control and non-printable character shown as an escape.

    A file named with an ANSI escape, or a title holding one, must not
    recolour or rewrite the editor's terminal when a problem names it.
    """
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() or c == " " else _escape(c) for c in text)


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"
