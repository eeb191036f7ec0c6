from generators.extract import extract_article
from generators.extract.dates import Reference
from generators.ingest.cleaning import clean
from generators.reconcile import reconcile

from .conftest import story


def test_a_voice_is_who_speaks_not_who_is_spoken_of():
    s = story("In talks with Pedro Alves, a banker known for his fund, Rosa Lima explained that the plan was needed.",
              "Judge Marta Reis has passed sweeping reforms, drawing criticism from lawyers.")
    assert [v.speaker for v in s.views] == ["Rosa Lima"]
    assert s.views[0].stance == "for"


def test_reporters_and_the_publishing_outlet_are_not_voices():
    s = story("\"The square is full and the police have pulled back,\" said William Hague, a senior correspondent, "
              "on May 1, 2024.",
              "\"This government cannot survive another week of this,\" said Maria Gonzalez, a professor, on May 2, 2024.")
    hague = next(a for a in s.actors if a.name == "William Hague")
    assert "correspondent" in hague.role
    assert [v.speaker for v in s.views] == ["Maria Gonzalez"]


def test_the_outlet_that_publishes_the_story_is_not_a_voice_in_it():
    text = "On May 1, 2024, The Guardian newspaper said: \"This government cannot survive another week of this.\""
    articles = [clean("0.txt", {"published": "2024-05-01", "outlet": outlet}, text)
                for outlet in ("", "The Guardian")]
    voices = [[v.speaker for v in reconcile([a], [extract_article(a, Reference(2024, 5, 1))]).views] for a in articles]
    assert voices == [["Guardian"], []]
