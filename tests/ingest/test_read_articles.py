from pathlib import Path

from generators.ingest import read_articles

from ..conftest import SEEDS


def test_bad_files_are_skipped_by_name_and_the_rest_read(tmp_path: Path):
    (tmp_path / "good.txt").write_text("A Title Of The Good Article\n\nThe council voted on the plan yesterday.\n")
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x00\xff\x00\xfe" * 100)
    (tmp_path / "huge.txt").write_text("Words here. " * 100)
    (tmp_path / "broken.md").write_text("---\ntitle: [oops\n---\nSome body text that is fine.\n")
    (tmp_path / "copy.txt").write_text("A Title Of The Good Article\n\nThe council voted on the plan yesterday.\n")
    (tmp_path / "sources.yml").write_text("good.txt:\n  outlet: The Gazette\n  published: 2020-05-06\n")
    articles, skipped = read_articles(tmp_path, max_bytes=1000)
    assert [a.source for a in articles] == ["copy.txt"] or [a.source for a in articles] == ["good.txt"]
    reasons = {s.source: s.reason for s in skipped}
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "too large" in reasons["huge.txt"]
    assert "front matter" in reasons["broken.md"]
    assert "same text" in (reasons.get("good.txt") or reasons.get("copy.txt"))


def test_seeds_read_cleanly():
    articles, skipped = read_articles(SEEDS)
    assert skipped == [] and len(articles) == 5
    text = "\n".join(p for a in articles for p in a.paragraphs)
    for furniture in ("Skip to", "Getty Images", "(Courtesy", "Next", "Watch coverage", "**", "p.dw.com",
                      "originally written in German", "Bird Flu"):
        assert furniture not in text
    repeated = next(a for a in articles if sum("duplicate" in r for r in a.removed) >= 6)
    assert len(repeated.paragraphs) == len(set(repeated.paragraphs))
    dw = next(a for a in articles if a.url)
    assert dw.published == "2025-03-23" and len(dw.authors) == 2


def test_cached_reading_equals_plain_reading(tmp_path: Path):
    plain = read_articles(SEEDS)
    cache = tmp_path / "ingest"
    assert read_articles(SEEDS, cache=cache) == plain
    entries = sorted(cache.glob("*.pickle"))
    assert len(entries) == len(plain[0])
    entries[0].write_bytes(b"damaged")
    assert read_articles(SEEDS, cache=cache) == plain, "a damaged entry is read again"


def test_an_unreadable_sources_yml_is_reported_and_the_articles_read(tmp_path: Path, monkeypatch):
    (tmp_path / "a.txt").write_text("The council voted on the plan yesterday.\n")
    (tmp_path / "sources.yml").write_text("a.txt:\n  outlet: The Gazette\n")
    real = Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda p: (_ for _ in ()).throw(PermissionError(13, "Permission denied"))
                        if p.name == "sources.yml" else real(p))
    articles, skipped = read_articles(tmp_path)
    assert [a.source for a in articles] == ["a.txt"]
    assert [s.source for s in skipped] == ["sources.yml"] and "unreadable" in skipped[0].reason


def test_furniture_many_articles_print_is_set_aside_and_an_editor_keeps_an_article(tmp_path: Path):
    footer = "Comments on this article are now closed for good."
    for n, topic in enumerate(["harbour", "railway", "school", "bridge", "market", "clinic"]):
        (tmp_path / f"{n}.txt").write_text(f"The {topic} of town {n} reopened on Monday after repairs.\n\n"
                                           f"Its {n + 3} workers were paid.\n\n{footer}\n")
    (tmp_path / "only footer.txt").write_text(f"{footer}\n")
    (tmp_path / "sources.yml").write_text("0.txt:\n  keep_repeated: true\n1.txt:\n  keep_repeated: maybe\n")
    articles, skipped = read_articles(tmp_path)
    kept = {a.source: a for a in articles}
    assert sorted(kept) == ["0.txt", "1.txt", "2.txt", "3.txt", "4.txt", "5.txt"]
    assert footer in kept["0.txt"].paragraphs
    assert all(footer not in a.paragraphs for name, a in kept.items() if name != "0.txt")
    assert kept["2.txt"].removed == [f"repeated across the folder (7 articles): {footer}"]
    reasons = {s.source: s.reason for s in skipped}
    assert "repeated across the folder" in reasons["only footer.txt"] and "keep_repeated" in reasons["only footer.txt"]
    assert "'keep_repeated' must be true or false" in reasons["sources.yml"]
