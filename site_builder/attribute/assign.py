"""Tying each quote and figure of an article to the report that covers it.

Quotes:
1. a report after the quote in its closing sentence ("« … », a précisé
   l'ONG"), or in the next sentence when the quote ends its own;
2. else a report before it in its opening sentence ("X a déclaré : « … »",
   "a assuré que ses drones ne frappaient que des « cibles militaires »");
3. else, for a quotation that opens its sentence, the sentence before: its
   report, or its subject when that is an actor ("Ankara a défendu les
   frappes. « … »"), or the speaker of a quotation there.

Figures:
1. inside a quote: the quote's speaker;
2. a report of the figure's sentence, outside quotes: the one whose verb
   governs the figure, else the nearest;
3. "la même source", "the same source": the latest report's speaker;
4. a French sentence in the conditional ("seraient morts": reported, not
   asserted) right after a report goes on with that report's speaker.

Anything else has no source: narrative figures are not given to a speaker
named nearby.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field

from site_builder.attribute.lexicon import Gender, lexicon
from site_builder.attribute.refer import Context, Spoken
from site_builder.attribute.reports import Report, find_reports
from site_builder.attribute.tree import SUBJECTS, Tree
from site_builder.model import (
    Actor,
    Annotations,
    Attribution,
    Figure,
    Naming,
    Quote,
    Sentence,
)

_CONDITIONAL = re.compile(r"\b[^\W\d_]{2,}(?:rait|raient)\b", re.IGNORECASE)
_NOT_CONDITIONAL = frozenset({"portrait", "retrait", "extrait", "attrait", "trait",
                              "abstrait", "distrait", "soustrait"})
_RELATIVE_CLAUSES = frozenset({"acl:relcl", "relcl", "acl"})
_SPEAKER_KINDS = frozenset({"person", "organization", "place"})
_QUOTE_PAD = " \u00a0\u202f\"«»“”.,!?…"
_CLOSING_PAD = " \u00a0\u202f\"»”.!?…"


@dataclass(slots=True)
class _Sentence:
    index: int
    block: str
    order: int
    start: int
    end: int
    tree: Tree | None = None
    reports: list[tuple[Report, Naming, str]] = field(default_factory=list)
    unresolved: set[int] = field(default_factory=set)  # cues of reports by a pronoun naming no one


class _Article:
    def __init__(self, ann: Annotations, quotes: Sequence[Quote],
                 actors: Mapping[str, Actor]) -> None:
        self.context = Context(ann, actors)
        self.texts = self.context.texts
        self.order = self.context.order
        self.regions = _quote_regions(ann, quotes)
        self.sentences = _sentences(ann.sentences, self.order, self.texts)
        self.by_block: dict[str, list[_Sentence]] = {}
        for span in self.sentences:
            self.by_block.setdefault(span.block, []).append(span)
        self.starts = {b: [s.start for s in spans] for b, spans in self.by_block.items()}
        self.incises: dict[int, Naming] = {}  # quote index -> the tag inside it
        # sentence index -> the person a topic marker opens it with ("Pour X, « … »")
        self.opened_for: dict[int, Naming] = {}
        self.history: list[Spoken] = []
        self._read(ann)

    def _read(self, ann: Annotations) -> None:
        for parse in ann.parses:
            if parse.block in self.order:
                span = self.sentence_at(parse.block, parse.tokens[0].start)
                if span is not None and span.tree is None:
                    span.tree = Tree(parse, self.texts[parse.block], span.order, span.index)
        for span in self.sentences:
            if span.tree is None:
                continue
            self._note_names(span.tree)
            self._note_subjects(span.tree)
            lex = lexicon(span.tree.lang)
            quoted = [(s, e) for s, e, _ in self.regions.get(span.block, [])]
            for report in find_reports(span.tree, lex, quoted):
                named = self.context.naming(span.tree, report.speaker, lex, self.history,
                                            describe=report.marker or report.speaker > report.cue)
                if named is None or (self.region(named[0].block, named[0].start) is not None
                                     and not report.incise):
                    if span.tree.word(report.speaker) in lex.pronouns:
                        span.unresolved.add(report.cue)  # a pronoun standing for no one
                    continue  # nobody is named by words inside a quotation
                naming, kind = named
                if report.incise:
                    region = self.region(span.block, report.start)
                    if region is not None:
                        self.incises.setdefault(region, naming)
                span.reports.append((report, naming, kind))
                main = span.tree.tokens[report.cue].dep not in _RELATIVE_CLAUSES
                gender = None if naming.actor else (
                    self.context.unnamed_gender(span.tree, report.speaker)
                    or (_noun_gender(span.tree, report.speaker)
                        if kind == "organization" else None))
                self.history.append(Spoken(span.index, naming, kind, main, report.start, gender,
                                           marker=report.marker))
                if naming.actor is not None:
                    self.context.speakers.add(naming.actor)
                    self.context.body_speakers |= kind in ("organization", "other")

    def _note_names(self, tree: Tree) -> None:
        for k, tok in enumerate(tree.tokens):
            entity = self.context.entity_at(tree.block, tok.start)
            if entity is not None:
                tree.names[k] = self.context.kind(entity)

    def _note_subjects(self, tree: Tree) -> None:
        """Remember who the sentence is about: "Le ministre …, X, a reçu …" is about X.

        The people and bodies named by the subjects of its main clauses, and a
        person after a sentence-opening topic marker ("Pour X, « … »"), become
        antecedents of the pronouns after them (`Context.topics`)."""
        lex = lexicon(tree.lang)
        for root in (i for i, t in enumerate(tree.tokens) if t.head == i):
            for k in tree.kids(root, SUBJECTS):
                if tree.word(k) in lex.pronouns:
                    continue  # a pronoun subject is resolved with the reports
                named = self.context.naming(tree, k, lex, ())
                if named is None:
                    continue
                gender = self.context.unnamed_gender(tree, k) or _noun_gender(tree, k)
                if named[0].actor is None:
                    if named[1] == "organization" and gender is not None:
                        # "La police ougandaise a défendu …. Elle a fait état de …": a body
                        # described, for the pronouns of its gender after it.
                        self.context.topics.append(Spoken(tree.sentence, named[0], named[1],
                                                          at=tree.tokens[k].start,
                                                          gender=gender))
                    continue
                self.context.subjects.add(named[0].actor)
                if named[1] in ("person", "organization"):
                    self.context.topics.append(Spoken(tree.sentence, named[0], named[1],
                                                      at=tree.tokens[k].start, gender=gender))
        first = next((i for i, t in enumerate(tree.tokens)
                      if i >= tree.dateline_end and t.pos != "PUNCT"), None)
        if first is not None and tree.word(first) in lex.topic_markers:
            for k in range(first + 1, min(first + 4, len(tree.tokens))):
                if tree.names.get(k) == "person" or tree.tokens[k].pos == "NOUN":
                    # "Pour Julie Arnaud, …", "Pour la ministre …, Claire Vautrin, …"
                    named = self.context.naming(tree, k, lex, ())
                    if named is not None and named[0].actor is not None \
                            and named[1] == "person":
                        spoken = Spoken(tree.sentence, named[0], "person",
                                        at=tree.tokens[k].start)
                        self.context.topics.append(spoken)
                        self.opened_for[tree.sentence] = spoken.naming
                    break

    def _main_subjects(self, tree: Tree, history: Sequence[Spoken],
                       ) -> Iterator[tuple[Naming, str]]:
        """Who the subjects of the sentence's main clauses name, in order."""
        lex = lexicon(tree.lang)
        for root in (i for i, t in enumerate(tree.tokens) if t.head == i):
            for k in tree.kids(root, SUBJECTS):
                named = self.context.naming(tree, k, lex, history)
                if named is not None:
                    yield named

    def sentence_at(self, block: str, offset: int) -> _Sentence | None:
        """The sentence holding `offset`, or the last one starting before it."""
        spans = self.by_block.get(block, [])
        k = bisect_right(self.starts.get(block, []), offset) - 1
        return spans[k] if k >= 0 else None

    def region(self, block: str, offset: int) -> int | None:
        for start, end, index in self.regions.get(block, []):
            if start <= offset < end:
                return index
        return None

    # ----------------------------------------------------------------- quotes

    def quote(self, index: int, quote: Quote, done: Sequence[Naming | None],
              tentative: bool = False) -> Naming | None:
        end_block = quote.end_block or quote.block
        closing = self.sentence_at(end_block, max(quote.end - 1, 0))
        opening = self.sentence_at(quote.block, quote.start)
        governing = self._governing_report(opening, quote)
        if governing is not None:  # "X dénonce des « arrestations arbitraires »"
            return governing
        incise = self.incises.get(index)
        if incise is not None:  # "« Je n'ai rien fait, a-t-il lancé. J'étais chauffeur. »"
            return incise
        if closing is not None:
            after = [r for r in closing.reports if r[0].start >= quote.end
                     and self.region(end_block, r[0].start) is None]
            tail = self.texts[end_block][quote.end : closing.end]
            if not after and not tail.strip(_QUOTE_PAD) and closing.index + 1 < len(
                    self.sentences):
                following = self.sentences[closing.index + 1]
                if following.block == end_block and _opens_with_comma(
                        self.texts[end_block][closing.end : following.start + 3]):
                    after = list(following.reports)
            if after:
                return min(after, key=lambda r: r[0].start)[1]
        if opening is None:
            return None
        before = [r for r in opening.reports if r[0].end <= quote.start]
        if before:
            return max(before, key=lambda r: r[0].end)[1]
        if not opening.reports and opening.index in self.opened_for and not tentative:
            # "Pour la ministre …, Claire Vautrin, « l'effort est partagé »": whose view.
            return self.opened_for[opening.index]
        head = self.texts[quote.block][opening.start : quote.start]
        if head.rstrip(_QUOTE_PAD.replace(".", "")).endswith(":") and not tentative:
            return self._introduced(opening, quote.start)
        if head.strip(_QUOTE_PAD) or opening.index == 0 or tentative:
            return None
        if closing is not None and self._unread_tag(closing, quote):
            return None  # "« … », a-t-elle lancé": its own tag, with a verb not listed
        return self._before_quotation(opening, index, done)

    def _governing_report(self, opening: _Sentence | None, quote: Quote) -> Naming | None:
        """The report whose verb the quotation's words depend on, in the parse."""
        tree = opening.tree if opening is not None else None
        if tree is None or not opening.reports:
            return None
        first = tree.token_at(quote.start)
        if first is None:
            return None
        above = list(tree.ancestors(first))  # nearest first
        inside = [r for r in opening.reports if r[0].cue in above and not r[0].marker
                  and not quote.start <= r[0].start < quote.end]
        return min(inside, key=lambda r: above.index(r[0].cue))[1] if inside else None

    def _unread_tag(self, closing: _Sentence, quote: Quote) -> bool:
        """Does the quotation end on a tag naming someone we could not resolve ("», a
        lancé le porte-parole")? A tag with a pronoun ("she said") may still
        take up the sentence before the quotation."""
        tail = self.texts[closing.block][quote.end : closing.end].lstrip(_CLOSING_PAD)
        tree = closing.tree
        if not tail.startswith(",") or tree is None:
            return False
        after = [t for t in tree.tokens if t.start >= quote.end]
        return any(t.pos == "VERB" for t in after) and any(
            t.pos in ("NOUN", "PROPN") for t in after)

    def _introduced(self, opening: _Sentence, at: int) -> Naming | None:
        """ "X a justifié la mesure : « … »": a colon makes the clause before it a speech
        act, whatever its verb; the speaker is that clause's subject. `at` is where the
        quotation starts, or the end of the sentence the colon ends."""
        tree = opening.tree
        if tree is None:
            return None
        colon = tree.token_at(at - 1)
        k = colon if colon is not None else tree.token_at(at)
        while k is not None and k > 0 and tree.words[k] != ":":
            k -= 1
        if not k:
            return None
        verbs = [v for v in [tree.tokens[k - 1].head, *tree.ancestors(k - 1)]
                 if tree.tokens[v].pos in ("VERB", "AUX") and v < k]
        lex = lexicon(tree.lang)
        for verb in verbs:
            for s in tree.kids(verb, SUBJECTS):
                named = self.context.naming(tree, s, lex, self.history)
                if named is not None and named[1] in _SPEAKER_KINDS:
                    return named[0]
        if verbs and not any(True for v in verbs for _ in tree.kids(v, SUBJECTS)):
            # "Une infirmière de MSF décrit des scènes de chaos : « … »", with the verb
            # read as a participle of the noun before it: the noun the parser made the
            # root is the clause's subject.
            root = next((i for i, t in enumerate(tree.tokens[:k]) if t.head == i
                         and t.pos in ("NOUN", "PROPN") and i < verbs[0]), None)
            if root is not None:
                named = self.context.naming(tree, root, lex, self.history)
                if named is not None and named[1] in ("person", "organization"):
                    return named[0]
        return None

    def _before_quotation(self, opening: _Sentence, index: int,
                          done: Sequence[Naming | None]) -> Naming | None:
        """A quotation opening its sentence: who the sentence before is about."""
        previous = self.sentences[opening.index - 1]
        if opening.order - previous.order > 1:
            return None
        if previous.block == opening.block and self.texts[previous.block][
                previous.start:previous.end].rstrip(_QUOTE_PAD.replace(".", "")).endswith(":"):
            # "… décrit des scènes de chaos : | « … »", split after the colon.
            return self._introduced(previous, previous.end)
        # "… contre des étudiants qui protestaient …": a report in a relative clause
        # describes someone the sentence mentions; the sentence is not about them.
        main = [r for r in previous.reports if not _relative(r[0])]
        if main:
            return main[-1][1]
        for k in range(index - 1, -1, -1):  # a quotation right before, by a known speaker
            if done[k] is not None and self._quote_in(k, previous):
                return done[k]
        tree = previous.tree
        if tree is None:
            return None
        for naming, kind in self._main_subjects(tree, self.history):
            # A body described, not named ("La police ougandaise a défendu …", "Ethiopia's
            # federal government defended …") speaks for itself too.
            if (naming.actor and kind in _SPEAKER_KINDS) or kind == "organization":
                return naming
        return None

    def _quote_in(self, k: int, span: _Sentence) -> bool:
        return any(index == k and s < span.end and span.start < e
                   for s, e, index in self.regions.get(span.block, []))

    # ---------------------------------------------------------------- figures

    def figure(self, figure: Figure, quotes: Sequence[Naming | None],
               tentative: Collection[int] = ()) -> Naming | None:
        region = self.region(figure.block, figure.start)
        if region is not None and not (region in tentative and quotes[region] is None):
            return quotes[region]
        span = self.sentence_at(figure.block, figure.start)
        if span is None:
            return None
        cues = {r[0].cue for r in span.reports}
        outside = [r for r in span.reports if self.region(span.block, r[0].start) is None
                   and not _describes_speaker(r[0], figure, cues)]
        if outside:
            return self._governing(span, outside, figure)
        if self._same_source(span) or self._conditional(span):
            return self._previous_report(span)
        return None

    def _governing(self, span: _Sentence, reports: list[tuple[Report, Naming, str]],
                   figure: Figure) -> Naming | None:
        tree = span.tree
        token = tree.token_at(figure.start) if tree is not None else None
        citing = [r for r in reports if r[0].citing]
        if len(citing) == 1:  # "…, the Courier reported, citing the coast guard"
            return citing[0][1]
        if tree is not None and token is not None:
            above = list(tree.ancestors(token))  # nearest first
            governing = [r for r in reports if r[0].cue in above and not r[0].marker]
            first = min((above.index(c) for c in span.unresolved if c in above), default=None)
            if governing:
                best = min(governing, key=lambda r: above.index(r[0].cue))
                if first is None or above.index(best[0].cue) < first:
                    return best[1]
            if first is not None:
                # "… qu'elle porte à 200 000" with "elle" naming no one: the report that
                # governs the figure names no one, so nobody else reports it either.
                return None

        # "X recense 120 000 déplacés, et l'OTR a enregistré …": a report whose clause
        # opens with a coordinator after the figure is another clause's.
        reports = [r for r in reports if not _later_clause(r[0], figure)]
        if not reports:
            return None

        def distance(r: tuple[Report, Naming, str]) -> int:
            if r[0].end <= figure.start:
                return figure.start - r[0].end
            return max(r[0].start - figure.end, 0)

        return min(reports, key=distance)[1]

    def _same_source(self, span: _Sentence) -> bool:
        text = self.texts[span.block][span.start : span.end].lower().replace("’", "'")
        lang = span.tree.lang if span.tree is not None else None
        phrases = lexicon(lang).same_source if lang else frozenset()
        return any(" ".join(p) in text for p in phrases)

    def _conditional(self, span: _Sentence) -> bool:
        text = self.texts[span.block][span.start : span.end]
        return any(m.group().lower() not in _NOT_CONDITIONAL
                   for m in _CONDITIONAL.finditer(text))

    def _previous_report(self, span: _Sentence) -> Naming | None:
        if span.index == 0:
            return None
        previous = self.sentences[span.index - 1]
        if span.order - previous.order > 1 or not previous.reports:
            return None
        return previous.reports[-1][1]


def assign(ann: Annotations, figures: Sequence[Figure], quotes: Sequence[Quote],
           actors: Mapping[str, Actor], tentative: Collection[int] = ()) -> Attribution:
    """Who each figure and each quote of one article is attributed to."""
    article = _Article(ann, quotes, actors)
    speakers: list[Naming | None] = []
    for index, quote in enumerate(quotes):
        speakers.append(article.quote(index, quote, speakers, index in tentative))
    sources = tuple(article.figure(f, speakers, tentative) for f in figures)
    return Attribution(figures=sources, quotes=tuple(speakers))


_COORDINATORS = frozenset({"et", "mais", "puis", "and", "but", "while", "tandis", "alors"})


def _later_clause(report: Report, figure: Figure) -> bool:
    """Does the report's clause open with a coordinator after the figure: "…, et l'OTR a
    enregistré", "…, and the agency registered"? Its subject starts that clause."""
    if report.marker:
        return False
    tree = report.tree
    own = [k for k in tree.subtree(report.speaker) if tree.tokens[k].dep not in ("cc", "punct")]
    j = min(own) - 1 if report.speaker < report.cue else -1
    while j >= 0 and tree.tokens[j].pos == "DET":
        j -= 1
    return j >= 0 and tree.tokens[j].start >= figure.end and tree.word(j) in _COORDINATORS


def _noun_gender(tree: Tree, k: int) -> Gender | None:
    """The grammatical gender of a French noun ("la police": feminine), which a pronoun
    taking it up shares ("elle"). English nouns have none."""
    if tree.lang != "fr":
        return None
    if tree.has_feature(k, "Gender=Fem"):
        return "f"
    return "m" if tree.has_feature(k, "Gender=Masc") else None


def _describes_speaker(report: Report, figure: Figure, cues: Collection[int]) -> bool:
    """ "…, said Jane Roe, a farmer sheltering with 40 other families": a figure in the
    words that describe the speaker is the reporter's narrative, not the speaker's;
    unless a report there governs it ("the authorities, who put the toll at 40")."""
    if report.marker:
        return False
    tree = report.tree
    k = tree.token_at(figure.start)
    if k is None or k == report.speaker:
        return False
    for up in tree.ancestors(k):
        if up in cues:
            return False
        if up == report.speaker:
            return True
    return False


def _relative(report: Report) -> bool:
    """Is the report's verb in a relative clause, or under one ("a drone strike that
    officials say killed 30")?"""
    tree = report.tree
    return not report.marker and any(
        tree.tokens[k].dep in _RELATIVE_CLAUSES for k in (report.cue, *tree.ancestors(report.cue)))


def _opens_with_comma(text: str) -> bool:
    return text.lstrip(_QUOTE_PAD.replace(",", "")).startswith(",")


def _sentences(given: Sequence[Sentence], order: Mapping[str, int],
               texts: Mapping[str, str]) -> list[_Sentence]:
    spans = sorted((s for s in given if s.block in order),
                   key=lambda s: (order[s.block], s.start))
    covered = {s.block for s in spans}
    spans += [Sentence(b, 0, len(texts[b])) for b in order if b not in covered and texts[b]]
    spans.sort(key=lambda s: (order[s.block], s.start))
    return [_Sentence(i, s.block, order[s.block], s.start, s.end) for i, s in enumerate(spans)]


def _quote_regions(ann: Annotations, quotes: Sequence[Quote],
                   ) -> dict[str, list[tuple[int, int, int]]]:
    """Per block, the character ranges each quote covers."""
    blocks = ann.blocks
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
