"""The whole pipeline on the bundled examples: dates with provenance, linking, report contract."""

from __future__ import annotations

import json
from importlib import resources

import jsonschema
import pytest

from newsline.errors import PipelineError
from newsline.registry import Pipeline

from .conftest import doc_by_name


def test_report_validates_against_the_schema(examples_run):
    schema = json.loads(resources.files("newsline.outputs").joinpath("schema/report.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(examples_run["report"], schema)
    broken = json.loads(json.dumps(examples_run["report"]))
    broken["events"][0]["modality"] = "rumoured"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(broken, schema)


def test_the_committed_schema_is_the_one_the_report_model_generates():
    from newsline.outputs.report import generated_schema, schema

    assert schema() == generated_schema(), "regenerate it: python -m newsline.outputs.report"


def test_every_citation_and_offset_points_at_its_text(examples_run):
    report = examples_run["report"]
    texts = {d["id"]: d["text"] for d in report["documents"]}
    for event in report["events"]:
        for c in event["citations"]:
            assert texts[c["document"]][c["start"]:c["end"]] == c["text"]
    for doc in report["documents"]:
        for tx in doc["temporal_expressions"]:
            assert doc["text"][tx["start"]:tx["end"]] == tx["text"]
    assert report["key_dates"]
    for key_date in report["key_dates"]:
        for c in key_date["sentences"]:
            assert texts[c["document"]][c["start"]:c["end"]] == c["text"]


def test_the_key_dates_lead_with_the_state_visit_and_are_in_the_page(examples_run):
    report = examples_run["report"]
    best = max(report["key_dates"], key=lambda k: k["score"])
    assert best["date"].startswith("2023-02") or best["date"].startswith("2023-03")  # the February visit
    assert [k["date"] for k in report["key_dates"]] == sorted(k["date"] for k in report["key_dates"])
    from newsline.outputs.html import render_html

    page = render_html(examples_run["model"])
    assert 'id="key-dates"' in page and best["sentences"][0]["text"].split()[0] in page


@pytest.mark.parametrize("name, date, source", [
    ("wire_state_visit.txt", "2023-02-28", "dateline"),
    ("state_media.html", "2023-03-01", "metadata"),
    ("wire_december_talks.txt", "2023-12-05", "folder_name"),
    ("feed.jsonl:2", "2023-03-06", "jsonl_field"),
    ("translated.txt", "2023-02-26", "header_line"),
])
def test_publication_date_and_its_source(examples_run, name, date, source):
    published = doc_by_name(examples_run["report"], name)["published"]
    assert (published["date"], published["origin"], published["estimated"]) == (date, source, False)


def test_a_scrape_date_in_the_header_loses_to_the_content(examples_run):
    doc = doc_by_name(examples_run["report"], "scrape_date_header.txt")
    assert doc["published"]["date"] == "2023-02-27" and doc["published"]["origin"] == "corpus"
    [conflict] = [c for c in doc["published"]["conflicts"] if c["date"] == "2024-06-13"]
    assert (
        "Tuesday" in conflict["reason"] and "2023-02-28" in conflict["reason"] and "scrape date" in conflict["reason"]
    )
    # and the activists' claim the text itself calls unverifiable
    assert sorted(f["kind"] for f in doc["flags"]) == ["date_conflict", "unverified_claim"]


def test_undated_documents_get_no_invented_date(examples_run):
    exile = doc_by_name(examples_run["report"], "exile_outlet.txt")["published"]
    # Undated, but "due to fly to Beijing on Tuesday" is the state visit the wire story dates 28 February:
    # the corpus dates it, still as an estimate, and says how
    assert (exile["date"], exile["origin"], exile["estimated"]) == ("2023-02-27", "corpus", True)
    assert "'Tuesday' (visit) must be 2023-02-28" in exile["evidence"]
    december = doc_by_name(examples_run["report"], "undated_december.txt")["published"]
    assert december["date"] == "2023-12-04" and december["estimated"] and december["confidence"] <= 0.5
    # the weekday's year is checked against the corpus: the dated wire story reports the same visit that day
    assert "the corpus agrees:" in december["evidence"] and "2023-12-05/wire_december_talks.txt" in december["evidence"]


def test_one_entity_per_person_across_spellings(examples_run):
    lukashenko = [e for e in examples_run["report"]["entities"] if e["id"] == "person:alexander-lukashenko"]
    assert len(lukashenko) == 1
    assert {"Aleksandr Lukashenko", "Lukashenko"} <= set(lukashenko[0]["aliases"])
    assert len(lukashenko[0]["documents"]) >= 8


def test_the_state_visit_is_one_event_cited_by_each_report(examples_run):
    report = examples_run["report"]
    names = {d["id"]: d["path"].rsplit("/", 1)[-1] for d in report["documents"]}
    visits = [e for e in report["events"] if e["type"] == "visit" and e["start"] == "2023-02-28"]
    assert len(visits) == 1
    cited = {names[c["document"]] for c in visits[0]["citations"]}
    assert {"wire_state_visit.txt", "scraped_page.txt", "scrape_date_header.txt"} <= cited
    assert "person:alexander-lukashenko" in visits[0]["participants"]
    # "..., his office said": who reports it is kept, and is not a participant
    assert "his office" in visits[0]["attributions"] and visits[0]["documents"] == len(cited)


def test_the_page_names_each_events_sources_and_how_many_report_it(examples_run):
    from newsline.outputs.html import render_html

    html = render_html(examples_run["model"])
    assert "according to his office; officials" in html and "reported by 5 documents" in html


def test_timeline_is_in_date_order_and_points_at_events(examples_run):
    report = examples_run["report"]
    ids = {e["id"] for e in report["events"]}
    dates = [t["date"] for t in report["timeline"]]
    assert dates == sorted(dates, key=lambda d: (d + "-99-99")[:10])  # a month after its days
    assert all(set(t["events"]) <= ids and t["summary"] for t in report["timeline"])
    assert "2023-02-28" in dates and "2024-06-18" not in dates  # no event from the scrape date


def test_scraped_page_furniture_is_recorded(examples_run):
    doc = doc_by_name(examples_run["report"], "scraped_page.txt")
    assert "Please enter your comment" not in doc["text"] and "Accept cookies" not in doc["text"]
    assert "met Xi Jinping the next day" in doc["text"]
    assert {"comment form", "cookie notice", "share buttons", "navigation crumbs"} <= {
        r["reason"] for r in doc["removed"]
    }


def test_every_field_of_the_default_pipeline_has_one_owner():
    from newsline.registry import INPUT_FIELDS, get_stage
    from newsline.stages import DEFAULT_STAGES

    owners: dict[str, str] = {}
    for name in DEFAULT_STAGES:
        if isinstance(name, str):
            spec = get_stage(name)
            assert not spec.replaces, f"{name} replaces what another stage owns"
            for written in spec.writes:
                assert written not in INPUT_FIELDS and written not in owners, (written, name, owners.get(written))
                owners[written] = name
    assert owners["document.mentions"] == "recognize_corpus" and owners["document.mentions.entity"] == "link_entities"
    assert owners["document.published"] == "published"
    assert {owners[f"document.flags.{kind}"] for kind in ("spun", "duplicate", "date_conflict", "boilerplate")} == {
        "spun", "duplicates", "reconcile_dates", "flag_text"}


def test_a_second_writer_of_a_field_is_refused_when_it_registers():
    from newsline.registry import registered_stages, stage

    registered_stages()  # the default stages first
    with pytest.raises(PipelineError, match=r"writes document\.published, which stage 'published' owns"):
        @stage("second_dater", scope="corpus", reads=["document.text"], writes=["document.published"])
        def second_dater(corpus, ctx) -> None:
            pass
    with pytest.raises(PipelineError, match="which the reader owns"):
        @stage("retitler", scope="document", reads=["document.text"], writes=["document.given_title"])
        def retitler(documents, ctx) -> None:
            pass
    assert "second_dater" not in registered_stages() and "retitler" not in registered_stages()


def test_a_rerun_names_document_stages_that_can_run_without_the_parse():
    from newsline.registry import Rerun

    with pytest.raises(PipelineError, match="not a document stage of this pipeline"):
        Pipeline(["clean", "nlp", "timex", "published", "resolve_time", "recognize_corpus",
                  Rerun(("events",), lambda doc: True, "test")])
    with pytest.raises(PipelineError, match="reads the batch's parses and has no re-run"):
        Pipeline(["clean", "nlp", "timex", "recognize_corpus", Rerun(("timex",), lambda doc: True, "test")])
    Pipeline(["clean", "nlp", "timex", "published", "resolve_time", "recognize_corpus",
              Rerun(("published", "resolve_time"), lambda doc: True, "test")])


def test_a_revised_publication_date_reaches_the_expressions_and_events_through_the_rerun():
    """The collection's date is taken up by the dating stages run again: the expression "Tuesday"
    resolves against it, and the event it dates moves with it."""
    from newsline.evaluation.analyse import analyse
    from newsline.model import CorpusDating, PublishedDate
    from newsline.registry import Context, Rerun
    from newsline.stages import DATING_AGAIN

    [doc] = analyse(["Talks began in Minsk on Tuesday, officials said."], ["nlp", "timex", "published",
                                                                           "resolve_time", "events"])
    assert doc.published.date is None and doc.events and doc.events[0].start is None
    doc.corpus_dating = CorpusDating(published=PublishedDate(date="2023-03-02", confidence=0.6))
    pipeline = Pipeline(["nlp", "timex", "published", "resolve_time", "events",
                         Rerun(DATING_AGAIN, lambda d: d.corpus_dating is not None, "test")],
                        given=["document.text", "document.removed"])
    from newsline.model import Corpus

    pipeline.run_corpus(Corpus(documents=[doc]), Context())
    [tuesday] = [tx for tx in doc.temporal_expressions if tx.text == "Tuesday"]
    assert doc.published.date == "2023-03-02" and tuesday.value == "2023-02-28"
    assert doc.events[0].start == "2023-02-28"


def test_pipeline_refuses_stages_in_the_wrong_order():
    with pytest.raises(PipelineError, match="reads"):
        Pipeline(["events", "nlp"])
    with pytest.raises(PipelineError, match="cannot follow a corpus stage"):
        Pipeline(["clean", "nlp", "recognize_corpus", "timex"])
    with pytest.raises(PipelineError, match="no stage named"):
        Pipeline(["clean", "nonsense"])


def test_a_year_still_ahead_closes_an_undated_range(tmp_path):
    from newsline.pipeline import run
    from newsline.store import Store

    (tmp_path / "undated.txt").write_text(
        "Opposition calls for a boycott\n\nProtests broke out across the country in 2020 after the vote. "
        "The next presidential election will be held in 2025, officials said.\n")
    with Store(tmp_path / "n.db") as store:
        [doc] = run([str(tmp_path / "undated.txt")], store).corpus.documents
    assert (doc.published.earliest, doc.published.latest, doc.published.date) == ("2020", "2025", None)
    assert "as still ahead" in doc.published.evidence


@pytest.fixture()
def boom_stage():
    """A stage of the test's own that fails on one document; taken out of the registry afterwards."""
    from newsline.model import Document
    from newsline.registry import stage, unregister

    @stage("breaks_on_boom", scope="document", reads=["document.text"], writes=["document.title"],
           replaces=["document.title"])
    def breaks_on_boom(documents: list[Document], ctx) -> None:
        for doc in documents:
            if "BOOM" in doc.text:
                raise ValueError("cannot read BOOM")
            doc.title = "read"

    yield "breaks_on_boom"
    unregister("breaks_on_boom")


def test_a_stage_that_breaks_on_one_document_costs_only_that_document(tmp_path, boom_stage):
    from newsline.pipeline import run
    from newsline.store import Store

    (tmp_path / "good.txt").write_text("Talks opened in Minsk on Monday.")
    (tmp_path / "bad.txt").write_text("A BOOM in the text.")
    with Store(tmp_path / "n.db") as store:
        result = run([str(tmp_path)], store, stages=["clean", boom_stage])
    assert [d.title for d in result.corpus.documents] == ["read"]
    [failure] = result.failures
    assert failure.code == "E016" and failure.path.endswith("bad.txt")
    assert "breaks_on_boom" in failure.message and "cannot read BOOM" in failure.message
