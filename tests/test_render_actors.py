"""Actor pages, the actors and figures indexes, figure tables, JSON-LD: cross-links that land."""

from __future__ import annotations

import json
import posixpath
from urllib.parse import unquote, urlsplit

import pytest

from site_builder.errors import ContentError
from site_builder.link import actor_index
from site_builder.model import (
    Actor,
    AnnotatedArticle,
    Annotations,
    BlockLang,
    Figure,
    Quote,
    Site,
)
from site_builder.render import Renderer, actor_signature, actor_signatures
from site_builder.render.actor_pages import SNIPPETS_PER_ARTICLE
from site_builder.render.external_links import external_links
from site_builder.render.i18n import messages
from site_builder.render.site_pages import name_key
from tests.test_render_support import (
    ACTORS,
    Page,
    block_langs,
    config,
    entity,
    make_article,
    small_site,
)


def edge_site() -> Site:
    """small_site plus mentions the body cannot mark, and quotes and figures of each kind."""
    site = small_site()
    code = make_article(
        "Le `Damas` du code et Damas en clair.\n\n"
        "« Nous restons à Damas, quoi qu’il arrive », a dit Bachar al-Assad.\n\n"
        "Texte modifié depuis l’analyse.\n",
        slug="code-damas", title="Damas </script><!-- & co",
    )
    stale = block_langs(code)
    stale[2] = BlockLang("b2", "fr", "Texte d’avant.")  # the cache holds another text
    annotations = Annotations(
        blocks=stale,
        entities=[
            entity(code, "b0", "Damas", "place", "damas"),  # inside a code span: no id
            entity(code, "b0", "Damas", "place", "damas", occurrence=2),
            # Crosses the quote's start: the quote is left unmarked, its link goes to the article.
            entity(code, "b1", "« Nous", "other"),
            entity(code, "b1", "Damas", "place", "damas"),
            entity(code, "b1", "Bachar al-Assad", "person", "bachar-al-assad"),
            entity(code, "b2", "Texte", "other", "damas"),  # its block no longer matches
        ],
        figures=[Figure("12 blessés", 12.0, "exact", "blessés", "b0", 0, 3,
                        source_text="l’hôpital")],
        quotes=[Quote("Nous restons à Damas, quoi qu’il arrive", "b1", 2, 41,
                      speaker="bachar-al-assad")],
    )
    site.articles.append(AnnotatedArticle(code, annotations))
    return site


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return Renderer(config()).render_all(edge_site())


def html(outputs: dict[str, bytes], path: str) -> str:
    return outputs[path].decode("utf-8")


def resolve(page_path: str, link: str) -> tuple[str, str]:
    parts = urlsplit(link)
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_path),
                                               unquote(parts.path)))
    return target, parts.fragment


# ------------------------------------------------------------------------- round trips


def test_every_link_from_actor_pages_lands(outputs: dict[str, bytes]) -> None:
    checked = 0
    for path in outputs:
        if not (path.startswith("actors/") and path.endswith("index.html")):
            continue
        page = Page(html(outputs, path))
        for link in page.links:
            if urlsplit(link).scheme:
                continue
            if link.startswith("#"):
                assert link[1:] in page.ids, (path, link)
                continue
            target, fragment = resolve(path, link)
            assert target in outputs, (path, link)
            if fragment:
                assert fragment in Page(html(outputs, target)).ids, (path, link)
                checked += 1
    assert checked >= 10


def test_each_mention_is_listed_once_with_its_anchor_or_its_article(
    outputs: dict[str, bytes],
) -> None:
    page = Page(html(outputs, "actors/damas/index.html"))
    code = [link for link in page.links if "code-damas" in link and "#fig" not in link]
    # Title link, then the first SNIPPETS_PER_ARTICLE (3) of its four mentions: in code,
    # in clear, in the quote (the fourth, in a stale block, is counted, not quoted).
    assert SNIPPETS_PER_ARTICLE == 3
    assert code == [
        "../../articles/code-damas/index.html",
        "../../articles/code-damas/index.html",
        "../../articles/code-damas/index.html#m-b0-20",
        "../../articles/code-damas/index.html#m-b1-17",
    ]
    assert "<span>4 mentions</span>" in html(outputs, "actors/damas/index.html")


def test_snippets_show_the_mention_in_its_context(outputs: dict[str, bytes]) -> None:
    text = html(outputs, "actors/damas/index.html")
    assert "Le Damas du code et <mark>Damas</mark> en clair." in text
    assert "« Nous restons à <mark>Damas</mark>, quoi qu’il arrive »" in text


def test_a_quote_link_falls_back_to_the_article_when_the_quote_is_unmarked(
    outputs: dict[str, bytes],
) -> None:
    text = html(outputs, "actors/bachar-al-assad/index.html")
    assert '<a href="../../articles/code-damas/index.html">Nous restons à Damas' in text
    assert 'data-quote="q-b1-2"' not in html(outputs, "articles/code-damas/index.html")
    onu = html(outputs, "actors/onu/index.html")
    assert 'href="../../articles/syrie-depart/index.html#q-b1-1"' in onu


def test_actor_pages_do_not_need_the_articles_rendered_first() -> None:
    site = edge_site()
    whole = Renderer(config()).render_all(site)
    fresh = Renderer(config())
    index = actor_index(site.articles, site.actors)
    for actor_id in site.actors:
        for path, data in fresh.actor_outputs(site, index, actor_id).items():
            assert whole[path] == data, path


def test_every_figure_marker_links_to_a_row_and_back(outputs: dict[str, bytes]) -> None:
    markers = 0
    for path, data in outputs.items():
        if not path.startswith("articles/"):
            continue
        page = Page(data.decode())
        for _tag, attrs in page.by_class("figure-ref"):
            fragment = (attrs.get("href") or "").removeprefix("#")
            assert page.tag_of(fragment) == "tr", (path, fragment)
            markers += 1
        for _tag, attrs in page.by_class("back-ref"):
            assert (attrs.get("href") or "")[1:] in page.ids
        rows = [attrs["id"] for tag, attrs in page.tags if tag == "tr" and attrs.get("id")]
        n = len(rows)
        assert rows == [f"fig-{i}" for i in range(1, n + 1)], path
    assert markers == 3


def test_figure_rows_on_site_pages_point_at_rows(outputs: dict[str, bytes]) -> None:
    for path in ("figures/index.html", "figures/sources/onu/index.html",
                 "figures/unsourced/index.html", "actors/onu/index.html"):
        for link in Page(html(outputs, path)).links:
            target, fragment = resolve(path, link)
            if fragment.startswith("fig-"):
                assert Page(html(outputs, target)).tag_of(fragment) == "tr", (path, link)


# ------------------------------------------------------------------------- article page


def test_the_figures_table(outputs: dict[str, bytes]) -> None:
    syria = html(outputs, "articles/syrie-depart/index.html")
    assert '<h2 id="figures-title">Chiffres et sources</h2>' in syria
    assert '<span class="qualifier">au moins</span> <span class="value">12\u202f000</span>' \
        in syria
    assert ('<td class="figure-source" data-label="Source">'
            '<a href="../../actors/onu/index.html">') in syria
    economy = html(outputs, "articles/bce-taux/index.html")
    assert '<span class="badge badge-unsourced">non sourcé</span>' in economy
    code = html(outputs, "articles/code-damas/index.html")
    # A source named but not linked shows its words, and is not "unsourced".
    assert ('<td class="figure-source" data-label="Source">'
            '<span lang="fr">l’hôpital</span></td>') in code


def test_unsourced_figures_are_marked_in_the_text_only_under_the_preview_server() -> None:
    site = small_site()
    item = site.articles[1]
    built = Renderer(config()).article_outputs(site, item)["articles/bce-taux/index.html"]
    dev = Renderer(config(), dev=True).article_outputs(site, item)[
        "articles/bce-taux/index.html"]
    body = built.decode().split('class="article-body"')[1].split("</div>")[0]
    assert 'class="figure"' in body
    assert "unsourced" not in body and "non sourcé" not in body
    dev_body = dev.decode().split('class="article-body"')[1].split("</div>")[0]
    assert 'class="figure figure--unsourced"' in dev_body
    # The table says it either way.
    assert b"badge-unsourced" in built and b"badge-unsourced" in dev


def test_the_article_actors_are_ranked_by_mentions(outputs: dict[str, bytes]) -> None:
    text = html(outputs, "articles/syrie-depart/index.html")
    section = text[text.index('class="article-actors"'):]
    names = ["Organisation des Nations unies", "Bachar al-Assad", "Damas"]
    assert sorted(names, key=section.index) == names
    assert '<span class="count">2 mentions</span>' in section


def json_ld(text: str) -> dict[str, object]:
    scripts = [body for kind, body in Page(text).scripts if kind == "application/ld+json"]
    assert len(scripts) == 1
    data: dict[str, object] = json.loads(scripts[0])
    return data


def test_json_ld(outputs: dict[str, bytes]) -> None:
    data = json_ld(html(outputs, "articles/syrie-depart/index.html"))
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == "Départ de Bachar al-Assad"
    assert data["datePublished"] == "2026-03-02T18:00:00+00:00"
    assert data["inLanguage"] == "fr"
    assert data["author"] == [{"@type": "Person", "name": "Jeanne Martin"}]
    assert data["publisher"] == {"@type": "Organization", "name": "AFP"}
    assert "url" not in data  # no base_url
    assert data["mentions"] == [
        {"@type": "Organization", "name": "Organisation des Nations unies",
         "sameAs": ["https://www.wikidata.org/wiki/Q1065", "https://www.un.org/fr/"]},
        {"@type": "Person", "name": "Bachar al-Assad"},
        {"@type": "Place", "name": "Damas"},
    ]


def test_json_ld_is_safe_in_its_script_element(outputs: dict[str, bytes]) -> None:
    text = html(outputs, "articles/code-damas/index.html")
    head = text[:text.index("</head>")]
    script = head[head.index('<script type="application/ld+json">'):]
    script = script[:script.index("</script>")]
    for raw in ("</script", "<!--", "&"):
        assert raw not in script.split(">", 1)[1]
    assert json_ld(text)["headline"] == "Damas </script><!-- & co"


def test_json_ld_urls_and_other_things_with_a_base_url() -> None:
    site = small_site()
    site.actors["tt"] = Actor("tt", "Traité", "other")
    site.articles[0].annotations.entities.append(entity(site.articles[0].article, "b2", "fui",
                                                        "other", "tt"))
    out = Renderer(config(base_url="https://example.org/")).article_outputs(
        site, site.articles[0])
    data = json_ld(out["articles/syrie-depart/index.html"].decode())
    assert data["url"] == "https://example.org/articles/syrie-depart/"
    mentions = data["mentions"]
    assert isinstance(mentions, list)
    assert {"@type": "Thing", "name": "Traité", "url": "https://example.org/actors/tt/"} \
        in mentions


# ------------------------------------------------------------------------- site pages


def test_actors_index_sorted_by_name_and_by_mentions(outputs: dict[str, bytes]) -> None:
    by_name = html(outputs, "actors/index.html")
    by_mentions = html(outputs, "actors/by-mentions/index.html")
    assert '<a href="../actors/index.html" aria-current="page">nom</a>' in by_name
    assert '<a href="../actors/by-mentions/index.html">mentions</a>' in by_name
    assert '<a href="../../actors/index.html">nom</a>' in by_mentions
    assert 'aria-current="page">mentions</a>' in by_mentions
    # Groups follow the legend's order.
    kinds = ['id="kind-person"', 'id="kind-organization"', 'id="kind-place"']
    assert sorted(kinds, key=by_name.index) == kinds


def test_sort_orders_within_a_kind() -> None:
    site = small_site()
    site.actors["ete"] = Actor("ete", "Été", "place")
    site.actors["alep"] = Actor("alep", "alep", "place")
    out = Renderer(config()).site_outputs(site, actor_index(site.articles, site.actors))
    by_name = out["actors/index.html"].decode()
    places = ["alep", "Damas", "Été"]
    assert sorted(places, key=lambda n: by_name.index(f">{n}</span>")) == places
    by_mentions = out["actors/by-mentions/index.html"].decode()
    # Damas has a mention, the others none: it comes first, then by name.
    places = ["Damas", "alep", "Été"]
    assert sorted(places, key=lambda n: by_mentions.index(f">{n}</span>")) == places
    assert "0 mention · 0 article" in by_mentions


def test_name_key_ignores_accents_and_case() -> None:
    assert sorted(["Zèbre", "été", "Alep", "Égypte"], key=name_key) == \
        ["Alep", "Égypte", "été", "Zèbre"]


def test_figures_overview_lists_sources_then_unlinked_then_unsourced(
        outputs: dict[str, bytes]) -> None:
    text = html(outputs, "figures/index.html")
    groups = [attrs.get("data-group") for tag, attrs in Page(text).tags
              if tag == "li" and attrs.get("data-group") != "unit" and attrs.get("data-group")]
    assert groups == ["actor", "unlinked", "unsourced"]
    assert '<a href="../figures/sources/onu/index.html">Organisation des Nations unies</a>' \
        in text
    assert '<a href="../figures/unlinked/index.html">Sources sans fiche</a>' in text
    assert '<a href="../figures/unsourced/index.html">Non sourcés</a>' in text
    # The newest figures, with their source column.
    assert text.count('<th scope="col" class="col-source">') == 1


def test_each_source_has_its_figures_page(outputs: dict[str, bytes]) -> None:
    onu = html(outputs, "figures/sources/onu/index.html")
    assert '<a href="../../../actors/onu/index.html">' in onu
    assert '<section class="figure-group explorer-static" data-group="actor"' in onu
    # A source's page names the source: its table leaves the column out (the
    # explorer's results table, before it, keeps one: it also lists units' pages).
    static = onu.split('class="figure-group explorer-static"')[1]
    assert '<th scope="col" class="col-source">' not in static
    unlinked = html(outputs, "figures/unlinked/index.html")
    assert '<th scope="col" class="col-source">' in \
        unlinked.split('class="figure-group explorer-static"')[1]
    assert "Non sourcés" in html(outputs, "figures/unsourced/index.html")


def test_empty_site_has_empty_indexes() -> None:
    out = Renderer(config()).render_all(Site(articles=[]))
    assert "Aucun acteur" in out["actors/index.html"].decode()
    assert "Aucun chiffre" in out["figures/index.html"].decode()
    assert json.loads(out["api/actors.json"]) == {"actors": []}


def test_navigation_links_actors_and_figures(outputs: dict[str, bytes]) -> None:
    home = html(outputs, "index.html")
    assert '<a href="actors/index.html">Acteurs</a>' in home
    assert '<a href="figures/index.html">Chiffres</a>' in home


def test_related_actors_are_capped() -> None:
    article = make_article(" ".join(f"Nom{i}" for i in range(20)) + ".\n", slug="foule")
    actors = {f"n{i}": Actor(f"n{i}", f"Nom{i}", "person") for i in range(20)}
    entities = [entity(article, "b0", f"Nom{i}", "person", f"n{i}") for i in range(20)]
    site = Site([AnnotatedArticle(article, Annotations(block_langs(article), entities))],
                actors)
    index = actor_index(site.articles, site.actors)
    text = Renderer(config()).actor_outputs(site, index, "n0")["actors/n0/index.html"]
    assert text.decode().count('<li><a href="../../actors/n') == 15


# ------------------------------------------------------------------------- escaping


def hostile_site() -> Site:
    site = small_site()
    site.actors["onu"] = Actor(
        "onu", "<script>alert(1)</script>", "organization", aliases=["<b>ONU</b>"],
        description="<img src=x onerror=alert(2)>",
        links={"website": "javascript:alert(3)", "wikidata": "javascript:alert(4)",
               "press": " JavaScript:alert(5)", "archive": "https://archive.org/onu"},
    )
    return site


def test_actor_fields_are_escaped_and_unsafe_links_dropped() -> None:
    out = Renderer(config()).render_all(hostile_site())
    for path, data in out.items():
        text = data.decode("utf-8")
        assert "javascript:" not in text.lower(), path
        if not path.endswith(".html"):
            continue  # JSON keeps the name as it is: its consumers escape it
        assert "<script>alert" not in text, path
        assert "<img src=x" not in text, path
    page = out["actors/onu/index.html"].decode()
    assert "<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>" in page
    assert "&lt;b&gt;ONU&lt;/b&gt;" in page
    assert '<a href="https://archive.org/onu" rel="external">archive</a>' in page


@pytest.mark.parametrize(("links", "urls"), [
    ({"wikidata": "Q42"}, ["https://www.wikidata.org/wiki/Q42"]),
    ({"wikidata": "https://www.wikidata.org/wiki/Q42"}, ["https://www.wikidata.org/wiki/Q42"]),
    ({"wikidata": "Q0"}, []),
    ({"website": "http://example.org/a b"}, []),
    ({"website": "https://"}, []),
    ({"website": "data:text/html,x"}, []),
    ({"website": "//example.org"}, []),
    ({"website": "HTTPS://Example.org/"}, ["HTTPS://Example.org/"]),
    ({"z": "https://z.org/", "website": "https://w.org/", "wikidata": "Q1"},
     ["https://www.wikidata.org/wiki/Q1", "https://w.org/", "https://z.org/"]),
])
def test_external_links(links: dict[str, str], urls: list[str]) -> None:
    actor = Actor("x", "X", "person", links=links)
    assert [link.url for link in external_links(actor, messages("fr"))] == urls


def test_an_unsafe_actor_id_is_refused() -> None:
    site = small_site()
    site.actors["../x"] = Actor("../x", "X", "person")
    with pytest.raises(ContentError, match="not a safe file name"):
        Renderer(config()).actor_outputs(site, actor_index(site.articles, site.actors), "../x")


# ------------------------------------------------------------------------- signatures


def test_actor_signatures_are_stable_and_hashable() -> None:
    first, second = edge_site(), edge_site()
    one = actor_signatures(first, actor_index(first.articles, first.actors))
    two = actor_signatures(second, actor_index(second.articles, second.actors))
    assert one == two
    assert len({hash(s) for s in one.values()}) == len(one)
    index = actor_index(first.articles, first.actors)
    for actor_id in first.actors:
        assert actor_signature(first, index, actor_id) == one[actor_id]


def changed_signatures(change: object) -> set[str]:
    before = edge_site()
    after = edge_site()
    assert callable(change)
    change(after)
    old = actor_signatures(before, actor_index(before.articles, before.actors))
    new = actor_signatures(after, actor_index(after.articles, after.actors))
    return {actor_id for actor_id in old if old[actor_id] != new.get(actor_id)}


def test_signatures_follow_what_the_page_shows() -> None:
    def retitle(site: Site) -> None:
        site.articles[2].article.title = "Autre titre"  # geneva-talks: only onu is linked

    def rename(site: Site) -> None:
        site.actors["damas"] = Actor("damas", "Dimashq", "place")

    def resource(site: Site) -> None:
        site.articles[1].annotations.figures[0].source = "onu"  # bce-taux, no onu mention

    assert changed_signatures(retitle) == {"onu"}
    # Its own page, and the pages that list it as related.
    assert changed_signatures(rename) == {"damas", "bachar-al-assad", "onu"}
    assert changed_signatures(resource) == {"onu"}
    assert changed_signatures(lambda site: None) == set()


def test_equal_signatures_give_equal_pages() -> None:
    first, second = edge_site(), edge_site()
    second.articles[1].article.title = "Changé"  # bce-taux names no actor page's content
    r1, r2 = Renderer(config()), Renderer(config())
    i1 = actor_index(first.articles, first.actors)
    i2 = actor_index(second.articles, second.actors)
    for actor_id in ACTORS:
        same = actor_signature(first, i1, actor_id) == actor_signature(second, i2, actor_id)
        pages_same = r1.actor_outputs(first, i1, actor_id) == r2.actor_outputs(second, i2,
                                                                               actor_id)
        assert same == pages_same, actor_id
