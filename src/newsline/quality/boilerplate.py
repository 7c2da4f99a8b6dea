"""`boilerplate`: page furniture that survived cleaning.

The cleaner removes whole lines it is sure of. What it leaves is furniture glued into a paragraph
("... said on Monday. Read more: ...", "Share this article" after the last sentence), lines it could
not be sure of (a menu of section names, a newsletter prompt in the middle of the text) and page
text addressed to the reader rather than about the story. The same line rules are applied here to
each *sentence*, plus cues of interface text that are too weak to cut on but worth showing.
"""

from __future__ import annotations

import re

from ..ingest.clean import LINE_RULES
from ..model import Document, Flag, FlagKind
from ..parse.nlp import regex_sentences
from .signals import Signal, flag_from

THRESHOLD = 0.5

# Interface phrases: text that talks about the web page or to its visitor, not about the news.
_INTERFACE = [
    ("link prompt", 0.5, r"\bclick (here|to|below)\b|\b(read|see) (the )?(full|more|original) (story|article)\b"
                         r"|\bcontinue reading\b|\btap (here|to)\b"),
    ("subscription or sign-in prompt", 0.5, r"\b(subscribe|sign up|log ?in|sign in|register) (now|today|for free|"
                                            r"to (read|continue|get|receive|our))\b|\bnewsletters?\b.{0,40}\binbox\b"
                                            r"|\bcreate (a|an|your) (free )?account\b"),
    ("sharing or following prompt", 0.5,
     r"\bshare (this|on|via)\b.{0,30}\b(facebook|twitter|whatsapp|email|article|story)\b"
                                         r"|\bfollow us (on|at)\b|\blike us on\b"),
    ("advertising slot", 0.5, r"(^|\n|\. )advertisement\b|\bsponsored content\b|\bstory continues below\b"
                              r"|\barticle continues (below|after)\b"),
    ("page widget", 0.45,
     r"\blisten to this article\b|\b\d+ min(ute)?s? read\b|\bloading\.\.\.|\bview (all )?comments\b"
                          r"|\bcomments are closed\b|\bskip to (main )?content\b|\bdownload (our|the) app\b"
                          r"|\benable javascript\b|\byour browser\b.{0,40}\bsupport\b|\bjump to\b|\bback to top\b"),
    ("legal footer", 0.45, r"\bterms (of|and) (use|service|conditions)\b.{0,40}\bprivacy\b|\bprivacy policy\b"),
]
_INTERFACE_RE = [(reason, weight, re.compile(pattern, re.I)) for reason, weight, pattern in _INTERFACE]
# Words written in camel case on purpose; three other camel-case words in a piece are menu items
# glued together when a page was flattened ("HomeWorld NewsUnited States News").
_CAMEL_WORDS = {"iPhone", "YouTube", "McDonald", "MacArthur", "PowerPoint", "WhatsApp", "LinkedIn", "PayPal",
                "FedEx", "JPMorgan", "BlackRock", "ExxonMobil", "GlaxoSmithKline", "DreamWorks", "PlayStation"}


def _glued_menu(piece: str) -> bool:
    words = [w for w in re.findall(r"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b", piece) if w not in _CAMEL_WORDS
             and not re.match(r"^(Mc|Mac|O)[A-Z]", w)]
    return len(words) >= 3


def boilerplate_signals(doc: Document) -> list[Signal]:
    text = doc.text
    signals: list[Signal] = []
    for piece in regex_sentences(text):  # the line rules, applied to sentence-sized pieces
        start, end, line = piece.start, piece.end, piece.text
        rule = next((r for r in LINE_RULES if r.matches(line)), None)
        if rule:
            signals.append(Signal(start, end, line, 0.6, f"{rule.reason} left in the text"))
            continue
        if _glued_menu(line):
            signals.append(Signal(start, end, line, 0.5, "menu items glued together"))
            continue
        for reason, weight, pattern in _INTERFACE_RE:
            if pattern.search(line):
                signals.append(Signal(start, end, line, weight, reason))
                break
    return signals


def boilerplate_flag(doc: Document) -> Flag | None:
    signals = boilerplate_signals(doc)
    kinds = sorted({s.note for s in signals})
    return flag_from(FlagKind.BOILERPLATE, signals, threshold=THRESHOLD, explanation=(
        f"{len(signals)} piece{'s' if len(signals) != 1 else ''} of page furniture still in the text "
        f"({'; '.join(kinds)})"))
