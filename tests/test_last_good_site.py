"""Never publish less than the last good site, never freeze a stale page, never fail in silence."""

import copy
import json
import re
import shutil
from pathlib import Path

import pytest

from generators import render
from generators.cli import EXIT_FAILED, EXIT_OK, main
from generators.pipeline import analyse, build_site, publish
from generators.project import content_lock

from .conftest import ROOT, SEEDS

ARTICLES = {
    "a.txt": "Harbour Strike Begins In The Capital\n\nDock workers walked out on May 2, 2024, said union leader "
             "Marta Quiroga. About 1,200 workers joined the strike, the union said.\n",
    "b.txt": "Harbour Strike Spreads To Second Port\n\nThe strike spread to the northern port on May 4, 2024. "
             "Some 1,500 workers are now on strike, said Marta Quiroga.\n",
    "c.txt": "Harbour Strike Talks Open\n\nTalks between the union and the port authority opened on May 6, 2024, "
             "the authority said. About 1,400 workers remain on strike.\n",
    "d.txt": "Harbour Strike Ends After Talks\n\nThe strike ended on May 9, 2024 after talks, said Marta Quiroga. "
             "About 1,500 workers went back to work.\n",
}


def folder_of(tmp_path: Path, name: str, files: list[str]) -> Path:
    seeds = tmp_path / name
    seeds.mkdir()
    for file in files:
        (seeds / file).write_text(ARTICLES[file], "utf-8")
    return seeds


def snapshot(content: Path) -> dict[str, bytes]:
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file() and p.name != render.MANIFEST}


class Killed(BaseException):
    """SIGKILL as the writer sees it: nothing after this point runs."""


def test_a_build_killed_after_any_write_leaves_nothing_stale_and_the_next_one_completes(tmp_path, monkeypatch):
    """Kill the second build after each of its writes in turn (a new article, one gone, a new title): the next
    build's folder equals a fresh one, byte for byte, with no page taken for an edit and no partial file left."""
    monkeypatch.setattr(render, "render_svg", lambda spec, dark, width: json.dumps([spec, dark, width]))
    monkeypatch.setattr(render, "javascript_bundle", lambda: "// vega")
    before, _ = analyse(folder_of(tmp_path, "before", ["a.txt", "b.txt", "c.txt"]))
    after, _ = analyse(folder_of(tmp_path, "after", ["a.txt", "b.txt", "d.txt"]))
    title = "title: Dock strike of May 2024\n"

    def build(content: Path, story) -> render.RenderReport:
        with content_lock(content):
            return publish(copy.deepcopy(story), [], content).render

    fresh = tmp_path / "fresh"
    fresh.mkdir()
    (fresh / "corrections.yml").write_text(title, "utf-8")
    build(fresh, after)
    expected = snapshot(fresh)
    assert "sources/d-txt.md" in expected and "sources/c-txt.md" not in expected
    real, point, writes = render.write_atomic, 0, 0

    def killed_after_point(path, data):
        nonlocal writes
        real(path, data)
        writes += 1
        if writes == point:
            (path.parent / f".{path.name}.99999.tmp").write_bytes(data[:10])  # a kill within the next write
            raise Killed

    for module in (render, render.writer):  # the pages and the editors' corrections file
        monkeypatch.setattr(module, "write_atomic", killed_after_point)
    for kill_at in range(1, 1000):
        content = tmp_path / f"killed-{kill_at}"
        point = 0  # no kill
        build(content, before)
        (content / "corrections.yml").write_text(title, "utf-8")
        point, writes = kill_at, 0
        try:
            build(content, after)
            break  # the build made fewer writes than `kill_at`: every write point has been tried
        except Killed:
            pass
        point = 0
        report = build(content, after)
        assert report.kept == [], f"killed after write {kill_at}: {report.kept}"
        assert snapshot(content) == expected, f"killed after write {kill_at}"
    assert kill_at > 20, "the loop went over every write of the build"


def test_a_lost_manifest_freezes_no_page(tmp_path):
    """Generated pages carry their own digest: without the manifest they are still the generator's to replace."""
    seeds = folder_of(tmp_path, "seeds", ["a.txt", "b.txt", "c.txt"])
    content = tmp_path / "content"
    assert main(["generate", "--seeds", str(seeds), "--content", str(content), "--quiet", "--no-cache"]) == EXIT_OK
    (content / render.MANIFEST).unlink()
    (content / "corrections.yml").write_text("title: Dock strike of May 2024\n", "utf-8")
    edited = content / "sources" / "b-txt.md"
    edited.write_text(edited.read_text("utf-8") + "\nAn editor's note.\n", "utf-8")
    (seeds / "c.txt").unlink()
    (seeds / "d.txt").write_text(ARTICLES["d.txt"], "utf-8")
    assert main(["generate", "--seeds", str(seeds), "--content", str(content), "--quiet", "--no-cache"]) == EXIT_OK
    assert "Dock strike of May 2024" in (content / "sources" / "a-txt.md").read_text("utf-8")
    assert not (content / "sources" / "c-txt.md").exists(), "the page of an article gone is gone"
    assert "An editor's note." in edited.read_text("utf-8"), "an edit is still an edit"


def test_an_empty_or_shrunken_folder_keeps_the_last_good_site(tmp_path, capsys):
    seeds = folder_of(tmp_path, "seeds", list(ARTICLES))
    content, site = tmp_path / "content", tmp_path / "site"
    common = ["--content", str(content), "--site", str(site), "--config", str(ROOT / "mkdocs.yml"), "--quiet"]
    assert main(["build", "--seeds", str(seeds), *common]) == EXIT_OK
    good = sorted(p.relative_to(site) for p in site.rglob("*"))
    empty = tmp_path / "empty"
    empty.mkdir()
    for args in (["--seeds", str(empty)], ["--seeds", str(seeds), "--max-bytes", "100"]):
        assert main(["build", *args, *common]) == EXIT_FAILED
        assert "nothing written" in capsys.readouterr().err
        assert sorted(p.relative_to(site) for p in site.rglob("*")) == good
        assert (content / "sources" / "a-txt.md").exists()
    for name in ("b.txt", "c.txt", "d.txt"):
        (seeds / name).unlink()
    assert main(["build", "--seeds", str(seeds), *common]) == EXIT_FAILED
    assert "1 article(s) read where the last build published 4" in capsys.readouterr().err
    assert main(["build", "--seeds", str(seeds), "--allow-empty", *common]) == EXIT_OK
    assert not (site / "sources" / "b-txt.html").exists()


@pytest.mark.parametrize("option", ["--max-bytes=-1", "--timeline-dates=0", "--sentences-per-date=-3", "--jobs=x"])
def test_a_count_option_below_one_is_refused_before_anything_is_read(tmp_path, option, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["generate", "--seeds", str(SEEDS), "--content", str(tmp_path), option])
    assert exit_.value.code == 2 and "whole number of 1 or more" in capsys.readouterr().err
    assert not any(tmp_path.iterdir())


def test_the_lock_covers_the_site_swap(tmp_path, monkeypatch, capsys):
    """A second build started while the first runs MkDocs stops at once instead of sharing its staging folder."""
    from generators import cli

    seeds = folder_of(tmp_path, "seeds", ["a.txt", "b.txt"])
    content, site = tmp_path / "content", tmp_path / "site"
    second: list[int] = []

    def build_while_another_starts(*args, **kwargs):
        second.append(main(["build", "--seeds", str(seeds), "--content", str(content), "--site", str(site),
                            "--config", str(ROOT / "mkdocs.yml"), "--quiet"]))
        build_site(*args, **kwargs)

    monkeypatch.setattr(cli, "build_site", build_while_another_starts)
    assert main(["build", "--seeds", str(seeds), "--content", str(content), "--site", str(site),
                 "--config", str(ROOT / "mkdocs.yml"), "--quiet"]) == EXIT_OK
    assert second == [EXIT_FAILED] and "another build is running" in capsys.readouterr().err
    assert (site / "index.html").is_file()


def test_mkdocs_problems_are_printed_and_no_dot_file_is_published(tmp_path, capsys):
    seeds = folder_of(tmp_path, "seeds", ["a.txt", "b.txt"])
    content, site = tmp_path / "content", tmp_path / "site"
    common = ["--seeds", str(seeds), "--content", str(content), "--site", str(site), "--config",
              str(ROOT / "mkdocs.yml"), "--quiet"]
    content.mkdir()
    (content / ".secret.md").write_text("# Embargoed until Monday\n", "utf-8")
    (content / ".drafts").mkdir()
    (content / ".drafts" / "draft.md").write_text("# Embargoed draft\n", "utf-8")
    (content / ".#timeline.md").symlink_to("editor@host.1234")  # an editor's lock: a dangling link
    assert main(["build", *common]) == EXIT_OK
    assert not [p for p in site.rglob("*") if p.is_file() and b"Embargoed" in p.read_bytes()]
    (content / "notes.md").write_text("See [the gone article](sources/gone-txt.md).\n", "utf-8")
    assert main(["build", *common]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert "sources/gone-txt.md" in err and "the last site is left as it was" in err


@pytest.mark.parametrize("name", ["café\udce9.txt", "line\u2028break.txt", "para\u2029.txt", "esc\x1b[31m\x07.txt"])
def test_odd_file_names_build(tmp_path, name):
    seeds = folder_of(tmp_path, "seeds", ["a.txt", "b.txt"])
    shutil.copy(seeds / "a.txt", seeds / name)
    (seeds / "a.txt").unlink()
    content, site = tmp_path / "content", tmp_path / "site"
    assert main(["build", "--seeds", str(seeds), "--content", str(content), "--site", str(site), "--config",
                 str(ROOT / "mkdocs.yml"), "--quiet"]) == EXIT_OK
    assert len(list((site / "sources").glob("*.html"))) == 3
    for page in site.rglob("*.html"):
        assert not re.search(rb"[\x00-\x08\x0b-\x1f\x7f]", page.read_bytes()), page


def test_an_unusable_folder_is_one_line_not_a_traceback(tmp_path, capsys):
    seeds = folder_of(tmp_path, "seeds", ["a.txt"])
    content = tmp_path / "content"
    content.mkdir()
    (content / render.MANIFEST).mkdir()
    assert main(["generate", "--seeds", str(seeds), "--content", str(content), "--quiet"]) == EXIT_FAILED
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and ".generated.json" in err
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere")
    assert main(["new", str(tmp_path / "dangling")]) == EXIT_FAILED
    assert capsys.readouterr().err.count("\n") == 1


def test_the_pages_do_not_depend_on_the_time_zone(seeds_build, tmp_path):
    """The plugin generates without the command line (which once was alone in forcing UTC): the same bytes in
    any zone."""
    import os
    import subprocess
    import sys

    _, content, _ = seeds_build
    script = (f"from pathlib import Path; from generators.pipeline import generate; "
              f"generate(Path({str(SEEDS)!r}), Path({str(tmp_path / 'c')!r}))")
    subprocess.run([sys.executable, "-c", script], env={**os.environ, "TZ": "Pacific/Honolulu"}, check=True)
    assert snapshot(tmp_path / "c") == snapshot(content)
