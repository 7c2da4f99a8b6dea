"""Screenshots of the workspace's main views for the README: serves a store read-only on a free
port, opens each view in headless Debian Chromium and saves a PNG per view.

    .venv/bin/python scripts/screenshots.py out/demo/newsline.db docs/screenshots
"""

from __future__ import annotations

import sys
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from tests.serve.serving import chromium, live_server


def main(db: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with live_server(db) as url, chromium() as browser:
        events = httpx.get(url + "/api/events", params={"limit": 500}).json()["items"]
        event = max(events, key=lambda e: (e["documents"], bool(e["start"])))
        entity = httpx.get(url + "/api/entities", params={"limit": 1}).json()["items"][0]
        flagged = httpx.get(url + "/api/documents", params={"flag": "date_conflict", "limit": 1}).json()["items"]
        views = {
            "timeline": ("#/", "timeline"),
            "event": (f"#/event/{event['id']}", "event"),
            "entity": (f"#/entity/{entity['id']}", "entity"),
            "sources": ("#/compare?verdict=all", "compare"),
            "document": (f"#/document/{flagged[0]['id']}" if flagged else "#/documents", "document"
                         if flagged else "documents"),
            "search": ("#/search?q=visit", "search"),
        }
        page = browser.new_page(viewport={"width": 1280, "height": 860})
        for name, (hash_, ready) in views.items():
            page.goto(url + "/" + hash_)
            page.wait_for_selector(f"body[data-ready={ready}]")
            page.screenshot(path=str(out / f"{name}.png"))
            print(out / f"{name}.png")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(Path(sys.argv[1]), Path(sys.argv[2]))
