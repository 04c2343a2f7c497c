"""Render stage: tokens + annotations -> HTML pages, feeds and the JSON export.

The public interface is `Renderer`, with `site_lookup` (the figures and
quotes of the site by actor, computed once per build and passed to
`Renderer.actor_outputs`), and the signatures `actor_signature(s)`,
`listing_signature` and `site_signature` (what a group of pages shows, to
skip the pages that did not change). Everything else in this
package is an implementation detail the renderer composes.
"""

from site_builder.render.lookup import SiteLookup, site_lookup
from site_builder.render.renderer import Renderer
from site_builder.render.signature import (
    Excerpts,
    Signature,
    actor_fields,
    actor_signature,
    actor_signatures,
    listing_signature,
    site_signature,
)

__all__ = [
    "Excerpts",
    "Renderer",
    "Signature",
    "SiteLookup",
    "actor_fields",
    "actor_signature",
    "actor_signatures",
    "listing_signature",
    "site_lookup",
    "site_signature",
]
