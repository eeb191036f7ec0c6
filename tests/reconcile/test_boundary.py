"""The story's boundary: articles about other stories are left out of every page, and said to be."""

from generators.extract import extract_article
from generators.extract.dates import Reference
from generators.ingest.cleaning import clean
from generators.model import Actor, Provenance
from generators.reconcile import reconcile
from generators.reconcile.boundary import story_keywords

STORY = [f"Protesters in Cairo marched against President Hosni Mubarak on day {n}, and Mubarak's police "
         f"fired tear gas at {n + 100} of them, witnesses said." for n in range(11)]
OTHER = "Manchester United beat Arsenal 2-1 on Saturday, and Alex Ferguson praised Wayne Rooney's goal."


def build(texts, overrides=None):
    articles = [clean(f"{i}.txt", {"published": "2011-01-28"}, text) for i, text in enumerate(texts)]
    for number, about in (overrides or {}).items():
        articles[number].about_story = about
    return reconcile(articles, [extract_article(a, Reference(2011, 1, 28)) for a in articles])


def test_an_article_about_another_story_is_left_out_of_every_page_and_listed():
    story = build([*STORY, OTHER])
    assert len(story.articles) == 11
    assert [(s.source, s.reason.split(" (")[0]) for s in story.set_aside] == [
        ("11.txt", "names none of the names most articles share")]
    assert "mubarak" in story.set_aside[0].reason and "about_story: true" in story.set_aside[0].reason
    names = {a.name for a in story.actors}
    assert "Alex Ferguson" not in names and "Hosni Mubarak" in names
    assert all(p.source != "11.txt" for f in story.figures for p in f.provenance)


def test_a_folder_of_many_stories_has_no_boundary():
    others = [f"{name} won the regional chess title on Sunday in {town}." for name, town in
              [("Ann Lee", "Leeds"), ("Bo Chen", "Derby"), ("Cy Park", "Bath"), ("Di Roy", "York")]]
    story = build(others)
    assert story.set_aside == [] and len(story.articles) == 4


def test_an_editor_decides_over_the_boundary():
    story = build([*STORY, OTHER], overrides={11: True, 0: False})
    assert [s.source for s in story.set_aside] == ["0.txt"]
    assert "about_story: false" in story.set_aside[0].reason
    assert "11.txt" in {a.source for a in story.articles}


def test_the_story_keywords_are_the_names_of_the_actors_most_articles_name():
    def actor(name: str, sources: int, *aliases: str) -> Actor:
        return Actor(name.lower(), name, "person", list(aliases),
                     provenance=[Provenance(f"{i}.txt", 0, name) for i in range(sources)])

    actors = [actor("Muammar Gaddafi", 6, "Gadhafi"), actor("Ali Zeidan", 2)]
    assert story_keywords(actors, 10, 0.3) == {"muammar", "gaddafi", "gadhafi"}
    assert story_keywords(actors, 10, 1.0) == frozenset()


ROUNDUP = ("Protesters in Cairo defied the curfew on Friday, and Mubarak's police fired at them. "
           "Witnesses counted 300 protesters in the square. The army stayed back. "
           "In other news, a snowstorm closed the airports of New England. "
           "Boston expects 18 inches of snow by Monday, said Mayor Tom Menino. "
           "Schools will stay closed for two days, officials said. "
           "In Brooklyn, Maksim Gelman was charged on four counts of murder.")


def test_a_roundup_gives_the_story_only_what_it_tells_near_the_story():
    story = build([*STORY, ROUNDUP])
    figures = {(f.value, p.source) for f in story.figures for p in f.provenance}
    assert (300, "11.txt") in figures  # two sentences after "Cairo", "Mubarak": the story's
    assert not any(source == "11.txt" and value in (18, 4) for value, source in figures)  # the snow's, the trial's
    names = {a.name for a in story.actors}
    assert "Tom Menino" not in names and "Maksim Gelman" not in names and "Hosni Mubarak" in names
    assert any(s.source == "11.txt" for s in story.articles)  # the article itself stays, whole on its page


def test_an_article_an_editor_keeps_in_keeps_all_it_says():
    story = build([*STORY, ROUNDUP], overrides={11: True})
    assert "Maksim Gelman" in {a.name for a in story.actors}
