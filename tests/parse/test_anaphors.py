"""What the parse says of noun phrases and pronouns, kept for the reference stage."""

from __future__ import annotations

from newsline.model import Document
from newsline.parse.nlp import nlp_stage
from newsline.registry import Context


def _parsed(text: str) -> Document:
    doc = Document(id="d", path="d.txt", format="text", text=text, language="en")
    nlp_stage([doc], Context())
    return doc


def test_a_noun_phrase_keeps_its_head_number_definiteness_and_quantity():
    doc = _parsed("Officials said the 23 points and a blood sample were enough.")
    nominals = {n.text: n for n in doc.nominals}
    points = nominals["the 23 points"]
    assert (points.head, points.plural, points.definite, points.quantity) == ("point", True, True, "23")
    assert doc.text[points.head_start:points.head_start + 6] == "points"
    sample = nominals["a blood sample"]
    assert (sample.head, sample.plural, sample.definite, sample.quantity) == ("sample", False, False, None)


def test_a_noun_compounded_into_a_phrase_is_a_thing_of_its_own():
    doc = _parsed("The undersea cable was cut near the Internet exchange.")
    assert "undersea" not in {n.text for n in doc.nominals}  # an adjective, not a thing
    assert {"The undersea cable"} <= {n.text for n in doc.nominals}
    doc = _parsed("The blood alcohol test came back positive.")
    assert {"The blood alcohol test", "blood", "alcohol"} <= {n.text for n in doc.nominals}


def test_a_phrase_headed_by_a_name_is_no_nominal_but_one_with_a_name_before_its_head_is():
    doc = _parsed("The Bush administration met Microsoft officials in Washington.")
    texts = {n.text for n in doc.nominals}
    assert "The Bush administration" in texts and "Washington" not in texts


def test_pronouns_carry_person_number_gender_and_what_a_relative_modifies():
    doc = _parsed("The actress, who was arrested, said they would appeal and she thanked him.")
    got = {p.text: (p.person, p.number, p.gender) for p in doc.pronouns}
    assert got["she"] == (3, "sing", "fem") and got["him"] == (3, "sing", "masc") and got["they"] == (3, "plur", None)
    [who] = [p for p in doc.pronouns if p.text == "who"]
    assert doc.text[who.relative_to:who.relative_to + 7] == "actress"
