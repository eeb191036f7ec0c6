"""Running counts: reports by day, revisions rather than disagreements, the count as it stands."""

from .conftest import dated_story


def test_a_toll_reported_day_after_day_is_a_revision_series_and_same_day_differences_disagree():
    from generators.reconcile.counts import revisions
    s = dated_story(("2024-05-01", "The earthquake has killed 120 people, officials said."),
                    ("2024-05-02", "The number of dead rose to 300 in the capital's collapsed buildings, the ministry said."),
                    ("2024-05-02", "At least 280 people died in the capital's collapsed buildings, a hospital said."),
                    ("2024-05-04", "Officials say 1,200 people were killed and 5,000 were injured."))
    (deaths, *_) = revisions(s.figures, s.articles)
    assert [(r.day, r.value) for r in deaths.reports] == [
        ("2024-05-01", 120.0), ("2024-05-02", 280.0), ("2024-05-02", 300.0), ("2024-05-04", 1200.0)]
    (conflict,) = [c for c in s.conflicts if "reported on" in c.about]
    assert conflict.about.endswith("reported on 2024-05-02") and not conflict.minor
    assert sorted({p.source for v in conflict.values for p in v.provenance}) == ["1.txt", "2.txt"]


def test_running_counts_are_ordered_the_same_whatever_the_hash_seed():
    """Ties on day, value and source (one article giving a toll twice) are broken by stable keys, not set order."""
    import subprocess
    import sys

    script = """
from generators.model import Article, Figure, Provenance
from generators.reconcile.counts import running_counts
articles = [Article(source=f"s{n}.txt", published=f"2024-05-0{n % 3 + 1}") for n in range(6)]
figures = [Figure(f"figure-{n}", 10.0 * (n % 2), "people", "killed", "", False, "ten",
                  [Provenance(f"s{m}.txt", n, "Ten people were killed.") for m in range(6)], upper=[None, 12.0][n % 2])
           for n in range(8)]
print(repr(running_counts(figures, articles)))
"""
    outputs = {subprocess.run([sys.executable, "-c", script], env={"PYTHONHASHSEED": seed}, capture_output=True,
                              text=True, check=True).stdout for seed in ("1", "2", "3", "4")}
    assert len(outputs) == 1 and "figure-7" in outputs.pop()


def test_a_count_its_sentence_places_years_before_the_story_is_context_not_the_storys_toll():
    from generators.reconcile.counts import revisions

    story = dated_story(
        ("2024-05-01", "The earthquake killed 100 people in the valley, officials said."),
        ("2024-05-02", "The earthquake killed 250 people in the valley, officials said."),
        ("2024-05-02", "The 1918 earthquake killed 3,000 people in the same valley, historians say."),
        ("2024-05-03", "In 1982 floods killed 2,000 people there, and 1,500 people died in 1983."),
    )
    past = [f for f in story.figures if f.value in (3000, 2000, 1500)]
    assert len(past) == 3, "context stays on the figures page with its sentence"
    toll = [r.value for revision in revisions(story.figures, story.articles) for r in revision.reports]
    assert toll == [100, 250]
    assert not {f.id for f in past} & set(story.key_figures)
    assert not any(set(c.items) & {f.id for f in past} for c in story.conflicts)


def test_a_vague_count_never_disagrees_and_is_no_point_in_a_running_count():
    from generators.reconcile.counts import running_counts
    from generators.reconcile.figures import format_value

    s = dated_story(("2024-05-01", "Thousands of people fled the city in April 2024, officials said."),
                    ("2024-05-02", "Some 5,000 people fled the city in April 2024, officials said."),
                    ("2024-05-02", "Thousands of people have been killed, aid groups say."),
                    ("2024-05-03", "At least 300 people have been killed, aid groups say."))
    assert not [c for c in s.conflicts if c.kind == "figure"]
    vague = [f for f in s.figures if f.vague]
    assert len(vague) == 2 and {format_value(f) for f in vague} == {"Thousands people"}
    assert all(r.value == 300 for reports in running_counts(s.figures, s.articles).values() for r in reports)


def test_the_count_as_it_stands_is_the_latest_total_two_sources_give_or_none():
    from generators.reconcile.counts import revisions

    early = [("2024-05-01", "Officials said 400 people were killed in the fighting across the country."),
             ("2024-05-02", "At least 400 people have been killed in the fighting, the health ministry said."),
             ("2024-05-02", "The conflict has killed 5,000,000 people, a blogger claimed.")]
    late = [("2024-05-20", "A rights group said 2,000 people have been killed since the fighting began."),
            ("2024-05-21", "More than 2,000 people have died since the war began, aid agencies say."),
            ("2024-05-21", "Shelling killed 12 people at a market in the port on Tuesday.")]
    filler = [(f"2024-05-{day:02d}", "Talks between the two sides resumed in the capital.") for day in range(3, 19)]
    s = dated_story(*early, *filler, *late)
    (deaths,) = revisions(s.figures, s.articles)
    assert deaths.standing is not None and deaths.standing.value == 2000 and deaths.standing.day == "2024-05-21"
    assert {p.source for p in deaths.standing.provenance} == {"19.txt", "20.txt"}, "cited to the sentences giving it"
    assert deaths.standing.high == 2000, "one blogger's 5,000,000 is no part of it"
    assert (deaths.standing.low, deaths.standing.sources) == (2000, 2), "the range and the sources it spans agree"

    incident_only = [("2024-05-20", "Shelling killed 12 people at a market in the port, a doctor said."),
                     ("2024-05-21", "A doctor said 12 people died when shells hit the port's market.")]
    s = dated_story(*early, *filler, *incident_only)
    (deaths,) = revisions(s.figures, s.articles)
    assert deaths.standing is None, "an incident's toll far below the earlier total is not the count as it stands"


def test_a_sentence_reprinted_by_another_source_does_not_establish_the_count():
    from generators.reconcile.counts import revisions

    early = [("2024-05-01", "Officials said 400 people were killed in the fighting across the country."),
             ("2024-05-02", "At least 400 people have been killed in the fighting, the health ministry said.")]
    filler = [(f"2024-05-{day:02d}", "Talks between the two sides resumed in the capital.") for day in range(3, 19)]
    wire = "A rights group said 2,000 people have been killed since the fighting began."
    s = dated_story(*early, *filler, ("2024-05-20", wire), ("2024-05-21", wire))
    (deaths,) = revisions(s.figures, s.articles)
    assert deaths.standing is None, "two outlets printing one wire sentence are one telling, not two sources"


def test_a_count_far_below_the_confirmed_total_of_an_earlier_day_is_no_revision_of_it():
    from generators.reconcile.counts import revisions
    s = dated_story(("2024-05-01", "The floods have killed 1,000 people, officials said."),
                    ("2024-05-01", "Officials said 1,000 people have been killed by the floods."),
                    ("2024-05-02", "Five people were killed overnight in the port, a doctor said."),
                    ("2024-05-03", "The floods have now killed 1,400 people, the ministry said."))
    (deaths,) = revisions(s.figures, s.articles)
    assert [(r.day, r.value) for r in deaths.reports] == [("2024-05-01", 1000.0), ("2024-05-01", 1000.0),
                                                          ("2024-05-03", 1400.0)]
