"""ASCII slugs that are safe as URL path segments, and the folding behind them.

One implementation for article slugs, tag pages and actor ids, so the same
words always give the same URL segment.
"""

from __future__ import annotations

import re
import unicodedata

SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG_LENGTH = 80

# Letters that NFKD does not decompose but that every reader folds to ASCII.
# Without them "Œuvre d’Orient" and "Oeuvre d'Orient" would differ.
_LETTERS = str.maketrans({
    "œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
    "ł": "l", "Ł": "L", "ı": "i", "ß": "ss", "ẞ": "SS", "þ": "th", "Þ": "TH", "ð": "d",
    "Ð": "D", "ħ": "h", "Ħ": "H",
})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")


def strip_marks(text: str) -> str:
    """Remove diacritics, keeping case: "États" → "Etats", "Œ" → "OE"."""
    if text.isascii():
        return text
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return bare.translate(_LETTERS)


def truncate(slug: str, limit: int) -> str:
    """Cut a slug to `limit` characters, at a hyphen when there is one."""
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    if "-" in cut and slug[limit] != "-":
        cut = cut.rsplit("-", 1)[0]
    return cut.strip("-")


def slugify(text: str, max_length: int = MAX_SLUG_LENGTH) -> str:
    """Lower-case ASCII words joined by hyphens; "" when no Latin letter or digit is left.

    Punctuation separates words ("l’Homme" → "l-homme"); letters with no
    ASCII form (Arabic, Cyrillic…) are dropped rather than guessed.
    """
    separated = _NON_WORD.sub("-", strip_marks(text).lower())
    ascii_text = separated.encode("ascii", "ignore").decode()
    return truncate(_NON_ALNUM.sub("-", ascii_text).strip("-"), max_length)


def is_safe_slug(slug: str) -> bool:
    return len(slug) <= 120 and SAFE_SLUG.match(slug) is not None
