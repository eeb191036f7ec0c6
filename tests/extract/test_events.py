from generators import language
from generators.extract.dates import Reference
from generators.extract.events import extract_events
from generators.model import Sentence


def events(*texts, published="2025-03-23"):
    sentences = [Sentence("a.txt", i, t, 0) for i, t in enumerate(texts)]
    docs = language.analyse(list(texts))
    return [(e.date.value, e.scheduled) for e in extract_events(sentences, Reference(2025, 3, 23), published, docs)]


def test_a_dated_sentence_is_an_event_and_a_later_date_is_scheduled():
    assert events("Protests began on March 3, 2025.", "The runoff is on April 13.") == [
        ("2025-03-03", False), ("2025-04-13", True)]


def test_scheduled_means_future_wording_not_a_date_that_reads_as_later():
    # a past verb about a date after the article's (a misread year, a stale article date) is still the past
    assert events("The bishop held a service on March 30, 2025.", "A satellite image taken on April 2, 2025.",
                  "Ministers will meet on April 20.", "The vote is due on April 27.") == [
        ("2025-03-30", False), ("2025-04-02", False), ("2025-04-20", True), ("2025-04-27", True)]
    # "is due on Monday", written on a Sunday: the coming Monday, not the one before
    assert events("The vote is due on Monday.", "The runoff is scheduled on Friday.") == [
        ("2025-03-24", True), ("2025-03-28", True)]


def test_a_question_is_no_event():
    assert events("What are you doing today?", "Did the talks fail on Monday?\"") == []


def test_news_is_a_present_perfect_in_the_writers_voice_not_a_state_a_past_or_a_quotation():
    from generators.extract.events import news_sentences

    texts = ["The harbour board has sacked its chief.", "Two dockers have been arrested.",
             "The region has long been wary of foreign troops.", "The board sacked its chief.",
             "“We have lost everything,” a docker said.", "Has the board sacked its chief?"]
    sentences = [Sentence("a.txt", i, t, 0) for i, t in enumerate(texts)]
    assert news_sentences(sentences, language.analyse(texts)) == (0, 1)
