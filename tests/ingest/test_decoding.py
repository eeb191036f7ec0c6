import pytest

from generators.ingest import IngestError
from generators.ingest.decoding import decode


def test_decode_encodings_and_binary():
    assert decode("González dijo algo.".encode("cp1252")) == "González dijo algo."
    assert decode("\ufeffHello there.".encode("utf-8")) == "Hello there."
    assert decode(b"one\r\ntwo\rthree") == "one\ntwo\nthree"
    utf8 = "González and Núñez met in Bogotá. ".encode()
    assert decode(utf8 + b"\xff" + utf8) == "González and Núñez met in Bogotá. \ufffdGonzález and Núñez met in Bogotá. "
    for bom in ("utf-16", "utf-32"):
        assert decode("Señor Núñez spoke today.".encode(bom)) == "Señor Núñez spoke today."
    assert decode(b"A headline\x1b[2J with\x07 escapes\x08.\n") == "A headline[2J with escapes.\n"
    late_nul = b"<p>" + b"The council met on Monday. " * 400 + b"\x00</p>"  # a stray NUL deep in a saved page
    assert decode(late_nul).endswith("The council met on Monday. </p>")
    for bad in (b"", b"   \n ", b"\x00\x01binary", b"text " * 100 + b"\x00\x01" * 10):
        with pytest.raises(IngestError):
            decode(bad)


@pytest.mark.parametrize("text, encoding", [
    ("Президент Эквадора попросил иностранной военной помощи в борьбе с бандами.", "cp1251"),
    ("طلب رئيس الإكوادور المساعدة العسكرية الأجنبية لمكافحة العصابات في البلاد", "cp1256"),
    ("Ο πρόεδρος του Ισημερινού ζήτησε ξένη στρατιωτική βοήθεια κατά των συμμοριών.", "iso-8859-7"),
    ("Le président a demandé une aide militaire. « C’est la guerre », dit-il.", "cp1252"),
    ("The president said the “war” against gangs – now in its second year – would go on.", "cp1252"),
    ("Der Präsident äußerte sich über die Lage in Quito. Größere Maßnahmen folgen.", "latin-1"),
    ("Le père de Jean est allé à Genève hier.", "cp1252"),  # short Western texts read as clean in cp1250/cp1257
    ("Café déjà vu", "cp1252"),
    ("Prix\xa0: 12\xa0€ le kilo.", "cp1252"),
    ("Президент заявил, что армия готова.", "koi8-r"),
])
def test_single_byte_code_pages_are_detected_not_turned_into_mojibake(text, encoding):
    assert decode(text.encode(encoding)) == text
