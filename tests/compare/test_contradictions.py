"""What makes two claims about the same thing, and what keeps claims about different things apart:
counts by what befell what they count, repeated visits, holders of a series, denials of the same
thing, running totals, and wire datelines without a year."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsline.compare.claims import extract_claims
from newsline.dating.published import in_dateline
from newsline.model import ClaimKind, Document
from newsline.pipeline import run
from newsline.pretrained import load_nlp
from newsline.registry import Context, Pipeline
from newsline.stages import DEFAULT_STAGES
from newsline.store import Store


def _claims(sentence: str, kind: ClaimKind = ClaimKind.QUANTITY):
    if kind == ClaimKind.EVENT:  # event claims are read off the event mentions the stages find
        doc = Document(id="d", path="d.txt", format="text", raw_text=sentence)
        Pipeline(DEFAULT_STAGES[:DEFAULT_STAGES.index("claims") + 1]).run_documents([doc], Context())
        return [c for c in doc.claims if c.kind == kind]
    doc = Document(id="d", path="d.txt", format="text", text=sentence)
    return [c for c in extract_claims(doc, load_nlp()(sentence)) if c.kind == kind]


def test_a_count_carries_what_befell_what_it_counts():
    killed, = _claims("The blast killed two people and injured 14 others in the square.")[:1]
    assert killed.predicate == "dead"
    injured = _claims("Doctors said 19 were injured in the blast.")
    assert [c.predicate for c in injured] == ["injured"]
    among = _claims("Three of the injured died in hospital on Tuesday.")
    assert among[0].predicate == "dead among injured"  # not a death toll
    more = _claims("Three more people died in hospital on Tuesday.")
    assert more[0].predicate == "dead more"  # added to the toll, not the toll


def test_what_a_figure_measures_is_found_through_its_preposition_and_currency():
    cut, = _claims("The two countries agreed to cut tariffs by 15 percent.")
    assert (cut.about, cut.unit, cut.low) == ("tariff", "percent", 15)
    aid, = _claims("The government pledged 40 million euros in emergency aid.")
    assert (aid.about, aid.unit, aid.low) == ("aid", "euro", 4e7)


def test_a_sum_written_as_billions_of_a_currency_measures_what_the_clause_says():
    cost, = _claims("The cost of the project make about 2 billions of euro, said the officials.")
    assert (cost.about, cost.unit) == ("project", "euro")  # not "billion"
    aid, = _claims("The government promised 40 millions of euro of the help of emergency.")
    assert (aid.about, aid.unit, aid.low) == ("help", "euro", 4e7)


def test_numbers_that_name_or_refer_are_not_counts():
    assert _claims("The WHO kept its pandemic alert at level five on Wednesday.") == []
    assert _claims("Trade between the two countries fell sharply.") == []


def _collection(folder: Path, texts: dict[str, str]) -> list:
    """Run ``texts`` (file name: text) through the whole pipeline as one collection; its comparisons."""
    folder.mkdir()
    for name, text in texts.items():
        (folder / name).write_text(text)
    with Store(folder / "newsline.db") as store:
        corpus = run([str(folder)], store).corpus
    names = {d.id: Path(d.path).stem for d in corpus.documents}
    return [(c.verdict, c.kind.value, frozenset(names[r.document] for r in c.claims), c.explanation)
            for c in corpus.comparisons]


def _contradictions(found: list) -> set:
    return {(kind, pair) for verdict, kind, pair, _ in found if verdict == "contradiction"}


def test_counts_of_one_toll_contradict_but_other_counts_do_not(tmp_path):
    found = _collection(tmp_path / "c", {
        "a.txt": "Bridge falls in Merel\n\nPublished 11 June 2024\n\nThe collapse of the Sava footbridge in "
                 "Merel killed two people and injured 14, the emergency service said.\n",
        "b.txt": "Merel mourns\n\nPublished 12 June 2024\n\nTwo people died and 19 were injured in the collapse "
                 "of the Sava footbridge in Merel, doctors said.\n"})
    explained = [why for verdict, kind, _, why in found if verdict == "contradiction" and kind == "quantity"]
    assert explained == ["14 against 19"]  # the injured against the injured, never the dead against them


def test_counts_a_week_apart_or_in_other_places_are_not_compared(tmp_path):
    found = _collection(tmp_path / "c", {
        "a.txt": "Flu spreads\n\nPublished 28 April 2009\n\nHealth officials said 23 people in England have "
                 "been infected with the virus.\n",
        "b.txt": "Flu spreads further\n\nPublished 8 May 2009\n\nHealth officials said 91 people in England "
                 "have been infected with the virus.\n",
        "c.txt": "Flu in Canada\n\nPublished 28 April 2009\n\nHealth officials said 40 people in Canada have "
                 "been infected with the virus.\n",
        "d.txt": "Flu in England\n\nPublished 28 April 2009\n\nHealth officials said 30 people in England have "
                 "been infected with the virus.\n"})
    # the same place on the same day is compared, so the others are left out by the rules, not by chance
    assert _contradictions(found) == {("quantity", frozenset("ad"))}


def test_the_same_arrival_dated_differently_contradicts_but_a_later_visit_does_not(tmp_path):
    found = _collection(tmp_path / "c", {
        "a.txt": "Solen in Velgrad\n\nPublished 15 May 2024\n\nPresident Arvid Solen arrived in Velgrad on "
                 "Tuesday for talks on a gas pipeline.\n",
        "b.txt": "Solen lands\n\nPublished 15 May 2024\n\nPresident Arvid Solen landed in Velgrad on Monday "
                 "evening for talks on a gas pipeline.\n",
        "c.txt": "Solen back in Velgrad\n\nPublished 4 December 2024\n\nPresident Arvid Solen arrived in "
                 "Velgrad on Sunday for talks on a gas pipeline.\n",
        "d.txt": "Solen home\n\nPublished 17 May 2024\n\nPresident Arvid Solen returned from Velgrad on "
                 "Thursday after talks on a gas pipeline.\n"})
    dates = {pair for kind, pair in _contradictions(found) if kind == "date"}
    assert frozenset("ab") in dates  # arrived / landed: one step of one visit
    assert not dates & {frozenset("ac"), frozenset("bc"), frozenset("ad"), frozenset("bd")}


def test_ordinals_of_different_holders_are_different_series(tmp_path):
    found = _collection(tmp_path / "c", {
        "a.txt": "Flu in Spain\n\nPublished 28 April 2009\n\nSpain confirmed a second case of swine flu on "
                 "Tuesday.\n",
        "b.txt": "Flu in Holland\n\nPublished 28 April 2009\n\nHolland confirmed its first case of swine flu on "
                 "Tuesday.\n",
        "c.txt": "Flu in Spain again\n\nPublished 28 April 2009\n\nSpain confirmed a third case of swine flu on "
                 "Tuesday.\n"})
    # Spain's second and third case contradict; Holland's first belongs to another series
    assert _contradictions(found) == {("ordinal", frozenset("ac"))}


def test_a_denial_contradicts_an_affirmation_of_the_same_thing_only(tmp_path):
    found = _collection(tmp_path / "c", {
        "a.txt": "Floods in Harn\n\nPublished 8 October 2024\n\nThe army was deployed on Monday to evacuate "
                 "villages near Ossa, the interior ministry said.\n",
        "b.txt": "Harn governor angry\n\nPublished 9 October 2024\n\nGovernor Paul Ekner said the army had not "
                 "been deployed near Ossa, leaving volunteers to evacuate villages.\n",
        "c.txt": "Harn crews\n\nPublished 9 October 2024\n\nThe regional fire crews had not been deployed near "
                 "Ossa, the interior ministry said.\n"})
    events = {pair for kind, pair in _contradictions(found) if kind == "event"}
    assert frozenset("ab") in events and not any("c" in pair for pair in events)


def test_sums_of_one_currency_pledged_alike_are_one_sum_whatever_their_noun(tmp_path):
    found = _collection(tmp_path / "c", {
        "a.txt": "Floods in Harn\n\nPublished 8 October 2024\n\nThe government promised 40 million euros in "
                 "emergency aid for Harn on Monday.\n",
        "b.txt": "Harn aid\n\nPublished 8 October 2024\n\nThe government promised 25 million euros of help "
                 "for Harn on Monday.\n",
        "c.txt": "Harn roads\n\nPublished 8 October 2024\n\nThe government spent 25 million euros on roads "
                 "in Harn last year.\n"})
    # "aid" and "help" are one sum promised; a sum spent on roads is another
    assert _contradictions(found) == {("quantity", frozenset("ab"))}


def test_a_denial_of_a_linked_event_at_the_same_time_contradicts_in_other_words(tmp_path):
    found = _collection(tmp_path / "c", {
        "a.txt": "Ferry capsizes off Corva\n\nPublished 10 June 2024\n\nThe ferry Santa Lena capsized off "
                 "Corva on Sunday. The coast guard said the Santa Lena had passed its safety inspection in "
                 "May.\n",
        "b.txt": "Corva mourns\n\nPublished 11 June 2024\n\nThe Santa Lena capsized off Corva on Sunday. "
                 "Records show the ship had not passed its inspection in May.\n",
        "c.txt": "Corva harbour\n\nPublished 11 June 2024\n\nThe Santa Lena capsized off Corva on Sunday. "
                 "The old harbour crane had not passed an inspection for years.\n"})
    events = {pair for kind, pair in _contradictions(found) if kind == "event"}
    # the ferry / the ship, both in May; the crane's inspection is not the ferry's
    assert frozenset("ab") in events and not any("c" in pair for pair in events)


def test_opinions_questions_conditions_and_answers_deny_nothing():
    def denied(sentence: str) -> list[tuple[str, bool]]:
        return [(c.about, c.negated) for c in _claims(sentence, ClaimKind.EVENT)]

    assert denied("No evacuation order had been issued before the water arrived.")[0] == ("issue", True)
    assert ("deploy", True) in denied("The army had never been deployed near Ossa.")
    assert denied("Schools are not closed if a pupil has no symptoms.") == []
    assert denied("Do you really think the virus was contained?") == []
    assert ("write", True) not in denied("At 12:46 pm on 10 Jun 2010, Jock wrote: No.")  # an answer


def test_a_dateline_dates_the_report_not_an_event():
    text = "MEREL, June 11 (Northwire) - A bridge collapsed on Monday evening."
    assert in_dateline(text, text.index("June")) and not in_dateline(text, text.index("Monday"))
    assert not in_dateline("Published 5 March\n\nIt fell on Monday.", 30)


@pytest.fixture(scope="module")
def yearless(tmp_path_factory) -> list[Document]:
    folder = tmp_path_factory.mktemp("yearless")
    (folder / "a_wire.txt").write_text(
        "Bridge falls in Merel\n\nMEREL, June 11 (Northwire) - A footbridge over the Sava collapsed in Merel "
        "on Monday evening, killing two people, the emergency service said.\n")
    (folder / "b_local.txt").write_text(
        "Merel mourns\n\nPublished 12 June 2024\n\nTwo people died when the Sava footbridge in Merel collapsed "
        "on Sunday evening, doctors said.\n")
    with Store(folder / "newsline.db") as store:
        return run([str(folder)], store).corpus.documents


def test_a_dateline_without_a_year_takes_the_year_of_the_collection(yearless):
    wire = next(d for d in yearless if Path(d.path).name == "a_wire.txt")
    assert wire.published.date == "2024-06-11" and wire.published.origin.value == "dateline"
    assert "gives the day but no year" in wire.published.evidence
    collapse = next(c for c in wire.claims if c.kind == ClaimKind.DATE and c.about == "collapse")
    assert collapse.mention is not None
    assert wire.temporal_expressions[wire.event_mentions[collapse.mention].timex].start_date == "2024-06-10"


def test_a_pronoun_speaker_is_named(tmp_path):
    folder = tmp_path / "c"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "Strike at Port Eldon\n\nPublished 4 March 2024\n\nUnion leader Tomas Brandt told reporters the workers "
        "wanted a raise. \"We have waited eleven months for a fair offer,\" he said.\n")
    with Store(folder / "newsline.db") as store:
        doc, = run([str(folder)], store).corpus.documents
    quote = next(c for c in doc.claims if c.kind == ClaimKind.QUOTE)
    assert (quote.speaker, quote.speaker_name) == ("he", "Tomas Brandt")
