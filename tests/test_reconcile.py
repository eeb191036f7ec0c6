from generators.extract import extract_article
from generators.extract.dates import Reference
from generators.ingest.cleaning import clean
from generators.reconcile import reconcile


def story(*texts):
    articles = [clean(f"{i}.txt", {"published": "2024-05-01"}, text) for i, text in enumerate(texts)]
    return reconcile(articles, [extract_article(a, Reference(2024, 5, 1)) for a in articles])


def test_same_fact_in_two_articles_is_one_item_with_two_sources():
    s = story("The city council approved the new harbour plan on April 3, 2024 after a long debate.",
              "After a long debate, the city council approved the harbour plan on April 3, 2024.")
    events = [e for e in s.events if e.date.value == "2024-04-03"]
    assert len(events) == 1 and {p.source for p in events[0].provenance} == {"0.txt", "1.txt"}


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


def test_actors_merge_across_articles_by_surname_and_accents():
    s = story("President Luisa González spoke in Quito on Monday.", "Gonzalez said the vote was fair.")
    (person,) = [a for a in s.actors if a.kind == "person"]
    assert person.name == "Luisa González" and {p.source for p in person.provenance} == {"0.txt", "1.txt"}


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


def test_a_value_given_for_a_whole_measure_is_compared_with_each_named_part():
    s = story("In the first round on March 3, 2024, Silva won 38.4% of the vote while Costa received 38%.",
              "Both candidates secured 38% of the vote in March's first round.")
    costa = [f for f in s.figures if f.label == "share of vote: Costa"]
    assert len(costa) == 1 and {p.source for p in costa[0].provenance} == {"0.txt", "1.txt"}, "agreement merges"
    (conflict,) = [c for c in s.conflicts if c.kind == "figure"]
    assert conflict.minor and conflict.about.startswith("share of vote: Silva")


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


def test_a_voice_is_who_speaks_not_who_is_spoken_of():
    s = story("In talks with Pedro Alves, a banker known for his fund, Rosa Lima explained that the plan was needed.",
              "Judge Marta Reis has passed sweeping reforms, drawing criticism from lawyers.")
    assert [v.speaker for v in s.views] == ["Rosa Lima"]
    assert s.views[0].stance == "for"


def test_every_item_says_which_rule_found_it():
    s = story("On March 3, 2024, Silva won 38.4% of the vote, said Ana Ruiz of the Electoral Council.",
              "\"The count was clean and it is over now,\" she said on March 4, 2024.")
    items = [*s.events, *s.figures, *s.actors, *s.quotes]
    assert items and all(item.signal for item in items)
    (share,) = [f for f in s.figures if f.unit == "%"]
    assert "won" in share.signal
    assert [e.signal.split(":")[0] for e in s.events] == ["date rule month-day-year"] * 2
    assert next(a for a in s.actors if a.name == "Electoral Council").signal.startswith("organisation: ")


def test_durations_and_unnamed_counts_are_not_disagreements():
    s = story("He served 4 years in prison in 2011.", "She waited 3 years for the verdict in 2011.",
              "In 2011, there were 12 officers.", "Since 2010, there were 12 officers.",
              "On May 3, 2011, 40 people were killed 30 miles from the city.",
              "On May 3, 2011, 900 people fled 50 miles east, and the fund pledged $3 million.",
              "On May 3, 2011, the bank froze $2 billion.")
    assert s.conflicts == []


def test_a_count_of_what_happened_is_a_measure_whose_period_can_disagree():
    s = story("In 2011, 12 officers were hurt.", "Since 2010, 12 officers were hurt.")
    assert [c.about for c in s.conflicts] == ["12 officers hurt: over which period?"]


def test_a_day_much_written_about_wins_a_tie_between_dates():
    from collections import Counter

    from generators.timeline import select_timeline
    s = story("The council met on May 2, 2024 to debate.", "The mayor resigned on May 3, 2024 after the debate.")
    assert [e.date.value for e in select_timeline(s.events, dates=1, per_date=1)] == ["2024-05-02"]
    busy = Counter({"2024-05-03": 3})
    assert [e.date.value for e in select_timeline(s.events, dates=1, per_date=1, published=busy)] == ["2024-05-03"]


def test_the_title_most_sources_give_comes_first():
    s = story("Former Mayor Maria Gonzalez spoke on May 1, 2024.", "Mayor Maria Gonzalez spoke again on May 2, 2024.",
              "Mayor Maria Gonzalez left on May 3, 2024.")
    ruiz = next(a for a in s.actors if a.name == "Maria Gonzalez")
    assert ruiz.role == "Mayor"


def test_the_leading_title_is_given_in_its_fullest_form():
    s = story("Secretary William Hague spoke on May 1, 2024.", "Foreign Secretary William Hague spoke on May 2, 2024.",
              "Secretary William Hague left on May 3, 2024.", "Former Secretary William Hague left on May 3, 2024.")
    assert next(a for a in s.actors if a.name == "William Hague").role == "Foreign Secretary"


def test_key_figures_are_named_measures_money_rates_and_large_counts_not_incidental_numbers():
    s = story("The rebels were 30 miles from the capital at 10.40 am, two countries said. "
              "Officials said they were 100 percent sure. He ruled for 42 years.",
              "The rebels were 30 miles from the capital, and 200,000 people fled. The unemployment rate stood at 12%. "
              "The fund froze $30 billion. The city, with a population of 18 million, saw three murders per day.")
    assert {(f.text, f.label) for f in s.figures if f.id in s.key_figures} == {
        ("200,000", "people fled"), ("12%", "unemployment rate"), ("$30 billion", "frozen"), ("18 million", "population"),
        ("three", "murders per day")}


def test_the_disputed_items_are_named_by_their_disagreement():
    s = story("In January 2024 the police recorded 731 homicides, and 12 new police stations opened.",
              "In January 2024 the police recorded 781 homicides across the country.")
    (conflict,) = s.conflicts
    disputed = {i for i in conflict.items if i.startswith("figure-")}
    assert {f.text for f in s.figures if f.id in disputed} == {"731", "781"}
    assert any(i.startswith("event-") for i in conflict.items), "the event told with the disputed number"


def test_an_actor_is_the_kind_most_of_its_mentions_say():
    s = story("Fighters from Arno Veld fled. Troops in Arno Veld waited.",
              "Arno Veld said the war would go on.", "Arno Veld told the council he would stay.",
              "Arno Veld warned the rebels.")
    (veld,) = [a for a in s.actors if a.name == "Arno Veld"]
    assert veld.kind == "person" and "PERSON" in veld.signal  # the model read one mention as a place: outvoted


def test_between_equally_sourced_key_figures_the_one_in_the_storys_words_comes_first():
    s = story("Snow fell 15 inches deep in a town far away. The storm killed 40 people in the port, officials said.",
              "The storm flooded the port, officials said, and rescuers searched the port for people.",
              "Rescuers said the storm left the port without power. Were 2,000 homes flooded?")
    key = [next(f for f in s.figures if f.id == i) for i in s.key_figures]
    assert [f.text for f in key[:2]] == ["40", "15"]
    assert any(f.text == "2,000" for f in s.figures)
    assert "2,000" not in [f.text for f in key], "a number in a question is not a key number"


def test_the_central_question_is_the_headline_most_like_the_others_and_a_repeated_one_votes_once():
    from generators.reconcile.overview import central_question
    titles = ["Two men charged in death of teen singer", "Two men charged in death of teen singer",
              "Protesters fill Cairo square", "Cairo protesters defy curfew in square", "Army deploys as protesters rally"]
    articles = [clean(f"{i}.txt", {"title": t, "published": "2024-05-01"}, "Text of the article. More text.")
                for i, t in enumerate(titles)]
    assert central_question(articles) == "Protesters fill Cairo square"


def test_an_actor_is_named_as_most_articles_name_it_and_a_place_is_not_a_longer_names_first_word():
    s = story("Doctors at the Tripoli Central Hospital said 20 people died. Protests spread in Tripoli and across LIBYA.",
              "Fighting reached Tripoli on Monday, officials in Libya said.",
              "Residents fled Tripoli on Tuesday as Libya closed its borders.")
    names = {a.name: a for a in s.actors}
    assert "Tripoli" in names and "Libya" in names, names.keys()
    assert {p.source for p in names["Tripoli"].provenance} == {"0.txt", "1.txt", "2.txt"}
    assert "Tripoli" not in names.get("Tripoli Central Hospital", names["Tripoli"]).aliases


def test_one_person_spelt_two_ways_by_two_newsrooms_is_one_actor_but_two_names_in_one_article_are_two():
    s = story("On Monday, Moammar Gadhafi spoke to the nation.", "On Monday, Muammar Qaddafi spoke to the nation.",
              "Joan Smith met John Smith on Monday.")
    names = {a.name: a for a in s.actors}
    gadhafi = next(a for a in s.actors if "Moammar Gadhafi" in [a.name, *a.aliases])
    assert "Muammar Qaddafi" in [gadhafi.name, *gadhafi.aliases]
    assert {p.source for p in gadhafi.provenance} == {"0.txt", "1.txt"}
    assert "Joan Smith" in names and "John Smith" in names


def test_actors_that_came_to_share_a_name_are_one():
    from generators.model import Actor, Provenance
    from generators.reconcile.actors import merge_same_names
    big = Actor("", "NATO", "organisation", [], [], 5, [Provenance("a.txt", 0, "NATO said."), Provenance("b.txt", 1, "NATO struck.")])
    glued = Actor("", "NATO", "organisation", ["Unfortunately NATO"], ["alliance"], 1, [Provenance("c.txt", 2, "Unfortunately NATO left.")])
    other = Actor("", "Nato", "organisation", [], [], 1, [Provenance("a.txt", 0, "NATO said.")])
    (merged,) = merge_same_names([glued, big, other])
    assert merged is big and merged.aliases == ["Unfortunately NATO", "Nato"] and merged.roles == ["alliance"]
    assert [p.source for p in merged.provenance] == ["a.txt", "b.txt", "c.txt"] and merged.mentions == 7


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


def test_a_surname_alone_goes_to_its_most_mentioned_namesake_not_the_first_full_name_seen():
    s = story("Prosecutors charged Saif Omar Darko on Monday. Darko denied it, lawyers said.",
              "Leader Pavel Darko spoke on Monday. Pavel Darko said Darko would stay.",
              "Pavel Darko met envoys on Monday. Pavel Darko said talks went well.",
              "Darko said on Tuesday the army would stay.")
    pavel = next(a for a in s.actors if a.name == "Pavel Darko")
    assert "3.txt" in {p.source for p in pavel.provenance}


def test_a_name_few_articles_glued_yields_to_one_many_more_use():
    from collections import Counter

    from generators.model import Actor, Provenance
    from generators.reconcile.actors import _choose_name
    actor = Actor("", "Benghazi Medical Center", "place", ["Benghazi"], [], 9, [Provenance("a.txt", 0, "x")])
    _choose_name(actor, Counter({"Benghazi Medical Center": 2, "Benghazi": 10}))
    assert actor.name == "Benghazi" and actor.aliases == ["Benghazi Medical Center"]
    person = Actor("", "Pavel Darko", "person", ["Darko"], [], 9, [Provenance("a.txt", 0, "x")])
    _choose_name(person, Counter({"Pavel Darko": 2, "Darko": 10}))
    assert person.name == "Pavel Darko", "a person keeps the full name"


def test_reporters_and_the_publishing_outlet_are_not_voices():
    s = story("\"The square is full and the police have pulled back,\" said William Hague, a senior correspondent, "
              "on May 1, 2024.",
              "\"This government cannot survive another week of this,\" said Maria Gonzalez, a professor, on May 2, 2024.")
    hague = next(a for a in s.actors if a.name == "William Hague")
    assert "correspondent" in hague.role
    assert [v.speaker for v in s.views] == ["Maria Gonzalez"]


def test_the_outlet_that_publishes_the_story_is_not_a_voice_in_it():
    text = "On May 1, 2024, The Guardian newspaper said: \"This government cannot survive another week of this.\""
    articles = [clean("0.txt", {"published": "2024-05-01", "outlet": outlet}, text)
                for outlet in ("", "The Guardian")]
    voices = [[v.speaker for v in reconcile([a], [extract_article(a, Reference(2024, 5, 1))]).views] for a in articles]
    assert voices == [["Guardian"], []]


def dated_story(*dated_texts):
    articles = [clean(f"{i}.txt", {"published": day}, text) for i, (day, text) in enumerate(dated_texts)]
    return reconcile(articles, [extract_article(a, Reference(*map(int, a.published.split("-")))) for a in articles])


def test_a_toll_reported_day_after_day_is_a_revision_series_and_same_day_differences_disagree():
    from generators.reconcile.figures import revisions
    s = dated_story(("2024-05-01", "The earthquake has killed 120 people, officials said."),
                    ("2024-05-02", "The number of dead rose to 300, the ministry said."),
                    ("2024-05-02", "At least 280 people died in the earthquake, a hospital said."),
                    ("2024-05-04", "Officials say 1,200 people were killed and 5,000 were injured."))
    (deaths, *_) = revisions(s.figures, s.articles)
    assert [(r.day, r.value) for r in deaths.reports] == [
        ("2024-05-01", 120.0), ("2024-05-02", 280.0), ("2024-05-02", 300.0), ("2024-05-04", 1200.0)]
    (conflict,) = [c for c in s.conflicts if "reported on" in c.about]
    assert conflict.about.endswith("reported on 2024-05-02") and not conflict.minor
    assert sorted({p.source for v in conflict.values for p in v.provenance}) == ["1.txt", "2.txt"]


def test_a_timeline_entry_that_leans_on_the_sentence_before_gives_way_to_one_that_stands_alone():
    from generators.timeline import select_timeline
    said = "He said the council approved the new budget on May 2, 2024."
    s = story(said, said, "Dock workers voted to end the strike on May 2, 2024.")  # told twice: more central
    assert len(s.events) == 2
    (chosen,) = select_timeline(s.events, dates=1, per_date=1)
    assert chosen.text.startswith("Dock workers")


def test_the_story_is_never_named_by_a_question_or_an_opinion_piece():
    from generators.reconcile.overview import central_question
    pages = [("Can the protesters in Cairo square topple the army?", ""),
             ("Opinion: protesters in Cairo square will win", ""),
             ("Protesters in Cairo square win over the army", "https://example.org/commentisfree/2011/feb/01/cairo"),
             ("Army deploys as protesters rally in Cairo", "")]
    articles = [clean(f"{i}.txt", {"title": t, "url": url, "published": "2011-02-01"}, "Text. More text.")
                for i, (t, url) in enumerate(pages)]
    assert central_question(articles) == "Army deploys as protesters rally in Cairo"
    assert central_question(articles[:1]) == pages[0][0]  # a question is better than no name at all


def test_an_event_one_source_tells_as_past_is_not_scheduled_though_another_expected_it():
    s = story("The dock workers will begin their strike at the harbour on May 20, 2024.",
              "The dock workers began their strike at the harbour on May 20, 2024.",
              "The harbour festival will open on June 2, 2024.")
    by_date = {e.date.value: e for e in s.events}
    assert len(by_date["2024-05-20"].provenance) == 2 and not by_date["2024-05-20"].scheduled
    assert by_date["2024-06-02"].scheduled
