"""Adding documents over HTTP: only with --allow-write, only for the operator's bearer token.

Adding means analysing the whole collection again, which takes minutes on thousands of articles,
so an upload is a job: ``POST /api/documents`` answers 202 at once with the job's address, one
worker runs the jobs in order (two analyses at once would only wait on each other), and
``GET /api/jobs/{id}`` says how it went. ``?wait=true`` waits for the job and answers 201 with its
result, for scripts and small collections.
"""

from __future__ import annotations

import hmac
import itertools
import queue
import re
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import Depends, FastAPI, Header
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from .errors import ApiError
from .responses import JobRecord
from .workspace import Workspace

WAIT_SECONDS = 600  # the longest ?wait=true holds a request; the job goes on after it
KEPT_JOBS = 100  # finished jobs remembered, newest first


class Upload(BaseModel):
    """One file to add, as the CLI would read it: its name says its format (.txt, .html, .jsonl)."""

    name: str = Field(max_length=200, description="File name; only its suffix is used (.txt, .html, .htm, .jsonl).")
    content: str = Field(description="The file's text.")


class UploadBatch(BaseModel):
    documents: list[Upload] = Field(min_length=1, max_length=1000)


@dataclass
class Job:
    id: str
    names: list[str]
    status: Literal["queued", "running", "done", "failed"] = "queued"
    submitted: float = field(default_factory=time.time)
    finished: float | None = None
    result: dict[str, Any] | None = None
    error: str | None = None
    over: threading.Event = field(default_factory=threading.Event)

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "status": self.status, "documents": self.names, "result": self.result,
                "error": self.error, "url": f"/api/jobs/{self.id}",
                "seconds": round((self.finished or time.time()) - self.submitted, 1)}


def label_of(name: str) -> str:
    """What a document added over HTTP is called in the store: ``upload/<file name>``, with
    anything but word characters, dots and dashes replaced; never a path."""
    return "upload/" + re.sub(r"[^\w.\-]+", "_", Path(name.replace("\\", "/")).name)[:120]


class Jobs:
    """Uploads waiting, running and done, and the one thread that runs them."""

    def __init__(self, workspace: Workspace) -> None:
        self.workspace = workspace
        self._jobs: dict[str, Job] = {}
        self._queue: queue.Queue[tuple[Job, list[Upload]]] = queue.Queue()
        self._numbers = itertools.count(1)
        self._worker = threading.Thread(target=self._work, name="uploads", daemon=True)
        self._worker.start()

    def submit(self, uploads: list[Upload]) -> Job:
        job = Job(id=f"job-{next(self._numbers)}", names=[label_of(u.name) for u in uploads])
        self._jobs[job.id] = job
        for old in sorted((j for j in self._jobs.values() if j.over.is_set()), key=lambda j: j.submitted)[:-KEPT_JOBS]:
            del self._jobs[old.id]
        self._queue.put((job, uploads))
        return job

    def get(self, job_id: str) -> Job | None:
        return self._jobs.get(job_id)

    def _work(self) -> None:
        while True:
            job, uploads = self._queue.get()
            job.status = "running"
            try:
                job.result = self._add(uploads)
                job.status = "done"
            except Exception as exc:
                job.status, job.error = "failed", f"{type(exc).__name__}: {exc}"
            job.finished = time.time()
            job.over.set()

    def _add(self, uploads: list[Upload]) -> dict[str, Any]:
        from ..pipeline import run

        with tempfile.TemporaryDirectory(prefix="newsline-upload-") as folder:
            named = []
            for number, upload in enumerate(uploads):
                path = Path(folder) / f"{number}{Path(upload.name).suffix.lower()}"  # our name, never the caller's
                path.write_text(upload.content, encoding="utf-8")
                named.append((path, label_of(upload.name)))
            with self.workspace.open_for_writing() as store:
                result = run([], store, named=named)
        return {"processed": result.processed, "cached": result.cached, "repeated": result.repeated,
                "failures": [f.model_dump(mode="json") for f in result.failures],
                "documents": len(result.corpus.documents)}


def add_write_routes(app: FastAPI, workspace: Workspace, allow_write: bool, token: str | None) -> None:
    if not allow_write:
        @app.post("/api/documents", tags=["documents"], status_code=403)
        def refuse_write() -> None:
            """Adding documents is off: the server was started without --allow-write."""
            raise ApiError(403, "read_only", "this server is read-only",
                           "start it with --allow-write and a token (NEWSLINE_TOKEN) to add documents")
        return

    jobs = Jobs(workspace)

    def authorised(authorization: Annotated[str | None, Header()] = None) -> None:
        given = (authorization or "").removeprefix("Bearer ").strip()
        if not (authorization or "").startswith("Bearer ") or not hmac.compare_digest(given.encode(),
                                                                                     (token or "").encode()):
            raise ApiError(401, "unauthorised", "adding documents needs the operator's bearer token",
                           "send 'Authorization: Bearer <token>'")

    @app.post("/api/documents", tags=["documents"], status_code=202, dependencies=[Depends(authorised)],
              responses={201: {"model": JobRecord}, 202: {"model": JobRecord}})
    def add_documents(batch: UploadBatch, wait: bool = False) -> JSONResponse:
        """Add documents (the formats of `newsline run`, by the name's suffix: .txt, .html, .htm,
        .jsonl) and analyse the collection again, as a job: 202 with the job's address, or with
        ``wait=true`` 201 and the result once it is done. Names are only labels."""
        from ..ingest.read import kind_of

        for upload in batch.documents:
            suffix = Path(upload.name).suffix.lower()
            if kind_of(Path(f"x{suffix}")) is None:
                raise ApiError(422, "unsupported_format", f"{upload.name!r}: unsupported suffix {suffix or '(none)'}",
                               "name the file .txt, .html, .htm or .jsonl")
        job = jobs.submit(batch.documents)
        if wait and job.over.wait(WAIT_SECONDS):
            return JSONResponse(job.record(), status_code=201 if job.status == "done" else 500)
        return JSONResponse(job.record(), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})

    @app.get("/api/jobs/{job_id}", tags=["documents"], dependencies=[Depends(authorised)], response_model=JobRecord)
    def job_status(job_id: str) -> dict[str, Any]:
        """How an upload went: queued, running, done (with what was added and what failed) or
        failed (with why)."""
        job = jobs.get(job_id)
        if job is None:
            raise ApiError(404, "not_found", f"no job {job_id!r}", "jobs are kept until 100 newer ones finish")
        return job.record()
