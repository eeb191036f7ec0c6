"""The story's boundary: a folder gathered for one story also holds articles about others (a search brings
them). The story is what most of its articles name: the words of the names of the actors named in more than
KEYWORD_SHARE of the articles (the keywords DATEWISE is given with each T17 story, found instead of given). An
article that names none of them is about something else and is left out of every page; the sources page says
so. A folder with no such actor (articles about many stories, as a benchmark's) has no boundary, and one of
fewer than MIN_FOLDER articles is taken as chosen by hand: nothing is left out. An editor's `about_story` in
sources.yml decides over all this.
"""

from __future__ import annotations

from ..extract import content_words
from ..model import Actor, Article, SetAside

KEYWORD_SHARE = 0.3  # chosen by leave-one-topic-out over the development topics (`make eval`), for the timeline
MIN_FOLDER = 10  # articles: in fewer, "what most articles name" is one or two articles' words, and a hand-picked folder


def story_keywords(actors: list[Actor], articles: int, share: float = KEYWORD_SHARE) -> frozenset[str]:
    """The words of the names of the story's main actors, those named in more than `share` of its articles."""
    main = [a for a in actors if len({p.source for p in a.provenance}) > share * articles]
    return frozenset(w for a in main for name in (a.name, *a.aliases) for w in content_words(name))


def names_the_story(text: str, keywords: frozenset[str]) -> bool:
    """It names one of the story's keywords (any text does when there are none): about the story, not beside it."""
    return not keywords or bool(content_words(text) & keywords)


def beside_the_story(articles: list[Article], actors: list[Actor]) -> list[SetAside]:
    """The articles to leave out, each with its reason."""
    keywords = story_keywords(actors, len(articles)) if len(articles) >= MIN_FOLDER else frozenset()
    aside = []
    for article in articles:
        if article.about_story is False:
            aside.append(SetAside(article.source, article.title, "left out by sources.yml (about_story: false)"))
        elif article.about_story is None and not names_the_story(" ".join([article.title, *article.paragraphs]),
                                                                  keywords):
            aside.append(SetAside(article.source, article.title, "names none of the names most articles share ("
                                  + ", ".join(sorted(keywords)[:12]) + "); sources.yml `about_story: true` "
                                  "brings it back"))
    return aside
