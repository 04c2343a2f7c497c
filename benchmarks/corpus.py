"""Generate a site of N varied French/English wire-style articles for benchmarks.

The sentences are assembled from small pools of original phrases, so N
articles differ in wording, entities and figures, as real copy would.
"""

from __future__ import annotations

import random
from pathlib import Path

CITIES = ["Alep", "Idleb", "Homs", "Deir ez-Zor", "Raqqa", "Hama", "Lattaquié", "Daraa",
          "Khartoum", "El-Facher", "Port-Soudan", "Kharkiv", "Zaporijjia", "Goma", "Bunia"]
ORGS = [("Observatoire syrien des droits de l’Homme", "OSDH"),
        ("Haut-Commissariat des Nations unies pour les réfugiés", "HCR"),
        ("Organisation mondiale de la santé", "OMS"),
        ("Comité international de la Croix-Rouge", "CICR"),
        ("Programme alimentaire mondial", "PAM"),
        ("Bureau de la coordination des affaires humanitaires", "Ocha")]
PEOPLE = ["Bachar al-Assad", "Antonio Guterres", "Volker Türk", "Martin Griffiths",
          "Geir Pedersen", "Tedros Adhanom Ghebreyesus", "Filippo Grandi", "Samir Haddad",
          "Leïla Haddad", "Omar Khalil", "Nadia Benali", "Youssef Darwiche"]
UNITS = ["civils", "combattants", "déplacés", "blessés", "réfugiés", "familles",
         "enfants", "soldats", "habitants"]
QUALIFIERS = ["plus de", "au moins", "environ", "près de", "quelque", ""]
VERBS = ["a précisé", "a indiqué", "a affirmé", "a annoncé", "a déclaré"]
WORDS = ["six", "douze", "trois cents", "sept cents", "une centaine de", "des dizaines de"]
TAGS = ["syrie", "soudan", "ukraine", "rdc", "humanitaire", "diplomatie", "reconstruction"]


def _number(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(WORDS)
    value = rng.choice([rng.randint(2, 99), rng.randint(100, 999), rng.randint(1000, 25000)])
    text = f"{value:,}".replace(",", "\u00a0")
    return text


def paragraph(rng: random.Random) -> str:
    city = rng.choice(CITIES)
    org, acro = rng.choice(ORGS)
    person = rng.choice(PEOPLE)
    surname = person.split()[-1]
    qualifier = rng.choice(QUALIFIERS)
    figure = f"{qualifier} {_number(rng)} {rng.choice(UNITS)}".strip()
    templates = [
        f"Selon l’{org} ({acro}), {figure} ont été recensés à {city} depuis le début "
        f"de la semaine.",
        f"« La situation à {city} se dégrade d’heure en heure », {rng.choice(VERBS)} "
        f"{person}, qui a appelé à un cessez-le-feu immédiat.",
        f"À {city}, {figure} ont quitté leurs quartiers, {rng.choice(VERBS)} l’{acro} "
        f"dans un communiqué publié mardi.",
        f"M. {surname} doit rencontrer jeudi des représentants de l’{acro} pour évoquer "
        f"l’acheminement de l’aide vers {city}.",
        f"D’après des sources locales, {figure} seraient toujours bloqués aux abords de "
        f"{city}, où les routes restent coupées.",
        f"L’ONG a recensé {figure} dans la province, un bilan qui pourrait encore "
        f"s’alourdir, a-t-elle averti.",
    ]
    return " ".join(rng.sample(templates, k=rng.randint(2, 4)))


def english_paragraph(rng: random.Random) -> str:
    city = rng.choice(CITIES)
    person = rng.choice(PEOPLE)
    return (f"“We are deeply concerned about the situation in {city},” {person} told "
            f"reporters on Tuesday, adding that more than {rng.randint(20, 900)} people "
            f"had been displaced according to the United Nations.")


def article(rng: random.Random, index: int) -> str:
    day = 1 + index % 28
    month = 1 + (index // 28) % 12
    tags = rng.sample(TAGS, k=2)
    city = rng.choice(CITIES)
    paragraphs = [paragraph(rng) for _ in range(rng.randint(4, 8))]
    if rng.random() < 0.2:
        paragraphs.insert(2, english_paragraph(rng))
    return (
        "---\n"
        f"title: \"{city} : bilan n°{index}\"\n"
        f"date: 2026-{month:02d}-{day:02d}\n"
        "lang: fr\n"
        "source: Agence Méridienne\n"
        f"tags: [{', '.join(tags)}]\n"
        f"summary: Dépêche générée numéro {index} pour les mesures de performance.\n"
        "---\n\n" + "\n\n".join(paragraphs) + "\n"
    )


def write_site(root: Path, n: int, seed: int = 1) -> Path:
    """Write a site of `n` articles under `root` and return it."""
    rng = random.Random(seed)
    content = root / "content"
    for i in range(n):
        path = content / f"{2026}" / f"{i // 100:02d}" / f"depeche-{i:05d}.md"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(rng, i), encoding="utf-8")
    return root


def touch_article(root: Path, index: int, marker: str) -> Path:
    """Append a sentence to one article, as an editor saving a change would."""
    path = root / "content" / "2026" / f"{index // 100:02d}" / f"depeche-{index:05d}.md"
    with path.open("a", encoding="utf-8") as handle:
        handle.write(f"\nMise à jour {marker} : le bilan reste provisoire.\n")
    return path
