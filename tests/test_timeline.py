from collections import Counter

from generators.extract import extract_article
from generators.extract.dates import Reference
from generators.ingest.cleaning import clean
from generators.model import DateRef, Event, Provenance
from generators.reconcile import reconcile
from generators.timeline import select_timeline


def story(*articles: tuple[str, str]):
    """(published, text) per article."""
    read = [clean(f"{i}.txt", {"published": day}, text) for i, (day, text) in enumerate(articles)]
    return reconcile(read, [extract_article(a, Reference.from_iso(day)) for a, (day, _) in zip(read, articles, strict=True)])


def event(number: int, day: str, text: str, source: str = "a.txt", reported: bool = False) -> Event:
    """A reported event here is its article's first sentence: a lead."""
    return Event(f"event-{number}", DateRef(day, "day", "reported" if reported else "on"), text, False,
                 [Provenance(source, 0 if reported else number, text)])


def test_news_told_without_a_date_is_placed_at_its_articles_publication_and_says_so():
    s = story(("2025-03-23", "The president has asked foreign armies for help against the gangs. "
                             "He said the army was overwhelmed. The port reopened on March 20, 2025."),
              ("2025-03-23", "The president has asked foreign armies for help against the drug gangs."))
    (asked,) = [e for e in s.events if "asked" in e.text]
    assert asked.date == DateRef("2025-03-23", "day", "reported") and not asked.scheduled
    assert {p.source for p in asked.provenance} == {"0.txt", "1.txt"}  # one event, two sources
    assert asked.signal.startswith("reported on 2025-03-23")
    assert not [e for e in s.events if e.text.startswith("He said")]  # leans on the sentence before: not alone
    (reopened,) = [e for e in s.events if "reopened" in e.text]
    assert reopened.date == DateRef("2025-03-20", "day", "on")  # a dated sentence keeps its own date


def test_a_lead_that_names_a_lone_weekday_is_placed_on_that_day_and_only_there():
    """Published Thursday 2025-03-27: "said Wednesday" is the 26th; a lead with no day joins its day and the one
    before (news tells yesterday's events), one that names its day joins that day alone."""
    s = story(("2025-03-27", "A defence official said Wednesday the navy had sunk three smuggling boats."),
              ("2025-03-27", "The harbour board has sacked its chief over missing funds."))
    (sunk,) = [e for e in s.events if "sunk" in e.text]
    assert sunk.date == DateRef("2025-03-26", "day", "reported") and "weekday" in sunk.signal
    (sacked,) = [e for e in s.events if "sacked" in e.text]
    assert sacked.date == DateRef("2025-03-27", "day", "reported")
    chosen = select_timeline(s.events, dates=3, per_date=2, published=Counter({"2025-03-26": 1, "2025-03-27": 2}))
    assert sorted((e.date.value, e.text[:10]) for e in chosen) == [("2025-03-26", "A defence "),
                                                                   ("2025-03-27", "The harbou")]
    chosen = select_timeline(s.events, dates=3, per_date=2, published=Counter({"2025-03-25": 1, "2025-03-27": 2}))
    assert ("2025-03-25", "A defence ") not in {(e.date.value, e.text[:10]) for e in chosen}


def test_news_told_later_in_the_present_perfect_is_reported_too_but_not_a_past_tense_or_a_quotation():
    s = story(("2025-03-23", "The port of Ladeira is the busiest in the region. It handles the grain trade. "
                             "Ships queue there for days. The old harbour sits by the river. Its quays are narrow. "
                             "The harbour board has sacked its chief over missing funds. "
                             "The former chief denied any wrongdoing at the harbour. "
                             "“We have lost everything at this harbour,” a docker said."))
    later = [e for e in s.events if e.provenance[0].sentence >= 5]
    assert [(e.text, e.date) for e in later] == [
        ("The harbour board has sacked its chief over missing funds.", DateRef("2025-03-23", "day", "reported"))]
    assert "present perfect" in later[0].signal


def test_news_in_an_article_without_a_date_stays_undated_and_the_timeline_lists_it_apart(tmp_path):
    from generators.pipeline import generate

    s = story(("", "The president has asked foreign armies for help against the gangs."))
    assert [(e.date, e.signal) for e in s.events] == [
        (DateRef("", "none", "reported"), "told without a date in the lead of an article that carries no date")]
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.txt").write_text("Harbour news\n\nThe harbour board has sacked its chief over missing funds.\n")
    (seeds / "b.md").write_text("---\npublished: 2025-03-02\n---\nDock workers have voted to strike over pay.\n")
    generate(seeds, tmp_path / "content")
    page = (tmp_path / "content" / "timeline.md").read_text("utf-8")
    dated, undated = page.split("## Told in articles without a date")
    assert "**2025-03-02** *(reported that day, no date given)*: Dock workers have voted" in dated
    assert "- The harbour board has sacked its chief" in undated.split("## The sentences cited")[0]
    home = (tmp_path / "content" / "index.md").read_text("utf-8")
    assert "(timeline.md): 0 dated events, 2 told without a date\n" in home


def test_a_day_the_press_wrote_much_about_is_chosen_even_without_a_dated_sentence():
    events = [event(1, "2024-05-02", "The council met to debate the harbour plan."),
              event(2, "2024-05-09", "Dock workers walked out over pay at the harbour.", reported=True)]
    busy = Counter({"2024-05-09": 3})
    assert [e.id for e in select_timeline(events, dates=1, per_date=1, published=busy)] == ["event-2"]
    assert [e.id for e in select_timeline(events, dates=1, per_date=1)] == ["event-1"]


def test_a_lead_published_the_next_day_can_stand_for_the_day_before_and_says_so():
    events = [event(1, "2024-05-02", "Dock workers voted to strike over pay at the harbour.", "a.txt"),
              event(2, "2024-05-03", "Dock workers strike over pay shut the harbour.", "b.txt", reported=True)]
    chosen = select_timeline(events, dates=1, per_date=2)
    assert [(e.id, e.date.value) for e in chosen] == [("event-1", "2024-05-02"), ("event-2", "2024-05-02")]
    assert "the day before its article" in chosen[1].signal
    assert events[1].date.value == "2024-05-03"  # the story's own event is not moved


def test_near_duplicates_give_way_to_a_different_telling_of_the_same_date():
    strike = "Dock workers began a strike over pay at the harbour on May 2."
    events = [event(1, "2024-05-02", strike, "a.txt"), event(2, "2024-05-02", strike + " Officials said.", "b.txt"),
              event(3, "2024-05-02", "The harbour strike left ships waiting at anchor on May 2.", "c.txt")]
    chosen = select_timeline(events, dates=1, per_date=2)
    assert {e.id for e in chosen} in ({"event-1", "event-3"}, {"event-2", "event-3"})


def test_the_knee_is_where_a_falling_curve_flattens():
    from generators.timeline import knee_point

    assert knee_point([0.9, 0.85, 0.8, 0.2, 0.15, 0.1]) == 2
    assert knee_point([0.9, 0.1, 0.1, 0.1]) == 1
    assert knee_point([0.5]) == 0


def test_a_telling_far_from_what_the_dates_sources_share_is_not_a_candidate():
    day = "2024-05-02"
    events = [event(1, day, "Dock workers began a strike over pay at the harbour on May 2.", "a.txt"),
              event(2, day, "The harbour strike over pay left ships waiting at anchor on May 2.", "b.txt"),
              event(3, day, "Harbour dock workers on strike over pay blocked the gates.", "c.txt", reported=True),
              event(4, day, "Ships waited at anchor as the dock strike over pay went on.", "d.txt", reported=True),
              event(5, day, "The harbour football team won the cup final after extra time.", "e.txt", reported=True),
              event(6, day, "A harbour choir sang at the new concert hall.", "f.txt", reported=True)]
    chosen = select_timeline(events, dates=1, per_date=5, published=Counter({day: 3}))  # room for every candidate
    assert {"event-1", "event-2"} <= {e.id for e in chosen} and not {"event-5", "event-6"} & {e.id for e in chosen}


def test_a_long_timeline_draws_on_leads_not_on_later_news():
    day = "2024-05-02"
    later = Event("event-9", DateRef(day, "day", "reported"), "The harbour board has sacked its chief.", False,
                  [Provenance("b.txt", 9, "The harbour board has sacked its chief.")])
    events = [event(1, day, "Dock workers began a strike over pay at the harbour on May 2."), later]
    assert [e.id for e in select_timeline(events, dates=1, per_date=2)] == ["event-1"]


def test_an_entry_naming_the_story_wins_over_one_beside_it():
    day = "2024-05-02"
    events = [event(1, day, "A ferry was delayed by fog on the river on May 2.", "a.txt"),
              event(2, day, "Fog on the river delayed the morning ferry on May 2.", "c.txt"),
              event(3, day, "Dock workers at the Ladeira harbour walked out on May 2.", "b.txt")]
    assert [e.id for e in select_timeline(events, dates=1, per_date=1)] != ["event-3"]
    assert [e.id for e in select_timeline(events, dates=1, per_date=1, keywords=frozenset({"ladeira"}))] == ["event-3"]


def test_a_long_timeline_shows_what_happened_on_a_known_day():
    events = [event(1, "2024-05-02", "Dock workers began a strike over pay at the harbour on May 2."),
              Event("event-2", DateRef("2024-05-09", "day", "on"), "The harbour will reopen on May 9.", True,
                    [Provenance("b.txt", 3, "The harbour will reopen on May 9.")]),
              Event("event-3", DateRef("2024-06", "month", "on"), "The harbour strike ended in June.", False,
                    [Provenance("c.txt", 3, "The harbour strike ended in June.")])]
    assert [e.id for e in select_timeline(events, dates=3, per_date=1)] == ["event-1"]


def test_a_day_with_nothing_about_the_story_gives_way_to_the_next():
    events = [event(1, "2024-05-02", "The city football team won the cup final on May 2.", "a.txt"),
              event(2, "2024-05-02", "Fans of the football team celebrated on May 2.", "b.txt"),
              event(3, "2024-05-07", "Ladeira dock workers began a strike over pay on May 7.", "c.txt")]
    assert [e.id for e in select_timeline(events, dates=1, per_date=1)] == ["event-1"]  # the busier day
    assert [e.id for e in select_timeline(events, dates=1, per_date=1, keywords=frozenset({"ladeira"}))] == ["event-3"]


def test_the_timeline_says_a_lead_was_dated_by_its_weekday(tmp_path):
    from generators.pipeline import generate

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "a.md").write_text("---\npublished: 2025-03-27\n---\n"
                                "A defence official said Wednesday the navy had sunk three smuggling boats.\n")
    result = generate(seeds, tmp_path / "content")
    assert [e.date.value for e in result.story.events] == ["2025-03-26"]
    page = (tmp_path / "content" / "timeline.md").read_text("utf-8")
    assert "**2025-03-26** *(reported 2025-03-27, dated by the weekday it names)*" in page
    overview = (tmp_path / "content" / "index.md").read_text("utf-8")
    assert "1 dated events" in overview and "told without a date" not in overview


def test_a_long_timeline_tells_the_days_its_articles_report_not_background_years_before_or_days_after():
    published = Counter({"2024-05-03": 1, "2024-05-08": 1})
    events = [event(1, "1961-04-12", "The harbour strike's leader was born on April 12, 1961.", "a.txt"),
              event(2, "2024-04-20", "Dock workers at the harbour held a first strike on April 20.", "a.txt"),
              event(3, "2024-04-30", "Dock workers at the harbour began a new strike on April 30.", "b.txt"),
              event(4, "2024-05-07", "Dock workers at the harbour voted to end the strike on May 7.", "b.txt"),
              event(5, "2024-06-01", "Dock workers at the harbour were paid on June 1.", "b.txt")]
    shown = [e.id for e in select_timeline(events, dates=5, per_date=1, published=published)]
    assert shown == ["event-3", "event-4"]  # a week before the first article to the last one's day
    assert [e.id for e in select_timeline(events, dates=5, per_date=1)] == [e.id for e in events]  # no dates: all
