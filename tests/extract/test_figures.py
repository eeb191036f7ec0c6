from generators import language
from generators.extract.dates import Reference
from generators.extract.figures import extract_figures
from generators.model import Sentence

REF = Reference(2025, 3, 23)


def figures(text):
    return [(f.value, f.unit, f.label, f.period, f.approximate) for f in extract_figures([Sentence("a.txt", 0, text, 0)], REF)]


def read_figures(text):
    """With the language layer, as extraction runs."""
    return [(f.value, f.unit) for f in extract_figures([Sentence("a.txt", 0, text, 0)], REF, language.analyse([text]))]


def test_times_durations_and_ranks_are_not_counts():
    assert read_figures("The quake struck at 2153 GMT.") == read_figures("Rescuers dug for 8 hours.") == []
    assert read_figures("The cathedral had stood for two centuries before the quake.") == []
    assert read_figures("She died on her 37th birthday.") == []
    assert (1200000.0, "people") in read_figures("Officials said 1.2 million people were made homeless by the quake.")


def test_rates_series_and_periods():
    found = figures("The homicide rate rose from 13.7 murders per 100,000 people in 2021 to 46.18 per 100,000 in 2023, "
                    "before declining to 36.18 last year.")
    assert found == [
        (13.7, "murders per 100,000 people", "homicide rate", "2021", False),
        (46.18, "murders per 100,000 people", "homicide rate", "2023", False),
        (36.18, "murders per 100,000 people", "homicide rate", "2024", False),
    ]


def test_counts_approximations_and_percent_changes():
    assert figures("Some 1,300 murders were recorded in the first 50 days of 2025.") == [
        (1300.0, "murders", "murders", "part of 2025", True)]
    assert figures("The murder rate has dropped by 16% since 2023.") == [(16.0, "%", "fall in murder rate", "since 2023", False)]
    assert figures("Murders rose, an increase of 40% since 2023.")[0][2] == "rise"
    assert figures("The country, with a population of 18 million, exports fish.") == [(18e6, "", "population", "", False)]


def test_shares():
    assert figures("On February 9, Noboa won 44.2% while Gonzalez received 44%.") == [
        (44.2, "%", "share: Noboa", "2025-02-09", False), (44.0, "%", "share: Gonzalez", "2025-02-09", False)]
    assert figures("70% of the world's cocaine is exported from its ports.")[0][2] == "share of world's cocaine"


def test_numbers_that_are_not_figures():
    assert figures("On April 13, 2025 the 2nd round starts.") == []
    assert figures("Police heard a recording of the 911 call.") == []
    assert figures("He has been there 3,000 times.") == []
    assert [f[1] for f in figures("In the chart, 43 out of the top 200 singles were his.")] == ["singles"]
    assert [f[1] for f in figures("Officials sent 300 more troops and 40 fewer ships.")] == ["troops", "ships"]
    assert figures("One thing is certain.") == []


def test_a_rate_over_time_even_with_one_in_words():
    assert figures("That is one death per day in the province.") == [(1.0, "death per day", "death per day", "", False)]
    assert figures("One of them was arrested in May.") == []


def test_ranges_are_one_figure_but_a_change_from_one_value_to_another_is_not_a_range():
    found = extract_figures([Sentence("a.txt", 0, "Between 200 and 300 people were killed in 2024.", 0),
                             Sentence("a.txt", 1, "They sent 20 to 30 troops.", 1)], REF)
    assert [(f.value, f.upper, f.unit) for f in found] == [(200.0, 300.0, "people"), (20.0, 30.0, "troops")]
    rising = extract_figures([Sentence("a.txt", 2, "The toll rose from 20 to 30 deaths a day.", 2)], REF)
    assert rising and all(f.upper is None for f in rising)


def test_vague_multiples_and_the_noun_after_of():
    assert figures("Tens of thousands of protesters filled the square.") == [(10000.0, "protesters", "protesters", "", True)]
    assert figures("Thousands of people marched.") == [(2000.0, "people", "people", "", True)]  # vague
    assert figures("About 12,000 people marched.") == [(12000.0, "people", "people", "", True)]


def test_a_year_is_not_a_count():
    assert figures("The 1969 coup brought him to power.") == []


def test_a_place_before_the_number_is_not_what_it_measures():
    found = figures("The death toll from the violent clashes in Cairo's Tahrir Square has reached 11, officials said.")
    assert found == [(11.0, "", "death toll", "", False)]
    assert figures("Unemployment was 7% last year.")[0][2] == "unemployment"


def labelled(text):
    return [(f.value, f.label) for f in extract_figures([Sentence("a.txt", 0, text, 0)], REF, language.analyse([text]))]


def test_the_parse_says_what_happened_to_what_is_counted():
    assert labelled("Rockets struck the city, killing 19 people and wounding another 150.") == [
        (19.0, "people killed"), (150.0, "people wounded")]
    assert labelled("Officials said 1.2 million people were made homeless by the quake.") == [
        (1.2e6, "people made homeless")]
    assert labelled("Hundreds were feared killed.") == [(200.0, "killed")]


def test_a_light_verb_keeps_its_complement_and_a_phrasal_verb_its_particle():
    """"35,000 people took" says nothing; "took to the streets" does."""
    assert labelled("About 35,000 people took to the streets of Cairo on Friday.") == [
        (35000.0, "people took to the streets")]
    assert labelled("Some 2,000 people turned out for the rally.") == [(2000.0, "people turned out for the rally")]


def test_verbs_of_counting_or_telling_leave_the_measure_alone():
    """Two sources telling the same count with different verbs must land on one measure, or their
    disagreement is never seen."""
    assert labelled("January was the deadliest month, with authorities reporting 731 homicides.") == [
        (731.0, "homicides")]
    assert labelled("The rate remains high, peaking in January with 781 homicides.") == [(781.0, "homicides")]


def test_numbers_in_names_and_inside_words_are_not_figures():
    assert labelled("Talk Radio 702 said the visit was planned.") == []
    assert labelled("It said in a written statement that the raid was often repeated.") == []
    assert labelled("About three dozen soldiers broke into the farm.") == [(36.0, "soldiers broke")]


def test_vague_counts_stay_words_read_as_the_range_they_can_mean():
    text = ("Thousands of people fled the city, and tens of thousands more were stranded, while hundreds of "
            "soldiers arrived.")
    figures = {f.text: f for f in extract_figures([Sentence("a.txt", 0, text, 0)], REF, language.analyse([text]))}
    assert set(figures) == {"Thousands", "tens of thousands", "hundreds"}
    assert (figures["Thousands"].value, figures["Thousands"].upper, figures["Thousands"].vague) == (2000, 9999, True)
    assert (figures["tens of thousands"].value, figures["tens of thousands"].upper) == (10000, 99999)
    assert figures["hundreds"].vague and figures["hundreds"].label == "soldiers arrived"


def test_codes_clocks_telephone_numbers_and_plan_items_count_nothing():
    assert labelled("Donate by telephoning 0370 60 60 900 to help the charities.") == []
    assert labelled("The curfew starts at 0100 GMT for residents.") == []
    assert labelled("Point 6 of the peace plan ensured access for aid workers.") == []
    assert labelled("The storm killed 12 people and 0.5 percent of homes were lost.") == [
        (12.0, "people killed"), (0.5, "share of homes")]


def test_a_date_in_a_clause_opened_by_since_starts_the_period():
    found = figures("Since NATO took command of the air strikes on March 31, its aircraft have flown 3,700 sorties.")
    assert [(value, period) for value, _, _, period, _ in found] == [(3700.0, "since 2025-03-31")]
    assert [p for *_, p, _ in figures("On March 31, since dawn, its aircraft flew 370 sorties.")] == ["2025-03-31"]
    assert [p for *_, p, _ in figures("Since the truce collapsed and on March 31 alone 40 people were killed.")] \
        == ["2025-03-31"]


def test_a_count_over_two_days_is_not_the_first_days():
    """"300 wounded on Saturday and Sunday" is no disagreement with "172 wounded on Saturday". REF is a Sunday."""
    assert [f[3] for f in figures("Some 300 people were wounded on Saturday and Sunday, doctors said.")] == [
        "2025-03-22 to 2025-03-23"]
    assert [f[3] for f in figures("Some 172 people were wounded on Saturday, doctors said.")] == ["2025-03-22"]


def test_a_count_of_what_will_or_could_happen_is_no_figure():
    """"Thousands will die" is a threat; "could reach 1,000" a forecast: not counts of what happened."""
    assert read_figures("Gaddafi warned that thousands will die if the rebels advance.") == []
    assert read_figures("Officials said 1,000 people could die in the coming days.") == []
    assert read_figures("Officials said 1,000 people died in the floods.") == [(1000.0, "people")]
    assert read_figures("The fire killed 20 people who could not escape.") == [(20.0, "people")], \
        "a modal in a clause about the counted is no forecast of the count"
    assert read_figures("The ship Harbour Star, which can carry 2,000 marines, sailed on Monday.") == [], \
        "what a clause about something else could do counts nothing"


def test_a_sum_of_money_never_continues_a_series_of_other_units_nor_takes_the_unit_before_as_its_measure():
    found = figures("Platinum gained 1.8 percent to $1,837 an ounce, and crude rose 84 cents to $83.10 a barrel.")
    money = [(value, unit, label) for value, unit, label, _, _ in found if unit == "USD"]
    assert money == [(1837.0, "USD", "USD"), (83.1, "USD", "USD")]
    found = figures("In 2010 exports reached $5 billion.")
    assert [(value, label) for value, unit, label, _, _ in found] == [(5e9, "exports")]  # a year is no number's unit


def test_a_number_continues_the_series_before_only_when_the_link_is_right_before_it():
    found = figures("An estimated 1.5 million foreign nationals work in Libya and a third of the population of "
                    "7 million are immigrants.")
    assert [(value, unit) for value, unit, *_ in found] == [(1500000.0, "foreign nationals"), (7000000.0, "")]
    found = figures("The attack killed 19 people and wounded another 150.")
    assert [(value, unit) for value, unit, *_ in found] == [(19.0, "people"), (150.0, "people")]


def test_a_distance_that_locates_a_place_is_no_figure_but_one_that_measures_something_is():
    assert read_figures("Rebels reached Brega, 50 miles to the west, as 12 fighters were killed.") == [(12.0, "fighters")]
    assert read_figures("The town lies about 160 kilometres east of the capital.") == []
    assert read_figures("A camp was built 7 km (4 miles) back from the border.") == []
    assert read_figures("The storm brought winds of 120 miles per hour.") == [(120.0, "miles per hour")]
