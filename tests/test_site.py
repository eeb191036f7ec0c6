"""The built site, read as HTML."""

import json
import re
import shutil

from bs4 import BeautifulSoup

from generators.pipeline import build_site

from .conftest import ROOT


def page(site, name):
    return BeautifulSoup((site / name).read_text("utf-8"), "html.parser")


def test_pages_exist(seeds_build):
    _, _, site = seeds_build
    for name in ("index.html", "timeline.html", "figures.html", "actors.html", "views.html", "disagreements.html",
                 "sources/index.html", "data/story.json", "data/events.csv", "data/figures.csv"):
        assert (site / name).exists(), name


def test_every_fact_links_to_its_sentence(seeds_build):
    _, _, site = seeds_build
    for name in ("timeline.html", "figures.html", "actors.html", "views.html"):
        soup = page(site, name)
        notes = soup.select("div.footnote li")
        assert notes, name
        for note in notes:
            link = note.find("a", string="Read in context")
            target, anchor = link["href"].split("#")
            source_page = page(site, target)
            sentence = source_page.find(id=anchor)
            assert sentence is not None and sentence.get_text(" ", strip=True) in note.get_text(" ", strip=True)


def test_timeline_has_events_in_order_with_a_chart(seeds_build):
    _, _, site = seeds_build
    soup = page(site, "timeline.html")
    dates = [b.get_text() for b in soup.select("article li > strong:first-child")]
    assert dates == sorted(dates) and "2009" in dates
    chart = soup.select_one("figure.story-chart")
    assert not chart.select("script"), "the spec is a file the live chart fetches, not page weight"
    spec = json.loads((site / chart["data-spec"]).read_text("utf-8"))
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/") and spec["data"]["values"]
    for img in chart.select("img"):
        svg = site / img["src"].split("#")[0]
        assert svg.exists() and "<svg" in svg.read_text("utf-8")


def test_disagreement_page_shows_both_sides(seeds_build):
    _, _, site = seeds_build
    text = page(site, "disagreements.html").get_text(" ")
    assert "731" in text and "781" in text
    marked = [row.get_text(" ") for row in page(site, "figures.html").select("tr")
              if row.find("a", string="Sources disagree")]
    assert any("731" in row for row in marked) and any("781" in row for row in marked), "the item itself says so"


MARKS = ["Sources disagree", "Rounded differently"]


def test_disputed_marks_link_to_their_disagreement_and_only_disputed_items_carry_one(seeds_build):
    result, _, site = seeds_build
    anchors = {h["id"] for h in page(site, "disagreements.html").select("h2[id]")}
    minor = {c.id for c in result.story.conflicts if c.minor}
    for name in ("index.html", "timeline.html", "figures.html"):
        for link in page(site, name).find_all("a", string=MARKS):
            target, _, anchor = link["href"].partition("#")
            assert target == "disagreements.html" and anchor in anchors, (name, link["href"])
            assert link.string == MARKS[anchor in minor], "a rounding difference is not called a disagreement"
    rows = [row.get_text(" ") for row in page(site, "figures.html").select("tr") if row.find("a", string=MARKS)]
    # Gonzalez's 44% shares its sentence with Noboa's disputed 44.2% but no source disputes it
    assert any("Noboa" in row for row in rows) and not any("Gonzalez" in row for row in rows)


def test_no_furniture_reaches_the_site(seeds_build):
    _, _, site = seeds_build
    furniture = ["Skip to content", "Getty Images", "Courtesy:", "Watch coverage", "Bird Flu", "**"]
    texts = {"search index": (site / "search" / "search_index.json").read_text("utf-8")}
    for path in site.rglob("*.html"):
        main = BeautifulSoup(path.read_text("utf-8"), "html.parser").select_one("article")
        texts[path.name] = main.get_text(" ") if main else ""  # the theme's own "Skip to content" link is outside
    for name, text in texts.items():
        for string in furniture:
            assert string not in text, (name, string)


def test_nothing_is_loaded_from_the_internet(seeds_build):
    _, _, site = seeds_build
    for path in site.rglob("*.html"):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in soup.find_all(tag):
                value = element.get(attr) or ""
                assert not re.match(r"^(https?:)?//", value), (path.name, value)
    for path in site.rglob("*.css"):
        assert not re.search(r"@import\s+url\(\s*['\"]?https?:|fonts\.googleapis", path.read_text("utf-8", "replace"))


def test_home_page_key_numbers_say_when_sources_disagree(seeds_build):
    result, _, site = seeds_build
    soup = BeautifulSoup((site / "index.html").read_text("utf-8"), "html.parser")
    rows = soup.find(id="key-numbers").find_next("table").select("tbody tr")
    disputed = {i for c in result.story.conflicts for i in c.items}
    key = [next(f for f in result.story.figures if f.id == i) for i in result.story.key_figures]
    assert len(rows) == len(key) and any(f.id in disputed for f in key)
    for row, figure in zip(rows, key, strict=True):
        assert figure.text in row.get_text(" ")
        assert bool(row.find("a", string=MARKS)) == (figure.id in disputed), figure.text


def test_the_site_publishes_only_what_it_needs(tmp_path, seeds_build):
    """An editor's corrections file, backups and notes stay in content/; pages, assets and data are published."""
    content = tmp_path / "content"
    shutil.copytree(seeds_build[1], content)
    for stray in ("timeline.md~", "actors.md.orig", "figures.md.bak", "draft-notes.txt", "data/old.json"):
        (content / stray).write_text("private notes\n")
    build_site(ROOT / "mkdocs.yml", content, tmp_path / "site")
    published = {p.relative_to(tmp_path / "site").as_posix() for p in (tmp_path / "site").rglob("*") if p.is_file()}
    assert not [p for p in published if p.endswith(("~", ".orig", ".bak", ".txt", ".yml")) or p == "data/old.json"]
    assert not [p for p in published if p.startswith(".generated")]
    assert {"index.html", "timeline.html", "data/story.json", "data/events.csv"} <= published
    assert any(p.startswith("assets/charts/") and p.endswith(".svg") for p in published)
    assert "assets/stylesheets/story.css" in published


def test_each_tab_names_its_page_and_the_story(seeds_build):
    result, _, site = seeds_build
    story = result.story.question
    assert story
    for name, title in (("timeline.html", "Timeline"), ("figures.html", "Key figures"), ("index.html", "Overview")):
        assert page(site, name).title.string == f"{title} · {story}"
    assert page(site, "timeline.html").find("meta", property="og:title")["content"] == f"Timeline · {story}"
    assert story in page(site, "figures.html").select_one(".md-header__topic").get_text()  # the site's name too


def test_the_chart_scripts_load_only_on_pages_with_a_chart(seeds_build):
    _, _, site = seeds_build
    for name in ("index.html", "actors.html", "timeline.html", "figures.html"):
        html = page(site, name)
        scripts = [s.get("src", "") for s in html.find_all("script")]
        charted = bool(html.select(".story-chart"))
        assert charted == any(s.endswith("charts.js") for s in scripts), name
        assert not any("vega-bundle" in s for s in scripts), name  # charts.js fetches it after the page has loaded
    charts_js = (site / "assets" / "javascripts" / "charts.js").read_text("utf-8")
    (bundle,) = re.findall(r'VEGA_BUNDLE = "([^"]+)"', charts_js)
    assert (site / "assets" / "javascripts" / bundle).stat().st_size > 500_000
    assert not page(site, "index.html").select(".story-chart") and page(site, "timeline.html").select(".story-chart")


def test_search_files_footnote_sentences_under_their_own_heading_not_the_last_section(seeds_build):
    import json
    _, _, site = seeds_build
    docs = json.loads((site / "search" / "search_index.json").read_text("utf-8"))["docs"]
    timeline = [d for d in docs if d["location"].startswith("timeline.html#")]
    assert timeline[-1]["location"] == "timeline.html#cited" and "Read in context" in timeline[-1]["text"]
    assert not any("Read in context" in d["text"] for d in timeline[:-1])


def test_every_timeline_entry_is_in_a_sentence_its_own_footnotes_quote(seeds_build):
    _, content, _ = seeds_build
    page = (content / "timeline.md").read_text("utf-8")
    quotes = dict(re.findall(r"^\[\^(\d+)\]: .*?: “(.*)” \[Read in context\]", page, re.M))
    entries = re.findall(r"^- \*\*[^*]+\*\*(?: \*\([^)]*\)\*)?: (.*?) <small>.*?</small>((?:\[\^\d+\])+)", page, re.M)
    assert len(entries) == sum(line.startswith("- **") for line in page.splitlines()) >= 10
    for text, refs in entries:
        cited = [quotes[n] for n in re.findall(r"\d+", refs)]
        assert any(text in quote for quote in cited), text
