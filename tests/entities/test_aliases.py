"""The user's alias table: read with clear errors, used by recognition and linking."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from newsline.cli import main
from newsline.entities.aliases import KbError, read_alias_table
from newsline.pipeline import run
from newsline.store import Store

from ..conftest import FIXTURES_DIR

KB = FIXTURES_DIR / "kb"


def test_a_csv_table_gives_entries_with_all_their_names():
    entries = read_alias_table(KB / "aliases.csv")
    assert [(e.id, e.type, e.names[0], e.wikidata) for e in entries] == [
        ("viasna", "ORG", "Viasna", "Q4055929"), ("tsikhanouskaya", "PERSON", "Sviatlana Tsikhanouskaya", None)]
    assert entries[0].names == ["Viasna", "Spring 96", "Human Rights Centre Viasna"]


@pytest.mark.parametrize("name, message", [
    ("bad.csv", r"bad.csv, line 2: type: .*Each entry needs an id, at least one name and a type"),
    ("twice.json", r"twice.json, entry 2: the id 'a' is used twice"),
    ("missing.csv", r"missing.csv: cannot read the alias table"),
])
def test_a_bad_table_is_refused_with_the_file_and_the_entry(name, message):
    with pytest.raises(KbError, match=message):
        read_alias_table(KB / name)


def test_table_names_are_found_typed_and_linked_under_the_table_id(tmp_path):
    (tmp_path / "a.txt").write_text("Rights group\n\nThe rights group Spring 96 said on Monday that 1,400 "
                                    "people are political prisoners in Belarus.\n")
    (tmp_path / "b.txt").write_text("Arrests\n\nViasna counted new arrests in Minsk on Tuesday, "
                                    "Svetlana Tikhanovskaya said.\n")
    with Store(tmp_path / "n.db") as store:
        corpus = run([str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], store,
                     aliases=read_alias_table(KB / "aliases.csv")).corpus
    entities = {e.id: e for e in corpus.entities}
    viasna = entities["viasna"]
    assert (viasna.name, viasna.type, viasna.wikidata) == ("Viasna", "ORG", "Q4055929")
    assert viasna.aliases == ["Spring 96"] and len(viasna.documents) == 2
    assert entities["tsikhanouskaya"].type == "PERSON"
    assert entities["tsikhanouskaya"].description == "Belarusian opposition leader"


def test_run_refuses_a_bad_table_before_reading_anything(tmp_path):
    result = CliRunner().invoke(main, ["run", str(tmp_path), "--out", str(tmp_path / "out"),
                                       "--aliases", str(KB / "bad.csv")])
    assert result.exit_code == 2 and "bad.csv, line 2" in result.output
    assert not (tmp_path / "out").exists()
