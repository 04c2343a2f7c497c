"""Figure detection never crashes and its offsets always point at its text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from site_builder.annotate.figures import find_figures
from site_builder.model import BlockLang

# Pieces that reach the deep paths: digit groups, separators, qualifiers,
# multipliers, round nouns, quotes, dates, names.
_PIECES = [
    "1", "200", "2011", "000", "1,5", "2.5", " ", "\u00a0", "\u202f", ",", ".", "-", "/", ":",
    "%", "$", "€", "plus de", "au moins", "jusqu’à", "entre", "et", "à", "ou", "more than",
    "between", "and", "to", "million", "millions", "milliards", "bn", "de", "d'", "of",
    "une centaine", "des dizaines", "de milliers", "hundreds", "scores", "dozens", "a dozen",
    "vingt-deux", "trois cents", "two hundred", "un", "one", "a", "les", "the", "civils",
    "combattants", "des deux camps", "Syrian", "civilians", "mars", "March", "lundi", "h",
    "heures", "jours", "years", "e", "er", "th", "G", "Covid", "article", "«", "»", "“", "”",
    '"', "\n", "'", "’", "k", "m", "km", "pour cent", "percent", "et demi", "Boeing", "n°",
    # sub-counts, ages, clock times, codes, modifiers
    "dont", "including", "parmi lesquels", "of them", "of whom", "d'entre eux", "une",
    "Jane Doe", "(", ")", "aged", "GMT", "heure locale", "+", "0", "01", "0143",
    "123456789012", "video", "le", "magnitude", "enfant",
    # partitives, words that stop a unit in one language only
    "of its", "of the", "de ses", "des", "members", "car", "as", "said",
]  # fmt: skip

texts = st.one_of(
    st.text(max_size=120),
    st.lists(st.sampled_from(_PIECES), max_size=25).map(" ".join),
    st.lists(st.sampled_from(_PIECES), max_size=25).map("".join),
)
langs = st.sampled_from(["fr", "en", "de", "xx", ""])


@settings(max_examples=400, deadline=None)
@given(text=texts, lang=langs, data=st.data())
def test_figures_never_crash_and_offsets_match(text: str, lang: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    found = find_figures(BlockLang("b0", lang, text), [(a, b)] if b > a else [])
    previous_end = 0
    for f in found:
        assert 0 <= f.start < f.end <= len(text)
        assert text[f.start : f.end] == f.text
        assert f.start >= previous_end  # in order, never overlapping
        previous_end = f.end
        assert not (f.start < b and a < f.end and b > a)  # never inside protected text
        assert f.value == f.value  # not NaN
        assert f.qualifier in {"exact", "more_than", "at_least", "less_than", "about", "up_to",
                               "range"}  # fmt: skip
