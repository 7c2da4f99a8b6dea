"""descriptors: how a text describes the people it names, read from the parse: appositions,
attributes, labels before the name, descriptions standing for the person, scare quotes."""

from __future__ import annotations

from newsline.evaluation.analyse import analyse


def _descriptors(text: str) -> dict[str, str]:
    [doc] = analyse([text], ["nlp", "descriptors"])
    return {d.text: d.kind for d in doc.descriptors}


def test_an_apposition_an_attribute_and_a_description_of_a_named_person():
    found = _descriptors("Viktor Holm, a close ally of the president, arrived in Lorvik on Monday. "
                         "Holm is widely recognized as a hardliner. The ageing strongman's visit lasted two days.")
    assert found.get("a close ally of the president") == "apposition"
    assert found.get("a hardliner") == "attribute"
    assert any(kind == "description" and "strongman" in text for text, kind in found.items())


def test_a_scare_quoted_term_beside_a_name_and_nothing_for_a_bare_title():
    found = _descriptors('Viktor Holm won the "elections" held on Sunday. The president left.')
    assert found.get('"elections"') == "scare_quote"  # the quote marks are part of the term
    assert not any("president" in text for text in found)  # "the president" alone frames nothing
