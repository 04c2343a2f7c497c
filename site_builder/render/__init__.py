"""Render stage: tokens + annotations -> HTML pages, feeds and the JSON export.

The public interface is `Renderer`; everything else in this package is an
implementation detail the renderer composes.
"""

from site_builder.render.renderer import Renderer

__all__ = ["Renderer"]
