"""Who said it: sources for figures, speakers for quotes.

`attribute` reads an article's sentences for attribution cues ("selon X",
"X a affirmé", "…, a précisé X", "according to X", "X said", "…, said X",
"de source militaire"), finds what each cue names, and gives every figure
and quote the naming nearest to it. A cue names:

- an entity: its actor id is the source ("selon l'OSDH" and "selon
  l'Observatoire syrien…" give the same source once linked); an entity with
  no actor id gives source None with `source_text` set: named, not linked;
- a designator ("l'ONG", "le ministère", "le président américain"): resolved
  to an actor named earlier in the article (see `_resolve`);
- an unnamed source ("une source militaire", "officials"): source None,
  `source_text` set;
- a pronoun ("a-t-il ajouté", "selon lui", "he said"): the naming before it.

A sentence with no cue of its own continues the sentence before it when it
reads as part of the same report (see `_continues`). docs/figures.md lists
the rules and their limits.

Pure: this runs on every build, on text and offsets earlier stages cached.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

from site_builder.annotate import cues
from site_builder.annotate.cues import Designator, Token
from site_builder.model import Actor, Annotations, BlockLang, Entity, Figure, Quote, Sentence

# A sentence inherits a source from at most this many sentences back.
CONTINUATION_WINDOW = 3
# How far (in tokens) a subject may follow an inverted cue verb.
_FORWARD_REACH = 12
# The longest apposition (in tokens) between a subject and its verb.
_APPOSITION_REACH = 8
# A sentence's subject sits within its first tokens.
_SUBJECT_REACH = 6
_NAME_CONNECTORS = frozenset(
    {"de", "des", "du", "of", "the", "for", "and", "et", "sans", "pour", "-", "&"}
)

# Words after an inverted verb that are not the start of a missed name.
_NOT_NAMES = cues.CUE_ADVERBS | cues.HONORIFICS
# Words between a subject and a finite cue verb.
_VERB_COMPANIONS = cues.CUE_ADVERBS | cues.AUXILIARIES

MentionKind = Literal["entity", "designator", "generic", "pronoun", "name"]


@dataclass(frozen=True, slots=True)
class _Mention:
    """Words that can name a source, and the actor they stand for (if known)."""

    kind: MentionKind
    block: str
    start: int
    end: int
    text: str
    actor: str | None = None


@dataclass(frozen=True, slots=True)
class _Cue:
    """A resolved attribution inside one sentence."""

    start: int  # span of the cue words and what they name, for distances
    end: int
    region: int | None  # index of the quote it sits in, None outside quotes
    naming: _Mention


@dataclass(slots=True)
class _Span:
    """One sentence, with its token range in its block."""

    index: int
    block: str
    order: int  # the block's position in the article
    start: int
    end: int
    first: int  # token range [first, last)
    last: int
    cues: list[_Cue] = field(default_factory=list)
    inherited: tuple[_Mention, int] | None = None  # naming and the sentence it came from


def attribute(ann: Annotations, actors: Mapping[str, Actor]) -> None:
    """Fill figure sources and quote speakers of one article, in place."""
    doc = _Article(ann, actors)
    for span in doc.sentences:
        doc.read_cues(span)
    for quote in ann.quotes:
        naming = doc.quote_naming(quote)
        doc.quote_namings.append(naming)
        quote.speaker = naming.actor if naming else None
        quote.speaker_text = naming.text if naming else None
    for figure in ann.figures:
        _set_source(figure, doc.figure_naming(figure))


def attribution_key(ann: Annotations, actors: Mapping[str, Actor]) -> tuple[object, ...]:
    """Everything `attribute` reads besides the article's own text.

    Two calls with the same text and equal keys fill in the same sources and
    speakers, so a caller may reuse the earlier result: the preview server
    then re-attributes only the articles whose linked actors changed.
    """
    ids = sorted({e.actor for e in ann.entities if e.actor is not None})
    known = (actors.get(i) for i in ids)
    return (
        tuple(e.actor for e in ann.entities),
        tuple((a.id, a.kind, a.name, tuple(a.aliases), a.description)
              for a in known if a is not None),
    )


def _set_source(figure: Figure, naming: _Mention | None) -> None:
    figure.source = naming.actor if naming else None
    figure.source_text = naming.text if naming else None
    figure.source_start = naming.start if naming else None
    figure.source_end = naming.end if naming else None
    figure.source_block = naming.block if naming else None


class _Article:
    """An article's text, indexed for cue reading."""

    def __init__(self, ann: Annotations, actors: Mapping[str, Actor]) -> None:
        self.actors = actors
        self.blocks: dict[str, BlockLang] = {b.id: b for b in ann.blocks}
        self.order = {b.id: i for i, b in enumerate(ann.blocks)}
        self.tokens = {b.id: cues.tokenize(b.text) for b in ann.blocks}
        self.starts = {bid: [t.start for t in toks] for bid, toks in self.tokens.items()}
        self.entities = sorted(
            (e for e in ann.entities if e.block in self.order),
            key=lambda e: (self.order[e.block], e.start),
        )
        self.positions = [(self.order[e.block], e.start) for e in self.entities]
        self.block_entities: dict[str, list[Entity]] = {}
        for e in self.entities:
            self.block_entities.setdefault(e.block, []).append(e)
        self.actors_of_kind: dict[str, set[str]] = {}
        for e in self.entities:
            if e.actor is not None:
                self.actors_of_kind.setdefault(self._kind(e), set()).add(e.actor)
        self.regions = _quote_regions(ann.blocks, ann.quotes)
        self.mentions = {b.id: self._mentions(b.id) for b in ann.blocks}
        self.sentences = self._sentences(ann.sentences)
        self.by_block: dict[str, list[_Span]] = {}
        for span in self.sentences:
            self.by_block.setdefault(span.block, []).append(span)
        self.history: list[tuple[int, _Mention]] = []  # namings in reading order
        self.quote_namings: list[_Mention | None] = []  # by quote index

    # ------------------------------------------------------------ structure

    def _sentences(self, given: Sequence[Sentence]) -> list[_Span]:
        by_block: dict[str, list[Sentence]] = {}
        for s in given:
            if s.block in self.order:
                by_block.setdefault(s.block, []).append(s)
        spans: list[_Span] = []
        for block_id, block in self.blocks.items():
            sentences = sorted(by_block.get(block_id, []), key=lambda s: s.start)
            if not sentences:
                sentences = [Sentence(block_id, 0, len(block.text))]
            for s in sentences:
                first = bisect_right(self.starts[block_id], s.start - 1)
                last = bisect_right(self.starts[block_id], s.end - 1)
                spans.append(
                    _Span(len(spans), block_id, self.order[block_id], s.start, s.end, first, last)
                )
        return spans

    def sentence_at(self, block: str, offset: int) -> _Span | None:
        """The sentence holding `offset`, or the last one starting before it."""
        best: _Span | None = None
        for span in self.by_block.get(block, ()):
            if span.start <= offset:
                best = span
            if span.start <= offset < span.end:
                return span
        return best

    def region(self, block: str, offset: int) -> int | None:
        for start, end, index in self.regions.get(block, ()):
            if start <= offset < end:
                return index
        return None

    # ------------------------------------------------------------- mentions

    def _mentions(self, block_id: str) -> list[_Mention]:
        """Everything in a block that could name a source, entities first."""
        tokens = self.tokens[block_id]
        text = self.blocks[block_id].text
        found = [
            _Mention("entity", block_id, e.start, e.end, text[e.start : e.end], e.actor)
            for e in self.block_entities.get(block_id, ())
        ]
        entities = list(found)
        for kind, start, end, actor in (
            *self._designators(block_id, tokens),
            *_generics(tokens),
            *_pronouns(tokens),
        ):
            overlapping = [m for m in found if m.start < end and start < m.end]
            # "the UN humanitarian agency": a name used as a modifier stays inside.
            modifier_names = kind == "designator" and all(
                m in entities and start < m.start and m.end <= end for m in overlapping
            )
            if not overlapping or modifier_names:
                found.append(_Mention(kind, block_id, start, end, text[start:end], actor))
        return sorted(found, key=lambda m: m.start)

    def _kind(self, entity: Entity) -> str:
        actor = self.actors.get(entity.actor) if entity.actor else None
        return actor.kind if actor else entity.kind

    def mention_at(self, block: str, token: Token) -> _Mention | None:
        for m in self.mentions[block]:
            if m.start <= token.start < m.end:
                return m
        return None

    # ----------------------------------------------------------- designators

    def _designators(
        self, block_id: str, tokens: Sequence[Token]
    ) -> list[tuple[MentionKind, int, int, str | None]]:
        found: list[tuple[MentionKind, int, int, str | None]] = []
        for i, tok in enumerate(tokens):
            if tok.norm not in cues.DESIGNATOR_DETS or tok.protected:
                continue
            parsed = _designator_at(tokens, i + 1, english=self.blocks[block_id].lang == "en")
            if parsed is None:
                continue
            end, designator, qualifiers = parsed
            actor = self._resolve(designator, qualifiers, block_id, tok.start)
            # "du ministère" is "de" + "le ministère": the naming starts at the noun.
            start = tokens[i + 1].start if tok.norm in cues.CONTRACTED_DETS else tok.start
            found.append(("designator", start, tokens[end - 1].end, actor))
        return found

    def _resolve(
        self, designator: Designator, qualifiers: list[str], block: str, offset: int
    ) -> str | None:
        """The actor a designator refers back to, or None.

        Roles ("le président américain") go to the most recent person named
        with that role next to the name ("le président américain Donald
        Trump", "Donald Trump, US President"), else whose description has the
        role, else, when the designator carries no qualifier, the most recent
        person. Organizations go to the most recent organization whose name or
        aliases contain the designator's word ("le ministère" -> "ministère de
        la Santé"), else (for generic words like "l'ONG") the most recent one.
        """
        earlier = self._earlier_actors(block, offset, designator.kind)
        wanted = {_key(k) for k in designator.keywords}
        needed = {_key(q) for q in qualifiers}
        if designator.kind == "person":
            for actor_id, entity in earlier:
                context = self._context_keys(entity)
                if context & wanted and needed <= context:
                    return actor_id
            for actor_id, _ in earlier:
                described = _keys(self._description(actor_id))
                if described & wanted and needed <= described:
                    return actor_id
            return earlier[0][0] if earlier and not needed else None
        named = [(a, _keys(self._names(a, e))) for a, e in earlier]
        for test in (lambda keys: keys & wanted and needed <= keys, lambda keys: keys & wanted):
            for actor_id, keys in named:
                if test(keys):
                    return actor_id
        return earlier[0][0] if earlier and not designator.strict else None

    def _earlier_actors(self, block: str, offset: int, kind: str) -> list[tuple[str, Entity]]:
        """Actors of `kind` mentioned before a position, most recent first, once each."""
        cut = bisect_right(self.positions, (self.order[block], offset - 1))
        everyone = self.actors_of_kind.get(kind, set())
        seen: set[str] = set()
        result: list[tuple[str, Entity]] = []
        for k in range(cut - 1, -1, -1):
            if len(seen) == len(everyone):
                break  # every actor of that kind is already listed
            e = self.entities[k]
            if e.actor is None or e.actor in seen or self._kind(e) != kind:
                continue
            if not self._interlocutor(e):
                seen.add(e.actor)
                result.append((e.actor, e))
        return result

    def _interlocutor(self, entity: Entity) -> bool:
        """ "a déclaré à l'AFP", "told Reuters": the one spoken to is not referred back to."""
        tokens = self.tokens[entity.block]
        k = bisect_right(self.starts[entity.block], entity.start - 1) - 1
        while k >= 0 and tokens[k].norm in cues.DETERMINERS:
            k -= 1
        if k >= 0 and tokens[k].norm in cues.TOLD:
            return True
        return (
            k >= 1 and tokens[k].norm in {"à", "au", "to"}
            and (cues.SPEECH_VERBS.match_before(tokens, k) is not None
                 or cues.SPEECH_PARTICIPLES.match_before(tokens, k) is not None)
        )  # fmt: skip

    def _context_keys(self, entity: Entity) -> frozenset[str]:
        """The title next to a name: "le président américain [X]", "[X], US president"."""
        tokens = self.tokens[entity.block]
        i = bisect_right(self.starts[entity.block], entity.start - 1)
        j = bisect_right(self.starts[entity.block], entity.end - 1)
        near: list[Token] = []
        for tok in reversed(tokens[max(0, i - 5) : i]):
            if tok.norm in cues.HARD_PUNCT or tok.norm == ",":
                break
            near.append(tok)
        # After the name only an apposition counts: ", le président américain,".
        if j < len(tokens) and tokens[j].norm == ",":
            for tok in tokens[j + 1 : j + 7]:
                if tok.norm in cues.HARD_PUNCT or tok.norm == ",":
                    break
                near.append(tok)
        return frozenset(_key(w) for w in _join_words(near))

    def _description(self, actor_id: str) -> str:
        actor = self.actors.get(actor_id)
        return actor.description or "" if actor else ""

    def _names(self, actor_id: str, entity: Entity) -> str:
        """An organization's names; not its description, where "armée" may mean "armed"."""
        actor = self.actors.get(actor_id)
        names = [entity.text]
        if actor:
            names += [actor.name, *actor.aliases]
        return " ".join(names)

    # -------------------------------------------------------------- cues

    def read_cues(self, span: _Span) -> None:
        """Find the cues of one sentence, then what it inherits if it has none."""
        tokens = self.tokens[span.block]
        i = span.first
        while i < span.last:
            found = self._cue_at(span, tokens, i)
            if found is None:
                i += 1
                continue
            cue, i = found
            if cue is not None:
                span.cues.append(cue)
                if cue.region is None:
                    self.history.append((span.index, cue.naming))
        if (
            not any(c.region is None for c in span.cues)
            and self._continues(span)
            and not self._new_subject(span)
        ):
            previous = self.sentences[span.index - 1]
            naming = _main_naming(previous)
            origin = previous.index
            if naming is None and previous.inherited is not None:
                naming, origin = previous.inherited
            if naming is not None and span.index - origin <= CONTINUATION_WINDOW:
                span.inherited = (naming, origin)

    def _cue_at(
        self, span: _Span, tokens: Sequence[Token], i: int
    ) -> tuple[_Cue | None, int] | None:
        """A cue starting at token `i`: (the cue or None if it names nothing, next index)."""
        prep = cues.SOURCE_PREPOSITIONS.match_at(tokens, i)
        if prep is not None:
            end, how = prep
            # "de source militaire": the noun "source" is itself the naming.
            target = end - 1 if how == "source" else end
            naming = self._object_of(span, tokens, target)
            return self._cue(span, tokens, i, end, naming), end
        verb = cues.SPEECH_PARTICIPLES.match_at(tokens, i)
        first = i
        if verb is not None:
            aux = _auxiliary_before(tokens, i, span.first)
            if aux is None:
                verb = None
            else:
                first = aux
        if verb is None:
            verb = cues.SPEECH_VERBS.match_at(tokens, i)
            if verb is None or (i > span.first and tokens[i - 1].norm in cues.DETERMINERS):
                return None  # "l'annonce", "the claims": a noun, not a verb
        end = verb[0]
        naming = self._subject(span, tokens, first, end)
        return self._cue(span, tokens, i, end, naming), end

    def _cue(
        self, span: _Span, tokens: Sequence[Token], i: int, end: int, naming: _Mention | None
    ) -> _Cue | None:
        if naming is None:
            return None
        # The cue's extent is its words and the words naming the source here,
        # even when a pronoun stands for a name further back.
        start, stop = min(tokens[i].start, naming.start), max(tokens[end - 1].end, naming.end)
        resolved = self._resolve_pronoun(naming, span) if naming.kind == "pronoun" else naming
        if resolved is None:
            return None
        return _Cue(start, stop, self.region(span.block, tokens[i].start), resolved)

    def _subject(
        self, span: _Span, tokens: Sequence[Token], first: int, end: int
    ) -> _Mention | None:
        """Who a speech verb (tokens [first, end)) belongs to."""
        pronoun = _inverted_pronoun(tokens, first, end)
        if pronoun is not None:
            return self.mention_at(span.block, tokens[pronoun])
        before = first - 1
        # "l'ONG affirme également", "the WHO has also said": skip to the subject.
        while before >= span.first and tokens[before].norm in _VERB_COMPANIONS:
            before -= 1
        if before >= span.first and tokens[before].norm in cues.INVERSION_MARKS:
            # ", a précisé X" / ", said X" (", X said" is handled below). French
            # inverts after a comma far more often than English, which puts an
            # apposition there: "An official, speaking on condition of anonymity, said".
            if self.blocks[span.block].lang == "en":
                return self._backward(span, tokens, before) or self._forward(span, tokens, end)
            return self._forward(span, tokens, end) or self._backward(span, tokens, before)
        if before < span.first:
            return self._forward(span, tokens, end)
        return self._backward(span, tokens, before)

    def _forward(self, span: _Span, tokens: Sequence[Token], k: int) -> _Mention | None:
        """The first mention after an inverted verb that is not a complement."""
        stop = min(span.last, k + _FORWARD_REACH)
        while k < stop:
            tok = tokens[k]
            if tok.norm in cues.HONORIFICS:
                k += 2 if k + 1 < stop and tokens[k + 1].norm == "." else 1  # "M. Dupont"
                continue
            if tok.norm in cues.HARD_PUNCT or tok.norm in cues.CLAUSE_OPENERS:
                return None  # ", a affirmé que l'armée…": the clause is what was said
            mention = self.mention_at(span.block, tok)
            if mention is None:
                if tok.norm not in _NOT_NAMES and not _governed(
                    tokens, k, span.first
                ):
                    # ", said Trump" with no entity: a name the entity stage missed.
                    name = _capitalized_run(span.block, self.blocks[span.block].text, tokens,
                                            k, span.first, forward_until=stop)  # fmt: skip
                    if name is not None:
                        return name
                k += 1
                continue
            if not _governed(tokens, k, span.first):
                return self._titled(span.block, mention)
            k = bisect_right(self.starts[span.block], mention.end - 1)
        return None

    def _backward(self, span: _Span, tokens: Sequence[Token], k: int) -> _Mention | None:
        """The subject ending at token `k` (just before its verb).

        "X, directeur de l'OSDH, a affirmé": across an apposition or a relative
        clause the subject is what stands before the opening comma, unless the
        apposition is itself just a name ("Son porte-parole, X, a affirmé").
        """
        if k < span.first:
            return None
        tok = tokens[k]
        if tok.norm == ")":
            opening = _matching_open(tokens, k, span.first)
            return self._backward(span, tokens, opening - 1) if opening is not None else None
        if tok.norm in cues.RELATIVE_PRONOUNS:
            k -= 1
            if k >= span.first and tokens[k].norm == ",":
                k -= 1
            return self._backward(span, tokens, k)
        if tok.norm == ",":
            opening = k - 1
            while opening >= span.first and tokens[opening].norm != ",":
                if tokens[opening].norm in cues.HARD_PUNCT:
                    return None
                opening -= 1
            if opening < span.first:
                return None
            inner = self._only_mention(span.block, tokens, opening + 1, k)
            if inner is not None:
                return inner
            # Only a short apposition right after a name: "X, directeur de l'OSDH,".
            if opening == span.first or k - opening - 1 > _APPOSITION_REACH:
                return None
            head = self.mention_at(span.block, tokens[opening - 1])
            if head is None:
                return self._modified(span, tokens, opening - 1)  # "A Ministry official, …,"
            return self._titled(span.block, head)
        mention = self.mention_at(span.block, tok)
        if mention is not None:
            return self._titled(span.block, mention)
        return self._modified(span, tokens, k) or _capitalized_run(
            span.block, self.blocks[span.block].text, tokens, k, span.first
        )

    def _modified(self, span: _Span, tokens: Sequence[Token], k: int) -> _Mention | None:
        """ "The UNHCR field team", "Russia's foreign ministry": the name before a noun."""
        j = k
        while j > span.first and k - j < 3:
            tok = tokens[j]
            if tok.norm == "s" and tokens[j - 1].text in cues.APOSTROPHES:
                j -= 2  # possessive "'s"
                break
            if tok.kind != "word" or not tok.text[:1].islower() or tok.norm in cues.UNIT_STOP:
                break
            j -= 1
        if j < span.first or j == k:
            return None
        mention = self.mention_at(span.block, tokens[j])
        return mention if mention is not None and mention.kind == "entity" else None

    def _only_mention(self, block: str, tokens: Sequence[Token], i: int, j: int) -> _Mention | None:
        """The mention filling tokens [i, j) (determiners aside), if there is one."""
        while i < j and tokens[i].norm in cues.DETERMINERS:
            i += 1
        if i >= j:
            return None
        mention = self.mention_at(block, tokens[i])
        if mention is not None and mention.end >= tokens[j - 1].end:
            return mention
        return None

    def _titled(self, block: str, mention: _Mention) -> _Mention:
        """Prefer a name to the title around it: "le président américain Donald Trump",
        "le directeur de l'OSDH, Rami Abdel Rahmane" (across the title's complement),
        "the White Helmets rescue group" (the name inside)."""
        if mention.kind not in ("designator", "generic"):
            return mention
        text = self.blocks[block].text
        position = mention.end
        inside: list[_Mention] = []
        for m in self.mentions[block]:
            if m.start < position:
                if m.kind == "entity" and mention.start <= m.start and m.end <= mention.end:
                    inside.append(m)
                continue
            gap = text[position : m.start].strip(" \u00a0\u202f")
            if m.kind == "entity" and gap in ("", ","):
                return m
            if not cues.is_complement_gap(gap.removesuffix(",")):
                break
            if m.kind == "entity" and gap.endswith(","):
                return m  # "la porte-parole du département d'État, Emily Carter"
            position = m.end  # "de l'OSDH": the title's complement, look past it
        return inside[-1] if inside else mention

    def _object_of(self, span: _Span, tokens: Sequence[Token], k: int) -> _Mention | None:
        """What follows "selon": "selon l'OSDH", "selon un bilan du ministère"."""
        k = _skip(tokens, k, span.last, cues.DETERMINERS)
        if k < span.last and tokens[k].norm in cues.DOCUMENT_NOUNS:
            k = _skip(tokens, k, span.last, cues.DOCUMENT_NOUNS)
            if k < span.last and tokens[k].norm in cues.DOCUMENT_LINKS:
                k = _skip(tokens, k + 1, span.last, cues.DETERMINERS | cues.DOCUMENT_LINKS)
            else:
                return None  # "selon le bilan officiel": no one named
        if k >= span.last:
            return None
        mention = self.mention_at(span.block, tokens[k])
        if mention is not None:
            return self._titled(span.block, mention)
        text = self.blocks[span.block].text
        return _capitalized_run(
            span.block, text, tokens, k, span.first, forward_until=span.last
        ) or _unnamed_phrase(span.block, text, tokens, k, span.last)

    # ------------------------------------------------------------ pronouns

    def _resolve_pronoun(self, pronoun: _Mention, span: _Span) -> _Mention | None:
        """ "a-t-il ajouté", "selon lui": the last naming within the window, else
        the last person named in the previous sentences."""
        if self.history and span.index - self.history[-1][0] <= CONTINUATION_WINDOW:
            return self.history[-1][1]
        cut = bisect_right(self.positions, (self.order[span.block], pronoun.start - 1))
        lowest = self.sentences[max(0, span.index - CONTINUATION_WINDOW)]
        for e, position in zip(
            reversed(self.entities[:cut]), reversed(self.positions[:cut]), strict=True
        ):
            if position < (lowest.order, lowest.start):
                break
            if e.actor and self._kind(e) == "person":
                text = self.blocks[e.block].text[e.start : e.end]
                return _Mention("entity", e.block, e.start, e.end, text, e.actor)
        return None

    # --------------------------------------------------------- continuation

    def _continues(self, span: _Span) -> bool:
        """Does a sentence without a cue carry on the report before it?

        Yes when the previous sentence is in the same paragraph or the one
        just before, and this one reads as more of the same: a continuation
        marker ("également", "also", "la même source"), a French conditional
        ("aurait", "seraient": reported, not asserted), or a quotation.
        """
        if span.index == 0:
            return False
        previous = self.sentences[span.index - 1]
        if span.order - previous.order > 1:
            return False
        tokens = self.tokens[span.block]
        for k in range(span.first, span.last):
            tok = tokens[k]
            if cues.CONTINUATION_MARKERS.match_at(tokens, k) is not None:
                return True
            if cues.CONDITIONAL_RE.match(tok.norm) and tok.norm not in cues.NOT_CONDITIONAL:
                return True
        return any(s < span.end and span.start < e for s, e, _ in self.regions.get(span.block, ()))

    def _new_subject(self, span: _Span) -> bool:
        """Does the sentence open on another person or organization?

        "U.S. President Donald Trump welcomed the deal, calling it “a great
        first step”": a new actor leads the sentence, so it does not go on
        with the report before it.
        """
        tokens = self.tokens[span.block]
        opening_end = tokens[min(span.first + _SUBJECT_REACH, span.last) - 1].end
        previous = self.sentences[span.index - 1]
        earlier = _main_naming(previous) or (previous.inherited[0] if previous.inherited else None)
        for m in self.mentions[span.block]:
            if span.start <= m.start < opening_end and m.kind == "entity" and m.actor:
                entity_kind = self.actors[m.actor].kind if m.actor in self.actors else None
                if entity_kind in ("person", "organization") and (
                    earlier is None or m.actor != earlier.actor
                ):
                    return True
        return False

    # ----------------------------------------------------------- assignment

    def figure_naming(self, figure: Figure) -> _Mention | None:
        span = self.sentence_at(figure.block, figure.start)
        if span is None:
            return None
        region = self.region(figure.block, figure.start)
        near = [c for c in span.cues if c.region == region]
        if near:
            return min(near, key=lambda c: _distance(c, figure.start, figure.end)).naming
        if region is not None and region < len(self.quote_namings):
            quoted = self.quote_namings[region]
            if quoted is not None:
                return quoted
        return _main_naming(span) or (span.inherited[0] if span.inherited else None)

    def quote_naming(self, quote: Quote) -> _Mention | None:
        """The cue right after a quote (", a déclaré X"), else right before ("X a dit :")."""
        end_block = quote.end_block or quote.block
        closing = self.sentence_at(end_block, max(quote.end - 1, 0))
        opening = self.sentence_at(quote.block, quote.start)
        after: list[_Cue] = []
        if closing is not None:
            after = [c for c in closing.cues if c.region is None and c.start >= quote.end]
            tail = self.blocks[end_block].text[quote.end : closing.end]
            nxt = closing.index + 1
            # "« … . »" then ", a-t-il dit." may have been split into two sentences.
            if not tail.strip(" »”\"\u00a0\u202f.!?…") and nxt < len(self.sentences):
                following = self.sentences[nxt]
                if following.block == end_block:
                    after += [c for c in following.cues if c.region is None]
        if after:
            return min(after, key=lambda c: c.start).naming
        if opening is not None:
            before = [c for c in opening.cues if c.region is None and c.end <= quote.start]
            if before:
                return max(before, key=lambda c: c.end).naming
            # A quotation with no cue goes on with the speaker before it.
            if opening.inherited is not None:
                return opening.inherited[0]
        return None


# ----------------------------------------------------------------- helpers


def _quote_regions(
    blocks: Sequence[BlockLang], quotes: Sequence[Quote]
) -> dict[str, list[tuple[int, int, int]]]:
    """Per block, the character ranges each quote covers."""
    order = {b.id: i for i, b in enumerate(blocks)}
    regions: dict[str, list[tuple[int, int, int]]] = {}
    for index, q in enumerate(quotes):
        if q.block not in order:
            continue
        last = order.get(q.end_block or q.block, order[q.block])
        for b in blocks[order[q.block] : last + 1]:
            start = q.start if b.id == q.block else 0
            end = q.end if b.id == (q.end_block or q.block) else len(b.text)
            regions.setdefault(b.id, []).append((start, end, index))
    return regions


def _main_naming(span: _Span) -> _Mention | None:
    outside = [c for c in span.cues if c.region is None]
    return outside[-1].naming if outside else None


def _distance(cue: _Cue, start: int, end: int) -> int:
    if cue.end <= start:
        return start - cue.end
    if end <= cue.start:
        return cue.start - end
    return 0


def _designator_at(
    tokens: Sequence[Token], i: int, *, english: bool
) -> tuple[int, Designator, list[str]] | None:
    """After a determiner: [modifiers] head [adjectives] [de + complement].

    English qualifiers come before the noun ("the US president"), French ones
    after it ("le président américain").
    """
    qualifiers: list[str] = []
    k = i
    head = cues.DESIGNATORS.match_at(tokens, k)
    # English puts qualifiers first: "the US president", "the Britain-based monitor".
    while head is None and k < len(tokens) and k - i < 4:
        tok = tokens[k]
        if (tok.kind != "word" and tok.norm != "-") or tok.norm in cues.UNIT_STOP:
            return None
        if tok.kind == "word":
            qualifiers.append(tok.norm)
        k += 1
        head = cues.DESIGNATORS.match_at(tokens, k)
    if head is None:
        return None
    end, designator = head
    # French puts them after: "le président américain", "le ministère de la Santé".
    while not english and end < len(tokens) and len(qualifiers) < 3:
        tok = tokens[end]
        if tok.kind != "word" or tok.norm in cues.UNIT_STOP or not tok.text[:1].islower():
            break
        if tok.norm.endswith("ent") or tok.norm in cues.FR_VERB_FORMS:
            break
        qualifiers.append(tok.norm)
        end += 1
    if end < len(tokens) and tokens[end].norm in cues.UNIT_COMPLEMENT:
        k = _skip(tokens, end + 1, len(tokens), cues.UNIT_COMPLEMENT_DETS)
        words: list[str] = []
        while k < len(tokens) and tokens[k].kind == "word" and len(words) < 2:
            if tokens[k].norm in cues.UNIT_STOP:
                break
            words.append(tokens[k].norm)
            k += 1
        # The complement qualifies the designator but is not part of its words:
        # in "le directeur de l'OSDH" the OSDH is a mention of its own.
        qualifiers += words
    return end, designator, qualifiers


def _generics(tokens: Sequence[Token]) -> list[tuple[MentionKind, int, int, str | None]]:
    """Unnamed sources: "source militaire", "a security source", "officials"."""
    found: list[tuple[MentionKind, int, int, str | None]] = []
    for i, tok in enumerate(tokens):
        if tok.norm not in cues.GENERIC_SOURCE_NOUNS or tok.protected:
            continue
        if tok.text[:1].isupper() and i > 0 and tokens[i - 1].norm not in cues.HARD_PUNCT:
            continue  # capitalized mid-sentence: part of a name ("Médecins sans frontières")
        first = i
        while (
            first > 0 and i - first < 2 and tokens[first - 1].kind == "word"
            and tokens[first - 1].norm not in cues.UNIT_STOP
            and tokens[first - 1].norm not in cues.INDEFINITE_DETS
            and not cues.is_elided(tokens[first - 1])
        ):  # fmt: skip
            first -= 1  # English modifiers: "security source", "Syrian officials"
        end = i + 1
        while (
            end < len(tokens) and end - i <= 2 and tokens[end].kind == "word"
            and tokens[end].text[:1].islower() and tokens[end].norm not in cues.UNIT_STOP
            and cues.SPEECH_VERBS.match_at(tokens, end) is None
            and cues.SPEECH_PARTICIPLES.match_at(tokens, end) is None
        ):  # fmt: skip
            end += 1  # French modifiers: "source militaire", "responsable local"
        # "la même source", "the same source" point back like a pronoun.
        kind: MentionKind = (
            "pronoun" if any(t.norm in {"même", "same"} for t in tokens[first:i]) else "generic"
        )
        found.append((kind, tokens[first].start, tokens[end - 1].end, None))
    return found


def _pronouns(tokens: Sequence[Token]) -> list[tuple[MentionKind, int, int, str | None]]:
    return [
        ("pronoun", t.start, t.end, None)
        for t in tokens if t.norm in cues.PRONOUNS and not t.protected
    ]  # fmt: skip


def _auxiliary_before(tokens: Sequence[Token], i: int, floor: int) -> int | None:
    """Index of the auxiliary of participle `i` ("a", "ont", "aurait"), if any."""
    k = i - 1
    while k >= floor and i - k <= 6:
        norm = tokens[k].norm
        if norm in cues.AUXILIARIES:
            return k
        if norm not in cues.AUX_GAP_WORDS:
            return None
        k -= 1
    return None


def _inverted_pronoun(tokens: Sequence[Token], first: int, end: int) -> int | None:
    """ "a-t-il précisé", "précise-t-elle", "estiment-ils": the pronoun's index."""
    for k in (first + 1, end):
        j = k
        if j < len(tokens) and tokens[j].norm == "-" and tokens[j].glued:
            j += 1
            if j + 1 < len(tokens) and tokens[j].norm == "t" and tokens[j + 1].norm == "-":
                j += 2
            if j < len(tokens) and tokens[j].norm in cues.PRONOUNS and tokens[j].glued:
                return j
    return None


def _governed(tokens: Sequence[Token], k: int, floor: int) -> bool:
    """Is the mention at token `k` the object of a preposition ("à l'AFP")?"""
    j = k - 1
    while j >= floor and tokens[j].norm in cues.DETERMINERS:
        j -= 1
    return j >= floor and tokens[j].norm in cues.PREPOSITIONS


def _matching_open(tokens: Sequence[Token], k: int, floor: int) -> int | None:
    j = k - 1
    while j >= floor:
        if tokens[j].norm == "(":
            return j
        j -= 1
    return None


def _skip(tokens: Sequence[Token], k: int, stop: int, words: frozenset[str]) -> int:
    while k < stop and tokens[k].norm in words:
        k += 1
    return k


def _capitalized_run(
    block: str,
    text: str,
    tokens: Sequence[Token],
    k: int,
    floor: int,
    forward_until: int | None = None,
) -> _Mention | None:
    """A name the entity stage missed ("selon Médecins sans frontières"): named, not linked."""
    if not (tokens[k].kind == "word" and tokens[k].text[:1].isupper()):
        return None
    first = last = k
    if forward_until is not None:
        # After "selon" the name runs to the end of the phrase, lowercase words
        # included: "Médecins sans frontières", "Observatoire syrien des droits".
        j = k + 1
        while j < forward_until and j - k < 8:
            tok = tokens[j]
            if tok.kind == "word" and (
                tok.norm not in cues.UNIT_STOP or tok.text[:1].isupper()
            ) and not cues.is_elided(tok):
                last = j
            elif not (tok.norm in _NAME_CONNECTORS or cues.is_elided(tok)):
                break
            j += 1
    else:
        j = k - 1
        while j >= floor and k - j < 8:
            tok = tokens[j]
            if tok.kind == "word" and tok.text[:1].isupper():
                first = j
            elif tok.norm not in _NAME_CONNECTORS:
                break
            j -= 1
    start, end = tokens[first].start, tokens[last].end
    return _Mention("name", block, start, end, text[start:end])


def _unnamed_phrase(
    block: str, text: str, tokens: Sequence[Token], k: int, stop: int
) -> _Mention | None:
    """ "selon les organisations de défense des droits humains", "d'après une
    estimation du renseignement américain": someone described, not named."""
    last = None
    j = k
    while j < stop and j - k < 6:
        tok = tokens[j]
        if last is not None and tok.norm.endswith(cues.PARTICIPLE_ENDINGS):
            break  # "… du renseignement américain publiée à l'époque"
        if tok.kind == "word" and tok.text[:1].islower() and tok.norm not in cues.UNIT_STOP:
            last = j
        elif not (tok.norm in cues.UNIT_COMPLEMENT or cues.is_elided(tok)) or last is None:
            break
        j += 1
    if last is None:
        return None
    start, end = tokens[k].start, tokens[last].end
    return _Mention("generic", block, start, end, text[start:end])


def _join_words(tokens: Sequence[Token]) -> list[str]:
    """Normalized words, hyphenated compounds kept whole: "porte-parole", "états-unis"."""
    words: list[str] = []
    joining = False
    for tok in sorted(tokens, key=lambda t: t.start):
        if tok.norm == "-" and tok.glued and words:
            words[-1] += "-"
            joining = True
        elif tok.kind == "word":
            if joining and tok.glued:
                words[-1] += tok.norm
            else:
                words.append(tok.norm)
            joining = False
        else:
            joining = False
    return words


def _key(word: str) -> str:
    """Compare words loosely: inflection and nationality/country pairs fold together."""
    low = cues.normalize(word).lower()
    for index, group in enumerate(cues.DEMONYMS):
        if low in group:
            return f"demonym:{index}"
    return low.removesuffix("s")[:6]


@lru_cache(maxsize=4096)
def _keys(text: str) -> frozenset[str]:
    return frozenset(_key(w) for w in _join_words(cues.tokenize(text)))

