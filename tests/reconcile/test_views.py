from generators.extract import extract_article
from generators.extract.dates import Reference
from generators.ingest.cleaning import clean
from generators.reconcile import reconcile

from .conftest import story


def titled_story(title, *texts):
    articles = [clean(f"{i}.txt", {"published": "2024-05-01", "title": title}, text) for i, text in enumerate(texts)]
    return reconcile(articles, [extract_article(a, Reference(2024, 5, 1)) for a in articles])


HARBOUR = ("Maria Lopes, a port official, said the new harbour was needed and would help the city.",
           "Rui Santos, an engineer, warned that the new harbour was a dangerous mistake.")


def test_a_headline_that_asks_for_something_is_debated_when_two_voices_take_sides():
    s = titled_story("Mayor calls for a new harbour", *HARBOUR)
    assert s.debate == "Mayor calls for a new harbour"
    assert {v.speaker: v.stance for v in s.views} == {"Maria Lopes": "for", "Rui Santos": "against"}


def test_a_story_of_events_or_a_proposal_one_voice_speaks_to_has_no_debate_and_no_stance():
    """No stance against an earthquake: a headline that asks for nothing is no question; nor is one voice a debate."""
    for s in (titled_story("A powerful earthquake has hit the city", *HARBOUR),
              titled_story("Mayor calls for a new harbour", HARBOUR[0])):
        assert s.debate == "" and s.views and {v.stance for v in s.views} == {"unclear"}


def test_an_opening_sentence_taken_for_a_headline_is_not_a_proposal():
    from generators.reconcile import debated_proposal
    lead = ("As rebel and government forces manoeuvred on the battlefield on Wednesday, the country's leader urged "
            "the president of a neighbouring state to halt the strikes…")
    assert debated_proposal(lead) == "" and debated_proposal("Council votes to close the old bridge")


def test_a_voice_is_who_speaks_not_who_is_spoken_of():
    s = story("In talks with Pedro Alves, a banker known for his fund, Rosa Lima explained that the plan was needed.",
              "Judge Marta Reis has passed sweeping reforms, drawing criticism from lawyers.")
    assert [v.speaker for v in s.views] == ["Rosa Lima"]


def test_reporters_and_the_publishing_outlet_are_not_voices():
    s = story("\"The square is full and the police have pulled back,\" said William Hague, a senior correspondent, "
              "on May 1, 2024.",
              "\"This government cannot survive another week of this,\" said Maria Gonzalez, a professor, on May 2, 2024.")
    hague = next(a for a in s.actors if a.name == "William Hague")
    assert "correspondent" in hague.role
    assert [v.speaker for v in s.views] == ["Maria Gonzalez"]


def test_the_outlet_that_publishes_the_story_is_not_a_voice_in_it():
    text = "On May 1, 2024, The Guardian said: \"This government cannot survive another week of this.\""
    articles = [clean("0.txt", {"published": "2024-05-01", "outlet": outlet}, text)
                for outlet in ("", "The Guardian")]
    voices = [[v.speaker for v in reconcile([a], [extract_article(a, Reference(2024, 5, 1))]).views] for a in articles]
    assert voices == [["Guardian"], []]


def test_a_reporter_of_one_article_is_no_voice_in_another():
    texts = {"0.txt": ("By Jane Roe\n\nDock workers walked out on May 1, 2024, and the port was closed.", {}),
             "1.txt": ("\"The strike will last for weeks, whatever the owners offer,\" said Jane Roe on May 2, 2024.\n\n"
                       "\"This government cannot survive another week of this,\" said Maria Gonzalez, a professor.",
                       {})}
    articles = [clean(name, {"published": "2024-05-01", **meta}, text) for name, (text, meta) in texts.items()]
    assert articles[0].authors == ["Jane Roe"]
    s = reconcile(articles, [extract_article(a, Reference(2024, 5, 1)) for a in articles])
    assert [v.speaker for v in s.views] == ["Maria Gonzalez"]


def test_a_voice_many_articles_quote_leads_one_a_single_interview_quotes_at_length():
    interview = " ".join(f"\"The harbour needs its {n} new cranes before the summer season starts,\" said Rui Santos."
                         for n in ("first", "second", "third"))
    s = story(interview, "\"This strike cannot go on for another week,\" said Maria Gonzalez, a professor.",
              "\"The owners must return to the table and pay,\" said Maria Gonzalez.")
    assert [(v.speaker, len(v.quotes)) for v in s.views] == [("Maria Gonzalez", 2), ("Rui Santos", 3)]


def reported(s):
    """Each voice's reported statements: the clause its verb of saying governs."""
    text = {statement.id: statement.text for statement in s.statements}
    return {v.speaker: [text[i] for i in v.reported] for v in s.views if v.reported}


def test_reported_speech_is_credited_by_surname_and_by_a_pronoun_with_one_antecedent():
    s = story("Maria Lopes, a port official, toured the docks on Monday. Lopes said the harbour was too small. "
              "She also said the city should borrow to build a new one.")
    assert reported(s) == {"Maria Lopes": ["the harbour was too small", "the city should borrow to build a new one"]}


def test_a_pronoun_with_two_people_before_it_and_two_names_before_one_verb_credit_the_right_one_or_none():
    s = story("Maria Lopes met Rui Santos at the docks on Monday. She said the harbour was too small.",
              "Maria Lopes's deputy, Rui Santos, said the harbour would be finished by June.")
    assert reported(s) == {"Rui Santos": ["the harbour would be finished by June"]}
