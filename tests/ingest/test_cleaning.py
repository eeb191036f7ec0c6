from generators.ingest.cleaning import clean

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


def test_reader_comments_end_the_article():
    body = ("The strike ended on Monday after talks.\n\nUnions said the deal was fair.\n\n"
            "February 3, 2011 at 8:05 am | Report abuse | This is a reader's opinion.\n\n--\n\n"
            "Another reader writes at length about something else entirely.")
    article = clean("page.txt", {}, body)
    assert article.paragraphs == ["The strike ended on Monday after talks.", "Unions said the deal was fair."]
    assert sum(r.startswith("reader comment:") for r in article.removed) == 3


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


def test_the_agency_a_dateline_names_is_the_articles_outlet_unless_its_metadata_names_one():
    body = "ROTTERDAM, Netherlands (Wire) -- Dock workers in three more ports walked out on Monday."
    assert clean("a.md", {"published": "2024-03-04"}, body).outlet == "Wire"
    assert clean("b.md", {"outlet": "The Harbour Times"}, body).outlet == "The Harbour Times"
    assert clean("c.md", {}, "Dock workers in three more ports walked out on Monday.").outlet == ""


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


def test_a_live_pages_clock_stamp_is_not_part_of_its_entry():
    body = ("(9:22 p.m. ET, 3:22 a.m. in Libya) Forces loyal to the leader are honoring a cease-fire.\n\n"
            "(Update 2:15 p.m. in Cairo, 7:15 a.m. ET) -- Egypt began its first regular work day.\n\n"
            "LIBYA, 6:28 p.m. ET, 1:28 a.m. local: The ambassador urged protesters to keep going.\n\n"
            "Officials, 5:30 p.m. meeting: the council met at 5:30 p.m. in the capital.")
    texts = [s.text for s in clean("a.txt", {"title": "Live"}, body).sentences]
    assert texts[:3] == ["Forces loyal to the leader are honoring a cease-fire.", "Egypt began its first regular work day.",
                         "The ambassador urged protesters to keep going."]
    assert texts[3].startswith("Officials, 5:30 p.m. meeting:"), "only a stamp in capitals or brackets"
