"""Near-duplicate documents: the later copy is flagged, pointing at the earlier original."""

from __future__ import annotations

from newsline.model import Corpus, Document, FlagKind, PublishedDate
from newsline.quality.duplicates import duplicates_stage
from newsline.registry import Context

WIRE = ("Belarusian President Alexander Lukashenko arrived in Beijing on Tuesday for a three-day state visit, "
        "his office said. He is expected to meet Chinese President Xi Jinping on Wednesday to discuss trade, "
        "security and the war in Ukraine, according to officials in both capitals.")


def _doc(doc_id: str, text: str, date: str) -> Document:
    return Document(id=doc_id, path=f"{doc_id}.txt", format="text", text=text, published=PublishedDate(date=date))


def test_a_near_copy_is_flagged_as_the_duplicate_of_the_earlier_text():
    copy = WIRE.replace("three-day", "three day") + " Read more on our site."
    other = "Floods closed the main road to the port on Friday, and the harbour authority stopped all ferries."
    docs = [_doc("later", copy, "2023-03-01"), _doc("wire", WIRE, "2023-02-28"), _doc("other", other, "2023-02-28")]
    duplicates_stage(Corpus(documents=docs), Context())
    [flag] = docs[0].flags
    assert flag.kind == FlagKind.DUPLICATE and flag.evidence[0].document == "wire"
    assert docs[1].flags == [] and docs[2].flags == []


def test_texts_too_short_to_judge_are_never_called_copies():
    docs = [_doc("a", "Talks began.", "2023-02-28"), _doc("b", "Talks began.", "2023-03-01")]
    duplicates_stage(Corpus(documents=docs), Context())
    assert docs[0].flags == [] and docs[1].flags == []
