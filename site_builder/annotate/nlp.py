"""spaCy pipelines per process, and the worker pool that runs batches of articles.

Work is cut into *batches* of whole articles. A worker does everything for
its batch — normalization, language routing, one `nlp.pipe` call per
language, filtering, assembly — and sends back finished `Annotations`: plain
dataclasses, much cheaper to pickle than spaCy Docs, and nothing serial is
left in the parent but the cache.

On a 2-core machine the fixed costs dominate. Importing spaCy's French
language data alone takes ~3 s (it compiles one very large tokenizer regex)
and nothing survives a process. So when the `fork` start method is available
and the parent has no other threads, the parent loads the pipelines of the
articles' languages *once* and forks workers that inherit them; otherwise
(spawn, or a threaded parent such as the dev server) each worker loads what
it needs. Pipelines for languages only found by detection (an English block
in a French article) are always loaded lazily, by whichever process meets them.
"""

from __future__ import annotations

import multiprocessing
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, TypeVar

from site_builder.annotate.commonness import is_candidate, opening_word
from site_builder.annotate.labels import kind_of
from site_builder.annotate.pipelines import PipelineInfo, load_pipeline, split_components
from site_builder.annotate.syntax import RawToken, needs_parse, parse_span, parse_tokens
from site_builder.processes import can_fork as fork_allowed
from site_builder.processes import cpu_count

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

# Analysis of one text, in offsets of that text.
Sentences = list[tuple[int, int]]
Mentions = list[tuple[int, int, str]]  # start, end, label
Parses = list[list[RawToken]]  # one token list per parsed sentence
Raw = tuple[Sentences, Mentions, Parses]

# Below this many characters to analyse, a worker pool costs more than it
# saves (measured on 2 cores: see docs/annotation.md, "Performance").
PARALLEL_MIN_CHARS = 60_000
# When the sentences to parse make up this share of a text, parsing the whole
# text (already tokenized) costs less than parsing copies of the sentences.
WHOLE_DOC_SHARE = 0.6

_PIPELINES: dict[tuple[str, str], tuple[Language, PipelineInfo]] = {}

T = TypeVar("T")
R = TypeVar("R")


def pipeline(lang: str, model: str) -> tuple[Language, PipelineInfo]:
    """The pipeline for (lang, model), loaded once per process."""
    key = (lang, model)
    if key not in _PIPELINES:
        _PIPELINES[key] = load_pipeline(lang, model)
    return _PIPELINES[key]


def analyse_texts(lang: str, model: str, texts: Sequence[str], batch_size: int,
                  originals: Sequence[str] | None = None) -> tuple[PipelineInfo, list[Raw]]:
    """Sentences, entity mentions and the parses attribution needs, in each text's offsets.

    A text longer than `CHUNK_CHARS` (a paragraph of a whole report pasted
    as one block) is analysed in pieces cut between sentences: the cost
    stays linear in its length, and spaCy's own length limit never applies.
    """
    texts = [without_long_words(t) for t in texts]
    originals = None if originals is None else [without_long_words(t) for t in originals]
    pieces: list[tuple[int, int]] = []  # (text index, offset of the piece in it)
    piece_texts: list[str] = []
    piece_originals: list[str] = []
    for n, text in enumerate(texts):
        original = text if originals is None else originals[n]
        for start, end in chunk_bounds(text):
            pieces.append((n, start))
            piece_texts.append(text[start:end])
            piece_originals.append(original[start:end])
    if len(pieces) == len(texts):  # nothing was cut
        return _analyse(lang, model, texts, batch_size, originals)
    info, raws = _analyse(lang, model, piece_texts, batch_size,
                          None if originals is None else piece_originals)
    merged: list[Raw] = [([], [], []) for _ in texts]
    for (n, offset), (sentences, mentions, parses) in zip(pieces, raws, strict=True):
        merged[n][0].extend((s + offset, e + offset) for s, e in sentences)
        merged[n][1].extend((s + offset, e + offset, label) for s, e, label in mentions)
        merged[n][2].extend([(s + offset, e + offset, *rest) for s, e, *rest in tokens]
                            for tokens in parses)
    return info, merged


# spaCy's tokenizer strips a word's prefixes and suffixes one at a time, each
# time searching the rest of the word: a word of thousands of them ("[[[…",
# "l'l'l'…") costs time quadratic in its length. A longer run without a space
# is not prose: the models read spaces in its place, and offsets do not move.
LONGEST_WORD = 200
_LONG_WORD = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def without_long_words(text: str) -> str:
    """`text` with every run of more than `LONGEST_WORD` non-space characters blanked."""
    return _LONG_WORD.sub(lambda match: " " * len(match.group()), text)


# Longer texts are analysed in pieces (see analyse_texts).
CHUNK_CHARS = 20_000
# At most about this many characters go through the pipeline in one batch.
BATCH_CHARS = 100_000
_SENTENCE_BREAK = re.compile(r"[.!?…»”\n][\s\u00a0]+(?=[«“\"(\[\-–—]?\s?[^\W\d_])")


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """[start, end) pieces of `text`, at most `size` long, cut after a sentence's end.

    Without a sentence end in a piece's second half, the cut falls after a
    space; without a space, at `size` itself.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = None
        for match in _SENTENCE_BREAK.finditer(text, start + size // 2, limit):
            cut = match.end()
        if cut is None:
            space = max(text.rfind(" ", start + 1, limit), text.rfind("\n", start + 1, limit))
            cut = space + 1 if space > start else limit
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def _analyse(lang: str, model: str, texts: Sequence[str], batch_size: int,
             originals: Sequence[str] | None) -> tuple[PipelineInfo, list[Raw]]:
    """`analyse_texts` for texts short enough to be analysed whole.

    Two passes over one pipeline: sentences and entities for every text, then
    the parser for the sentences `needs_parse` picks only (see syntax.py).
    `originals`, when given, are the texts as written, of the same lengths:
    entities are read in `texts` (names in capitals recased) but syntax in
    the originals, where a dateline's capitals keep it out of the sentence.
    """
    nlp, info = pipeline(lang, model)
    first, second = split_components(nlp)
    # spaCy holds a whole batch's activations at once: a batch of long
    # pieces would take gigabytes. Bound the characters per batch instead.
    longest = max((len(t) for t in texts), default=1)
    batch_size = max(1, min(batch_size, BATCH_CHARS // max(longest, 1)))
    results: list[Raw] = []
    whole: list[tuple[int, Doc, list[tuple[int, int]]]] = []  # docs parsed whole
    wanted: list[tuple[int, int]] = []  # (text index, sentence start) parsed alone
    chunks: list[str] = []
    for n, doc in enumerate(nlp.pipe(texts, batch_size=batch_size, disable=second)):
        sentences = [(s.start_char, s.end_char) for s in doc.sents]
        mentions = [(e.start_char, e.end_char, e.label_) for e in doc.ents]
        results.append((sentences, mentions, []))
        if not second:
            continue
        starts = {s for s, _ in sentences}
        # `Doc.text` joins every token again on each access: read it once,
        # or a long paragraph costs time quadratic in its mentions.
        text = texts[n]
        original = text if originals is None else originals[n]
        spans = needs_parse(lang, text, sentences,
                            [s for s, e, label in mentions
                             if (kind_of(label) != "person" or text[s:e] != original[s:e])
                             and is_candidate(text[s:e], lang, s in starts)])
        # Most of the text to parse: parse the doc already tokenized, not copies.
        if original == text and sum(e - s for s, e in spans) >= WHOLE_DOC_SHARE * len(text):
            whole.append((n, doc, spans))
            continue
        for start, end in spans:
            wanted.append((n, start))
            chunks.append(original[start:end])
    if second:
        _drop_opening_words(nlp, texts, results)
    if whole:
        docs = nlp.pipe((d for _, d, _ in whole), batch_size=batch_size, disable=first)
        for (n, _, spans), doc in zip(whole, docs, strict=True):
            results[n][2].extend(parse_span(doc, start, end) for start, end in spans)
    if chunks:
        parsed = nlp.pipe(chunks, batch_size=batch_size, disable=first)
        for (n, start), doc in zip(wanted, parsed, strict=True):
            results[n][2].append(parse_tokens(doc, start))
    for raw in results:
        raw[2].sort(key=lambda tokens: tokens[0][0] if tokens else 0)
    return info, results


# A word's part of speech that is no part of a name: "[Inside] Merov", "[Frapper]
# Kordane", "[Déclenché] le 1er septembre". Not AUX ("Will Harrow"), not a noun or an
# adjective (first names are words too: "Rose", "Pierre", "Grace").
NON_NAME_POS = frozenset({"ADP", "ADV", "SCONJ", "CCONJ", "DET", "PRON", "PART", "INTJ"})
# A verb only in a non-finite form: "rose Calder said" is read as a past tense.
NON_NAME_VERB_FORMS = frozenset({"VerbForm=Inf", "VerbForm=Part", "VerbForm=Ger"})
# The components that tag (not parse, not find entities).
_TAGGING_FACTORIES = frozenset({"tok2vec", "tagger", "morphologizer", "attribute_ruler"})


def _no_name_reading(pos: str, morph: str) -> bool:
    """Whether a word the tagger read so (written in lower case) belongs to no name."""
    if pos in NON_NAME_POS:
        return True
    return pos == "VERB" and bool(NON_NAME_VERB_FORMS & set(morph.split("|")))


def _drop_opening_words(nlp: Language, texts: Sequence[str], results: list[Raw]) -> None:
    """Take a sentence's first word out of a mention when it is no name (in place).

    Every sentence capitalizes its first word, and the model, seeing a capital
    before a name, takes both: "[Inside Merov], residents say", "[Frapper
    Kordane], c'est…", "[Déclenché] le 1er septembre". In its own sentence the
    tagger calls such a word a proper noun too. So the sentence is tagged again
    with that word in lower case, and what the tagger reads then decides: a
    preposition, an adverb, a conjunction, a pronoun, a determiner or a
    non-finite verb is no name. Only a word common enough for it to matter
    is asked about (`opening_word`).
    """
    probes: list[tuple[int, int, int, int]] = []  # (text, mention, offset in probe, word length)
    probe_texts: list[str] = []
    lang = str(nlp.lang)
    for n, (sentences, mentions, _) in enumerate(results):
        text = texts[n]
        for k, (start, end, label) in enumerate(mentions):
            if kind_of(label) is None:
                continue
            found = opening_word(text, start, end, sentences, lang)
            if found is None:
                continue
            (s, e), word = found
            probes.append((n, k, start - s, word))
            probe_texts.append(text[s:start] + text[start].lower() + text[start + 1:e])
    if not probes:
        return
    disabled = [name for name in nlp.pipe_names
                if nlp.get_pipe_meta(name).factory not in _TAGGING_FACTORIES]
    dropped: dict[int, dict[int, int]] = {}
    for (n, k, at, word), doc in zip(probes, nlp.pipe(probe_texts, disable=disabled),
                                     strict=True):
        token = next((t for t in doc if t.idx == at), None)
        if token is not None and len(token.text) == word and \
                _no_name_reading(token.pos_, str(token.morph)):
            dropped.setdefault(n, {})[k] = word
    for n, cut in dropped.items():
        kept: Mentions = []
        text = texts[n]
        for k, (start, end, label) in enumerate(results[n][1]):
            if k in cut:
                start += cut[k]
                while start < end and not text[start].isalnum():
                    start += 1
                if start >= end:
                    continue
            kept.append((start, end, label))
        results[n][1][:] = kept


def workers_for(chars: int, batches: int, processes: int) -> int:
    """How many worker processes to use; 1 means in-process."""
    wanted = processes or cpu_count()
    if wanted <= 1 or chars < PARALLEL_MIN_CHARS:
        return 1
    return max(1, min(wanted, batches))


def can_fork() -> bool:
    """Whether worker processes will be forked (and inherit what is loaded now)."""
    return _can_fork()


def _can_fork() -> bool:  # a seam for tests and benchmarks
    return fork_allowed()


# Set in each worker by the pool initializer.
_TASK: Callable[[Any], Any] | None = None


def _init_worker(make_task: Callable[..., Callable[[Any], Any]], args: tuple[Any, ...],
                 preload: tuple[tuple[str, str], ...]) -> None:
    global _TASK
    _TASK = make_task(*args)
    for lang, model in preload:
        pipeline(lang, model)


def _run_task(item: Any) -> Any:
    assert _TASK is not None
    return _TASK(item)


def run_pool(items: Iterable[T], workers: int, make_task: Callable[..., Callable[[T], R]],
             args: tuple[Any, ...], preload: Sequence[tuple[str, str]]) -> Iterator[R]:
    """`make_task(*args)(item)` for each item, in `workers` processes, as results come.

    `make_task` and `args` must be picklable: with spawn they travel to each worker.
    """
    if _can_fork():
        for lang, model in preload:
            pipeline(lang, model)  # inherited by every worker
        context = multiprocessing.get_context("fork")
        worker_preload: tuple[tuple[str, str], ...] = ()
    else:
        context = multiprocessing.get_context("spawn")
        worker_preload = tuple(preload)
    with context.Pool(workers, _init_worker, (make_task, args, worker_preload)) as pool:
        yield from pool.imap_unordered(_run_task, items)
