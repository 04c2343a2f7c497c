"""ASCII slugs that are safe as URL path segments."""

from __future__ import annotations

import re
import unicodedata

SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

# Letters NFKD does not decompose into ASCII, common in our languages.
_EXTRA = str.maketrans({"ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "đ": "d", "ł": "l", "þ": "th"})


def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII words joined by hyphens; "" when nothing is left."""
    folded = unicodedata.normalize("NFKD", text.lower().translate(_EXTRA))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii")
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug.strip("-")


def is_safe_slug(slug: str) -> bool:
    return bool(SAFE_SLUG.match(slug)) and len(slug) <= 120
