from generators.extract.dates import Reference, find_dates

REF = Reference(2025, 3, 23)


def values(text, ref=REF):
    return [(d.date.value, d.date.precision, d.date.relation) for d in find_dates(text, ref)]


def test_explicit_forms():
    assert values("on March 23, 2025") == [("2025-03-23", "day", "on")]
    assert values("on 5 June 2011 and 2011-06-07") == [("2011-06-05", "day", "on"), ("2011-06-07", "day", "on")]
    assert values("in January 2025") == [("2025-01", "month", "on")]


def test_year_less_dates_take_the_reference_year():
    assert values("a runoff on April 13") == [("2025-04-13", "day", "on")]
    assert values("peaking in January") == [("2025-01", "month", "on")]
    assert values("it happened in November") == [("2024-11", "month", "on")], "a later month read in March is last year's"


def test_background_years_relations_and_periods():
    assert values("expelled a base in 2009 over concerns") == [("2009", "year", "on")]
    assert values("an increase of 40% since 2023") == [("2023", "year", "since")]
    assert values("murders in the first 50 days of 2025") == [("2025", "year", "period")]
    assert values("declining to 36.18 last year") == [("2024", "year", "on")]


def test_relative_days_need_a_day_reference():
    assert values("talks began on Monday") == [("2025-03-17", "day", "on")]
    assert values("talks began on Monday", Reference(2025)) == []


def test_not_dates():
    assert values("2,000 people and 1,300 murders, 44.2%") == []
    assert values("on 31 February") == []
    assert values("We may go") == []
