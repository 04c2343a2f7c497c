"""Words of the page chrome, and dates in the reader's language.

The chrome (navigation, legend, headings) speaks the site's language; an
article's date speaks the article's. Languages without a table here fall back
to English words, and Babel formats dates for any locale it knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date

_MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "articles": "Articles",
        "tags": "Tags",
        "tag": "Tag:",
        "feed": "Atom feed",
        "by": "By",
        "source": "Source:",
        "legend": "Entities in this article",
        "legend_hint": "Show or hide each kind of highlight.",
        "show": "Show",
        "hide": "Hide",
        "page": "Page",
        "previous": "Newer articles",
        "next": "Older articles",
        "pagination": "Pages",
        "not_found": "Page not found",
        "not_found_text": "This page does not exist, or no longer does.",
        "home": "Home",
        "no_articles": "No articles yet.",
        "article_count": "articles",
        "skip": "Skip to content",
        "person": "person",
        "organization": "organization",
        "place": "place",
        "other": "other",
    },
    "fr": {
        "articles": "Articles",
        "tags": "Mots-clés",
        # French puts a no-break space before a colon.
        "tag": "Mot-clé\u00a0:",
        "feed": "Flux Atom",
        "by": "Par",
        "source": "Source\u00a0:",
        "legend": "Entités de cet article",
        "legend_hint": "Afficher ou masquer chaque type de surlignage.",
        "show": "Afficher",
        "hide": "Masquer",
        "page": "Page",
        "previous": "Articles plus récents",
        "next": "Articles plus anciens",
        "pagination": "Pages",
        "not_found": "Page introuvable",
        "not_found_text": "Cette page n’existe pas, ou plus.",
        "home": "Accueil",
        "no_articles": "Aucun article pour l’instant.",
        "article_count": "articles",
        "skip": "Aller au contenu",
        "person": "personne",
        "organization": "organisation",
        "place": "lieu",
        "other": "autre",
    },
}


def messages(lang: str) -> Mapping[str, str]:
    """The chrome's words in `lang`, English for the words or languages we lack."""
    table = _MESSAGES.get(lang.split("-")[0].lower(), {})
    return {**_MESSAGES["en"], **table}


def locale_for(lang: str, fallback: str) -> Locale:
    for candidate in (lang, fallback, "en"):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (UnknownLocaleError, ValueError):
            continue
    return Locale("en")


def local_date(when: dt.datetime, lang: str, *, timezone: str, fallback: str) -> str:
    """`when` as a long date in `lang` ("3 mars 2026"), on the site's clock."""
    return format_date(when.astimezone(ZoneInfo(timezone)).date(), format="long",
                       locale=locale_for(lang, fallback))
