"""Every event word becomes an event mention, with its type, modality and arguments."""

from __future__ import annotations

from newsline.evaluation.analyse import analyse
from newsline.model import Modality

ATTRIBUTION_STAGES = ["nlp", "timex", "published", "resolve_time", "events"]


def _mentions(text: str) -> dict[str, tuple]:
    [doc] = analyse([text], ["nlp", "timex", "events"])
    return {m.text: (m.lemma, m.type, m.modality, {a.role: a.text for a in m.arguments})
            for m in doc.event_mentions}


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


def test_subject_object_partner_and_place_are_kept_as_written():
    got = _mentions("Chinese President Xi Jinping met Alexander Lukashenko in Beijing. "
                    "Lukashenko's visit to Minsk ended with talks with Putin.")
    assert got["met"][3] == {"agent": "Chinese President Xi Jinping", "patient": "Alexander Lukashenko",
                             "place": "Beijing"}
    assert got["visit"][3] == {"agent": "Lukashenko", "place": "Minsk"}
    assert got["talks"][3] == {"with": "Putin"}


def test_a_report_names_its_source_but_a_statement_is_its_speakers_own():
    got = _mentions("Police arrested the gunman, state media reported. According to Xinhua, the two "
                    "leaders will sign a deal. The minister said troops had shelled the town.")
    assert got["arrested"][3]["attribution"] == "state media"
    assert got["sign"][3]["attribution"] == "Xinhua" and got["sign"][2] == Modality.PLANNED
    assert got["shelled"][3] == {"agent": "troops", "patient": "the town", "attribution": "The minister"}
    assert "attribution" not in got["said"][3] and got["said"][3]["agent"] == "The minister"
    assert "According" not in got  # "according to" reports, it is not an event


def test_a_noun_is_as_planned_as_the_verb_it_depends_on():
    got = _mentions("Lukashenko is due to arrive in China for talks with Xi.")
    assert got["arrive"][2] == got["talks"][2] == Modality.PLANNED


def test_the_dated_expression_becomes_the_time_of_its_event_word():
    [doc] = analyse(["Xi met Lukashenko on March 1, 2023 and they talked."],
                    ["nlp", "timex", "published", "resolve_time", "events"])
    met = next(m for m in doc.event_mentions if m.text == "met")
    talked = next(m for m in doc.event_mentions if m.text == "talked")
    assert doc.temporal_expressions[met.timex].start_date == "2023-03-01" and talked.timex is None


def test_an_attribution_is_a_clean_name_without_parse_debris():
    """Scraped, tokenized copy gave attributions such as "Reuters -RRB- - Saudi Arabia" and
    "$ 1.6 bn BP": the words up to the head that read as a name are kept, the debris left out."""
    got = {}
    for text in ("-LRB- Reuters -RRB- - Saudi Arabia said on Tuesday it would raise output by June .",
                 "The $ 1.6 bn BP said on Monday that the well was capped .",
                 "According to state media , the president visited Minsk on Monday .",
                 "According to \\ , the talks began on Monday .",
                 "A 21-year-old deckhand said on Monday that the rig sank on Thursday ."):
        [doc] = analyse([text], ATTRIBUTION_STAGES)
        got.update({m.lemma: a.text for m in doc.event_mentions for a in m.arguments
                    if a.role == "attribution"})
    assert got == {"raise": "Saudi Arabia", "cap": "BP", "visit": "state media", "sink": "year-old deckhand"}
