from generators.ingest.sentences import split_sentences


def test_sentences_are_verbatim_slices():
    paragraphs = ["Dr. Smith met U.S. officials on Jan. 5. They agreed. \"We will go,\" she said. Noboa is not at the U.S. In addition, he left."]
    sentences = split_sentences("a.txt", paragraphs)
    assert [s.text for s in sentences] == [
        "Dr. Smith met U.S. officials on Jan. 5.", "They agreed.", "\"We will go,\" she said.",
        "Noboa is not at the U.S.", "In addition, he left."]
    assert all(s.text in paragraphs[0] for s in sentences)
