"""Names written in capitals, recased so the model can read them.

Wire copy writes datelines and headings in capitals ("BEYROUTH, 9 mars –",
"GENÈVE (AFP) –", a heading "RUTH CHATTERTON"). Models trained on ordinary
text do not see names there, and the filters cannot tell "GENÈVE" from
shouting ("URGENT") by its letters. So the models read a copy in which
those words are written the ordinary way ("Genève", "Urgent"): the model
then finds the names, and what it tags in the shouted words is judged like
any capitalized word (see commonness.py: "Urgent" is a common word).

Which all-caps words are recased:

* every word that the acronym rules call shouting (acronyms.py: longer than
  an acronym, or a slug such as "FLASH -"), and
* an acronym-length word next to one of those ("RUTH" in "RUTH
  CHATTERTON"), or opening a dateline (first word of the block followed by
  a comma, a parenthesis or a dash: "GAZA, 3 mars"), unless the article
  defines it or the registry writes it so.

Recasing never changes a length: offsets into the copy are offsets into the
text.
"""

from __future__ import annotations

import re

from site_builder.annotate.acronyms import AcronymContext, is_all_caps

_CAPS_WORD = re.compile(r"[^\W\d_][^\W\d_'\-]*(?:[-'][^\W\d_]+)*")
_DATELINE_TAIL = re.compile(r"\s*[,(–—-]")
_SLUG = re.compile(r"([^\W\d_]+)\s+[–—-]\s+")
# "IDLEB, 13 mars –", "KYIV, Ukraine (Reuters) —", "GENÈVE (AFP) –": a place in
# capitals opening the block, then a date, a region or an agency, then a dash.
_DATELINE = re.compile(
    r"(?P<place>[^\W\d_][^\W\d_'’\-]*(?:[-'’ ][^\W\d_]+)*)"
    r"(?=\s*(?:,[^–—\n]{1,40}?|\([^()\n]{1,30}\))\s*(?:\([^()\n]{1,30}\)\s*)?[–—-]\s)")


_AGENCY = re.compile(r"[^()\n]{0,40}?\(\s*([^\W\d_][\w&.\- ]{0,24}?)\s*\)\s*[–—-]\s")


def dateline_agency(text: str, place_end: int) -> tuple[int, int] | None:
    """The span of the agency in a dateline's parentheses, "GENÈVE (AFP) –",
    "KYIV, Ukraine (Reuters) —": the news organization that filed the story."""
    m = _AGENCY.match(text, place_end)
    if m is None or not m.group(1)[:1].isupper():
        return None
    return m.start(1), m.end(1)


def dateline_place(text: str) -> tuple[int, int] | None:
    """The span of the place a dateline opens the text with, if it does.

    Wire copy datelines name the place the story was filed from, in capitals;
    that convention is the evidence, so the span is a place whatever the
    model makes of it.
    """
    start = len(text) - len(text.lstrip())
    # A slug may come first: "ALERTE – GAZA, 3 mars –".
    if (slug := _SLUG.match(text, start)) is not None and is_all_caps(slug.group(1)):
        start = slug.end()
    m = _DATELINE.match(text, start)
    if m is None or not is_all_caps(m.group("place")):
        return None
    return m.start("place"), m.end("place")


def _title(word: str) -> str:
    """"GENÈVE" → "Genève", "AL-ASSAD" → "Al-Assad", keeping the length."""
    out = []
    upper_next = True
    for ch in word:
        if upper_next:
            out.append(ch)
        else:
            low = ch.lower()
            out.append(low if len(low) == 1 else ch)
        upper_next = ch in "-'"
    return "".join(out)


def recase(text: str, acronyms: AcronymContext, sentence_starts: frozenset[int] = frozenset({0}),
           ) -> str:
    """`text` with its shouted and dateline words written the ordinary way."""
    if not any(ch.isupper() for ch in text):
        return text
    words = [m for m in _CAPS_WORD.finditer(text) if is_all_caps(m.group())]
    if not words:
        return text
    shouted = [not acronyms.is_acronym(text, m.start(), m.end(), m.start() in sentence_starts)
               for m in words]
    for n, m in enumerate(words):
        if shouted[n] or m.group() in acronyms.known:
            continue
        # A run of capitals is one heading: "RUTH CHATTERTON", "BEYROUTH ET DAMAS".
        neighbours = [k for k in (n - 1, n + 1) if 0 <= k < len(words)]
        next_to_shouting = any(
            shouted[k] and not text[min(m.end(), words[k].end()):
                                    max(m.start(), words[k].start())].strip()
            for k in neighbours)
        dateline = not text[:m.start()].strip() and _DATELINE_TAIL.match(text, m.end())
        shouted[n] = next_to_shouting or bool(dateline)
    if not any(shouted):
        return text
    out = list(text)
    for flag, m in zip(shouted, words, strict=True):
        if flag:
            out[m.start():m.end()] = _title(m.group())
    return "".join(out)
