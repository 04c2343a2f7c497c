"""One parsed sentence, with its text, for reading dependencies.

The parse comes from the annotate stage as plain tuples (model.Parse); this
adds what reading it needs: each token's words, its children, and the
sentence's place in the article.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from site_builder.model import Parse, SyntaxToken

# Dependency labels, French (Universal Dependencies) and English (ClearNLP) models alike.
SUBJECTS = frozenset({"nsubj", "csubj", "expl:subj"})
AGENTS = frozenset({"obl:agent", "agent"})
CASE_MARKS = frozenset({"case", "prep", "mark"})
OBJECTS = frozenset({"obj", "dobj", "nsubj", "attr", "appos", "obl:mod", "nmod", "npadvmod"})
CONJUNCTS = frozenset({"conj"})
ADVERBIAL_CLAUSES = frozenset({"advcl", "xcomp", "acl", "conj", "parataxis", "dep"})
NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "X"})


class Tree:
    """A parse and its block text; token indices are positions in `parse.tokens`."""

    def __init__(self, parse: Parse, text: str, order: int, sentence: int) -> None:
        self.block = parse.block
        self.lang = parse.lang
        self.text = text
        self.order = order  # the block's position in the article
        self.sentence = sentence  # index of the sentence in the article's reading order
        self.tokens: tuple[SyntaxToken, ...] = parse.tokens
        self.words = [text[t.start : t.end].lower().replace("’", "'") for t in self.tokens]
        self.children: list[list[int]] = [[] for _ in self.tokens]
        for i, tok in enumerate(self.tokens):
            if tok.head != i:
                self.children[tok.head].append(i)
        self._starts = [t.start for t in self.tokens]
        self.names: dict[int, str] = {}  # token index -> kind of the entity it is part of
        self.dateline_end = self._dateline_end()
        self._stripped = [w.strip("-") for w in self.words]
        # Each token's word with an elided article glued to the next one
        # ("d'" + "après"), and the index after it: the tokenizer may or may
        # not split such words, the word lists never do.
        self.joined: list[tuple[str, int]] = []
        for i, word in enumerate(self._stripped):
            if word.endswith("'") and i + 1 < len(self.tokens):
                self.joined.append((word + self._stripped[i + 1], i + 2))
            else:
                self.joined.append((word, i + 1))

    def _dateline_end(self) -> int:
        """Index of the first token after a dateline ("LIMA, June 3 –", "BEYROUTH, 9
        mars (AFP) -"), 0 when the sentence has none: a dateline names no speaker."""
        first = self.text[self.tokens[0].start : self.tokens[0].end]
        if not (first.isupper() and sum(map(str.isalpha, first)) >= 3):
            return 0
        for k in range(1, min(len(self.tokens), 14)):
            # An en or em dash, or a hyphen set off by spaces: "PORT-AU-PRINCE" is a name.
            spaced = self.tokens[k].start > self.tokens[k - 1].end
            if self.words[k] in ("–", "—") or (self.words[k] == "-" and spaced):
                return k + 1
        return 0

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def word(self, i: int) -> str:
        """The token's lowercase word, hyphens of "-t-il" stripped."""
        return self._stripped[i]

    def surface(self, i: int) -> str:
        return self.text[self.tokens[i].start : self.tokens[i].end]

    def kids(self, i: int, deps: frozenset[str] | None = None) -> Iterator[int]:
        for k in self.children[i]:
            if deps is None or self.tokens[k].dep in deps:
                yield k

    def ancestors(self, i: int) -> Iterator[int]:
        seen = {i}
        while self.tokens[i].head not in seen:
            i = self.tokens[i].head
            seen.add(i)
            yield i

    def subtree(self, i: int) -> list[int]:
        found, stack = [], [i]
        while stack:
            k = stack.pop()
            found.append(k)
            stack.extend(self.children[k])
        return sorted(found)

    def token_at(self, offset: int) -> int | None:
        """The token covering a character offset of the block, if any."""
        k = bisect_right(self._starts, offset) - 1
        if k >= 0 and self.tokens[k].start <= offset < self.tokens[k].end:
            return k
        return None

    def has_feature(self, i: int, feature: str) -> bool:
        return feature in self.tokens[i].morph.split("|")

    def is_passive(self, i: int) -> bool:
        """A passive has a passive auxiliary ("a été annoncé", "was confirmed"), or is a bare
        participle the model marks passive ("annoncée par le ministère"). The French
        model also marks "a-t-il rappelé" passive: an auxiliary of tense rules that out."""
        deps = {self.tokens[k].dep for k in self.children[i]}
        if deps & {"aux:pass", "auxpass", "agent", "obl:agent"}:  # "a toll confirmed by…"
            return True
        return self.has_feature(i, "Voice=Pass") and not deps & {"aux:tense", "aux"}

    def has_case(self, i: int) -> bool:
        """Is the token governed by a preposition ("à l'AFP", "sur X")?"""
        return any(self.tokens[k].dep in CASE_MARKS and k < i for k in self.children[i])
