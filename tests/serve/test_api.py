"""The HTTP API over a store built from the example corpus, through httpx (FastAPI's TestClient):
every list paginates, every span points at its text, filters filter, errors have one shape, and
nothing is written without --allow-write and the operator's token."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest
from fastapi.testclient import TestClient

from newsline.serve.api import create_app
from newsline.serve.guards import MAX_QUERY_BYTES
from newsline.serve.semantic import SemanticIndex
from newsline.store import Store, StoreError

TOKEN = "test-token-0123456789abcdef"
HOSTILE = (
    '<html><head><title>Hostile page</title></head><body><article><h1>Hostile page</h1>'
    '<p>Officials said on Monday, 4 December 2023, that the visit went ahead. &lt;script&gt;window.pwned=1'
    '&lt;/script&gt; and &lt;img src=x onerror="window.pwned=2"&gt; are words here, not markup.</p>'
    '<p>The delegation arrived in Minsk on Tuesday, 5 December 2023, officials said.</p></article></body></html>'
)


@pytest.fixture(scope="module")
def store_copy(examples_run, tmp_path_factory):
    db = tmp_path_factory.mktemp("serve") / "newsline.db"
    shutil.copy(examples_run["db"], db)
    return db


@pytest.fixture(scope="module")
def client(store_copy):
    with TestClient(create_app(store_copy)) as c:
        yield c


def _all(client, path: str, **params) -> list[dict]:
    """Every item of a paginated list, two at a time: pagination itself is under test."""
    items, offset = [], 0
    while True:
        page = client.get(path, params={**params, "offset": offset, "limit": 2}).json()
        assert page["offset"] == offset and page["limit"] == 2 and len(page["items"]) <= 2
        items += page["items"]
        offset += 2
        if offset >= page["total"]:
            assert len(items) == page["total"]
            return items


def test_the_openapi_schema_lists_every_endpoint_with_a_description(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/documents/{document_id}", "/api/entities", "/api/entities/{entity_id}",
                 "/api/events", "/api/events/{event_id}", "/api/key-dates", "/api/contradictions", "/api/framing",
                 "/api/search", "/api/outlets", "/api/stats"):
        assert path in schema["paths"], path
        for operation in schema["paths"][path].values():
            assert operation.get("description"), path
        # every answer is a documented model, not an untyped object
        answer = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert "$ref" in answer or "anyOf" in answer, (path, answer)
    models = schema["components"]["schemas"]
    event = models["EventSummary"]["properties"]
    assert {"attributions", "outlets"} <= set(event) and event["attributions"]["description"]
    assert "outlet" in models["DocumentSummary"]["properties"]
    assert "published_detail" in models["DocumentDetail"]["properties"]


def test_documents_paginate_and_every_span_points_at_its_text(client):
    documents = _all(client, "/api/documents")
    assert len(documents) == client.get("/api/stats").json()["documents"] == 11
    assert len({d["id"] for d in documents}) == 11
    for summary in documents:
        doc = client.get(f"/api/documents/{summary['id']}").json()
        text = doc["text"]
        for key in ("mentions", "temporal_expressions", "event_mentions", "claims", "sentences", "descriptors"):
            for span in doc[key]:
                assert text[span["start"]:span["end"]] == span["text"], (key, span)
        for flag in doc["flags"]:
            for evidence in flag["evidence"]:
                if evidence["start"] is not None:
                    assert text[evidence["start"]:evidence["end"]] == evidence["text"], flag["kind"]


def test_documents_filter_by_flag_and_source(client):
    flagged = _all(client, "/api/documents", flag="date_conflict")
    assert flagged and all("date_conflict" in {f["kind"] for f in d["flags"]} for d in flagged)
    assert len(flagged) < 11
    outlet = flagged[0]["outlet"]
    assert {d["outlet"] for d in _all(client, "/api/documents", outlet=outlet)} == {outlet}


def test_events_filter_by_dates_type_entity_and_source(client):
    events = _all(client, "/api/events")
    assert len(events) == client.get("/api/stats").json()["events"]
    december = _all(client, "/api/events", **{"from": "2023-12-01", "to": "2023-12-31"})
    # an event meets the range when its dates do: a day in December, or a coarser date around it
    assert any(e["start"] == "2023-12-04" for e in december)
    assert all(e["start"] and (e["start"][:7] == "2023-12" or (len(e["start"]) < 7 and "2023".startswith(e["start"])))
               for e in december)
    assert any(e["start"] and e["start"].startswith("2023-02") for e in events)  # left out above
    march = {"from": "2023-03-01", "to": "2023-03-31"}
    begun, met = _all(client, "/api/events", starting="true", **march), _all(client, "/api/events", **march)
    assert begun and all(e["start"] >= "2023-03" or e["start"] == "2023" for e in begun)  # or not known finer
    assert any(e["start"] == "2023-02-28" for e in met)  # the three-day visit runs into March; it began before
    visits = _all(client, "/api/events", type="visit")
    assert visits and {e["type"] for e in visits} == {"visit"}
    lukashenko = "person:alexander-lukashenko"
    his = _all(client, "/api/events", entity=lukashenko)
    assert his and all(lukashenko in e["participants"] + e["places"] for e in his)
    outlet = his[0]["outlets"][0]
    assert all(outlet in e["outlets"] for e in _all(client, "/api/events", outlet=outlet))
    page = client.get("/api/events", params={"limit": 1}).json()
    assert sum(page["dates"].values()) == sum(1 for e in events if e["start"])  # counts over all pages


def test_the_timeline_entries_leave_out_the_events_kept_apart_and_say_why(client):
    events = _all(client, "/api/events")
    entries = _all(client, "/api/events", entries="true")
    apart = [e for e in events if e["aside"]]
    assert apart and len(entries) == len(events) - len(apart) and not any(e["aside"] for e in entries)
    assert any(e["aside"] == "known only to the year" and e["start"] == "1994" for e in apart)
    visit = next(e for e in entries if e["start"] == "2023-02-28" and e["type"] == "visit")
    assert visit["evidence"] and visit["evidence"][-1].startswith("announced in advance by")


def test_an_event_cites_sentences_of_its_documents(client):
    event = next(e for e in _all(client, "/api/events") if e["documents"] >= 2)
    full = client.get(f"/api/events/{event['id']}").json()
    assert len({c["document"] for c in full["citations"]}) >= 2
    for citation in full["citations"]:
        cited = client.get(f"/api/documents/{citation['document']}").json()
        assert cited["text"][citation["start"]:citation["end"]] == citation["text"]
        assert (citation["title"], citation["outlet"]) == (cited["title"], cited["outlet"])
    assert full["outlets"] == sorted({c["outlet"] for c in full["citations"]})


def test_an_entity_shows_its_aliases_roles_and_framing_per_source(client):
    found = client.get("/api/entities", params={"q": "Lukashenka"}).json()["items"]
    assert [e["id"] for e in found][:1] == ["person:alexander-lukashenko"]  # found by an alias
    entity = client.get("/api/entities/person:alexander-lukashenko").json()
    assert {"Lukashenka", "Lukashenko"} <= set(entity["aliases"])
    assert entity["roles"] and entity["event_ids"]
    sources = {f["outlet"] for f in entity["framing"]}
    assert len(sources) >= 3
    loaded = {word for f in entity["framing"] for t in f["terms"] for word in t["loaded"]}
    assert "illegitimate" in loaded  # the exile outlet's label, beside the others' titles


def test_the_timeline_keeps_its_dates_and_range(client):
    days = client.get("/api/key-dates", params={"max_dates": 3}).json()["items"]
    assert 1 <= len(days) <= 3 and [d["date"] for d in days] == sorted(d["date"] for d in days)
    assert all(s["title"] for d in days for s in d["sentences"])
    spanned = client.get("/api/key-dates", params={"from": "2023-12", "to": "2023-12"}).json()["items"]
    assert spanned and all(d["date"].startswith("2023-12") for d in spanned)


def test_comparisons_filter_by_verdict(client):
    everything = client.get("/api/contradictions", params={"verdict": "all"}).json()
    agreements = client.get("/api/contradictions", params={"verdict": "agreement"}).json()
    assert agreements["total"] >= 1 and all(c["verdict"] == "agreement" for c in agreements["items"])
    # "all" is every verdict, each exactly once (a subset's count under the whole's could not fail)
    totals = {v: client.get("/api/contradictions", params={"verdict": v}).json()["total"]
              for v in ("contradiction", "update", "compatible", "agreement")}
    assert everything["total"] == sum(totals.values())
    for claim in agreements["items"][0]["claims"]:
        assert claim["text"] in claim["sentence"] and claim["outlet"]


def test_full_text_search_marks_its_matches_and_survives_fts_syntax(client):
    hits = client.get("/api/search", params={"q": "visit"}).json()
    assert hits["total"] >= 3 and hits["mode"] == "text"
    assert all(any(run["match"] and run["text"].lower().startswith("visit") for run in h["snippet"]) or
               "visit" in (h["title"] or "").lower() for h in hits["items"])
    odd = client.get("/api/search", params={"q": 'visit"('})
    assert odd.status_code == 200  # taken as a phrase, not a 500


def test_semantic_search_finds_by_meaning(client):
    index = client.app.state.semantic(client.app.state.workspace.snapshot())
    assert index.wait(120)
    hits = client.get("/api/search", params={"q": "head of state travels to Beijing", "mode": "semantic",
                                             "limit": 5}).json()
    assert hits["mode"] == "semantic" and len(hits["items"]) == 5
    assert hits["items"][0]["score"] >= hits["items"][-1]["score"]
    assert any("Beijing" in run["text"] or "China" in run["text"] for h in hits["items"][:3] for run in h["snippet"])


def test_the_semantic_index_is_read_back_from_the_cache(client, cache_dir):
    snap = client.app.state.workspace.snapshot()
    built = client.app.state.semantic(snap)
    assert built.wait(120) and built.cache_file.parent == cache_dir and built.cache_file.is_file()
    again = SemanticIndex(snap)
    assert again.wait(10) and again.from_cache  # the next start over the same analysis embeds nothing
    assert again.search("a state visit to China", 3, 0) == built.search("a state visit to China", 3, 0)


def test_errors_have_one_shape(client):
    for response, status, code in (
            (client.get("/api/documents/no-such"), 404, "not_found"),
            (client.get("/api/events", params={"from": "last week"}), 422, "invalid_parameter"),
            (client.get("/api/documents", params={"limit": 100_000}), 422, "invalid_parameter"),
            (client.get("/api/search", params={"q": "x" * (MAX_QUERY_BYTES + 1)}), 414, "query_too_long"),
            (client.get("/api/nothing-here"), 404, "not_found"),
            (client.get("/docs"), 404, "not_found"),  # FastAPI's page would load scripts from a CDN
            (client.get("/assets/..%2f..%2fpyproject.toml"), 404, "not_found")):
        assert response.status_code == status, response.text
        assert set(response.json()["error"]) == {"code", "message", "hint"}
        assert response.json()["error"]["code"] == code


def test_the_server_is_read_only_unless_told_otherwise(client, store_copy):
    refused = client.post("/api/documents", json={"documents": [{"name": "a.txt", "content": "Some text."}]})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "read_only"
    with Store(store_copy, read_only=True) as store, pytest.raises(sqlite3.OperationalError):
        store.conn.execute("DELETE FROM documents")
    with pytest.raises(ValueError):
        create_app(store_copy, allow_write=True)  # writes without a token are never offered


def test_a_store_that_is_not_there_or_not_a_store_is_refused(tmp_path):
    with pytest.raises(StoreError, match="no such store"):
        create_app(tmp_path / "missing.db")
    (tmp_path / "junk.db").write_bytes(b"not sqlite at all" * 100)
    with pytest.raises(StoreError, match="not a newsline store"):
        create_app(tmp_path / "junk.db")


def test_a_store_made_before_a_table_existed_is_refused_with_what_to_do(store_copy, tmp_path):
    old = tmp_path / "old.db"
    shutil.copy(store_copy, old)
    with sqlite3.connect(old) as conn:
        conn.execute("DROP TABLE framing")
    with pytest.raises(StoreError, match=r"older newsline \(no framing\).*newsline run"):
        Store(old, read_only=True)
    Store(old).close()  # read-write: the missing table is created again
    with sqlite3.connect(old) as conn:
        conn.execute("UPDATE meta SET value = '99' WHERE key = 'store_version'")
    with pytest.raises(StoreError, match="store version 99"):
        Store(old, read_only=True)


@pytest.fixture()
def writer(store_copy, tmp_path):
    db = tmp_path / "writable.db"
    shutil.copy(store_copy, db)
    with TestClient(create_app(db, allow_write=True, token=TOKEN, max_body=200_000)) as c:
        yield c


def test_adding_documents_needs_the_token_and_shows_them_at_once(writer, tmp_path):
    batch = {"documents": [{"name": "../../../etc/hostile.html", "content": HOSTILE}]}
    assert writer.post("/api/documents", json=batch).status_code == 401
    wrong = writer.post("/api/documents", json=batch, headers={"Authorization": "Bearer nope"})
    assert wrong.status_code == 401 and wrong.json()["error"]["code"] == "unauthorised"
    added = writer.post("/api/documents", params={"wait": "true"}, json=batch,
                        headers={"Authorization": f"Bearer {TOKEN}"})
    assert added.status_code == 201, added.text
    assert added.json()["status"] == "done" and added.json()["documents"] == ["upload/hostile.html"]
    assert added.json()["result"]["processed"] == 1 and added.json()["result"]["documents"] == 12
    found = writer.get("/api/documents", params={"q": "hostile"}).json()["items"]
    assert [d["path"] for d in found] == ["upload/hostile.html"]  # the name is a label, not a path
    text = writer.get(f"/api/documents/{found[0]['id']}").json()["text"]
    assert "<script>" in text  # kept as the words it is; the browser tests check it never runs


def test_an_upload_is_a_job_that_can_be_followed(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    text = "Officials said on Monday, 4 December 2023, that the talks in Minsk had ended without a deal."
    queued = writer.post("/api/documents", json={"documents": [{"name": "talks.txt", "content": text}]}, headers=auth)
    assert queued.status_code == 202 and queued.headers["location"] == queued.json()["url"]
    assert writer.get(queued.json()["url"]).status_code == 401  # a job is the operator's business too
    deadline = time.monotonic() + 120
    while (job := writer.get(queued.json()["url"], headers=auth).json())["status"] in ("queued", "running"):
        assert time.monotonic() < deadline
        time.sleep(0.2)
    assert job["status"] == "done" and job["result"]["processed"] == 1, job
    assert writer.get("/api/documents", params={"q": "upload/talks"}).json()["total"] == 1
    assert writer.get("/api/jobs/job-999", headers=auth).status_code == 404


def test_uploads_are_bounded_and_checked(writer):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = writer.post("/api/documents", json={"documents": [{"name": "a.txt", "content": "x" * 300_000}]}, headers=auth)
    assert big.status_code == 413 and big.json()["error"]["code"] == "too_large"
    odd = writer.post("/api/documents", json={"documents": [{"name": "a.exe", "content": "MZ"}]}, headers=auth)
    assert odd.status_code == 422 and odd.json()["error"]["code"] == "unsupported_format"
    chunked = writer.post("/api/documents", content=iter([b'{"documents": []}']),
                          headers={**auth, "Content-Type": "application/json"})
    assert chunked.status_code == 411  # a body of unknown length is not read
    assert writer.get("/api/stats").json()["documents"] == 11  # nothing half-added


def test_every_response_carries_the_security_headers(client):
    for path in ("/", "/assets/app.js", "/api/stats", "/api/documents/none"):
        headers = client.get(path).headers
        assert "script-src 'self'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"
