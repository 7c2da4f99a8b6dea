"""Every event word becomes an event mention, with its type, modality and arguments."""

from __future__ import annotations

from newsline.evaluation.analyse import analyse
from newsline.model import Modality


def _mentions(text: str) -> dict[str, tuple]:
    [doc] = analyse([text], ["nlp", "timex", "events"])
    return {m.text: (m.lemma, m.type, m.modality, m.agent, m.patient) for m in doc.event_mentions}


def test_verbs_and_event_nouns_are_mentions_but_copulas_are_not():
    got = _mentions("Lukashenko visited Beijing and the talks were long. The explosion is a mystery.")
    assert got["visited"][:2] == ("visit", "visit") and got["talks"][1] == "meeting"
    assert got["explosion"][1] == "attack"
    assert "were" not in got and "is" not in got


def test_the_clause_says_whether_it_happened_is_planned_hedged_or_negated():
    got = _mentions("Lukashenko will visit China. Police did not arrest the gunman. The rebels may have "
                    "attacked the base. Troops shelled the town.")
    assert got["visit"][2] == Modality.PLANNED
    assert got["arrest"][2] == Modality.NEGATED
    assert got["attacked"][2] == Modality.HEDGED
    assert got["shelled"][2] == Modality.HAPPENED


def test_subject_and_object_are_kept_as_written():
    got = _mentions("Chinese President Xi Jinping met Alexander Lukashenko in Beijing.")
    assert got["met"][3] == "Chinese President Xi Jinping" and got["met"][4] == "Alexander Lukashenko"
