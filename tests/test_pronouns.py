"""Personal pronouns resolved to the last person named before them."""

from __future__ import annotations

from newsline.link.pronouns import resolve_pronouns
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
    got = [(r.text, r.entity) for r in resolve_pronouns(doc)]
    assert got == [("herself", "person:tara-reid"), ("Her", "person:tara-reid"), ("He", "person:sean-penn")]


def test_no_person_named_before_or_too_far_back_means_no_reference():
    doc = _doc("She arrived. Xi Jinping spoke. Talks went on. Nothing changed. Then he left",
               [("Xi Jinping", "person:xi-jinping")])
    assert resolve_pronouns(doc) == []  # "She" precedes every name; "he" is three sentences on
