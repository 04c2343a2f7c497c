"""Link stage: entity mentions → actors merged across the whole site.

Public API (what the pipeline calls):

* `load_registry(path)` reads content/actors.yml (`RegistryError` lists every problem);
* `registry_terms(registry)` gives the annotate stage the names to look for;
* `link_actors(articles, registry, site_lang, readings)` sets `Entity.actor` and
  returns the actors; a `Readings` kept between calls spares re-reading unchanged articles;
* `actor_index(articles, actors)` gives the render stage mentions and co-occurrences
  (`RelatedActors.top` ranks an actor's first few without counting every pair).

The rules are described, with their reasons and limits, in docs/actors.md.
"""

from site_builder.link.index import ActorIndex, ActorMention, actor_index
from site_builder.link.linker import link_actors
from site_builder.link.mentions import Readings
from site_builder.link.registry import Registry, RegistryActor, registry_terms
from site_builder.link.registry_load import load_registry, parse_registry
from site_builder.link.related import ArticleActor, Related, RelatedActors
from site_builder.link.slugs import SAFE_ID, is_safe_id

__all__ = [
    "SAFE_ID",
    "ActorIndex",
    "ActorMention",
    "ArticleActor",
    "Readings",
    "Registry",
    "RegistryActor",
    "Related",
    "RelatedActors",
    "actor_index",
    "is_safe_id",
    "link_actors",
    "load_registry",
    "parse_registry",
    "registry_terms",
]
