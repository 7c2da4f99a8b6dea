"""Source-quality flags: each fires on what it is for, explains itself with spans, and stays quiet on
plain professional copy that merely looks like it."""

from __future__ import annotations

from newsline.evaluation.analyse import analyse
from newsline.model import Document, FlagKind, PublishedDate
from newsline.pretrained import shared_embeddings
from newsline.quality.spinning import spun_flags

TEXT_STAGES = ["nlp", "timex", "published", "resolve_time", "events", "flag_text"]


def _flags(text: str) -> dict[FlagKind, object]:
    [doc] = analyse([text], TEXT_STAGES)
    for flag in doc.flags:  # every piece of evidence points at the text it quotes
        for ev in flag.evidence:
            assert doc.text[ev.start:ev.end] == ev.text
    return {f.kind: f for f in doc.flags}


WIRE = ("Officials said the bridge at Lenno would reopen on May 3. Engineers found two cracked beams in "
        "April, the transport ministry said. Repairs cost 4 million euros.")


def test_plain_wire_copy_raises_no_flag():
    assert _flags(WIRE) == {}


def test_furniture_glued_into_a_paragraph_is_boilerplate():
    flags = _flags(WIRE + " Share this article on Facebook or Twitter. Sign up for our newsletter to get "
                   "the news in your inbox.\nTraffic returned to the bridge on Monday.")
    flag = flags[FlagKind.BOILERPLATE]
    assert {e.note for e in flag.evidence} >= {"sharing or following prompt"}
    assert any("newsletter" in e.text for e in flag.evidence) and flag.score >= 0.5


def test_reader_words_that_are_not_furniture_are_left_alone():
    assert FlagKind.BOILERPLATE not in _flags(WIRE + " Neighbouring towns may follow us into recession, he said.")


def test_a_stated_source_and_a_garbled_name_mark_a_translation():
    flags = _flags("(Vestnik Polish website) The minister Anna Nowak Nowak said on Tuesday that the bridge "
                   "reopens. Engineers found two beams cracked in April.")
    flag = flags[FlagKind.MACHINE_TRANSLATED]
    texts = {e.text for e in flag.evidence}
    assert "Nowak Nowak" in texts and "(Vestnik Polish website)" in texts


def test_one_weak_mark_is_not_enough_and_real_doubled_names_are_not_garbled():
    assert FlagKind.MACHINE_TRANSLATED not in _flags("Tourists returned to Bora Bora on Monday. " + WIRE)


def test_hedged_filler_without_specifics_is_low_information():
    filler = ("The reopening could have important implications for the region. It is widely expected that "
              "traffic might increase. Observers will be watching closely to see how things unfold. "
              "Some analysts suggest the project may potentially change the local economy. "
              "It remains to be seen whether other towns could follow. The bridge is likely to remain a "
              "topic of discussion, and its impact could be felt for years to come.")
    flag = _flags(filler)[FlagKind.LOW_INFORMATION]
    assert flag.score >= 0.5 and "6 of 6 sentences hedge" in flag.explanation


def test_a_named_experts_speculation_is_reported_speculation_not_filler():
    """A professional explainer (Timeline17's BBC flu pieces): most hedges are named experts' words,
    given as theirs; only the writer's own two speculate. The same hedges unattributed are filler."""
    experts = ("Professor Ana Ruiz said the virus could change as it spreads through the region. "
               "Dr Karl Weber said the illness might become milder over the coming season. "
               "Professor Ana Ruiz said a working vaccine may take a long time to arrive. ")
    own = ("The outbreak could possibly ease when the weather turns warmer. Schools might stay open in most "
           "towns across the country. ")
    plain = ("The town hall stayed open for the whole of the week. Families queued outside the clinic in the "
             "old market square. Nurses handed out leaflets about washing hands and coughing. The local "
             "paper printed advice from the health board. Shops on the high street sold out of soap and "
             "masks. ")
    assert FlagKind.LOW_INFORMATION not in _flags(experts + own + plain)
    unnamed = experts.replace("Professor Ana Ruiz said", "Some analysts suggest").replace("Dr Karl Weber said",
                                                                                        "It is thought")
    assert FlagKind.LOW_INFORMATION in _flags(unnamed + own + plain)


def test_careful_hedging_among_checkable_facts_is_not_low_information():
    careful = (
        "The bridge may reopen on May 3, the ministry said on Monday. Repairs could cost 4 million euros, "
        "engineer Paolo Rossi said. \"We found two cracked beams,\" he told reporters. "
        "Traffic fell 30 percent in April, according to the Lenno council. "
        "The council expects 12,000 cars a day once it reopens. Mayor Lia Conti said shops lost 2 million euros."
    )
    assert FlagKind.LOW_INFORMATION not in _flags(careful)


def test_an_unverifiable_claim_is_cited_with_the_statement_that_says_so():
    flag = _flags("Activists said a drone had hit the base. The claims could not be independently verified. "
                  "The army did not comment.")[FlagKind.UNVERIFIED_CLAIM]
    notes = {e.text: e.note for e in flag.evidence}
    assert notes["The claims could not be independently verified."].startswith("the text says")
    assert notes["Activists said a drone had hit the base."] == "the claim it refers to"


def test_no_comment_and_counted_cases_are_not_unverified_claims():
    flags = _flags("The owner could not be reached for comment. Health officials reported 14 unconfirmed cases "
                   "of flu in the town on Monday. " + WIRE)
    assert FlagKind.UNVERIFIED_CLAIM not in flags


SOURCE = ("Ostrian President Aldo Ferrante arrived in Kestria on Monday for a two-day state visit, his third "
          "trip abroad this year. Ferrante, a close ally of Prime Minister Nadia Holm, will sign an energy "
          "agreement on Tuesday. The two sides last met in January, when they agreed to deepen trade ties. "
          "The state visit ends on Tuesday.")


def _doc(name: str, text: str, date: str) -> Document:
    return Document(id=name, path=f"{name}.txt", format="text", text=text, published=PublishedDate(date=date))


def test_a_copy_with_words_swapped_for_near_synonyms_is_spun_and_cites_its_source():
    copy = (SOURCE.replace("trip abroad", "trip overseas").replace("close ally", "near alliance")
            .replace("two sides", "two edges"))
    flags = spun_flags([_doc("wire", SOURCE, "2024-06-10"), _doc("copy", copy, "2024-06-12")], shared_embeddings())
    assert set(flags) == {"copy"}  # the later text is the copy, never the source
    evidence = {copy[e.start:e.end]: e for e in flags["copy"].evidence}
    assert {"overseas", "near alliance", "edges"} <= set(evidence)
    assert evidence["edges"].document == "wire" and "two sides" in evidence["edges"].note


def test_an_editors_rewording_and_a_changed_fact_are_not_spinning():
    edited = SOURCE.replace("arrived in", "flew into").replace("deepen trade ties", "expand trade ties")
    changed = SOURCE.replace("third trip", "fourth trip").replace("on Tuesday", "on Wednesday")
    docs = [_doc("wire", SOURCE, "2024-06-10"), _doc("edited", edited, "2024-06-11"),
            _doc("changed", changed, "2024-06-11")]
    assert spun_flags(docs, shared_embeddings()) == {}


def test_report_evidence_is_marked_inside_its_whole_sentence():
    from newsline.outputs.html import excerpt

    text = "Ferrante, a near alliance of Holm, landed. The visit ends on Tuesday."
    start = text.index("near alliance")
    shown = str(excerpt({"d": text}, "d", start, start + len("near alliance")))
    assert shown == "Ferrante, a <mark>near alliance</mark> of Holm, landed."  # first word kept whole
    assert str(excerpt({"d": text}, "d", None, None, "<b>")) == "&lt;b&gt;"  # no offsets: escaped fallback
