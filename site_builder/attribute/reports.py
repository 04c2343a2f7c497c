"""Reporting clauses in a parsed sentence, and the token that names who reports.

A report is a reporting verb with its speaker, or a source marker with its
object. The speaker is read from the parse:

- the subject of the verb, before it ("l'ONG a précisé") or after it ("a
  précisé l'ONG", "said the ministry"; the French model often labels such an
  inverted subject as an object, so after a clause-opening mark the first
  nominal dependent after the verb that no preposition governs counts);
- the agent of a passive ("a été annoncé par le ministère", "was confirmed by");
- for a participle or a conjunct with no subject of its own ("…, calling it",
  "en accusant", "et a ajouté"), the subject of the verb it hangs on;
- the object of a source marker ("selon l'OSDH", "according to", "citing"),
  past a document noun ("selon un bilan de l'OSDH").
"""

from __future__ import annotations

import bisect
from collections.abc import Callable
from dataclasses import dataclass

from site_builder.attribute.lexicon import Lexicon, PhraseIndex
from site_builder.attribute.tree import (
    ADVERBIAL_CLAUSES,
    AGENTS,
    CASE_MARKS,
    CONJUNCTS,
    NOMINAL,
    OBJECTS,
    SUBJECTS,
    Tree,
)

# Marks before a verb that announce an inverted subject after it.
_INVERSION = frozenset({",", '"', "«", "»", "“", "”", "—", "–", ":"})
# A verb with a content clause or a quotation is reporting even when the verb is weak.
_CONTENT = frozenset({"ccomp", "parataxis"})
_VERB_POS = frozenset({"VERB", "AUX"})
# Dependents that open a clause of their own: an agent inside belongs to another verb.
_CLAUSES = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "conj", "parataxis",
                      "csubj"})
# What may stand between a quotation's comma and its tag verb: "a-t-elle", "he", "the
# ministry".
_TAG_FILLERS = frozenset({"AUX", "PRON", "DET", "NOUN", "PROPN", "ADV", "ADJ"})
_RELATIVES = frozenset({"qui", "who", "which", "that"})
_RELATIVE_CLAUSES = frozenset({"acl:relcl", "relcl", "acl"})
_DIRECT_OBJECTS = frozenset({"obj", "dobj"})
_PASSIVE_SUBJECTS = frozenset({"nsubjpass", "nsubj:pass"})
_COUNTS = frozenset({"nummod"})
_SUBORDINATE = frozenset({"ccomp", "xcomp", "advcl", "csubj", "parataxis"})


@dataclass(frozen=True, slots=True)
class Report:
    tree: Tree
    cue: int  # the verb or the (last word of the) source marker
    speaker: int  # the token heading the words that name the speaker
    start: int  # character extent of the cue words, in the block
    end: int
    marker: bool = False  # "selon"-like rather than a verb
    citing: bool = False  # "citing X": X is where the reporter got it
    incise: bool = False  # a speech tag inside the quotation marks


def find_reports(tree: Tree, lex: Lexicon, quoted: list[tuple[int, int]]) -> list[Report]:
    """Every report of the sentence whose cue word is outside quotations, and the
    speech tags written inside them ("« …, a-t-il lancé. … »")."""
    found: list[Report] = []
    tags = _tag_verbs(tree, quoted)
    inside = _inside(quoted)
    for i in range(len(tree.tokens)):
        if inside(tree.tokens[i].start):
            incise = _incise(tree, lex, i)
            if incise is not None:
                found.append(incise)
            continue
        report = _marker(tree, lex, i) or _verb(tree, lex, i, quoted, i in tags)
        if report is not None:
            found.append(report)
    return [r for r in found if not _relaying(tree, lex, r, found)]


def _relaying(tree: Tree, lex: Lexicon, report: Report, found: list[Report]) -> bool:
    """ "selon un responsable cité par la radio", "a déclaré X, cité par le quotidien":
    a relay hanging on the words of another report's speaker only passes that
    speaker's words on."""
    if not report.marker:
        return False
    first = tree.token_at(report.start)
    if first is None or _phrase_at(tree, first, lex.relay_index) is None:
        return False
    head = tree.tokens[first].head
    return any(other is not report and head in tree.subtree(other.speaker) for other in found)


def _inside(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A test of whether an offset falls in one of `spans` (they may overlap)."""
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []
    for _, end in ordered:
        reach.append(max(end, reach[-1]) if reach else end)

    def test(offset: int) -> bool:
        i = bisect.bisect_right(starts, offset)  # spans starting at or before offset
        return i > 0 and reach[i - 1] > offset

    return test


def _incise(tree: Tree, lex: Lexicon, i: int) -> Report | None:
    """A speech tag set inside the quotation marks: "« Je n'ai rien fait, a-t-il
    lancé. J'étais chauffeur. »". Only the tight shape counts: a comma, the
    verb, its hyphenated pronoun subject, then a comma or a full stop."""
    k = _before_verb(tree, lex, i)
    if k is None or tree.words[k] != "," or tree.tokens[i].pos not in _VERB_POS:
        return None
    subject = _clitic_subject(tree, lex, i)
    if subject is None:
        return None
    after = next((j for j in range(i + 1, min(i + 8, len(tree.tokens)))
                  if tree.words[j] in (",", ".", "!", "?")), None)
    if after is None:
        return None
    return Report(tree, i, subject, tree.tokens[i].start, tree.tokens[i].end, incise=True)


def _tag_verbs(tree: Tree, quoted: list[tuple[int, int]]) -> set[int]:
    """Verbs of the speech tag right after a quotation: "« … », a-t-elle soupiré",
    "“…,” he continued". There, any verb reports the quotation, listed or not."""
    tags: set[int] = set()
    starts = [t.start for t in tree.tokens]  # in order
    for _, end in quoted:
        k = bisect.bisect_left(starts, end)  # the first token at or after the quotation
        if k == len(starts):
            continue
        while k < len(tree.tokens) and tree.tokens[k].pos == "PUNCT":
            k += 1
        if k == len(tree.tokens) or tree.tokens[k - 1].start < end or \
                tree.words[k - 1] not in (",", "—", "–"):
            continue  # no comma after the quotation: a new sentence, not a tag
        for n in range(k, min(k + 4, len(tree.tokens))):
            if tree.tokens[n].pos == "VERB":
                tags.add(n)
                break
            if tree.tokens[n].pos not in _TAG_FILLERS:
                break
    return tags


def _phrase_at(tree: Tree, i: int, index: PhraseIndex) -> int | None:
    """Index of the last token of a listed phrase starting at `i`, longest first."""
    for phrase in index.get(tree.joined[i][0], ()):
        k, n = i, 0
        while n < len(phrase) and k < len(tree.tokens):
            word, after = tree.joined[k]
            if word != phrase[n]:
                if n == 0 or tree.tokens[k].pos != "ADV":
                    break
                k = after  # an adverb inside the phrase: "font désormais état"
                continue
            n += 1
            k = after
        if n == len(phrase):
            return k - 1
    return None


def _marker(tree: Tree, lex: Lexicon, i: int) -> Report | None:
    if i > 0 and _phrase_at(tree, i - 1, lex.marker_index) is not None:
        return None  # inside a longer marker that starts earlier
    last = _phrase_at(tree, i, lex.marker_index)
    if last is None:
        return None
    target = _marker_object(tree, last)
    if target is None:
        return None
    target = _past_documents(tree, lex, target)
    return Report(tree, last, target, tree.tokens[i].start, tree.tokens[last].end, marker=True,
                  citing=_phrase_at(tree, i, lex.citing_index) is not None)


def _marker_object(tree: Tree, last: int) -> int | None:
    """The nominal a source marker governs: its head, or its object."""
    tok = tree.tokens[last]
    if tree.word(last) == "source" or tree.word(last) == "sources":
        return last  # "de source militaire": the noun itself names the source
    if tok.head > last and tree.tokens[tok.head].pos in NOMINAL:
        return tok.head
    for k in tree.children[last]:
        if k > last and tree.tokens[k].pos in NOMINAL:
            return k
        for j in tree.children[k]:  # "according" -> "to" -> object
            if j > k and tree.tokens[j].pos in NOMINAL:
                return j
    for k in range(last + 1, min(last + 5, len(tree.tokens))):
        if tree.tokens[k].pos in NOMINAL:
            return k
        if tree.tokens[k].pos in ("PUNCT", "VERB"):
            break
    return None


def _past_documents(tree: Tree, lex: Lexicon, k: int) -> int:
    """ "selon un bilan de l'OSDH": from the document noun to who issued it."""
    if tree.word(k) not in lex.document_nouns:
        return k
    found = [j for j in tree.subtree(k)
             if j > k and tree.tokens[j].pos in ("PROPN", "NOUN") and _introduced(tree, lex, j)
             and tree.word(j) not in lex.document_nouns | lex.time_words]
    # A name first ("un bilan publié mardi par l'OSDH"), else the first noun.
    named = [j for j in found if j in tree.names]
    return (named or found or [k])[0]


def _introduced(tree: Tree, lex: Lexicon, j: int) -> bool:
    """Does a preposition govern the noun? French hangs "de" under the noun; English
    puts the noun under "by"/"of" (pobj)."""
    if tree.has_case(j):
        return True
    head = tree.tokens[j].head
    return tree.tokens[j].dep == "pobj" and tree.tokens[head].pos == "ADP"


def _verb(tree: Tree, lex: Lexicon, i: int, quoted: list[tuple[int, int]],
          tag: bool = False) -> Report | None:
    word = tree.word(i)
    phrase_end = _phrase_at(tree, i, lex.phrase_index)
    document = _document_report(tree, lex, i)
    if word not in lex.reporting and phrase_end is None and not tag and not document:
        return None
    tok = tree.tokens[i]
    named = _incise_name(tree, i)
    if named is not None and word in lex.reporting:
        # "…, relève Sophie Lambert, chercheuse": an inverted tag after the clause it
        # reports, whatever the tagger made of the verb.
        return Report(tree, i, named, tok.start, tok.end)
    if tok.pos not in _VERB_POS and not _after_auxiliary(tree, i) \
            and not _auxiliaries(tree, lex, i) and not _noun_tagged_verb(tree, i) \
            and not document:
        return None  # "l'annonce", "the claims": a noun, not a verb
    if word in lex.weak and not tag and not _has_content(tree, i, quoted) and not document \
            and not (word in lex.counting and _counts(tree, i)):
        return None  # "« … », a-t-elle lancé": a speech tag is what the quotation needs
    if any(tree.word(k) in lex.negations for k in tree.kids(i)) and \
            not _has_content(tree, i, quoted):
        return None  # "the military did not respond", "n'a pas précisé le nombre"
    speaker = _speaker(tree, lex, i)
    if speaker is None:
        return None
    if tree.word(speaker) in lex.document_nouns:
        # "Le précédent bilan de l'OHDH faisait état de 118": who issued the document.
        speaker = _document_owner(tree, lex, speaker)
        if speaker is None:
            return None
    end = tree.tokens[phrase_end if phrase_end is not None else i].end
    return Report(tree, i, speaker, tok.start, end)


def _noun_tagged_verb(tree: Tree, i: int) -> bool:
    """ "L'AVPC recense pour sa part 120 000 déplacés", with "recense" tagged as a noun:
    a reporting word with no determiner of its own, not after a preposition, that has
    a nominal subject before it in the parse, is the verb of that subject."""
    tok = tree.tokens[i]
    if tok.pos not in ("NOUN", "PROPN") or i == 0:
        return False
    if tree.tokens[i - 1].pos in ("DET", "ADP", "NUM") or any(
            tree.tokens[j].dep in ("det", "case") for j in tree.children[i]):
        return False
    return any(k < i and tree.tokens[k].pos in NOMINAL and not _counted(tree, k)
               for k in tree.kids(i, SUBJECTS))


def _document_report(tree: Tree, lex: Lexicon, i: int) -> bool:
    """Does verb `i` report a count through a document or after a count mark?

    "a porté son bilan à 436", "a avancé un bilan plus lourd", "put the toll at",
    "raised its count to", "its toll stood at" (a document noun as object or
    subject, for `document_verbs`); "qu'elle porte à « près de 200 000 »", "s'en tient
    à 40 morts" (a count after `count_marks`, for `count_verbs`, with the words
    they need before them)."""
    word = tree.word(i)
    if word in lex.document_verbs and tree.tokens[i].pos in _VERB_POS and any(
            tree.word(k) in lex.document_nouns
            for k in tree.kids(i, _DIRECT_OBJECTS | SUBJECTS | _PASSIVE_SUBJECTS)):
        return True  # "the toll was raised to 31 by the NUG": its agent reports
    before = lex.count_verbs.get(word)
    if before is None:
        return False
    if before and tuple(tree.word(j) for j in range(max(i - len(before), 0), i)) != before:
        return False
    if not before and tree.tokens[i].pos not in _VERB_POS:
        return False  # "la porte": a noun; "s'en tient", whatever the tagger says, a verb
    # The mark and the count anywhere among the verb's complements after it: the
    # parser may hang "à" on the verb and the number on another word.
    words = sorted(j for k in tree.kids(i) if k > i and tree.tokens[k].dep not in _SUBORDINATE
                   for j in tree.subtree(k))
    marks = [j for j in words if tree.word(j) in lex.count_marks
             and (tree.tokens[j].head == i or tree.tokens[j].dep in CASE_MARKS)]
    return bool(marks) and any(
        j > marks[0] and (tree.tokens[j].pos == "NUM" or tree.tokens[j].dep == "nummod"
                          or tree.surface(j)[:1].isdigit()) for j in words)


def _document_owner(tree: Tree, lex: Lexicon, k: int) -> int | None:
    """Who issued a document noun ("bilan", "toll", "count") standing for the speaker:
    a name in its complement ("le bilan de l'OHDH", "the toll of the ministry") or a
    possessive ("its toll", "the ministry's count"). None when it names no one ("le
    bilan des victimes"): a document is not a speaker."""
    for j in tree.kids(k):
        if tree.tokens[j].dep in ("poss", "nmod:poss") and (
                tree.word(j) in lex.pronouns or j in tree.names):
            return j
    for j in tree.subtree(k):
        if j > k and tree.names.get(j) in ("person", "organization", "other") \
                and _introduced(tree, lex, j) and tree.tokens[j].head in (k, *tree.kids(k)):
            return j
    return None


def _incise_name(tree: Tree, i: int) -> int | None:
    """ "…, relève Sophie Lambert, …": a comma, the reporting word, then a person's
    name ending at a comma or the sentence's end. The name is who reports."""
    if i < 2 or tree.words[i - 1] != "," or tree.names.get(i + 1) != "person":
        return None
    k = i + 1
    while k < len(tree.tokens) and tree.names.get(k) == "person":
        k += 1
    if k < len(tree.tokens) and tree.words[k] not in (",", ".", ";", "!", "?"):
        return None
    return i + 1


def _counts(tree: Tree, i: int) -> bool:
    """A counting verb with a count as its direct object ("l'ONG en comptait 300", "the
    office has registered 14,000"), not inside a clause another verb reports ("X said
    his troops had recorded 14 violations")."""
    if tree.tokens[i].dep in _SUBORDINATE:
        return False
    return any(tree.tokens[k].pos == "NUM" or any(True for _ in tree.kids(k, _COUNTS))
               for k in tree.kids(i, _DIRECT_OBJECTS))


# Words of a phrase set between an auxiliary and its participle: "a de son côté
# recensé", "a pour sa part indiqué", "has so far recorded".
_INSERTED = frozenset({"ADP", "DET", "NOUN", "ADV", "PRON", "ADJ"})


def _auxiliaries(tree: Tree, lex: Lexicon, i: int) -> list[int]:
    """The listed auxiliaries of participle `i`, on which the parser may hang its subject:
    right before it ("a nié"), under it across a phrase ("a pour sa part recensé"), or
    across a phrase the parser read apart ("a de son côté recensé", the participle
    hung on "côté")."""
    aux = [i - 1] if i > 0 and tree.word(i - 1) in lex.auxiliaries else []
    aux += [j for j in tree.children[i] if j < i - 1 and tree.tokens[j].dep.startswith("aux")
            and tree.word(j) in lex.auxiliaries]
    inserted = _inserted_auxiliary(tree, lex, i)
    if inserted is not None and inserted not in aux:
        aux.append(inserted)
    return aux


def _inserted_auxiliary(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """The auxiliary of participle `i` across a short inserted phrase, if there is one."""
    if not tree.has_feature(i, "VerbForm=Part") and tree.tokens[i].pos != "ADJ":
        return None
    for j in range(i - 1, max(i - 5, -1), -1):
        if tree.word(j) in lex.auxiliaries:
            return j if j < i - 1 else None
        if tree.tokens[j].pos not in _INSERTED or tree.words[j] in (",", "."):
            return None
    return None


def _after_auxiliary(tree: Tree, i: int) -> bool:
    return any(tree.tokens[k].dep.startswith("aux") for k in tree.children[i])


def _has_content(tree: Tree, i: int, quoted: list[tuple[int, int]]) -> bool:
    """A content clause, or a quotation near the verb or among its dependents
    ("a appelé les agences à « envoyer d'urgence des vaccins »")."""
    if any(True for _ in tree.kids(i, _CONTENT)):
        return True
    sub = tree.subtree(i)
    near = (tree.tokens[max(min(sub[0], i - 3), 0)].start,
            tree.tokens[min(max(sub[-1], i + 3), len(tree.tokens) - 1)].end)
    return any(s < near[1] and near[0] < e for s, e in quoted)


def _speaker(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """The token naming who speaks through verb `i`, following the rules above."""
    if tree.is_passive(i) or _modifying_participle(tree, lex, i):
        # With no agent ("X a été accusé"), the subject is not the speaker.
        agent = _agent(tree, lex, i)
        return _agent_object(tree, agent) if agent is not None else None
    clitic = _clitic_subject(tree, lex, i)
    if clitic is not None:
        return clitic
    named = _name_before_comma(tree, lex, i)
    if named is not None:
        return named
    # The nearest nominal subject: "…, dont 60 % d'enfants, a-t-il rappelé" has two.
    # A counted noun ("…, dont deux enfants, a écrit X") is never who speaks. The
    # parser may hang the subject on the auxiliary ("a" as the verb, "nié" after).
    subjects = sorted((k for h in [i, *_auxiliaries(tree, lex, i)] for k in map(
                           lambda s: _noun_of_adjective(tree, s), tree.kids(h, SUBJECTS))
                       if tree.word(k) != "t" and tree.tokens[k].pos in NOMINAL
                       and k >= tree.dateline_end and not _counted(tree, k)),
                      key=lambda k: abs(k - i))
    tagged = _comma_tag_subject(tree, lex, i)
    for k in subjects:
        if tree.word(k) in _RELATIVES and tree.tokens[i].dep in _RELATIVE_CLAUSES:
            # "les autorités, qui font état de…": the antecedent.
            return _antecedent(tree, lex, tree.tokens[i].head, tree.word(k))
        if k < i:
            return tagged if tagged is not None and k < tagged else k
    # After the verb, the first nominal is the subject: the French model often
    # calls an inverted subject an object, and an apposition after it a subject.
    inverted = _inverted_subject(tree, lex, i)
    after = [k for k in subjects if k > i] + ([inverted] if inverted is not None else [])
    if after:
        return min(after)
    fragment = _fragment_subject(tree, lex, i)
    if fragment is not None:
        return fragment
    head = tree.tokens[i].head
    if tree.tokens[i].dep in ("acl", "amod") and tree.has_feature(i, "VerbForm=Fin") \
            and head < i \
            and tree.tokens[head].pos in NOMINAL and head >= tree.dateline_end:
        # "Le Comité … (CKDH) faisait état de …" parsed as a noun with a clause: a
        # finite verb does not modify a noun, the noun is its subject — the whole
        # noun phrase's head, not a complement ("Le bilan [des victimes] faisait état").
        while tree.has_case(head) and tree.tokens[head].head < head and \
                tree.tokens[tree.tokens[head].head].pos in NOMINAL:
            head = tree.tokens[head].head
        return head
    quoted_as = _quoted_as(tree, i)
    if quoted_as is not None:
        return quoted_as
    dep = tree.tokens[i].dep
    if dep in CONJUNCTS or dep in ADVERBIAL_CLAUSES:
        # "…, calling it", "en accusant", "et a ajouté": the subject of the verb it hangs on.
        # Up the tree to the first word with a subject: the parser may hang the
        # participle on a complement of the verb ("a défendu jeudi … en accusant").
        for head in list(tree.ancestors(i))[:3]:
            if tree.tokens[head].pos not in _VERB_POS | {"ADJ", "NOUN"}:
                break
            for k in tree.kids(head, SUBJECTS):
                if k != i and tree.tokens[k].pos in NOMINAL:
                    return k
    return None


# Relative pronouns that never stand for a person: "the NUG, the administration formed
# by ousted lawmakers, which called …" is the administration's call, not the lawmakers'.
_THING_RELATIVES = frozenset({"which"})


def _antecedent(tree: Tree, lex: Lexicon, head: int, relative: str) -> int:
    """The noun a relative pronoun stands for: the one the clause hangs on, or for
    "which" the first noun above it that names no person."""
    if relative not in _THING_RELATIVES:
        return head
    k = head
    for _ in range(6):
        person = tree.names.get(k) == "person" or tree.word(k) in lex.generic_nouns
        if tree.tokens[k].pos in NOMINAL and not person:
            return k
        if tree.tokens[k].head == k:
            break
        k = tree.tokens[k].head
    return head


def _modifying_participle(tree: Tree, lex: Lexicon, i: int) -> bool:
    """ "une milice accusée du massacre", "a group accused of …": a past participle
    modifying a noun is a passive, whoever the sentence's subject is. Present
    participles ("accusant", "calling") are the subject's own words, and a
    participle after an auxiliary ("a de son côté déclaré") is a verb the parser
    hung on a noun."""
    tok = tree.tokens[i]
    if tok.dep not in ("acl", "amod") or not tok.head < i or \
            tree.tokens[tok.head].pos not in NOMINAL or \
            not tree.has_feature(i, "VerbForm=Part") or tree.words[i].endswith(("ant", "ing")):
        return False
    return not any(tree.word(j) in lex.auxiliaries for j in range(max(i - 6, 0), i))


def _noun_of_adjective(tree: Tree, k: int) -> int:
    """ "L'armée malienne a affirmé", parsed with the adjective as the subject and the
    noun under it: the noun is the subject."""
    if tree.tokens[k].pos != "ADJ":
        return k
    noun = k - 1  # right before it: "armée malienne", not a word further back
    return noun if noun in tree.children[k] and tree.tokens[noun].pos in NOMINAL else k


def _quoted_as(tree: Tree, i: int) -> int | None:
    """ "…, which quoted an unnamed officer as saying": the object of the verb the
    participle hangs on is who says it."""
    head = tree.tokens[i].head
    if tree.word(head) in ("as", "comme") and head < i:
        head = tree.tokens[head].head  # "quoted X as saying": "as" hangs on the verb
    elif not any(tree.word(j) in ("as", "comme") for j in tree.children[i] if j < i):
        return None
    for k in tree.kids(head, OBJECTS - {"nsubj", "appos"}):
        if k < i and tree.tokens[k].pos in NOMINAL:
            return k
    return None


def _counted(tree: Tree, k: int) -> bool:
    return any(tree.tokens[j].dep == "nummod" for j in tree.children[k])


def _agent(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """The passive's agent, also where the parser hung it on a word of the clause
    ("annoncée samedi par le CICR" with "par le CICR" under "samedi")."""
    stack = list(tree.children[i])
    by_marker = None
    while stack:
        k = stack.pop(0)
        if tree.tokens[k].dep in AGENTS:
            return k
        # The model may label the agent a plain complement: "confirmé par Croix-Verte".
        if by_marker is None and tree.tokens[k].pos in NOMINAL and any(
                tree.word(j) in lex.agent_markers for j in tree.kids(k, CASE_MARKS) if j < k):
            by_marker = k
        # Not into another clause, unless the parser made a clause of a plain noun
        # ("confirmé dimanche par le CICR", "dimanche" as a clause).
        if tree.tokens[k].dep not in _CLAUSES or tree.tokens[k].pos not in _VERB_POS:
            stack.extend(tree.children[k])
    return by_marker


def _agent_object(tree: Tree, k: int) -> int:
    """French puts the agent itself under obl:agent; English puts "by" with an object."""
    if tree.tokens[k].pos in NOMINAL:
        return k
    for j in tree.kids(k):
        if tree.tokens[j].pos in NOMINAL:
            return j
    return k


def _comma_tag_subject(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """ "…, killing ten people, the UN refugee agency (UNHCR) said": the words between
    the last comma and the verb are its subject, even when the parser took a
    noun of the long clause before for it."""
    k = _before_verb(tree, lex, i)
    if k is not None and tree.words[k] == ")":
        while k > 0 and tree.words[k] != "(":
            k -= 1
        k -= 1
    if k is None or k < 1 or tree.tokens[k].pos not in NOMINAL:
        return None
    first = k
    while first > 0 and tree.words[first - 1] != ",":
        first -= 1
        if tree.tokens[first].pos in ("VERB", "AUX", "PUNCT") and tree.words[first] != "(":
            return None
    if first == 0:
        return None
    heads = [j for j in range(first, k + 1)
             if tree.tokens[j].pos in NOMINAL and not first <= tree.tokens[j].head <= k]
    return heads[-1] if heads else k


def _clitic_subject(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """ "a-t-elle assuré", "précise-t-il": a hyphenated pronoun next to the verb is its
    subject, whatever the parser made of it."""
    near = [*range(i - 1, max(i - 4, -1), -1), *range(i + 1, min(i + 4, len(tree.tokens)))]
    for k in near:
        surface = tree.surface(k)
        if surface.startswith("-") and tree.word(k) in lex.pronouns:
            return k
    return None


def _name_before_comma(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """ "La présidente de l'association X, Nathalie Berthier, a dénoncé": a person's
    name set off by commas right before the verb is its subject, however the
    parser attached the title around it."""
    k = _before_verb(tree, lex, i)
    if k is None or k < 1 or tree.words[k] != ",":
        return None
    name = k - 1
    if tree.tokens[name].pos == "NUM" and name > 1 and tree.words[name - 1] == ",":
        name -= 2  # "survivor Rahim Uddin, 34, told": past the age
    if tree.names.get(name) != "person":
        return None
    while name > 0 and tree.names.get(name - 1) == "person":
        name -= 1
    # "X, a-t-il dit" never; "…, Nathalie Berthier, a dénoncé": a comma before the name too.
    if name > 0 and tree.words[name - 1] == ",":
        return name
    return None


def _fragment_subject(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """A subject the parser cut off: "L'ONG X (VDH) a accusé", parsed as a fragment
    of its own, still ends right before the verb's auxiliary."""
    k = _before_verb(tree, lex, i)
    if k is not None and tree.words[k] == ")":
        while k > 0 and tree.words[k] != "(":
            k -= 1
        k -= 1
    if k is None or k < 0 or tree.tokens[k].pos not in NOMINAL | {"ADJ"}:
        return None
    while tree.tokens[k].head != k and tree.dateline_end <= tree.tokens[k].head < i:
        if tree.tokens[k].dep in ("case", "nmod") and tree.has_case(k):
            return None  # "… à Alep a dit": a complement, not a subject
        k = tree.tokens[k].head
    head = tree.tokens[k].head
    # The top of the fragment hangs on the verb, is a root, or hangs on a dateline.
    if not (head in (k, i) or head < tree.dateline_end) or tree.tokens[k].pos not in NOMINAL:
        return None
    return k


def _before_verb(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """The token before a verb's auxiliaries, adverbs and clitic pronouns."""
    k = i - 1
    while k >= 0 and (tree.tokens[k].dep.startswith("aux") or tree.tokens[k].pos == "ADV"
                      or tree.word(k) in lex.pronouns or tree.word(k) == "t"):
        k -= 1
    return k if k >= 0 else None


def _inverted_subject(tree: Tree, lex: Lexicon, i: int) -> int | None:
    """ "« … », a précisé l'ONG", "…, said the ministry": the nominal after the verb.

    Only a finite verb or one with an auxiliary inverts: after "…, accusing", the
    noun is an object ("accusing prosecutors").
    """
    finite = tree.has_feature(i, "VerbForm=Fin") or _after_auxiliary(tree, i)
    if not finite or tree.word(i) in lex.listener_verbs:
        return None  # "…, told the Daily Meghna": the object is the one spoken to
    k = _before_verb(tree, lex, i)
    if k is not None and tree.words[k] not in _INVERSION:
        return None
    for j in tree.children[i]:
        tok = tree.tokens[j]
        if j < i or tok.dep not in OBJECTS or tok.pos not in NOMINAL or tree.has_case(j):
            continue
        if tree.word(j) in lex.document_nouns or tree.word(j) in lex.time_words:
            continue
        return j
    # The parser may hang the subject on a complement ("a déclaré à Genève Marta
    # Ferreira", "a confié à l'AFP la responsable"): the first person named after
    # the verb, else the first noun with its own determiner and no preposition.
    clause = []
    for j in range(i + 1, len(tree.tokens)):
        if tree.words[j] in _INVERSION or tree.tokens[j].pos == "VERB":
            break
        clause.append(j)
    for j in clause:
        if tree.names.get(j) == "person":
            return j
    for j in clause:
        if tree.tokens[j].pos == "NOUN" and not tree.has_case(j) \
                and tree.word(j) not in lex.time_words | lex.document_nouns \
                and any(tree.tokens[d].dep == "det" for d in tree.kids(j)):
            return j
    return None
