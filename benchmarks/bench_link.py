"""Time the link stage (actor canonicalization and the actor index) on N articles.

    python benchmarks/bench_link.py 1000 5000

It runs on every build, also the no-change rebuild, so it must stay far
below a second per thousand articles. Entities are made by hand (no spaCy):
recurring people, organizations with acronyms, places, and many one-off names.
"""

from __future__ import annotations

import argparse
import gc
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from site_builder.link import Registry, actor_index, link_actors
from tests.test_link_support import art


def wire_site(count: int) -> list:
    rng = random.Random(3)
    people = [f"{f} {s}" for f in ("Samir", "Leïla", "Omar", "Nadia", "Youssef", "Karim")
              for s in ("Haddad", "Khalil", "Benali", "Darwiche", "Nasser", "al-Hariri")]
    orgs = [("Observatoire syrien des droits de l’Homme", "OSDH"),
            ("Organisation mondiale de la santé", "OMS"),
            ("Comité international de la Croix-Rouge", "CICR")]
    places = ["Alep", "Idleb", "Homs", "Syrie", "Liban", "Jordanie", "Damas"]
    articles = []
    for i in range(count):
        paragraphs = []
        for _ in range(6):
            person, (org, acro) = rng.choice(people), rng.choice(orgs)
            paragraphs.append(
                f"Selon l’[{org}|org] ([{acro}|org]), à [{rng.choice(places)}|loc], "
                f"[{person}|per] a parlé. [M. {person.split()[-1]}|per] a vu "
                f"[Person{rng.randint(0, 999)} Nom{i}|per] à [{rng.choice(places)}|loc].")
        articles.append(art(f"a{i}", *paragraphs))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("sizes", nargs="*", type=int, default=[1000])
    args = parser.parse_args()
    print("| articles | mentions | actors | link_actors (s) | actor_index (s) |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for n in args.sizes:
        articles = wire_site(n)
        gc.collect()
        start = time.perf_counter()
        actors = link_actors(articles, Registry())
        linked = time.perf_counter() - start
        start = time.perf_counter()
        actor_index(articles, actors)
        indexed = time.perf_counter() - start
        mentions = sum(len(a.annotations.entities) for a in articles)
        print(f"| {n} | {mentions} | {len(actors)} | {linked:.3f} | {indexed:.3f} |")


if __name__ == "__main__":
    main()
