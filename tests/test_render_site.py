"""The Renderer's public API: which files, how they link, feeds, templates, errors."""

from __future__ import annotations

import posixpath
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from site_builder.errors import ContentError, TemplateError
from site_builder.link import actor_index
from site_builder.model import AnnotatedArticle, Annotations, Site
from site_builder.render import Renderer
from tests.test_render_support import FIXTURE_SITE, Page, config, make_article, small_site

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def outputs() -> dict[str, bytes]:
    return Renderer(config()).render_all(small_site())


def test_the_files_of_a_site(outputs: dict[str, bytes]) -> None:
    assert sorted(outputs) == [
        "404.html",
        "actors/bachar-al-assad/index.html",
        "actors/by-mentions/index.html",
        "actors/damas/index.html",
        "actors/index.html",
        "actors/onu/index.html",
        "api/actor-counts.json",
        "api/actors.json",
        "api/articles.json",
        "api/articles/bce-taux.json",
        "api/articles/geneva-talks.json",
        "api/articles/syrie-depart.json",
        "api/figures/sources/onu/1.json",
        "api/figures/units/personnes/1.json",
        "api/figures/unsourced/1.json",
        "articles/bce-taux/index.html",
        "articles/geneva-talks/index.html",
        "articles/syrie-depart/index.html",
        "favicon.svg",
        "feed.xml",
        "figures/index.html",
        "figures/sources/onu/index.html",
        "figures/units/personnes/index.html",
        "figures/unsourced/index.html",
        "index.html",
        "network/index.html",
        "search/index.html",
        "site.js",
        "sitemap.xml",
        "style.css",
        "tags/diplomacy-talks/index.html",
        "tags/economie/index.html",
        "tags/europe/index.html",
        "tags/index.html",
        "tags/moyen-orient/index.html",
        "tags/syrie/index.html",
        "theme.js",
    ]


def test_render_all_is_the_union_of_the_parts() -> None:
    site = small_site()
    renderer = Renderer(config())
    index = actor_index(site.articles, site.actors)
    parts: dict[str, bytes] = {}
    for item in site.articles:
        parts.update(renderer.article_outputs(site, item, index))
    parts.update(renderer.listing_outputs(site))
    parts.update(renderer.site_outputs(site, index))
    for actor_id in site.actors:
        parts.update(renderer.actor_outputs(site, index, actor_id))
    parts.update(renderer.static_outputs())
    # A fresh renderer: actor pages must not depend on article pages rendered first.
    assert parts == Renderer(config()).render_all(site)
    # Without an index, an article page computes its own.
    assert renderer.article_outputs(site, site.articles[0]) == \
        renderer.article_outputs(site, site.articles[0], index)


def test_byte_reproducible() -> None:
    first = Renderer(config()).render_all(small_site())
    second = Renderer(config()).render_all(small_site())
    assert first == second


def test_every_relative_link_points_to_a_generated_file(outputs: dict[str, bytes]) -> None:
    for path, data in outputs.items():
        if not path.endswith(".html") or path == "404.html":
            continue
        page = Page(data.decode())
        for link in page.links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue
            if not parts.path:  # same-page anchor
                assert parts.fragment in page.ids, (path, link)
                continue
            here = posixpath.dirname(path)
            target = posixpath.normpath(posixpath.join(here, unquote(parts.path)))
            assert not target.startswith(".."), (path, link)
            # A directory link would not open from file://.
            assert not link.endswith("/"), (path, link)
            if target.startswith("images/"):
                continue  # images are copied by publish
            assert target in outputs, (path, link)


def test_ids_are_unique_per_page(outputs: dict[str, bytes]) -> None:
    for path, data in outputs.items():
        if path.endswith(".html"):
            ids = Page(data.decode()).ids
            assert len(ids) == len(set(ids)), path


def test_aria_describedby_targets_exist(outputs: dict[str, bytes]) -> None:
    for path, data in outputs.items():
        if path.endswith(".html"):
            page = Page(data.decode())
            for _tag, attrs in page.tags:
                if attrs.get("aria-describedby"):
                    assert attrs["aria-describedby"] in page.ids, path


def test_the_article_page(outputs: dict[str, bytes]) -> None:
    html = outputs["articles/syrie-depart/index.html"].decode()
    assert "<h1 lang=\"fr\">Départ de Bachar al-Assad</h1>" in html
    assert '<time datetime="2026-03-02T18:00:00+00:00" lang="fr">2 mars 2026</time>' in html
    assert "Jeanne Martin" in html and "AFP" in html
    assert 'href="../../tags/moyen-orient/index.html">Moyen-Orient</a>' in html
    assert "Le président syrien a quitté la capitale." in html
    # The English quote of a French article carries its language.
    assert '<blockquote>\n<p lang="en">' in html
    assert 'href="../../actors/bachar-al-assad/index.html" class="entity"' in html
    # The legend lists the kinds present, in a fixed order; no buttons without JavaScript.
    legend = html[html.index('class="legend"'):html.index("</section>")]
    assert [k for k in ("person", "organization", "place", "other")
            if f'data-kind="{k}"' in legend] == ["person", "organization", "place"]
    assert "<button" not in legend  # the header's search button submits a form: no script
    assert '<figure><img src="../../images/carte.png"' in html


def test_dates_follow_the_article_language(outputs: dict[str, bytes]) -> None:
    html = outputs["articles/geneva-talks/index.html"].decode()
    assert 'lang="en">February 27, 2026</time>' in html


def test_content_is_escaped(outputs: dict[str, bytes]) -> None:
    html = outputs["articles/geneva-talks/index.html"].decode()
    assert "Talks in Geneva &lt;resumed&gt;" in html
    assert "<resumed>" not in html
    feed = outputs["feed.xml"].decode()
    assert "Talks in Geneva &lt;resumed&gt;" in feed
    assert "Diplomacy &amp; talks" in feed


def test_an_article_without_annotations_has_no_legend() -> None:
    article = make_article("Un texte sans entités.", slug="nu")
    site = Site([AnnotatedArticle(article, Annotations())])
    html = Renderer(config()).article_outputs(site, site.articles[0])[
        "articles/nu/index.html"].decode()
    assert 'class="legend"' not in html
    assert "<p>Un texte sans entités.</p>" in html


# --------------------------------------------------------------------------- listing


def test_pagination_newest_first() -> None:
    site = small_site()
    out = Renderer(config(per_page=1)).listing_outputs(site)
    pages = sorted(p for p in out if p.endswith("index.html") and not p.startswith("tags/"))
    assert pages == ["index.html", "page/2/index.html", "page/3/index.html"]
    first, second, last = (out[p].decode() for p in pages)
    assert "syrie-depart" in first and "bce-taux" in second and "geneva-talks" in last
    assert 'rel="prev"' not in first
    assert 'rel="next" href="page/2/index.html"' in first
    assert 'rel="prev" href="../../index.html"' in second
    assert 'rel="next" href="../../page/3/index.html"' in second
    assert 'rel="next"' not in last
    assert 'href="../../style.css"' in second


def test_an_empty_site_still_has_a_home_feed_and_index() -> None:
    out = Renderer(config()).render_all(Site(articles=[]))
    assert {"index.html", "tags/index.html", "feed.xml", "sitemap.xml",
            "api/articles.json", "404.html"} <= set(out)
    feed = ET.fromstring(out["feed.xml"])
    assert feed.findtext(f"{ATOM}updated") == "1970-01-01T00:00:00+00:00"


def test_tag_pages(outputs: dict[str, bytes]) -> None:
    syrie = outputs["tags/syrie/index.html"].decode()
    assert "syrie-depart" in syrie and "geneva-talks" in syrie and "bce-taux" not in syrie
    assert syrie.index("syrie-depart") < syrie.index("geneva-talks")
    index = outputs["tags/index.html"].decode()
    assert '<a href="../tags/syrie/index.html">Syrie</a> <span class="count">(2)</span>' in index
    names = [n for n in ("Diplomacy", "Économie", "Europe", "Moyen-Orient", "Syrie")]
    assert sorted(names, key=index.index) == names


def test_tags_that_slug_alike_share_a_page() -> None:
    site = small_site()
    site.articles[1].article.tags = ("ÉCONOMIE", "économie", "日本")
    out = Renderer(config()).listing_outputs(site)
    tags = sorted(p for p in out if p.startswith("tags/"))
    assert "tags/economie/index.html" in tags
    assert len([t for t in tags if t.startswith("tags/tag-")]) == 1


# ------------------------------------------------------------------ feed and sitemap


def test_atom_feed_without_base_url(outputs: dict[str, bytes]) -> None:
    feed = ET.fromstring(outputs["feed.xml"])
    assert feed.tag == f"{ATOM}feed"
    assert feed.findtext(f"{ATOM}id", "").startswith("urn:uuid:")
    assert feed.findtext(f"{ATOM}updated") == "2026-03-02T18:00:00+00:00"
    assert feed.find(f"{ATOM}author/{ATOM}name") is not None
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == 3
    for entry in entries:
        for child in ("id", "title", "updated", "summary"):
            assert entry.findtext(f"{ATOM}{child}"), child
        link = entry.find(f"{ATOM}link")
        assert link is not None and link.get("href", "").endswith("/index.html")
    assert entries[0].findtext(f"{ATOM}author/{ATOM}name") == "Jeanne Martin"


def test_feed_and_sitemap_with_base_url() -> None:
    out = Renderer(config(base_url="https://example.org/news/")).listing_outputs(small_site())
    feed = ET.fromstring(out["feed.xml"])
    assert feed.findtext(f"{ATOM}id") == "https://example.org/news/"
    entry = feed.findall(f"{ATOM}entry")[0]
    assert entry.findtext(f"{ATOM}id") == "https://example.org/news/articles/syrie-depart/"
    link = entry.find(f"{ATOM}link")
    assert link is not None
    assert link.get("href") == "https://example.org/news/articles/syrie-depart/"
    self_link = feed.find(f"{ATOM}link[@rel='self']")
    assert self_link is not None
    assert self_link.get("href") == "https://example.org/news/feed.xml"
    sitemap = ET.fromstring(out["sitemap.xml"])
    locs = [u.findtext(f"{SITEMAP}loc") for u in sitemap.findall(f"{SITEMAP}url")]
    assert locs[0] == "https://example.org/news/"
    assert "https://example.org/news/articles/bce-taux/" in locs
    assert "https://example.org/news/tags/syrie/" in locs
    assert all(loc and loc.startswith("https://example.org/news/") for loc in locs)
    home = out["index.html"].decode()
    assert '<link rel="canonical" href="https://example.org/news/">' in home


def test_sitemap_without_base_url_is_relative(outputs: dict[str, bytes]) -> None:
    sitemap = ET.fromstring(outputs["sitemap.xml"])
    locs = [u.findtext(f"{SITEMAP}loc") for u in sitemap.findall(f"{SITEMAP}url")]
    assert locs[0] == "index.html"
    assert "articles/syrie-depart/index.html" in locs
    lastmods = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod")
                for u in sitemap.findall(f"{SITEMAP}url")}
    assert lastmods["articles/syrie-depart/index.html"] == "2026-03-02"


# ------------------------------------------------------------------------------ 404


@pytest.mark.parametrize(("base_url", "root"), [
    ("", "/"), ("https://example.org/", "/"), ("https://example.org/news/", "/news/"),
])
def test_404_links_from_the_base_path(base_url: str, root: str) -> None:
    html = Renderer(config(base_url=base_url)).static_outputs()["404.html"].decode()
    assert f'href="{root}style.css"' in html
    assert f'href="{root}index.html"' in html
    assert "../" not in html


def test_static_files_are_the_theme_files() -> None:
    out = Renderer(config()).static_outputs()
    theme = Path(__file__).parents[1] / "templates"
    assert out["style.css"] == (theme / "style.css").read_bytes()
    assert out["site.js"] == (theme / "site.js").read_bytes()


# ------------------------------------------------------------------------ templates


def site_with_templates(tmp_path: Path, files: dict[str, str]) -> Path:
    (tmp_path / "content").mkdir()
    for name, text in files.items():
        path = tmp_path / "templates" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return tmp_path


def test_a_site_template_overrides_the_theme_by_name(tmp_path: Path) -> None:
    base = (Path(__file__).parents[1] / "templates" / "base.html").read_text(encoding="utf-8")
    site_dir = site_with_templates(tmp_path, {
        "base.html": base.replace("<body>", '<body class="custom-theme">'),
        "style.css": "body { color: black; }\n",
    })
    out = Renderer(config(site_dir)).render_all(small_site())
    for path, data in out.items():
        if path.endswith(".html"):
            assert b'<body class="custom-theme">' in data, path
    assert out["style.css"] == b"body { color: black; }\n"


def test_a_site_template_can_extend_the_theme_and_see_extra(tmp_path: Path) -> None:
    site_dir = site_with_templates(tmp_path, {"article.html": (
        '{% extends "theme/article.html" %}\n'
        "{% block after_body %}<p class=\"kicker\">{{ article.extra.kicker }}</p>"
        "<p class=\"figures\">{{ figures | length }} {{ actors | map(attribute='id') "
        "| join(',') }}</p>{% endblock %}\n"
    )})
    site = small_site()
    html = Renderer(config(site_dir)).article_outputs(site, site.articles[0])[
        "articles/syrie-depart/index.html"].decode()
    assert '<p class="kicker">Exclusif</p>' in html
    assert '<p class="figures">1 bachar-al-assad,damas,onu</p>' in html
    assert 'class="article-body"' in html  # the rest of the theme's page is there


def test_template_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    site_dir = site_with_templates(tmp_path, {
        "base.html": "<html>\n<body>\n{% block content %}\n{% endblok %}\n</body>\n",
    })
    with pytest.raises(TemplateError) as info:
        Renderer(config(site_dir))
    problem = info.value.problems[0]
    assert (problem.path, problem.line) == ("templates/base.html", 4)
    assert str(problem).startswith("templates/base.html:4: template syntax error")


def test_template_runtime_error_names_file_and_line(tmp_path: Path) -> None:
    site_dir = site_with_templates(tmp_path, {
        "tags.html": "{% extends 'base.html' %}\n{% block content %}\n"
                     "<p>{{ no_such_variable }}</p>\n{% endblock %}\n",
    })
    renderer = Renderer(config(site_dir))
    with pytest.raises(TemplateError) as info:
        renderer.listing_outputs(small_site())
    problem = info.value.problems[0]
    assert (problem.path, problem.line) == ("templates/tags.html", 3)
    assert "no_such_variable" in problem.message


# --------------------------------------------------------------------------- safety


def test_an_unsafe_slug_is_refused() -> None:
    site = small_site()
    site.articles[0].article.slug = "../../etc"
    with pytest.raises(ContentError, match="not a safe file name"):
        Renderer(config()).render_all(site)


def test_image_warnings_are_collected_once() -> None:
    article = make_article("![x](../../../secret.png)\n\n![y](../images/absente.png)",
                           slug="img")
    site = Site([AnnotatedArticle(article, Annotations())])
    renderer = Renderer(config())
    renderer.article_outputs(site, site.articles[0])
    renderer.article_outputs(site, site.articles[0])
    assert len(renderer.warnings) == 2
    assert renderer.warnings[0].startswith("content/2026/img.md:5: image ")
    assert "outside content/" in renderer.warnings[0]
    renderer.render_all(site)
    assert len(renderer.warnings) == 2
    html = renderer.article_outputs(site, site.articles[0])["articles/img/index.html"]
    assert b"secret" not in html


def test_assets_lists_local_images_used() -> None:
    renderer = Renderer(config())
    renderer.render_all(small_site())
    assert renderer.assets == ["images/carte.png"]


def test_dev_flag_reaches_templates(tmp_path: Path) -> None:
    site_dir = site_with_templates(tmp_path, {
        "404.html": "{{ 'DEV' if dev else 'PROD' }}\n",
    })
    assert Renderer(config(site_dir), dev=True).static_outputs()["404.html"] == b"DEV\n"
    assert Renderer(config(site_dir)).static_outputs()["404.html"] == b"PROD\n"


def test_fixture_site_has_no_templates_dir() -> None:
    # The golden site renders with the default theme alone.
    assert not (FIXTURE_SITE / "templates").exists()


def test_the_public_interface_of_the_render_stage() -> None:
    # The builder imports these; anything else in site_builder.render may change.
    import site_builder.render as render

    assert sorted(render.__all__) == [
        "Excerpts", "Renderer", "Signature", "SiteLookup", "actor_fields", "actor_signature",
        "actor_signatures", "listing_signature", "site_lookup", "site_signature"]
    for name in ("render_all", "article_outputs", "actor_outputs", "site_outputs",
                 "listing_outputs", "static_outputs"):
        assert callable(getattr(Renderer, name))
