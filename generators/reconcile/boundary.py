"""The story's boundary: a folder gathered for one story also holds articles about others (a search brings
them). The story is what most of its articles name: the words of the names of the actors named in more than
KEYWORD_SHARE of the articles (the keywords DATEWISE is given with each T17 story, found instead of given). An
article that names none of them is about something else and is left out of every page; the sources page says
so. A folder with no such actor (articles about many stories, as a benchmark's) has no boundary, and one of
fewer than MIN_FOLDER articles is taken as chosen by hand: nothing is left out. An editor's `about_story` in
sources.yml decides over all this. Within an article about the story, only its sentences near one that names the
story give the story's facts (`story_sentences`).
"""

from __future__ import annotations

from dataclasses import replace

from ..extract import content_words
from ..model import Actor, Article, Extraction, SetAside

KEYWORD_SHARE = 0.3  # chosen by leave-one-topic-out over the development topics (`make eval`), for the timeline
MIN_FOLDER = 10  # articles: in fewer, "what most articles name" is one or two articles' words, and a hand-picked folder


def story_keywords(actors: list[Actor], articles: int, share: float = KEYWORD_SHARE) -> frozenset[str]:
    """The words of the names of the story's main actors, those named in more than `share` of its articles."""
    main = [a for a in actors if len({p.source for p in a.provenance}) > share * articles]
    return frozenset(w for a in main for name in (a.name, *a.aliases) for w in content_words(name))


def names_the_story(text: str, keywords: frozenset[str]) -> bool:
    """It names one of the story's keywords (any text does when there are none): about the story, not beside it."""
    return not keywords or bool(content_words(text) & keywords)


def folder_keywords(articles: list[Article], actors: list[Actor]) -> frozenset[str]:
    """The story's keywords, or none for a folder too small to tell what most of its articles name."""
    return story_keywords(actors, len(articles)) if len(articles) >= MIN_FOLDER else frozenset()


def beside_the_story(articles: list[Article], keywords: frozenset[str]) -> list[SetAside]:
    """The articles to leave out, each with its reason."""
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


WINDOW = 2  # sentences either side of one that names the story: a roundup's other items are further off


def story_sentences(article: Article, keywords: frozenset[str]) -> set[int]:
    """The article's sentences about the story: those within WINDOW sentences of one that names it. A roundup or a
    show covers several stories, one after another; its snowstorm's totals and a trial's counts are not this
    story's facts, even in an article that is about it elsewhere."""
    naming = [s.index for s in article.sentences if names_the_story(s.text, keywords)]
    return {near for i in naming for near in range(i - WINDOW, i + WINDOW + 1)}


def within_the_story(extraction: Extraction, on_story: set[int]) -> Extraction:
    """What the article says in its sentences about the story: the rest is on its page, not in the story's."""
    def kept(items: list) -> list:
        return [item for item in items if item.provenance[0].sentence in on_story]
    actors = []
    for actor in extraction.actors:
        cited = [p for p in actor.provenance if p.sentence in on_story]
        if cited:
            actors.append(replace(actor, provenance=cited, mentions=min(actor.mentions, len(cited))))
    return replace(extraction, figures=kept(extraction.figures), actors=actors, quotes=kept(extraction.quotes),
                   statements=kept(extraction.statements))
