from generators.reconcile.conflicts import OVER_PERIODS, RELATIVE_DATE, TITLE_OVER_TIME

from .conftest import dated_story, story


def test_same_figure_for_different_periods_is_held_back_for_the_editor_not_shown():
    """"fell 16% in 2024" and "dropped 16% since 2023" may be one fall told two ways: no disagreement to publish."""
    s = story("The murder rate fell by 16% in 2024, officials said.",
              "The murder rate has dropped by 16% since 2023, officials said.")
    assert not s.conflicts
    (conflict,) = [c for c in s.held_back if c.kind == "period"]
    assert {v.value for v in conflict.values} == {"2024", "since 2023"}
    assert conflict.doubt == OVER_PERIODS


def test_title_and_former_title_are_held_back_naming_each_side():
    s = story("The minister met President Ana Ruiz in the capital on Monday.",
              "The minister met former President Ana Ruiz in the capital on Monday.")
    assert not [c for c in s.conflicts if c.kind == "role"]
    (conflict,) = [c for c in s.held_back if c.kind == "role"]
    assert {v.value for v in conflict.values} == {"President", "former President"}
    assert {p.source for v in conflict.values for p in v.provenance} == {"0.txt", "1.txt"}
    assert conflict.doubt == TITLE_OVER_TIME


def test_a_title_worded_several_ways_is_one_held_back_disagreement():
    s = story("The minister met President Ana Ruiz in the capital on Monday.",
              "The minister met former President Ana Ruiz in the capital on Monday.",
              "The minister met former US President Ana Ruiz in the capital on Monday.")
    (conflict,) = [c for c in s.held_back if c.kind == "role"]
    assert {v.value for v in conflict.values} == {"President", "former President", "former US President"}


def test_former_a_few_words_before_a_title_is_no_current_holder():
    """"Former Libyan Foreign Minister X" gives the title "Libyan Foreign Minister" to a former holder."""
    from generators.model import Actor, Provenance
    from generators.reconcile.conflicts import role_conflicts
    said = [Provenance("0.txt", 0, "Former Libyan Foreign Minister Ana Ruiz flew to Doha on Monday."),
            Provenance("1.txt", 0, "Libyan Foreign Minister Ana Ruiz met the envoy on Monday."),
            Provenance("2.txt", 0, "Her former foreign minister Ana Ruiz spoke in London on Monday.")]
    ruiz = Actor("actor-1", "Ana Ruiz", "person", roles=["Libyan Foreign Minister", "former foreign minister"],
                 provenance=said)
    (conflict,) = role_conflicts([ruiz])
    assert {v.value: [p.source for p in v.provenance] for v in conflict.values} == {
        "former foreign minister": ["2.txt"], "Libyan Foreign Minister": ["1.txt"]}


def test_one_event_with_two_dates_is_flagged_but_a_year_and_its_day_are_not():
    s = story("The national assembly approved the new fisheries law on March 3, 2024 after a long debate.",
              "The national assembly approved the new fisheries law on March 5, 2024 after a long debate.",
              "In 2024 the national assembly approved the new fisheries law after a long debate.")
    (conflict,) = [c for c in s.conflicts if c.kind == "date"]
    assert {v.value for v in conflict.values} == {"2024-03-03", "2024-03-05"}


def test_a_count_of_what_happened_is_a_measure_whose_period_can_differ():
    s = story("In 2023, 12 officers were hurt.", "Since 2022, 12 officers were hurt.")
    assert [c.about for c in s.held_back] == ["12 officers hurt: over which period?"]


def test_the_disputed_items_are_named_by_their_disagreement():
    s = story("In January 2024 the police recorded 731 homicides, and 12 new police stations opened.",
              "In January 2024 the police recorded 781 homicides across the country.")
    (conflict,) = s.conflicts
    disputed = {i for i in conflict.items if i.startswith("figure-")}
    assert {f.text for f in s.figures if f.id in disputed} == {"731", "781"}
    assert any(i.startswith("event-") for i in conflict.items), "the event told with the disputed number"


def test_today_in_two_articles_of_different_days_is_no_date_disagreement():
    from generators.model import DateRef, Event, Provenance
    from generators.reconcile.conflicts import date_conflicts
    text = "The student news show maps the rebel advance along the coast road for viewers {}."

    def event(day, rule, source):
        said = text.format(source)
        return Event(f"e{day}", DateRef(f"2011-03-{day}", "day"), said, False, [Provenance(source, 0, said)],
                     signal=f"date rule {rule}: “x”")
    assert date_conflicts([event("09", "relative-day", "a.md"), event("23", "relative-day", "b.md")]) == []
    (conflict,) = date_conflicts([event("09", "month-day-year", "a.md"), event("23", "relative-day", "b.md")])
    assert [v.value for v in conflict.values] == ["2011-03-09", "2011-03-23"]
    assert conflict.doubt == RELATIVE_DATE, "a date read from the article's own day is our reading: held back"
    (stated,) = date_conflicts([event("09", "month-day-year", "a.md"), event("23", "month-day-year", "b.md")])
    assert not stated.doubt


def test_a_title_said_both_ways_is_held_back_whatever_the_days():
    """Lost between two reports, or given as it was at the time told in an article of the same day: no dispute."""
    for days in (("2024-05-01", "2024-09-01"), ("2024-05-01", "2024-05-01"), ("2024-09-01", "2024-05-01")):
        s = dated_story((days[0], "The minister met President Ana Ruiz in the capital on Monday."),
                        (days[1], "The minister met former President Ana Ruiz in the capital on Monday."))
        assert not [c for c in s.conflicts if c.kind == "role"]
        assert [c.kind for c in s.held_back if c.kind == "role"] == ["role"]


def test_a_form_of_address_is_no_title():
    s = story("Mr Kofi Annan arrived in Damascus on Monday for talks.",
              "The former Mr Kofi Annan left Damascus on Monday after talks.")
    assert not [c for c in s.conflicts if c.kind == "role"]


def test_counts_far_apart_are_two_counts_not_one_disputed():
    """"10 killed" in one town and "1,000 killed" since the uprising: an incident and a total, not a dispute; 731
    against 781 homicides in one month is one."""
    s = story("In January 2024, 731 homicides were recorded, the police said.",
              "In January 2024, 781 homicides were recorded, the ministry said.",
              "In January 2024, 12 people were evacuated from the port, officials said.",
              "In January 2024, 500 people were evacuated from the country, officials said.")
    assert [sorted(v.value for v in c.values) for c in s.conflicts if c.kind == "figure"] == [["731 homicides", "781 homicides"]]


def test_a_count_since_a_date_reported_on_different_days_is_a_revision_not_a_disagreement():
    from .conftest import dated_story
    s = dated_story(("2024-05-01", "In all, 1,568 ships have been hailed and 132 boarded since the start of the embargo."),
                    ("2024-05-08", "In all, 1,944 ships have been hailed and 186 boarded since the start of the embargo."))
    assert not [c for c in s.conflicts if c.kind == "figure"]


def test_counts_of_places_that_do_not_meet_are_two_counts_but_one_place_told_twice_disagrees():
    apart = story("In May 2024, 26 people were killed in floods in Paris, officials said.",
                  "In May 2024, 40 people were killed in floods in Lyon, officials said.")
    assert not [c for c in apart.conflicts if c.kind == "figure"]
    assert [c.doubt for c in apart.held_back] == ["its sides name different places: each may count one place, or a part"]
    same = story("In May 2024, 26 people were killed in floods in Paris, officials said.",
                 "In May 2024, 40 people were killed in floods in Paris, the mayor said.")
    assert [c.kind for c in same.conflicts] == ["figure"]


def test_a_past_title_or_a_title_of_someone_else_in_the_sentence_is_no_role_disagreement():
    from generators.model import Actor, Provenance
    from generators.reconcile.conflicts import role_conflicts
    said = [Provenance("0.txt", 0, "The minister recalled that then-President Ana Ruiz signed the treaty."),
            Provenance("1.txt", 0, "The minister met President Ana Ruiz on Monday."),
            Provenance("2.txt", 0, "Senator Rui Costa urged Ana Ruiz to act on Monday."),
            Provenance("3.txt", 0, "A former Senator, Paulo Dias, urged Ana Ruiz to act on Monday.")]
    ruiz = Actor("actor-1", "Ana Ruiz", "person", roles=["then-President", "President", "Senator", "former Senator"],
                 provenance=said)
    assert role_conflicts([ruiz]) == []


def test_one_sentence_giving_both_values_counts_two_things():
    s = story("In May 2024 the alliance destroyed 11 tanks near the port and 14 tanks near the airport, it said.",
              "In May 2024 the alliance destroyed 14 tanks near the port, a witness said.")
    assert not [c for c in s.conflicts if c.kind == "figure"]
    assert [c.doubt for c in s.held_back] == ["one sentence gives two of its values: they may count two things"]


def test_a_change_of_something_unnamed_is_compared_with_nothing():
    """"Silver has risen 11% this year" and "civilian deaths rose 15% in 2024": what rose differs."""
    s = story("Silver has risen about 11 percent in 2024, traders said.",
              "The price rose by 15 percent in 2024, the agency said.")
    assert not s.conflicts and not s.held_back


def test_incident_tolls_of_one_day_are_held_back_but_one_toll_told_two_ways_disagrees():
    """With no period stated, two values of one day disagree only when their sentences tell the same fact."""
    apart = dated_story(("2024-05-02", "Witnesses said three people were killed when shells hit a refugee camp."),
                        ("2024-05-02", "Two people were killed and many others were wounded, the agency said."))
    assert not [c for c in apart.conflicts if c.kind == "figure"]
    assert [c.kind for c in apart.held_back] == ["figure"]
    same = dated_story(("2024-05-02", "Three people were killed when shells hit a refugee camp near the harbour."),
                       ("2024-05-02", "Five people were killed when shells hit a refugee camp near the harbour."))
    assert [c.kind for c in same.conflicts] == ["figure"]


def test_a_low_count_far_below_the_total_of_its_day_is_an_incident_not_a_disagreement():
    total = "At least {} people have been killed since the uprising began, the health ministry said."
    s = dated_story(("2024-05-01", total.format("1,000")), ("2024-05-01", total.format("1,020").replace("health", "aid")),
                    ("2024-05-02", "Three people were killed when shells hit a refugee camp near the harbour."),
                    ("2024-05-02", "Five people were killed when shells hit a refugee camp near the harbour."))
    assert not [c for c in s.conflicts if c.kind == "figure" and "2024-05-02" in c.about]
    (held,) = [c for c in s.held_back if "2024-05-02" in c.about]
    assert "far below the total of 1,020" in held.doubt


def test_two_readings_of_the_same_date_words_are_no_disagreement():
    """A byline's date joined to a sentence, or "in September" read with another year: the sentences state the
    same date, only our readings differ."""
    from generators.model import DateRef, Event, Provenance
    from generators.reconcile.conflicts import date_conflicts
    first = "The demonstrations that erupted on January 25 were driven by hopes for dignity in their lives."
    second = "February 07, 2011 | By A Writer The demonstrations that erupted on January 25 were driven by hopes for dignity in their lives."
    events = [Event("e1", DateRef("2011-01-25", "day"), first, False, [Provenance("a.md", 0, first)],
                    signal="date rule month-day: “January 25”"),
              Event("e2", DateRef("2011-02-07", "day"), second, False, [Provenance("b.md", 0, second)],
                    signal="date rule month-day-year: “February 07, 2011”")]
    assert date_conflicts(events) == []
    events[1].provenance[0] = Provenance("b.md", 0, second.replace("on January 25 ", ""))
    events[1].text = events[1].provenance[0].quote
    assert [c.kind for c in date_conflicts(events)] == ["date"], "only one states January 25: they disagree"


def test_dates_that_differ_only_in_the_year_we_read_are_no_disagreement_and_an_inferred_year_is_held_back():
    from generators.model import DateRef, Event, Provenance
    from generators.reconcile.conflicts import date_conflicts

    def event(day, text, source, rule, words):
        return Event(source, DateRef(day, "day" if len(day) == 10 else "month"), text, False,
                     [Provenance(source, 0, text)], signal=f"date rule {rule}: “{words}”")
    died = [event("2009-06", "The singer died at his Los Angeles home in June, aged 50.", "a.md", "in-month", "in June"),
            event("2010-06-25", "The singer died at his Los Angeles home on 25 June aged 50.", "b.md", "day-month",
                  "25 June")]
    assert date_conflicts(died) == [], "June and 25 June agree; only the years we read differ"
    trial = [event("2011-03-28", "The court said the singer's doctor trial is set to begin on 28 March.", "a.md",
                   "day-month", "28 March"),
             event("2011-09-27", "The court said the singer's doctor trial is set to begin on September 27.", "b.md",
                   "month-day", "September 27")]
    (held,) = date_conflicts(trial)
    assert held.doubt == RELATIVE_DATE


def test_a_toll_of_one_day_given_higher_by_later_reports_is_an_update_not_a_disagreement():
    from generators.reconcile.conflicts import UPDATED
    first = "The health ministry said {} people were injured in Wednesday's clashes in the square."
    updated = dated_story(("2024-05-02", first.format(639)), ("2024-05-03", first.format(800)))
    assert not updated.conflicts and [c.doubt for c in updated.held_back] == [UPDATED]
    disputed = dated_story(("2024-05-03", first.format(639)), ("2024-05-03", first.format(800)))
    assert [c.kind for c in disputed.conflicts] == ["figure"], "two values the same day: sources disagree"


def test_two_places_the_model_reads_as_one_name_are_still_places():
    from generators.model import Actor, Conflict, ConflictValue, Provenance
    from generators.reconcile.conflicts import doubt_counts_of_two_things
    one = Provenance("a.md", 0, "In Misrata, airstrikes destroyed 14 tanks, a witness said.")
    two = Provenance("b.md", 0, "Airstrikes destroyed 25 tanks around Misrata and Ajdabiyah.")
    actors = [Actor("actor-1", "Misrata", "place", provenance=[one, Provenance("c.md", 0, "x")]),
              Actor("actor-2", "Ajdabiyah", "place", provenance=[Provenance("d.md", 0, "y")]),
              Actor("actor-3", "Misrata and Ajdabiyah", "organisation", provenance=[two]),
              *(Actor(f"actor-{n}", f"Other {n}", "person", provenance=[Provenance(f"{n}.md", 0, "z")])
                for n in range(4, 8))]
    conflict = Conflict("conflict-1", "figure", "tanks destroyed, reported on 2011-04-11", False,
                        [ConflictValue("14 tanks", [one]), ConflictValue("25 tanks", [two])], [])
    doubt_counts_of_two_things([conflict], actors, [])
    assert conflict.doubt.startswith("its sides name different places")



def test_a_date_inside_another_is_no_same_date_and_other_dates_of_a_sentence_do_not_count():
    """"March 1" is not "March 19"; two sentences both naming February 17 still disagree on March 3 or March 9."""
    from generators.model import DateRef, Event, Provenance
    from generators.reconcile.conflicts import date_conflicts

    def event(day, words, text, source):
        return Event(source, DateRef(day, "day"), text, False, [Provenance(source, 0, text)],
                     signal=f"date rule month-day-year: “{words}”")
    one = "Rebel fighters captured the oil port of Brega on {}, 2011 after a long battle."
    assert [c.kind for c in date_conflicts([event("2011-03-01", "March 1, 2011", one.format("March 1"), "a.md"),
                                            event("2011-03-19", "March 19, 2011", one.format("March 19"), "b.md")])] \
        == ["date"]
    two = "Rebels captured the oil port of Brega on {}, 2011, weeks after the February 17 uprising began."
    assert [c.kind for c in date_conflicts([event("2011-03-03", "March 3, 2011", two.format("March 3"), "a.md"),
                                            event("2011-03-09", "March 9, 2011", two.format("March 9"), "b.md")])] \
        == ["date"]
