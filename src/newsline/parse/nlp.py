"""Language, sentences and named-entity mentions, from one spaCy parse per document.

The parse is handed to later document stages through ``ctx.parses`` and dropped after
the batch, so memory stays bounded on large collections.
"""

from __future__ import annotations

import re

import py3langid

from ..errors import problem
from ..model import Document, EntityMention, Sentence
from ..pretrained import load_nlp
from ..registry import Context, stage
from .anaphors import nominals_of, pronouns_of
from .attributes import roles_of
from .recase import recase
from .roles import people_after_roles
from .teams import teams_in_play

KEPT_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART", "LANGUAGE"}
MAX_PARSE_CHARS = 1_000_000  # spaCy's own default limit; longer texts are parsed in part


def detect_language(text: str) -> str | None:
    sample = text[:3000]
    if len(re.findall(r"\w+", sample)) < 3:
        return None
    language, _ = py3langid.classify(sample)
    return language


def regex_sentences(text: str) -> list[Sentence]:
    out = []
    for match in re.finditer(r"[^\n.!?]+(?:[.!?]+['\"”’)]*|\n|$)", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start < end:
            out.append(Sentence(start=start, end=end, text=text[start:end]))
    return out


def clean_mention(text: str, start: int) -> tuple[str, int] | None:
    """Trim articles and possessives; reject mentions that are not names."""
    stripped = re.sub(r"^(the|The)\s+", "", text)
    start += len(text) - len(stripped)
    stripped = re.sub(r"(['’]s|['’])$", "", stripped).strip()
    stripped = re.sub(r"\s+(\d{4}-\d\d-\d\d|\d{1,2}/\d{1,2}/\d{2,4})$", "", stripped)  # a dateline's date
    if not re.search(r"[A-Z]", stripped) or len(stripped) < 2 or len(stripped.split()) > 6:
        return None
    if "\n" in stripped:
        return None
    return stripped, start


_AFTER_DATELINE_PLACE = re.compile(
    r"[ \t]*(?:,\s*)?(?:\d{4}-\d\d-\d\d|[A-Z][a-z]{2,8}\.?\s+\d{1,2}\b|\([A-Z][\w ]+\)\s*[-–—])"
)


def is_dateline_place(text: str, start: int, end: int) -> bool:
    """ "LONDON 1996-08-30", "BEIJING, Feb 28 (Newswire) -": a name opening a line before a date or
    an agency's name is the place the story was filed from, whatever the tagger thought."""
    line_start = text.rfind("\n", 0, start) + 1
    return not text[line_start:start].strip() and bool(_AFTER_DATELINE_PLACE.match(text, end))


@stage("nlp", scope="document", reads=["document.text"],
       writes=["document.language", "document.sentences", "document.tagged_mentions", "document.roles",
               "document.nominals", "document.pronouns", "batch.parses"])
def nlp_stage(documents: list[Document], ctx: Context) -> None:
    """Detect the language; parse English text with spaCy into sentences and entity mentions."""
    parses = ctx.parses
    english = []
    for doc in documents:
        doc.language = doc.language or detect_language(doc.text)  # a language the input states wins
        if doc.language in ("en", None):
            english.append(doc)
        else:
            doc.sentences = regex_sentences(doc.text)
            doc.errors.append(problem("W040", doc.path, "nlp", language=doc.language))
    if not english:
        return
    nlp = load_nlp()
    # Headlines in capitals are recased for the tagger; offsets are unchanged, and every text kept
    # (sentences, mentions) is cut from the original.
    texts = (recase(doc.text[:MAX_PARSE_CHARS]) for doc in english)
    for doc, parsed in zip(english, nlp.pipe(texts, batch_size=32)):
        parses[doc.id] = parsed
        doc.sentences = [
            Sentence(start=s.start_char, end=s.end_char, text=doc.text[s.start_char:s.end_char])
            for s in parsed.sents if s.text.strip()
        ]
        mentions = []
        for ent in parsed.ents:
            if ent.label_ not in KEPT_LABELS:
                continue
            cleaned = clean_mention(doc.text[ent.start_char:ent.end_char], ent.start_char)
            if cleaned:
                text, start = cleaned
                label = "GPE" if is_dateline_place(doc.text, start, start + len(text)) else ent.label_
                mentions.append(EntityMention(start=start, end=start + len(text), text=text, label=label))
        doc.tagged_mentions = teams_in_play(doc.text, people_after_roles(parsed, doc.text, mentions))
        doc.roles = roles_of(parsed, doc.tagged_mentions)
        doc.nominals = nominals_of(parsed, doc.text, doc.tagged_mentions)
        doc.pronouns = pronouns_of(parsed, doc.text)
