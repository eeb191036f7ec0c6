"""A voice's stance on the story's debate (a proposal): for, against, mixed or unclear.

Deterministic and explainable: cue words of support and of opposition in what a voice says
or is reported to say; a negation just before a cue turns it round ("not needed" opposes,
"never been against" supports); "against" after fight, war or battle names the proposal's
target, not an opposition. When there is a question, only statements that share words with it count
("we need talks" says nothing about sending troops).
The statement with the strongest signal in the winning direction is the one that decides.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

FOR_CUES = ("need", "needed", "needs", "must", "support", "supports", "supported", "supportive", "positive",
            "positively", "help", "helps", "necessary", "require", "requires", "required", "essential", "welcome",
            "welcomed", "succeed", "success", "successful", "important", "agree", "agrees", "back", "backs",
            "endorse", "endorses", "benefit", "effective", "strengthen", "urge", "urged", "urgent", "should")
AGAINST_CUES = ("fail", "fails", "failed", "failure", "doubt", "doubts", "ineffective", "risk", "risks", "risky",
                "violation", "violations", "restriction", "against", "criticize", "criticized", "criticise",
                "criticised", "skeptical", "sceptical", "exacerbate", "danger", "dangerous", "wrong", "oppose",
                "opposes", "opposed", "abuse", "abuses", "harm", "harmful", "undermine", "worse", "mistake",
                "reject", "rejects", "rejected", "unnecessary", "counterproductive", "instead")
_NEGATION = re.compile(r"\b(not|never|no|nor|cannot|n't|hardly|without)\W+(?:\w+\W+){0,2}$", re.I)
_TARGET = re.compile(r"\b(fight|fighting|war|battle|struggle|campaign|crackdown|offensive|measures|action)\s+$", re.I)
_WORD = re.compile(r"[a-z']+")
_FOR, _AGAINST = set(FOR_CUES), set(AGAINST_CUES)


@dataclass(frozen=True)
class Stance:
    stance: str  # "for" | "against" | "mixed" | "unclear"
    deciding: int | None  # index of the statement that decides it


def polarity(text: str) -> tuple[int, int]:
    """Support and opposition cues in one statement, negations turned round."""
    pro = con = 0
    lowered = text.lower().replace("’", "'")
    for match in _WORD.finditer(lowered):
        word = match.group()
        if word not in _FOR and word not in _AGAINST:
            continue
        before = lowered[max(0, match.start() - 40):match.start()]
        if word == "against" and _TARGET.search(before):
            continue
        supports = (word in _FOR) != bool(_NEGATION.search(before))
        pro, con = (pro + 1, con) if supports else (pro, con + 1)
    return pro, con


def stance_of(statements: list[str], question: str = "") -> Stance:
    topic = {w for w in _WORD.findall(question.lower()) if len(w) > 3}
    scored = []
    for text in statements:
        pro, con = polarity(text)
        weight = 1 if not topic or topic & set(_WORD.findall(text.lower())) else 0
        scored.append((pro * weight, con * weight))
    pro, con = sum(p for p, _ in scored), sum(c for _, c in scored)
    if pro == 0 and con == 0:
        return Stance("unclear", None)
    if pro and con and min(pro, con) / max(pro, con) >= 0.5:
        stance, key = "mixed", (lambda i: min(scored[i]))
    elif pro > con:
        stance, key = "for", (lambda i: scored[i][0] - scored[i][1])
    else:
        stance, key = "against", (lambda i: scored[i][1] - scored[i][0])
    return Stance(stance, max(range(len(scored)), key=lambda i: (key(i), -i)))
