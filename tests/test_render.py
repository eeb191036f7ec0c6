import json

import jsonschema
import pytest

from generators.project import SITE_SRC
from generators.render import csv_text, md_text

from .conftest import ROOT


def test_md_text_makes_markup_literal():
    hostile = "[x](javascript:alert(1)) <script>alert(1)</script> {{ config }} {% include 'x' %} *a* _b_ | c ![i](y)"
    escaped = md_text(hostile)
    assert "<script>" not in escaped and "&lt;script&gt;" in escaped
    assert "\\[x\\]" in escaped and "\\{\\{ config \\}\\}" in escaped and "\\|" in escaped and "\\!\\[i\\]" in escaped
    assert md_text("1. first") == "1\\. first" and md_text("- item") == "\\- item"


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    rows = csv_text(["text", "value"], [["=HYPERLINK(\"http://x\")", -16.0], ["+1 more", 3], ["@SUM(A1)", 1],
                                         ["-2 said", 2], ["plain text", 1]]).splitlines()[1:]
    assert rows == ["\"'=HYPERLINK(\"\"http://x\"\")\",-16.0", "'+1 more,3", "'@SUM(A1),1", "'-2 said,2", "plain text,1"]


def test_export_matches_schema_and_keeps_provenance(seeds_build):
    result, content, _ = seeds_build
    data = json.loads((content / "data" / "story.json").read_text("utf-8"))
    jsonschema.validate(data, json.loads((ROOT / "generators" / "story.schema.json").read_text("utf-8")))
    texts = {}
    for article in result.story.articles:
        texts[article.source] = {s.index: s.text for s in article.sentences}
    items = data["events"] + data["figures"] + data["actors"] + data["quotes"]
    assert items
    for item in items:
        for ref in item["sources"]:
            assert texts[ref["source"]][ref["sentence"]] == ref["quote"]
    dates = [e["date"] for e in data["events"]]
    assert dates == sorted(dates), "events are listed in timeline order"


def test_generation_is_deterministic(seeds_build, tmp_path):
    from generators.pipeline import generate

    from .conftest import SEEDS
    _, content, _ = seeds_build
    generate(SEEDS, tmp_path / "again")
    for path in content.rglob("*"):
        if path.is_file():
            assert path.read_bytes() == (tmp_path / "again" / path.relative_to(content)).read_bytes(), path


def test_edited_page_is_kept_and_reported(tmp_path):
    from generators.pipeline import generate

    from .conftest import SEEDS
    generate(SEEDS, tmp_path)
    timeline = tmp_path / "timeline.md"
    timeline.write_text(timeline.read_text("utf-8") + "\nAn editor's note.\n", "utf-8")
    result = generate(SEEDS, tmp_path)
    assert "An editor's note." in timeline.read_text("utf-8")
    assert [path for path, _ in result.render.kept] == ["timeline.md"]
    assert "timeline.md" not in result.render.written


def test_templates_live_in_site_src():
    assert (SITE_SRC / "templates" / "timeline.md.j2").exists()


def test_unchanged_charts_are_not_drawn_again(tmp_path, monkeypatch):
    from generators import render
    from generators.pipeline import analyse

    from .conftest import SEEDS
    story, skipped = analyse(SEEDS)
    render.render_site(story, tmp_path, skipped)
    pictures = {p: p.read_bytes() for p in (tmp_path / "assets" / "charts").glob("*.svg")}
    assert pictures

    def no_drawing(*args, **kwargs):
        raise AssertionError("a chart was drawn again")
    monkeypatch.setattr(render, "render_svg", no_drawing)
    render.render_site(story, tmp_path, skipped)
    assert {p: p.read_bytes() for p in pictures} == pictures


def test_a_large_story_finds_its_articles_by_title_but_not_by_their_text(tmp_path, monkeypatch):
    import json

    from generators import render
    from generators.pipeline import analyse, build_site

    from .conftest import ROOT, SEEDS
    story, skipped = analyse(SEEDS)
    monkeypatch.setattr(render, "SEARCHABLE_SOURCES_UP_TO", len(story.articles) - 1)
    render.render_site(story, tmp_path / "content", skipped)
    build_site(ROOT / "mkdocs.yml", tmp_path / "content", tmp_path / "site")
    index = json.loads((tmp_path / "site" / "search" / "search_index.json").read_text("utf-8"))["docs"]
    pages = [d for d in index if d["location"].startswith("sources/") and "-txt.html" in d["location"]]
    titles = {d["title"] for d in pages}
    assert {a.title for a in story.articles} <= titles  # every article, by its headline
    text = " ".join(d["text"] for d in pages)
    assert story.articles[0].sentences[-1].text[:40] not in text  # but not its full text


def test_the_home_page_of_a_long_story_lists_its_latest_articles_and_links_to_all(tmp_path, monkeypatch):
    from generators import render
    from generators.pipeline import analyse

    from .conftest import SEEDS
    story, skipped = analyse(SEEDS)
    monkeypatch.setattr(render, "OVERVIEW_SOURCES", 2)
    render.render_site(story, tmp_path, skipped)
    home = (tmp_path / "index.md").read_text("utf-8").split("## Sources")[1].split("*Last updated")[0]
    listed = [a for a in story.articles if render.source_page(a.source) in home]
    latest = sorted(story.articles, key=lambda a: (a.published, a.source))[-2:]
    assert sorted(a.source for a in listed) == sorted(a.source for a in latest)
    assert f"of the {len(story.articles)} articles" in home and "(sources/index.md)" in home


def test_files_no_longer_generated_go_unless_edited(tmp_path):
    import shutil

    from generators.pipeline import generate

    from .conftest import SEEDS
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    content = tmp_path / "content"
    generate(seeds, content)
    homicides = [p.name for p in (content / "assets" / "charts").glob("*.svg") if "781" in p.read_text("utf-8")]
    assert homicides
    gone, edited = sorted(seeds.iterdir())[1], sorted(seeds.iterdir())[3]  # the two sides of 781 vs 731 homicides
    (content / "sources" / (edited.name.replace(".", "-") + ".md")).write_text("An editor's page.\n", "utf-8")
    gone.unlink()
    edited.unlink()
    generate(seeds, content)
    assert not (content / "sources" / (gone.name.replace(".", "-") + ".md")).exists()
    assert (content / "sources" / (edited.name.replace(".", "-") + ".md")).read_text("utf-8") == "An editor's page.\n"
    left = {p.name for p in (content / "assets" / "charts").glob("*.svg")}
    assert not set(homicides) & left, "the picture of a disagreement no source makes any more is gone"


def test_an_item_cites_one_sentence_per_source_first_and_at_most_five():
    from generators.model import Provenance
    from generators.render.citations import Footnotes
    notes = Footnotes({}, "")
    provenance = [Provenance("a.txt", 1, "A one."), Provenance("a.txt", 2, "A two.")]
    provenance += [Provenance(f"{n}.txt", 0, f"Source {n}.") for n in range(6)]
    cited = notes.cite(provenance)
    assert cited.count("[^") == 5 and "<summary>+3 more</summary>" in cited
    assert '<a href="sources/4-txt.html#s-0">4.txt</a>; <a href="sources/5-txt.html#s-0">5.txt</a>' in cited
    assert [p.source for p in notes.numbers] == ["a.txt", "0.txt", "1.txt", "2.txt", "3.txt"]
    assert notes.cite([Provenance("5.txt", 0, "Source 5."), Provenance("0.txt", 0, "Source 0.")]).startswith("[^2][^6]")


def test_an_article_page_shows_its_own_side_of_a_disagreement_and_links_to_the_comparison(seeds_build):
    from generators.render import source_page
    result, content, _ = seeds_build
    conflict = next(c for c in result.story.conflicts if len(c.values) == 2)
    mine, theirs = conflict.values
    source = mine.provenance[0].source
    assert source not in {p.source for p in theirs.provenance}
    page = (content / source_page(source)).read_text("utf-8")
    boxes = [b.split("\n\n")[1] for b in page.split('!!! warning "Disagrees with other sources"')[1:]]
    (box,) = [b for b in boxes if f"#{conflict.id})" in b]
    assert f"this source says **{mine.value}**; others say {theirs.value}" in box
    assert f"(../disagreements.md#{conflict.id})" in box
    assert not any(p.source in box for p in theirs.provenance), "the other side's articles are listed on the comparison"


def test_a_build_stopped_between_writes_freezes_nothing_and_the_next_one_completes(tmp_path, monkeypatch):
    """Stop the second build after a few files: every file is whole, none is taken for an editor's edit, and
    the next build writes the new article's pages."""
    import shutil

    from generators import render
    from generators.pipeline import generate

    from .conftest import SEEDS
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    held_back = sorted(seeds.iterdir())[-1]
    text = held_back.read_bytes()
    held_back.unlink()
    content = tmp_path / "content"
    generate(seeds, content)
    held_back.write_bytes(text)
    real, written = render.writer.write_atomic, []

    def stopped(path, data):
        if len(written) == 4:
            raise KeyboardInterrupt  # Ctrl-C between two files
        written.append(path)
        real(path, data)

    monkeypatch.setattr(render.writer, "write_atomic", stopped)
    with pytest.raises(KeyboardInterrupt):
        generate(seeds, content)
    monkeypatch.setattr(render.writer, "write_atomic", real)
    json.loads((content / "data" / "story.json").read_text("utf-8"))  # whole, old or new
    assert not list(content.rglob("*.tmp"))
    result = generate(seeds, content)
    assert result.render.kept == []
    assert (content / "sources" / (held_back.name.replace(".", "-") + ".md")).exists()


def test_a_damaged_or_wrongly_shaped_manifest_is_no_traceback(tmp_path):
    from generators.pipeline import generate

    from .conftest import SEEDS
    generate(SEEDS, tmp_path)
    for damaged in ('["a", "list"]', '{"timeline.md": 7, "index.md": [1, 2]}', '{"cut short', ""):
        (tmp_path / ".generated.json").write_text(damaged, "utf-8")
        result = generate(SEEDS, tmp_path)
        assert result.render.kept == [], damaged  # identical pages are recognised as the generator's
        assert isinstance(json.loads((tmp_path / ".generated.json").read_text("utf-8")), dict)


def test_file_names_that_look_alike_get_pages_of_their_own():
    from generators.render import source_page
    names = ["news 1.txt", "news-1.txt", "news.1.txt", "news_1.txt", "é.txt", "è.txt", "a-txt.txt", "a.txt.txt",
             "e.txt", "E.txt", "News-1.txt"]
    pages = [source_page(n) for n in names]
    assert len({p.lower() for p in pages}) == len(names), "unique on a disk that ignores case"
    longest = [source_page("a" * 251 + ".txt"), source_page("a" * 250 + ".txt")]
    assert len(set(longest)) == 2 and all(len(p) < 130 for p in longest), "a 255-byte name leaves room for .tmp"
    assert source_page("news-1.txt") == "sources/news-1-txt.md"  # a plain name keeps its readable page


def test_a_kept_page_keeps_the_chart_pictures_and_specs_it_shows(tmp_path):
    import re
    import shutil

    from generators.pipeline import generate

    from .conftest import SEEDS
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    content = tmp_path / "content"
    generate(seeds, content)
    page = content / "disagreements.md"
    page.write_text(page.read_text("utf-8") + "\nAn editor's note.\n", "utf-8")
    shown = set(re.findall(r"assets/charts/[\w.-]+\.(?:svg|json)", page.read_text("utf-8")))
    assert {p.rsplit(".", 1)[1] for p in shown} == {"svg", "json"}
    sorted(seeds.iterdir())[1].unlink()  # one side of a disagreement: its picture is no longer generated
    result = generate(seeds, content)
    assert [p for p, _ in result.render.kept] == ["disagreements.md"]
    assert all((content / picture).exists() for picture in shown)
    generate(seeds, content)
    assert all((content / picture).exists() for picture in shown), "and on every later run"


def test_an_unreadable_page_is_reported_and_left_alone(tmp_path, monkeypatch):
    from pathlib import Path

    from generators.pipeline import generate

    from .conftest import SEEDS
    generate(SEEDS, tmp_path)
    page = tmp_path / "timeline.md"
    before = page.stat().st_mtime_ns
    real = Path.read_bytes

    def refuse(path):
        if path == page:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    result = generate(SEEDS, tmp_path)
    assert [(p, d) for p, d in result.render.kept] == [("timeline.md", "(unreadable: Permission denied)")]
    assert page.stat().st_mtime_ns == before


def test_the_overview_gives_each_running_count_as_it_stands_and_links_to_its_chart(tmp_path):
    from generators.pipeline import generate

    from .test_charts import SAME_DAY_SAME_TOLL, TOLL

    def build(name, reports):
        seeds = tmp_path / name
        seeds.mkdir()
        for i, (day, text) in enumerate(reports):
            (seeds / f"{i}.md").write_text(f"---\npublished: {day}\ntitle: Quake report {i}\n---\n\n{text}\n", "utf-8")
        generate(seeds, tmp_path / name / "content")
        return ((tmp_path / name / "content" / page).read_text("utf-8") for page in ("index.md", "figures.md"))

    overview, figures = build("agreed", TOLL + SAME_DAY_SAME_TOLL)
    row = next(line for line in overview.splitlines() if line.startswith("| people killed |"))
    assert row.startswith("| people killed | **1,200** (2024-05-04)[^") and row.count("[^") == 3, "cited to each source"
    assert row.endswith("| 3 sources | [chart](figures.md#chart-revision-1) |")
    assert 'id="chart-revision-1"' in figures
    assert "| 120 | people | people killed | — | 2024-05-01 | 1 source" in figures  # with its date of report

    overview, figures = build("told-once", TOLL)  # the latest total has one source: stated nowhere as the toll
    assert "## The counts as they stand" not in overview and "\n| people killed |" not in overview
    assert 'id="chart-revision-1"' in figures and "no count is stated as it stands" in figures


def test_a_percentage_change_reads_with_its_sign():
    from generators.model import Figure
    from generators.render.escaping import signed
    assert signed(Figure("", 16.0, "%", "fall in murder rate", "", False, "16%")) == "−16%"
    assert signed(Figure("", 40.0, "%", "rise in murders", "", False, "40%")) == "+40%"
    assert signed(Figure("", 16.0, "%", "fall in murder rate", "", False, "around 16%")) == "around −16%"
    assert signed(Figure("", 44.2, "%", "share of vote: Noboa", "", False, "44.2%")) == "44.2%"


def test_a_story_with_many_disagreements_gives_the_rest_one_line_each(tmp_path, monkeypatch):
    from bs4 import BeautifulSoup

    from generators import render
    from generators.pipeline import analyse, build_site
    from generators.reconcile.conflicts import by_reach

    from .conftest import ROOT, SEEDS
    story, skipped = analyse(SEEDS)
    monkeypatch.setattr(render, "CITED_CONFLICTS", 1)
    render.render_site(story, tmp_path / "content", skipped)
    build_site(ROOT / "mkdocs.yml", tmp_path / "content", tmp_path / "site")
    soup = BeautifulSoup((tmp_path / "site" / "disagreements.html").read_text("utf-8"), "html.parser")
    article = soup.select_one("article")
    widest, *rest = by_reach(story.conflicts)
    assert rest and article.select_one(f"h2#{widest.id}")
    toc = {a["href"] for a in soup.select(".md-sidebar--secondary a[href^='#']")}
    assert f"#{widest.id}" in toc and not {f"#{c.id}" for c in rest} & toc  # a short table of contents
    for conflict in rest:  # still one place each that other pages link to, naming every value and where it is
        line = article.select_one(f"p#{conflict.id}")
        assert line is not None and all(v.value in line.get_text() for v in conflict.values)
        for link in line.select("a"):
            target, anchor = link["href"].split("#")
            source = BeautifulSoup((tmp_path / "site" / target).read_text("utf-8"), "html.parser")
            assert source.find(id=anchor) is not None


def test_the_sources_page_and_export_list_the_articles_left_out_and_how_to_bring_one_back(tmp_path):
    from generators.pipeline import generate

    from .reconcile.test_boundary import OTHER, STORY
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, text in enumerate([*STORY, OTHER]):
        (seeds / f"{i}.md").write_text(f"---\npublished: 2011-01-28\ntitle: Report <b>{i}</b>\n---\n\n{text}\n")
    generate(seeds, tmp_path / "content")
    sources = (tmp_path / "content" / "sources" / "index.md").read_text("utf-8")
    assert "## Articles left out as beside the story" in sources
    assert "| 11\\.md | Report &lt;b&gt;11&lt;/b&gt; | names none of the names most articles share" in sources
    exported = json.loads((tmp_path / "content" / "data" / "story.json").read_text("utf-8"))
    assert [s["id"] for s in exported["set_aside"]] == ["11.md"]
    assert "11.md" not in [s["id"] for s in exported["sources"]]
    assert not (tmp_path / "content" / "sources" / "11-md.md").exists()


def test_a_long_article_runs_over_pages_and_every_citation_finds_its_sentence(tmp_path, monkeypatch):
    """A 200,000-character dump would make one page far over the weight budget: its text runs over parts, each
    link to a sentence goes to the part that shows it, and no sentence is lost or shown twice."""
    import re

    from bs4 import BeautifulSoup

    from generators import render
    from generators.pipeline import analyse, build_site

    from .conftest import SEEDS
    story, skipped = analyse(SEEDS)
    monkeypatch.setattr(render.citations, "ARTICLE_PAGE_WEIGHT", 2_000)
    monkeypatch.setattr(render, "ARTICLE_EVENTS_LISTED", 0)
    render.render_site(story, tmp_path / "content", skipped)
    build_site(ROOT / "mkdocs.yml", tmp_path / "content", tmp_path / "site")  # strict: a link to a lost anchor fails
    site = tmp_path / "site"
    longest = max(story.articles, key=lambda a: sum(len(s.text) for s in a.sentences))
    first = site / render.source_page(longest.source).replace(".md", ".html")
    parts = sorted(first.parent.glob(first.stem + ".part*.html"))
    assert len(parts) >= 2
    shown = []
    for path in [first, *parts]:
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        shown += [int(span["id"][2:]) for span in soup.select("span.sentence")]
        assert "Pages of this article" in soup.get_text()
    assert shown == [s.index for s in longest.sentences]
    assert "more: the timeline and" in BeautifulSoup(first.read_text("utf-8"), "html.parser").get_text()  # capped
    assert "Events only this source reports" not in parts[0].read_text("utf-8")  # once, on the first part
    for name in ("timeline.html", "figures.html", "actors.html", "views.html", "disagreements.html"):
        for link in BeautifulSoup((site / name).read_text("utf-8"), "html.parser").find_all("a", href=True):
            target, _, anchor = link["href"].partition("#")
            if re.fullmatch(r"s-\d+", anchor):
                assert BeautifulSoup((site / target).read_text("utf-8"), "html.parser").find(id=anchor), link


def test_without_a_debate_voices_carry_no_stance_unless_an_editor_gave_one(tmp_path):
    from dataclasses import replace

    from generators import render
    from generators.pipeline import analyse

    from .conftest import SEEDS
    story, skipped = analyse(SEEDS)
    views = [replace(v, stance="unclear") for v in story.views]
    render.render_site(replace(story, debate="", views=views), tmp_path / "a", skipped)
    page = (tmp_path / "a" / "views.md").read_text("utf-8")
    assert "## Voices" in page and "## In favour" not in page and "no stance is read" in page
    views[0] = replace(views[0], stance="for")  # as `stances:` in corrections.yml sets it
    render.render_site(replace(story, debate="", views=views), tmp_path / "b", skipped)
    assert f"## In favour\n\n### {views[0].speaker}" in (tmp_path / "b" / "views.md").read_text("utf-8")


def test_a_long_story_lists_disagreements_and_folded_links_within_the_page_budget():
    from generators.model import Conflict, ConflictValue, Provenance
    from generators.render import OTHER_CONFLICT_LINKS, listed_conflicts
    from generators.render.citations import FOOTNOTES_PER_PAGE, MORE_LINKS_PER_PAGE, Footnotes
    said = [Provenance(f"{n}.txt", 0, "x") for n in range(13)]
    conflicts = [Conflict(f"conflict-{i}", "period", f"{i} people killed: over which period?", False,
                          [ConflictValue(f"2024-0{m + 1}", [p]) for m, p in enumerate(said[:9])], []) for i in range(500)]
    cited, others = listed_conflicts(conflicts)
    assert sum(len(c.values) for c in conflicts if c.id in cited) <= FOOTNOTES_PER_PAGE
    assert 0 < sum(len(c.values) for c in others) <= OTHER_CONFLICT_LINKS and not cited & {c.id for c in others}
    notes = Footnotes({}, "", per_item=1)
    folded = "".join(notes.cite(said) for _ in range(60))
    assert folded.count("<a href") == MORE_LINKS_PER_PAGE and "more in the downloads" in folded


def test_compiled_templates_are_kept_between_builds_and_a_broken_cache_is_no_cache(tmp_path):
    import jinja2

    from generators.render import compiled_templates, environment

    folder, loader = tmp_path / "compiled", jinja2.DictLoader({"t.md.j2": "{{ 1 + 1 }}"})
    folder.mkdir()
    jinja2.Environment(loader=loader, bytecode_cache=compiled_templates(folder)).get_template("t.md.j2")
    (kept,) = folder.glob("*.cache")
    kept.write_bytes(b"not bytecode")
    again = jinja2.Environment(loader=loader, bytecode_cache=compiled_templates(folder))
    assert again.get_template("t.md.j2").render() == "2"
    assert compiled_templates(None) is None
    assert environment().bytecode_cache is not None and environment() is environment()
