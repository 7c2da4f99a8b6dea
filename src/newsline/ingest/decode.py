"""Bytes to text: compressed, binary, UTF-8 and legacy encodings.

charset-normalizer does the guessing for legacy encodings (cp1251 and latin-1 both occur in
scraped news); the checks around it are ours because a guess is always returned, even for a PNG.
"""

from __future__ import annotations

import functools
import gzip
import zlib
from pathlib import Path

import charset_normalizer

from ..errors import InputError

_MAGIC = {
    b"%PDF": "a PDF document",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive (or DOCX/XLSX)",
    b"\x7fELF": "an executable",
}
_BOMS = [
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
]


def read_bytes(path: Path, shown: str, max_bytes: int) -> bytes:
    """Read a file (decompressing ``.gz``), refusing anything over ``max_bytes``."""
    try:
        if path.suffix.lower() == ".gz":
            with gzip.open(path, "rb") as fh:
                data = fh.read(max_bytes + 1)
        else:
            size = path.stat().st_size
            if size > max_bytes:
                raise InputError("E013", shown, size=size, limit=max_bytes)
            data = path.read_bytes()
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise InputError("E014", shown, detail=str(exc) or type(exc).__name__) from None
    except PermissionError as exc:
        raise InputError("E002", shown, detail=exc.strerror or "permission denied") from None
    except IsADirectoryError:
        raise InputError("E002", shown, detail="it is a folder") from None
    except OSError as exc:  # a broken link, a vanished file, an I/O error
        raise InputError("E002", shown, detail=exc.strerror or str(exc)) from None
    if len(data) > max_bytes:
        raise InputError("E013", shown, size=len(data), limit=max_bytes)
    return data


def decode(data: bytes, shown: str) -> tuple[str, str]:
    """Return (text, encoding) or raise a specific ``InputError``."""
    if not data.strip():
        raise InputError("E010", shown)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _checked(data.decode(encoding, errors="replace"), encoding, shown)
    for magic, what in _MAGIC.items():
        if data.startswith(magic):
            raise InputError("E011", shown, detail=f"it starts like {what}")
    if b"\x00" in data[:8192]:
        raise InputError("E011", shown, detail="it contains NUL bytes")
    try:
        return _checked(data.decode("utf-8"), "utf-8", shown)
    except UnicodeDecodeError:
        pass
    legacy = _legacy_encoding(data)
    if legacy is None:
        raise InputError("E012", shown, detail="no known encoding fits")
    return _checked(data.decode(legacy, errors="replace"), legacy, shown)


# The legacy encodings met in scraped news. charset-normalizer's pick is one candidate; on short
# texts it confuses cp1250 and cp1252 ("à" read as "ŕ"), so each candidate decoding is judged by how
# confidently a language identifier recognises the result.
_LEGACY = ("cp1252", "cp1251", "cp1250", "iso8859_15")


@functools.lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _legacy_encoding(data: bytes) -> str | None:
    guess = charset_normalizer.from_bytes(data[:200_000]).best()
    candidates = dict.fromkeys(([guess.encoding] if guess else []) + list(_LEGACY))
    sample = data[:20_000]
    scored = []
    for encoding in candidates:
        try:
            text = sample.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_identifier().classify(text)[1], encoding))
    return max(scored)[1] if scored else None


def _checked(text: str, encoding: str, shown: str) -> tuple[str, str]:
    sample = text[:8192]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and control / len(sample) > 0.05:
        raise InputError("E011", shown, detail=f"{control} control characters in its first {len(sample)}")
    if "\x00" in text:
        text = text.replace("\x00", "")
    return text, encoding
