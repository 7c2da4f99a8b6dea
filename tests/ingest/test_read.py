"""Each input format, and each kind of bad input, gives a document or a specific error."""

from __future__ import annotations

import gzip
import os
from pathlib import Path

import pytest

from newsline.errors import InputError
from newsline.ingest.read import discover, read_path

ARTICLE = ("Belarusian President Alexander Lukashenko arrived in Beijing on Tuesday for talks.\n\n"
           "Officials said the visit would last three days.\n")


def read_all(path: Path, max_bytes: int = 10_000_000):
    items = []
    for found in discover([str(path)]):
        if isinstance(found, InputError):
            items.append(found)
        else:
            items.extend(read_path(*found, max_bytes=max_bytes))
    return items


def only_error(items) -> InputError:
    assert len(items) == 1 and isinstance(items[0], InputError), items
    return items[0]


def test_plain_text(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    [doc] = read_all(tmp_path / "a.txt")
    assert doc.format == "text" and doc.raw_text == ARTICLE and doc.encoding == "utf-8"


def test_html_goes_through_trafilatura_and_keeps_metadata_date(tmp_path):
    html = ("<html><head><title>Visit</title><meta property='article:published_time' content='2023-02-28'>"
            "</head><body><nav>Home | World</nav><article><h1>Lukashenko in Beijing</h1>"
            f"<p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>")
    (tmp_path / "a.html").write_text(html)
    [doc] = read_all(tmp_path / "a.html")
    assert doc.format == "html" and "Home | World" not in doc.raw_text and "arrived in Beijing" in doc.raw_text
    assert [(c.date, c.origin.value) for c in doc.given_dates] == [("2023-02-28", "metadata")]


def test_gzipped_html_and_text(tmp_path):
    (tmp_path / "a.txt.gz").write_bytes(gzip.compress(ARTICLE.encode()))
    html = f"<html><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
    (tmp_path / "b.htm.gz").write_bytes(gzip.compress(html.encode()))
    docs = read_all(tmp_path)
    assert [d.format for d in docs] == ["text", "html"]


def test_html_saved_as_txt_is_read_as_html(tmp_path):
    (tmp_path / "page.txt").write_text(
        f"<!DOCTYPE html><html><body><article><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>"
    )
    [doc] = read_all(tmp_path / "page.txt")
    assert doc.format == "html" and "<p>" not in doc.raw_text


def test_jsonl_records_and_their_fields(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"id": "x1", "url": "https://e.invalid/1", "title": "T1", "published": "2023-03-06T09:00:00Z", '
        '"text": "A b c."}\n'
        '\n'
        '{"id": "x2", "html": "<html><body><article><p>'
        + ARTICLE.replace("\n", " ")
        + '</p></article></body></html>"}\n'
    )
    first, second = read_all(path)
    assert (first.id, first.url, first.given_title, first.path) == ("x1", "https://e.invalid/1", "T1", f"{path}:1")
    assert [(c.date, c.origin.value) for c in first.given_dates] == [("2023-03-06", "jsonl_field")]
    assert second.id == "x2" and "arrived in Beijing" in second.raw_text and second.path.endswith(":3")


def test_malformed_jsonl_lines_are_named_and_the_rest_is_read(tmp_path):
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "Good one."}\n{not json\n[1, 2]\n{"title": "no body"}\n'
        '{"text": "x", "published": "soon"}\n{"text": "Good two."}\n'
    )
    items = read_all(path)
    errors = [i for i in items if isinstance(i, InputError)]
    assert [e.code for e in errors] == ["E020", "E021", "E021", "E022"]
    assert "line 2" in errors[0].message and "line 5" in errors[3].message
    assert [i.raw_text for i in items if not isinstance(i, InputError)] == ["Good one.", "Good two."]


def test_date_folder_layout_gives_a_folder_date(tmp_path):
    folder = tmp_path / "InputDocs" / "2010-05-24"
    folder.mkdir(parents=True)
    (folder / "1036.htm.txt").write_text(ARTICLE)
    (tmp_path / "InputDocs" / "2010-02-31").mkdir()
    (tmp_path / "InputDocs" / "2010-02-31" / "bad.txt").write_text(ARTICLE + "x")
    bad, good = read_all(tmp_path / "InputDocs")  # sorted by folder name
    assert good.folder_date == "2010-05-24" and [c.origin.value for c in good.given_dates] == ["folder_name"]
    assert bad.folder_date is None  # not a real day


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    assert only_error(read_all(tmp_path / "empty.txt")).code == "E010"


@pytest.mark.parametrize("payload, what", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG"),
    (b"%PDF-1.7\n" + bytes(range(256)), "PDF"),
    (bytes(range(256)) * 40, "NUL"),
])
def test_binary_file(tmp_path, payload, what):
    (tmp_path / "blob.txt").write_bytes(payload)
    error = only_error(read_all(tmp_path / "blob.txt"))
    assert error.code == "E011" and what in error.message


@pytest.mark.parametrize(
    "encoding, text",
    [
        ("cp1251", "Президент Беларуси Александр Лукашенко прибыл в Пекин во вторник с государственным визитом."),
        (
            "latin-1",
            "Le président biélorusse est arrivé à Pékin mardi pour une visite d'État de trois jours, "
            "a déclaré l'agence.",
        ),
    ],
)
def test_legacy_encodings_are_decoded(tmp_path, encoding, text):
    (tmp_path / "legacy.txt").write_bytes(text.encode(encoding))
    [doc] = read_all(tmp_path / "legacy.txt")
    assert doc.raw_text == text and doc.encoding != "utf-8"


def test_file_over_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # 50 MB, sparse
    error = only_error(read_all(big))
    assert error.code == "E013" and "52,428,800 bytes" in error.message and "--max-bytes" in error.hint


def test_gzip_over_the_size_limit_is_refused_without_inflating_it_all(tmp_path):
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a " * 3_000_000))
    assert only_error(read_all(tmp_path / "bomb.txt.gz", max_bytes=1_000_000)).code == "E013"


def test_truncated_gzip(tmp_path):
    data = gzip.compress(ARTICLE.encode() * 50)
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    error = only_error(read_all(tmp_path / "cut.txt.gz"))
    assert error.code == "E014" and "cut.txt.gz" in str(error)


def test_missing_path_and_unsupported_type(tmp_path):
    (tmp_path / "notes.docx").write_bytes(b"x")
    assert only_error(read_all(tmp_path / "nope.txt")).code == "E001"
    assert only_error(read_all(tmp_path / "notes.docx")).code == "E003"


def test_unsupported_files_inside_a_folder_are_skipped(tmp_path):
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    (tmp_path / "a.txt").write_text(ARTICLE)
    assert [d.path for d in read_all(tmp_path)] == [str(tmp_path / "a.txt")]


def test_broken_link_is_an_unreadable_path(tmp_path):
    os.symlink(tmp_path / "gone.txt", tmp_path / "link.txt")
    error = only_error(read_all(tmp_path / "link.txt"))
    assert error.code == "E002"


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_file_without_read_permission(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text(ARTICLE)
    path.chmod(0)
    assert only_error(read_all(path)).code == "E002"
