"""A user's alias table: the entities they know, under every name they go by.

An analyst following a story knows its cast. A table of entries (id, names, type, description,
optional Wikidata id) makes recognition find those names wherever they appear, with the table's
type, and makes linking put every one of them in the table's entity, under the table's id and
first name. CSV (names separated by "|") or JSON / JSON Lines (names as a list):

    id,names,type,description,wikidata
    tsikhanouskaya,Sviatlana Tsikhanouskaya|Svetlana Tikhanovskaya,PERSON,Belarusian opposition leader,Q63422776
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, ValidationError

EntityType = Literal["PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"]


class KbError(ValueError):
    """An alias table that cannot be used: the message names the file, the entry and what to do."""


class AliasEntry(BaseModel):
    id: str = Field(min_length=1)
    names: list[str] = Field(min_length=1)
    type: EntityType
    description: str | None = None
    wikidata: str | None = Field(default=None, pattern=r"^Q\d+$")


def _rows(path: Path) -> list[tuple[str, dict]]:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".csv":
        rows = []
        for number, row in enumerate(csv.DictReader(text.splitlines()), start=2):
            names = [n.strip() for n in (row.get("names") or "").split("|") if n.strip()]
            rows.append((f"line {number}", {**{k: v for k, v in row.items() if v}, "names": names}))
        return rows
    if path.suffix.lower() == ".jsonl":
        return [(f"line {n}", json.loads(line)) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]
    data = json.loads(text)
    return [(f"entry {n}", item) for n, item in enumerate(data if isinstance(data, list) else [data], start=1)]


def read_alias_table(path: Path) -> list[AliasEntry]:
    try:
        rows = _rows(path)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise KbError(f"{path}: cannot read the alias table ({exc}); give a UTF-8 .csv, .json or .jsonl file") from None
    entries, seen = [], set()
    for where, row in rows:
        try:
            entry = AliasEntry.model_validate(row)
        except ValidationError as exc:
            problem = "; ".join(f"{'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors())
            raise KbError(f"{path}, {where}: {problem}. Each entry needs an id, at least one name and a type "
                          "(PERSON, ORG, GPE, LOC, FAC or NORP)") from None
        if entry.id in seen:
            raise KbError(f"{path}, {where}: the id {entry.id!r} is used twice; ids must be unique")
        seen.add(entry.id)
        entries.append(entry)
    return entries
