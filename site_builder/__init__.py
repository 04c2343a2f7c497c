"""site-builder: a static site generator for annotated news articles."""

__version__ = "0.1.0"
