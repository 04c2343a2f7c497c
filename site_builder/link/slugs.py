"""Actor ids: short, ASCII, unique, safe as a URL path segment, and stable.

An id is the slug of the actor's name ("Bachar al-Assad" → "bachar-al-assad").
When two distinct actors slug the same way, each is told apart by a suffix
hashed from its *signature*, a string that says what the actor is (see
linker.py), never from where it sits in a list: so adding an unrelated
article, or reading articles in another order, cannot rename anyone.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from site_builder.slugs import MAX_SLUG_LENGTH, SAFE_SLUG, slugify, truncate

SAFE_ID = SAFE_SLUG
MAX_ID_LENGTH = MAX_SLUG_LENGTH
# Directories under actors/ that are pages of the index, not actors
# (render/site_pages.py; "page" for numbered pages, "index" for index.html).
RESERVED_IDS = frozenset({"by-mentions", "page", "index"})
_DIGEST_START = 6  # hex digits of suffix; grows only if two suffixes ever meet


def is_safe_id(text: str) -> bool:
    """True for ids usable as one path segment on every file system and URL."""
    return len(text) <= MAX_ID_LENGTH and SAFE_ID.match(text) is not None


def digest(signature: str, size: int = _DIGEST_START) -> str:
    """A deterministic hex fingerprint of an actor's signature."""
    return hashlib.blake2b(signature.encode("utf-8"), digest_size=16).hexdigest()[:size]


@dataclass(frozen=True, slots=True)
class IdRequest:
    """One actor asking for an id.

    `fixed` is a registry id, used as given. Among other actors that want the
    same slug, the lowest (`rank`, `signature`) keeps the bare slug; both are
    properties of the actor itself, never of its position among others.
    """

    signature: str
    name: str
    kind: str
    fixed: str | None = None
    rank: int = 1


def _suffixed(base: str, signature: str, used: set[str]) -> str:
    size = _DIGEST_START
    while True:
        tail = digest(signature, size)
        candidate = f"{truncate(base, MAX_ID_LENGTH - len(tail) - 1)}-{tail}".strip("-")
        if candidate not in used or size >= 32:
            return candidate
        size += 2


def assign_ids(requests: Iterable[IdRequest]) -> dict[str, str]:
    """Map each request's signature to a unique safe id.

    The result depends only on the set of requests, not on their order.
    A name with no Latin letter gets `<kind>-<hash>`: there is nothing to
    transliterate without a new dependency, and the kind at least reads well.
    """
    ordered = sorted(set(requests), key=lambda r: (r.rank, r.signature))
    ids: dict[str, str] = {r.signature: r.fixed for r in ordered if r.fixed is not None}
    used = set(ids.values()) | RESERVED_IDS
    wanting: dict[str, list[IdRequest]] = {}
    for request in ordered:
        if request.fixed is None:
            base = slugify(request.name) or ""
            wanting.setdefault(base, []).append(request)
    losers: list[tuple[str, IdRequest]] = []
    for base, group in wanting.items():
        start = 0
        if base and base not in used:
            ids[group[0].signature] = base
            used.add(base)
            start = 1
        losers += [(base or slugify(r.kind) or "actor", r) for r in group[start:]]
    # Suffixes last, so that a bare slug never loses to someone else's suffix.
    for base, request in sorted(losers, key=lambda item: (item[1].rank, item[1].signature)):
        ids[request.signature] = _suffixed(base, request.signature, used)
        used.add(ids[request.signature])
    return ids
