"""Which sentences get a dependency parse, and the parse in plain tuples.

Attribution reads syntax (who is the subject of "a précisé"), but parsing
every sentence would double the cost of the NLP stage. A sentence is parsed
when it can hold an attribution: it has a reporting word ("selon", "said",
"a précisé"…) or a quotation mark. The sentence before a quotation is parsed
too, since "Ankara a défendu les frappes. « … »" names the speaker there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from site_builder.annotate.lexicon import honorifics
from site_builder.attribute.lexicon import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc

# One parsed token: start, end (offsets in the analysed text), pos, dep, head, morph.
RawToken = tuple[int, int, str, str, int, str]
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_QUOTE_MARKS = frozenset('"«»“”')
# The morphological features attribution reads; the rest are not kept.
_FEATURES = ("Mood", "VerbForm", "Voice", "Person", "Number", "Gender")


def _words(text: str) -> Iterable[str]:
    for m in _WORD.finditer(text):
        word = m.group().lower().replace("’", "'")
        yield word
        if "'" in word:  # "d'après" is one entry; "l'ong" is "ong" after the elision
            yield word.split("'", 1)[1]


def needs_parse(lang: str, text: str, sentences: Sequence[tuple[int, int]],
                also: Iterable[int] = ()) -> list[tuple[int, int]]:
    """The sentences of `text` that attribution will read, wordless ones merged as in
    the article's sentences (a lone « goes with the sentence after it), and those
    holding one of the offsets `also` (words the entity filters need tagged)."""
    lex = lexicon(lang)
    also = tuple(also)
    sentences = merge_wordless(text, list(sentences))
    wanted: set[int] = set()
    for i, (start, end) in enumerate(sentences):
        chunk = text[start:end]
        if any(ch in _QUOTE_MARKS for ch in chunk):
            wanted.add(i)
            if i > 0:
                wanted.add(i - 1)
        elif lex.triggers(words := list(_words(chunk))) or any(
                start <= at < end for at in also):
            wanted.add(i)
            if i > 0 and words and words[0] in lex.pronouns:
                wanted.add(i - 1)  # "Elle a fait état de …": who the sentence before is about
    return [sentences[i] for i in sorted(wanted)]


def parse_tokens(doc: Doc, offset: int) -> list[RawToken]:
    """A doc parsed on its own, offsets shifted by `offset` (where its text starts)."""
    return [(s + offset, e + offset, p, d, h, m)
            for s, e, p, d, h, m in parse_span(doc, 0, len(doc.text))]


def merge_wordless(text: str, sentences: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Attach "sentences" without a letter or digit (a lone opening quotation mark,
    a dash) to the next sentence, or to the previous one at the end of a block."""
    merged: list[tuple[int, int]] = []
    pending: int | None = None
    for start, end in sentences:
        if not any(ch.isalnum() for ch in text[start:end]):
            pending = start if pending is None else pending
            continue
        merged.append((start if pending is None else pending, end))
        pending = None
    if pending is not None:
        if merged:
            merged[-1] = (merged[-1][0], sentences[-1][1])
        elif sentences:
            merged.append((pending, sentences[-1][1]))
    return _join_after_abbreviations(text, merged)


_LAST_WORD = re.compile(r"([^\W\d_]+)\.\s*$")


def _join_after_abbreviations(text: str, sentences: list[tuple[int, int]],
                              ) -> list[tuple[int, int]]:
    """A "sentence" that ends on an honorific's dot goes on in the next one: "said
    Brig. | Gen. Roberto Alcaraz" is one sentence, and one name. (Not "Inc." nor
    "Co.", which do end sentences.)"""
    joined: list[tuple[int, int]] = []
    for start, end in sentences:
        if joined:
            m = _LAST_WORD.search(text, joined[-1][0], joined[-1][1])
            if m is not None and m.group(1).casefold() + "." in honorifics() \
                    and m.group(1)[:1].isupper() and text[start:start + 1].isupper():
                joined[-1] = (joined[-1][0], end)
                continue
        joined.append((start, end))
    return joined


def parse_span(doc: Doc, start: int, end: int) -> list[RawToken]:
    """The parse of one sentence [start, end) of a parsed doc, in the doc's offsets.

    A head outside the sentence (the parser may join sentences) makes the
    token a root of its own: attribution reads one sentence at a time.
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return []
    inside = [t for t in span if not t.is_space]
    index = {t.i: n for n, t in enumerate(inside)}
    tokens: list[RawToken] = []
    for n, tok in enumerate(inside):
        feats = "|".join(f"{k}={v}" for k in _FEATURES for v in tok.morph.get(k))
        head = index.get(tok.head.i, n)
        dep = tok.dep_ if tok.head.i in index else "ROOT"
        tokens.append((tok.idx, tok.idx + len(tok.text), tok.pos_, dep, head, feats))
    return tokens
