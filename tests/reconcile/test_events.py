from .conftest import story


def test_same_fact_in_two_articles_is_one_item_with_two_sources():
    s = story("The city council approved the new harbour plan on April 3, 2024 after a long debate.",
              "After a long debate, the city council approved the harbour plan on April 3, 2024.")
    events = [e for e in s.events if e.date.value == "2024-04-03"]
    assert len(events) == 1 and {p.source for p in events[0].provenance} == {"0.txt", "1.txt"}


def test_one_event_told_with_its_figure_merges_even_in_other_words():
    s = story("The ministry counted 410 burglaries in June 2023, the worst month yet.",
              "June 2023 set a grim record, with police reporting 460 burglaries.")
    (june,) = [e for e in s.events if e.date.value == "2023-06"]
    assert {p.source for p in june.provenance} == {"0.txt", "1.txt"}


def test_a_trend_over_several_years_is_a_figure_series_not_an_event():
    s = story("Inflation rose from 2.1% in 2021 to 7.4% in 2022 and 9.9% in 2023.",
              "The central bank was founded in 1998.")
    assert [e.date.value for e in s.events] == ["1998"]
    assert len([f for f in s.figures if f.unit == "%"]) == 3


def test_an_event_one_source_tells_as_past_is_not_scheduled_though_another_expected_it():
    s = story("The dock workers will begin their strike at the harbour on May 20, 2024.",
              "The dock workers began their strike at the harbour on May 20, 2024.",
              "The harbour festival will open on June 2, 2024.")
    by_date = {e.date.value: e for e in s.events}
    assert len(by_date["2024-05-20"].provenance) == 2 and not by_date["2024-05-20"].scheduled
    assert by_date["2024-06-02"].scheduled


def test_a_day_much_written_about_wins_a_tie_between_dates():
    from collections import Counter

    from generators.timeline import select_timeline
    s = story("The council met on May 2, 2024 to debate.", "The mayor resigned on May 3, 2024 after the debate.")
    assert [e.date.value for e in select_timeline(s.events, dates=1, per_date=1)] == ["2024-05-02"]
    busy = Counter({"2024-05-03": 3})
    assert [e.date.value for e in select_timeline(s.events, dates=1, per_date=1, published=busy)] == ["2024-05-03"]


def test_a_timeline_entry_that_leans_on_the_sentence_before_gives_way_to_one_that_stands_alone():
    from generators.timeline import select_timeline
    said = "He said the council approved the new budget on May 2, 2024."
    s = story(said, said, "Dock workers voted to end the strike on May 2, 2024.")  # told twice: more central
    assert len(s.events) == 2
    (chosen,) = select_timeline(s.events, dates=1, per_date=1)
    assert chosen.text.startswith("Dock workers")


def test_the_telling_an_event_shows_is_the_first_it_cites():
    s = story("After a long and bitter debate that ran late into the night, the city council approved the new "
              "harbour plan on April 3, 2024.",
              "The city council approved the harbour plan on April 3, 2024.")
    (event,) = [e for e in s.events if e.date.value == "2024-04-03"]
    assert event.text == "The city council approved the harbour plan on April 3, 2024."
    assert event.provenance[0].quote == event.text and event.provenance[0].source == "1.txt"
    assert len(event.provenance) == 2


def test_two_facts_of_one_day_that_share_a_phrase_stay_two_events():
    """A reader of t17-libya found one Tuesday's entry citing Clinton's call, Japan's sanctions and an envoy's offer:
    a shared phrase is not a shared fact."""
    s = story("On March 5, 2024, the minister told reporters the international community must support the plan.",
              "On March 5, 2024, as the international community sought to isolate the government, Japan imposed "
              "sanctions.")
    tuesday = [e for e in s.events if e.date.value == "2024-03-05"]
    assert len(tuesday) == 2 and all(len({p.source for p in e.provenance}) == 1 for e in tuesday)


def test_two_tolls_of_one_day_in_other_words_stay_two_events():
    s = story("On May 5, 2024, 50 people were killed in the port when shells hit the market.",
              "Rebels said 12 people were killed on May 5, 2024 in fighting near the airport.")
    assert len([e for e in s.events if e.date.value == "2024-05-05"]) == 2


def test_the_words_of_the_whole_story_do_not_make_two_facts_one():
    s = story("On March 5, 2024, Libyan leader Muammar Gaddafi's forces shelled the port of Misrata.",
              "On March 5, 2024, Britain urged the African Union to tell Libyan leader Muammar Gaddafi to step down.",
              "Libyan leader Muammar Gaddafi spoke on television at length.",
              "Libyan leader Muammar Gaddafi has ruled the country for decades.")
    assert len([e for e in s.events if e.date.value == "2024-03-05"]) == 2
