from generators import language
from generators.extract.actors import extract_actors
from generators.extract.quotes import extract_quotes
from generators.extract.statements import extract_statements
from generators.model import Sentence


def said_in(paragraphs, extract):
    """(speaker, text) of what `extract` (quotes or reported statements) finds in paragraphs of sentences."""
    sentences, index = [], 0
    for number, paragraph in enumerate(paragraphs):
        for text in paragraph:
            sentences.append(Sentence("a.txt", index, text, number))
            index += 1
    docs = language.analyse([s.text for s in sentences])
    return [(q.speaker, q.text) for q in extract(sentences, extract_actors(sentences, docs), docs)]


def quotes(paragraphs):
    return said_in(paragraphs, extract_quotes)


def test_attribution_after_before_pronoun_and_continuation():
    found = quotes([
        ["\"The plan will not work in the long term,\" said Rosa Diaz, an analyst at the Civic Institute."],
        ["Mayor Tom Quinn disagreed.", "\"We need more buses on every route,\" he told reporters."],
        ["\"And the trains must run on time as well.\""],
        ["Quinn insisted, stating: \"Nobody will be left behind by this plan.\""],
        ["They called it \"a bold move\" today."],
    ])
    assert found == [
        ("Rosa Diaz", "The plan will not work in the long term"),
        ("Tom Quinn", "We need more buses on every route"),
        ("Tom Quinn", "And the trains must run on time as well."),
        ("Tom Quinn", "Nobody will be left behind by this plan."),
    ]


def test_quote_over_two_sentences():
    found = quotes([["\"Mexico is the prime example of this failure.", "And in Colombia it was no better,\" said Maria Gonzalez."]])
    assert found == [("Maria Gonzalez", "Mexico is the prime example of this failure. And in Colombia it was no better")]


def test_a_quotation_split_around_its_attribution_is_one_quotation():
    found = quotes([["Maria Gonzalez, the mayor, spoke on Monday.", "\"We will rebuild,\" she said, \"and we will do it together.\""]])
    assert found == [("Maria Gonzalez", "We will rebuild, and we will do it together.")]


def test_short_quotations_count_when_attributed_not_as_scare_quotes():
    found = quotes([["\"It is a disgrace,\" said Pedro Alves, a local trader.",
                     "Critics called it \"a total failure\" in a statement."]])
    assert found == [("Pedro Alves", "It is a disgrace")]
    found = quotes([["Prosecutor Ines Ladeira spoke on Monday.", "\"We may never know,\" Ladeira said at a news conference."]])
    assert found == [("Ines Ladeira", "We may never know")]  # the name before the verb attributes it too


def test_the_speaker_is_the_subject_of_the_speech_verb_not_a_name_nearby():
    found = quotes([["Maria Gonzalez spoke in the council on Monday."],
                    ["\"The reforms have failed the poorest families,\" said the opposition leader in a speech "
                     "criticising Maria Gonzalez."],
                    ["\"Nobody will be left behind by this plan,\" William Hague told Maria Gonzalez."]])
    assert found == [("William Hague", "Nobody will be left behind by this plan")]


def test_the_verb_a_quotation_hangs_from_names_its_speaker():
    """No speech verb: the subject of the verb the quotation depends on speaks, not the first name in the
    sentence."""
    found = quotes([["Writing in Newsweek, journalist Mike Giglio suggested the \"upcoming protest in Cairo "
                     "could mark the beginning of another upheaval.\""]])
    assert found == [("Mike Giglio", "upcoming protest in Cairo could mark the beginning of another upheaval.")]


def test_a_quotation_over_several_sentences_is_attributed_by_the_parse_of_the_first():
    found = quotes([["Eric Trager, a Ph.D. candidate and a former Fulbright fellow in Egypt, wrote in The Atlantic, "
                     "\"Liberal activists come from the wired generation.", "Yet they face tremendous odds.\""]])
    assert [speaker for speaker, _ in found] == ["Eric Trager"]


def test_names_and_headlines_in_quotation_marks_are_not_speech():
    assert quotes([["Habib Adly spoke of a Facebook group called \"We Are All Khaled Said\" on Tuesday."],
                   ["Time published a story headlined \"After Tunisia: Why Egypt Isn't Ready to Have Its Own "
                    "Revolution.\""]]) == []
    assert quotes([["Admiral Tom Quinn said on the programme \"State of the Union\" that the fleet was ready."]]) == []


def test_he_or_she_is_a_person_never_the_organisation_just_quoted():
    found = quotes([
        ["Maria Lopes leads the youth council of the province."],
        ["\"We will build the pipeline as planned,\" the Harbour Energy Corporation said in a statement."],
        ["\"As young people we understand what this land means to us,\" she said."],
    ])
    assert ("Maria Lopes", "As young people we understand what this land means to us") in found
    assert all(speaker != "Harbour Energy Corporation" for speaker, text in found if text.startswith("As young"))


def test_an_organisation_is_credited_only_as_the_subject_of_saying_and_nobody_for_a_name_inside_the_quotation():
    assert quotes([["\"We will build the pipeline as planned,\" the Harbour Energy Corporation said in a statement."],
                   ["Carrying signs reading \"Mayor Tom Quinn is a fraud and a liar,\" about 100 people marched."]]) == [
        ("Harbour Energy Corporation", "We will build the pipeline as planned")]  # and no continuation of its words
    assert quotes([["According to a report by the Harbour Energy Corporation, the port is \"the busiest in the region.\""]]) \
        == [("Harbour Energy Corporation", "the busiest in the region.")]  # a report's author
    assert quotes([["The Harbour Energy Corporation opened a plant."],
                   ["\"We will build the pipeline as planned,\" a former official with the Harbour Energy Corporation said."]]) == []


def test_a_pronoun_that_disagrees_with_how_the_article_calls_its_person_credits_nobody():
    found = quotes([["Mayor Tom Quinn said he would visit the docks on Monday."],
                    ["\"We will rebuild every house in the harbour district,\" she said."]])
    assert found == []
    assert quotes([["Mayor Tom Quinn said he would visit the docks on Monday."],
                   ["\"We will rebuild every house in the harbour district,\" he said."]]) == [
        ("Tom Quinn", "We will rebuild every house in the harbour district")]


def test_a_surname_alone_attributes_a_quotation_to_the_one_person_of_that_name():
    found = quotes([["Pedro Alves, a trader at the central market, opened his shop on Monday."],
                    ["\"Nobody has come to buy anything this week,\" Alves said."]])
    assert found == [("Pedro Alves", "Nobody has come to buy anything this week")]


def test_a_quotation_with_no_attribution_continues_the_statement_reported_just_before():
    found = said_in([["Maria Gonzalez, the health minister, says the hospitals are full."],
                     ["\"We have asked every region to send nurses and doctors.\""],
                     ["The opposition wants an inquiry."],
                     ["\"The money was spent on consultants instead of nurses.\""]],
                    lambda s, a, d: extract_quotes(s, a, d, extract_statements(s, a, d)))
    assert found == [("Maria Gonzalez", "We have asked every region to send nurses and doctors.")]


def test_a_pronoun_stands_for_a_person_named_as_a_subject_never_one_named_only_as_an_object():
    found = quotes([["A woman from the port urged President Maria Lopez to send help."],
                    ["\"We have no water and no food here,\" she said."],
                    ["A source in the ministry said the army was moving north."],
                    ["He said the rebels held \"every road into the city from the east\" by then."]])
    assert found == []


def test_a_surname_that_is_also_a_word_names_its_person_only_when_capitalised():
    found = quotes([["Condoleezza Rice, the secretary of state, spoke at the summit on Monday."],
                    ["Prices of rice soared: \"We cannot feed our children any more.\""],
                    ["\"We will send more food aid,\" Rice said."]])
    assert found == [("Condoleezza Rice", "We will send more food aid")]


def test_narration_between_two_quotations_is_no_quotation():
    found = quotes([["Tom Quinn said the council had sent a clear signal, \"as the Harbour Council spokesman Rui Santos "
                     "said.\" As such, we will take steps."]])
    assert found == []


def test_a_quotation_that_gives_a_purpose_is_not_words_of_the_verbs_subject():
    assert quotes([["Mayor Tom Quinn has routinely rotated his commanders \"so that no one could build a base of "
                    "support in the army.\""]]) == []
