"""Reading Reuters-21578's SGML into newsline's JSONL records, on a small file written for the test
in the collection's own dialect (latin-1, entities, the "Reuter &#3;" sign-off, a malformed date)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsline.evaluation.conflicts_real import per_split, topic_inputs
from newsline.evaluation.flags import FlagSetError
from newsline.evaluation.reuters import ReutersError, read_sgml, write_topic

SGML = """<!DOCTYPE lewis SYSTEM "lewis.dtd">
<REUTERS TOPICS="YES" LEWISSPLIT="TRAIN" CGISPLIT="TRAINING-SET" OLDID="1" NEWID="7">
<DATE> 2-MAR-1987 10:15:02.11</DATE>
<TOPICS><D>crude</D><D>ship</D></TOPICS>
<TEXT>&#2;
<TITLE>VALDORIA RAISES CRUDE OUTPUT</TITLE>
<DATELINE>    PORTA, March 2 - </DATELINE><BODY>Valdoria raised crude output to 410,000 barrels
a day &lt;the ministry&gt; said, caf\xe9 owners &amp; all.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="2" NEWID="8">
<DATE>31-MAR-1987 605:12:19.12</DATE>
<TOPICS><D>crude</D></TOPICS>
<TEXT TYPE="BRIEF">&#2;
<TITLE>VALDORIA BRIEF</TITLE>
&#3;</TEXT>
</REUTERS>
<REUTERS TOPICS="YES" LEWISSPLIT="TEST" CGISPLIT="TRAINING-SET" OLDID="3" NEWID="9">
<DATE>31-MAR-1987 605:12:19.12</DATE>
<TOPICS><D>grain</D></TOPICS>
<TEXT>&#2;
<TITLE>WHEAT</TITLE><BODY>Wheat rose.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>
"""


@pytest.fixture()
def collection(tmp_path: Path) -> Path:
    (tmp_path / "reut2-000.sgm").write_bytes(SGML.encode("latin-1"))
    return tmp_path


def test_stories_are_read_with_their_wire_time_topics_and_clean_body(collection):
    first, brief, wheat = read_sgml(collection / "reut2-000.sgm")
    assert (first.newid, first.published, first.topics, first.split) == (7, "1987-03-02T10:15:02", ("crude", "ship"),
                                                                        "TRAIN")
    assert first.dateline == "PORTA, March 2" and first.title == "VALDORIA RAISES CRUDE OUTPUT"
    assert first.body.endswith("café owners & all.") and "<the ministry>" in first.body  # entities, latin-1
    assert brief.body == "" and wheat.published is None  # a title-only brief; an hour that does not exist


def test_a_topic_becomes_jsonl_records_newsline_reads(collection, tmp_path):
    out = tmp_path / "out" / "crude.jsonl"
    assert write_topic(collection, "crude", out) == 1  # the brief has no body
    [record] = [json.loads(line) for line in out.read_text().splitlines()]
    assert record["id"] == "reuters-7" and record["published"] == "1987-03-02T10:15:02"
    assert record["text"].startswith("PORTA, March 2 - Valdoria raised crude output")
    with pytest.raises(ReutersError, match="no story with a body is labelled 'coffee'"):
        write_topic(collection, "coffee", out)
    with pytest.raises(ReutersError, match=r"no reut2-NNN\.sgm"):
        write_topic(tmp_path / "out", "crude", out)


def test_a_reuters_topic_needs_the_collection(collection, tmp_path):
    with pytest.raises(FlagSetError, match="--reuters"):
        topic_inputs(tmp_path, "reuters-crude", tmp_path, None)
    [jsonl] = topic_inputs(tmp_path, "reuters-crude", tmp_path / "work", collection)
    assert jsonl.name == "reuters-crude.jsonl" and jsonl.is_file()


def test_every_split_is_scored_apart_including_later_blind_rounds(tmp_path, monkeypatch):
    seen = []

    def fake_corpus(root, topic, workdir, stores, again, reuters):
        seen.append(topic)
        return type("C", (), {"documents": [object()] * 3})()

    monkeypatch.setattr("newsline.evaluation.conflicts_real.topic_corpus", fake_corpus)
    labels = {"topics": {"tune": ["a"], "blind": ["b"], "blind-2": ["reuters-crude"]}}
    got = per_split(tmp_path, labels, tmp_path, None, lambda c: None, lambda t, c: [t])
    assert got == {"tune": (["a"], 3), "blind": (["b"], 3), "blind-2": (["reuters-crude"], 3)}
