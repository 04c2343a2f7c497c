"""Attribution against the hand-written gold set (benchmarks/score_attribution.py).

The gold tests (marked e2e) run the real pipeline over tests/gold/attribution/
and keep each language at or above what the stage measured when it landed,
less 0.02 (docs/figures.md has the table). Raise a floor when the stage improves.
The helper tests below them check the scorer itself, without spaCy.

    .venv/bin/python -m pytest tests/test_attribution_gold.py
    ATTRIBUTION_GOLD_DIR=/some/dir .venv/bin/python -m pytest tests/test_attribution_gold.py
"""

from __future__ import annotations

import os
import sys
import textwrap
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
import score_attribution as sa

from site_builder.model import Actor, Annotations, BlockLang, Figure, Quote

GOLD_DIR = Path(os.environ.get("ATTRIBUTION_GOLD_DIR") or sa.DEFAULT_GOLD_DIR)
LANGS = ("fr", "en")

MIN_PASSAGES = 40
# Floors: what the stage measured, less 0.02 so that one passage more or less
# of model noise does not fail the suite. (quote acc, figure acc, quote P, figure P)
FLOORS = {"fr": (0.93, 0.92, 0.98, 0.97), "en": (0.94, 0.94, 0.95, 0.96)}


# Passages written apart from the rules (tests/gold/attribution/heldout*/), so that
# a rule tuned to the main set shows here. One error is 0.03 to 0.04 there:
# floors sit a little lower. (directory, passages at least, floors)
HELDOUT = {
    "heldout": (GOLD_DIR / "heldout", 20,
                {"fr": (0.83, 0.91, 0.97, 0.94), "en": (0.85, 0.85, 0.92, 0.90)}),
    "heldout2": (GOLD_DIR / "heldout2", 15,
                 {"fr": (0.92, 0.86, 0.96, 0.92), "en": (0.87, 0.87, 0.91, 0.92)}),
    # Written blind and scored before any rule was looked at against it: the
    # closest the suite has to unseen text.
    "heldout3": (GOLD_DIR / "heldout3", 15,
                 {"fr": (0.62, 0.66, 0.77, 0.81), "en": (0.77, 0.81, 0.84, 0.91)}),
}


# ------------------------------------------------------------------------ gold


def _score_all(gold_dir: Path) -> dict[str, sa.Scores | str]:
    results: dict[str, sa.Scores | str] = {}
    for lang in LANGS:
        try:
            results[lang] = sa.score(gold_dir, [lang])[lang]
        except sa.GoldError as exc:
            results[lang] = str(exc)
    return results


@pytest.fixture(scope="module")
def scored() -> dict[str, sa.Scores | str]:
    """Each language's scores, or why its gold file cannot be scored (reported by its tests)."""
    return _score_all(GOLD_DIR)


@pytest.fixture(scope="module")
def heldout() -> dict[str, dict[str, sa.Scores | str]]:
    return {name: _score_all(directory) for name, (directory, _, _) in HELDOUT.items()}


def _scores(scored: dict[str, sa.Scores | str], lang: str) -> sa.Scores:
    """The scores of a language; fails (never skips) when its gold file is missing or broken."""
    result = scored[lang]
    if isinstance(result, str):
        pytest.fail(result, pytrace=False)
    return result


def _explain(scores: sa.Scores, kind: str) -> str:
    """The table and the errors of one kind, so that a failure says what went wrong."""
    errors = [e for e in scores.errors if e.kind in (kind, f"not_{kind}")]
    listed = "\n".join(f"  {e.passage} [{e.pattern}] {e.item!r}: gold {e.gold}; "
                       f"predicted {e.predicted}" for e in errors[:40])
    more = f"\n  ... and {len(errors) - 40} more" if len(errors) > 40 else ""
    return f"\n{sa.table(scores)}\n{kind} errors:\n{listed}{more}"


@pytest.mark.e2e
@pytest.mark.parametrize("lang", LANGS)
def test_gold_file_is_complete(scored: dict[str, sa.Scores | str], lang: str) -> None:
    scores = _scores(scored, lang)
    passages, problems = scores.passages, scores.problems
    assert passages >= MIN_PASSAGES, \
        f"{GOLD_DIR / f'{lang}.yml'} has {passages} passages, {MIN_PASSAGES} wanted"
    assert not problems, "gold problems:\n" + "\n".join(problems)


# (the floor's index, what is measured, the kind of items it counts)
MEASURES = [(0, "accuracy", "quote"), (1, "accuracy", "figure"),
            (2, "precision", "quote"), (3, "precision", "figure")]


def _check_floors(scores: sa.Scores, floors: tuple[float, ...]) -> None:
    for index, measure, kind in MEASURES:
        counts = scores.all.quotes if kind == "quote" else scores.all.figures
        value = getattr(counts, measure)
        assert value is not None, f"no {kind} to measure {measure} on" + _explain(scores, kind)
        assert value >= floors[index], f"{kind} {measure} {value:.2f} < {floors[index]}" + \
            _explain(scores, kind)


@pytest.mark.e2e
@pytest.mark.parametrize("lang", LANGS)
def test_gold_set_floors(scored: dict[str, sa.Scores | str], lang: str) -> None:
    """Quote-speaker and figure-source accuracy and precision on the main set."""
    _check_floors(_scores(scored, lang), FLOORS[lang])


@pytest.mark.e2e
@pytest.mark.parametrize("name", sorted(HELDOUT))
@pytest.mark.parametrize("lang", LANGS)
def test_heldout_sets(heldout: dict[str, dict[str, sa.Scores | str]], name: str,
                      lang: str) -> None:
    _, min_passages, floors = HELDOUT[name]
    scores = _scores(heldout[name], lang)
    assert scores.passages >= min_passages and not scores.problems
    _check_floors(scores, floors[lang])


# --------------------------------------------------------------- scorer helpers


@pytest.mark.parametrize(("raw", "expected"), [
    ("Jean Morel", "jean morel"),
    ("M. Jean Morel", "jean morel"),
    ("Mme Dupont,", "dupont"),
    ("l’ONG", "ong"),
    ("L'ONG", "ong"),
    ("d’Amnesty", "amnesty"),
    ("« le ministre »", "ministre"),
    ("“The ministry”", "ministry"),
    ("Gov. Jane Roe", "jane roe"),
    ("Dr Karim Haddad", "karim haddad"),
    ("Gen. John Smith", "john smith"),
    ("Mrs. Smith", "smith"),
    ("a senior official", "senior official"),
    ("an aide", "aide"),
    ("des habitants", "habitants"),
    ("un diplomate  occidental", "diplomate occidental"),
    ("du ministère", "ministère"),
    ("the\u00a0UN", "un"),
    ("Observatoire syrien des droits de l’Homme", "observatoire syrien des droits de l'homme"),
    ("(OSDH)", "osdh"),
    ("", ""),
])
def test_normalize_name(raw: str, expected: str) -> None:
    assert sa.normalize_name(raw) == expected


def test_names_match_compares_normalized_namings() -> None:
    assert sa.names_match(["OSDH"], ["Observatoire syrien des droits de l’Homme", "OSDH"])
    assert sa.names_match(["l'Observatoire syrien des droits de l'Homme"],
                          ["Observatoire syrien des droits de l’Homme"])
    assert sa.names_match(["M. Derik", "Hozan Derik"], ["Derik"])
    assert not sa.names_match(["Ohio"], ["Jane Roe", "the governor"])
    assert not sa.names_match(["anything"], [])


def test_attribution_correct() -> None:
    actors = {"jean-morel": Actor("jean-morel", "Jean Morel", "person", aliases=["M. Morel"])}
    gold = ("Jean Morel", "le ministre")
    assert sa.attribution_correct("jean-morel", None, actors, gold)
    assert sa.attribution_correct(None, "le ministre", actors, gold)
    assert sa.attribution_correct("jean-morel", "le chef", actors, gold)  # the actor suffices
    assert not sa.attribution_correct(None, None, actors, gold)
    assert not sa.attribution_correct("unknown-id", None, actors, gold)
    # A null gold is right only when nobody is predicted.
    assert sa.attribution_correct(None, None, actors, ())
    assert not sa.attribution_correct(None, "le ministre", actors, ())
    assert not sa.attribution_correct("jean-morel", None, actors, ())


def test_a_shorter_description_of_someone_unnamed_is_right_but_not_a_shorter_actor() -> None:
    actors = {"un": Actor("un", "United Nations", "organization")}
    assert sa.attribution_correct(None, "a resident", {}, ("a resident who fled",))
    assert not sa.attribution_correct(None, "a res", {}, ("a resident who fled",))
    assert not sa.attribution_correct("un", None, actors, ("United Nations refugee agency",))


def test_locator_tolerates_markdown_and_typography() -> None:
    blocks = [BlockLang("b0", "fr", "Le ministre a parlé."),
              BlockLang("b1", "fr", "Selon l’OSDH, plus de\u00a0300 civils\nont été tués.")]
    locator = sa.Locator(blocks)
    # Emphasis marks, a straight apostrophe and a line break in the Markdown source.
    [span] = locator.find("Selon l'*OSDH*")
    assert (span.block, blocks[1].text[span.start:span.end]) == (1, "Selon l’OSDH")
    [span] = locator.find("300 civils ont")
    assert blocks[1].text[span.start:span.end] == "300 civils\nont"
    [span] = locator.find("plus de 300")
    assert blocks[1].text[span.start:span.end] == "plus de\u00a0300"
    assert locator.find("ministre")[0].block == 0
    assert locator.find("absent") == []
    assert len(sa.Locator([BlockLang("b0", "fr", "a b a b")]).find("a b")) == 2


def test_load_gold_reports_format_problems(tmp_path: Path) -> None:
    (tmp_path / "fr.yml").write_text(textwrap.dedent("""\
        lang: fr
        passages:
          - id: fr-x-01
            patterns: [selon, made_up]
            text: "« Oui », a dit Paul. Deux morts, selon lui."
            quotes:
              - quote: "Oui"
            figures:
              - figure: "Deux morts"
                source: null
                also: [ignored]
          - id: fr-x-01
            patterns: [selon]
            text: "Rien."
        """), encoding="utf-8")
    gold = sa.load_gold(tmp_path / "fr.yml", "fr")
    assert len(gold.passages) == 2
    quote, figure = gold.passages[0].items
    assert (quote.kind, quote.names, quote.pattern) == ("quote", (), "selon")
    assert figure.names == ()  # `also` of a null source stays null
    problems = "\n".join(gold.problems)
    assert "unknown pattern 'made_up'" in problems
    assert "has no `speaker`" in problems
    assert "duplicate id 'fr-x-01'" in problems


def test_missing_gold_file_says_so(tmp_path: Path) -> None:
    with pytest.raises(sa.GoldError, match=r"en\.yml is missing"):
        sa.score(tmp_path, ["en"])


def _gold(text: str) -> sa.Gold:
    return sa.Gold("fr", Path("fr.yml"), [sa.Passage(
        id="fr-t-01", patterns=("inverted_subject", "title_not_quote"), text=text,
        items=[
            sa.GoldItem("quote", "Nous tiendrons", ("Jean Morel", "le ministre"),
                        "inverted_subject"),
            sa.GoldItem("quote", "ligne rouge", ("Jean Morel",), "short_quote"),
            sa.GoldItem("quote", "Rien ne bouge", (), "unnamed_speaker"),
            sa.GoldItem("figure", "huit civils", ("OSDH",), "selon"),
            sa.GoldItem("figure", "trois enfants", ("OSDH",), "nested_figure"),
            sa.GoldItem("figure", "deux ponts", (), "unsourced"),
        ],
        not_quotes=["Bouclier"], not_figures=["2011"])])


def test_score_passages_counts_each_case() -> None:
    p1 = "« Nous tiendrons. Rien ne bouge », a dit le ministre, Jean Morel, « ligne rouge »."
    p2 = ("L’opération « Bouclier » a tué huit civils, dont trois enfants, selon l’OSDH, "
          "et détruit deux ponts depuis 2011.")
    gold = _gold(f"{p1}\n\n{p2}")
    blocks = [BlockLang("b0", "fr", p1), BlockLang("b1", "fr", p2)]
    quote_at = p1.index("Nous")
    ann = Annotations(
        blocks=blocks,
        quotes=[
            # Right speaker, and it covers the null-gold quote too: that one is then wrong.
            Quote(p1[quote_at:p1.index(" »")], "b0", quote_at, p1.index(" »"),
                  speaker="jean-morel", speaker_text="le ministre"),
            # "ligne rouge" is not detected; the title is taken for a quote, with a speaker.
            Quote("Bouclier", "b1", p2.index("Bouclier"), p2.index("Bouclier") + 8,
                  speaker=None, speaker_text="l’opération"),
        ],
        figures=[
            Figure("huit civils", 8, "exact", "civils", "b1", p2.index("huit"),
                   p2.index("huit") + 11, source="osdh", source_text="OSDH"),
            Figure("trois enfants", 3, "exact", "enfants", "b1", p2.index("trois"),
                   p2.index("trois") + 13, source=None, source_text="l’opération"),
            Figure("deux ponts", 2, "exact", "ponts", "b1", p2.index("deux"),
                   p2.index("deux") + 10),
            Figure("2011", 2011, "exact", "", "b1", p2.index("2011"), p2.index("2011") + 4),
        ])
    actors = {"jean-morel": Actor("jean-morel", "Jean Morel", "person"),
              "osdh": Actor("osdh", "OSDH", "organization")}
    scores = sa.score_passages(gold, {"fr-t-01": ann}, actors)
    assert scores.problems == []
    q, f = scores.all.quotes, scores.all.figures
    assert (q.n, q.found, q.correct, q.named_gold) == (3, 2, 1, 2)
    # Named predictions: the two gold quotes the first quote covers, and the title.
    assert (q.predicted, q.predicted_correct, q.false_positives) == (3, 1, 1)
    assert (q.accuracy, q.precision, q.recall) == (1 / 3, 1 / 3, 1 / 2)
    assert (f.n, f.found, f.correct, f.named_gold) == (3, 3, 2, 2)
    assert (f.predicted, f.predicted_correct, f.false_positives) == (2, 1, 1)
    assert scores.groups["title_not_quote"].quotes.false_positives == 1
    assert scores.groups["inverted_subject"].figures.false_positives == 1  # no not_figure pattern
    assert scores.groups["short_quote"].quotes.found == 0
    errors = {(e.kind, e.item): e.predicted for e in scores.errors}
    assert errors[("quote", "ligne rouge")] == "(not detected)"
    assert ("quote", "Nous tiendrons") not in errors
    assert set(errors) == {("quote", "ligne rouge"), ("quote", "Rien ne bouge"),
                           ("figure", "trois enfants"), ("not_quote", "Bouclier"),
                           ("not_figure", "2011")}
    table = sa.table(scores)
    assert table.splitlines()[-1].startswith("| **all** | 3 | 0.67 |")


def test_multi_block_quote_contains_a_span_in_its_middle() -> None:
    order = {"b0": 0, "b1": 1, "b2": 2}
    quote = Quote("…", "b0", 5, 12, end_block="b2")
    assert sa.quote_contains(quote, sa.Span(1, 0, 40), order)
    assert sa.quote_contains(quote, sa.Span(2, 0, 12), order)
    assert not sa.quote_contains(quote, sa.Span(2, 10, 14), order)
    assert not sa.quote_contains(quote, sa.Span(0, 0, 6), order)
    assert sa.quote_overlaps(quote, sa.Span(0, 0, 6), order)


def test_slugs_are_valid_and_unique() -> None:
    slugs = {sa._slug(i, pid) for i, pid in enumerate(["fr-inverted_subject-01"] * 3)}
    assert len(slugs) == 3
    assert all(s.replace("-", "").isalnum() and s == s.lower() for s in slugs)

