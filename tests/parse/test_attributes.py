"""Roles of named people as the text states them, each pointing at its words."""

from __future__ import annotations

from newsline.entities.link import link_entities
from newsline.entities.recognize import recognize_corpus_stage
from newsline.model import Corpus, Document
from newsline.parse.nlp import nlp_stage
from newsline.registry import Context


def _analysed(*texts: str) -> Corpus:
    docs = [Document(id=f"d{i}", path=f"d{i}.txt", format="text", text=t, language="en") for i, t in enumerate(texts)]
    nlp_stage(docs, Context())
    corpus = Corpus(documents=docs)
    recognize_corpus_stage(corpus, Context())
    return corpus


def test_titles_and_appositions_become_roles_with_their_citations():
    corpus = _analysed(
        "Belarusian President Alexander Lukashenko arrived in Beijing on Tuesday.",
        "Only recently, Russia's ambassador to Belarus, Boris Gryzlov, said Moscow was ready to help.",
        "Boris Gryzlov, the Russian ambassador to Belarus, met officials. His friend Pavel Latushka left.",
    )
    entities = {e.name: e for e in link_entities(corpus)}
    assert [r.text for r in entities["Alexander Lukashenko"].roles] == ["Belarusian President"]
    assert [r.text for r in entities["Boris Gryzlov"].roles] == ["Russia's ambassador to Belarus",
                                                                "Russian ambassador to Belarus"]
    texts = {d.id: d.text for d in corpus.documents}
    for role in entities["Boris Gryzlov"].roles:
        [cite] = role.citations
        assert texts[cite.document][cite.start:cite.end] == role.text
    assert entities["Pavel Latushka"].roles == []  # "his friend" is not a role


def test_the_same_role_in_two_documents_is_one_role_with_two_citations():
    corpus = _analysed("Chinese President Xi Jinping spoke.", "Chinese President Xi Jinping listened.")
    [role] = {e.name: e for e in link_entities(corpus)}["Xi Jinping"].roles
    assert role.text == "Chinese President" and {c.document for c in role.citations} == {"d0", "d1"}
