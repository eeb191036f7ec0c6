"""Where a cited sentence is shown: each article's page (a long article's parts) and the footnotes that lead
there from every item, within a page's weight."""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass, field

from ..model import Article, Provenance, Sentence
from .escaping import Trusted, _short, md_text

SLUG_LENGTH = 100  # characters of a file name kept readable in its page's name


def slug(name: str) -> str:
    """A page name for a file name, unique per file name even on a disk that ignores case: "news-1.txt" is
    news-1-txt; a name that loses more than its extension's dot ("news 1.txt", "news.1.txt", "é.txt") or has
    capitals ("E.txt" beside "e.txt") is lower-cased and carries a digest of itself."""
    readable = re.sub(r"[^a-z0-9_-]+", "-", name.lower()).strip("-") or "source"
    if re.fullmatch(r"[a-z0-9_-]+\.[a-z0-9]+", name) and len(readable) <= SLUG_LENGTH:
        return readable
    readable = readable[:SLUG_LENGTH].strip("-")  # a file name may take 255 bytes; a page name and its partial
    return f"{readable}-{hashlib.sha256(name.encode('utf-8', 'surrogateescape')).hexdigest()[:8]}"  # copy less


def source_page(source: str, part: int = 1) -> str:
    """An article's page; a long article's later parts follow it (".part2": a dot no slug holds, so no file's page
    can take a part's name)."""
    return f"sources/{slug(source)}{f'.part{part}' if part > 1 else ''}.md"


ARTICLE_PAGE_WEIGHT = 60_000  # bytes of an article's text as HTML on one page: a 200,000-character dump runs over
# four pages, each well within the reader's 150 KB


def _weight(sentence: Sentence) -> int:
    """What a sentence weighs on the page: its escaped text and the span around it (a page of one-word sentences
    is mostly markup)."""
    return len(html.escape(sentence.text).encode("utf-8")) + 40


def article_parts(article: Article) -> list[list[list[Sentence]]]:
    """The article's paragraphs (each a list of sentences) cut into pages of about ARTICLE_PAGE_WEIGHT, between
    sentences: one page for any ordinary article."""
    parts: list[list[list[Sentence]]] = [[]]
    weight, last_paragraph = 0, None
    for sentence in article.sentences:
        if weight and weight + _weight(sentence) > ARTICLE_PAGE_WEIGHT:
            parts.append([])
            weight, last_paragraph = 0, None
        if sentence.paragraph != last_paragraph:
            parts[-1].append([])
            last_paragraph = sentence.paragraph
        parts[-1][-1].append(sentence)
        weight += _weight(sentence)
    return parts


def sentence_parts(articles: list[Article]) -> dict[str, dict[int, int]]:
    """For each article of more than one page: the page each sentence is on (links to a sentence go there)."""
    layout = {}
    for article in articles:
        if sum(map(_weight, article.sentences)) > ARTICLE_PAGE_WEIGHT:
            layout[article.source] = {s.index: number for number, part in enumerate(article_parts(article), 1)
                                      for paragraph in part for s in paragraph}
    return layout


def sentence_page(item: Provenance, parts: dict[str, dict[int, int]]) -> str:
    """The page that shows a cited sentence (`parts`: from sentence_parts)."""
    return source_page(item.source, parts.get(item.source, {}).get(item.sentence, 1))


MAX_CITED = 5  # footnotes per item; a fact forty articles repeat shows five of them, the export all forty
MORE_LINKS = 25  # links under one item's "+N more"
MORE_LINKS_PER_PAGE = 300  # and on one page: sixty rows of a long story each folding 25 links weighed 114 KB
FOOTNOTES_PER_PAGE = 80  # past this, a long story's page cites fewer sentences per item (at least one), the rest
# folded under "+N more": each footnote is a mark, a definition and two links, a reader's weight and tab stops


@dataclass
class Footnotes:
    """Per page: one numbered footnote per cited sentence, defined once at the end of the page."""

    articles: dict[str, Article]
    prefix: str  # path from this page to the content root
    per_item: int = MAX_CITED
    parts: dict[str, dict[int, int]] = field(default_factory=dict)  # see sentence_parts
    numbers: dict[Provenance, int] = field(default_factory=dict)
    items: int = 0  # how many items cited
    more_links: int = 0  # links folded under "+N more" so far on this page

    def cite(self, provenance: list[Provenance]) -> Trusted:
        """Footnote marks for an item's sentences: one per source first, at most `per_item`; the export has all."""
        self.items += 1
        firsts = {p.source: p for p in reversed(provenance)}
        ordered = [p for p in provenance if firsts[p.source] is p] + [p for p in provenance if firsts[p.source] is not p]
        shown, hidden = ordered[:self.per_item], len(ordered) - self.per_item
        numbers = []
        for item in shown:
            key = Provenance(item.source, item.sentence, item.quote)
            if key not in self.numbers:
                self.numbers[key] = len(self.numbers) + 1
            numbers.append(self.numbers[key])
        refs = "".join(f"[^{n}]" for n in sorted(numbers))  # read as ³⁴, not ⁴³
        return Trusted(refs + (self._more(ordered[self.per_item:]) if hidden > 0 else ""))

    def _more(self, rest: list[Provenance]) -> str:
        """The sentences past those cited, folded: each a link to its sentence on its article's page, up to
        MORE_LINKS per item and MORE_LINKS_PER_PAGE per page (a title repeated by 300 articles would weigh more
        than the page; the export has them all)."""
        links = []
        shown = rest[:max(0, min(MORE_LINKS, MORE_LINKS_PER_PAGE - self.more_links))]
        self.more_links += len(shown)
        for item in shown:
            article = self.articles.get(item.source)
            title = html.escape(_short(article.title if article and article.title else item.source))
            page = sentence_page(item, self.parts).removesuffix(".md") + ".html"  # raw HTML: MkDocs does not rewrite it
            links.append(f'<a href="{html.escape(self.prefix + page)}#s-{item.sentence}">{title}</a>')
        if len(rest) > len(shown):
            links.append(f"{'and ' if shown else ''}{len(rest) - len(shown)} more in the downloads")
        return (f'<details class="more-sources"><summary>+{len(rest)} more</summary>{"; ".join(links)}</details>')

    def definitions(self) -> Trusted:
        lines = []
        for item, number in self.numbers.items():
            article = self.articles.get(item.source)
            title = article.title if article else item.source
            meta = ", ".join(x for x in (article.outlet if article else "", article.published if article else "") if x)
            link = f"{self.prefix}{sentence_page(item, self.parts)}#s-{item.sentence}"
            lines.append(f"[^{number}]: *{md_text(title)}*{' (' + md_text(meta) + ')' if meta else ''}: "
                         f"“{md_text(item.quote)}” [Read in context]({link})")
        # the footnotes close the page: under a heading of their own, search files their sentences there and
        # not under whatever section happened to come last
        heading = "## The sentences cited on this page { #cited }\n\n" if lines else ""
        return Trusted(heading + "\n".join(lines))
