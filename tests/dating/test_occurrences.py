"""An undated report of "the second visit of 2023" is placed by the visits the collection dates."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsline.model import DateOrigin
from newsline.pipeline import run
from newsline.store import Store

TEXTS = {
    "2023-02-25/wire_february.txt": (
        "Lukashenko to visit China\n\nMINSK - Belarusian President Alexander Lukashenko will visit China from "
        "February 28 to March 2, the Chinese Foreign Ministry said on Saturday. Lukashenko will hold talks "
        "with Chinese President Xi Jinping in Beijing.\n"),
    "2023-12-05/wire_december.txt": (
        "Xi meets Lukashenko\n\nBEIJING - Chinese President Xi Jinping met Belarusian President Alexander "
        "Lukashenko in Beijing on Monday, December 4. Lukashenko began a two-day visit to China on Monday, "
        "his office said. The two leaders discussed trade and the war in Ukraine, according to the Chinese "
        "Foreign Ministry.\n"),
    "second.txt": (
        "Lukashenko in Beijing again\n\nBelarusian President Alexander Lukashenko is in Beijing on his second "
        "visit to China in 2023. He held talks with Xi Jinping on trade.\n"),
    "third.txt": (
        "Lukashenko in Beijing again\n\nBelarusian President Alexander Lukashenko made his third visit to "
        "China in 2023. He held talks with Xi Jinping on trade.\n"),
    "plain.txt": (
        "Lukashenko in Beijing\n\nBelarusian President Alexander Lukashenko visited China in 2023. He held "
        "talks with Xi Jinping on trade.\n"),
}


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("visits")
    for name, text in TEXTS.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    with Store(root / "n.db") as store:
        corpus = run([str(root)], store).corpus
    return {Path(doc.path).name: doc.published for doc in corpus.documents}


def test_the_second_visit_of_the_year_is_the_second_the_collection_dates(published):
    second = published["second.txt"]
    assert (second.date, second.origin, second.estimated) == ("2023-12-04", DateOrigin.CORPUS, True)
    assert "second visit of 2023" in second.evidence and "wire_december.txt" in second.evidence
    assert "2023-02-28, 2023-12-04" in second.evidence


def test_an_ordinal_the_collection_cannot_count_leaves_the_document_undated(published):
    assert published["third.txt"].date is None  # only two visits of 2023 are known


def test_a_happening_without_an_ordinal_places_nothing(published):
    assert published["plain.txt"].date is None  # "visited China in 2023" fits either visit
