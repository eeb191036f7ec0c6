"""Editors' workflow: edits survive regeneration, corrections apply everywhere, own pages join the nav."""

import json
import re
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generators.corrections import CorrectionsError, load
from generators.pipeline import build_site, generate

from .conftest import ROOT, SEEDS

NEW_ARTICLE = ("Harbour Workers Strike In The Capital\n\nDock workers in the capital walked out on March 20, 2025, "
               "said union leader Marta Quiroga.\n")


def copy_seeds(tmp_path: Path) -> Path:
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    return seeds


def test_edit_survives_new_article_and_its_facts_appear(tmp_path):
    seeds, content = copy_seeds(tmp_path), tmp_path / "content"
    generate(seeds, content)
    actors_page = content / "actors.md"
    actors_page.write_text(actors_page.read_text("utf-8").replace("# Actors", "# Actors\n\nEditor's intro."), "utf-8")
    (seeds / "zz_new.txt").write_text(NEW_ARTICLE)
    result = generate(seeds, content)
    assert "Editor's intro." in actors_page.read_text("utf-8")
    kept = dict(result.render.kept)
    assert "actors.md" in kept and "Marta Quiroga" in kept["actors.md"], "the report says what changed"
    assert "March 20, 2025" in (content / "timeline.md").read_text("utf-8")
    story = json.loads((content / "data" / "story.json").read_text("utf-8"))
    assert "zz_new.txt" in {s["id"] for s in story["sources"]}
    assert (content / "sources" / "zz_new-txt.md").exists()


def test_reject_and_fix_apply_to_every_page_and_the_export(tmp_path):
    content = tmp_path / "content"
    generate(SEEDS, content)
    (content / "corrections.yml").write_text(
        "reject:\n  - Guillermo Lasso\n  - expelled a U.S. Air Force base\n  - nothing like this exists\n"
        "dates:\n  slated for April 13: 2025-04-14\nstances:\n  Daniel Ponton: against\n"
        "rename:\n  Luisa Gonzalez: Luisa González\n", "utf-8")
    result = generate(SEEDS, content)
    assert result.unmatched == ["reject 'nothing like this exists': matches nothing"]
    site = tmp_path / "site"
    build_site(ROOT / "mkdocs.yml", content, site)
    for path in (content / "timeline.md", content / "data" / "events.csv", site / "timeline.html"):
        assert "expelled a U.S. Air Force base" not in path.read_text("utf-8"), path.name
    assert "### Guillermo Lasso" not in (content / "actors.md").read_text("utf-8")
    assert 'id="guillermo-lasso"' not in (site / "actors.html").read_text("utf-8")
    story = json.loads((content / "data" / "story.json").read_text("utf-8"))
    assert not [e for e in story["events"] if "expelled a U.S. Air Force base" in e["text"]]
    assert "Guillermo Lasso" not in {a["name"] for a in story["actors"]}
    assert "2025-04-14" in {e["date"] for e in story["events"]}
    assert {v["speaker"]: v["stance"] for v in story["views"]}.get("Daniel Ponton") == "against"
    assert "Luisa González" in {a["name"] for a in story["actors"]}


def test_bad_corrections_file_is_an_error(tmp_path):
    (tmp_path / "corrections.yml").write_text("stances:\n  Someone: maybe\n")
    with pytest.raises(CorrectionsError, match="stance"):
        load(tmp_path)


@pytest.mark.parametrize("text, where", [
    ('reject: "Ana Lee"\n', "line 1: reject"),                   # a string read letter by letter
    ('pin: [x]\nreject: [""]\n', "line 2: reject"),                   # an empty matcher matches everything
    ('dates:\n  "": 2025-01-01\n', "line 1: dates"),
    ('values: {"": 0}\n', "line 1: values"),
    ("values: {a: .inf}\n", "not a finite number"),                    # would write Infinity into story.json
    ("values: {a: .nan}\n", "not a finite number"),
    ("question: [1, 2]\n", "line 1: question"),
    ("title: {a: 1}\n", "line 1: title"),
    ("rename: {X: null}\n", "line 1: rename"),
    ("dates: {a: 2025-02-30}\n", "not a day"),
    ("merge: {A: []}\n", "line 1: merge"),
    ('a: &x ["l", "l"]\nb: &y [*x, *x]\n', "aliases"),                # billion laughs, refused before expanding
    ("stances: {A: [for]}\n", "line 1: stances"),
    ("stances: [A, B]\n", "line 1: stances"),
    ("values: {a: 1" + "0" * 400 + "}\n", "too large"),
    ("reject: " + "[" * 20_000 + "]" * 20_000 + "\n", "nested too deeply"),
    ("title: " + "Long " * 100 + "\n", "at most 300 characters"),
])
def test_typos_in_corrections_are_errors_that_name_the_kind_and_line(tmp_path, text, where):
    (tmp_path / "corrections.yml").write_text(text)
    with pytest.raises(CorrectionsError, match=where):
        load(tmp_path)


def test_a_correction_that_changes_most_items_is_counted_and_warned_about(tmp_path, capsys):
    from generators.cli import main
    content = tmp_path / "content"
    content.mkdir()
    (content / "corrections.yml").write_text('reject: ["the"]\npin: ["nothing like this at all"]\n')
    main(["generate", "--seeds", str(SEEDS), "--content", str(content), "--no-cache"])
    out, err = capsys.readouterr()
    assert re.search(r"correction reject 'the': \d+ of \d+ items", out)
    assert "warning: correction changed more than half the items: reject 'the'" in err
    assert "correction matches nothing: pin 'nothing like this at all'" in err
    assert re.search(r"held back for review, not published: \d+ disagreement\(s\).*review\.yml lists each with the "
                     r"corrections\.yml line that publishes it", out), "the editor is told where the doubted items are"


def test_a_reject_that_would_remove_every_item_writes_nothing(tmp_path, capsys):
    from generators.cli import EXIT_FAILED, main
    content = tmp_path / "content"
    content.mkdir()
    (content / "corrections.yml").write_text('reject: ["a"]\n')
    assert main(["generate", "--seeds", str(SEEDS), "--content", str(content), "--quiet"]) == EXIT_FAILED
    assert "reject 'a' would remove all" in capsys.readouterr().err
    assert sorted(p.name for p in content.iterdir()) == [".build.lock", "corrections.yml"]


def test_hand_written_page_joins_the_navigation(tmp_path):
    content = tmp_path / "content"
    generate(SEEDS, content)
    (content / "background.md").write_text("# Background\n\nWritten by an editor.\n")
    generate(SEEDS, content)
    assert (content / "background.md").read_text() == "# Background\n\nWritten by an editor.\n"
    build_site(ROOT / "mkdocs.yml", content, tmp_path / "site")
    assert 'href="background.html"' in (tmp_path / "site" / "index.html").read_text("utf-8")


@pytest.fixture(scope="module")
def generated_once(tmp_path_factory):
    content = tmp_path_factory.mktemp("once") / "content"
    generate(SEEDS, content)
    return content


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(edits=st.lists(st.tuples(st.sampled_from(["index.md", "timeline.md", "figures.md", "actors.md", "views.md",
                                                 "disagreements.md", "sources/index.md", "mine.md"]),
                                st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs", "Cc"]),
                                        min_size=1, max_size=40)),
                      min_size=1, max_size=4))
def test_random_edits_survive_regeneration(generated_once, tmp_path_factory, edits):
    content = tmp_path_factory.mktemp("edits") / "content"
    shutil.copytree(generated_once, content)
    expected = {}
    for name, text in edits:
        path = content / name
        before = path.read_text("utf-8") if path.exists() else ""
        path.write_text(before + "\n" + text + "\n", "utf-8")
        expected[name] = path.read_text("utf-8")
    generate(SEEDS, content)
    generate(SEEDS, content)
    for name, text in expected.items():
        assert (content / name).read_text("utf-8") == text


def test_split_and_pin(tmp_path):
    from generators.timeline import select_timeline

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    events = "\n\n".join(f"On May {d}, 2024 the council met in session number {d} about the harbour." for d in range(1, 29))
    (seeds / "a.txt").write_text("Council Sessions Through May\n\nMayor Maria Gonzalez spoke to the council.\n\n" + events + "\n")
    (seeds / "b.txt").write_text("Another Report On The Sessions\n\nGonzalez, a dock worker, disagreed with the plan.\n")
    content = tmp_path / "content"
    before = generate(seeds, content)
    assert "Gonzalez" in next(a for a in before.story.actors if a.name == "Maria Gonzalez").aliases
    (content / "corrections.yml").write_text("split:\n  Maria Gonzalez: [Gonzalez]\npin:\n  - session number 17 about\n")
    result = generate(seeds, content)
    assert result.unmatched == []
    actors = {a.name: a for a in result.story.actors}
    assert {p.source for p in actors["Gonzalez"].provenance} == {"b.txt"}
    assert {p.source for p in actors["Maria Gonzalez"].provenance} == {"a.txt"}
    cut = select_timeline(result.story.events, dates=2, per_date=1)
    assert len(cut) == 3 and any("session number 17 " in e.text for e in cut), "a pinned event survives any cut"


def test_the_story_title_can_be_set_and_voices_follow_corrections(tmp_path):
    content = tmp_path / "content"
    generate(SEEDS, content)
    voices = {v.speaker for v in generate(SEEDS, content).story.views}
    speaker = sorted(voices)[0]
    (content / "corrections.yml").write_text(
        f'title: "Should  the army   fight the gangs?"\nrename:\n  "{speaker}": "Renamed Voice"\n', "utf-8")
    result = generate(SEEDS, content)
    assert result.story.question == "Should the army fight the gangs?"
    assert "Should the army fight the gangs?" in (content / "views.md").read_text("utf-8")
    assert "\n# Should the army fight the gangs?\n" in (content / "index.md").read_text("utf-8")
    assert {v.speaker for v in result.story.views} == voices - {speaker} | {"Renamed Voice"}
    assert result.unmatched == []


def test_an_editor_names_the_debate_and_the_page_says_who_set_it(tmp_path):
    content = tmp_path / "content"
    found = generate(SEEDS, content).story
    assert found.debate == found.question and not found.debate_set  # the seeds' headline asks for foreign help
    (content / "corrections.yml").write_text('debate: "Should Ecuador let foreign troops in?"\n', "utf-8")
    result = generate(SEEDS, content)
    assert result.story.debate == "Should Ecuador let foreign troops in?" and result.story.debate_set
    assert "as the editor set the question" in (content / "views.md").read_text("utf-8")
    exported = json.loads((content / "data" / "story.json").read_text("utf-8"))["debate"]
    assert exported == {"question": "Should Ecuador let foreign troops in?", "set_by": "editor"}
    outlets = {a.outlet.lower() for a in result.story.articles if a.outlet}
    assert outlets and not {v.speaker.lower() for v in result.story.views} & outlets  # corrected views filter too


def test_a_rejected_key_number_leaves_the_home_page(tmp_path):
    from generators.pipeline import analyse
    story, _ = analyse(SEEDS)
    key = next(f for f in story.figures if f.id == story.key_figures[0])
    words = " ".join(key.provenance[0].quote.split()[:8])
    content = tmp_path / "content"
    generate(SEEDS, content)
    (content / "corrections.yml").write_text(f"reject:\n  - {json.dumps(words)}\n", "utf-8")
    result = generate(SEEDS, content)
    assert result.unmatched == []
    assert words not in (content / "index.md").read_text("utf-8").split("## Explore")[0]


def test_doubted_disagreements_go_to_the_review_file_not_the_site_until_an_editor_publishes_one(tmp_path):
    import yaml
    content, site = tmp_path / "content", tmp_path / "site"
    generate(SEEDS, content)
    review = yaml.safe_load((content / "review.yml").read_text("utf-8"))
    held = {d["about"]: d for d in review["disagreements held back"]}
    title = "Donald Trump: president or former president?"
    assert title in held and held[title]["why"] and held[title]["sides"][0]["sentences"][0]["sentence"]
    assert held[title]["to publish"] == f'corrections.yml: publish: ["{title}"]'
    assert "Donald Trump: president" not in (content / "disagreements.md").read_text("utf-8")
    build_site(ROOT / "mkdocs.yml", content, site)
    assert not list(site.rglob("review*")), "the review list is for the editor, not the reader"
    (content / "corrections.yml").write_text(f'publish: ["{title}"]\n', "utf-8")
    result = generate(SEEDS, content)
    assert not result.unmatched
    assert "## Donald Trump: president or former president?" in (content / "disagreements.md").read_text("utf-8")
    review = yaml.safe_load((content / "review.yml").read_text("utf-8"))
    assert title not in {d["about"] for d in review["disagreements held back"]}
    story = json.loads((content / "data" / "story.json").read_text("utf-8"))
    assert title in {c["about"] for c in story["conflicts"]}
