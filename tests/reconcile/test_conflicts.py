from .conftest import story


def test_same_figure_for_different_periods_is_flagged():
    s = story("The murder rate fell by 16% in 2024, officials said.",
              "The murder rate has dropped by 16% since 2023, officials said.")
    (conflict,) = [c for c in s.conflicts if c.kind == "period"]
    assert {v.value for v in conflict.values} == {"2024", "since 2023"}


def test_title_and_former_title_are_flagged():
    s = story("The minister met President Ana Ruiz in the capital on Monday.",
              "The minister met former President Ana Ruiz in the capital on Monday.")
    (conflict,) = [c for c in s.conflicts if c.kind == "role"]
    assert {v.value for v in conflict.values} == {"President", "former President"}
    assert {p.source for v in conflict.values for p in v.provenance} == {"0.txt", "1.txt"}


def test_a_title_worded_several_ways_is_one_disagreement():
    s = story("The minister met President Ana Ruiz in the capital on Monday.",
              "The minister met former President Ana Ruiz in the capital on Monday.",
              "The minister met former US President Ana Ruiz in the capital on Monday.")
    (conflict,) = [c for c in s.conflicts if c.kind == "role"]
    assert {v.value for v in conflict.values} == {"President", "former President", "former US President"}


def test_one_event_with_two_dates_is_flagged_but_a_year_and_its_day_are_not():
    s = story("The national assembly approved the new fisheries law on March 3, 2024 after a long debate.",
              "The national assembly approved the new fisheries law on March 5, 2024 after a long debate.",
              "In 2024 the national assembly approved the new fisheries law after a long debate.")
    (conflict,) = [c for c in s.conflicts if c.kind == "date"]
    assert {v.value for v in conflict.values} == {"2024-03-03", "2024-03-05"}


def test_a_count_of_what_happened_is_a_measure_whose_period_can_disagree():
    s = story("In 2023, 12 officers were hurt.", "Since 2022, 12 officers were hurt.")
    assert [c.about for c in s.conflicts] == ["12 officers hurt: over which period?"]


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


def test_a_title_lost_between_two_reports_is_no_disagreement_but_one_said_both_ways_the_same_day_is():
    from .conftest import dated_story

    later = dated_story(("2024-05-01", "The minister met President Ana Ruiz in the capital on Monday."),
                        ("2024-09-01", "The minister met former President Ana Ruiz in the capital on Monday."))
    assert not [c for c in later.conflicts if c.kind == "role"]
    same_day = dated_story(("2024-05-01", "The minister met President Ana Ruiz in the capital on Monday."),
                           ("2024-05-01", "The minister met former President Ana Ruiz in the capital on Monday."))
    assert [c.kind for c in same_day.conflicts if c.kind == "role"] == ["role"]
    earlier = dated_story(("2024-09-01", "The minister met President Ana Ruiz in the capital on Monday."),
                          ("2024-05-01", "The minister met former President Ana Ruiz in the capital on Monday."))
    assert [c.kind for c in earlier.conflicts if c.kind == "role"] == ["role"], "called former before she held it"


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
