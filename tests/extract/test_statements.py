"""Reported speech read from the parse: the statement a verb of saying governs, credited to its subject."""

from generators.extract.statements import extract_statements

from .test_quotes import said_in


def statements(paragraphs):
    return said_in(paragraphs, extract_statements)


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


def test_a_name_the_subject_only_mentions_is_not_the_speaker():
    for subject in ("A spokesman for Diaz", "Critics of Rosa Diaz", "The lawyer of Rosa Diaz", "Diaz's deputy"):
        assert statements([["Rosa Diaz visited the docks on Monday."],
                           [f"{subject} said the harbour would close in June."]]) == [], subject


def test_denials_negations_questions_conditions_and_speech_inside_speech_give_no_statement():
    for sentence in ("Tom Quinn denied saying the harbour would close in June.",
                     "Tom Quinn refused to say whether the harbour would close in June.",
                     "Tom Quinn did not say the harbour would close in June.",
                     "Did Tom Quinn say the harbour would close in June?",
                     "If Tom Quinn says the harbour will close in June, the town will protest.",
                     "Rosa Diaz falsely claimed that Tom Quinn said the harbour would close in June."):
        found = statements([["Rosa Diaz and Tom Quinn met at the docks on Monday."], [sentence]])
        assert ("Tom Quinn", "the harbour would close in June") not in found, sentence
        assert all(speaker != "Tom Quinn" for speaker, _ in found), sentence


def test_a_pronoun_needs_the_articles_own_pronouns_for_its_person_to_agree():
    assert statements([["Mayor Tom Quinn said he would visit the docks on Monday."],
                       ["She said the city would borrow to build a second quay."]]) == [
        ("Tom Quinn", "he would visit the docks on Monday")]


def test_a_quotation_over_several_sentences_gives_no_statement_from_inside_it():
    assert statements([["Tom Quinn spoke to reporters on Monday.",
                        "\"I never promised a thing.",
                        "Rosa Diaz said the town would borrow to build a quay, not me,\" Quinn said."]]) == []


def test_a_pronoun_among_several_subjects_is_not_resolved():
    assert statements([["Rosa Diaz visited the docks on Monday.",
                        "Both she and Tom Quinn say the quay will be finished by June."]]) == [
        ("Tom Quinn", "the quay will be finished by June")]
