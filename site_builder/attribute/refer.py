"""From the token heading a speaker's words to who that is (`Context.naming`).

- A name: the entity at that token, a name the recognizer missed here but
  found before, or a name in apposition to a title ("le docteur Youssef
  Karam", "son porte-parole, le commandant X").
- A pronoun ("a-t-elle", "he"): the speaker of the latest main-clause report
  it can stand for.
- A definite description ("l'ONG", "le ministre", "the group"): an actor named
  before whose names or roles match it (`antecedents.Antecedents.resolve`),
  an earlier speaker described the same way, or, for a described body, its
  own words.
- Someone unnamed ("une source militaire", "officials"): the words only.

docs/figures.md ("Who the words name") gives every rule with its limits.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from site_builder.attribute.antecedents import (
    STOP,
    Antecedents,
    after_preposition,
    honorifics,
    key,
    keys,
)
from site_builder.attribute.lexicon import (
    Designator,
    Gender,
    Lexicon,
    designator,
    genders,
    lexicon,
)
from site_builder.attribute.tree import CASE_MARKS, SUBJECTS, Tree
from site_builder.model import Entity, Naming

# A modifier ("the U.N. health agency", "Russia's ministry") is not the name of the
# body it modifies: only names in apposition or attached as names count.
_NAME_PARTS = frozenset({"appos", "flat", "flat:name", "nmod"})
_PHRASE_PARTS = frozenset({"det", "amod", "compound", "flat", "flat:name", "nummod",
                           "poss", "nmod:poss", "fixed"})
_COUNTS = frozenset({"nummod"})
_ONE = frozenset({"un", "une", "l'un", "l'une", "one"})
# Prepositions of a noun's own complement: "le ministère de la Santé", "head of".
_OF = frozenset({"de", "du", "des", "d'", "of"})
# How a name hangs on a title the designator list does not know ("le colonel X").
_TITLED_NAME = frozenset({"appos", "flat", "flat:name"})
_SINGULAR_DEFINITE = frozenset({"le", "la", "l'", "the", "this", "ce", "cet", "cette"})
# "le même ministère", "the same group": pointing back, not qualifying.
_ANAPHORIC = frozenset({"même", "same", "autre", "other"})
# Reports further back than this many sentences are not referred to by a pronoun.
PRONOUN_WINDOW = 3


@dataclass(frozen=True, slots=True)
class Spoken:
    """A resolved speaker, remembered for the pronouns that follow."""

    sentence: int
    naming: Naming
    kind: str
    main: bool = True  # False for a report inside a relative clause ("X, qui dénonce…")
    at: int = 0  # where in the sentence: the report's cue, or the subject's first character
    gender: Gender | None = None  # of an unnamed speaker ("un responsable"), from its words
    marker: bool = False  # named by "selon", "according to": no clause's subject


class Context(Antecedents):
    """Reference resolution for one article: who the words of a report name."""

    # ------------------------------------------------------------------ names

    def naming(self, tree: Tree, k: int, lex: Lexicon, history: Sequence[Spoken],
               describe: bool = False) -> tuple[Naming, str] | None:
        """Who token `k` of `tree` stands for, and the kind of speaker that is.

        With `describe` (the object of "selon"), a described source that is
        none of the cases below keeps its words: "selon la télévision d'État".
        """
        if k < tree.dateline_end:
            return None  # "LIMA, June 3 –": where the story was filed, not who speaks
        if tree.word(k) in _ONE:  # "un de ses responsables, X": the one of them
            part = next((j for j in tree.kids(k) if j > k and tree.tokens[j].pos == "NOUN"), None)
            if part is not None:
                k = part
        if tree.tokens[k].pos == "NUM" or any(True for _ in tree.kids(k, _COUNTS)):
            return None  # "…, ont rapporté 11 personnes": a count, not someone named
        entity = self.entity_at(tree.block, tree.tokens[k].start)
        if entity is not None:
            return self._entity_naming(entity), self.kind(entity)
        word = tree.word(k)
        if word.rstrip(".") in honorifics():
            # "said Brig. Gen. Roberto Alcaraz": the ranks before a name are not who.
            for j in range(k + 1, min(k + 6, len(tree.tokens))):
                entity = self.entity_at(tree.block, tree.tokens[j].start)
                if entity is not None:
                    return self._entity_naming(entity), "person"
                if tree.word(j).rstrip(".") not in honorifics() and tree.words[j] != ".":
                    break
        if word in lex.pronouns and tree.tokens[k].pos in ("PRON", "DET", "X", "NOUN"):
            return self._pronoun(tree, k, lex, history)
        if self._same_source(tree, k, lex) and history:
            return history[-1].naming, history[-1].kind  # "selon la même source"
        det = self._determiner(tree, k)
        designator = self._designator(tree, k)
        if designator is None and word in lex.generic_nouns and det in _SINGULAR_DEFINITE:
            # "cette source" after "selon une source sécuritaire": that speaker.
            unnamed = self._spoken_like(Designator("person", frozenset({word})), history,
                                        tree.sentence, strict=True, unnamed=True)
            if unnamed is not None:
                return unnamed
            # "le diplomate norvégien", "the official": someone named before, by role.
            designator = Designator("person", frozenset({word}))
        start, end = self._phrase(tree, k)
        words = Naming(None, tree.text[start:end], tree.block, start, end)
        if designator is None and det in _SINGULAR_DEFINITE and tree.tokens[k].pos == "NOUN":
            # Any "the network", "le collectif": an actor named before with that word.
            found = self._name_with_word(word, tree.block, tree.tokens[k].start)
            if found is not None:
                return Naming(found[0], words.text, tree.block, start, end), found[1]
        if tree.tokens[k].pos in ("NOUN", "PROPN") or det is not None:
            named = self._named_in_phrase(tree, k, designator)
            if named is not None:
                return named
        if designator is not None and (det is None or det in lex.definite
                                       or self._possessed(tree, k)):
            qualifiers = self._qualifiers(tree, k)
            foreign = any(q.startswith("demonym:") for q in qualifiers)
            if self._anaphoric(tree, k):  # "le même ministère": the one that just spoke
                same = self._spoken_like(designator, history, tree.sentence, strict=True)
                if same is None and not self._word_before(tree, k):
                    # No "mission" named before but a speaker of its kind: that one.
                    same = self._spoken_like(designator, history, tree.sentence, strict=False)
                return same  # "la même mission" after "un observateur de la mission": unsure
            actor = self._resolve(designator, qualifiers, tree.block, tree.tokens[k].start,
                                  self.speakers,
                                  plural=det not in _SINGULAR_DEFINITE
                                  and tree.has_feature(k, "Number=Plur"),
                                  gender=genders().of_phrase([det or "", word]))
            if actor is not None:
                return Naming(actor, words.text, tree.block, start, end), designator.kind
            if self._owned(tree, k):
                # "Russia's defence ministry" after "Ukraine's energy ministry": a name
                # owns the body, a description of its own, whoever spoke before.
                return words, designator.kind
            spoken = self._spoken_like(designator, history, tree.sentence, strict=True)
            if spoken is None and designator.kind == "organization" and not designator.strict \
                    and not foreign:
                spoken = self._only_unlinked_speaker(history, tree.sentence)
            if spoken is not None:
                return spoken
            if not self._earlier(tree.block, tree.tokens[k].start, designator.kind) or (
                    qualifiers and (designator.kind == "organization" or foreign)) or (
                    self._owned(tree, k)) or self._of_a_name(tree, k):
                # "le ministère soudanais de la Santé", "le président iranien" (someone
                # described, not named), or the first "l'ONG" of the text
                return words, designator.kind
            return None  # "le ministre" and no one it surely refers to: better nothing
        if word in lex.generic_nouns or (tree.tokens[k].pos == "NOUN" and (
                (det is not None and det in lex.indefinite)
                or (det is None and tree.has_feature(k, "Number=Plur")
                    and word not in lex.document_nouns))):
            # "une source militaire", "Organisers of the protests said": unnamed.
            return self._without_determiner(tree, k, words), "person"
        if tree.tokens[k].pos == "PROPN" and tree.surface(k)[:1].isupper():
            known = self._surname(tree, k)
            if known is not None:
                return known
            if any(tree.tokens[j].pos != "PUNCT" for j in range(k)):
                # A name the entity stage missed ("The WHO said"); a sentence's first
                # word may just be capitalized. Its kind is unknown.
                return words, "other"
        if tree.tokens[k].pos in ("NOUN", "PROPN") and word not in lex.document_nouns and (
                (describe and det is not None) or self._owned(tree, k)):
            # "selon la télévision d'État", "Greece's coast guard said": a body described.
            return words, "organization"
        return None

    def _owned(self, tree: Tree, k: int) -> bool:
        """ "Greece's coast guard", "the UN refugee agency": a name owns or qualifies a
        noun for a body (a designator noun), not "Sudan's economy"."""
        if self._designator(tree, k) is None:
            return False
        return any(tree.tokens[j].dep in ("poss", "nmod:poss", "compound")
                   and self.entity_at(tree.block, tree.tokens[j].start) is not None
                   for j in tree.kids(k) if j < k)

    def _word_before(self, tree: Tree, k: int) -> bool:
        """Is the noun `k` written earlier in its block or the block before?"""
        word = tree.word(k)
        if word in tree.words[:k]:
            return True
        block = self.order.get(tree.block, 0)
        earlier = [b for b, n in self.order.items() if block - 1 <= n < block]
        return any(word in self.texts[b].lower().replace("’", "'") for b in earlier) or \
            word in tree.text[: tree.tokens[0].start].lower().replace("’", "'")

    def _of_a_name(self, tree: Tree, k: int) -> bool:
        """ "le gouverneur de la région du Centre-Nord", "the mayor of Kherson": a title
        whose complement names where or what it is of describes someone of its own,
        not one named before."""
        for j in tree.kids(k):
            if j < k:
                continue
            if tree.tokens[j].dep == "prep":  # English: "of" heads its object
                of = tree.word(j) in _OF
            else:
                of = tree.tokens[j].dep == "nmod" and any(
                    tree.word(c) in _OF for c in tree.kids(j, CASE_MARKS) if c < j)
            if of and any(self.entity_at(tree.block, tree.tokens[n].start) is not None
                          for n in tree.subtree(j)):
                return True
        return False

    def _anaphoric(self, tree: Tree, k: int) -> bool:
        return any(tree.word(j) in _ANAPHORIC for j in tree.kids(k))

    def _spoken_like(self, designator: Designator, history: Sequence[Spoken], sentence: int,
                     strict: bool, unnamed: bool = False) -> tuple[Naming, str] | None:
        """A speaker before, described with the designator's words: "le ministère" after
        "selon le ministère libanais de la Santé" (no actor: a described source).

        With `strict` False, any recent speaker of the designator's kind will do.
        """
        wanted = {key(w) for w in designator.keywords}
        for spoken in reversed(history):
            if sentence - spoken.sentence > PRONOUN_WINDOW * 2:
                break
            kind = "organization" if spoken.kind == "place" else spoken.kind
            if unnamed and spoken.naming.actor is not None:
                continue
            if kind != designator.kind and not unnamed:
                continue
            if not strict or keys(spoken.naming.text) & wanted:
                return spoken.naming, spoken.kind
        return None

    def _only_unlinked_speaker(self, history: Sequence[Spoken], sentence: int,
                               ) -> tuple[Naming, str] | None:
        """ "the Geneva-based group" after "Frontline Medical Relief …, said", a name the
        recognizer missed: the one body or unknown name quoted so far, if only one."""
        if self.body_speakers:
            return None  # an organization with an actor has spoken: not a lone unnamed one
        found: dict[str, Spoken] = {}
        for spoken in reversed(history):
            if sentence - spoken.sentence > PRONOUN_WINDOW * 2:
                break
            if spoken.naming.actor is None and spoken.kind in ("organization", "other") \
                    and spoken.naming.text.split()[-1][:1].isupper():
                # A name the recognizer missed, not a body described with a noun of its
                # own ("the regional military administration" is no "energy ministry").
                found[spoken.naming.text] = spoken
        if len(found) != 1:
            return None
        spoken = next(iter(found.values()))
        return spoken.naming, "organization"

    def _surname(self, tree: Tree, k: int) -> tuple[Naming, str] | None:
        """A name the recognizer missed here but found before: "Velasco" after "Arturo
        Velasco" (the one person with that last name), "WHO" after "World Health
        Organization (WHO)" (an actor's alias)."""
        word = tree.surface(k)
        found: dict[str, str] = {}
        for e in self._before(tree.block, tree.tokens[k].start):
            if e.actor is None:
                continue
            actor = self.actors.get(e.actor)
            aliases = {e.text, *(actor.aliases if actor else ()), actor.name if actor else ""}
            if word in aliases or (self.kind(e) == "person" and e.text.split()[-1:] == [word]):
                found[e.actor] = self.kind(e)
        if len(found) != 1:
            return None
        actor_id, kind = found.popitem()
        t = tree.tokens[k]
        return Naming(actor_id, word, tree.block, t.start, t.end), kind

    def _same_source(self, tree: Tree, k: int, lex: Lexicon) -> bool:
        words = tuple(tree.word(j) for j in tree.subtree(k) if tree.tokens[j].pos != "DET")
        return any(words[i : i + len(p)] == p for p in lex.same_source
                   for i in range(len(words)))

    def _without_determiner(self, tree: Tree, k: int, words: Naming) -> Naming:
        """ "une source militaire" is named "source militaire", as editors write it."""
        first = next((j for j in range(len(tree.tokens)) if tree.tokens[j].start >= words.start),
                     k)
        while first < k and tree.tokens[first].dep == "det":
            first += 1
        start = tree.tokens[first].start
        return Naming(None, tree.text[start : words.end], words.block, start, words.end)

    def _entity_naming(self, e: Entity) -> Naming:
        return Naming(e.actor, e.text, e.block, e.start, e.end)

    def _named_in_phrase(self, tree: Tree, k: int, designator: Designator | None,
                         ) -> tuple[Naming, str] | None:
        """A name in apposition to a title: "le président américain Donald Trump", "le
        coordinateur de l'ONU au Yémen, Piet van der Berg", "l'ONG Amnesty"."""
        # An organization's name is often labelled "other" (MISC) by the recognizer.
        kinds = ({designator.kind} | ({"other"} if designator.kind == "organization" else set())
                 if designator else {"person", "organization"})
        person_title = designator is not None and designator.kind == "person"
        loose: tuple[Naming, str] | None = None
        if k + 2 < len(tree.tokens) and tree.words[k + 1] == "(":
            # "the United Nations refugee agency (UNHCR)": the name in parentheses
            # right after the noun is the body's, whatever the parser hung it on.
            entity = self.entity_at(tree.block, tree.tokens[k + 2].start)
            if entity is not None and self.kind(entity) in kinds:
                kind = designator.kind if designator is not None else self.kind(entity)
                return self._entity_naming(entity), kind
        # A name in apposition before one used as a modifier: "the UN refugee agency
        # (UNHCR)" is UNHCR, not the UN.
        ordered = sorted(_own_words(tree, k), key=lambda j: (
            tree.tokens[j].dep not in _TITLED_NAME, j))
        for j in ordered:
            if j == k or tree.tokens[j].dep not in _NAME_PARTS or tree.has_case(j):
                continue
            entity = self.entity_at(tree.block, tree.tokens[j].start)
            if entity is None or after_preposition(tree.text, entity.start):
                continue  # "le ministre en chef du Sind": a complement, not his name
            if self.kind(entity) in kinds and (designator is not None or (
                    tree.tokens[j].dep in _TITLED_NAME
                    and (j == k + 1 or tree.text[: entity.start].rstrip().endswith(",")))):
                kind = designator.kind if designator is not None else self.kind(entity)
                return self._entity_naming(entity), kind
            # The recognizer often calls a person an organization: under a person's
            # title, a name set off by a comma is that person ("the WFP's country
            # director, Hanna Lindqvist").
            if person_title and loose is None and tree.tokens[j].dep == "appos" \
                    and tree.text[: entity.start].rstrip().endswith(",") \
                    and self.kind(entity) != "place":
                loose = self._entity_naming(entity), "person"
        if loose is not None:
            return loose
        # The parser may hang the name elsewhere: take it right after the title's
        # words and a comma, past a second title ("son porte-parole, le commandant X").
        j = max(tree.subtree(k)) + 1
        while j < min(k + 9, len(tree.tokens)) and tree.words[j] != "," and \
                tree.tokens[j].pos not in ("VERB", "AUX", "PUNCT"):
            j += 1  # past a complement the parser hung elsewhere ("… dans les territoires")
        if "person" in kinds and j < len(tree.tokens) and tree.words[j] == ",":
            for n in range(j + 1, min(j + 4, len(tree.tokens))):
                entity = self.entity_at(tree.block, tree.tokens[n].start)
                if entity is not None:
                    # The recognizer often calls a person an organization: after a
                    # person's title and a comma, a name is that person.
                    if self.kind(entity) == "person" or (
                            person_title and self.kind(entity) == "organization"):
                        return self._entity_naming(entity), "person"
                    break
                if tree.tokens[n].pos not in ("DET", "NOUN", "ADJ"):
                    break
        return None

    # ------------------------------------------------------------ the phrase

    def _determiner(self, tree: Tree, k: int) -> str | None:
        for j in tree.kids(k):
            if j < k and tree.tokens[j].dep in ("det", "nummod") and tree.tokens[j].pos in (
                    "DET", "NUM", "ADP", "NOUN", "PRON"):
                return tree.word(j)
        return None

    def _possessed(self, tree: Tree, k: int) -> bool:
        return any(tree.tokens[j].dep in ("poss", "nmod:poss") or "Poss" in tree.surface(j)
                   for j in tree.kids(k))

    def _phrase(self, tree: Tree, k: int) -> tuple[int, int]:
        """Character extent of the speaker's words: the noun with its close modifiers."""
        parts = [k]
        for j in tree.kids(k):
            if tree.tokens[j].dep in _PHRASE_PARTS:
                if j > k and (self._participle_clause(tree, j)
                              or tree.has_feature(j, "VerbForm=Fin")):
                    # "un responsable [cité par la radio]", "sources [jointes par …]", and
                    # a verb the parser hung on its subject ("un diplomate [résume]")
                    continue
                parts.extend(tree.subtree(j))
            elif tree.tokens[j].dep in ("nmod", "prep") and j > k:
                sub = tree.subtree(j)
                if len(sub) <= 6 and not any(tree.tokens[s].pos == "VERB" for s in sub):
                    parts.extend(sub)
        first, last = min(parts), max(parts)
        common = tree.surface(k)[:1].islower()  # a name keeps all its words
        # The words stay between the commas around the noun: what follows one is
        # an apposition, not the name ("son comité de soutien, au moins 18 …");
        # and they end before a complement that is not the noun's own ("un
        # responsable du ministère [sous le couvert de l'anonymat]").
        agents = lexicon(tree.lang).agent_markers
        for j in range(k + 1, last + 1):
            if tree.words[j] in STOP or (tree.tokens[j].pos == "ADP" and common
                                          and tree.word(j) not in _OF) or (
                    j + 1 < len(tree.tokens) and tree.word(j + 1) in agents):
                # "un responsable [cité par la radio]", whatever the tagger made of "cité"
                last = j - 1
                break
        for j in range(k - 1, first - 1, -1):
            if tree.words[j] in STOP:
                first = j + 1
                break
        return tree.tokens[first].start, tree.tokens[last].end

    @staticmethod
    def _participle_clause(tree: Tree, j: int) -> bool:
        """A participle with a complement of its own: a clause about the speaker, not
        part of the words that name them."""
        return tree.has_feature(j, "VerbForm=Part") and any(
            tree.tokens[c].pos in ("NOUN", "PROPN", "PRON") for c in tree.kids(j) if c > j)

    def _designator(self, tree: Tree, k: int) -> Designator | None:
        word = tree.word(k)
        if k + 1 < len(tree.tokens):
            pair = designator(f"{word} {tree.word(k + 1)}")
            if pair is not None:
                return pair
        if k > 0:
            pair = designator(f"{tree.word(k - 1)} {word}")
            if pair is not None:
                return pair
        return designator(word)

    def _qualifiers(self, tree: Tree, k: int) -> set[str]:
        """ "le président américain", "the US president", "le ministère de la Santé"."""
        words: set[str] = set()
        for j in tree.kids(k):
            dep = tree.tokens[j].dep
            if dep in ("amod", "compound", "nmod") and tree.tokens[j].pos in (
                    "ADJ", "PROPN", "NOUN"):
                words.add(key(tree.surface(j)))
        return words - _ANAPHORIC

    # ------------------------------------------------------------- resolving

    def unnamed_gender(self, tree: Tree, k: int) -> Gender | None:
        """The gender the words of an unnamed speaker give: "un responsable", "une habitante"."""
        return genders().of_phrase([self._determiner(tree, k) or "", tree.word(k)])

    def _agrees(self, spoken: Spoken, gender: Gender | None) -> bool:
        if spoken.naming.actor is not None:
            return self.agrees(spoken.naming.actor, gender)
        return gender is None or spoken.gender is None or spoken.gender == gender

    def _can_be(self, spoken: Spoken, kinds: frozenset[str], gender: Gender | None) -> bool:
        """Can a pronoun of these kinds and gender stand for that speaker?"""
        kind = "organization" if spoken.kind == "place" else spoken.kind
        if (kind in ("person", "other") or spoken.naming.actor is None) and \
                not self._agrees(spoken, gender):
            return False
        return kind in kinds or kind == "other"

    def _gendered_body(self, topic: Spoken, gender: Gender | None, tree: Tree, k: int,
                       ) -> bool:
        """Can a gendered pronoun ("elle") take up a body that a sentence before was
        about ("La police …. Elle a fait état de …")? Only when the body's own words
        give the pronoun's gender and no person was named since: "il" after "Le
        ministère a convoqué Karim Saleh" may well be him."""
        if topic.kind != "organization" or gender is None or topic.gender != gender:
            return False
        low = bisect_right(self.positions, (self.order[topic.naming.block], topic.naming.end))
        high = bisect_left(self.positions, (tree.order, tree.tokens[k].start))
        return not any(self.kind(e) == "person" for e in self.entities[low:high])

    def _coordinated_subject(self, tree: Tree, k: int, lex: Lexicon,
                             history: Sequence[Spoken],
                             ) -> tuple[bool, tuple[Naming, str] | None]:
        """ "un chiffre que l'ONG juge sous-estimé et qu'elle porte à 200 000": the pronoun
        subject of a clause coordinated ("et", "mais") to an earlier clause opened by the
        same word is that clause's subject. (False, None) when there is no such clause."""
        if tree.tokens[k].dep not in SUBJECTS:
            return False, None
        marks = [j for j in _marks(tree, tree.tokens[k].head) if j < k]
        if not marks or marks[0] == 0 or tree.word(marks[0] - 1) not in _COORDINATORS:
            return False, None
        opener = _unelided(tree.word(marks[0]))
        for j in range(marks[0] - 2, -1, -1):
            if _unelided(tree.word(j)) != opener or tree.tokens[j].dep != "mark":
                continue
            head = tree.tokens[j].head
            subjects = [s for s in tree.kids(head, SUBJECTS) if j < s < marks[0]]
            if not subjects and j < head < marks[0] and tree.tokens[head].pos in ("NOUN", "PROPN"):
                subjects = [head]  # "que Croix-Verte juge": the name taken for the clause head
            if not subjects or tree.word(subjects[0]) in lex.pronouns:
                return False, None
            return True, self.naming(tree, subjects[0], lex, history)
        return False, None

    def _pronoun(self, tree: Tree, k: int, lex: Lexicon, history: Sequence[Spoken],
                 ) -> tuple[Naming, str] | None:
        """The latest compatible antecedent: a main clause's speaker, the person who is
        the subject of a sentence before (the topic), or a body or a person that is the
        subject of this sentence before the pronoun ("L'agence … alors qu'elle
        recensait"), of a kind the pronoun can be and not of the other gender."""
        word = tree.word(k)
        kinds = lex.pronouns[word]
        gender = genders().pronouns.get(word)
        found, shared = self._coordinated_subject(tree, k, lex, history)
        if found:
            # The pronoun repeats that subject: when it names no one it can be, no one.
            kind = "organization" if shared is None or shared[1] == "place" else shared[1]
            if shared is not None and kind in kinds and (
                    kind != "person" or self.agrees(shared[0].actor, gender)):
                return shared
            return None
        here = (tree.sentence, tree.tokens[k].start)
        # "Its civilian toll stood at 118": whose document it is, the body a sentence
        # before was about counts too.
        possessive = tree.tokens[k].dep in ("poss", "nmod:poss")
        candidates = [h for h in history if h.main] + [
            t for t in self.topics if (t.sentence, t.at) < here
            and (t.kind == "person" or t.sentence == tree.sentence or possessive
                 or self._gendered_body(t, gender, tree, k))]
        candidates.sort(key=lambda c: (c.sentence, c.at))
        # "Selon l'OIM, …" names no clause's subject: a pronoun takes it up only when
        # no subject of a report it can stand for is as recent ("…, Nathalie Berthier,
        # a dénoncé …. … selon l'OIM. « … », a-t-elle lancé" is hers).
        clauses = [c for c in candidates if not c.marker
                   and tree.sentence - c.sentence <= PRONOUN_WINDOW]
        if any(self._can_be(c, kinds, gender) for c in clauses):
            candidates = clauses
        recent = False
        for spoken in reversed(candidates):
            if tree.sentence - spoken.sentence > PRONOUN_WINDOW:
                break
            recent = True
            # Not "a-t-elle" after "le ministre X a dit", nor "il" after "la police";
            # "other", a name of unknown kind, may be anything.
            if self._can_be(spoken, kinds, gender):
                return spoken.naming, spoken.kind
        if "person" not in kinds or recent:
            # A report just before names someone the pronoun cannot be (or the
            # recognizer got that speaker's kind wrong): better no one than a guess.
            return None
        # No report before it: the one person named since the sentence before.
        people = {e.actor: e for e in self._nearby(tree) if e.actor and self.kind(e) == "person"
                  and not after_preposition(self.texts[e.block], e.start)
                  and self.agrees(e.actor, gender)}
        if len(people) == 1:
            entity = next(iter(people.values()))
            return self._entity_naming(entity), "person"
        return None


_COORDINATORS = frozenset({"et", "mais", "and", "but"})


def _unelided(word: str) -> str:
    return word[:-1] + "e" if word.endswith("'") else word  # "qu'" is "que"


def _marks(tree: Tree, verb: int) -> list[int]:
    return [j for j in tree.kids(verb) if tree.tokens[j].dep == "mark"]


_CLAUSE_DEPS = frozenset({"acl", "acl:relcl", "relcl", "advcl", "ccomp", "conj", "parataxis",
                          "csubj"})


def _own_words(tree: Tree, k: int) -> list[int]:
    """The noun phrase of `k` without its clauses and the counts in it: in "l'ONG, qui
    compte 150 combattants, dont 84 membres des FAV", the FAV are not a name of
    the NGO."""
    found: list[int] = []
    stack = [k]
    while stack:
        j = stack.pop()
        found.append(j)
        for c in tree.children[j]:
            clause = tree.tokens[c].dep in _CLAUSE_DEPS and (
                tree.tokens[c].dep != "conj" or tree.tokens[c].pos in ("VERB", "AUX"))
            if clause or (
                    c not in tree.names
                    and any(tree.tokens[n].dep == "nummod" for n in tree.children[c])):
                continue
            stack.append(c)
    return sorted(found)
