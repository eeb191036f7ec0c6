from pathlib import Path

import pytest

from generators.ingest import IngestError, read_articles
from generators.ingest.readers import split_front_matter


def test_front_matter_metadata_and_errors():
    meta, body = split_front_matter("---\ntitle: T\npublished: 2011-02-01\n---\nBody text here.\n")
    assert meta == {"title": "T", "published": "2011-02-01"} and body == "Body text here.\n"  # dates stay text
    with pytest.raises(IngestError, match="front matter"):
        split_front_matter("---\ntitle: [unclosed\n---\nBody.\n")
    with pytest.raises(IngestError, match="front matter"):
        split_front_matter("---\na: &x [1, 2]\nb: [*x, *x]\n---\nBody.\n")  # aliases refused


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


def test_deeply_nested_html_is_read_in_one_pass_and_reported(tmp_path: Path):
    """20,000 nested blocks took the old reader 37 s; lxml caps the depth and the page is reported, not hung on."""
    (tmp_path / "deep.html").write_text("<html><body>" + "<blockquote>" * 20000 + "<p>The council met today.</p>"
                                        + "</blockquote>" * 20000 + "</body></html>")
    (tmp_path / "good.txt").write_text("The council voted on the plan yesterday.\n")
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["good.txt"] and [s.source for s in skipped] == ["deep.html"]


def test_a_web_pages_headings_and_list_items_are_part_of_its_text(tmp_path: Path):
    """trafilatura chose the main text block by block: its subheadings and list items are text, not menus."""
    (tmp_path / "page.html").write_text(
        "<html><head><title>Council Closes The Old Pier</title></head><body><article>"
        "<h1>Council Closes The Old Pier</h1>"
        "<p>The harbour council voted on Tuesday to close the old pier after an inspection found deep cracks.</p>"
        "<h2>What happens to the boats</h2><ul><li>Trawlers: the new marina</li><li>Ferries: the east quay</li></ul>"
        "<p>Engineers said repairs would cost more than the pier earns in ten years, the mayor said.</p>"
        "</article></body></html>")
    articles, skipped = read_articles(tmp_path)
    assert not skipped
    assert articles[0].title == "Council Closes The Old Pier"
    assert articles[0].paragraphs[1:4] == ["What happens to the boats", "Trawlers: the new marina",
                                           "Ferries: the east quay"]
    assert "Council Closes The Old Pier" not in articles[0].paragraphs, "the headline is the title, not text"


def test_a_page_whose_precise_reading_finds_no_sentence_is_read_again_generously(tmp_path: Path, monkeypatch):
    import trafilatura

    real = trafilatura.bare_extraction
    asked = []

    def precise_finds_a_date(text, **settings):
        asked.append(sorted(settings.items()))
        return real("<html><body><article><p>May 19, 2020</p></article></body></html>", **settings) \
            if settings.get("favor_precision") else real(text, **settings)

    monkeypatch.setattr(trafilatura, "bare_extraction", precise_finds_a_date)
    (tmp_path / "page.html").write_text(
        "<html><body><article><p>The harbour council voted on Tuesday to close the old pier after an inspection "
        "found deep cracks in its piles, and fishermen will move to the new marina.</p></article></body></html>")
    articles, skipped = read_articles(tmp_path)
    assert not skipped and "voted on Tuesday" in articles[0].paragraphs[0]
    assert [dict(s).get("favor_recall") for s in asked] == [None, True]
