"""Which language each piece of a block is analysed in.

The article's `lang` is the default. A block with at least
`detect_min_letters` letters is detected with lingua, restricted to the
configured languages plus the article's own: detection on a few words is
noise, and a closed set of candidates is both faster and far more accurate.

Quotations get a second look. Wire copy quotes speakers in their language
inside a paragraph written in the article's ("..., a déclaré le porte-parole :
“We will not ...”"). So:

* the block language is detected on the text *outside* quotation marks when
  that part is long enough (the narrative voice decides), else on the whole
  block;
* each quotation long enough to be detected and found to be in another
  language becomes an *island*, analysed with that language's pipeline; its
  entities carry that language.

Sentence-by-sentence detection was rejected: sentence splitting needs a model,
which needs the language first, and a speaker's statement is marked by
quotation marks far more reliably than by sentence boundaries.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from site_builder.annotate.normalize import Normalized

log = logging.getLogger(__name__)

# Leave the article's language only when lingua is this sure of another one.
SWITCH_CONFIDENCE = 0.7

# Opening quotation mark -> the marks that may close it.
QUOTE_PAIRS: dict[str, str] = {
    "«": "»",
    "“": "”",
    "„": "“”",
    "‹": "›",
    '"': '"',
}


@dataclass(frozen=True, slots=True)
class Island:
    """A quotation, in normalized offsets of its block, analysed in `lang`."""

    start: int
    end: int
    lang: str


def quotations(source: str) -> list[tuple[int, int]]:
    """[start, end) of the content of each outermost, closed quotation in `source`."""
    spans: list[tuple[int, int]] = []
    opener: str | None = None
    start = 0
    for i, ch in enumerate(source):
        if opener is None:
            if ch in QUOTE_PAIRS:
                opener, start = ch, i + 1
        elif ch in QUOTE_PAIRS[opener]:
            spans.append((start, i))
            opener = None
    return spans


def letters(text: str) -> int:
    return sum(map(str.isalpha, text))


@cache
def _lingua_detector(codes: frozenset[str]) -> tuple[Any, dict[Any, str]]:
    # Imported here: a warm build, served from the cache, never loads lingua.
    from lingua import IsoCode639_1, IsoCode639_3, Language, LanguageDetectorBuilder

    by_language: dict[Any, str] = {}
    for code in sorted(codes):
        try:
            iso: Any = (IsoCode639_1 if len(code) == 2 else IsoCode639_3).from_str(code)
            language = (Language.from_iso_code_639_1(iso) if len(code) == 2
                        else Language.from_iso_code_639_3(iso))
        except ValueError:
            log.debug("lingua does not know language %r; it is never detected", code)
            continue
        by_language[language] = code
    if len(by_language) < 2:
        return None, by_language
    # Low accuracy mode: trigram models only, ~10x faster to load, and as
    # accurate as the high mode on sentence-length input (measured).
    builder = LanguageDetectorBuilder.from_languages(*by_language).with_low_accuracy_mode()
    return builder.build(), by_language


class LanguageDetector:
    """lingua, restricted to a closed set of languages and built on first use."""

    def __init__(self, languages: Iterable[str], min_letters: int) -> None:
        self.languages = frozenset(languages)
        self.min_letters = min_letters

    def detect(self, text: str, default: str) -> str:
        """The language of `text`, or `default` if too short or not clear enough."""
        if letters(text) < self.min_letters:
            return default
        detector, by_language = _lingua_detector(self.languages | {default})
        if detector is None:
            return default
        values = detector.compute_language_confidence_values(text)
        if not values:
            return default
        best = values[0]
        lang = by_language.get(best.language, default)
        return lang if lang == default or best.value >= SWITCH_CONFIDENCE else default


def _without(text: str, ranges: Sequence[tuple[int, int]]) -> str:
    """`text` with `ranges` blanked out (same length, so offsets still hold)."""
    if not ranges:
        return text
    chars = list(text)
    for a, b in ranges:
        chars[a:b] = " " * (b - a)
    return "".join(chars)


def route_block(norm: Normalized, protected: Sequence[tuple[int, int]], default: str,
                detector: LanguageDetector) -> tuple[str, list[Island]]:
    """The block's language and its quotations in other languages."""
    hidden = [norm.to_normalized(a, b) for a, b in protected]
    text = _without(norm.text, hidden)
    quotes = [norm.to_normalized(a, b) for a, b in quotations(norm.source)]
    outside = _without(text, quotes)
    sample = outside if letters(outside) >= detector.min_letters else text
    lang = detector.detect(sample, default)
    islands = []
    for a, b in quotes:
        quote_lang = detector.detect(text[a:b], lang)
        if quote_lang != lang:
            islands.append(Island(a, b, quote_lang))
    return lang, islands
