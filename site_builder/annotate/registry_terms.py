"""The registry's names and aliases, as the annotate stage matches them (terms.py)."""

from __future__ import annotations

from dataclasses import dataclass

from site_builder.model import EntityKind


@dataclass(frozen=True, slots=True)
class RegistryTerm:
    """One name or alias of a registry actor; `lang` None means every language."""

    text: str
    kind: EntityKind
    actor: str
    lang: str | None = None
