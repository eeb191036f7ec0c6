from generators.extract.dates import find_dates
from generators.extract.numbers import numbers_in, ranges_in


def read(text: str) -> list[tuple]:
    found = ranges_in(text, numbers_in(text, find_dates(text, None)))
    return [(n.written, n.value, n.upper, n.approximate, n.vague) for n in found]


def test_written_numbers_scales_and_vague_plurals_keep_what_they_can_mean():
    assert read("Twelve boats and 3.5 million dollars") == [("Twelve", 12, None, False, False),
                                                            ("3.5 million", 3_500_000, None, False, False)]
    assert read("thousands fled") == [("thousands", 2_000, 9_999, True, True)]
    assert read("tens of thousands fled") == [("tens of thousands", 10_000, 99_999, True, True)]


def test_ranges_are_one_number_but_a_change_from_one_to_another_is_two():
    assert read("between 200 and 300 people") == [("between 200 and 300", 200, 300, True, False)]
    assert [n[0] for n in read("it rose from 20 to 30")] == ["20", "30"]


def test_codes_clocks_labels_and_years_are_no_numbers():
    assert read("call 0370 60 60 900 at 0100 GMT or 11:24, see point 6, the 1969 coup, a 50-year-old man") == []


def test_a_proportion_is_no_count_of_either_number():
    assert read("One in three voters agreed, and 3 in 10 disagreed; 5 out of 6 schools closed") == []
    assert [n[0] for n in read("Fighters killed 5 in Ladeira and 40 in the port")] == ["5", "40"]
    assert [n[0] for n in read("Exports rose to 3 in 2010")] == ["3"]
