"""`machine_translated`: the marks a translation leaves on English text.

No packaged model recognises translated English, so the detector looks for what translation
visibly breaks, each a signal of its own weight:

- a stated translation source ("translated from Russian", "(Deutsche Welle Chinese website)");
- a garbled name: the same capitalised word twice in a row ("Tikhano Tikhano");
- broken sentence joins: a full stop that leaves a verbless fragment ("... from May 2 to 4. China
  for a state visit.");
- a name stranded at the end of a clause it does not belong to ("... if the votes had been counted
  fairly Jane Doe.");
- calques of another language's conventions ("on Saturday (February 25)").
"""

from __future__ import annotations

import re

import pycountry
from spacy.tokens import Doc as SpacyDoc

from ..model import Document, Flag, FlagKind
from .signals import Signal, flag_from

THRESHOLD = 0.5



def _language_names() -> str:
    """Names of the languages with a two-letter code (pycountry's ISO 639), one word each: after an
    outlet's name, one of them marks the edition a text was taken from ("(Deutsche Welle Chinese
    website)")."""
    names = {lang.name for lang in pycountry.languages if hasattr(lang, "alpha_2") and " " not in lang.name
             and "(" not in lang.name and lang.name != "English"}
    return "|".join(sorted(names | {"Mandarin", "Farsi", "Greek"}))


LANGUAGES = _language_names()
_STATED = [
    (0.6, re.compile(r"\b(?:machine[- ]translat\w*|google translate|deepl|auto(?:matically)?[- ]translated"
                     r"|translated (?:automatically|by (?:a )?machine))\b", re.I)),
    (0.6,
     re.compile(rf"\btranslated (?:from|out of)(?: the)? (?:{LANGUAGES})\b|\b(?:translation|translated) (?:by|from)\b"
                     rf"|\boriginal(?:ly)? (?:published|written|appeared) in (?:{LANGUAGES})\b", re.I)),
    (0.55, re.compile(rf"\((?:[A-Z][\w.&'-]*\s+){{1,4}}(?:{LANGUAGES})(?:-language)?\s+(?:website|site|edition|"
                      rf"service|version|channel|desk)\)")),
]
_DOUBLED = re.compile(r"\b([A-Z][a-z]{2,})\s+\1\b")
# Reduplicated place and personal names that are written that way.
_REAL_DOUBLES = {"Bora", "Walla", "Baden", "Sirhan", "Baba", "Mahi", "Bandar", "Pago", "Kuala", "Dum", "Tora"}
_WEEKDAY_PAREN = re.compile(r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*[（(]\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
                            r"|\d{1,2}\s+[A-Z][a-z]{2,8}|\d{1,2}[./]\d{1,2})\s*[)）]")


def stated_source_signals(text: str) -> list[Signal]:
    out = []
    for weight, pattern in _STATED:
        for m in pattern.finditer(text):
            out.append(Signal(m.start(), m.end(), m.group(0), weight,
                       "the text names a translation or a foreign-language edition as its source"))
    return out


def doubled_name_signals(text: str) -> list[Signal]:
    return [Signal(m.start(), m.end(), m.group(0), 0.45, "a name garbled into one word said twice")
            for m in _DOUBLED.finditer(text) if m.group(1) not in _REAL_DOUBLES]


def calque_signals(text: str) -> list[Signal]:
    return [Signal(m.start(), m.end(), m.group(0), 0.2,
            "a weekday with its date in brackets, a convention carried over from the source language")
            for m in _WEEKDAY_PAREN.finditer(text)]


def fragment_signals(text: str, parsed: SpacyDoc) -> list[Signal]:
    """Verbless fragments cut off from the sentence before them on the same line."""
    out = []
    for sent in parsed.sents:
        words = [t for t in sent if not t.is_punct and not t.is_space]
        if not 2 <= len(words) <= 10 or not sent.text.rstrip().endswith("."):
            continue
        line_start = text.rfind("\n", 0, sent.start_char) + 1
        if not re.search(r"[.!?]['\"”’)]?\s*$", text[line_start:sent.start_char]):
            continue  # the first sentence of its line: a heading, a caption or a dateline, not a join
        if any(t.pos_ in ("VERB", "AUX") for t in words) or not words[0].text[:1].isupper():
            continue
        if any(t.like_num or t.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "QUANTITY") for t in words):
            continue  # "Picture taken April 21." style captions and score lines
        out.append(Signal(sent.start_char, sent.end_char, sent.text, 0.35,
                   "a verbless fragment cut off by a full stop"))
    return out


def stranded_name_signals(parsed: SpacyDoc) -> list[Signal]:
    """A person's name ending a sentence right after an adverb or a verb, with no comma or
    preposition to attach it: the name belongs to an earlier clause the translation moved."""
    out = []
    for ent in parsed.ents:
        if ent.label_ != "PERSON" or len(ent) < 2:
            continue
        after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
        before = ent.doc[ent.start - 1] if ent.start > 0 else None
        if after is None or after.text not in (".", "!") or before is None:
            continue
        if before.pos_ in ("ADV", "VERB") and before.dep_ not in ("prep", "agent") and before.lower_ not in ("by",
                           "said", "says", "told", "asked"):
            span = ent.doc[before.i:ent.end]
            out.append(Signal(span.start_char, span.end_char, span.text, 0.35,
                              "a name stranded at the end of a clause it does not belong to"))
    return out


def translation_flag(doc: Document, parsed: SpacyDoc | None) -> Flag | None:
    text = doc.text
    signals = stated_source_signals(text) + doubled_name_signals(text) + calque_signals(text)
    if parsed is not None:
        signals += fragment_signals(text, parsed) + stranded_name_signals(parsed)
    kinds = sorted({s.note for s in signals})
    return flag_from(FlagKind.MACHINE_TRANSLATED, signals, threshold=THRESHOLD,
                     explanation="marks of a translation: " + "; ".join(kinds))
