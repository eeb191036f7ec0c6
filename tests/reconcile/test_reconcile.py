from .conftest import story


def test_every_item_says_which_rule_found_it():
    s = story("On March 3, 2024, Silva won 38.4% of the vote, said Ana Ruiz of the Electoral Council.",
              "\"The count was clean and it is over now,\" she said on March 4, 2024.")
    items = [*s.events, *s.figures, *s.actors, *s.quotes]
    assert items and all(item.signal for item in items)
    (share,) = [f for f in s.figures if f.unit == "%"]
    assert "won" in share.signal
    assert [e.signal.split(":")[0] for e in s.events] == ["date rule month-day-year"] * 2
    assert next(a for a in s.actors if a.name == "Electoral Council").signal.startswith("organisation: ")
