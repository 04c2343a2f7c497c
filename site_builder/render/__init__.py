"""Render stage: tokens + annotations -> HTML pages, feeds and the JSON export.

The public interface is `Renderer`, with `site_lookup` (the figures and
quotes of the site by actor, computed once per build and passed to
`Renderer.actor_outputs`) and `actor_signature` / `actor_signatures` (what
an actor page shows, to skip unchanged pages). Everything else in this
package is an implementation detail the renderer composes.
"""

from site_builder.render.lookup import SiteLookup, site_lookup
from site_builder.render.renderer import Renderer
from site_builder.render.signature import Signature, actor_signature, actor_signatures

__all__ = [
    "Renderer",
    "Signature",
    "SiteLookup",
    "actor_signature",
    "actor_signatures",
    "site_lookup",
]
