"""Cross-document entity linking: transliterations merge, different people never do."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsline.entities.link import link_entities
from newsline.entities.names import name_key
from newsline.model import Corpus, Document, EntityMention


@pytest.mark.parametrize("a, b", [
    ("Tsikhanouskaya", "Tikhanovskaya"),  # Belarusian and Russian forms of one surname
    ("Ціханоўская", "Tsikhanouskaya"),  # any script, romanised first
    ("Lukashenka", "Lukashenko"),
    ("Aliaksandr", "Alexander"),
    ("Aleksandr", "Alexander"),
    ("Sviatlana", "Svetlana"),
    ("Tsikhanouski", "Tikhanovsky"),
])
def test_spellings_of_one_name_share_a_key(a, b):
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize("a, b", [
    ("Tsikhanouskaya", "Tsikhanouski"),  # wife and husband: the gendered ending is kept
    ("Tikhanovskaya", "Tikhanovsky"),
    ("Maria", "Mario"),
    ("Xi", "Xie"),
])
def test_different_names_keep_different_keys(a, b):
    assert name_key(a) != name_key(b)


@given(st.text(max_size=30))
def test_a_key_is_plain_ascii_whatever_the_input(word):
    key = name_key(word)
    assert key == "" or (key.isascii() and key[0].isalpha())


def _corpus(*texts_and_names: tuple[str, list[tuple[str, str]]]) -> Corpus:
    docs = []
    for i, (text, names) in enumerate(texts_and_names):
        mentions = []
        for name, label in names:
            start = text.index(name)
            mentions.append(EntityMention(start=start, end=start + len(name), text=name, label=label))
        docs.append(Document(id=f"d{i}", path=f"d{i}.txt", format="text", text=text, mentions=mentions))
    return Corpus(documents=docs)


def _people(corpus: Corpus) -> dict[str, set[str]]:
    return {e.name: {e.name, *e.aliases} for e in link_entities(corpus) if e.type == "PERSON"}


def test_transliterations_of_one_person_merge_across_documents():
    corpus = _corpus(
        ("Sviatlana Tsikhanouskaya spoke in Vilnius.", [("Sviatlana Tsikhanouskaya", "PERSON")]),
        ("Svetlana Tikhanovskaya met Merkel. Tikhanovskaya left.",
         [("Svetlana Tikhanovskaya", "PERSON"), ("Tikhanovskaya", "PERSON")]),
        ("Aliaksandr Lukashenka and Alexander Lukashenko are one man.",
         [("Aliaksandr Lukashenka", "PERSON"), ("Alexander Lukashenko", "PERSON")]),
    )
    people = _people(corpus)
    assert any({"Sviatlana Tsikhanouskaya", "Svetlana Tikhanovskaya", "Tikhanovskaya"} <= names
               for names in people.values())
    assert any({"Aliaksandr Lukashenka", "Alexander Lukashenko"} <= names for names in people.values())


def test_a_wife_and_her_husband_stay_two_people():
    corpus = _corpus(
        ("Sviatlana Tsikhanouskaya ran for president.", [("Sviatlana Tsikhanouskaya", "PERSON")]),
        ("Her husband Siarhei Tsikhanouski was jailed. Tikhanovsky is a blogger.",
         [("Siarhei Tsikhanouski", "PERSON"), ("Tikhanovsky", "PERSON")]),
    )
    people = _people(corpus)
    wife = next(n for n in people.values() if "Sviatlana Tsikhanouskaya" in n)
    husband = next(n for n in people.values() if "Siarhei Tsikhanouski" in n)
    assert wife != husband and "Tikhanovsky" in husband and "Tikhanovsky" not in wife


def test_two_people_sharing_a_surname_stay_apart_and_the_bare_surname_joins_neither_across_documents():
    corpus = _corpus(
        ("Kim Jong Un fired a missile.", [("Kim Jong Un", "PERSON")]),
        ("Kim Yo Jong issued a statement.", [("Kim Yo Jong", "PERSON")]),
        ("Kim said nothing.", [("Kim", "PERSON")]),
    )
    people = _people(corpus)
    assert {"Kim Jong Un"} == people["Kim Jong Un"] and {"Kim Yo Jong"} == people["Kim Yo Jong"]
    assert people["Kim"] == {"Kim"}
