from pathlib import Path

import pytest

from generators.ingest import IngestError, read_articles
from generators.ingest.cleaning import clean
from generators.ingest.decoding import decode
from generators.ingest.readers import split_front_matter
from generators.ingest.sentences import split_sentences

from .conftest import SEEDS

PAGE = """1. Skip to content
  2. Skip to main menu
WorldNews

**A Big Headline About The Harbour Strike**

Jane Roe | John Doe
March 3, 2024

https://example.org/p/abc

Dock workers walked out on Monday. The port was closed.
A crane at the port stands idle
Cranes stand idle at the port during the strikeImage: Someone/AFP/Getty Images

The union said it would not return until pay rises. Talks resume on March 10.

The union said it would not return until pay rises. Talks resume on March 10.

Watch our coverage of the strike.
updated: Mon Mar 04 2024 13:25:00 A docker tells us what he saw at the gates.
The opinions expressed in this commentary are solely those of Jane Roe.
THIS IS A RUSH TRANSCRIPT. THIS COPY MAY NOT BE IN ITS FINAL FORM.
By clicking on "sign up" you agree with our Terms of Service and our Privacy Policy.
Related stories about ports
This article was originally written in Dutch.
Next
"""


def test_clean_removes_furniture_and_finds_metadata():
    article = clean("page.txt", {}, PAGE)
    body = "\n".join(article.paragraphs)
    assert article.title == "A Big Headline About The Harbour Strike"
    assert article.published == "2024-03-03"
    assert article.authors == ["Jane Roe", "John Doe"]
    assert article.url == "https://example.org/p/abc"
    assert article.outlet == "example.org"
    for furniture in ("Skip to", "Getty", "Watch our", "Related stories", "originally written", "Next", "**",
                      "crane at the port stands idle", "WorldNews",
                      "docker tells us", "opinions expressed", "RUSH TRANSCRIPT", "Privacy Policy"):
        assert furniture not in body
    assert body.count("The union said") == 1, "a repeated paragraph is kept once"
    assert any(r.startswith("duplicate:") for r in article.removed)


def test_sentences_are_verbatim_slices():
    paragraphs = ["Dr. Smith met U.S. officials on Jan. 5. They agreed. \"We will go,\" she said. Noboa is not at the U.S. In addition, he left."]
    sentences = split_sentences("a.txt", paragraphs)
    assert [s.text for s in sentences] == [
        "Dr. Smith met U.S. officials on Jan. 5.", "They agreed.", "\"We will go,\" she said.",
        "Noboa is not at the U.S.", "In addition, he left."]
    assert all(s.text in paragraphs[0] for s in sentences)


def test_front_matter_metadata_and_errors():
    meta, body = split_front_matter("---\ntitle: T\npublished: 2011-02-01\n---\nBody text here.\n")
    assert meta == {"title": "T", "published": "2011-02-01"} and body == "Body text here.\n"  # dates stay text
    with pytest.raises(IngestError, match="front matter"):
        split_front_matter("---\ntitle: [unclosed\n---\nBody.\n")
    with pytest.raises(IngestError, match="front matter"):
        split_front_matter("---\na: &x [1, 2]\nb: [*x, *x]\n---\nBody.\n")  # aliases refused


def test_impossible_and_far_dates_are_reported_not_raised(tmp_path: Path):
    for name, published in (("feb30.md", "2025-02-30"), ("year1.md", "0001-01-01"), ("far.md", "9999-12-31")):
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\nOn Monday the council met in {name}.\n")
    (tmp_path / "good.md").write_text("---\npublished: 2025-02-28\n---\nOn Monday the council met again.\n")
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["good.md"] and articles[0].published == "2025-02-28"
    assert sorted(s.source for s in skipped) == ["far.md", "feb30.md", "year1.md"]
    assert all("not a date" in s.reason for s in skipped)


def test_decode_encodings_and_binary():
    assert decode("González dijo algo.".encode("cp1252")) == "González dijo algo."
    assert decode("\ufeffHello there.".encode("utf-8")) == "Hello there."
    assert decode(b"one\r\ntwo\rthree") == "one\ntwo\nthree"
    utf8 = "González and Núñez met in Bogotá. ".encode()
    assert decode(utf8 + b"\xff" + utf8) == "González and Núñez met in Bogotá. \ufffdGonzález and Núñez met in Bogotá. "
    for bom in ("utf-16", "utf-32"):
        assert decode("Señor Núñez spoke today.".encode(bom)) == "Señor Núñez spoke today."
    assert decode(b"A headline\x1b[2J with\x07 escapes\x08.\n") == "A headline[2J with escapes.\n"
    for bad in (b"", b"   \n ", b"\x00\x01binary"):
        with pytest.raises(IngestError):
            decode(bad)


def test_html_reader_keeps_text_drops_scripts(tmp_path: Path):
    (tmp_path / "page.html").write_text(
        "<html><head><title>Storm Hits The Coast Hard</title><script>alert(1)</script><style>p{}</style></head>"
        "<body><nav>Home | World</nav><article><h1>Storm Hits The Coast Hard</h1>"
        "<p>The storm reached the coast on Tuesday, officials said.</p><figure><img src=x onerror=alert(1)>"
        "<figcaption>A photo caption.</figcaption></figure><p>Thousands lost power overnight.</p></article></body></html>")
    articles, skipped = read_articles(tmp_path)
    assert not skipped
    text = " ".join(articles[0].paragraphs)
    assert "alert" not in text and "Home | World" not in text and "caption" not in text
    assert "Thousands lost power overnight." in text
    assert articles[0].title == "Storm Hits The Coast Hard"


def test_bad_files_are_skipped_by_name_and_the_rest_read(tmp_path: Path):
    (tmp_path / "good.txt").write_text("A Title Of The Good Article\n\nThe council voted on the plan yesterday.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00\xfe" * 100)
    (tmp_path / "huge.txt").write_text("Words here. " * 100)
    (tmp_path / "broken.md").write_text("---\ntitle: [oops\n---\nSome body text that is fine.\n")
    (tmp_path / "copy.txt").write_text("A Title Of The Good Article\n\nThe council voted on the plan yesterday.\n")
    (tmp_path / "sources.yml").write_text("good.txt:\n  outlet: The Gazette\n  published: 2020-05-06\n")
    articles, skipped = read_articles(tmp_path, max_bytes=1000)
    assert [a.source for a in articles] == ["copy.txt"] or [a.source for a in articles] == ["good.txt"]
    reasons = {s.source: s.reason for s in skipped}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "front matter" in reasons["broken.md"]
    assert "same text" in (reasons.get("good.txt") or reasons.get("copy.txt"))


def test_sources_yml_corrects_metadata(tmp_path: Path):
    (tmp_path / "a.txt").write_text("The council voted on the plan yesterday.\n")
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: The Gazette\n  published: 2020-05-06\n  authors: Ann Lee\n")
    (article,), skipped = read_articles(tmp_path)
    assert (article.outlet, article.published, article.authors) == ("The Gazette", "2020-05-06", ["Ann Lee"])
    (tmp_path / "sources.yml").write_text("a.txt:\n  published: [1, 2]\n")
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["a.txt"], "a wrong correction is ignored, the article kept"
    assert skipped[0].source == "sources.yml" and "a.txt" in skipped[0].reason and "published" in skipped[0].reason
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: The Gazette\n  published: 2020-02-30\n")
    (article,), skipped = read_articles(tmp_path)
    assert article.outlet == "" and "ignored" in skipped[0].reason, "an entry reported as ignored is not half applied"
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: The Gazette\n  publshed: 2020-05-06\n")
    (article,), skipped = read_articles(tmp_path)
    assert article.outlet == "" and "unknown key(s) publshed" in skipped[0].reason


def test_seeds_read_cleanly():
    articles, skipped = read_articles(SEEDS)
    assert skipped == [] and len(articles) == 5
    text = "\n".join(p for a in articles for p in a.paragraphs)
    for furniture in ("Skip to", "Getty Images", "(Courtesy", "Next", "Watch coverage", "**", "p.dw.com",
                      "originally written in German", "Bird Flu"):
        assert furniture not in text
    repeated = next(a for a in articles if sum("duplicate" in r for r in a.removed) >= 6)
    assert len(repeated.paragraphs) == len(set(repeated.paragraphs))
    dw = next(a for a in articles if a.url)
    assert dw.published == "2025-03-23" and len(dw.authors) == 2


def test_reader_comments_end_the_article():
    body = ("The strike ended on Monday after talks.\n\nUnions said the deal was fair.\n\n"
            "February 3, 2011 at 8:05 am | Report abuse | This is a reader's opinion.\n\n--\n\n"
            "Another reader writes at length about something else entirely.")
    article = clean("page.txt", {}, body)
    assert article.paragraphs == ["The strike ended on Monday after talks.", "Unions said the deal was fair."]
    assert sum(r.startswith("reader comment:") for r in article.removed) == 3


def test_cached_reading_equals_plain_reading(tmp_path: Path):
    plain = read_articles(SEEDS)
    cache = tmp_path / "ingest"
    assert read_articles(SEEDS, cache=cache) == plain
    entries = sorted(cache.glob("*.pickle"))
    assert len(entries) == len(plain[0])
    entries[0].write_bytes(b"damaged")
    assert read_articles(SEEDS, cache=cache) == plain, "a damaged entry is read again"


def test_a_headline_and_dateline_glued_before_a_wire_lead_are_not_the_lead():
    body = ("By the Wire Staff Harbour strike spreads NEW: Union says talks failed Ports in the north also close "
            "Rotterdam, Netherlands (Wire) -- Dock workers in three more ports walked out on Monday. "
            "The union said talks had failed.\n\nJane Roe contributed to this report")
    article = clean("a.md", {"published": "2024-03-04"}, body)
    assert article.sentences[0].text == "Dock workers in three more ports walked out on Monday."
    assert article.title == "Dock workers in three more ports walked out on Monday."
    assert any("Harbour strike spreads" in r for r in article.removed)
    assert any(r.startswith("credit:") for r in article.removed)
    late = "The union met. " * 120 + "Officials (Wire) -- said nothing."
    assert clean("b.md", {}, late).paragraphs == [late.strip()], "far into the text, it is the story's own"
    undated = clean("c.md", {}, "By the Wire Staff Harbour strike spreads Dock workers walked out on Monday.")
    assert undated.paragraphs == ["Harbour strike spreads Dock workers walked out on Monday."]


def test_a_timestamp_and_a_headline_run_into_the_lead_are_taken_off_it():
    article = clean("bbc.txt", {}, "8 November 2011 Last updated at 06:28 GMT Help Port strike ends after talks "
                    "Port strike ends after two weeks of talks, the union said.\n\nShips sailed on Monday.")
    assert article.title == "Port strike ends after talks"
    assert article.paragraphs[0] == "Port strike ends after two weeks of talks, the union said."
    plain = clean("plain.txt", {}, "Dock workers walked out on Monday, and dock workers in two ports joined.")
    assert plain.paragraphs[0].startswith("Dock workers walked out")


def test_a_failed_server_side_include_is_furniture_wherever_it_sits():
    article = clean("ssi.txt", {}, "Page last updated at 08:03 GMT, Tuesday, 26 July 2011 09:03 UK (an error occurred "
                    "while processing this directive) Port strike ends after talks\n\nShips sailed on Monday, the port "
                    "said [an error occurred while processing this directive] after the vote.")
    assert article.title == "Port strike ends after talks"
    assert article.paragraphs == ["Ships sailed on Monday, the port said after the vote."]


def test_a_stray_quotation_mark_does_not_open_a_title():
    assert clean("q.txt", {}, "\" People protested before the vote.\n\nMore text here.").title == "People protested before the vote."


def test_a_comment_stamp_with_its_clock_twice_ends_the_article_too():
    body = ("The strike ended on Monday after talks.\n\n"
            "May 17, 2011 04:08 pm at 4:08 pm | It's unfortunate that this drags on.\n\nA reply.")
    assert clean("page.txt", {}, body).paragraphs == ["The strike ended on Monday after talks."]


def test_a_web_page_with_heavy_furniture_gives_its_story_and_metadata(tmp_path: Path):
    story = [
        "The harbour council voted on Tuesday to close the old pier after an inspection found deep cracks in its piles.",
        "Engineers said repairs would cost more than the pier earns in ten years, and the mayor backed the closure.",
        "Fishermen who moor there will move to the new marina, which the council says has room for every boat.",
        "A public meeting on what to build in the pier's place is planned for the spring, officials added.",
    ]
    menu = "".join(f"<li><a href='/section/{i}'>Section number {i} of the site</a></li>" for i in range(40))
    related = "".join(f"<li><a href='/story/{i}'>Another story about something else entirely, part {i}</a></li>"
                      for i in range(15))
    comments = "".join(f"<div class='comment'><p>Reader {i} wrote: I have lived here for years and never saw "
                       f"the pier so empty, what a shame it is for the town.</p></div>" for i in range(10))
    (tmp_path / "page.html").write_text(
        "<html><head><title>Council Closes The Old Pier | The Harbour Gazette</title>"
        "<meta property='og:site_name' content='The Harbour Gazette'>"
        "<meta property='article:published_time' content='Tue, 04 Mar 2025 09:30:00 GMT'>"  # not ISO: still a date
        "<meta name='author' content='Ann Lee'><script>var tracking = 'alert(1)';</script></head><body>"
        f"<header><nav><ul>{menu}</ul></nav></header>"
        "<div class='cookie-banner'>We use cookies to improve your experience. Accept all cookies</div>"
        "<main><article><h1>Council Closes The Old Pier</h1>"
        + "".join(f"<p>{p}</p>" for p in story[:2])
        + "<aside class='newsletter'>Sign up for our morning briefing, delivered free every day</aside>"
        + "".join(f"<p>{p}</p>" for p in story[2:])
        + f"</article></main><aside><h2>Related</h2><ul>{related}</ul></aside>"
        f"<section id='comments'>{comments}</section><footer>© 2025 The Harbour Gazette. All rights reserved.</footer>"
        "</body></html>")
    articles, skipped = read_articles(tmp_path)
    assert not skipped
    article = articles[0]
    text = " ".join(article.paragraphs)
    assert all(sentence in text for sentence in story)
    for furniture in ("Section number", "Another story", "Reader 3 wrote", "cookies", "All rights reserved",
                      "tracking"):
        assert furniture not in text, furniture
    assert article.published == "2025-03-04" and article.outlet == "The Harbour Gazette"
    assert article.authors == ["Ann Lee"] and "Council Closes The Old Pier" in article.title


def test_a_web_page_with_no_main_text_is_reported_by_name(tmp_path: Path):
    (tmp_path / "empty.html").write_text("<html><head><title>Nothing</title></head><body><nav>Home</nav></body></html>")
    (tmp_path / "good.txt").write_text("Harbour Strike Ends After Talks\n\nThe strike ended on May 2, 2024 after talks.\n")
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["good.txt"]
    assert [s.source for s in skipped] == ["empty.html"] and "text" in skipped[0].reason


def test_an_unreadable_sources_yml_is_reported_and_the_articles_read(tmp_path: Path, monkeypatch):
    (tmp_path / "a.txt").write_text("The council voted on the plan yesterday.\n")
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: The Gazette\n")
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if p.name == "sources.yml" else real(p))
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["a.txt"]
    assert [s.source for s in skipped] == ["sources.yml"] and "unreadable" in skipped[0].reason


def test_deeply_nested_html_is_read_in_one_pass_and_reported(tmp_path: Path):
    """20,000 nested blocks took the old reader 37 s; lxml caps the depth and the page is reported, not hung on."""
    (tmp_path / "deep.html").write_text("<html><body>" + "<blockquote>" * 20000 + "<p>The council met today.</p>"
                                        + "</blockquote>" * 20000 + "</body></html>")
    (tmp_path / "good.txt").write_text("The council voted on the plan yesterday.\n")
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["good.txt"] and [s.source for s in skipped] == ["deep.html"]
