"""Hostile, broken and huge input: clear errors, nothing lost, nothing injected."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generators.extract import extract_article
from generators.extract.dates import Reference
from generators.ingest import IngestError
from generators.ingest.cleaning import clean
from generators.ingest.readers import split_front_matter
from generators.pipeline import build_site, generate

from .conftest import ROOT

GOOD = "The harbour council voted on March 3, 2025 to close the old pier, officials said."


def write_bad_corpus(folder: Path, outside: Path) -> dict[str, str]:
    """Every kind of bad article; returns the files expected to be skipped and a word of their reason."""
    folder.mkdir()
    (folder / "good.txt").write_text(f"Harbour Council Closes The Old Pier\n\n{GOOD}\n")
    (folder / "empty.txt").write_text("")
    (folder / "blank.txt").write_text("  \n\t\n   \n")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (folder / "bom.txt").write_bytes("\ufeffBom Article About The Bridge\n\nThe bridge reopened on May 2, 2025.\n".encode("utf-8"))
    (folder / "cp1252.txt").write_bytes("Mayor Speaks\n\nMayor Ana González opened the market on June 1, 2025.\n".encode("cp1252"))
    (folder / "latin1.txt").write_bytes("Señor Núñez said the school would reopen in 2026, on the first day.\n".encode("latin-1"))
    (folder / "mixed endings.txt").write_bytes(b"Line Endings Story Title\r\n\r\nThe ferry left on July 4, 2025.\rIt came back.\n")
    with open(folder / "huge.txt", "wb") as f:
        f.truncate(50 * 1024 * 1024)  # 50 MB of NUL bytes: refused by size before it is read
    (folder / "many paragraphs.txt").write_text("\n\n".join(f"Item {i} was filed today." for i in range(100_000)))
    (folder / "long paragraphs.txt").write_text("\n\n".join(f"Item {i} was filed today. " * 100 for i in range(300)))
    (folder / "long line.txt").write_text("Long Line Story\n\n" + "word " * 300_000 + "end.\n")
    (folder / "we$ird ná;me `x` (1).txt").write_text(f"Weird Name Story Here\n\n{GOOD.replace('pier', 'jetty')}\n")
    (outside / "secret.txt").write_text("Secret text from outside the seeds folder.\n")
    (folder / "link.txt").symlink_to(outside / "secret.txt")
    (folder / "loop-a.txt").symlink_to(folder / "loop-b.txt")
    (folder / "loop-b.txt").symlink_to(folder / "loop-a.txt")
    (folder / "bad front matter.md").write_text("---\ntitle: [broken\n---\nBody text is here today.\n")
    (folder / "copy of good.txt").write_text(f"Harbour Council Closes The Old Pier\n\n{GOOD}\n")
    (folder / "hostile.html").write_text(
        "<html><head><title>Hostile Page About The Vote</title><style>body{display:none}</style>"
        "<script>alert('x')</script></head><body><article><p>Voters went to the polls on April 13, 2025, said "
        "the electoral council.</p><p><a href=\"javascript:alert(1)\">Click here to vote now please.</a></p>"
        "<p>An <img src=x onerror=alert(2)> image and <iframe src=\"https://evil.example\"></iframe> frame.</p>"
        "</article></body></html>")
    (folder / "markup.md").write_text(
        "---\ntitle: \"Markup {{ config.site_name }} Story\"\npublished: 2025-02-01\n---\n"
        "# A heading in the body\n\n"
        "Officials said [x](javascript:alert(1)) and <script>alert(3)</script> on February 1, 2025.\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n"
        "The mayor wrote {{ config }} and {% include 'secret.txt' %} in the minutes today.\n\n"
        "!!! danger \"Injected admonition title here\"\n\n"
        "--8<-- \"secret.txt\" was quoted in the minutes today.\n\n"
        "The text { .hidden } and {: #id } and ![img](http://evil.example/x.png) stayed literal today.\n\n"
        "In year 0 and year 99999 and on 31 February 2025 and 1e308 and 99999999999999999999999 people came.\n")
    (folder / "sources.yml").write_text("good.txt:\n  outlet: [not, a, string]\nmarkup.md:\n  url: 7\n")
    return {"empty.txt": "empty", "blank.txt": "empty", "binary.txt": "binary", "huge.txt": "too large",
            "link.txt": "outside", "loop-a.txt": "loop", "loop-b.txt": "loop", "bad front matter.md": "front matter", "good.txt": "same text as copy of good.txt",
            "sources.yml": "outlet", "many paragraphs.txt": "too many paragraphs",
            "long paragraphs.txt": "too long for a news article", "long line.txt": "too long for a news article"}


@pytest.fixture(scope="module")
def bad_build(tmp_path_factory):
    base = tmp_path_factory.mktemp("bad")
    outside = base / "outside"
    outside.mkdir()
    expected = write_bad_corpus(base / "seeds", outside)
    done = subprocess.run([sys.executable, "-m", "generators", "build", "--seeds", str(base / "seeds"),
                           "--content", str(base / "content"), "--site", str(base / "site")],
                          cwd=ROOT, capture_output=True, text=True, timeout=900, check=False)
    return base, expected, done


def test_each_bad_file_is_skipped_with_one_clear_line_and_the_rest_build(bad_build):
    base, expected, done = bad_build
    assert done.returncode == 3, done.stderr
    assert "Traceback" not in done.stderr
    lines = [line for line in done.stderr.splitlines() if line.startswith("skipped ")]
    skipped: dict[str, str] = {}
    for line in lines:
        name = line.split(": ", 1)[0].removeprefix("skipped ")
        skipped[name] = skipped.get(name, "") + line
    assert set(skipped) == set(expected), done.stderr
    for name, reason in expected.items():
        assert reason in skipped[name]
    assert (base / "site" / "index.html").exists()


def test_encodings_and_odd_names_are_read(bad_build):
    base = bad_build[0]
    story = (base / "content" / "data" / "story.json").read_text("utf-8")
    assert "Ana González" in story and "Núñez" in story and "\ufeff" not in story
    assert "ferry left" in story and "jetty" in story
    assert "Secret text" not in story


def test_nothing_from_an_article_becomes_markup(bad_build):
    base = bad_build[0]
    for path in (base / "site").rglob("*.html"):
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        article = soup.select_one("article")
        if article is None:
            continue
        assert not article.select("script, iframe, style, img[src=x], [onerror], [onmouseover], .hidden, #id")
        for chart in article.select("[data-spec]"):  # our charts' data: an inert JSON file of ours, never code
            spec = path.parent / chart["data-spec"]
            assert chart.name == "figure" and spec.parent.name == "charts" and json.loads(spec.read_text("utf-8"))
        assert not [a for a in article.select("a[href]") if a["href"].startswith("javascript:")]
        assert not [a for a in article.select(".admonition-title") if "Injected" in a.get_text()]
    markup = (base / "site" / "sources" / "markup-md.html").read_text("utf-8")
    text = BeautifulSoup(markup, "html.parser").select_one("article").get_text(" ")
    for literal in ("{{ config }}", "{% include 'secret.txt' %}", "<script>alert(3)</script>", "[x](javascript:alert(1))",
                    "--8<--", "!!! danger"):
        assert literal in text, literal


def test_internal_links_and_anchors_resolve_and_nothing_is_external(bad_build, seeds_build):
    for site in (bad_build[0] / "site", seeds_build[2]):
        for path in site.rglob("*.html"):
            if path.name == "404.html":
                continue  # MkDocs writes it with root-absolute links, for the server's error page
            soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
            for tag, attr in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
                for element in soup.find_all(tag):
                    url = element.get(attr)
                    if not url:
                        continue
                    parsed = urlparse(url)
                    if parsed.scheme or parsed.netloc:
                        assert tag == "a" and not parsed.netloc.endswith(("googleapis.com", "gstatic.com")), (path, url)
                        continue
                    target = (path.parent / unquote(parsed.path)).resolve() if parsed.path else path
                    assert target.exists(), (path, url)
                    if parsed.fragment and target.suffix == ".html":
                        ids = set(re.findall(r'id="([^"]+)"', target.read_text("utf-8")))
                        assert unquote(parsed.fragment) in ids, (path, url)


def test_building_twice_gives_identical_content_and_site(tmp_path):
    seeds_a, seeds_b = tmp_path / "a", tmp_path / "b"
    seeds_a.mkdir()
    seeds_b.mkdir()
    files = {f"{n}.txt": f"Story Number {n} Title\n\nOn May {n + 1}, 2025 the council met {n} times, said Ann Lee.\n"
             for n in range(4)}
    for name in sorted(files):
        (seeds_a / name).write_text(files[name])
    for name in sorted(files, reverse=True):  # another creation order
        (seeds_b / name).write_text(files[name])
    outputs = []
    for run, seeds in (("one", seeds_a), ("two", seeds_b)):
        generate(seeds, tmp_path / run / "content")
        build_site(ROOT / "mkdocs.yml", tmp_path / run / "content", tmp_path / run / "site")
        outputs.append({p.relative_to(tmp_path / run).as_posix(): p.read_bytes()
                        for p in (tmp_path / run).rglob("*") if p.is_file()})
    assert outputs[0].keys() == outputs[1].keys()
    different = [name for name in outputs[0] if outputs[0][name] != outputs[1][name]]
    assert different == []


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=600)
       | st.lists(st.sampled_from(["<p>", "</p>", "<script>", "\"", "“", "”", "**", "# ", "\n\n", "---\n", "said ",
                                   "President ", "Ann Lee", " on March 3, 2025", "12%", "1,300 ", "(FES)", "U.S. ",
                                   "{{ x }}", ". ", "!", "?", "Mr. ", "in 2009", "per 100,000 people"]),
                  max_size=80).map("".join))
def test_fuzzed_text_never_crashes_and_every_sentence_is_verbatim(text):
    try:
        meta, body = split_front_matter(text)
        article = clean("fuzz.txt", meta, body)
    except IngestError:
        return
    for sentence in article.sentences:
        assert sentence.text in article.paragraphs[sentence.paragraph]
    extraction = extract_article(article, Reference(2025, 3, 1))
    sentences = {s.index: s.text for s in article.sentences}
    for item in [*extraction.events, *extraction.figures, *extraction.actors, *extraction.quotes]:
        for provenance in item.provenance:
            assert sentences[provenance.sentence] == provenance.quote


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["<p>", "</p>", "<script>alert(1)</script>", "<div>", "</div>", "<h2>", "</h2>",
                                 "<img src=x onerror=alert(1)>", "<a href='javascript:x'>", "</a>", "<li>", "<br>",
                                 "The mayor said on May 3, 2025 that ", "\"We will build it,\" ", "<!--", "-->",
                                 "&amp;", "&lt;b&gt;", "<style>p{}</style>", "Ann Lee. ", "<article>", "<nav>Home</nav>"]),
                max_size=60).map("".join))
def test_fuzzed_html_never_crashes_and_never_keeps_script(html_text):
    from generators.ingest.readers import read_html
    try:
        meta, body = read_html(html_text)
    except IngestError:
        return  # no main text: reported by name and skipped
    assert "alert(1)" not in body and "p{}" not in body and "Home" not in body
    try:
        article = clean("fuzz.html", meta, body)
    except IngestError:
        return
    extract_article(article, Reference(2025, 3, 1))
