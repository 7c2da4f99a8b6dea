"""Words that stand for an entity without naming it, resolved within a document.

"Tara Reid checked herself into rehab ... The actress ... She ...": "herself", "The actress" and
"She" are Tara Reid; "the company" is the firm just named. Four kinds are resolved, from what the
parse recorded of each phrase (parse/anaphors.py):

- personal pronouns (he, her, himself...) -> a person named in reach;
- relative pronouns ("the actress, who ...", "the cable, which ...") -> what their clause modifies;
- definite singular descriptions -> a named entity: "the company", "the city" the organisation or
  place named in reach; "the judge", "the actress" only a person this document has called so
  ("Judge Marsha Revel", "actress Lindsay Lohan"), since a role noun more often brings in someone
  else of the story (the judge, the prosecutor, her mother) than it renames the protagonist. The
  wording is kept: it is how the source chose to describe the entity;
- other common-noun phrases ("the quake", "the facility") -> a described, unnamed thing, one per
  head word, number and quantity in the collection ("23 points" is not "14 points").

The antecedent of a pronoun or an organisation or place description is looked for in the same
sentence or the one before; among several, the one the document has named most so far wins (news
keeps returning to its protagonist). Gender is not guessed from names. neuralcoref and coreferee,
the spaCy coreference components, do not run on spaCy 3.8 and no packaged model does, so these
rules are written here.
"""

from __future__ import annotations

import bisect
from collections import Counter, defaultdict

from ..model import Corpus, Document, EntityMention, Nominal, Pronoun, Reference
from ..parse.roles import ABBREVIATED_TITLES, ROLE_WORDS
from ..registry import Context, stage

SENTENCES_BACK = 1
PERSON_NOUNS = ROLE_WORDS - ABBREVIATED_TITLES - {"vice", "prime", "chair"} | {
    "man", "woman", "boy", "girl", "star", "actress", "actor", "player", "suspect", "victim", "driver",
    "singer", "rapper", "musician", "comedian", "model", "officer", "soldier", "gunman", "pilot", "doctor",
    "father", "mother", "son", "daughter", "husband", "wife", "veteran", "teenager", "politician", "opponent",
}
ORG_NOUNS = {"company", "firm", "ministry", "agency", "group", "party", "government", "court", "team", "club",
             "bank", "organisation", "organization", "network", "studio", "band", "newspaper", "airline",
             "carrier", "manufacturer", "maker", "retailer", "regime", "alliance", "union", "council", "office"}
PLACE_NOUNS = {"city", "country", "capital", "town", "island", "region", "state", "province", "village",
               "republic", "nation", "kingdom", "county"}
_CLASS = {**{n: "PERSON" for n in PERSON_NOUNS}, **{n: "ORG" for n in ORG_NOUNS},
          **{n: "PLACE" for n in PLACE_NOUNS}}
_LABEL_CLASS = {"PERSON": "PERSON", "ORG": "ORG", "GPE": "PLACE", "LOC": "PLACE", "FAC": "PLACE"}
# Words that say a person's gender where the documents use them of that person: a title before the
# name, a role the document gives them. Names themselves are never read for gender.
FEMININE = {"mrs", "ms", "miss", "madam", "dame", "actress", "spokeswoman", "chairwoman", "businesswoman",
            "congresswoman", "queen", "princess", "duchess", "woman", "girl", "mother", "wife", "daughter", "sister"}
MASCULINE = {"mr", "sir", "actor", "spokesman", "chairman", "businessman", "congressman", "king", "prince",
             "duke", "man", "boy", "father", "husband", "son", "brother"}


def _sentence_of(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


class _Named:
    """The named mentions of one document by class, in text order, for antecedent look-ups."""

    def __init__(self, doc: Document) -> None:
        self.starts = [s.start for s in doc.sentences]
        self.by_class = {k: sorted((m for m in doc.mentions if _LABEL_CLASS.get(m.label) == k and m.entity),
                                   key=lambda m: m.end) for k in ("PERSON", "ORG", "PLACE")}
        self.ends = {k: [m.end for m in mentions] for k, mentions in self.by_class.items()}
        entity_at = {m.start: m.entity for m in doc.mentions if m.entity}
        self.called: dict[str, set[str]] = defaultdict(set)  # entity -> the role words the document gives it
        for role in doc.roles:
            entity = entity_at.get(role.mention)
            if entity is None:
                continue
            for word in role.text.lower().split():
                self.called[entity].add(word)

    def reach(self, kind: str, before: int) -> list[EntityMention]:
        """The mentions of ``kind`` named in the sentence of ``before`` or the one before, up to it."""
        named = self.by_class[kind][:bisect.bisect_right(self.ends[kind], before)]
        here = _sentence_of(self.starts, before)
        return [m for m in named if here - _sentence_of(self.starts, m.start) <= SENTENCES_BACK]

    def in_reach(self, kind: str, before: int, gender: str | None = None,
                 genders: dict[str, str] | None = None) -> EntityMention | None:
        """The entity of ``kind`` named in reach before ``before`` (of ``gender`` or of none known);
        when several are, the one the document has named most so far (news keeps returning to its
        protagonist), the latest on a tie."""
        reach = [m for m in self.reach(kind, before) if (genders or {}).get(m.entity or "", gender) == gender]
        named = self.by_class[kind]
        at = bisect.bisect_right(self.ends[kind], before) - 1
        if not reach:
            return None
        so_far = Counter(m.entity for m in named[:at + 1])
        return max(reversed(reach), key=lambda m: so_far[m.entity])

    def called_so(self, head: str, before: int) -> EntityMention | None:
        """The person last named before ``before`` whom the document calls ``head`` ("the judge")."""
        named = self.by_class["PERSON"][:bisect.bisect_right(self.ends["PERSON"], before)]
        return next((m for m in reversed(named) if head in self.called.get(m.entity or "", ())), None)


def _described(nominal: Nominal) -> str:
    """One unnamed thing per head word, number and quantity: "the quake"; "23 points" apart from "14 points"."""
    return "described:" + nominal.head + ("+plural" if nominal.plural else "") + \
        (f"+{nominal.quantity}" if nominal.quantity else "")


def _antecedent(named: _Named, nominal: Nominal) -> EntityMention | None:
    kind = _CLASS.get(nominal.head)
    if kind is None or nominal.plural or not nominal.definite:
        return None  # "a woman", "the officers": someone new, or several
    if kind == "PERSON":
        return named.called_so(nominal.head, nominal.start)
    return named.in_reach(kind, nominal.start)


def _reference(doc: Document, span: Nominal | Pronoun, entity: str, kind: str, antecedent: int) -> Reference:
    return Reference(start=span.start, end=span.end, text=doc.text[span.start:span.end], entity=entity,
                     kind=kind, antecedent=antecedent)


def person_genders(corpus: Corpus) -> dict[str, str]:
    """Entity -> "masc" or "fem", where the documents say it: a title or role word of theirs ("Mrs",
    "actress", "his wife Jane"), and pronouns that can only be them (one person in reach). Two
    thirds of the evidence must agree."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in corpus.documents:
        named = _Named(doc)
        for mention in named.by_class["PERSON"]:
            before = doc.text[max(0, mention.start - 12):mention.start].lower().replace(".", " ").split()
            words = named.called.get(mention.entity or "", set()) | set(before[-1:])
            votes[mention.entity or ""].update(["fem"] * len(words & FEMININE) + ["masc"] * len(words & MASCULINE))
        for pronoun in doc.pronouns:
            if pronoun.person == 3 and pronoun.gender in ("masc", "fem") and pronoun.relative_to is None:
                candidates = {m.entity for m in named.reach("PERSON", pronoun.start)}
                if len(candidates) == 1:
                    votes[candidates.pop() or ""][pronoun.gender] += 1
    genders = {}
    for entity, counts in votes.items():
        if counts:
            gender, n = counts.most_common(1)[0]
            if entity and n * 3 >= 2 * sum(counts.values()):
                genders[entity] = gender
    return genders


def resolve_references(doc: Document, genders: dict[str, str] | None = None) -> list[Reference]:
    named = _Named(doc)
    out: list[Reference] = []
    for nominal in doc.nominals:
        found = _antecedent(named, nominal)
        if found is not None:
            out.append(_reference(doc, nominal, found.entity or "", "description", found.start))
        else:
            out.append(_reference(doc, nominal, _described(nominal), "described", nominal.start))
    by_head = {n.head_start: r for n, r in zip(doc.nominals, out)}
    for pronoun in doc.pronouns:
        if pronoun.relative_to is not None:
            target = _named_at(doc, pronoun.relative_to) or by_head.get(pronoun.relative_to)
            if target is not None:
                out.append(_reference(doc, pronoun, target.entity or "", "relative", target.start))
        elif pronoun.person == 3 and pronoun.gender in ("masc", "fem"):
            found = named.in_reach("PERSON", pronoun.start, pronoun.gender, genders)
            if found is not None:
                out.append(_reference(doc, pronoun, found.entity or "", "pronoun", found.start))
    return sorted(out, key=lambda r: r.start)


def _named_at(doc: Document, offset: int) -> EntityMention | None:
    return next((m for m in doc.mentions if m.entity and m.start <= offset < m.end), None)


@stage("link_pronouns", scope="corpus",
       reads=["document.text", "document.sentences", "document.mentions", "document.roles", "document.nominals",
              "document.pronouns"],
       writes=["document.references"])
def link_pronouns_stage(corpus: Corpus, ctx: Context) -> None:
    """Resolve pronouns and descriptions ("the actress", "the company") to the entity they stand for."""
    genders = person_genders(corpus)
    for doc in corpus.documents:
        doc.references = resolve_references(doc, genders)
