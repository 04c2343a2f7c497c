"""Annotation stage: named entities, sentences and block languages per article.

Only light modules are imported here: a build served from the cache must not
import spaCy or lingua (see cache.py).
"""

from site_builder.annotate.registry_terms import RegistryTerm
from site_builder.annotate.stage import annotate_articles, warm_up
from site_builder.annotate.stats import AnnotateStats

__all__ = ["AnnotateStats", "RegistryTerm", "annotate_articles", "warm_up"]
