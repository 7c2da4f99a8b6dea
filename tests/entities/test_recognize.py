"""Corpus-level corrections to recognition: label voting and the corpus entity ruler."""

from __future__ import annotations

from newsline.entities.recognize import recognize_corpus_stage
from newsline.model import Corpus, Document, EntityMention
from newsline.registry import Context


def _doc(i: int, text: str, mentions: list[tuple[str, str]]) -> Document:
    found = []
    for name, label in mentions:
        start = text.index(name)
        found.append(EntityMention(start=start, end=start + len(name), text=name, label=label))
    return Document(id=f"d{i}", path=f"d{i}.txt", format="text", text=text, tagged_mentions=found)


def test_a_name_takes_the_label_most_of_its_mentions_have():
    docs = [_doc(i, "Tsikhanouskaya spoke.", [("Tsikhanouskaya", "PERSON")]) for i in range(3)]
    docs.append(_doc(3, "Tsikhanouskaya left.", [("Tsikhanouskaya", "ORG")]))
    recognize_corpus_stage(Corpus(documents=docs), Context())
    assert {m.label for d in docs for m in d.mentions} == {"PERSON"}


def test_a_name_recognised_once_is_found_wherever_else_it_appears():
    docs = [_doc(0, "Pavel Latushka spoke in Vilnius.", [("Pavel Latushka", "PERSON")]),
            _doc(1, "Later, Pavel Latushka and Pavel Latushka's aides left.", [])]
    recognize_corpus_stage(Corpus(documents=docs), Context())
    assert [(m.text, m.label, m.start) for m in docs[1].mentions] == [
        ("Pavel Latushka", "PERSON", 7), ("Pavel Latushka", "PERSON", 26)]


def test_the_ruler_never_overlaps_a_mention_nor_matches_inside_a_word():
    docs = [_doc(0, "Minsk said no.", [("Minsk", "GPE")]),
            _doc(1, "The Minsk-based group and Minskers met in Minsk Region.", [("Minsk Region", "LOC")])]
    recognize_corpus_stage(Corpus(documents=docs), Context())
    assert [(m.text, m.label) for m in docs[1].mentions] == [("Minsk Region", "LOC")]


def test_a_day_name_taken_once_for_a_person_is_not_spread_through_the_corpus():
    docs = [_doc(0, "Leaders Friday won.", [("Friday", "PERSON")]),
            _doc(1, "Talks resume on Friday in Minsk.", [])]
    recognize_corpus_stage(Corpus(documents=docs), Context())
    assert docs[1].mentions == []


def test_a_part_of_a_full_name_is_that_person_in_the_same_document():
    text = "Wang Donghai was detained. Rights groups said Wang's arrest was unjust."
    docs = [_doc(0, text, [("Wang Donghai", "PERSON")])]
    docs[0].mentions.append(EntityMention(start=text.rindex("Wang"), end=text.rindex("Wang") + 4, text="Wang",
                                          label="ORG"))
    recognize_corpus_stage(Corpus(documents=docs), Context())
    assert [(m.text, m.label) for m in docs[0].mentions] == [("Wang Donghai", "PERSON"), ("Wang", "PERSON")]
