"""Hostile sizes for one article: many entities, and a 10 MB file.

    python benchmarks/bench_slow_input.py entities 5000 50000
    python benchmarks/bench_slow_input.py megabytes 10
    python benchmarks/bench_slow_input.py entities 5000 50000 --people 20000

`entities N ...` builds, for each N, one article of about N entity mentions
(paragraphs of normal length; people drawn from `--people` distinct names,
2,800 by default; every organization and city many times) and prints the
time of each build stage, then the ratio of each stage between the last
size and the first: linear work gives a ratio close to the ratio of the
sizes. `megabytes M ...` builds
one article of that many megabytes of the same prose and prints the same
stages with the build's peak RSS.

Each build is a fresh process (`Builder` with `use_cache=False`), so model
loading is in the first stage. The stages are the builder's progress
phases; "rendering" is split at the first actor page: "article page" is
the article's own pages, then the actor index and every actor page's
signature; "actor pages" renders those pages.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

FIRST = ["Samir", "Leïla", "Omar", "Nadia", "Youssef", "Karim", "Amina", "Rami", "Salma",
         "Walid", "Hala", "Tarek", "Yasmine", "Fadi", "Rania", "Bassel", "Dina", "Ziad",
         "Mona", "Hassan", "Lina", "Nabil", "Reem", "Khaled", "Sara", "Jamal", "Noura",
         "Majid", "Hiba", "Adel", "Claire", "Julien", "Sophie", "Marc", "Élise", "Pierre",
         "Camille", "Thomas", "Anne", "Louis"]
LAST = ["Haddad", "Khalil", "Benali", "Darwiche", "Nasser", "Hariri", "Mansour", "Saleh",
        "Youssef", "Aziz", "Karam", "Hamdan", "Jaber", "Sabbagh", "Masri", "Touma", "Fares",
        "Ghanem", "Issa", "Kassem", "Moreau", "Lefèvre", "Garnier", "Chevalier", "Rousseau",
        "Fontaine", "Mercier", "Blanchard", "Girard", "Perrin", "Barbier", "Lemaire",
        "Renaud", "Collin", "Vidal", "Marchand", "Brunet", "Picard", "Roche", "Gauthier",
        "Aubert", "Lambert", "Dumont", "Rey", "Caron", "Hubert", "Leclerc", "Noël",
        "Meunier", "Carré", "Guérin", "Boyer", "Baron", "Joly", "Poirier", "Clément",
        "Royer", "Moulin", "Lacroix", "Benoît", "Charpentier", "Giraud", "Marty", "Leroux",
        "Besson", "Dupuis", "Faure", "Rivière", "Arnaud", "Bertin"]
ORGS = [("Observatoire syrien des droits de l’Homme", "OSDH"),
        ("Haut-Commissariat des Nations unies pour les réfugiés", "HCR"),
        ("Organisation mondiale de la santé", "OMS"),
        ("Comité international de la Croix-Rouge", "CICR"),
        ("Programme alimentaire mondial", "PAM"),
        ("Fonds des Nations unies pour l’enfance", "Unicef"),
        ("Organisation internationale pour les migrations", "OIM"),
        ("Médecins sans frontières", "MSF")]
CITIES = ["Alep", "Idleb", "Homs", "Raqqa", "Hama", "Lattaquié", "Daraa", "Khartoum",
          "Port-Soudan", "Kharkiv", "Zaporijjia", "Goma", "Bunia", "Beyrouth", "Amman",
          "Bagdad", "Mossoul", "Tripoli", "Benghazi", "Niamey", "Bamako", "Gao"]
VERBS = ["a précisé", "a indiqué", "a affirmé", "a annoncé", "a déclaré", "a estimé"]
DAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"]


def _sentence(rng: random.Random, people: list[str]) -> tuple[str, int]:
    """One sentence of wire copy and the number of names written in it."""
    p1, p2 = rng.choice(people), rng.choice(people)
    org, acro = rng.choice(ORGS)
    city, other = rng.choice(CITIES), rng.choice(CITIES)
    verb, day = rng.choice(VERBS), rng.choice(DAYS)
    n = rng.randint(2, 900)
    templates = [
        (f"{p1} a rencontré {p2} {day} à {city} pour évoquer l’acheminement de l’aide.", 3),
        (f"Selon {p1}, porte-parole de l’{org} ({acro}), {n} familles ont quitté {city}.", 4),
        (f"M. {p1.split()[-1]} doit s’entretenir {day} avec {p2} et des représentants de "
         f"l’{acro}.", 3),
        (f"« La situation à {city} reste très préoccupante », {verb} {p1}.", 2),
        (f"D’après {p2}, les routes entre {city} et {other} restent coupées depuis {day}.", 3),
        (f"L’{acro} a recensé {n} déplacés dans la région de {city}, {verb} {p1} à la "
         f"presse.", 3),
        (f"Les équipes de l’{org} sont arrivées {day} à {other}, où {p2} les attendait.", 3),
    ]
    return rng.choice(templates)


def prose(rng: random.Random, *, names: int = 0, chars: int = 0,
          people: int = 2800) -> str:
    """Paragraphs of 3 to 6 sentences, until about `names` names or `chars` characters."""
    pool = [f"{f} {s}" for f in FIRST for s in LAST]
    rng.shuffle(pool)
    if people > len(pool):  # double surnames: up to 193,200 people
        more = [f"{f} {a}-{b}" for f in FIRST for a in LAST for b in LAST if a != b]
        pool += rng.sample(more, min(people - len(pool), len(more)))
    pool = pool[:people]
    paragraphs: list[str] = []
    written = length = 0
    while (names and written < names) or (chars and length < chars):
        sentences = []
        for _ in range(rng.randint(3, 6)):
            text, count = _sentence(rng, pool)
            sentences.append(text)
            written += count
        paragraphs.append(" ".join(sentences))
        length += len(paragraphs[-1]) + 2
    return "\n\n".join(paragraphs)


def write_site(root: Path, body: str) -> Path:
    content = root / "content"
    content.mkdir(parents=True)
    (root / "site.toml").write_text('title = "Bench"\nlanguage = "fr"\n', encoding="utf-8")
    (content / "long.md").write_text(
        "---\ntitle: Long\ndate: 2026-01-01\nlang: fr\n---\n\n" + body + "\n", encoding="utf-8")
    return root


def child(site: Path) -> None:
    """Build `site` in this process; print each stage's seconds and the counts as JSON."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    from site_builder.build import Builder

    marks: list[tuple[str, float]] = [("start", time.perf_counter())]

    def progress(phase: str, done: int, total: int) -> None:
        # The actor pages follow the article's own pages in one "rendering" phase.
        if phase == "rendering" and done >= 1 and marks[-1][0] == "article page":
            phase = "actor pages"
        elif phase == "rendering":
            phase = "article page"
        if phase != marks[-1][0]:
            marks.append((phase, time.perf_counter()))

    result = Builder(site, use_cache=False, progress=progress).build()
    marks.append(("end", time.perf_counter()))
    if not result.ok:
        raise SystemExit("\n".join(map(str, result.problems)))
    stages: dict[str, float] = {}
    for (name, at), (_, after) in itertools.pairwise(marks):
        stages[name] = stages.get(name, 0.0) + after - at
    data = json.loads((site / "output/api/articles/long.json").read_text(encoding="utf-8"))
    print(json.dumps({"stages": stages, "entities": len(data["entities"]),
                      "actors": result.actors}))


Row = tuple[str, dict[str, float], int, int, float, float, float]


def build(site: Path) -> tuple[dict[str, float], int, int, float, float, float]:
    """Stage seconds, entities, actors, wall and CPU seconds (the build's
    processes together) and peak RSS (MiB, of the largest) of one build."""
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "_child", str(site)],
                            stdout=subprocess.PIPE, text=True)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"build failed for {site}")
    data = json.loads(out.strip().splitlines()[-1])
    return (data["stages"], data["entities"], data["actors"], wall,
            usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024)


STAGES = ["start", "loading", "annotating", "linking", "attributing", "article page",
          "actor pages", "publishing"]


def _table(rows: list[Row]) -> None:
    print("| article | entities | actors | " + " | ".join(STAGES[1:])
          + " | wall (s) | CPU (s) | peak RSS (MiB) |")
    print("| --- | ---: | ---: |" + " ---: |" * (len(STAGES) + 2))
    for label, stages, entities, actors, wall, cpu, rss in rows:
        cells = " | ".join(f"{stages.get(s, 0.0):.2f}" for s in STAGES[1:])
        print(f"| {label} | {entities} | {actors} | {cells} | {wall:.2f} | {cpu:.2f} "
              f"| {rss:.0f} |", flush=True)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "_child":
        child(Path(sys.argv[2]))
        return
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("what", choices=["entities", "megabytes"])
    parser.add_argument("sizes", nargs="+", type=float)
    parser.add_argument("--people", type=int, default=2800,
                        help="distinct people to draw names from (default: %(default)s)")
    args = parser.parse_args()
    print(f"# {platform.node()} {platform.machine()} {os.cpu_count()} cores, "
          f"Python {platform.python_version()}")
    rows: list[Row] = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            rng = random.Random(7)
            if args.what == "entities":
                body, label = prose(rng, names=int(size), people=args.people), \
                    f"{int(size)} names"
            else:
                body, label = prose(rng, chars=int(size * 1_000_000), people=args.people), \
                    f"{size:g} MB"
            site = write_site(Path(tmp) / label.replace(" ", "-"), body)
            stages, entities, actors, wall, cpu, rss = build(site)
            rows.append((label, stages, entities, actors, wall, cpu, rss))
            print(f"# {label}: {len(body.encode('utf-8')) / 1e6:.2f} MB, {wall:.1f} s",
                  flush=True)
    print("# seconds per stage; 'start' (imports, reading the site) is left out")
    _table(rows)
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(f"# ratio {last[0]} / {first[0]}: entities ×{last[2] / max(first[2], 1):.1f}")
        for stage in STAGES[1:]:
            a, b = first[1].get(stage, 0.0), last[1].get(stage, 0.0)
            if a > 0.01:
                print(f"#   {stage}: ×{b / a:.1f}")
        print(f"#   wall: ×{last[4] / first[4]:.1f}, CPU: ×{last[5] / first[5]:.1f}")


if __name__ == "__main__":
    main()
