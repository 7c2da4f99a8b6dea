"""The default pipeline's stages, in the order data flows: the one place the list is written.

Document stages run on each batch of new documents as it is read; corpus stages then run on the
whole collection. Each package below is one step of the pipeline; ``newsline stages`` prints what
each stage reads and writes.
"""

from __future__ import annotations

from collections.abc import Callable

from .compare.claims import claims_stage
from .compare.contradictions import contradictions_stage
from .compare.framing import framing_stage
from .compare.speakers import claim_speakers_stage
from .dating.published import published_stage
from .dating.reconcile import (
    date_datelines_stage,
    dated_by_the_collection,
    moved_by_the_collection,
    reconcile_dates_stage,
    revised_by_the_collection,
)
from .dating.timex import resolve_time_stage, timex_stage
from .entities.descriptors import descriptors_stage
from .entities.link import link_entities_stage
from .entities.recognize import recognize_corpus_stage
from .entities.references import link_pronouns_stage
from .events.coref import event_coref_stage
from .events.extract import events_stage
from .events.link import link_events_stage
from .ingest.clean import clean_stage
from .parse.nlp import nlp_stage
from .quality.duplicates import duplicates_stage
from .quality.spinning import spun_stage
from .quality.text_flags import flag_text_stage
from .registry import Rerun, name_of
from .stories.detect import stories_stage
from .timeline.by_date import timeline_stage
from .timeline.key_dates import key_dates_stage

DOCUMENT_STAGES: tuple[Callable[..., None], ...] = (
    clean_stage,  # ingest/clean.py
    nlp_stage,  # parse/nlp.py
    timex_stage, published_stage, resolve_time_stage,  # dating/timex.py, dating/published.py
    events_stage,  # events/extract.py
    claims_stage,  # compare/claims.py
    descriptors_stage,  # entities/descriptors.py
    flag_text_stage,  # quality/text_flags.py
)

# The dating stages run again over the documents the collection dates: a dateline's year first (the
# second pass reads the dates it gives), then weak dates revised against explicit ones.
DATING_AGAIN = ("published", "resolve_time", "events")

CORPUS_STAGES: tuple[Callable[..., None] | Rerun, ...] = (
    recognize_corpus_stage, link_entities_stage, link_pronouns_stage,  # entities/
    claim_speakers_stage,  # compare/speakers.py
    date_datelines_stage,  # dating/reconcile.py
    Rerun(DATING_AGAIN, dated_by_the_collection, "a dateline's year, from the dated documents"),
    reconcile_dates_stage,  # dating/reconcile.py
    Rerun(("published",), revised_by_the_collection, "a weak date revised, or an estimate confirmed"),
    Rerun(DATING_AGAIN[1:], moved_by_the_collection, "the revised date, to resolve the text against"),
    stories_stage,  # stories/detect.py
    event_coref_stage, link_events_stage,  # events/coref.py, events/link.py
    contradictions_stage, framing_stage,  # compare/
    duplicates_stage, spun_stage,  # quality/
    timeline_stage, key_dates_stage,  # timeline/by_date.py, timeline/key_dates.py
)

DEFAULT_STAGES: list[str | Rerun] = [step if isinstance(step, Rerun) else name_of(step)
                                     for step in DOCUMENT_STAGES + CORPUS_STAGES]
