"""Loading spaCy pipelines: only the components the stage needs, never a download.

The stage needs named entities and sentence boundaries for every text, and a
dependency parse (with parts of speech) for the sentences attribution reads.
The lemmatizer is excluded at load time (the French lemmatizer's tables alone
make a full load take ~4 s instead of ~0.5 s). Which components to keep is
read from the model's config, not hard-coded: a kept component that listens
to a shared tok2vec (a listener architecture) keeps that tok2vec too.

`split_components` then cuts the pipeline in two passes: entities and
sentences (in the sm models `ner` and `senter` embed their own tok2vec), and
the parse (the shared `tok2vec`, the tagger or morphologizer, the attribute
ruler that maps English tags to parts of speech, the parser).

A language whose model cannot be loaded falls back to `spacy.blank(lang)`
with a rule-based sentencizer; entities then come from registry terms only.
spaCy is imported here and only here, inside functions, so that a build
served entirely from the cache never imports it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language

log = logging.getLogger(__name__)

BLANK = "blank"
NER_FACTORIES = frozenset({"ner", "beam_ner", "entity_ruler"})
SENT_FACTORIES = ("senter", "parser", "beam_parser", "sentencizer")  # by preference
PARSE_FACTORIES = frozenset({"parser", "beam_parser", "morphologizer", "tagger",
                             "attribute_ruler"})
TOK2VEC_FACTORIES = frozenset({"tok2vec", "transformer", "curated_transformer"})


@dataclass(frozen=True, slots=True)
class PipelineInfo:
    """What was actually loaded for one language."""

    lang: str
    model: str  # the configured name
    version: str  # the model's version; "" for a blank pipeline
    pipes: tuple[str, ...]
    warning: str | None = None  # set when the configured model could not be used

    @property
    def fallback(self) -> bool:
        return self.warning is not None

    def describe(self) -> str:
        if self.warning is not None:
            return f"blank:{self.lang} (fallback for {self.model})"
        return f"{self.model} {self.version}".strip()


def _listener_upstreams(node: Any) -> Iterator[str]:
    """Upstream names of every tok2vec listener in a component's model config."""
    if isinstance(node, dict):
        if "Listener" in str(node.get("@architectures", "")):
            yield str(node.get("upstream", "*"))
        for value in node.values():
            yield from _listener_upstreams(value)


def plan_components(config: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(components to exclude, disabled components to enable) for NER, sentences, syntax."""
    pipeline: list[str] = list(config["nlp"]["pipeline"])
    disabled = set(config["nlp"].get("disabled", []))
    components: dict[str, Any] = config["components"]

    def factory(name: str) -> str:
        return str(components.get(name, {}).get("factory", ""))

    keep = {name for name in pipeline if factory(name) in NER_FACTORIES}
    for wanted in SENT_FACTORIES:
        sent = next((n for n in pipeline if factory(n) == wanted), None)
        if sent is not None:
            keep.add(sent)
            break
    keep |= {name for name in pipeline if factory(name) in PARSE_FACTORIES}
    if any(factory(name) == "morphologizer" for name in keep):
        # The morphologizer gives the parts of speech; the French attribute ruler
        # only copies them into fine-grained tags, which nothing reads.
        keep -= {name for name in keep if factory(name) == "attribute_ruler"}
    for name in list(keep):
        for upstream in _listener_upstreams(components.get(name, {}).get("model", {})):
            keep.update(n for n in pipeline if (upstream == "*" and factory(n) in
                                                TOK2VEC_FACTORIES) or n == upstream)
    exclude = [n for n in pipeline if n not in keep]
    enable = [n for n in pipeline if n in keep and n in disabled]
    return exclude, enable


def split_components(nlp: Language) -> tuple[list[str], list[str]]:
    """(pipes of the entity pass, pipes of the parse pass), each disabled in the other.

    A shared tok2vec belongs to every pass with a component listening to it.
    The parse pass is empty when the pipeline has no parser (a blank fallback).
    """
    names = list(nlp.pipe_names)
    factories = {n: nlp.get_pipe_meta(n).factory for n in names}
    if not any(f in ("parser", "beam_parser") for f in factories.values()):
        return [], []
    parse = {n for n in names if factories[n] in PARSE_FACTORIES}
    entity = {n for n in names if n not in parse and factories[n] not in TOK2VEC_FACTORIES}
    for n in names:
        if factories[n] in TOK2VEC_FACTORIES:
            listeners = set(getattr(nlp.get_pipe(n), "listening_components", []) or [])
            if listeners & parse:
                parse.add(n)
            if listeners & entity:
                entity.add(n)
    # Each pass is given as what to disable in the other one.
    return ([n for n in names if n in entity and n not in parse],
            [n for n in names if n in parse and n not in entity])


def _model_config(name: str) -> dict[str, Any] | None:
    """The installed model package's config, read without loading any weights."""
    import spacy

    try:
        path = Path(spacy.util.get_package_path(name))
        meta = spacy.util.load_meta(path / "meta.json")
        data = path / f"{meta['lang']}_{meta['name']}-{meta['version']}"
        return dict(spacy.util.load_config(data / "config.cfg", interpolate=False))
    except (OSError, ImportError, KeyError, ValueError):
        return None


def _blank(lang: str) -> Language:
    import spacy

    try:
        nlp = spacy.blank(lang)
    except (ImportError, KeyError, ValueError):
        nlp = spacy.blank("xx")  # spaCy has no tokenizer rules for this language
    nlp.add_pipe("sentencizer")
    return nlp


def load_pipeline(lang: str, model: str) -> tuple[Language, PipelineInfo]:
    """The pipeline for `lang`, or a blank fallback. Never downloads anything."""
    import spacy

    if model == BLANK:
        nlp = _blank(lang)
        return nlp, PipelineInfo(lang, model, "", tuple(nlp.pipe_names))
    if not model:
        nlp = _blank(lang)
        warning = (f"no spaCy model is configured for language {lang!r}; using a blank "
                   f"pipeline: only registry terms are recognised. Set [annotate] "
                   f"models.{lang} in site.toml")
        return nlp, PipelineInfo(lang, model, "", tuple(nlp.pipe_names), warning)
    config = _model_config(model)
    try:
        if config is None:  # not a standard package layout: load it all
            nlp = spacy.load(model)
        else:
            exclude, enable = plan_components(config)
            nlp = spacy.load(model, exclude=exclude)
            for name in enable:
                nlp.enable_pipe(name)
    except (OSError, ImportError) as exc:
        warning = (f"spaCy model {model!r} for language {lang!r} is not installed "
                   f"({type(exc).__name__}); using a blank pipeline: only registry terms "
                   f"are recognised. Install it with pip, or set [annotate] models.{lang}")
        nlp = _blank(lang)
        return nlp, PipelineInfo(lang, model, "", tuple(nlp.pipe_names), warning)
    # The parser runs on chosen sentences only, so sentences must come from elsewhere.
    if not any(nlp.get_pipe_meta(n).factory in ("senter", "sentencizer")
               for n in nlp.pipe_names):
        nlp.add_pipe("sentencizer", first=True)
    version = str(nlp.meta.get("version", ""))
    return nlp, PipelineInfo(lang, model, version, tuple(nlp.pipe_names))
