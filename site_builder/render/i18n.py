"""Words of the page chrome, and dates in the reader's language.

The chrome (navigation, legend, headings) speaks the site's language; an
article's date speaks the article's. Languages without a table here fall back
to English words, and Babel formats dates for any locale it knows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from functools import lru_cache
from zoneinfo import ZoneInfo

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from babel.numbers import format_decimal

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
        "actors": "Actors",
        "figures": "Figures",
        "article_actors": "Actors in this article",
        "figures_sources": "Figures and sources",
        "figures_reported": "Figures reported",
        "quotes": "Quotes",
        "mentioned_in": "Mentioned in",
        "related": "Mentioned alongside",
        "aliases": "Also known as",
        "links": "Links",
        "website": "Website",
        "sort_by": "Sort by:",
        "sort_nav": "Sort order",
        "sort_name": "name",
        "sort_mentions": "mentions",
        "unsourced": "unsourced",
        "unsourced_figures": "Unsourced",
        "unlinked_sources": "Sources without a page",
        "no_actors": "No actors yet.",
        "no_figures": "No figures yet.",
        "col_number": "No.",
        "col_figure": "Figure",
        "col_source": "Source",
        "col_sentence": "Sentence",
        "col_article": "Article",
        "in_text": "in the text",
        "figure_n": "Figure {n}",
        "figure_source": "Figure {n}, source: {source}",
        "figure_unsourced": "Figure {n}, unsourced",
        "source_named": "Source: {source}",
        "quote_by": "Quote by {name}",
        "mention_one": "mention",
        "mention_other": "mentions",
        "article_one": "article",
        "article_other": "articles",
        "kind_person": "People",
        "kind_organization": "Organizations",
        "kind_place": "Places",
        "kind_other": "Other",
        "q_exact": "",
        "q_more_than": "more than",
        "q_at_least": "at least",
        "q_less_than": "less than",
        "q_about": "about",
        "q_up_to": "up to",
        # A range's value is its lower bound: the sentence shows both.
        "q_range": "from",
        # Search (docs/search.md): the header box, the search page, the list filters.
        "search": "Search",
        "search_site": "Search the site",
        "search_needs_js": "Searching needs JavaScript, and the site served over HTTP "
                           "(not opened as a file). Browse the articles, tags and actors "
                           "from the menu instead.",
        "search_none": "No results.",
        "search_kind": "Kind",
        "search_tag": "Tag",
        "search_source": "Source",
        "search_date": "Month",
        "search_any": "All",
        "search_article": "Articles",
        "search_actor": "Actors",
        "search_figure": "Figures",
        "filter_list": "Filter this list",
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
        "actors": "Acteurs",
        "figures": "Chiffres",
        "article_actors": "Acteurs de cet article",
        "figures_sources": "Chiffres et sources",
        "figures_reported": "Chiffres rapportés",
        "quotes": "Citations",
        "mentioned_in": "Cité dans",
        "related": "Cités avec",
        "aliases": "Autres noms",
        "links": "Liens",
        "website": "Site web",
        "sort_by": "Trier par\u00a0:",
        "sort_nav": "Ordre de tri",
        "sort_name": "nom",
        "sort_mentions": "mentions",
        "unsourced": "non sourcé",
        "unsourced_figures": "Non sourcés",
        "unlinked_sources": "Sources sans fiche",
        "no_actors": "Aucun acteur pour l’instant.",
        "no_figures": "Aucun chiffre pour l’instant.",
        "col_number": "N°",
        "col_figure": "Chiffre",
        "col_source": "Source",
        "col_sentence": "Phrase",
        "col_article": "Article",
        "in_text": "dans le texte",
        "figure_n": "Chiffre {n}",
        "figure_source": "Chiffre {n}, source\u00a0: {source}",
        "figure_unsourced": "Chiffre {n}, non sourcé",
        "source_named": "Source\u00a0: {source}",
        "quote_by": "Citation de {name}",
        "mention_one": "mention",
        "mention_other": "mentions",
        "article_one": "article",
        "article_other": "articles",
        "kind_person": "Personnes",
        "kind_organization": "Organisations",
        "kind_place": "Lieux",
        "kind_other": "Autres",
        "q_exact": "",
        "q_more_than": "plus de",
        "q_at_least": "au moins",
        "q_less_than": "moins de",
        "q_about": "environ",
        "q_up_to": "jusqu’à",
        "q_range": "à partir de",
        "search": "Rechercher",
        "search_site": "Rechercher dans le site",
        "search_needs_js": "La recherche a besoin de JavaScript, et du site servi en HTTP "
                           "(pas ouvert comme fichier). Parcourez plutôt les articles, les "
                           "mots-clés et les acteurs depuis le menu.",
        "search_none": "Aucun résultat.",
        "search_kind": "Type",
        "search_tag": "Mot-clé",
        "search_source": "Source",
        "search_date": "Mois",
        "search_any": "Tous",
        "search_article": "Articles",
        "search_actor": "Acteurs",
        "search_figure": "Chiffres",
        "filter_list": "Filtrer cette liste",
    },
}


def messages(lang: str) -> Mapping[str, str]:
    """The chrome's words in `lang`, English for the words or languages we lack."""
    table = _MESSAGES.get(lang.split("-")[0].lower(), {})
    return {**_MESSAGES["en"], **table}


@lru_cache(maxsize=64)
def locale_for(lang: str, fallback: str) -> Locale:
    # Cached: parsing a locale costs more than formatting a number with it, and
    # pages format thousands of counts.
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


@lru_cache(maxsize=4096)
def local_number(value: float, lang: str) -> str:
    """`value` written the way `lang` writes numbers ("16 500 000", "1,5")."""
    number: float | int = int(value) if value.is_integer() else value
    return format_decimal(number, locale=locale_for(lang, "en"))


def counted(n: int, word: str, lang: str, t: Mapping[str, str]) -> str:
    """`n` and the word for it: `word` names a pair of keys of `t` ("mention_one", "mention_other").

    The form follows the language's plural rules: "0 mention" in French, "0 mentions" in English.
    """
    return f"{local_number(float(n), lang)} {t[f'{word}_{_plural(n, lang)}']}"


@lru_cache(maxsize=4096)
def _plural(n: int, lang: str) -> str:
    return "one" if locale_for(lang, "en").plural_form(n) == "one" else "other"
