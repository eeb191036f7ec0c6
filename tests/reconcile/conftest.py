"""Stories made from short texts, read, extracted and reconciled as a build does."""

from generators.extract import extract_article
from generators.extract.dates import Reference
from generators.ingest.cleaning import clean
from generators.reconcile import reconcile


def story(*texts):
    articles = [clean(f"{i}.txt", {"published": "2024-05-01"}, text) for i, text in enumerate(texts)]
    return reconcile(articles, [extract_article(a, Reference(2024, 5, 1)) for a in articles])


def dated_story(*dated_texts):
    articles = [clean(f"{i}.txt", {"published": day}, text) for i, (day, text) in enumerate(dated_texts)]
    return reconcile(articles, [extract_article(a, Reference(*map(int, a.published.split("-")))) for a in articles])
