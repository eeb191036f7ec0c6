from .conftest import story


def test_different_values_for_one_measure_are_a_conflict_naming_both_sides():
    s = story("In January 2024 the police recorded 731 homicides across the country.",
              "In January 2024 the police recorded 781 homicides across the country.",
              "The port handled 900 ships in 2023.")
    (conflict,) = s.conflicts
    assert conflict.kind == "figure" and not conflict.minor
    assert {v.value for v in conflict.values} == {"731 homicides", "781 homicides"}
    assert {p.source for v in conflict.values for p in v.provenance} == {"0.txt", "1.txt"}


def test_same_number_for_different_measures_is_not_a_conflict():
    s = story("In 2023 the port handled 900 ships.", "In 2023 the airport counted 900 flights.")
    assert s.conflicts == []


def test_rounding_is_a_minor_conflict():
    s = story("In March 2024 unemployment was 5.2% of the workforce.",
              "In March 2024 unemployment was 5% of the workforce.")
    assert [c.minor for c in s.conflicts] == [True]


def test_a_value_given_for_a_whole_measure_is_compared_with_each_named_part():
    s = story("In the first round on March 3, 2024, Silva won 38.4% of the vote while Costa received 38%.",
              "Both candidates secured 38% of the vote in March's first round.")
    costa = [f for f in s.figures if f.label == "share of vote: Costa"]
    assert len(costa) == 1 and {p.source for p in costa[0].provenance} == {"0.txt", "1.txt"}, "agreement merges"
    (conflict,) = [c for c in s.conflicts if c.kind == "figure"]
    assert conflict.minor and conflict.about.startswith("share of vote: Silva")


def test_durations_and_unnamed_counts_are_not_disagreements():
    s = story("He served 4 years in prison in 2011.", "She waited 3 years for the verdict in 2011.",
              "In 2011, there were 12 officers.", "Since 2010, there were 12 officers.",
              "On May 3, 2011, 40 people were killed 30 miles from the city.",
              "On May 3, 2011, 900 people fled 50 miles east, and the fund pledged $3 million.",
              "On May 3, 2011, the bank froze $2 billion.")
    assert s.conflicts == []


def test_key_figures_are_named_measures_money_rates_and_large_counts_not_incidental_numbers():
    s = story("The rebels were 30 miles from the capital at 10.40 am, two countries said. "
              "Officials said they were 100 percent sure. He ruled for 42 years.",
              "The rebels were 30 miles from the capital, and 200,000 people fled. The unemployment rate stood at 12%. "
              "The fund froze $30 billion. The city, with a population of 18 million, saw three murders per day.")
    assert {(f.text, f.label) for f in s.figures if f.id in s.key_figures} == {
        ("12%", "unemployment rate"), ("$30 billion", "frozen"), ("18 million", "population"),
        ("three", "murders per day")}


def test_a_small_or_vague_count_is_a_key_number_only_of_an_outcome():
    from generators.model import Figure, Provenance
    from generators.reconcile.figures import is_key_figure

    def figure(value: float, unit: str, label: str, vague: bool = False) -> Figure:
        return Figure("", value, unit, label, "2024", False, str(value), [Provenance("a.txt", 0, "x")], vague=vague)

    assert not is_key_figure(figure(2, "military tanks", "military tanks prevented"))
    assert not is_key_figure(figure(2000, "angry", "angry defied", vague=True))
    assert is_key_figure(figure(3, "people", "people killed")) and is_key_figure(figure(4, "%", "inflation rate"))
    assert is_key_figure(figure(2000, "people", "people displaced", vague=True))


def test_between_equally_sourced_key_figures_the_one_in_the_storys_words_comes_first():
    s = story("Snow fell 15 inches deep in a town far away. The storm damaged 40 boats in the port, officials said.",
              "The storm flooded the port, officials said, and rescuers searched the port for people.",
              "Rescuers said the storm left the port without power. Were 2,000 homes flooded?")
    key = [next(f for f in s.figures if f.id == i) for i in s.key_figures]
    assert [f.text for f in key[:2]] == ["40", "15"]
    assert any(f.text == "2,000" for f in s.figures)
    assert "2,000" not in [f.text for f in key], "a number in a question is not a key number"


def test_equal_counts_merge_only_when_their_sentences_tell_one_fact():
    s = story("Two people were killed when a shell hit a market in Misrata, a doctor said.",
              "Two people were killed in a raid on a farm near Zawiya on the coast.",
              "A doctor said two people were killed when the shell hit the Misrata market.",
              "In March 2024 the port handled 900 ships.", "The port handled 900 ships in March 2024, up from May.")
    killed = sorted(sorted(p.source for p in f.provenance) for f in s.figures if f.label == "people killed")
    assert killed == [["0.txt", "2.txt"], ["1.txt"]], "Misrata's two dead are one fact, Zawiya's another"
    (ships,) = [f for f in s.figures if f.unit == "ships"]
    assert {p.source for p in ships.provenance} == {"3.txt", "4.txt"}, "one value of a measure in one period is one fact"


def test_a_sentence_reprinted_verbatim_counts_once_among_key_numbers():
    reprinted = "In 2024 at least 1,200 people were killed in the fighting in the north, officials said."
    s = story(reprinted, reprinted, reprinted,
              "In 2024 about 40,000 people fled their homes in the north for the coast, the agency said.",
              "In 2024 some 40,000 people fled their homes as the fighting spread to the coast, aid groups said.")
    key = [next(f for f in s.figures if f.id == i) for i in s.key_figures]
    assert [(f.value, len(f.provenance)) for f in key] == [(40000, 2), (1200, 3)], \
        "two tellings of 40,000 outrank one sentence printed three times"


def test_a_disagreement_names_each_value_once_with_all_its_sentences():
    from generators.model import Figure, Provenance
    from generators.reconcile.figures import values_told

    def figure(value: float, source: str) -> Figure:
        return Figure("", value, "people", "people killed", "2024", False, f"{value:g}",
                      [Provenance(source, 1, f"{value:g} people were killed in 2024, {source} said.")])

    sides = values_told([figure(2000, "a.txt"), figure(2000, "b.txt"), figure(3000, "c.txt")], lambda f: f"{f.value:g}")
    assert [(side.value, sorted(p.source for p in side.provenance)) for side in sides] == \
        [("2000", ["a.txt", "b.txt"]), ("3000", ["c.txt"])]


def test_a_toll_with_no_period_is_no_key_number():
    """"At least 10 killed" (one incident's, or several merged) or "233 killed" months ago: the overview states the
    toll only as it stands (counts), from the latest reports."""
    from generators.model import Figure, Provenance
    from generators.reconcile.figures import is_key_figure

    def toll(period: str) -> Figure:
        return Figure("", 233, "people", "people killed", period, False, "233", [Provenance("a.txt", 0, "x")])
    assert not is_key_figure(toll("")) and not is_key_figure(toll("since 2024-02-15"))
    assert is_key_figure(toll("2024-02"))


def test_the_figures_page_lists_numbers_that_say_what_they_count():
    from generators.model import Figure
    from generators.reconcile.figures import says_what_it_counts

    def figure(value: float, unit: str, label: str, vague: bool = False, period: str = "") -> Figure:
        return Figure("", value, unit, label, period, False, str(value), [], vague=vague)
    assert says_what_it_counts(figure(512, "burglaries", "burglaries", period="2025-01"))
    assert says_what_it_counts(figure(3, "people", "people killed"))
    assert says_what_it_counts(figure(40_000, "registered voters", "registered voters"))
    assert not says_what_it_counts(figure(30, "nations", "nations"))
    assert says_what_it_counts(figure(1, "murder per hour", "murder per hour"))
    assert not says_what_it_counts(figure(3, "grandchildren", "grandchildren"))
    assert not says_what_it_counts(figure(2000, "residents", "residents", vague=True))
    assert not says_what_it_counts(figure(160e6, "USD", "USD"))
    assert not says_what_it_counts(figure(100, "%", "%"))


def test_the_same_count_in_the_same_words_weeks_apart_is_two_incidents():
    from .conftest import dated_story

    filler = [(f"2024-04-{day}", f"The council met on day {day} to discuss the budget for schools.") for day in range(14, 22)]
    s = dated_story(("2024-04-12", "Shelling of the port district killed at least 10 people, a hospital doctor said."),
                    ("2024-04-13", "At least 10 people were killed by shelling of the port district, a doctor said."),
                    ("2024-05-13", "Shelling of the port district killed at least 10 people, doctors at a hospital said."),
                    *filler)
    killed = sorted(len(f.provenance) for f in s.figures if f.value == 10)
    assert killed == [1, 2]
