"""Pronouns and descriptions resolved to the entity they stand for, on real parses."""

from __future__ import annotations

from newsline.evaluation.analyse import analyse

STAGES = ["nlp", "recognize_corpus", "link_entities", "link_pronouns"]


def _references(*texts: str) -> list[list[tuple[str, str, str]]]:
    docs = analyse(list(texts), STAGES)
    return [[(r.text, r.kind, r.entity) for r in doc.references if r.kind != "described"] for doc in docs]


def _described(text: str) -> list[tuple[str, str]]:
    [doc] = analyse([text], STAGES)
    return [(r.text, r.entity) for r in doc.references if r.kind == "described"]


def test_a_pronoun_is_the_person_last_named_before_it():
    [got] = _references("Tara Reid checked herself into rehab. Her lawyer said Sean Penn visited. He left.")
    assert got == [("herself", "pronoun", "person:tara-reid"), ("Her", "pronoun", "person:tara-reid"),
                   ("He", "pronoun", "person:sean-penn")]


def test_no_person_named_before_or_too_far_back_means_no_reference():
    [got] = _references("She arrived. Xi Jinping spoke. Talks went on. Nothing changed at all. Then he left.")
    assert got == []  # "She" precedes every name; "he" is three sentences on


def test_a_pronoun_agrees_in_gender_with_what_the_documents_call_each_person():
    # "actress" makes Tara Reid a woman, "Mr." makes Sean Penn a man: "She" and "him" are settled
    # by gender, not by who was named last or most
    [got] = _references("Mr. Sean Penn met actress Tara Reid in Malibu on Monday. She thanked him warmly.")
    assert [(text, entity) for text, _, entity in got] == [("She", "person:tara-reid"), ("him", "person:sean-penn")]


def test_a_relative_pronoun_is_what_its_clause_modifies():
    [got] = _references("Police questioned Tara Reid, who denied everything. The company that owns the clinic "
                        "declined to comment.")
    assert ("who", "relative", "person:tara-reid") in got
    [described] = [e for t, k, e in got if t == "that"]
    assert described == "described:company"


def test_a_definite_description_is_the_organisation_or_place_named_in_reach():
    [got] = _references("Tara Reid joined Microsoft in Seattle. The company thanked her. Minsk is calm. "
                        "The city sleeps.")
    descriptions = [(t, e) for t, k, e in got if k == "description"]
    assert ("The company", "org:microsoft") in descriptions and ("The city", "gpe:minsk") in descriptions


def test_a_role_noun_is_a_named_person_only_when_the_document_calls_them_so():
    [got] = _references("Lindsay Lohan appeared in court on Monday. Judge Marsha Revel said she had "
                        "broken her probation. Lohan cried. The judge set a new hearing.")
    assert ("The judge", "description", "person:marsha-revel") in got
    [got] = _references("Lindsay Lohan appeared in court on Monday. Lohan cried. The judge set a new hearing.")
    assert not any(text == "The judge" for text, _, _ in got)  # someone else of the story, not Lohan


def test_indefinite_and_plural_descriptions_name_no_one():
    [got] = _references("Actress Tara Reid left Promises. A woman said so. The actresses were silent.")
    assert [t for t, k, _ in got if k == "description"] == []


def test_an_unnamed_thing_is_one_per_head_word_number_and_quantity():
    got = _described("The quake hit at dawn. Rescuers searched the rubble after the quake. The team "
                     "scored 23 points, not the 14 points of the previous game. The point was made.")
    ids = dict(got)
    assert ids["The quake"] == ids["the quake"] == "described:quake"
    assert len({ids["23 points"], ids["the 14 points"], ids["The point"]}) == 3
