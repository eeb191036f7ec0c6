"""What the overview page opens with: the story's name (the headline most like the others), its summary
sentences and its latest date."""

from __future__ import annotations

import re
from collections import Counter

from ..extract import content_words
from ..extract.events import is_question
from ..model import Article, Provenance
from ..timeline import leans_on_context
from .common import overlap, topicality
from .counts import latest_reports_from

SUMMARY_SENTENCES = 3


def summarise(articles: list[Article], document_frequency: Counter, limit: int = SUMMARY_SENTENCES) -> list[Provenance]:
    """The overview: lead sentences that the most articles share words with, no two alike, each readable alone;
    the story as it stands too: when its articles span several days and none of those sentences comes from its
    latest reports (latest_reports_from), the last is the one of those reports that most articles share words with
    (how a story ended is told by its last articles, whose words the earlier ones do not share)."""
    day_of = {a.source: a.published for a in articles}
    candidates = []
    for article in articles:
        for sentence in article.sentences[:4]:
            words = content_words(sentence.text)
            if (len(words) < 6 or is_question(sentence.text) or "\"" in sentence.text or "“" in sentence.text
                    or leans_on_context(sentence.text)):
                continue
            candidates.append((-topicality(words, document_frequency), sentence.source, sentence.index, sentence, words))
    candidates.sort(key=lambda c: c[:3])
    chosen = _unlike(candidates, limit)
    latest_from = latest_reports_from(articles)
    if len({a.published for a in articles if a.published}) > 1 and not any(day_of[c[1]] >= latest_from for c in chosen):
        first = _unlike(candidates, limit - 1)
        last = _unlike([c for c in candidates if day_of[c[1]] >= latest_from], 1, first)
        chosen = first + last if last else chosen
    return [Provenance(c[3].source, c[3].index, c[3].text) for c in chosen]


def _unlike(candidates: list[tuple], limit: int, chosen: list[tuple] | None = None) -> list[tuple]:
    """The first `limit` candidates that share less than half their words with any chosen before."""
    picked: list[tuple] = []
    for candidate in candidates:
        if len(picked) == limit:
            break
        if all(overlap(candidate[4], other[4]) < 0.5 for other in [*(chosen or []), *picked]):
            picked.append(candidate)
    return picked


def latest_date(articles: list[Article]) -> str:
    """The most recent full publication date (YYYY-MM-DD) among the articles, or ""."""
    return max((a.published for a in articles if len(a.published) == 10), default="")


_SECTION_LABEL = re.compile(r"^\W*(?:opinion|comment|commentary|analysis|editorial|op-ed|column|letters?|"
                            r"review|explainer|live|watch|video)\b\s*[:|\-\u2013\u2014]", re.I)
_OPINION_PATH = re.compile(r"/(?:opinions?|comment|commentisfree|editorials?|op-?ed|columns?|blogs?)/", re.I)


def headline_can_name_story(article: Article) -> bool:
    """A headline that can name the whole story: not a question ("Can the city win its war on crime?"), not an
    opinion, analysis or live page (the section label newsrooms put before such headlines, or in their address)."""
    return bool(article.title) and not (is_question(article.title) or _SECTION_LABEL.match(article.title)
                                        or _OPINION_PATH.search(article.url))


# A headline that asks for something: a demand, a plan, a vote, a stand taken (the directive and commissive verbs).
_PROPOSAL = re.compile(r"\b(?:(?:call|ask|push|press|bid|plea|appeal)(?:s|es|ed|ing)? (?:for|to)|"
                       r"(?:urg|demand|propos|request|approv|reject|oppos|debat|consider)(?:e|es|ed|ing|s|d)?|"
                       r"seeks?|seeking|sought|(?:back|support)(?:s|ed|ing)|(?:vote|voted|votes|voting) (?:on|to|for)|"
                       r"(?:plan|want|move|vow|threaten)(?:s|ned|ed|ing|ning)? to|should|must)\b", re.I)
PROPOSAL_WORDS = 16  # a headline, not an article's opening sentence taken for one


def debated_proposal(headline: str) -> str:
    """What the voices can be for or against: the story's headline when it asks for something ("President calls for
    foreign troops"); "" for a story of events ("An earthquake has hit the island"), where no stance is read at all."""
    words = headline.split()
    if not words or len(words) > PROPOSAL_WORDS or headline.rstrip().endswith(("…", "...")):
        return ""
    return headline if _PROPOSAL.search(headline) else ""


def central_question(articles: list[Article], captions: frozenset[str] = frozenset()) -> str:
    """The headline most like the others names what the story is about: the one whose words the other
    headlines share most (linear in the number of headlines, so a story of thousands stays fast). A title
    several articles repeat word for word (a sidebar's, a section's) counts once: it does not vote for itself.
    Every headline votes; only one that `headline_can_name_story` can win, and is not a picture's caption
    (`captions`), unless none can; a whole one before a lead cut short (a folder without headlines)."""
    titles = list(dict.fromkeys(a.title for a in articles if a.title))
    if not titles:
        return ""
    words = [content_words(t) for t in titles]
    shared = Counter(w for title in words for w in title)
    naming = {a.title for a in articles if headline_can_name_story(a)} - captions
    best = max(range(len(titles)), key=lambda i: (titles[i] in naming or not naming,
                                                 not titles[i].endswith("…"),  # a lead cut short names it badly
                                                 sum(shared[w] - 1 for w in words[i]) / (len(words[i]) or 1), -i))
    return titles[best]
