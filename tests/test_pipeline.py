"""The command line on other folders of articles, as the README shows."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from generators.cli import EXIT_OK, EXIT_SKIPPED, main

from .conftest import ROOT, corpus


def test_build_another_folder_from_the_command_line(tmp_path):
    articles = sorted(corpus("t17-mj").glob("*.md"))[:12]
    seeds = tmp_path / "articles"
    seeds.mkdir()
    for path in articles:
        shutil.copy(path, seeds / path.name)
    done = subprocess.run([sys.executable, "-m", "generators", "build", "--seeds", str(seeds),
                           "--content", str(tmp_path / "content"), "--site", str(tmp_path / "site"), "--quiet"],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    assert done.returncode == EXIT_OK, done.stderr
    assert (tmp_path / "site" / "timeline.html").exists()
    assert len(list((tmp_path / "site" / "sources").glob("*.html"))) == 12 + 1
    assert not (ROOT / "content" / "sources" / f"{articles[0].stem}-md.md").exists(), "the default site is untouched"


def test_skipped_files_are_named_and_set_the_exit_status(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Harbour Strike Ends After Talks\n\nThe strike ended on May 2, 2024 after talks.\n")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02")
    assert main(["generate", "--seeds", str(tmp_path), "--content", str(tmp_path / "c"), "--quiet"]) == EXIT_SKIPPED
    assert "skipped bad.txt: binary file" in capsys.readouterr().err
    assert (tmp_path / "c" / "timeline.md").exists()
    assert main(["generate", "--seeds", str(tmp_path), "--content", str(tmp_path / "d"), "--strict", "--quiet"]) == 1
    assert not (tmp_path / "d").exists(), "--strict writes nothing when a file is skipped"


def test_a_file_name_with_terminal_escapes_is_printed_escaped(tmp_path, capsys):
    (tmp_path / "good.txt").write_text("Harbour Strike Ends After Talks\n\nThe strike ended on May 2, 2024 after talks.\n")
    (tmp_path / "evil\x1b]0;owned\x07\x1b[2J.txt").write_bytes(b"")
    assert main(["generate", "--seeds", str(tmp_path), "--content", str(tmp_path / "c"), "--quiet"]) == EXIT_SKIPPED
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err
    assert "skipped evil\\x1b]0;owned\\x07\\x1b[2J.txt: empty" in err


def test_parallel_and_cached_extraction_equal_the_plain_one(tmp_path):
    from generators.ingest import read_articles
    from generators.pipeline import extract_all, story_reference

    articles, _ = read_articles(corpus("t17-mj"))
    articles = articles[:30]
    reference = story_reference(articles)
    plain = extract_all(articles, reference, jobs=1)
    assert extract_all(articles, reference, jobs=2) == plain
    cache = tmp_path / "cache"
    assert extract_all(articles, reference, jobs=1, cache=cache) == plain
    assert len(list(cache.glob("*.pickle"))) == 30
    (cache / next(iter(sorted(p.name for p in cache.glob("*.pickle"))))).write_bytes(b"damaged")
    assert extract_all(articles, reference, jobs=1, cache=cache) == plain, "a damaged entry is recomputed"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads the process table from /proc")
def test_workers_end_with_a_killed_build_and_what_they_finished_is_kept(tmp_path):
    """SIGKILL to the build during parallel extraction: no pool worker is left behind, and the articles extracted
    before the kill are in the cache for the next build."""
    import signal
    import time

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(80):  # above PARALLEL_FROM, made here so that the test needs no corpus
        (seeds / f"{n:02}.txt").write_text(f"Harbour Strike Day {n}\n\nDock workers in Port {n} walked out on "
                                           f"May {n % 28 + 1}, 2024, said union leader Marta Quiroga.\n" * 20)
    build = subprocess.Popen([sys.executable, "-m", "generators", "generate", "--seeds", str(seeds), "--content",
                              str(tmp_path / "content"), "--cache", str(tmp_path / "cache"), "--jobs", "2"],
                             cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def children() -> list[int]:
        found = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == build.pid:
                    found.append(int(stat.parent.name))
            except (OSError, IndexError, ValueError):
                continue
        return found

    workers: set[int] = set()  # seen while waiting: a fast pool may be gone by the time the first result is stored
    deadline = time.monotonic() + 120
    while not list((tmp_path / "cache" / "extract").glob("*.pickle")) and time.monotonic() < deadline:
        workers.update(children())
        time.sleep(0.05)
    workers.update(children())
    assert workers, "the build extracts in a pool"
    build.send_signal(signal.SIGKILL)
    build.wait()
    def running(pid: int) -> bool:  # a zombie has ended; only its exit status waits to be collected
        try:
            return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
        except (OSError, IndexError):
            return False

    deadline = time.monotonic() + 10
    while any(map(running, workers)) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not [pid for pid in workers if running(pid)]
    assert list((tmp_path / "cache" / "extract").glob("*.pickle")), "finished work is kept"


def test_an_undated_article_gets_a_date_from_its_text_and_says_so(tmp_path):
    from generators.pipeline import generate
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "undated.txt").write_text("Harbour Strike Ends After Talks\n\nThe strike ended on March 9, 2025 "
                                       "after talks. On Monday the union had walked out.\n", "utf-8")
    result = generate(seeds, tmp_path / "content")
    (article,) = result.story.articles
    assert article.published == "2025-03-09" and article.published_inferred
    assert [e.date.value for e in result.story.events] == ["2025-03-03", "2025-03-09"]
    assert "(from the text)" in (tmp_path / "content" / "sources" / "index.md").read_text("utf-8")


def test_a_second_build_into_the_same_content_folder_stops_with_a_clear_line(tmp_path, capsys):
    from generators.project import content_lock

    (tmp_path / "good.txt").write_text("Harbour Strike Ends After Talks\n\nThe strike ended on May 2, 2024 after talks.\n")
    with content_lock(tmp_path / "c"):  # a build under way
        code = main(["generate", "--seeds", str(tmp_path), "--content", str(tmp_path / "c"), "--quiet"])
    assert code == 1 and "another build is running" in capsys.readouterr().err
    assert not (tmp_path / "c" / "timeline.md").exists()
    assert main(["generate", "--seeds", str(tmp_path), "--content", str(tmp_path / "c"), "--quiet"]) == EXIT_OK


def test_a_failed_site_build_leaves_the_last_good_site(tmp_path):
    from generators.pipeline import build_site, generate

    from .conftest import SEEDS
    content, site = tmp_path / "content", tmp_path / "site"
    generate(SEEDS, content)
    build_site(ROOT / "mkdocs.yml", content, site)
    good = (site / "timeline.html").read_bytes()
    (content / "timeline.md").unlink()  # in the navigation but gone: a strict build fails
    with pytest.raises(Abort):
        build_site(ROOT / "mkdocs.yml", content, site)
    assert (site / "timeline.html").read_bytes() == good and (site / "index.html").exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["content", "site"], "no half-built folder left"


def test_a_new_project_named_on_purpose_keeps_its_name_in_the_header(tmp_path):
    import yaml

    assert main(["new", str(tmp_path / "named"), "--title", "Harbour watch"]) == EXIT_OK
    assert main(["new", str(tmp_path / "unnamed")]) == EXIT_OK
    named = yaml.safe_load((tmp_path / "named" / "mkdocs.yml").read_text("utf-8"))
    unnamed = yaml.safe_load((tmp_path / "unnamed" / "mkdocs.yml").read_text("utf-8"))
    assert named["site_name"] == "Harbour watch"
    assert named["plugins"][1] == {"news-explainer": {"seeds": "seeds", "site_name_from_story": False}}
    assert unnamed["plugins"][1] == {"news-explainer": {"seeds": "seeds"}}  # the header will name the story


def test_a_folder_full_of_ties_builds_the_same_bytes_under_any_hash_seed(tmp_path):
    """Many articles telling the same counts on the same days, in the same words, quoting the same people: every
    order of the output is total, so two processes with different hash seeds write the same story and pages."""
    towns, values = ["Harbourside", "Eastport", "Millbrook"], [12, 12, 40, 40, 300]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for n in range(36):
        day, town, value = n % 3 + 1, towns[n % 3], values[n % 5]
        (seeds / f"{n:02}.txt").write_text(
            f"Storm Report {n % 4}\n\nMay {day}, 2024\n\nThe storm has killed {value} people in {town}, officials said. "
            f"Mayor Ana Ferreira said the port would reopen on May {day + 3}. \"We will rebuild every house in "
            f"{town},\" Ferreira said. Police chief Tom Quinn said {value} people were still missing. Crews cleared "
            f"road {n} on Tuesday.\n", "utf-8")
    built = []
    for seed in ("1", "2"):
        content = tmp_path / f"content-{seed}"
        done = subprocess.run([sys.executable, "-m", "generators", "generate", "--seeds", str(seeds), "--content",
                               str(content), "--no-cache", "--quiet", "--jobs", "1"], cwd=ROOT,
                              env={**os.environ, "PYTHONHASHSEED": seed}, capture_output=True, text=True, timeout=600,
                              check=False)
        assert done.returncode == 0, done.stderr[-1000:]
        built.append({p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*"))
                      if p.is_file() and ".build.lock" not in p.name})
    assert built[0].keys() == built[1].keys()
    assert [name for name in built[0] if built[0][name] != built[1][name]] == []


def test_the_outlet_that_publishes_an_article_is_no_voice_on_the_published_site(tmp_path):
    """Voices as published, after the editors' corrections rebuild them: the outlet stays out."""
    from generators.pipeline import generate

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\ntitle: Crisis in the capital\noutlet: The Guardian\npublished: 2024-05-01\n---\n\n"
                                "On May 1, 2024, The Guardian said: \"This government cannot survive another "
                                "week of this.\"\n", "utf-8")
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "corrections.yml").write_text("{}\n", "utf-8")
    generate(seeds, tmp_path / "content")
    published = json.loads((tmp_path / "content" / "data" / "story.json").read_text("utf-8"))
    assert published["views"] == [] and "Guardian" not in (tmp_path / "content" / "views.md").read_text("utf-8")


def test_the_same_command_on_unchanged_inputs_writes_nothing_and_any_change_regenerates(tmp_path, capsys,
                                                                                       monkeypatch):
    import generators.cli

    seeds, content, cache = tmp_path / "seeds", tmp_path / "content", tmp_path / "cache"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Harbour Strike Ends After Talks\n\nThe strike ended on May 2, 2024 after talks.\n")
    command = ["generate", "--seeds", str(seeds), "--content", str(content), "--cache", str(cache)]
    analyse = generators.cli.analyse

    def generate_again(expect_work: bool) -> str:
        def no_work(*args, **kwargs):
            raise AssertionError("read the articles again though nothing changed")
        monkeypatch.setattr(generators.cli, "analyse", analyse if expect_work else no_work)
        capsys.readouterr()
        assert main(command) == EXIT_OK
        return capsys.readouterr().out

    assert "read 1 articles" in generate_again(True)
    assert "nothing changed since the last generation: 1 articles" in generate_again(False)
    (seeds / "b.txt").write_text("Dock Workers Return\n\nDock workers returned to work on May 3, 2024.\n")
    assert "read 2 articles" in generate_again(True), "a new article"
    (content / "corrections.yml").write_text("reject:\n  - \"Dock workers\"\n", "utf-8")
    assert "correction reject 'Dock workers'" in generate_again(True), "an editor's correction"
    assert "correction reject 'Dock workers'" in generate_again(False), "told again, not redone"
    timeline = content / "timeline.md"
    timeline.write_text(timeline.read_text("utf-8") + "\nAn editor's note.\n", "utf-8")
    assert "read 2 articles" in generate_again(True), "an editor's change to a page: reported, and kept"
    assert "An editor's note." in timeline.read_text("utf-8")
    assert "nothing changed" in generate_again(False)
    (content / "actors.md").unlink()
    assert "read 2 articles" in generate_again(True) and (content / "actors.md").exists(), "a deleted page is back"
    assert "nothing changed" in generate_again(False)
    monkeypatch.setattr(generators.cli, "analyse", analyse)
    assert main([*command, "--timeline-dates", "3"]) == EXIT_OK and "read 2 articles" in capsys.readouterr().out


def test_the_same_build_again_leaves_the_site_built_from_the_same_pages_and_configuration(tmp_path, capsys):
    seeds, content, site, cache = tmp_path / "seeds", tmp_path / "content", tmp_path / "site", tmp_path / "cache"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Harbour Strike Ends After Talks\n\nThe strike ended on May 2, 2024 after talks.\n")
    config = tmp_path / "mkdocs.yml"
    shutil.copy(ROOT / "mkdocs.yml", config)
    command = ["build", "--seeds", str(seeds), "--content", str(content), "--site", str(site), "--cache", str(cache),
               "--config", str(config)]
    assert main(command) == EXIT_OK and f"built {site}" in capsys.readouterr().out
    built = (site / "index.html").stat().st_mtime_ns
    assert main(command) == EXIT_OK and "left as it is" in capsys.readouterr().out
    assert (site / "index.html").stat().st_mtime_ns == built
    config.write_text(config.read_text("utf-8").replace("site_name: News explainer", "site_name: Harbour"), "utf-8")
    assert main(command) == EXIT_OK and f"built {site}" in capsys.readouterr().out, "a changed configuration"
    shutil.rmtree(site)
    assert main(command) == EXIT_OK and (site / "index.html").is_file(), "a site gone is built again"
