"""Which way a time expression looks, read from the tense and modality of its clause.

"is due to begin a visit Tuesday" looks forward, "said Monday" looks back, "will be held on
January 26" looks forward. Read from spaCy's dependency parse and tags.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

# Words that put their complement in the future: "due to", "set to", "plans to", "expected to".
FUTURE_GOVERNORS = {
    "due", "set", "plan", "expect", "schedule", "intend", "prepare", "aim", "hope", "promise",
    "going", "upcoming", "forthcoming", "next", "will", "shall", "planned", "scheduled",
}
SCHEDULING_VERBS = {"expect", "schedule", "plan", "set", "slate", "due", "intend", "timetable"}
REPORTING_VERBS = {"say", "tell", "report", "announce", "state", "add", "note", "claim"}
# Modals put the clause ahead of the speaker ("could come as early as Tuesday", "would be held on
# April 24") unless a perfect follows ("could have come").
FUTURE_MODALS = {"will", "'ll", "shall", "wo", "would", "may", "might", "should", "must", "'d"}
# "could" and "can" are left out: "could not be located Wednesday" is as often the past.


def _aux(verb: Token) -> list[Token]:
    return [c for c in verb.children if c.dep_ in ("aux", "auxpass")]


def _past_perfect(verb: Token) -> bool:
    """ "had been due to expire Friday": a future seen from the past is the past."""
    token = verb
    for _ in range(3):  # up through "due [to expire]", "planned [to leave]"
        if any(c.lower_ in ("had", "'d") and c.lemma_ == "have" for c in _aux(token)):
            return True
        if token.dep_ not in ("xcomp", "acomp") or token.head == token:
            return False
        token = token.head
    return False


def governing_verb(span: Span) -> Token | None:
    token = span.root
    for _ in range(6):
        if token.pos_ in ("VERB", "AUX") and token.dep_ != "aux":
            return token
        if token.head == token:
            return token if token.pos_ in ("VERB", "AUX") else None
        token = token.head
    return None


def _future_marked(verb: Token) -> bool:
    chain = [verb]
    head = verb
    for _ in range(3):  # climb xcomp/ccomp links: "is due [to begin]", "plans [to visit]"
        if head.dep_ in ("xcomp", "ccomp", "advcl", "acl", "relcl") and head.head != head:
            head = head.head
            chain.append(head)
        else:
            break
    if verb.lemma_.lower() in SCHEDULING_VERBS:
        # "is expected in December", "has scheduled a news conference Thursday", "set Nov. 10 as the deadline"
        return True
    if verb.head.lemma_ == "be" and verb.dep_ == "xcomp" and any(c.lower_ == "to" for c in verb.children):
        return True  # "is to resume trading Tuesday"
    for token in chain:
        if token.lemma_.lower() in FUTURE_GOVERNORS and token != verb:
            return True
        for child in token.children:
            if child.dep_ in ("aux", "auxpass") and child.lower_ in FUTURE_MODALS \
                    and not any(c.lemma_ == "have" for c in _aux(token)):
                return True
            if child.dep_ in ("acomp", "attr", "advmod") and child.lower_ in ("due", "set", "scheduled", "expected"):
                return True
            if child.lower_ == "going" and child.dep_ == "aux":
                return True
    return False


def _finite(verb: Token) -> Token:
    """A bare participle ("visiting", "held") takes its tense from the clause it hangs on."""
    for _ in range(3):
        has_aux = any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        if verb.tag_ in ("VBG", "VBN") and not has_aux and verb.head != verb and verb.dep_ != "ROOT" \
                and verb.head.pos_ in ("VERB", "AUX"):
            verb = verb.head
        else:
            break
    return verb


def _attached_to(span: Span, verb: Token) -> bool:
    """The expression modifies ``verb`` itself ("visits China Tuesday"), not a noun in its clause."""
    head = span.root.head
    if head.dep_ == "prep":
        head = head.head
    return head == verb


def direction_of(span: Span) -> str:
    """'past', 'future' or 'none' for the clause governing ``span``."""
    verb = governing_verb(span)
    if verb is None:
        return "none"
    verb = _finite(verb)
    if _past_perfect(verb):
        return "past"
    if _future_marked(verb):
        return "future"
    tags = {verb.tag_} | {c.tag_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if "VBD" in tags or ("VBN" in tags and any(c.lemma_ == "have" for c in verb.children)):
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG") and verb.lemma_.lower() not in REPORTING_VERBS | {"be", "have"} \
            and _attached_to(span, verb):
        # News present tense with a day name is the near future: "Lukashenko visits China Tuesday".
        return "future"
    if verb.tag_ == "VBN":
        return "past"
    return "none"


def in_present_perfect(span: Span) -> bool:
    """ "has remained steady throughout 2023": the period named still reaches the writer's present."""
    verb = governing_verb(span)
    if verb is None:
        return False
    verb = _finite(verb)
    return any(c.lemma_ == "have" and c.tag_ in ("VBZ", "VBP") for c in _aux(verb))


def span_for(doc: Doc, start: int, end: int) -> Span | None:
    return doc.char_span(start, end, alignment_mode="expand")
