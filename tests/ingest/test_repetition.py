"""Furniture by repetition: what many articles of a folder print verbatim is set aside, reprinted stories are not."""

from __future__ import annotations

from generators.ingest.cleaning import clean
from generators.ingest.repetition import find_repeated, set_aside_repeated, threshold
from generators.model import Article

TOPICS = ["harbour", "railway", "school", "bridge", "market", "clinic", "stadium", "library", "airport", "museum",
          "factory", "hospital", "prison", "theatre", "tunnel", "garden", "court", "station", "quarry", "canal"]
FOOTER = "This discussion is now closed and comments are not pre-screened before they post."


def article(number: int, *extra: str, title: str = "") -> Article:
    topic = TOPICS[number % len(TOPICS)]
    lines = [title] if title else []
    lines += [f"The council of town {number} voted on Monday to rebuild the {topic} by spring.",
              f"Residents of town {number} said the {topic} had been closed for {number + 2} months.",
              *extra,
              f"Work on the {topic} in town {number} will cost {number + 10} million pounds, officials said."]
    return clean(f"{number:02d}.txt", {}, "\n".join(lines))


def folder(size: int, footer_in: int) -> list[Article]:
    return [article(n, *([FOOTER] if n < footer_in else [])) for n in range(size)]


def test_a_sentence_many_articles_print_is_set_aside_with_its_reason():
    articles = folder(20, footer_in=6)
    found = set_aside_repeated(articles)
    assert [(r.text, r.articles) for r in found] == [(FOOTER, 6)]
    for a in articles:
        assert all(s.text != FOOTER for s in a.sentences)
        assert len(a.sentences) == 3  # the article's own sentences stay, renumbered
        assert [s.index for s in a.sentences] == [0, 1, 2]
    assert articles[0].removed == [f"repeated across the folder (6 articles): {FOOTER}"]
    assert articles[10].removed == []


def test_fewer_articles_than_the_threshold_keep_the_sentence():
    articles = folder(20, footer_in=4)
    assert set_aside_repeated(articles) == []
    assert sum(FOOTER in a.paragraphs for a in articles) == 4


def test_the_threshold_grows_with_the_folder():
    assert threshold(5) == 5 and threshold(100) == 5 and threshold(1000) == 30
    articles = folder(300, footer_in=8)  # 8 of 300 is under 3%: a fact several outlets repeated, not a box
    assert find_repeated(articles) == {}


def test_a_reprinted_story_keeps_its_sentences():
    shared = [f"The flood reached the old {topic} before dawn, police said." for topic in TOPICS[:5]]
    articles = [clean(f"{n:02d}.txt", {}, "\n".join([f"Town {n} residents were warned on Sunday.", *shared]))
                for n in range(6)]
    articles += folder(10, footer_in=0)
    assert find_repeated(articles) == {}
    assert all(len(a.sentences) == 6 for a in articles[:6])


def test_a_repeated_title_gives_way_to_the_lead():
    caption = "Can Not Play Media On This Device"
    articles = [article(n, title=caption if n < 7 else f"Town {n} rebuilds its {TOPICS[n]}") for n in range(20)]
    assert articles[0].title == caption
    set_aside_repeated(articles)
    assert articles[0].title == "The council of town 0 voted on Monday to rebuild the harbour by spring."
    assert articles[0].removed == [f"repeated across the folder (7 articles), as a title: {caption}"]
    assert articles[12].title == "Town 12 rebuilds its prison"


def test_an_editor_keeps_an_article_as_it_is():
    articles = folder(20, footer_in=6)
    set_aside_repeated(articles, keep={"00.txt"})
    assert FOOTER in articles[0].paragraphs and FOOTER not in articles[1].paragraphs


def test_a_title_atop_articles_of_three_days_is_set_aside_with_the_line_but_one_days_updates_keep_theirs():
    """Fewer articles than the threshold: a promo headline atop a live page's entries of several days goes, and so
    does the line in each text; a wire story's lead atop its updates of one or two days stays theirs."""
    promo, lead = "Two men charged after a concert in Porto Alto", "The council of Nairobi met to vote on the budget"
    articles = [article(n, title=promo if n < 3 else lead if n < 6 else "") for n in range(60)]
    for n, day in enumerate(["2024-05-01", "2024-05-02", "2024-05-04", "2024-05-01", "2024-05-01", "2024-05-02"]):
        articles[n].published = day
    assert threshold(len(articles)) > 3
    set_aside_repeated(articles)
    assert [a.title for a in articles[:3]] == [a.sentences[0].text for a in articles[:3]]
    assert all(promo not in s.text for a in articles[:3] for s in a.sentences)
    assert [a.title for a in articles[3:6]] == [lead] * 3
