"""Reported speech read from the parse: the statement a verb of saying governs, credited to its subject."""

from generators import language
from generators.extract.actors import extract_actors
from generators.extract.statements import extract_statements
from generators.model import Sentence


def statements(paragraphs):
    sentences, index = [], 0
    for number, paragraph in enumerate(paragraphs):
        for text in paragraph:
            sentences.append(Sentence("a.txt", index, text, number))
            index += 1
    docs = language.analyse([s.text for s in sentences])
    return [(q.speaker, q.text) for q in extract_statements(sentences, extract_actors(sentences, docs), docs)]


def test_the_statement_is_the_clause_its_verb_governs_and_the_speaker_its_subject():
    assert statements([["Harbour master Rosa Diaz said the new quay would open in June."],
                       ["The quay had cost more than planned, Diaz told reporters on Tuesday."],
                       ["According to Diaz, the port authority has no money for a second quay."]]) == [
        ("Rosa Diaz", "the new quay would open in June"),
        ("Rosa Diaz", "The quay had cost more than planned"),
        ("Rosa Diaz", "the port authority has no money for a second quay")]


def test_a_pronoun_speaks_for_the_one_person_named_before_it_or_for_nobody():
    assert statements([["Mayor Tom Quinn visited the docks on Monday.",
                        "He said the city would borrow to build a second quay."]]) == [
        ("Tom Quinn", "the city would borrow to build a second quay")]
    assert statements([["Tom Quinn met Rosa Diaz at the docks on Monday.",
                        "She said the harbour was far too small for the new ships."]]) == []


def test_each_of_two_speakers_and_a_named_apposition_not_a_possessor():
    assert statements([["Rosa Diaz and Tom Quinn say the quay will be finished by June."],
                       ["Quinn's deputy, Ana Ferreira, said the budget had doubled since March."]]) == [
        ("Rosa Diaz", "the quay will be finished by June"), ("Tom Quinn", "the quay will be finished by June"),
        ("Ana Ferreira", "the budget had doubled since March")]


def test_an_opinion_verb_reports_a_position_and_a_stance_adjective_too():
    found = statements([["Opposition leader Ana Lima has criticized the quay plans as far too expensive."],
                        ["Mayor Tom Quinn was supportive of the plan to widen the harbour."]])
    assert found == [("Ana Lima", "has criticized the quay plans as far too expensive"),
                     ("Tom Quinn", "was supportive of the plan to widen the harbour")]


def test_no_statement_from_a_quotation_an_unnamed_speaker_or_a_passive():
    assert statements([["\"The quay will open in June,\" said Rosa Diaz."],
                       ["A spokesman said the port would stay open all winter."],
                       ["Rosa Diaz was supported by the port workers' union in the vote."]]) == []
