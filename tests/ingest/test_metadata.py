from pathlib import Path

from generators.ingest import read_articles


def test_impossible_and_far_dates_are_reported_not_raised(tmp_path: Path):
    for name, published in (("feb30.md", "2025-02-30"), ("year1.md", "0001-01-01"), ("far.md", "9999-12-31")):
        (tmp_path / name).write_text(f"---\npublished: {published}\n---\nOn Monday the council met in {name}.\n")
    (tmp_path / "good.md").write_text("---\npublished: 2025-02-28\n---\nOn Monday the council met again.\n")
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["good.md"] and articles[0].published == "2025-02-28"
    assert sorted(s.source for s in skipped) == ["far.md", "feb30.md", "year1.md"]
    assert all("not a date" in s.reason for s in skipped)


def test_sources_yml_corrects_metadata(tmp_path: Path):
    (tmp_path / "a.txt").write_text("The council voted on the plan yesterday.\n")
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: The Gazette\n  published: 2020-05-06\n  authors: Ann Lee\n")
    (article,), skipped = read_articles(tmp_path)
    assert (article.outlet, article.published, article.authors) == ("The Gazette", "2020-05-06", ["Ann Lee"])
    (tmp_path / "sources.yml").write_text("a.txt:\n  published: [1, 2]\n")
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["a.txt"], "a wrong correction is ignored, the article kept"
    assert skipped[0].source == "sources.yml" and "a.txt" in skipped[0].reason and "published" in skipped[0].reason
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: The Gazette\n  published: 2020-02-30\n")
    (article,), skipped = read_articles(tmp_path)
    assert article.outlet == "" and "ignored" in skipped[0].reason, "an entry reported as ignored is not half applied"
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: The Gazette\n  publshed: 2020-05-06\n")
    (article,), skipped = read_articles(tmp_path)
    assert article.outlet == "" and "unknown key(s) publshed" in skipped[0].reason


def test_metadata_is_bounded_in_size(tmp_path: Path):
    """A title of 800 KB would be on every page of its article: titles, outlets and authors are cut at a word."""
    title = "Harbour " * 100_000
    (tmp_path / "a.md").write_text(f"---\ntitle: {title}\nauthors: [{', '.join(['Ann Lee'] * 50)}]\n---\n"
                                   "The council voted on the plan yesterday.\n")
    (article,), _ = read_articles(tmp_path)
    assert len(article.title) <= 300 and article.title.endswith("Harbour…")
    assert len(article.authors) == 20
