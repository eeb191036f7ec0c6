from generators.extract.dates import Reference
from generators.extract.events import extract_events
from generators.model import Sentence


def events(*texts, published="2025-03-23"):
    sentences = [Sentence("a.txt", i, t, 0) for i, t in enumerate(texts)]
    return [(e.date.value, e.scheduled) for e in extract_events(sentences, Reference(2025, 3, 23), published)]


def test_a_dated_sentence_is_an_event_and_a_later_date_is_scheduled():
    assert events("Protests began on March 3, 2025.", "The runoff is on April 13.") == [
        ("2025-03-03", False), ("2025-04-13", True)]


def test_a_question_is_no_event():
    assert events("What are you doing today?", "Did the talks fail on Monday?\"") == []
