"""claim_speakers: a claim said by "he" or "the minister" is given the name the reference resolved to."""

from __future__ import annotations

from newsline.compare.speakers import claim_speakers_stage
from newsline.model import Claim, ClaimKind, Corpus, Document, Entity, EntityMention, Reference
from newsline.registry import Context

TEXT = 'Tomas Brandt spoke in Lorvik. "We have waited eleven months," he said. Brandt said more would come.'


def _claim(speaker: str, at: int) -> Claim:
    return Claim(kind=ClaimKind.QUOTE, start=31, end=60, text=TEXT[31:60], sentence_start=30, sentence_end=70,
                 speaker=speaker, speaker_start=at)


def test_a_pronoun_speaker_is_named_and_a_named_one_left_as_it_is():
    he = TEXT.index("he said")
    brandt = TEXT.index("Brandt said")
    person = "person:tomas-brandt"
    doc = Document(id="d", path="d.txt", format="text", text=TEXT,
                   mentions=[EntityMention(start=0, end=12, text="Tomas Brandt", label="PERSON", entity=person),
                             EntityMention(start=brandt, end=brandt + 6, text="Brandt", label="PERSON", entity=person)],
                   references=[Reference(start=he, end=he + 2, text="he", entity="person:tomas-brandt", antecedent=0)],
                   claims=[_claim("he", he), _claim("Brandt", brandt), _claim("officials", 5)])
    corpus = Corpus(documents=[doc], entities=[Entity(id="person:tomas-brandt", name="Tomas Brandt", type="PERSON")])
    claim_speakers_stage(corpus, Context())
    assert [c.speaker_name for c in doc.claims] == ["Tomas Brandt", "Tomas Brandt", None]
