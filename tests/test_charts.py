"""Charts are built from the story's data: one per comparison, disagreement and the voices, each with its table."""

from __future__ import annotations

import json

from generators.charts import (
    comparison_charts,
    coverage_chart,
    disagreement_charts,
    figure_series_charts,
    revision_charts,
    source_labels,
    voices_chart,
)
from generators.extract import extract_article
from generators.extract.dates import Reference
from generators.ingest.cleaning import clean
from generators.reconcile import reconcile, revisions


def story(*texts, title="Report number {i} on the vote"):
    articles = [clean(f"{i}.txt", {"published": "2024-05-01", "title": title.format(i=i)}, text)
                for i, text in enumerate(texts)]
    return reconcile(articles, [extract_article(a, Reference(2024, 5, 1)) for a in articles])


def test_parts_of_one_measure_become_one_bar_chart_with_a_bar_per_source():
    s = story("In the first round on March 3, 2024, Silva won 38.4% of the vote while Costa received 38%.",
              "Both candidates secured 38% of the vote in March's first round.")
    (chart,) = comparison_charts(s)
    assert chart.title.startswith("Share of vote")
    rows = sorted((r[0], r[1]) for r in chart.table_rows)
    assert rows == [("Costa", "38"), ("Costa", "38"), ("Silva", "38"), ("Silva", "38.4")]
    assert {r["source"] for r in chart.spec["data"]["values"]} == {"Report number 0 on the vote",
                                                                  "Report number 1 on the vote"}


def test_each_disagreement_shows_every_source_value():
    s = story("In January 2024 the police recorded 731 homicides across the country.",
              "In January 2024 the police recorded 781 homicides across the country.")
    (chart,) = disagreement_charts(s)
    assert sorted(row[1] for row in chart.table_rows) == ["731 homicides", "781 homicides"]
    assert chart.title == "homicides, 2024-01"


def test_voices_sit_in_the_column_of_their_stance():
    s = story("\"The plan for the vote has failed and the army is dangerous here,\" said Rosa Lima.",
              "\"We need this vote and it will help,\" said Pedro Alves.",
              title="Council calls for a vote on the plan")  # the debate: the headline's call
    chart = voices_chart(s)
    assert sorted(chart.table_rows) == [["Pedro Alves", "for", "1"], ["Rosa Lima", "against", "1"]]
    assert voices_chart(story("The meeting took place in the capital.")) is None


def test_sources_are_named_by_outlet_and_date_else_by_headline():
    a = clean("a.txt", {"title": "A very long headline about the harbour strike and its end", "outlet": "",
                        "published": "2024-05-01"}, "The strike ended on Monday.")
    b = clean("b.txt", {"outlet": "example.org", "published": "2024-05-02"}, "The strike ended on Monday.")
    assert source_labels([a, b]) == {"a.txt": "A very long headline about the harb…", "b.txt": "example.org, 2024-05-02"}


def test_a_trend_an_article_states_is_charted_but_counts_of_one_noun_on_different_days_are_not():
    s = story("Police recorded 410 burglaries in June 2023 and 460 burglaries in July 2023.",
              "On March 3, 2024, 200 people gathered in the square.",
              "On April 9, 2024, 50 people were evacuated from the flats.")
    (chart,) = figure_series_charts(s)
    assert sorted(row[1] for row in chart.table_rows) == ["410", "460"]


def test_a_long_series_leaves_its_values_to_tooltips_and_table_not_labels_on_each_other():
    def marks(chart) -> list[str]:
        layers = chart.spec.get("layer", [chart.spec])
        return [layer["mark"]["type"] for layer in layers]

    (short,) = figure_series_charts(story("Police recorded 410 burglaries in June 2023 and 460 burglaries in July 2023."))
    months = ["January", "February", "March", "April", "May", "June", "July", "August", "September"]
    sentence = " and ".join(f"{400 + 10 * i} burglaries in {m} 2023" for i, m in enumerate(months))
    (long,) = figure_series_charts(story(f"Police recorded {sentence}."))
    assert marks(short) == ["line", "text"] and marks(long) == ["line"]
    assert len(long.table_rows) == len(months)


def test_a_chart_that_only_moves_keeps_its_picture():
    homicides = ("In January 2024 the police recorded 731 homicides across the country.",
                 "In January 2024 the police recorded 781 homicides across the country.")
    (first,) = disagreement_charts(story(*homicides))
    later = disagreement_charts(story(*homicides, "In May 2023 there were 410 burglaries in the city.",
                                      "In May 2023 there were 460 burglaries in the city."))
    (moved,) = [c for c in later if "homicides" in c.title]
    assert moved.name != first.name, "a disagreement numbered before it"
    assert moved.picture("light") == first.picture("light") != moved.picture("dark")


def test_a_control_character_in_a_file_name_does_not_abort_the_chart_renderer(tmp_path):
    """vl-convert panics (the whole process aborts) on a control character in a label: it is stripped first."""
    import shutil
    import subprocess
    import sys

    from .conftest import ROOT, SEEDS
    seeds = tmp_path / "seeds"
    shutil.copytree(SEEDS, seeds)
    last = sorted(seeds.iterdir())[-1]
    last.rename(seeds / ("bad\x01name" + last.suffix))
    done = subprocess.run([sys.executable, "-m", "generators", "generate", "--seeds", str(seeds), "--content",
                           str(tmp_path / "content"), "--no-cache", "--quiet"], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, check=False)
    assert done.returncode == 0, done.stderr[-500:]
    assert list((tmp_path / "content" / "assets" / "charts").glob("*.svg"))


TOLL = [("2024-05-01", "The earthquake has killed 120 people, officials said."),
        ("2024-05-02", "Between 250 and 300 people died in the earthquake, a hospital said."),
        ("2024-05-04", "Officials say 1,200 people were killed in the earthquake.")]
SAME_DAY_SAME_TOLL = [("2024-05-04", "The earthquake has now killed 1,200 people, the government said."),
                      ("2024-05-04", "Rescuers said 1,200 people were killed in the earthquake.")]


def test_a_running_count_is_charted_by_date_of_report_with_ranges_and_the_count_as_it_stands_in_words():
    articles = [clean(f"{i}.txt", {"published": day, "title": f"Quake report {i}"}, text)
                for i, (day, text) in enumerate(TOLL + SAME_DAY_SAME_TOLL)]
    s = reconcile(articles, [extract_article(a, Reference(*map(int, a.published.split("-")))) for a in articles])
    (chart,) = revision_charts(s, revisions(s.figures, s.articles))
    assert chart.title == "How the count of people killed changed"
    assert chart.table_rows == [["2024-05-01", "120", "Quake report 0"], ["2024-05-02", "250–300", "Quake report 1"],
                                ["2024-05-04", "1,200", "Quake report 2; Quake report 3 and 1 more"]]  # one mark
    assert "As it stands: 1,200 (2024-05-04, given by 3 sources among the story's latest reports)." in chart.caption
    ranged = next(r for r in chart.spec["data"]["values"] if r["said"] == "250–300")
    assert (ranged["value"], ranged["upper"]) == (250.0, 300.0)
    assert any(layer["mark"]["type"] == "rule" and "y2" in layer["encoding"] for layer in chart.spec["layer"])


def test_a_count_spanning_a_hundredfold_is_charted_on_a_log_scale_said_in_the_caption():
    from generators.charts import revision_chart
    from generators.model import Report, Revision

    reports = [Report("2024-05-01", 10, None, "a.txt", "figure-1"), Report("2024-05-03", 200, None, "b.txt", "figure-2"),
               Report("2024-05-05", 3_000_000, None, "c.txt", "figure-3")]
    chart = revision_chart(Revision("people killed", reports), {}, 1)
    layers = [layer["encoding"]["y"] for layer in chart.spec["layer"]]
    assert all(y["scale"] == {"type": "log"} for y in layers), "one 3,000,000 would flatten 10 and 200 at zero"
    assert "logarithmic" in chart.caption and "from 10 to 3,000,000" in chart.caption
    linear = revision_chart(Revision("people killed", reports[:2]), {}, 1)
    assert all("scale" not in layer["encoding"]["y"] for layer in linear.spec["layer"])
    assert "logarithmic" not in linear.caption


def test_sources_that_would_share_a_label_are_told_apart_by_headline_then_number_never_by_file_name():
    from generators.model import Article
    same = [Article(f"00{i}_3f9a.txt", title=title, outlet="BBC", published="2024-05-02")
            for i, title in enumerate(["Quake toll rises", "Quake toll rises", "Aid arrives in the capital"])]
    assert source_labels([*same, Article("x.txt", outlet="", title="")]) == {
        "000_3f9a.txt": "BBC, 2024-05-02: Quake toll rises (1)", "001_3f9a.txt": "BBC, 2024-05-02: Quake toll rises (2)",
        "002_3f9a.txt": "BBC, 2024-05-02: Aid arrives in the capi…", "x.txt": "x.txt"}


def test_the_timeline_chart_plots_the_storys_weeks_days_as_dots_months_and_years_as_bars():
    from generators.charts import timeline_chart
    s = story("The old treaty was signed in 1998.", "Riots broke out in April 2024 across the city.",
              "The council met on May 1, 2024 and again on May 3, 2024.")
    chart = timeline_chart(s.events, s.articles)
    plotted = {r["when"]: r for r in chart.spec["data"]["values"]}
    assert "1998" not in plotted and "1 earlier event" in chart.caption  # background: in the table only
    assert [row[0] for row in chart.table_rows if row[0] == "1998"] == ["1998"]
    assert (plotted["2024-04"]["start"], plotted["2024-04"]["end"]) == ("2024-04-01", "2024-04-30")
    marks = {layer["mark"]["type"]: layer["transform"][0]["filter"] for layer in chart.spec["layer"]}
    assert marks == {"rule": "datum.precision !== 'day'", "circle": "datum.precision === 'day'"}
    assert "precision" not in json.dumps(chart.spec["layer"][0]["encoding"]) and "size" not in chart.spec["layer"][1]["encoding"]
    only_days = timeline_chart([e for e in s.events if e.date.precision == "day"], s.articles)
    assert [layer["mark"]["type"] for layer in only_days.spec["layer"]] == ["circle"]  # no empty, unlabelled layer
    assert "bar" not in only_days.caption and only_days.caption.startswith("Each dot")


def test_the_coverage_chart_names_its_columns_by_outlet_and_date_never_by_file_name():
    s = story("Mayor Ann Lee said the council would vote on the harbour plan.",
              "Mayor Ann Lee and the Harbour Board disagreed about the plan.")
    s.articles[0].outlet = "The Gazette"
    chart = coverage_chart(s)
    columns = chart.table_header[1:]
    assert columns == sorted(["The Gazette, 2024-05-01", "Report number 1 on the vote"])
    assert not any(".txt" in json.dumps(row) for row in chart.spec["data"]["values"])
