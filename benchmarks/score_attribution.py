"""Score quote-speaker and figure-source attribution against the hand-written gold set.

    .venv/bin/python benchmarks/score_attribution.py [--gold DIR] [--lang fr en]
                                                     [--show-errors] [--json]

The gold set is one YAML file per language, `tests/gold/attribution/<lang>.yml`:
short passages, each with every quote and figure it contains and who said or
reported it as a careful editor would name them (`speaker`/`source`, plus other
namings of the same actor in `also`; null when the text names nobody), and the
quoted strings and numbers that must *not* be taken as quotes or figures
(`not_quotes`, `not_figures`). Each passage is tagged with the attribution
patterns it exercises (`patterns`, the first one being the main one); an item
may name its own `pattern`.

The passages of one language become the articles of one temporary site, which
goes through the real pipeline (`Builder.analyse`: spaCy, linking,
attribution) once, so the models load once. Each gold string is then located in
the article's blocks, and the predicted quotes and figures there are compared
with the gold:

* a predicted quote matches a gold quote when its span contains the gold string;
  a predicted figure matches a gold figure when their spans overlap;
* an attribution is correct when one of the predicted namings (the actor's name
  and aliases, and `speaker_text`/`source_text`) equals one of the gold namings,
  once both are normalized (case, apostrophes, surrounding punctuation, leading
  determiners and honorifics); a null gold is correct only when nothing is
  predicted, including when the item is not detected at all;
* accuracy = correct / gold items; precision = correct named predictions / named
  predictions (named predictions on false quotes and figures count as wrong);
  recall = correct named predictions / gold items with a named speaker or source.

The table has a row per pattern and a row `all`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from site_builder.model import Actor, Annotations, BlockLang, Figure, Quote

ROOT = Path(__file__).resolve().parents[1]

DEFAULT_GOLD_DIR = ROOT / "tests" / "gold" / "attribution"

# The vocabulary of the gold format, in the order the table lists its rows.
PATTERNS: tuple[str, ...] = (
    "subject_verb", "inverted_subject", "passive_agent", "selon", "participial",
    "social_media", "apposition", "definite_description", "pronoun", "sentence_subject",
    "short_quote", "nested_figure", "name_in_speaker_phrase", "unnamed_speaker",
    "multi_paragraph", "unsourced", "title_not_quote", "not_figure", "english_in_french",
    "interlocutor",
)
ALL = "all"
LANGS: tuple[str, ...] = ("fr", "en")

ItemKind = Literal["quote", "figure"]


class GoldError(Exception):
    """The gold set cannot be scored at all: a file is missing or is not a gold file."""


# ------------------------------------------------------------------------ gold


@dataclass(slots=True)
class GoldItem:
    """One quote or figure of a passage and who a careful editor says is behind it."""

    kind: ItemKind
    text: str  # the string located in the passage
    names: tuple[str, ...]  # speaker/source then `also`; empty when the gold is null
    pattern: str


@dataclass(slots=True)
class Passage:
    """One short article of the gold set."""

    id: str
    patterns: tuple[str, ...]
    text: str
    items: list[GoldItem] = field(default_factory=list)
    not_quotes: list[str] = field(default_factory=list)
    not_figures: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Gold:
    """A language's gold file, with the format problems found while reading it."""

    lang: str
    path: Path
    passages: list[Passage]
    problems: list[str] = field(default_factory=list)


def _as_names(value: object) -> list[str]:
    """A `speaker`/`also`/`not_quotes` value as a list of strings (YAML may give one or a list)."""
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v) for v in value if v is not None]
    return [str(value)]


# (item kind, list key, key of who is behind it) in a passage.
_ITEM_KEYS: tuple[tuple[ItemKind, str, str], ...] = (
    ("quote", "quotes", "speaker"), ("figure", "figures", "source"))


def load_gold(path: Path, lang: str) -> Gold:
    """Read one gold file; raise GoldError only when it is missing or not a gold file.

    Problems that still let the rest be scored (a bad pattern name, a duplicate
    id...) are collected in `Gold.problems`, so one run reports them all.
    """
    if not path.is_file():
        raise GoldError(
            f"{path} is missing: the attribution gold set for {lang!r} has not been "
            "written yet (one YAML file per language; format in the docstring of "
            "benchmarks/score_attribution.py)")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GoldError(f"{path}: not valid YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("passages"), list):
        raise GoldError(f"{path}: expected a mapping with a `passages` list")
    gold = Gold(lang=str(data.get("lang") or lang), path=path, passages=[])
    if gold.lang != lang:
        gold.problems.append(f"{path.name}: `lang: {gold.lang}` but the file is for {lang!r}")
    seen: set[str] = set()
    for index, raw in enumerate(data["passages"]):
        where = f"{path.name}: passage #{index + 1}"
        if not isinstance(raw, dict) or not isinstance(raw.get("text"), str):
            gold.problems.append(f"{where}: expected a mapping with a `text` string")
            continue
        pid = str(raw.get("id") or f"#{index + 1}")
        if pid in seen:
            gold.problems.append(f"{where}: duplicate id {pid!r}")
        seen.add(pid)
        patterns = tuple(_as_names(raw.get("patterns")))
        if not patterns:
            gold.problems.append(f"{pid}: no `patterns`")
            patterns = ("unknown",)
        passage = Passage(id=pid, patterns=patterns, text=raw["text"],
                          not_quotes=_as_names(raw.get("not_quotes")),
                          not_figures=_as_names(raw.get("not_figures")))
        for kind, key, who in _ITEM_KEYS:
            for entry in raw.get(key) or []:
                if not isinstance(entry, dict) or not isinstance(entry.get(kind), str):
                    gold.problems.append(f"{pid}: a `{key}` entry without a `{kind}` string")
                    continue
                if who not in entry:
                    gold.problems.append(f"{pid}: {kind} {entry[kind]!r} has no `{who}` "
                                         "(write null when the text names nobody)")
                named = _as_names(entry.get(who))
                # `also` only adds namings of a speaker that exists: a null gold stays null.
                names = (*named, *_as_names(entry.get("also"))) if named else ()
                pattern = str(entry.get("pattern") or patterns[0])
                passage.items.append(GoldItem(kind, entry[kind], names, pattern))
        for pattern in {*patterns, *(item.pattern for item in passage.items)}:
            if pattern not in PATTERNS:
                gold.problems.append(f"{pid}: unknown pattern {pattern!r}")
        gold.passages.append(passage)
    return gold


# ------------------------------------------------------------------- normalize

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "´": "'", "`": "'"})
# Leading words that do not tell two namings apart: "l'ONG" is "ONG", "M. Derik"
# is "Derik", "a senior official" is "senior official".
_LEADING = re.compile(
    r"^(?:(?:le|la|les|un|une|des|du|de|son|sa|ses|leur|leurs|the|a|an|its|their|his|her)"
    r"\s+|[ld]'\s*"
    r"|(?:m|mme|mr|mrs|ms|dr|gov|gen)\.?\s+)")


def _is_edge(char: str) -> bool:
    """Whether a character may be stripped from the ends of a naming (punctuation, quotes)."""
    return char.isspace() or unicodedata.category(char)[0] == "P"


def normalize_name(text: str) -> str:
    """The form in which two namings of a speaker or source are compared."""
    text = unicodedata.normalize("NFKC", text).translate(_APOSTROPHES).casefold()
    text = " ".join(text.split())
    while True:
        start, end = 0, len(text)
        while start < end and _is_edge(text[start]):
            start += 1
        while end > start and _is_edge(text[end - 1]):
            end -= 1
        stripped = _LEADING.sub("", text[start:end], count=1)
        if stripped == text:
            return text
        text = stripped


def names_match(predicted: Iterable[str], gold: Iterable[str]) -> bool:
    """Whether any predicted naming equals any gold naming, once normalized."""
    wanted = {normalize_name(g) for g in gold} - {""}
    return any(normalize_name(p) in wanted for p in predicted)


def predicted_names(actor_id: str | None, text: str | None,
                    actors: Mapping[str, Actor]) -> list[str]:
    """Every way a prediction names its speaker or source: the actor's names and the text."""
    names: list[str] = []
    actor = actors.get(actor_id) if actor_id else None
    if actor is not None:
        names += [actor.name, *actor.aliases]
    if text:
        names.append(text)
    return names


def attribution_correct(actor_id: str | None, text: str | None,
                        actors: Mapping[str, Actor], gold: Sequence[str]) -> bool:
    """Whether a predicted attribution agrees with the gold namings (empty = gold null)."""
    if not gold:
        return actor_id is None and text is None
    if names_match(predicted_names(actor_id, text, actors), gold):
        return True
    # Someone unnamed, described in fewer words: "a resident" for "a resident who
    # helped bury the dead". Only for words with no actor: a shorter actor name
    # ("United Nations" for "United Nations refugee agency") is another actor.
    if actor_id is None and text:
        short = normalize_name(text)
        return bool(short) and any(normalize_name(g).startswith(short + " ") for g in gold)
    return False


# ---------------------------------------------------------------------- locate

# Characters Markdown may change or drop between a passage's source and a
# block's plain text (emphasis, code marks, escapes), or that wire copy writes
# in several ways (apostrophes, quotation marks, spaces): ignored when searching.
_FOLD = {"’": "'", "‘": "'", "ʼ": "'", "“": '"', "”": '"', "„": '"'}
_DROP = frozenset("*_`\\~")


def _fold(text: str) -> tuple[str, list[int]]:
    """Text folded for searching, and for each folded character its offset in `text`."""
    chars: list[str] = []
    offsets: list[int] = []
    for i, char in enumerate(text):
        if char in _DROP:
            continue
        char = " " if char.isspace() else _FOLD.get(char, char)
        if char == " " and chars and chars[-1] == " ":
            continue  # a line break or a run of spaces is one space
        chars.append(char)
        offsets.append(i)
    return "".join(chars), offsets


@dataclass(frozen=True, slots=True)
class Span:
    """Where a gold string is in an article: block index and offsets into its text."""

    block: int
    start: int
    end: int


class Locator:
    """Finds gold strings in an article's blocks."""

    def __init__(self, blocks: Sequence[BlockLang]) -> None:
        self._folded = [_fold(b.text) for b in blocks]

    def find(self, needle: str) -> list[Span]:
        """Every place `needle` occurs, in block order."""
        folded_needle = _fold(needle)[0].strip()
        found: list[Span] = []
        if not folded_needle:
            return found
        for index, (text, offsets) in enumerate(self._folded):
            at = text.find(folded_needle)
            while at != -1:
                last = at + len(folded_needle) - 1
                found.append(Span(index, offsets[at], offsets[last] + 1))
                at = text.find(folded_needle, at + 1)
        return found


def _quote_bounds(quote: Quote, order: Mapping[str, int]) -> tuple[tuple[int, int],
                                                                   tuple[int, int]] | None:
    """A predicted quote's start and end as (block index, offset), or None if off the blocks."""
    first = order.get(quote.block)
    last = order.get(quote.end_block or quote.block)
    if first is None or last is None:
        return None
    return (first, quote.start), (last, quote.end)


def quote_contains(quote: Quote, span: Span, order: Mapping[str, int]) -> bool:
    """Whether a predicted quote (which may run over blocks) covers the whole gold span."""
    bounds = _quote_bounds(quote, order)
    return bounds is not None and bounds[0] <= (span.block, span.start) \
        and (span.block, span.end) <= bounds[1]


def quote_overlaps(quote: Quote, span: Span, order: Mapping[str, int]) -> bool:
    """Whether a predicted quote shares at least one character with the span."""
    bounds = _quote_bounds(quote, order)
    return bounds is not None and bounds[0] < (span.block, span.end) \
        and (span.block, span.start) < bounds[1]


def figure_overlap(figure: Figure, span: Span, order: Mapping[str, int]) -> int:
    """How many characters a predicted figure shares with the span (0: none)."""
    if order.get(figure.block) != span.block:
        return 0
    return max(0, min(figure.end, span.end) - max(figure.start, span.start))


# --------------------------------------------------------------------- scores


@dataclass(slots=True)
class Tally:
    """Counts for the quotes (or the figures) of one group, and the metrics they give."""

    n: int = 0  # gold items
    found: int = 0  # gold items a predicted quote/figure matched
    correct: int = 0  # gold items attributed correctly (a null gold left unattributed counts)
    named_gold: int = 0  # gold items whose gold is not null
    predicted: int = 0  # named predictions: on gold items, and on false positives
    predicted_correct: int = 0
    false_positives: int = 0  # not_quotes / not_figures detected as quotes / figures

    @property
    def found_rate(self) -> float | None:
        """Recall of detection."""
        return self.found / self.n if self.n else None

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.n if self.n else None

    @property
    def precision(self) -> float | None:
        return self.predicted_correct / self.predicted if self.predicted else None

    @property
    def recall(self) -> float | None:
        return self.predicted_correct / self.named_gold if self.named_gold else None

    def metrics(self) -> dict[str, Any]:
        """Counts and metrics, for JSON."""
        return {**asdict(self), "found_rate": self.found_rate, "accuracy": self.accuracy,
                "precision": self.precision, "recall": self.recall}


@dataclass(slots=True)
class GroupScores:
    """The scores of one pattern (or of `all`)."""

    quotes: Tally = field(default_factory=Tally)
    figures: Tally = field(default_factory=Tally)

    def tally(self, kind: ItemKind) -> Tally:
        return self.quotes if kind == "quote" else self.figures


@dataclass(slots=True)
class Miss:
    """A wrong or missing attribution, or a false quote/figure, for `--show-errors`."""

    passage: str
    kind: str  # quote, figure, not_quote, not_figure
    item: str
    pattern: str
    gold: str
    predicted: str


@dataclass(slots=True)
class Scores:
    """Everything the scorer found for one language."""

    lang: str
    passages: int = 0
    groups: dict[str, GroupScores] = field(default_factory=dict)
    errors: list[Miss] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # gold strings not located exactly once

    @property
    def all(self) -> GroupScores:
        return self.groups.setdefault(ALL, GroupScores())

    def add(self, pattern: str, kind: ItemKind) -> list[Tally]:
        """The tallies one event counts in: its pattern's and `all`'s."""
        return [self.groups.setdefault(pattern, GroupScores()).tally(kind), self.all.tally(kind)]


def _describe(actor_id: str | None, text: str | None, actors: Mapping[str, Actor]) -> str:
    """A prediction as shown in the error list."""
    if actor_id is None and text is None:
        return "(nobody)"
    actor = actors.get(actor_id) if actor_id else None
    if actor_id is None:
        name = "(no actor)"
    else:
        name = f"{actor_id} [{actor.name}]" if actor is not None else f"{actor_id} [unknown id]"
    return f"{name} / {text!r}" if text is not None else name


def _locate(passage: Passage, what: str, needle: str, locator: Locator,
            problems: list[str]) -> Span | None:
    """The one place of a gold string in the blocks; records why when it is not exactly one."""
    in_text = passage.text.count(needle)
    if in_text != 1:
        problems.append(f"{passage.id}: {what} {needle!r} occurs {in_text} times in the text"
                        " (it must occur exactly once)")
    spans = locator.find(needle)
    if not spans:
        if in_text:
            problems.append(f"{passage.id}: {what} {needle!r} not found in the article's "
                            "blocks (did Markdown change it?)")
        return None
    if len(spans) > 1 and in_text == 1:
        problems.append(f"{passage.id}: {what} {needle!r} occurs {len(spans)} times in the "
                        "article's blocks")
    return spans[0]


def score_passage(passage: Passage, ann: Annotations, actors: Mapping[str, Actor],
                  scores: Scores) -> None:
    """Add one passage's comparison of gold and predictions to `scores`."""
    order = {b.id: i for i, b in enumerate(ann.blocks)}
    locator = Locator(ann.blocks)
    matched_quotes: set[int] = set()
    matched_figures: set[int] = set()
    scores.passages += 1
    for item in passage.items:
        span = _locate(passage, item.kind, item.text, locator, scores.problems)
        actor_id: str | None = None
        text: str | None = None
        found = False
        if span is not None and item.kind == "quote":
            hits = [i for i, q in enumerate(ann.quotes) if quote_contains(q, span, order)]
            if hits:
                found = True
                matched_quotes.update(hits)
                quote = ann.quotes[hits[0]]
                actor_id, text = quote.speaker, quote.speaker_text
        elif span is not None:
            overlaps = [(figure_overlap(f, span, order), i) for i, f in enumerate(ann.figures)]
            best = max(overlaps, default=(0, -1))
            if best[0] > 0:
                found = True
                matched_figures.add(best[1])
                figure = ann.figures[best[1]]
                actor_id, text = figure.source, figure.source_text
        named = actor_id is not None or text is not None
        correct = attribution_correct(actor_id, text, actors, item.names)
        for tally in scores.add(item.pattern, item.kind):
            tally.n += 1
            tally.found += found
            tally.correct += correct
            tally.named_gold += bool(item.names)
            tally.predicted += named
            tally.predicted_correct += named and correct
        if not correct:
            scores.errors.append(Miss(
                passage.id, item.kind, item.text, item.pattern,
                gold=" | ".join(item.names) or "(nobody)",
                predicted=_describe(actor_id, text, actors) if found else "(not detected)"))
    _score_false(passage, "not_quote", passage.not_quotes, locator, ann, actors, scores,
                 matched_quotes, matched_figures, order)
    _score_false(passage, "not_figure", passage.not_figures, locator, ann, actors, scores,
                 matched_quotes, matched_figures, order)


def _score_false(passage: Passage, kind: Literal["not_quote", "not_figure"],
                 strings: Sequence[str], locator: Locator, ann: Annotations,
                 actors: Mapping[str, Actor], scores: Scores, matched_quotes: set[int],
                 matched_figures: set[int], order: Mapping[str, int]) -> None:
    """Count the not_quotes / not_figures the pipeline took for quotes / figures.

    A prediction already matched to a gold item is not a false positive: a real
    quote may contain a title in quotation marks, a real figure a year.
    """
    # These strings illustrate the pattern named after them when the passage has it.
    own = "title_not_quote" if kind == "not_quote" else "not_figure"
    pattern = own if own in passage.patterns else passage.patterns[0]
    item_kind: ItemKind = "quote" if kind == "not_quote" else "figure"
    for needle in strings:
        scores.add(pattern, item_kind)  # the row shows that the pattern was tested
        span = _locate(passage, kind, needle, locator, scores.problems)
        if span is None:
            continue
        hit: Quote | Figure | None
        if item_kind == "quote":
            hit = next((q for i, q in enumerate(ann.quotes) if i not in matched_quotes
                        and quote_overlaps(q, span, order)), None)
            who = (hit.speaker, hit.speaker_text) if hit is not None else (None, None)
        else:
            hit = next((f for i, f in enumerate(ann.figures) if i not in matched_figures
                        and figure_overlap(f, span, order)), None)
            who = (hit.source, hit.source_text) if hit is not None else (None, None)
        if hit is None:
            continue
        named = who != (None, None)
        for tally in scores.add(pattern, item_kind):
            tally.false_positives += 1
            tally.predicted += named  # a named prediction on a false item is a wrong one
        scores.errors.append(Miss(passage.id, kind, needle, pattern, gold=f"not a {item_kind}",
                                  predicted=f"{item_kind} {hit.text!r}, attributed to "
                                            f"{_describe(*who, actors)}"))


def score_passages(gold: Gold, annotated: Mapping[str, Annotations],
                   actors: Mapping[str, Actor]) -> Scores:
    """Compare a gold file with the pipeline's annotations of its passages (by passage id)."""
    scores = Scores(lang=gold.lang, problems=list(gold.problems))
    scores.all  # noqa: B018 -- `all` comes last in the table even when nothing is counted
    for passage in gold.passages:
        score_passage(passage, annotated[passage.id], actors, scores)
    return scores


# -------------------------------------------------------------------- pipeline


def _slug(index: int, passage_id: str) -> str:
    """A URL-safe slug unique within the site (ids may hold underscores, or repeat)."""
    cleaned = re.sub(r"[^a-z0-9]+", "-", passage_id.lower()).strip("-")
    return f"p{index:03d}-{cleaned}"[:80].rstrip("-")


def analyse_gold(gold: Gold, workdir: Path) -> tuple[dict[str, Annotations], dict[str, Actor]]:
    """Run one temporary site made of the gold passages through the real pipeline.

    One site per language: the spaCy models load once for all its passages.
    """
    # Imported here so that the scoring helpers can be used (and unit-tested)
    # without loading the NLP stack.
    from site_builder.build import Builder
    from site_builder.errors import SiteError

    site = workdir / f"site-{gold.lang}"
    content = site / "content"
    content.mkdir(parents=True)
    (site / "site.toml").write_text(
        f'title = "Attribution gold ({gold.lang})"\nlanguage = "{gold.lang}"\n\n'
        '[annotate]\nlanguages = ["fr", "en"]\n', encoding="utf-8")
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    by_slug: dict[str, str] = {}
    for index, passage in enumerate(gold.passages):
        slug = _slug(index, passage.id)
        by_slug[slug] = passage.id
        date = (start + dt.timedelta(hours=index)).isoformat()
        # JSON strings are YAML strings: the id is quoted whatever it holds.
        front = (f"---\ntitle: {json.dumps(passage.id)}\ndate: {date}\nlang: {gold.lang}\n"
                 f"slug: {slug}\n---\n\n")
        (content / f"{slug}.md").write_text(front + passage.text.strip("\n") + "\n",
                                            encoding="utf-8")
    try:
        result, _ = Builder(site, use_cache=False).analyse(None)
    except SiteError as exc:
        raise GoldError(f"{gold.path}: the pipeline rejected the passages:\n{exc}") from None
    annotated = {by_slug[item.article.slug]: item.annotations for item in result.articles}
    return annotated, dict(result.actors)


def score(gold_dir: Path, langs: Sequence[str]) -> dict[str, Scores]:
    """Score each language's gold file in `gold_dir`; raise GoldError when one is unusable."""
    results: dict[str, Scores] = {}
    with tempfile.TemporaryDirectory(prefix="score-attribution-") as tmp:
        for lang in langs:
            gold = load_gold(gold_dir / f"{lang}.yml", lang)
            annotated, actors = analyse_gold(gold, Path(tmp))
            results[lang] = score_passages(gold, annotated, actors)
    return results


# ------------------------------------------------------------------------- report


def _rate(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _row_order(groups: Iterable[str]) -> list[str]:
    """Patterns in vocabulary order, unknown ones after them, `all` last."""
    names = set(groups) - {ALL}
    known = [p for p in PATTERNS if p in names]
    return [*known, *sorted(names - set(known)), ALL]


def table(scores: Scores) -> str:
    """The Markdown table of one language."""
    head = ["pattern", "quotes n", "found", "spk P", "spk R", "spk acc",
            "figures n", "found", "src P", "src R", "src acc", "false quotes", "false figures"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join(
        ["---", *["---:"] * (len(head) - 1)]) + "|"]
    for name in _row_order(scores.groups):
        group = scores.groups[name]
        q, f = group.quotes, group.figures
        cells = [f"**{name}**" if name == ALL else name,
                 str(q.n), _rate(q.found_rate), _rate(q.precision), _rate(q.recall),
                 _rate(q.accuracy),
                 str(f.n), _rate(f.found_rate), _rate(f.precision), _rate(f.recall),
                 _rate(f.accuracy), str(q.false_positives), str(f.false_positives)]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def as_json(results: Mapping[str, Scores], errors: bool) -> dict[str, Any]:
    """The metrics (and, if asked, the errors) as plain JSON data."""
    data: dict[str, Any] = {}
    for lang, scores in results.items():
        entry: dict[str, Any] = {
            "passages": scores.passages,
            "groups": {name: {"quotes": scores.groups[name].quotes.metrics(),
                              "figures": scores.groups[name].figures.metrics()}
                       for name in _row_order(scores.groups)},
            "problems": scores.problems,
        }
        if errors:
            entry["errors"] = [asdict(e) for e in scores.errors]
        data[lang] = entry
    return data


def report(results: Mapping[str, Scores], errors: bool) -> str:
    """The Markdown report: a table per language, gold problems, and errors if asked."""
    parts: list[str] = []
    for lang, scores in results.items():
        parts.append(f"## {lang} ({scores.passages} passages)\n\n{table(scores)}")
        if scores.problems:
            parts.append("Gold problems:\n\n" + "\n".join(f"- {p}" for p in scores.problems))
        if errors and scores.errors:
            parts.append("Errors:\n\n" + "\n".join(
                f"- {e.passage} [{e.pattern}] {e.kind} {e.item!r}: gold {e.gold}; "
                f"predicted {e.predicted}" for e in scores.errors))
    return "\n\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD_DIR,
                        help="directory of <lang>.yml gold files (default: %(default)s)")
    parser.add_argument("--lang", action="extend", nargs="+", choices=LANGS,
                        help="languages to score (default: every <lang>.yml in the directory)")
    parser.add_argument("--show-errors", action="store_true",
                        help="list each wrong or missing attribution and false quote/figure")
    parser.add_argument("--json", action="store_true", help="print the metrics as JSON")
    args = parser.parse_args(argv)
    langs = args.lang or [lang for lang in LANGS if (args.gold / f"{lang}.yml").is_file()]
    if not langs:
        print(f"no gold files (<lang>.yml) in {args.gold}", file=sys.stderr)
        return 2
    try:
        results = score(args.gold, langs)
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_json(results, args.show_errors), ensure_ascii=False, indent=2))
    else:
        print(report(results, args.show_errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
