"""The evaluation harness scores what it should, and the seeds stay above floors well below today's figures."""

from __future__ import annotations

import json
from datetime import date

import yaml

from generators.evaluate.corpora import read_gold_timeline, reference_timeline, set_aside_line, timeline_size
from generators.evaluate.gold import GOLD, align, furniture_on_site, score_gold, verbatim_share
from generators.ingest.repetition import set_aside_repeated
from generators.model import Article, Sentence

from .conftest import SEEDS
from .ingest.test_repetition import FOOTER, folder

FLOOR = 0.85  # `make eval` prints 1.00 for every kind today; this only catches a regression
UNDATED_NEWS_FLOOR = 0.8  # the issue asks for four of the five undated events; one is told only in a quotation


def test_seeds_meet_the_floors(seeds_build):
    result, _, site = seeds_build
    gold = yaml.safe_load(GOLD.read_text("utf-8"))
    for score in score_gold(result.story, gold):
        recall_only = score.kind in gold.get("recall_only", [])
        floor = UNDATED_NEWS_FLOOR if score.kind == "events told without a date" else FLOOR
        assert (recall_only or score.precision >= FLOOR) and score.recall >= floor, score
    verbatim, total = verbatim_share(result.story, SEEDS)
    assert total > 100 and verbatim == total
    assert furniture_on_site(site, gold["furniture"]) == []


def test_furniture_check_finds_a_leak(tmp_path):
    (tmp_path / "page.html").write_text("<p>Read on. Skip to   main menu</p>", "utf-8")
    assert furniture_on_site(tmp_path, ["Skip to main menu", "Bird Flu"]) == ["Skip to main menu"]


def test_alignment_is_many_to_one():
    score = align("numbers", [1, 1, 2, 5], [1, 2, 3], lambda p, g: p == g)
    assert (score.correct, score.recalled, score.duplicates) == (3, 2, 1)
    assert score.precision == 0.75 and round(score.recall, 3) == 0.667


def test_gold_timeline_format(tmp_path):
    path = tmp_path / "gold.txt"
    path.write_text('2011-01-25\n"[\'Protests begin .\', ""The army \'s role grows ."" ]"\n'
                    '--------------------------------\n2011-02-11\n"[\'He resigns .\']"\n---------\n', "utf-8")
    gold = read_gold_timeline(path)
    assert gold == {date(2011, 1, 25): ["Protests begin .", "The army 's role grows ."],
                    date(2011, 2, 11): ["He resigns ."]}
    assert timeline_size(gold) == (2, 2)


def test_reference_method_takes_the_busiest_days():
    def article(name, day, *texts):
        return Article(source=name, published=day,
                       sentences=[Sentence(name, i, t, 0) for i, t in enumerate(texts)])

    articles = [article("b.md", "2011-01-02", "Second day lead.", "More."),
                article("a.md", "2011-01-02", "First article lead.", "Its second sentence.", "Third."),
                article("c.md", "2011-01-05", "Quiet day.")]
    assert reference_timeline(articles, 1, 2) == {date(2011, 1, 2): ["First article lead.", "Its second sentence."]}


def test_leave_one_topic_out_scores_each_topic_with_the_setting_the_others_chose():
    from generators.evaluate.corpora import SETTINGS, leave_one_topic_out

    first, last = SETTINGS[0], SETTINGS[-1]

    def scores(best: tuple, top: float) -> dict:
        return {s: {"rouge_1": top if s == best else 0.1, "rouge_2": 0.0, "date_f1": 0.0} for s in SETTINGS}

    results = {"a": {"ours": scores(first, 0.9)}, "b": {"ours": scores(last, 0.5)}, "c": {"ours": scores(last, 0.4)}}
    held_out = leave_one_topic_out(results)
    assert held_out["a"] == (last, {"rouge_1": 0.1, "rouge_2": 0.0, "date_f1": 0.0})  # b and c prefer the last
    # without b, a's strong preference for the first outweighs c's weak one for the last: b is scored at the first
    assert held_out["b"] == (first, {"rouge_1": 0.1, "rouge_2": 0.0, "date_f1": 0.0})
    assert held_out["c"][0] == first


def test_an_article_that_copies_the_gold_timeline_is_left_out_of_evaluation(tmp_path):
    from generators.evaluate.corpora import copies_of_gold

    gold = {date(2011, 2, d): [f"Rebels take the town number {d} after a long night of fighting , officials say ."]
            for d in range(1, 5)}
    (tmp_path / "a.md").write_text("Timeline:\n" + "\n".join(
        f"Feb {d} - Rebels take the town number {d} after a long night of fighting, officials say." for d in range(1, 4)))
    (tmp_path / "b.md").write_text("Rebels take the town number 1 after a long night of fighting, officials say. "
                                   "Nothing else here is from the timeline.")
    assert copies_of_gold(tmp_path, gold) == ["a.md"]


def test_the_report_counts_sentences_set_aside_as_repeated_and_shows_the_commonest():
    articles = folder(20, footer_in=6)
    set_aside_repeated(articles)
    line = set_aside_line(articles)
    assert line.startswith("  sentences set aside as repeated furniture: 1 in 6 articles")
    assert f"6 x {FOOTER}" in line
    assert set_aside_line(folder(20, footer_in=0)).endswith(": 0 in 0 articles")


def test_web_pages_are_scored_as_trafilaturas_evaluation_counts_them(tmp_path):
    from generators.evaluate.benchmarks import score_web_pages

    (tmp_path / "eval").mkdir()
    (tmp_path / "eval" / "a.html").write_text(
        "<html><body><nav>Home | World | Sport</nav><article><p>The council voted on Tuesday to close the pier "
        "after engineers found deep cracks.</p></article></body></html>")
    (tmp_path / "eval" / "b.html").write_text("<html><body><nav>Home</nav></body></html>")
    (tmp_path / "evaldata.json").write_text(json.dumps({
        "https://a.example/": {"file": "a.html", "with": ["voted on Tuesday", "a missing line"],
                               "without": ["Home | World"]},
        "https://b.example/": {"file": "b.html", "with": ["anything"], "without": ["Home"]}}))
    score, skipped = score_web_pages(tmp_path)
    assert (score.correct, score.found, score.gold) == (1, 1, 3)  # 3 "with" snippets in all
    assert [s.split(" ")[0] for s in skipped] == ["b.html"]
    first, _ = score_web_pages(tmp_path, "first")
    assert first.gold == 2


def test_the_report_counts_disagreements_by_kind(seeds_build):
    from generators.evaluate.corpora import disagreements_line

    result, _, _ = seeds_build
    line = disagreements_line(result.story)
    shown, held = line.split("; held back for the editor: ")
    assert shown.startswith(f"  disagreements: {len(result.story.conflicts)} (")
    assert held.startswith(f"{len(result.story.held_back)} (") and result.story.held_back
    assert all(f"{c.kind} " in shown for c in result.story.conflicts)
    assert all(f"{c.kind} " in held for c in result.story.held_back)


def test_the_count_as_it_stands_is_checked_against_the_gold_read_by_hand():
    from generators.evaluate.corpora import standing_line

    from .reconcile.conftest import dated_story
    reports = [("2011-02-01", "Officials said 38 people have died in the protests."),
               ("2011-02-02", "At least 38 people have died in the clashes, a rights group said."),
               ("2011-02-12", "Human Rights Watch has documented 302 deaths since the protests began."),
               ("2011-02-12", "More than 300 people were killed in the uprising, Human Rights Watch said.")]
    assert standing_line(dated_story(*reports), "t17-egypt").endswith("deaths 302 (gold 300–500: right)")
    assert standing_line(dated_story(*reports[:2]), "t17-egypt").endswith("(gold 300–500: WRONG)")
    assert standing_line(dated_story(*reports[:2]), "no-such-corpus").endswith("no gold")
