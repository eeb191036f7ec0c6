"""Numbers with context: value, unit, what they measure and over which period."""

from __future__ import annotations

import re
from datetime import date, timedelta

from .. import language
from ..model import Figure, Provenance, Sentence
from .dates import MONTH_WORDS, WEEKDAYS, DateMatch, Reference, find_dates
from .numbers import APPROX, TIME_RATE, VAGUE_PLURAL, WORD_NUMBERS, Number, numbers_in, ranges_in

_RATE = re.compile(r"^\s*per\s+(?P<base>\d{1,3}(?:,\d{3})*|capita|cent)\s*(?P<what>people|inhabitants|residents|population)?", re.I)
_STOP_UNIT = {"the", "a", "an", "of", "in", "on", "at", "for", "to", "and", "or", "with", "by", "from", "since",
              "during", "that", "which", "who", "were", "was", "are", "is", "have", "has", "had", "will", "would",
              "per", "than", "as", "while", "but", "into", "over", "under", "this", "these", "those", "its", "their",
              "out", "up", "down", "off", "ago", "times"}  # "43 out of 200", "3,000 times"
_COMPARATIVES = {"more", "fewer", "less", "additional", "extra", "other"}  # "300 more troops" counts troops
_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an|this|that|its|his|her|their)\s+$", re.I)
_CHANGE = re.compile(r"\b(?:increas|decreas|rise|rising|rose|fall|fell|drop|declin|reduc|jump|surg|grow|grew|cut|soar|climb|plung)\w*", re.I)
_DOWN = re.compile(r"(?:decreas|fall|fell|drop|declin|reduc|cut|plung)", re.I)  # the rest of _CHANGE goes up


_IRREGULAR_PLURALS = {"people", "men", "women", "children", "police", "personnel", "staff", "cattle", "feet", "teeth",
                      "mice", "geese", "data", "media", "criteria", "phenomena"}


def _following_noun(text: str, end: int) -> str:
    """The noun phrase right after a number: "12,000 striking dock workers" gives "striking dock workers"."""
    words: list[str] = []
    for word in re.findall(r"[A-Za-z][A-Za-z'’-]*|[^\sA-Za-z]", text[end:end + 60]):
        if not words and word.lower() in _COMPARATIVES:
            continue
        if not word[0].isalpha() or word.lower() in _STOP_UNIT or word.lower() in WORD_NUMBERS:
            break
        if word[0].isupper() and words:
            break
        words.append(word)
        plural = (word.lower().endswith("s") and not word.lower().endswith(("ss", "'s", "’s"))) \
            or word.lower() in _IRREGULAR_PLURALS
        if len(words) == 3 or plural:
            break
    return " ".join(words)  # "50,000 Americans" keeps its capital


_MEASURE_VERB = r"(?:of|by|at|to|(?:has |have |had )?(?:reached|risen to|rose to|climbed to)|was|is|stood at|hit)"


def _unit_of_a_number(before: str) -> bool:
    """The words that follow `before` come right after a number that is no year or day ("rose 79 cents", not "In
    2010 exports", "On May 5 oil prices")."""
    number = re.search(r"(\S+\s+)?(\d[\d,.]*)\s*$", before)
    if number is None or re.fullmatch(r"(?:1[89]|20)\d\d", number.group(2)):
        return False
    return (number.group(1) or "").strip(" ,.").lower() not in MONTH_WORDS


def _measure_before(text: str, start: int) -> str:
    """"a population of 3 million", "the jobless rate by 2%": the measure named before the number.
    "The death toll from clashes in Central Square has reached 11": a place is no measure; the clause's subject is."""
    offset = max(0, start - 80)
    before = text[offset:start]
    m = re.search(r"(?:the|a|an|its|their|his|her)?\s*((?:[A-Za-z'’-]+\s+){0,2}[A-Za-z'’-]+)\s+" + _MEASURE_VERB + r"\s+$", before)
    if not m or _unit_of_a_number(before[:m.start(1)]):
        return ""  # "rose 79 cents to $41.50": the unit of the number before, no measure
    named = [w for w in re.finditer(r"\S+", m.group(1)) if w.group()[0].isupper() and offset + m.start(1) + w.start() > 0]
    if named:  # a proper name, not a measure
        subject = re.search(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+([a-z'’-]+(?:\s+[a-z'’-]+)?)\s+(?:from|in|of|among|after)\b", before)
        return " ".join(w for w in subject.group(1).split() if w not in _STOP_UNIT) if subject else ""
    words = [w for w in m.group(1).lower().split() if w not in _STOP_UNIT]
    if words and not _CHANGE.fullmatch(words[-1]):
        return " ".join(words)
    return ""


def _rate_noun(text: str) -> str:
    m = re.search(r"\b([a-z-]+\s+rate)\b", text, re.I)
    return m.group(1).lower() if m else ""


_SPAN_TO_WEEKDAY = re.compile(r"\s*(?:and|to|through|-|\u2013)\s*(" + "|".join(map(str.capitalize, WEEKDAYS)) + r")\b")


def _span_end(match: DateMatch, text: str) -> str:
    """The last day of "on Saturday and Sunday" (a count over both days is not the first day's), or ""."""
    then = _SPAN_TO_WEEKDAY.match(text, match.end)
    if not then or match.date.precision != "day":
        return ""
    first = date.fromisoformat(match.date.value)
    return (first + timedelta(days=(WEEKDAYS.index(then.group(1).lower()) - first.weekday()) % 7)).isoformat()


def _period(number: Number, span_end: int, dates: list[DateMatch], text: str) -> str:
    """The date right after the figure, else the nearest before; a sentence's only date otherwise."""
    after = [d for d in dates if d.start >= span_end and not re.search(r"\d", text[span_end:d.start])]
    if after and after[0].start - span_end < 40:
        return _describe(after[0], text)
    before = [d for d in dates if d.end <= number.start and not re.search(r"\d", text[d.end:number.start])]
    if before and number.start - before[-1].end < 60:
        return _describe(before[-1], text)
    m = re.search(r"\b(during|under|over|since)\s+(his|her|their|its|the)\s+([a-z]+)", text[span_end:span_end + 60])
    if m:
        return f"{m.group(1)} {m.group(2)} {m.group(3)}"
    if len(dates) == 1:
        return _describe(dates[0], text)
    return ""


# "since the council took charge of the port on …": one short clause, not "since the truce collapsed and on …"
_SINCE_CLAUSE = re.compile(r"\bsince\b(?:(?!\b(?:and|but|while|as|because)\b)[^,;:\d]){0,80}$", re.I)


def _one_date(match: DateMatch, text: str) -> str:
    """The period a date gives a figure; a date in a clause that opens with "since" starts it ("Since the council
    took charge on March 31, its crews have cleared 3,700 homes": since 2011-03-31, not on that day)."""
    relation = match.date.relation
    if relation == "on" and _SINCE_CLAUSE.search(text[:match.start]):
        relation = "since"
    prefix = {"since": "since ", "until": "until ", "period": "part of ", "on": ""}[relation]
    return prefix + match.date.value


def _describe(match: DateMatch, text: str) -> str:
    """The period a date gives a figure, to the last day of "on Saturday and Sunday"."""
    one, last = _one_date(match, text), _span_end(match, text)
    return f"{one} to {last}" if last and one[:1].isdigit() else one


def _unit_phrase(text: str, end: int, dates: list[DateMatch]) -> tuple[str, str, int]:
    """Unit after a number and where it ends: "cases per 100,000 people", "deaths", "%"."""
    if any(d.start <= end + 1 < d.end or d.start == end + 1 for d in dates):
        return "", "", end
    noun = _following_noun(text, end)
    cursor = end
    if noun:
        cursor = text.index(noun.split()[-1], end) + len(noun.split()[-1]) if noun.split()[-1] in text[end:] else end
    rate = _RATE.match(text[cursor:])
    if rate:
        unit = f"{noun or 'cases'} per {rate.group('base')} {rate.group('what') or 'people'}"
        return unit, "rate", cursor + rate.end()
    per_time = TIME_RATE.match(text[cursor:]) if noun else None
    if per_time:
        return f"{noun} per {per_time.group('span').lower()}", "", cursor + per_time.end()
    return noun, "", cursor


def _percent_label(text: str, number: Number, first: Figure | None) -> tuple[str, str]:
    """What a percentage measures, and the clue; a change with no named measure changes the sentence's first figure."""
    won = re.search(r"\b([A-Z][\w'’-]+)\s+(?:won|received|secured|obtained|took|got|garnered)\s+(?:" + APPROX + r")?$", text[:number.start])
    if won:
        label = f"share of vote: {won.group(1)}" if re.search(r"\bvot", text) else f"share: {won.group(1)}"
        return label, f"a percentage after \u201c{won.group(0).strip()}\u201d"
    rest = text[number.end:]
    of = re.match(r"\s*of\s+(?:the\s+|a\s+|an\s+)?", rest)
    if of:
        return ("share of " + _following_noun(text, number.end + of.end())).strip(), "a percentage of what follows"
    window = text[max(0, number.start - 70):number.end + 40]
    change = _CHANGE.search(window)
    if change:
        subject = _rate_noun(text) or (first.label if first else "")
        direction = "fall" if _DOWN.match(change.group()) else "rise"  # "dropped 16%" is not "a change of 16%"
        return (f"{direction} in {subject}" if subject else direction), "a percentage next to a word of change"
    return _measure_before(text, number.start) or _rate_noun(text), "a percentage after the measure it names"


# Verbs that say a number was counted or told, not what happened to what it counts: "police reporting 410
# burglaries" and "peaking with 460 burglaries" count the same thing.
_COUNTING_VERBS = {"be", "have", "do", "report", "record", "register", "say", "show", "see", "count", "total", "number",
                   "reach", "include", "estimate", "put", "give", "get", "remain", "become", "mark", "find", "list",
                   "cite", "confirm", "claim", "tally", "stand", "hit", "top", "exceed", "surpass", "fear", "believe",
                   "think", "expect", "make", "leave", "state", "announce", "indicate", "suggest"}


def _past(verb, tag: str) -> str:
    """"killing" and "killed" are one measure: the past form that reads after the noun, the participle for what
    was done to it ("people killed"), the past tense for what it did ("people fled")."""
    if verb.tag_ == tag:
        return verb.lower_
    from lemminflect import getInflection

    return (getInflection(language.verb_lemma(verb), tag=tag) or (verb.lower_,))[0]


def _counted_and_verb(doc, start: int, end: int) -> tuple:
    """The counted noun of the number at start:end and the verb it goes with, from the parse (None where unparsed)."""
    span = doc.char_span(start, end, alignment_mode="expand") if doc is not None and doc.has_annotation("DEP") else None
    if span is None:
        return None, None
    number = span.root
    thing = number.head if number.dep_ == "nummod" and number.head.i > number.i else number
    verb = next((c for c in thing.children if c.dep_ in ("acl", "relcl") and c.tag_.startswith("VB")), None)
    if verb is None and thing.dep_ in ("nsubj", "nsubjpass", "dobj") and thing.head.tag_.startswith("VB"):
        verb = thing.head
    return thing, verb


_MODALS = {"will", "would", "could", "might", "may", "can", "should", "must", "'ll", "wo", "ca"}


def told_as_possible(doc, start: int, end: int) -> bool:
    """The count is of what will, would or could happen ("thousands will die", "could reach 1,000"): a threat,
    a fear or a forecast, not a count of what happened."""
    thing, verb = _counted_and_verb(doc, start, end)
    # a modal in a clause about the counted is no forecast ("20 people who could not escape"); in a clause about
    # something else it is ("a ship that can carry 2,000 marines")
    describes_it = verb is not None and verb.dep_ in ("acl", "relcl") and verb.head.i == thing.i
    return verb is not None and not describes_it \
        and any(c.dep_ == "aux" and c.lower_ in _MODALS for c in verb.children)


def what_happened(doc, start: int, end: int) -> str:
    """What the counted thing did or had done to it, from the parse: "19 people killed", "150 others injured",
    "1.2 million made homeless", "90,000 people pledged"; "" where the number only counts ("with 460 burglaries",
    "police reporting 410 burglaries")."""
    thing, verb = _counted_and_verb(doc, start, end)
    if thing is None or verb is None:
        return ""
    outcome = next((c for c in verb.children if c.dep_ in ("xcomp", "oprd", "acomp", "advcl")), None)
    if language.verb_lemma(verb) in _COUNTING_VERBS:
        if outcome is None or not outcome.tag_.startswith(("VBN", "JJ")):
            return ""  # "feared killed", "made homeless": the outcome is the measure
        verb, outcome = (outcome, None) if outcome.tag_ == "VBN" else (verb, outcome)
    did = thing.dep_ == "nsubj" and verb.i == thing.head.i
    words = [_past(verb, "VBD" if did else "VBN") if verb.tag_.startswith("VB") else verb.lower_]
    words += [c.lower_ for c in verb.children if c.dep_ == "prt"]  # "turned out", "showed up"
    if outcome is not None and outcome.tag_ == "JJ":
        words.append(outcome.lower_)
    elif language.verb_lemma(verb) in _LIGHT_VERBS:  # "took to the streets": the verb says nothing without its place
        prep = next((c for c in verb.children if c.dep_ == "prep" and any(g.dep_ == "pobj" for g in c.children)), None)
        if prep is not None:
            noun = next(g for g in prep.children if g.dep_ == "pobj")
            words += [prep.lower_, *(d.lower_ for d in noun.children if d.dep_ == "det"), noun.lower_]
    return " ".join(words)


# Verbs that mean little without their complement (general English): "people took" is "took to the streets".
_LIGHT_VERBS = {"take", "go", "come", "turn", "head", "pour", "flock", "spill", "set", "get"}


# What the language model reads as a date, a duration, an age, a time of day or a rank is not a count
# ("two centuries", "8 hrs", "2153 GMT", "his 37th birthday").
# Nor is a number inside a name ("Talk Radio 702", "resolution 1973").
NOT_COUNTS = {"DATE", "TIME", "ORDINAL", "PERSON", "ORG", "GPE", "LOC", "FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT"}


CURRENCIES = {"$": "USD", "€": "EUR", "£": "GBP"}
# what follows a distance that says where something lies ("west of", "from the border"); a distance that measures
# something ("120 miles per hour", "a 1,000-mile pipeline") is followed by none of it
_LOCATING = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:\)|(?:[\w-]+\s+){0,2}?(?:north|south|east|west|north-?east|north-?west|south-?east|"
                       r"south-?west|northern|southern|eastern|western|from|away|outside|off|inland|offshore|"
                       r"beyond|short|back|inside|into)\b)", re.I)
DISTANCES = {"mile", "miles", "km", "kms", "kilometre", "kilometres", "kilometer", "kilometers", "metre", "metres",
             "meter", "meters", "feet", "foot", "ft", "yard", "yards"}
SERIES_JOIN_WITHIN = 3  # words before a number the link to the one before is in: "and wounding another 150",
# "falling to 12.5"; not "… and a third of the population of 3 million"


def extract_figures(sentences: list[Sentence], ref: Reference | None, docs: list | None = None) -> list[Figure]:
    """Numbers with what they measure. `docs` (the language layer's reading of each sentence) rules out numbers
    that are dates, durations, times or ranks."""
    figures: list[Figure] = []
    for sentence, doc in zip(sentences, docs or [None] * len(sentences), strict=True):
        text = sentence.text
        dates = find_dates(text, ref)
        not_counts = [(e.start_char, e.end_char) for e in doc.ents if e.label_ in NOT_COUNTS] if doc else []
        first: Figure | None = None
        previous: Figure | None = None
        previous_end = 0
        for number in ranges_in(text, numbers_in(text, dates)):
            if any(start < number.end and number.start < end for start, end in not_counts):
                continue
            of = re.match(r"\s+of\s+(?:the\s+)?", text[number.end:]) if VAGUE_PLURAL.search(number.written) else None
            unit, label, span_end = _unit_phrase(text, number.end + (of.end() if of else 0), dates)
            how = "the noun after the number"
            if number.percent:
                unit, (label, how) = "%", _percent_label(text, number, first)
            elif label == "rate":
                how = "a rate (per …) after the number"
                same_base = previous is not None and previous.unit.partition(" per ")[2] == unit.partition(" per ")[2]
                if previous is not None and unit.startswith("cases per") and same_base:
                    unit = previous.unit  # "… to 12.5 per 100,000": the unit named once before
                label = _rate_noun(text) or unit
            elif not unit:
                just_before = " ".join(text[previous_end:number.start].split()[-SERIES_JOIN_WITHIN:])
                joined = previous is not None and re.search(r"\b(to|and|from|then|before|after|while)\b", just_before)
                done = what_happened(doc, number.start, number.end)
                if previous is not None and joined and previous.unit and \
                        bool(number.currency) == (previous.unit in CURRENCIES.values()):  # "rose 1.8% to $1,200"
                    unit, label = previous.unit, previous.label  # "from 8.2 … to 12.5 per 100,000"
                    how = "continues the series of the number before"
                    if done and not previous.unit.startswith("%"):
                        label = f"{unit} {done}"  # "killing 19 people and wounding another 150"
                    rate = _RATE.match(text[number.end:])
                    if rate:
                        span_end = max(span_end, number.end + rate.end())
                else:
                    label, how = _measure_before(text, number.start), "the measure named before the number"
                    if not label and done:
                        label, how = done, f"the verb the number goes with (\u201c{done}\u201d)"
            else:
                done = what_happened(doc, number.start, number.end)
                label = f"{unit} {done}" if done and done not in unit.split() else unit  # not "wounded wounded"
                how = f"the noun after the number and the verb it goes with (\u201c{done}\u201d)" if done else how
                if " " not in unit and not unit.endswith("s") and unit not in _IRREGULAR_PLURALS \
                        and _DETERMINER_BEFORE.search(text[:number.start]) and not number.currency:
                    continue  # "the 911 call", "a 737 jet": a name, not a count
            if number.currency:
                unit = CURRENCIES[number.currency]
            if not (unit or label) or told_as_possible(doc, number.start, number.end):
                continue
            if unit.split(" ")[0] in DISTANCES and _LOCATING.match(text[span_end:]):
                continue  # "50 miles west of the port", "160 km from the capital": where a place lies, not a count
            figure = Figure(
                id="", value=number.value, unit=unit, label=label or unit,
                period=_period(number, span_end, dates, text), approximate=number.approximate, text=number.written,
                provenance=[Provenance(sentence.source, sentence.index, sentence.text)],
                signal=f"\u201c{number.written}\u201d: {how}" + ("; vague, read as the range it can mean"
                                                               if number.vague else "; a range"
                                                               if number.upper is not None else ""),
                upper=number.upper, vague=number.vague,
            )
            figures.append(figure)
            previous, previous_end = figure, span_end
            first = first or figure
    return figures
