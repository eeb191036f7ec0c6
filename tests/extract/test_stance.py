from generators.extract.stance import polarity, stance_of


def test_cues_decide_the_stance():
    assert stance_of(["We need more soldiers to fight this war."]).stance == "for"
    assert stance_of(["The military has failed and leads to human rights violations."]).stance == "against"
    assert stance_of(["The meeting took place in the capital."]) .stance == "unclear"


def test_negation_turns_a_cue_round():
    assert polarity("I have never been completely against the army being used.") == (1, 0)
    assert polarity("More troops are not needed here.") == (0, 1)


def test_the_target_of_a_fight_is_no_opposition():
    assert polarity("They joined the fight against the cartels.") == (0, 0)
    assert polarity("She spoke against the plan.") == (0, 1)


def test_mixed_and_the_deciding_statement():
    statements = ["The meeting was long.", "The army is needed here, but it is risky and may fail."]
    decided = stance_of(statements)
    assert decided.stance == "mixed" and decided.deciding == 1


def test_only_statements_on_the_question_count_when_there_is_one():
    statements = ["Soldiers will help.", "A mistake that could fail and is dangerous, critics say."]
    assert stance_of(statements).stance == "against"
    assert stance_of(statements, question="Should foreign soldiers be deployed?").stance == "for"
    assert stance_of(["We need tribal talks."], question="Should foreign soldiers be deployed?").stance == "unclear"
