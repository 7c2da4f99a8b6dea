"""Pronouns and definite descriptions resolved to the entity last named before them."""

from __future__ import annotations

from newsline.link.pronouns import resolve_references
from newsline.model import Document, EntityMention, Sentence


def _doc(text: str, people: list[tuple[str, str]]) -> Document:
    mentions = []
    for name, entity in people:
        start = text.index(name)
        mentions.append(EntityMention(start=start, end=start + len(name), text=name, label="PERSON", entity=entity))
    sentences, at = [], 0
    for part in text.split(". "):
        sentences.append(Sentence(start=at, end=at + len(part), text=part))
        at += len(part) + 2
    return Document(id="d", path="d.txt", format="text", text=text, mentions=mentions, sentences=sentences)


def test_a_pronoun_is_the_person_last_named_before_it():
    doc = _doc("Tara Reid checked herself into rehab. Her lawyer said Sean Penn visited. He left",
               [("Tara Reid", "person:tara-reid"), ("Sean Penn", "person:sean-penn")])
    got = [(r.text, r.entity) for r in resolve_references(doc)]
    assert got == [("herself", "person:tara-reid"), ("Her", "person:tara-reid"), ("He", "person:sean-penn")]


def test_no_person_named_before_or_too_far_back_means_no_reference():
    doc = _doc("She arrived. Xi Jinping spoke. Talks went on. Nothing changed. Then he left",
               [("Xi Jinping", "person:xi-jinping")])
    assert resolve_references(doc) == []  # "She" precedes every name; "he" is three sentences on


def test_a_definite_description_is_the_entity_of_its_class_last_named():
    text = "Tara Reid joined Promises. The actress thanked the company. Minsk is calm. The city sleeps"
    doc = _doc(text, [("Tara Reid", "person:tara-reid")])
    start = text.index("Promises")
    doc.mentions.append(EntityMention(start=start, end=start + 8, text="Promises", label="ORG", entity="org:promises"))
    start = text.index("Minsk")
    doc.mentions.append(EntityMention(start=start, end=start + 5, text="Minsk", label="GPE", entity="gpe:minsk"))
    got = [(r.text, r.kind, r.entity) for r in resolve_references(doc)]
    assert got == [("The actress", "description", "person:tara-reid"), ("the company", "description", "org:promises"),
                   ("The city", "description", "gpe:minsk")]


def test_a_phrase_for_an_unnamed_thing_stands_for_one_described_thing_per_head_word():
    from newsline.model import Nominal

    text = "The quake hit at dawn. Rescuers searched the rubble after the quake"
    doc = _doc(text, [])
    doc.nominals = [Nominal(start=0, end=9, text="The quake", head="quake"),
                    Nominal(start=text.index("the rubble"), end=text.index("the rubble") + 10, text="the rubble",
                            head="rubble"),
                    Nominal(start=text.rindex("the quake"), end=len(text), text="the quake", head="quake")]
    got = [(r.text, r.kind, r.entity) for r in resolve_references(doc)]
    assert got == [("The quake", "described", "described:quake"), ("the rubble", "described", "described:rubble"),
                   ("the quake", "described", "described:quake")]
