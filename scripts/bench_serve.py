"""How fast the workspace answers on a store: the server's start (loading the analysis), each API
call the views make, and each view in headless Debian Chromium from navigation to drawn.

    .venv/bin/python scripts/bench_serve.py out/t17-all/newsline.db

Prints one line per measurement (seconds); the README's figures come from it.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.serve.serving import chromium, live_server


def timed(client: httpx.Client, path: str, **params) -> tuple[float, dict]:
    start = time.perf_counter()
    response = client.get(path, params=params)
    response.raise_for_status()
    return time.perf_counter() - start, response.json()


def time_views(browser, url: str, views: list[tuple[str, str, str]], when: str) -> None:
    """Each view from a fresh page (nothing cached in the client): navigation to drawn."""
    for label, hash_, ready in views:
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        start = time.perf_counter()
        page.goto(url + "/" + hash_)
        page.wait_for_selector(f"body[data-ready={ready}]", timeout=60_000)
        print(f"view: {label} ({when})\t{time.perf_counter() - start:.3f}")
        page.close()


def main(db: Path) -> None:
    began = start = time.perf_counter()
    with live_server(db) as url, chromium() as browser, httpx.Client(base_url=url, timeout=120) as client:
        print(f"server start (analysis loaded)\t{time.perf_counter() - start:.2f}")
        stats = client.get("/api/stats").json()
        print(f"store\t{stats['documents']} documents, {stats['events']} events, {stats['entities']} entities")
        events = client.get("/api/events", params={"dated": "true", "limit": 200}).json()
        busiest = max(events["items"], key=lambda e: e["documents"])
        entities = client.get("/api/entities", params={"limit": 200}).json()
        entity = entities["items"][0]["id"]
        full = client.get(f"/api/events/{busiest['id']}").json()
        document = full["citations"][0]["document"]
        calls = [("/api/events (first page, dated)", "/api/events", {"dated": "true", "limit": 200}),
                 ("/api/events?entity=", "/api/events", {"entity": entity, "limit": 200}),
                 ("/api/events/{id}", f"/api/events/{busiest['id']}", {}),
                 ("/api/entities", "/api/entities", {"limit": 200}),
                 ("/api/entities/{id}", f"/api/entities/{entity}", {}),
                 ("/api/documents", "/api/documents", {"limit": 100}),
                 ("/api/documents/{id}", f"/api/documents/{document}", {}),
                 ("/api/contradictions", "/api/contradictions", {"limit": 50}),
                 ("/api/framing", "/api/framing", {"limit": 100}),
                 ("/api/outlets", "/api/outlets", {}),
                 ("/api/search (text)", "/api/search", {"q": "oil spill", "limit": 20}),
                 ("/api/key-dates", "/api/key-dates", {"max_dates": 10})]
        for label, path, params in calls:
            print(f"{label}\t{timed(client, path, **params)[0]:.3f}")
        views = [("timeline (first page)", "#/", "timeline"), ("event", f"#/event/{busiest['id']}", "event"),
                 ("entity", f"#/entity/{entity}", "entity"), ("sources", "#/compare", "compare"),
                 ("documents", "#/documents", "documents"), ("document", f"#/document/{document}", "document"),
                 ("search", "#/search?q=oil%20spill", "search")]
        time_views(browser, url, views, "while the semantic index is built")
        deadline = time.perf_counter() + 1200
        while time.perf_counter() < deadline:
            response = client.get("/api/search", params={"q": "oil spill", "mode": "semantic", "limit": 20})
            if response.status_code == 200:
                break
            time.sleep(2)
        passages = client.get("/api/stats").json()["semantic_index"]["passages"]
        print(f"semantic index of {passages} passages ready, seconds after the server started\t"
              f"{time.perf_counter() - began:.1f}")
        time_views(browser, url, views, "after")
        print(
            f"/api/search (semantic)\t{timed(client, '/api/search', q='oil spill', mode='semantic', limit=20)[0]:.3f}"
        )


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(Path(sys.argv[1]))
