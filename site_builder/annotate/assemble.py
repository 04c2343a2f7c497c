"""From raw model output to an article's `Annotations`.

Per block, in normalized offsets: island mentions replace the block's own
inside the island; each mention is cleaned (filters), labelled (labels),
then registry matches override whatever they overlap. Per article: acronyms
defined in parentheses take their long form's kind, everywhere in the
article. Finally every offset is mapped back to `Block.text`, and mentions
touching a protected range (code, autolinks) are dropped.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from itertools import pairwise

from site_builder.annotate import lexicon as lx
from site_builder.annotate.acronyms import (
    MAX_LETTERS as MAX_ACRONYM_LETTERS,
)
from site_builder.annotate.acronyms import (
    AcronymContext,
    defines_acronym,
    is_all_caps,
    long_form_end,
    long_form_start,
    lower_tail_end,
    word_before,
)
from site_builder.annotate.commonness import (
    FREQUENT_ZIPF,
    is_common_word,
    is_known_place,
    is_vague_place,
    lone_word,
    zipf,
)
from site_builder.annotate.figures import find_figures
from site_builder.annotate.filters import Context, clean
from site_builder.annotate.labels import (
    DATELINE_LABEL,
    GROUP_LABELS,
    REGISTRY_LABEL,
    kind_of,
    refine_kind,
)
from site_builder.annotate.nlp import Parses, Raw
from site_builder.annotate.quotes import find_quotations
from site_builder.annotate.recase import dateline_agency, dateline_place
from site_builder.annotate.spans import Overlaps
from site_builder.annotate.syntax import merge_wordless
from site_builder.annotate.terms import TermMatcher
from site_builder.annotate.units import PreparedArticle, PreparedBlock
from site_builder.model import (
    Annotations,
    BlockLang,
    Entity,
    EntityKind,
    Parse,
    Sentence,
    SyntaxToken,
)

# (block index, island index or None) -> that unit's analysis
UnitResults = Mapping[tuple[int, int | None], Raw]

_PAREN_AFTER = re.compile(r"\s*\(\s*([^\W_][\w&.\-]*)\s*\)")


@dataclass(slots=True)
class _Mention:
    """A mention in normalized offsets of its block."""

    start: int
    end: int
    label: str
    kind: EntityKind
    lang: str
    actor: str | None = None


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _block_mentions(pb: PreparedBlock, results: UnitResults, b: int,
                    acronyms: AcronymContext, matchers: Callable[[str], TermMatcher],
                    on_label: Callable[[str], None],
                    lower: frozenset[str] = frozenset()) -> list[_Mention]:
    """Cleaned, labelled mentions of one block, registry matches included."""
    text = pb.norm.text
    sentences, raw, _ = results.get((b, None), ([], [], []))
    starts = {s for s, _ in sentences} | {0}
    islands = Overlaps((isl.start, isl.end) for isl in pb.islands)
    # (offset, lang, raw mentions) of the block and of each island, in block offsets.
    sources = [(0, pb.lang, [m for m in raw if not islands.any(m[0], m[1])])]
    for k, island in enumerate(pb.islands):
        isl_sentences, isl_raw, _ = results.get((b, k), ([], [], []))
        starts |= {island.start + s for s, _ in isl_sentences}
        sources.append((island.start, island.lang, isl_raw))
    frozen_starts = frozenset(starts)
    tags = _tags(pb, results, b)
    read = pb.text or text  # names in capitals recased, as the model read them
    found: list[_Mention] = []
    for offset, lang, mentions in sources:
        ctx = Context(read, lang, frozen_starts, acronyms)
        for start, end, label in mentions:
            on_label(label)
            kind = kind_of(label)
            if kind is None and label not in GROUP_LABELS:
                continue
            span = clean(ctx, offset + start, offset + end, kind or "place")
            if span is None or (not _defines_acronym(text, span) and (
                    _common_word(ctx, text, span, kind, tags) or _before_title(ctx, span, kind)
                    or _lower_plural(ctx, span, kind, lower))):
                continue
            if kind is None:
                # "Aleppo" tagged as a nationality: a place the gazetteer knows is one.
                if not is_known_place(read[span[0]:span[1]], lang):
                    continue
                kind = "place"
            if kind in ("place", "person") and \
                    (cut := _place_then_name(read, span, lang)) is not None:
                found.append(_Mention(span[0], cut[0], label, "place", lang))
                found.append(_Mention(cut[1], span[1], label, "person", lang))
                continue
            if (cut := _acronym_then_name(text, span)) is not None:
                found.append(_Mention(span[0], cut[0], label, "organization", lang))
                found.append(_Mention(cut[1], span[1], label, "person", lang))
                continue
            kind = refine_kind(kind, read[span[0] : span[1]], lang)
            if kind == "place" and any(c.isdigit() for c in read[span[0]:span[1]]):
                kind = "organization"  # "M23", "G7": a code names a group, not a place
            found.append(_Mention(span[0], span[1], label, kind, lang))
    if (place := dateline_place(text)) is not None:
        found = [m for m in found if not _overlaps((m.start, m.end), place)]
        found.append(_Mention(place[0], place[1], DATELINE_LABEL, "place", pb.lang))
        if (agency := dateline_agency(text, place[1])) is not None:
            found = [m for m in found if not _overlaps((m.start, m.end), agency)]
            found.append(_Mention(agency[0], agency[1], "ORG", "organization", pb.lang))
    found = _to_long_forms(text, _join_bodies(text, sorted(found, key=lambda m: m.start)))
    found = _whole_person_names(read, found, pb.lang)
    terms = _term_mentions(pb, matchers)
    matched = Overlaps((t.start, t.end) for t in terms)
    kept = [m for m in found if not matched.any(m.start, m.end)]
    return sorted(kept + terms, key=lambda m: m.start)


_NAME_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")


def _place_then_name(text: str, span: tuple[int, int], lang: str) -> tuple[int, int] | None:
    """Where a place runs into a person's name in one mention, if it does.

    "a déclaré à Genève Olivia Sanz" comes out of the model as one mention.
    An organization's name often starts with a place ("Syria Civil Defence"):
    only mentions tagged place or person are cut. When its first word or two
    name a country or a city and two or three
    capitalized words without an organization noun follow ("Olivia Sanz", not
    "Investment Authority"), the mention is the place, then the person.
    Returns (end of the place, start of the name).
    """
    words = list(_NAME_WORD.finditer(text, span[0], span[1]))
    if not 3 <= len(words) <= 5:
        return None
    before = word_before(text, span[0])
    if before is None or not before.group(1).islower():
        # A sentence's first words are a name of their own: "Luz Marina Ortega, …"
        # starts with a town's name too. The place comes after a word: "à Genève".
        return None
    # Names mix languages ("Abu Dhabi Investment Authority" in a French text).
    heads = lx.organization_heads()
    for size in (1, 2):
        rest = words[size:]
        if not 2 <= len(rest) <= 3 or text[words[size - 1].end():rest[0].start()].strip():
            continue
        # Every word a name ("al-Assad" has its capital inside), none an organization noun.
        if not all(any(c.isupper() for c in w.group()) and w.group().casefold() not in heads
                   for w in rest):
            continue
        place = text[words[0].start():words[size - 1].end()]
        if is_known_place(place, lang):
            return words[size - 1].end(), rest[0].start()
    return None


_BODY_KINDS = frozenset({"organization", "other"})


def _join_bodies(text: str, found: list[_Mention]) -> list[_Mention]:
    """Two names of bodies one space apart are one name the model cut in two: "l'ONG
    [Action Santé] [Sahel]". Nothing but a space stands between two names of one
    sentence unless they are one."""
    joined: list[_Mention] = []
    for m in found:
        last = joined[-1] if joined else None
        if last is not None and last.kind in _BODY_KINDS and last.actor is None \
                and m.actor is None and text[last.end:m.start] == " " and (
                    m.kind in _BODY_KINDS
                    or text[m.start:m.end].casefold() in lx.organization_heads()):
            # "[HALO] [Trust]": an organization noun after a body's name ends it,
            # whatever the model made of the noun.
            last.end = m.end
            last.kind = "organization" if "organization" in (last.kind, m.kind) or \
                m.kind not in _BODY_KINDS else last.kind
            continue
        joined.append(m)
    return joined


def _acronym_then_name(text: str, span: tuple[int, int]) -> tuple[int, int] | None:
    """Where an acronym runs into a person's name in one mention, if it does.

    "a déclaré à l'AFP Fatou Ndiaye" comes out of the model as one mention. A
    person's name does not open with an acronym written in capitals: when the
    first word is one and two or three capitalized words follow, none in capitals
    nor an organization noun ("UNHCR Regional Bureau" stays whole), the mention
    is the organization, then the person. As written: recasing would hide the
    capitals. Returns (end of the acronym, start of the name).
    """
    words = list(_NAME_WORD.finditer(text, span[0], span[1]))
    if not 3 <= len(words) <= 4:
        return None
    first, rest = words[0].group(), words[1:]
    if not (is_all_caps(first) and len(first) <= MAX_ACRONYM_LETTERS and first.isalpha()):
        return None
    if text[words[0].end():rest[0].start()] != " ":
        return None
    heads = lx.organization_heads()
    if not all(w.group()[:1].isupper() and not is_all_caps(w.group())
               and w.group().casefold() not in heads for w in rest):
        return None
    return words[0].end(), rest[0].start()


_NEXT_NAME_WORD = re.compile(r" ((?:[a-z]{1,3}-)?[^\W\d_][\w'’\-]*)")
MAX_NAME_WORDS_ADDED = 3


def _whole_person_names(text: str, found: list[_Mention], lang: str) -> list[_Mention]:
    """A person's name cut short gets its last words back: "[Alix Didier] Fils-Aimé",
    "[Aung San] Suu Kyi". The capitalized words right after it, separated by one
    space, join it (a mention there is absorbed), except calendar words
    ("Biden Tuesday") and the start of another name after a comma."""
    calendar = lx.any_calendar_word(lang)
    # In order and disjoint, as _to_long_forms leaves them, no registry name
    # before a mention reaches the words after it: all of them may be asked.
    registry = Overlaps((o.start, o.end) for o in found if o.actor is not None) \
        if all(a.end <= b.start for a, b in pairwise(found)) else None
    result: list[_Mention] = []
    skip_until = -1
    for n, m in enumerate(found):
        if m.start < skip_until:
            continue
        if m.kind == "person" and m.actor is None:
            end, added = m.end, 0
            while added < MAX_NAME_WORDS_ADDED and (
                    nxt := _NEXT_NAME_WORD.match(text, end)) is not None:
                word = nxt.group(1)
                if not any(c.isupper() for c in word[:4]) or word.casefold() in calendar:
                    break
                if registry.any(nxt.start(1), nxt.end()) if registry is not None else any(
                        o.start < nxt.end() and o.end > nxt.start(1) and o.actor is not None
                        for o in found[n + 1:]):
                    break  # a registry name follows: it stays itself
                end, added = nxt.end(), added + 1
            if end != m.end:
                m.end = end
                skip_until = end
        result.append(m)
    # Drop what starts inside a person's name (long paragraphs hold
    # thousands of mentions).
    persons = Overlaps((m.start, m.end) for m in result if m.kind == "person")
    return [m for m in result if not persons.any(m.start, m.start)]


def _state(name: str) -> bool:
    """A country, a city, or a state's long name ("République démocratique du Congo",
    "United Arab Emirates"): places that do have acronyms."""
    words = {w.casefold() for w in _NAME_WORD.findall(name)}
    return bool(words & lx.state_heads()) or is_known_place(name, "fr") \
        or is_known_place(name, "en")


def _parsed_units(pb: PreparedBlock, results: UnitResults, b: int,
                  ) -> list[tuple[int, str, Parses]]:
    """(offset in the block, language, parsed sentences) of the block and its islands."""
    units = [(0, pb.lang, results.get((b, None), ([], [], []))[2])]
    units += [(isl.start, isl.lang, results.get((b, k), ([], [], []))[2])
              for k, isl in enumerate(pb.islands)]
    return units


def _tags(pb: PreparedBlock, results: UnitResults, b: int) -> dict[int, tuple[str, str]]:
    """Token start → (part of speech, morphology), in the block's normalized offsets."""
    return {offset + start: (pos, morph) for offset, _, parsed in _parsed_units(pb, results, b)
            for tokens in parsed for start, _, pos, _, _, morph in tokens}


def _defines_acronym(text: str, span: tuple[int, int]) -> bool:
    """Does the mention, with the words up to a parenthesis, define the acronym in it:
    "[Collectif] pour les libertés civiques (CLC)"? A common word that opens a name
    spelled out that way is part of the name, not a capitalized word."""
    end = long_form_end(text, span[0], span[1]) or span[1]
    return defines_acronym(text, span[0], end)


def _common_word(ctx: Context, original: str, span: tuple[int, int], kind: str | None,
                 tags: Mapping[int, tuple[str, str]]) -> bool:
    """Whether a one-word mention is a capitalized common word or a demonym.

    `ctx.text` is what the model read (recased), `original` the text as written.
    """
    text, lang = ctx.text, ctx.lang
    word = lone_word(text[span[0]:span[1]])
    if word is None:
        return False
    at = text.rfind(word, span[0], span[1])
    shouted = original[at:at + len(word)] != word
    if kind == "person" and not shouted:
        # A surname is often a word too ("Poutine", "Boucher"), and the tagger
        # reads it as one; a person the model saw is left to the link stage.
        # In capitals ("cesser MAINTENANT") the model's "person" is no evidence.
        return False
    pos, morph = tags.get(at, ("", ""))
    # Written in capitals, or first in its sentence: the capital says nothing.
    plain = shouted or ctx.starts_sentence(at)
    return is_common_word(word, lang, pos, morph, plain) or (
        kind in ("place", "other") and is_vague_place(word, lang, pos))


_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-zà-ÿœæ][\w-]*")
_TITLE_AFTER = re.compile(r" ([^\W\d_][\w-]*)")


def _lower_words(blocks: list[PreparedBlock]) -> frozenset[str]:
    """Every word the article writes in lower case ("l'Observatoire harzanais")."""
    return frozenset(w for pb in blocks for w in _LOWER_WORD.findall(pb.norm.text))


def _lower_plural(ctx: Context, span: tuple[int, int], kind: str | None,
                  lower: frozenset[str]) -> bool:
    """A demonym or a plural common word that the article also writes in lower case
    as an adjective or a noun: "48 000 [Harzanais]" next to "juristes harzanais".

    Only a word in -s or -x (a plural, or an invariant demonym in -ais/-ois), not
    tagged as a person, not an organization head noun (a short reference to an
    organization, "l'Observatoire", is the link stage's) and not a known place.
    """
    if kind == "person" or not lower:
        return False
    word = lone_word(ctx.text[span[0]:span[1]])
    if word is None or len(word) < 4 or word[-1] not in "sx":
        return False
    folded = word.lower()
    if folded not in lower or folded in lx.organization_heads():
        return False
    return not is_known_place(word, ctx.lang)


def _before_title(ctx: Context, span: tuple[int, int], kind: str | None) -> bool:
    """A frequent word first in its sentence, right before a person's title: "[Army]
    spokesman Colonel X said", "[Police] spokeswoman". The capital is the sentence's and
    the word qualifies the title; no name is there."""
    if kind == "person" or not ctx.starts_sentence(span[0]):
        return False
    word = lone_word(ctx.text[span[0]:span[1]])
    nxt = _TITLE_AFTER.match(ctx.text, span[1])
    if word is None or nxt is None or (nxt.group(1).casefold(),) not in lx.titles():
        return False
    return zipf(word.lower(), ctx.lang) >= FREQUENT_ZIPF and not is_known_place(word, ctx.lang)


def _to_long_forms(text: str, found: list[_Mention]) -> list[_Mention]:
    """Names cut short before their acronym's definition get their last words back
    ("Mission de l'ONU [en RDC] (Monusco)") and their first ones ("[Hayat] Tahrir
    al-Sham (HTS)"); mentions inside the words added go. A name that defines an
    acronym is an organization's, not a person's nor a place's ("État islamique
    (EI)"), unless it names a state ("République démocratique du Congo (RDC)")."""
    result: list[_Mention] = []
    for m in found:
        if result and m.start < result[-1].end:
            continue  # swallowed by the long form before it
        end = long_form_end(text, m.start, m.end)
        if end is None and m.kind == "organization":
            end = lower_tail_end(text, m.end)  # "Autorité nationale [de gestion …] (NDMA)"
        if end is not None:
            m.end = end
        start = long_form_start(text, m.start, m.end)
        if start is not None:
            m.start = start
            while result and result[-1].end > start:
                result.pop()
        if m.kind in ("person", "place") and m.actor is None \
                and defines_acronym(text, m.start, m.end) and not _state(text[m.start:m.end]):
            m.kind = "organization"
        result.append(m)
    return result


def _term_mentions(pb: PreparedBlock, matchers: Callable[[str], TermMatcher]) -> list[_Mention]:
    """Registry matches, each found with the matcher of the language at that place."""
    text = pb.norm.text
    islands = [(isl.start, isl.end, isl.lang) for isl in pb.islands]
    spans = [(0, len(text), pb.lang, True)] + [(a, b, lang, False) for a, b, lang in islands]
    taken = Overlaps((a, b) for a, b, _ in islands)
    found: list[_Mention] = []
    for a, b, lang, whole in spans:
        matcher = matchers(lang)
        if not matcher:
            continue
        for match in matcher.find(text[a:b]):
            start, end = a + match.start, a + match.end
            if whole and taken.any(start, end):
                continue
            found.append(_Mention(start, end, REGISTRY_LABEL, match.term.kind, lang,
                                  match.term.actor))
    return found


def _acronym_kinds(blocks: list[PreparedBlock], mentions: list[list[_Mention]],
                   ) -> dict[str, _Mention]:
    """Acronym -> its long form, from "Long Form (ACR)" anywhere in the article."""
    defined: dict[str, _Mention] = {}
    for pb, found in zip(blocks, mentions, strict=True):
        text = pb.norm.text
        for m in found:
            after = _PAREN_AFTER.match(text, m.end)
            acronym = after.group(1) if after else ""
            if is_all_caps(acronym) and acronym != text[m.start : m.end]:
                if m.kind == "place" and not defines_acronym(text, m.start, m.end) \
                        and is_known_place(text[m.start:m.end], pb.lang):
                    continue  # "ALEPPO, Syria (AFP) –": the agency, not Syria's acronym
                defined.setdefault(acronym, m)
            elif m.kind == "organization" and _short_name(acronym) \
                    and not is_known_place(acronym, pb.lang):
                # "Bureau de la coordination des affaires humanitaires (Ocha)": an
                # acronym written as a word, or formed in another language.
                defined.setdefault(acronym, m)
    return defined


def _short_name(word: str) -> bool:
    """A capitalized word of 3 to 8 letters, as acronyms written as words are."""
    return word.isalpha() and word[:1].isupper() and 3 <= len(word) <= 8


def _apply_acronyms(pb: PreparedBlock, found: list[_Mention], defined: dict[str, _Mention],
                    ) -> list[_Mention]:
    """Give each defined acronym its long form's kind; add its unrecognised mentions."""
    if not defined:
        return found
    text = pb.norm.text
    for m in found:
        long_form = defined.get(text[m.start : m.end])
        if long_form is not None and m.actor is None:
            m.kind = long_form.kind
    pattern = re.compile(r"(?<![\w&.\-])(" + "|".join(
        re.escape(a) for a in sorted(defined, key=len, reverse=True)) + r")(?![\w&\-])")
    added = []
    taken = Overlaps((m.start, m.end) for m in found)
    for hit in pattern.finditer(text):
        span = (hit.start(), hit.end())
        if taken.any(*span):
            continue
        long_form = defined[hit.group()]
        lang = next((i.lang for i in pb.islands if i.start <= span[0] < i.end), pb.lang)
        added.append(_Mention(span[0], span[1], long_form.label, long_form.kind, lang))
    return sorted(found + added, key=lambda m: m.start)


def assemble(article: PreparedArticle, results: UnitResults, acronyms: AcronymContext,
             matchers: Callable[[str], TermMatcher],
             on_label: Callable[[str], None]) -> Annotations:
    """The article's annotations, offsets into each `Block.text`."""
    annotations = Annotations()
    lower = _lower_words(article.blocks)
    per_block = [_block_mentions(pb, results, b, acronyms, matchers, on_label, lower)
                 for b, pb in enumerate(article.blocks)]
    defined = _acronym_kinds(article.blocks, per_block)
    for b, pb in enumerate(article.blocks):
        block = pb.block
        annotations.blocks.append(BlockLang(block.id, pb.lang, block.text))
        protected = Overlaps(block.protected)
        for m in _apply_acronyms(pb, per_block[b], defined):
            start, end = pb.norm.to_source(m.start, m.end)
            if protected.any(start, end):
                continue
            annotations.entities.append(Entity(
                text=block.text[start:end], kind=m.kind, label=m.label, start=start,
                end=end, block=block.id, lang=m.lang, actor=m.actor))
        annotations.parses.extend(_parses(pb, results, b))
        sentences, _, _ = results.get((b, None), ([], [], []))
        for s, e in merge_wordless(pb.norm.text, sentences):
            start, end = pb.norm.to_source(s, e)
            while start < end and block.text[start].isspace():
                start += 1
            while end > start and block.text[end - 1].isspace():
                end -= 1
            if start < end:
                annotations.sentences.append(Sentence(block.id, start, end))
    # Figures and quotes read only the text: found here, they are cached with the
    # rest and found in the worker processes.
    protected = {pb.block.id: pb.block.protected for pb in article.blocks}
    annotations.figures = [f for b in annotations.blocks
                           for f in find_figures(b, protected[b.id])]
    annotations.quotes, annotations.tentative = find_quotations(annotations.blocks, protected)
    return annotations


def _parses(pb: PreparedBlock, results: UnitResults, b: int) -> list[Parse]:
    """The block's parsed sentences (its own and its islands'), offsets into `Block.text`."""
    parses: list[Parse] = []
    for offset, lang, parsed in _parsed_units(pb, results, b):
        for raw in parsed:
            tokens = []
            for start, end, pos, dep, head, morph in raw:
                s, e = pb.norm.to_source(offset + start, offset + end)
                tokens.append(SyntaxToken(s, e, pos, dep, head, morph))
            if tokens:
                parses.append(Parse(pb.block.id, lang, tuple(tokens)))
    parses.sort(key=lambda p: p.tokens[0].start)
    return parses
