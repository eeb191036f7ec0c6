from generators.extract import extract_article
from generators.ingest.cleaning import clean
from generators.ingest.repetition import set_aside_repeated

TRANSCRIPT = """Harbour Strike Enters Second Week; Interview With Port Director Aired March 10, 2024 - 18:00 ET THIS IS A RUSH TRANSCRIPT.

JANE ROE, WXYZ ANCHOR: Good evening, you are watching WXYZ. The strike at the harbour enters its second week.

With me is the port's director, Karl Ostrander.

ROE: Director, when will the port open again?

KARL OSTRANDER, PORT DIRECTOR: Not before the union and the owners sign an agreement on pay.

We lose about two million dollars every single day the cranes stand still.

ROE: And the workers?

ROE: Thanks

ROE: And the workers?

UNIDENTIFIED MALE: We will stay out until they pay us what the work is worth to them.

OSTRANDER: I respect the workers and I think a deal can be reached within days.

ROE: Karl Ostrander, thank you. I -- OSTRANDER: Thank you for having me on the show tonight, Jane.

JOHN DOE, WXYZ: Jane, the gates are still closed here tonight.
"""


def test_a_transcript_labels_who_speaks_each_paragraph_and_keeps_labels_out_of_the_text():
    article = clean("show.md", {}, TRANSCRIPT)
    assert article.title == "Harbour Strike Enters Second Week; Interview With Port Director"
    assert all(":" not in s.text for s in article.sentences)  # "ROE:" was once read as a link list's label
    by_text = {s.text: s.speaker for s in article.sentences}
    assert by_text["Good evening, you are watching WXYZ."] == "Jane Roe"
    assert by_text["With me is the port's director, Karl Ostrander."] == "Jane Roe"  # the turn goes on
    assert by_text["Director, when will the port open again?"] == "Jane Roe"  # family name to the full one
    assert by_text["I respect the workers and I think a deal can be reached within days."] == "Karl Ostrander"
    assert by_text["Karl Ostrander, thank you."] == "Jane Roe"
    assert by_text["Thanks"] == "Jane Roe"  # a short turn, and one said twice, are turns all the same
    assert [s.text for s in article.sentences].count("And the workers?") == 2
    assert by_text["I --"] == "Jane Roe"  # a label inside a paragraph: the words after it are the next speaker's
    assert by_text["Thank you for having me on the show tonight, Jane."] == "Karl Ostrander"
    assert article.speakers["Karl Ostrander"] == "port director"
    # the anchor and the reporter her network's name introduces tell the story: they are its authors
    assert article.authors == ["Jane Roe", "John Doe"]
    # a word of one presenter's role is no network: a guest who is a "national security adviser" is a guest
    from generators.ingest.transcripts import presenters
    assert presenters({"Jane Roe": "WXYZ chief national security correspondent",
                       "Bob Smith": "former national security adviser"}) == ["Jane Roe"]


def test_labels_of_an_ordinary_page_are_no_speakers():
    live = clean("live.md", {}, "BREAKING NEWS: The union said talks resume on Friday.\n\n"
                                "MORE NEWS: The port reopened one gate on Monday.\n\nNEWS: The mayor will speak.\n\n"
                                "Dock workers walked out on March 4, 2024, and closed the harbour.\n")
    assert not live.speakers
    article = clean("page.md", {}, "READ MORE: Why the strike matters to everyone.\n\n"
                                   "NEW: The union said talks resume on Friday.\n\n"
                                   "The port was closed on Monday after dock workers walked out.\n\n"
                                   "READ MORE: Ports across the region feel the strike.\n")
    assert not article.speakers and not article.turns
    assert [s.text for s in article.sentences] == ["The port was closed on Monday after dock workers walked out."]


def test_a_guests_turns_are_their_quotes_and_no_one_elses():
    quotes = extract_article(clean("show.md", {"published": "2024-03-10"}, TRANSCRIPT), None).quotes
    said = {(q.speaker, q.text) for q in quotes}
    assert ("Karl Ostrander", "Not before the union and the owners sign an agreement on pay. We lose about two "
                              "million dollars every single day the cranes stand still.") in said
    assert ("Karl Ostrander", "I respect the workers and I think a deal can be reached within days.") in said
    assert {speaker for speaker, _ in said} == {"Karl Ostrander"}  # not the anchor, not an unnamed man
    # a label names its speaker in full: another person of the same family name is not them
    show = TRANSCRIPT.replace("With me is the port's director, Karl Ostrander.",
                              "With me is Anna Ostrander, whose husband Karl runs the port.").replace(
        "Karl Ostrander, thank you.", "Thank you.")
    assert not extract_article(clean("show.md", {"published": "2024-03-10"}, show), None).quotes
    turn = next(q for q in quotes if q.text.startswith("Not before"))
    assert [p.quote for p in turn.provenance] == ["Not before the union and the owners sign an agreement on pay.",
                                                 "We lose about two million dollars every single day the cranes "
                                                 "stand still."]


def test_setting_aside_repeated_sentences_keeps_each_paragraphs_speaker():
    articles = [clean(f"show-{n}.md", {}, f"JANE ROE, WXYZ ANCHOR: Good evening, viewer {n}.\n\n"
                      f"Tonight we look at the {n}th harbour of the coast and its {n + 3} cranes standing still.\n\n"
                      f"KARL OSTRANDER, PORT DIRECTOR: Harbour number {n} loses money every day of the strike.\n\n"
                      f"ROE: Stay with us for more news after this break from our sponsors.\n\n"
                      f"OSTRANDER: We expect an agreement on pay for harbour {n} within days.\n")
                for n in range(6)]
    set_aside_repeated(articles)
    article = articles[0]
    assert any("Stay with us" in line for line in article.removed)
    assert len(article.turns) == len(article.paragraphs) == 4
    assert [s.speaker for s in article.sentences] == ["Jane Roe", "Jane Roe", "Karl Ostrander", "Karl Ostrander"]


def test_the_timeline_takes_what_presenters_report_not_what_guests_answer():
    show = TRANSCRIPT.replace("The strike at the harbour enters its second week.",
                              "Dock workers walked out on Monday, March 4, and closed the harbour.").replace(
        "I respect the workers", "We offered the union a new contract on March 8, and I respect the workers")
    events = extract_article(clean("show.md", {"published": "2024-03-10"}, show), None).events
    told = {(e.date.value, e.text) for e in events}
    assert ("2024-03-04", "Dock workers walked out on Monday, March 4, and closed the harbour.") in told
    assert not any("new contract" in text for _, text in told)  # the guest's claim is a quote, not a fact


def test_a_transcripts_stage_directions_are_no_actors():
    show = TRANSCRIPT.replace("And the workers?", "And the workers (INAUDIBLE) the harbour?")
    names = {a.name for a in extract_article(clean("show.md", {"published": "2024-03-10"}, show), None).actors}
    assert "Karl Ostrander" in names and "INAUDIBLE" not in names
