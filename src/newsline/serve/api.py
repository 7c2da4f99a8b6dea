"""The HTTP API and the web workspace, one FastAPI app over one store.

Read-only unless the operator says otherwise: the store is opened read-only, and the one write
endpoint (``POST /api/documents``) exists only with ``allow_write`` and answers only to the
operator's bearer token. Every list is paginated (``offset``, ``limit``; the body says ``total``),
and every error has one shape: ``{"error": {"code", "message", "hint"}}``.
"""

from __future__ import annotations

import contextlib
import threading
from collections import Counter
from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, FastAPI, Query, Request
from fastapi.responses import Response

from .. import __version__
from ..store import StoreError
from .errors import ApiError
from .guards import add_guards
from .records import (
    SNIPPET_MARKS,
    Page,
    document_record,
    document_summary,
    event_record,
    in_range,
    marked_runs,
    page_params,
    paged,
    widened_day,
)
from .responses import (
    ComparisonItem,
    DocumentDetail,
    DocumentSummary,
    DocumentText,
    EntityDetail,
    EntitySummary,
    EventDetail,
    EventsPage,
    FramingItem,
    KeyDateItem,
    OutletSummary,
    Paged,
    SearchPage,
    StatsResponse,
)
from .semantic import SemanticIndex
from .workspace import Snapshot, Workspace
from .writes import add_write_routes

DEFAULT_MAX_BODY = 10_000_000  # bytes of one POST: the CLI's default file limit
DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
ASSETS = {"app.js": "text/javascript", "app.css": "text/css"}  # the only files the server sends


def create_app(db: str | Path, *, allow_write: bool = False, token: str | None = None,
               max_body: int = DEFAULT_MAX_BODY) -> FastAPI:
    """The app over the store at ``db``. With ``allow_write``, ``token`` is required: writes without
    it would let anyone who reaches the port add documents."""
    if allow_write and not token:
        raise ValueError("--allow-write needs a token (set NEWSLINE_TOKEN)")
    workspace = Workspace(Path(db), read_only=not allow_write)
    workspace.snapshot()  # a missing or foreign store fails here, at start, not on the first request
    state: dict[str, Any] = {"semantic": None}

    @contextlib.asynccontextmanager
    async def lifespan(app: FastAPI):
        snap = workspace.snapshot()
        semantic(snap)  # start embedding at once, so a first semantic search waits less
        # the default date-wise summary takes seconds on thousands of articles: have it ready
        threading.Thread(target=snap.summary, kwargs={"max_dates": 10, "sentences_per_date": 2, "first": None,
                                                      "last": None, "query": None}, daemon=True).start()
        yield
        if state["semantic"] is not None:
            state["semantic"].stop()

    # No /docs or /redoc: FastAPI serves them from a CDN, and nothing here loads from elsewhere.
    app = FastAPI(title="newsline", version=__version__, lifespan=lifespan, docs_url=None, redoc_url=None,
                  description="Timeline, events, entities, outlets and their disagreements, from a newsline store.")

    lock = threading.Lock()

    def semantic(snap: Snapshot) -> SemanticIndex:
        with lock:  # one index per analysis, however many requests ask at once
            index = state["semantic"]
            if index is None or index.generation != snap.generation:
                index = state["semantic"] = SemanticIndex(snap)
            return index

    app.state.workspace = workspace
    app.state.semantic = semantic

    add_guards(app, max_body)
    app.include_router(router)
    add_write_routes(app, workspace, allow_write, token)
    _web_routes(app)
    return app


def current_snapshot(request: Request) -> Snapshot:
    return request.app.state.workspace.snapshot()


Snap = Annotated[Snapshot, Depends(current_snapshot)]
Paging = Annotated[Page, Depends(page_params)]


def current_index(request: Request) -> Callable[[Snapshot], SemanticIndex]:
    return request.app.state.semantic


Index = Annotated[Callable[[Snapshot], SemanticIndex], Depends(current_index)]
router = APIRouter()


@router.get("/api/stats", tags=["store"], response_model=StatsResponse)
def stats(snap: Snap, semantic: Index) -> dict[str, Any]:
    """Totals of the store, the span of its dated events, and how far the semantic index is."""
    corpus = snap.corpus
    index = semantic(snap)
    dated = sorted(e.start for e in corpus.events if e.start)
    return {"documents": len(corpus.documents), "entities": len(corpus.entities), "events": len(corpus.events),
            "contradictions": sum(c.verdict == "contradiction" for c in corpus.comparisons),
            "outlets": len(set(snap.outlets.values())), "failures": len(corpus.failures),
            "first": dated[0] if dated else None, "last": dated[-1] if dated else None,
            "event_types": sorted({e.type for e in corpus.events}), "version": __version__,
            "semantic_index": {"ready": index.ready, "embedded": index.done, "passages": len(index.passages)}}

@router.get("/api/documents", tags=["documents"], response_model=Paged[DocumentSummary])
def documents(snap: Snap, page: Paging, q: str | None = None, flag: str | None = None,
              outlet: str | None = None, language: str | None = None,
              published_from: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
              published_to: Annotated[str | None, Query(alias="to", pattern=DATE)] = None) -> dict[str, Any]:
    """Documents, filtered by words of the title or path (``q``), a flag kind, an outlet, a
    language, or publication dates; in path order."""
    found = []
    for doc in snap.corpus.documents:
        if q and q.lower() not in f"{doc.title or ''} {doc.path}".lower():
            continue
        if flag and flag not in {f.kind.value for f in doc.flags}:
            continue
        if outlet and outlet != snap.outlets[doc.id] and outlet != doc.id:
            continue
        if language and doc.language != language:
            continue
        if (published_from or published_to) and not in_range(doc.published.date, None, published_from,
                                                              published_to):
            continue
        found.append(doc)
    return paged(found, page, lambda doc: document_summary(snap, doc))

@router.get("/api/documents/{document_id}", tags=["documents"], response_model=DocumentDetail | DocumentText)
def document(document_id: str, snap: Snap, spans: bool = True) -> dict[str, Any]:
    """One document: its cleaned text, and its flags, entities, dates, events and claims as
    spans (character offsets into ``text``); ``spans=false`` gives the text and flags only."""
    doc = snap.documents.get(document_id)
    if doc is None:
        raise ApiError(404, "not_found", f"no document {document_id!r}", "list them at /api/documents")
    if not spans:
        return {**document_summary(snap, doc), "text": doc.text,
                "flags": [f.model_dump(mode="json") for f in doc.flags]}
    return document_record(snap, doc)

@router.get("/api/outlets", tags=["documents"], response_model=Paged[OutletSummary])
def outlets(snap: Snap, page: Paging) -> dict[str, Any]:
    """Each outlet (the publisher, from the URL's host or the folder) with its documents and how many of
    them raise each flag."""
    by_outlet: dict[str, dict[str, Any]] = {}
    for doc in snap.corpus.documents:
        entry = by_outlet.setdefault(snap.outlets[doc.id], {"outlet": snap.outlets[doc.id], "documents": 0,
                                                            "flags": {}})
        entry["documents"] += 1
        for flag in doc.flags:
            entry["flags"][flag.kind.value] = entry["flags"].get(flag.kind.value, 0) + 1
    return paged(sorted(by_outlet.values(), key=lambda s: (-s["documents"], s["outlet"])), page)

@router.get("/api/entities", tags=["entities"], response_model=Paged[EntitySummary])
def entities(snap: Snap, page: Paging, q: str | None = None, type: str | None = None) -> dict[str, Any]:
    """Entities, most mentioned first; ``q`` matches a name or alias."""
    found = []
    for entity in snap.entities_by_mentions:
        if type and entity.type != type:
            continue
        if q and not any(q.lower() in name.lower() for name in (entity.name, *entity.aliases)):
            continue
        found.append(entity)
    return paged(found, page, lambda e: {
        "id": e.id, "name": e.name, "type": e.type, "mentions": e.mentions, "documents": len(e.documents),
        "aliases": e.aliases, "events": len(snap.events_of_entity.get(e.id, [])), "framed": e.id in snap.framing})

@router.get("/api/entities/{entity_id}", tags=["entities"], response_model=EntityDetail)
def entity(entity_id: str, snap: Snap) -> dict[str, Any]:
    """One entity: aliases, roles with their citations, how each outlet names and describes
    it (framing), and its events."""
    found = snap.entities.get(entity_id)
    if found is None:
        raise ApiError(404, "not_found", f"no entity {entity_id!r}", "list them at /api/entities")
    record = found.model_dump(mode="json")
    framing = snap.framing.get(entity_id)
    record["framing"] = framing.model_dump(mode="json")["documents"] if framing else []
    for framed in record["framing"]:
        framed["outlet"] = snap.outlets.get(framed["document"], framed["path"])
    record["event_ids"] = snap.events_of_entity.get(entity_id, [])
    record["document_titles"] = {d: snap.documents[d].title for d in found.documents if d in snap.documents}
    return record

@router.get("/api/events", tags=["events"], response_model=EventsPage)
def events(snap: Snap, page: Paging, first: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
           last: Annotated[str | None, Query(alias="to", pattern=DATE)] = None, type: str | None = None,
           entity: str | None = None, outlet: str | None = None,
           modality: str | None = None, q: str | None = None,
           dated: bool = False, starting: bool = False, entries: bool = False) -> dict[str, Any]:
    """Events in date order (undated last), filtered by a date range (``from``/``to``: the
    event's dates meet it), type, entity id, outlet, modality (``planned``...), words of the
    summary (``q``), or only ``dated`` ones; with ``starting``, only events that begin in the
    range ("between 1964 and 2009" does not begin in 2009); with ``entries``, only the timeline's
    entries (not the events kept apart, each with its reason in ``aside``). ``dates`` counts the
    matching events per date, over all pages (what a timeline's density strip draws)."""
    found = []
    for event in snap.corpus.events:
        if entries and event.aside is not None:
            continue
        if (first or last) and not in_range(event.start, event.start if starting else event.end, first, last):
            continue
        if dated and not event.start:
            continue
        if type and event.type != type:
            continue
        if modality and event.modality.value != modality:
            continue
        if entity and entity not in event.participants and entity not in event.places:
            continue
        if outlet and outlet not in snap.event_outlets(event) and outlet not in {c.document for c in
                                                                                  event.citations}:
            continue
        if q and q.lower() not in event.summary.lower():
            continue
        found.append(event)
    dates = Counter(e.start for e in found if e.start)
    return paged(found, page, lambda e: event_record(snap, e), dates=dict(sorted(dates.items())))

@router.get("/api/events/{event_id}", tags=["events"], response_model=EventDetail)
def event(event_id: str, snap: Snap) -> dict[str, Any]:
    """One event with every citation: the document, and the offsets of the reporting sentence
    in that document's text."""
    found = snap.events.get(event_id)
    if found is None:
        raise ApiError(404, "not_found", f"no event {event_id!r}", "list them at /api/events")
    return event_record(snap, found, full=True)

@router.get("/api/key-dates", tags=["events"], response_model=Paged[KeyDateItem])
def key_dates(snap: Snap, query: str | None = None,
             first: Annotated[str | None, Query(alias="from", pattern=DATE)] = None,
             last: Annotated[str | None, Query(alias="to", pattern=DATE)] = None,
             max_dates: Annotated[int, Query(ge=1, le=200)] = 10,
             sentences_per_date: Annotated[int, Query(ge=1, le=10)] = 2) -> dict[str, Any]:
    """The key dates: the days the articles point at most, each told in cited sentences (as
    ``newsline key-dates``); ``from``/``to`` leave out articles published outside them."""
    days = snap.summary(max_dates=max_dates, sentences_per_date=sentences_per_date,
                        first=widened_day(first, start=True), last=widened_day(last, start=False), query=query)
    items = [{"date": d.date, "score": d.score, "sentences": [
        {**c.model_dump(mode="json"), "title": snap.documents[c.document].title if c.document in snap.documents
         else None, "outlet": snap.outlets.get(c.document)} for c in d.sentences]} for d in days]
    return {"total": len(items), "offset": 0, "limit": max_dates, "items": items}

@router.get("/api/contradictions", tags=["comparison"], response_model=Paged[ComparisonItem])
def contradictions(snap: Snap, page: Paging,
                   verdict: Literal["contradiction", "update", "compatible", "agreement", "all"] = "contradiction",
                   kind: Literal["quantity", "date", "ordinal", "event"] | None = None,
                   document: str | None = None) -> dict[str, Any]:
    """Pairs of cited claims from different outlets: contradictions by default, or updates,
    compatible claims, agreements, or ``all``."""
    found = []
    for comparison in snap.corpus.comparisons:
        if verdict != "all" and comparison.verdict != verdict:
            continue
        if kind and comparison.kind.value != kind:
            continue
        if document and document not in {c.document for c in comparison.claims}:
            continue
        found.append(comparison)

    def record(comparison) -> dict[str, Any]:
        out = comparison.model_dump(mode="json")
        for claim in out["claims"]:
            doc = snap.documents.get(claim["document"])
            claim["title"] = doc.title if doc else None
            claim["outlet"] = snap.outlets.get(claim["document"])
        return out

    return paged(found, page, record)

@router.get("/api/framing", tags=["comparison"], response_model=Paged[FramingItem])
def framing(snap: Snap, page: Paging, entity: str | None = None) -> dict[str, Any]:
    """How each outlet names and describes each entity, side by side."""
    found = []
    for item in snap.corpus.framing:
        if entity and item.entity != entity:
            continue
        found.append(item)

    def record(item) -> dict[str, Any]:
        out = item.model_dump(mode="json")
        for framed in out["documents"]:
            framed["outlet"] = snap.outlets.get(framed["document"], framed["path"])
        return out

    return paged(found, page, record)

@router.get("/api/search", tags=["search"], response_model=SearchPage)
def search(request: Request, snap: Snap, semantic: Index, page: Paging,
           q: Annotated[str, Query(min_length=1, max_length=500)],
           mode: Literal["text", "semantic"] = "text") -> dict[str, Any]:
    """Full-text search (SQLite FTS5 syntax; a plain phrase is quoted for you if it does not
    parse) or semantic search (sentence embeddings of event reports, titles and leads)."""
    if mode == "semantic":
        return _semantic_search(snap, semantic(snap), q, page)
    def matches(query: str) -> tuple[int, list[dict[str, str]]]:
        return store.search_count(query), store.search(query, page.limit, page.offset, marks=SNIPPET_MARKS)

    with request.app.state.workspace.open() as store:
        try:
            total, hits = matches(q)
        except StoreError:
            total, hits = matches('"' + q.replace('"', '""') + '"')  # words with FTS5 syntax in them, as a phrase
    items = [{**hit, "outlet": snap.outlets.get(hit["id"]), "snippet": marked_runs(hit["snippet"])} for hit in hits]
    return {"total": total, "offset": page.offset, "limit": page.limit, "items": items, "mode": "text"}


def _semantic_search(snap: Snapshot, index: SemanticIndex, q: str, page: Page) -> dict[str, Any]:
    if index.error:
        raise ApiError(500, "semantic_index_failed", f"the semantic index could not be built: {index.error}")
    if not index.wait(5.0):
        raise ApiError(503, "semantic_index_building",
                       f"the semantic index is being built: {index.done} of {len(index.passages)} passages",
                       "try again in a moment, or use mode=text meanwhile")
    total, hits = index.search(q, page.limit, page.offset)
    items = []
    for score, passage in hits:
        doc = snap.documents.get(passage.document)
        items.append({"id": passage.document, "title": doc.title if doc else None, "path": doc.path if doc else None,
                      "outlet": snap.outlets.get(passage.document), "score": round(score, 3),
                      "start": passage.start if passage.start >= 0 else None,
                      "end": passage.end if passage.end >= 0 else None, "event": passage.event,
                      "snippet": [{"text": " ".join(passage.text.split()), "match": False}]})
    return {"total": total, "offset": page.offset, "limit": page.limit, "items": items, "mode": "semantic"}


def _web_routes(app: FastAPI) -> None:
    web = resources.files("newsline.serve").joinpath("web")

    @app.get("/", include_in_schema=False)
    def index() -> Response:
        return Response(web.joinpath("index.html").read_text("utf-8"), media_type="text/html; charset=utf-8")

    @app.get("/assets/{name}", include_in_schema=False)
    def asset(name: str) -> Response:
        if name not in ASSETS:  # a fixed list: no part of a request becomes a path
            raise ApiError(404, "not_found", f"no asset {name!r}")
        return Response(web.joinpath(name).read_text("utf-8"), media_type=f"{ASSETS[name]}; charset=utf-8",
                        headers={"Cache-Control": "no-cache"})
