"""Names cut short before the definition of their acronym get their words back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from site_builder.annotate.acronyms import long_form_end


def extended(text: str, mention: str) -> str | None:
    start = text.index(mention)
    end = long_form_end(text, start, start + len(mention))
    return None if end is None else text[start:end]


@pytest.mark.parametrize(
    ("text", "mention", "expected"),
    [
        # initials spell the acronym
        ("le Front uni pour le renouveau du Ouaddaï (FURO) a revendiqué", "Front uni",
         "Front uni pour le renouveau du Ouaddaï"),
        ("selon l’Observatoire syrien des droits de l’homme (OSDH), 30 morts", "Observatoire",
         "Observatoire syrien des droits de l’homme"),
        ("the Commission of Inquiry on the Sahel (CIS) said", "Commission of Inquiry",
         "Commission of Inquiry on the Sahel"),
        # capitalized words and connectors only
        ("la Mission de l’ONU en RDC (Monusco) a condamné", "Mission de l’ONU",
         "Mission de l’ONU en RDC"),
    ],
)
def test_the_name_runs_to_the_acronym(text: str, mention: str, expected: str) -> None:
    assert extended(text, mention) == expected


@pytest.mark.parametrize(
    ("text", "mention"),
    [
        ("l’ONU a déployé sa mission en RDC (Monusco) en 1999", "ONU"),  # a clause, not a name
        ("Paris a accueilli la réunion (G7) mardi", "Paris"),
        ("le ministre Jean Morel (photo) a parlé", "Jean Morel"),  # not an acronym
        ("le Front uni (FURO) a revendiqué", "Front uni"),  # nothing to add
        ("le Front uni, allié du régime (FURO)", "Front uni"),  # a comma ends the name
    ],
)
def test_nothing_is_added_without_evidence(text: str, mention: str) -> None:
    assert extended(text, mention) is None


@given(st.text(max_size=60), st.integers(0, 60), st.integers(0, 60))
def test_the_end_only_moves_forward_within_the_text(text: str, a: int, b: int) -> None:
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    new = long_form_end(text, start, end)
    assert new is None or end < new <= len(text)
