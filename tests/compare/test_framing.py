"""Framing: per entity, the titles and labels each document uses, side by side, loaded words marked;
an entity described by one document only is not shown."""

from __future__ import annotations

from newsline.compare.framing import framing_stage
from newsline.model import Corpus, Descriptor, Document, Entity, EntityMention, RoleMention
from newsline.registry import Context

PERSON = "person:alexander-lukashenko"


def _doc(doc_id: str, text: str, name: str, label: str, kind: str) -> Document:
    at, label_at = text.index(name), text.index(label)
    mention = EntityMention(start=at, end=at + len(name), text=name, label="PERSON", entity=PERSON)
    doc = Document(id=doc_id, path=f"{doc_id}.txt", format="text", text=text, mentions=[mention])
    if kind == "title":
        doc.roles = [RoleMention(start=label_at, end=label_at + len(label), text=label, mention=at)]
    else:
        doc.descriptors = [Descriptor(start=label_at, end=label_at + len(label), text=label, mention=at, kind=kind)]
    return doc


def test_each_document_s_terms_for_an_entity_side_by_side_with_loaded_words_marked():
    docs = [_doc("wire", "Belarusian President Alexander Lukashenko arrived.", "Alexander Lukashenko",
                 "Belarusian President", "title"),
            _doc("exile", "The dictator Lukashenko, an illegitimate ruler, flew out.", "Lukashenko",
                 "an illegitimate ruler", "apposition"),
            _doc("alone", "Minsk said nothing.", "Minsk", "Minsk", "title")]
    docs[2].mentions[0].entity = "gpe:minsk"
    corpus = Corpus(documents=docs, entities=[Entity(id=PERSON, name="Alexander Lukashenko", type="PERSON")])
    framing_stage(corpus, Context())
    [framed] = corpus.framing  # Minsk is described by one document only
    assert framed.entity == PERSON and [d.document for d in framed.documents] == ["wire", "exile"]
    wire, exile = ([(t.text, t.kind, t.loaded) for t in d.terms] for d in framed.documents)
    assert wire == [("Belarusian President", "title", [])]
    assert exile == [("an illegitimate ruler", "label", ["illegitimate"])]
