"""Counts: numbers with what they count ("About 2,500 dockworkers"), what befell it ("dead",
"injured", "took part"), its unit, and the approximator the tagger left out ("closer to 3,000");
never numbers that name ("level five") or refer ("the two countries")."""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..model import Claim, ClaimKind
from .claim_parts import claim_of, clause_of, context_of, speaker_of
from .quantities import AROUND, SCALES, SCALES_PLURAL, read_amount

QUANTITY_LABELS = {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}

# A claim of "the number" / "the toll" counts what the sentence before counted.
ANAPHORIC_COUNTS = {"number", "figure", "toll", "total", "count", "tally"}

UNIT_WORDS = {"percent": "percent", "per": "percent", "%": "percent", "pound": "pound", "dollar": "dollar",
              "euro": "euro", "pence": "pence", "cent": "cent", "yuan": "yuan", "rouble": "rouble", "ruble": "rouble",
              "metre": "metre", "meter": "metre", "kilometre": "kilometre", "kilometer": "kilometre", "mile": "mile",
              "tonne": "tonne", "ton": "tonne", "barrel": "barrel", "hectare": "hectare", "acre": "acre",
              "kilogram": "kilogram", "litre": "litre", "gallon": "gallon", "degree": "degree", "share": "share"}

CURRENCY_SIGNS = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yuan"}

CURRENCIES = {"dollar", "pound", "euro", "pence", "cent", "yuan", "rouble"}

# Nouns that measure another: the figure is about what follows "of".
MEASURE_NOUNS = {"cost", "value", "price", "size", "amount", "sum", "total", "share", "number"}

# What happened to the people a count counts, by class: "killing two", "two died", "two dead" and
# "lost their lives" count the same dead; "injuring 14" counts others. Written here because the
# lexical resources on PyPI do not give these classes: WordNet puts "kill" and "die" in different
# synsets, and the sentence encoder rates "injure"/"kill" as close as "join"/"stop".
COUNT_PREDICATES = {word: group for group, words in {
    "dead": {"die", "kill", "dead", "death", "perish", "drown", "lose", "toll", "fatality", "body"},
    "injured": {"injure", "wound", "hurt", "injured", "wounded", "injury", "hospitalise", "hospitalize"},
    "missing": {"missing", "disappear", "unaccounted"},
    "trapped": {"trap", "trapped", "strand", "stranded"},
    "arrested": {"arrest", "detain", "jail", "imprison", "detained", "arrested"},
    "evacuated": {"evacuate", "flee", "displace", "evacuated", "displaced"},
    "rescued": {"rescue", "save", "rescued"},
    # crowds: "4,000 joined the stoppage", "2,500 stopped work", "thousands marched", "took part"
    "took part": {"strike", "protest", "march", "demonstrate", "rally", "walk", "stop", "join", "participate",
                  "part"},
}.items() for word in words}

COUNT_GROUPS = set(COUNT_PREDICATES.values())

INCREMENTS = {"more", "other", "additional", "further", "extra", "new", "another"}

# Verbs whose subject is what their object measures: "the turnout made 61 percent", "the toll reached 12".
LINKING_VERBS = {"be", "make", "reach", "stand", "total", "hit", "top", "exceed", "equal", "amount", "become"}

LIGHT_PREDICATES = {"be", "have", "say", "put", "give", "make", "reach", "stand", "take", "get", "show", "record"}

_APPROXIMATOR_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, AROUND), key=len, reverse=True)) + r")\s+$", re.I
)


def _counted(tokens: SpacySpan) -> Token | None:
    """The noun a number phrase counts or measures: "2,500 dockworkers", "4,000 of its members",
    "58 percent of the vote", "turnout of 61 percent", "put turnout at 61 percent", "a project worth
    2 billion euros", "the cost of the project made 2 billions", "promised 40 millions of euro of help"."""
    last = tail = tokens[-1]
    head = last.head
    while last.dep_ in ("nummod", "quantmod", "compound") and _is_unit(head) and head.i > last.i:
        last, head = head, head.head  # "2 billions of euro", "58 percents": the unit, then what it counts
    while last.dep_ == "pobj" and head.lower_ == "of" and _is_unit(head.head):
        last, head = head.head, head.head.head  # "2 billions of euro" ends at the currency: climb to "billions"
    if last.dep_ in ("nummod", "quantmod", "amod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        return _through_measure(head)
    # "58 percent of the vote", "40 million euros in aid"; but "three died in hospital" counts people
    measured = ("of", "in", "for") if tokens.label_ in ("MONEY", "PERCENT", "QUANTITY") else ("of",)
    for child in (*last.children, *(tail.children if tail is not last else ())):
        if child.dep_ == "prep" and child.lower_ in measured:
            objects = [o for o in child.children if o.dep_ == "pobj"]
            if objects and not _is_unit(objects[0]):
                return _through_measure(objects[0])
    if last.dep_ == "pobj" and head.lower_ in ("of", "at", "to", "by"):
        if head.head.pos_ in ("NOUN", "PROPN") and head.lower_ != "by":
            return _through_measure(head.head)  # "turnout of N"
        return _common_noun_child(head.head, ("dobj", "nsubjpass"))  # "put turnout at N", "cut tariffs by N"
    if head.lower_ == "worth":
        if head.head.pos_ == "NOUN":
            return _through_measure(head.head)  # "a project worth N"
        return _common_noun_child(head.head, ("nsubj",))  # "the project is worth N"
    if last.dep_ in ("dobj", "attr") and head.lemma_.lower() in LINKING_VERBS:
        return _common_noun_child(head, ("nsubj",))  # "the turnout made N"; but "the government spent N"
    return None


def _is_unit(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (lemma in UNIT_WORDS or token.lower_ in UNIT_WORDS or lemma.rstrip("s") in UNIT_WORDS
            or lemma in SCALES or lemma in SCALES_PLURAL)


def _common_noun_child(verb: Token, deps: tuple[str, ...]) -> Token | None:
    noun = next((c for c in verb.children if c.dep_ in deps), None)
    return _through_measure(noun) if noun is not None and noun.pos_ == "NOUN" else None


def _through_measure(noun: Token) -> Token:
    """ "the cost of the project": what is measured is the project."""
    if noun.lemma_.lower() in MEASURE_NOUNS:
        for child in noun.children:
            objects = [o for o in child.children if o.dep_ == "pobj"] if child.lower_ == "of" else []
            if objects and objects[0].pos_ in ("NOUN", "PROPN"):
                return objects[0]
    return noun


def _group(word: Token) -> str | None:
    return COUNT_PREDICATES.get(word.lemma_.lower()) or COUNT_PREDICATES.get(word.lower_)


def _increment(tokens: SpacySpan, counted: Token | None) -> bool:
    """ "three more in hospital", "nine new cases", "a further 17 people": added to a count."""
    after = tokens.doc[tokens.end] if tokens.end < len(tokens.doc) else None
    before = tokens.doc[tokens.start - 1] if tokens.start > 0 else None
    near = [t for t in (after, before) if t is not None]
    near += [c for c in (counted.children if counted is not None else ()) if c.dep_ == "amod"]
    return any(t.lower_ in INCREMENTS for t in near)


def _predicate(tokens: SpacySpan, counted: Token | None, clause: Token) -> str:
    """What the text says of what is counted: the class of the word that says it ("killing two",
    "two died", "two dead" are all "dead"), or else the clause's verb."""
    words = [*(c for c in (counted.children if counted is not None else ()) if c.dep_ in ("acl", "amod")),
             *(c for c in clause.children if c.dep_ in ("acomp", "attr")), clause,
             *(c for c in clause.children if c.dep_ == "dobj" and clause.lemma_ == "take"),  # "take part"
             *([counted] if counted is not None else []),  # "12 deaths", "two fatalities"
             *(c for c in tokens[-1].children if c.dep_ == "amod")]
    group = next(filter(None, (_group(w) for w in words)), "")
    if group:
        counted_group = _group(counted) if counted is not None else None
        if counted_group and counted_group != group:
            return f"{group} among {counted_group}"  # "three of the injured died": not a death toll
        return f"{group} more" if _increment(tokens, counted) else group  # added to a count, not the count
    lemma = clause.lemma_.lower()
    if _increment(tokens, counted):
        return f"{lemma} more"
    return "" if lemma in LIGHT_PREDICATES or clause.pos_ not in ("VERB", "AUX", "ADJ") else lemma


def _names_a_count(clause: Token) -> bool:
    return any(c.lemma_.lower() in ANAPHORIC_COUNTS for c in clause.children
               if c.dep_ in ("dobj", "nsubj", "nsubjpass", "attr"))


def _unit(tokens: SpacySpan, counted: Token | None, text: str) -> str:
    before = text[max(0, tokens.start_char - 1):tokens.start_char]
    if before in CURRENCY_SIGNS:
        return CURRENCY_SIGNS[before]
    after = tokens[-1].head if tokens[-1].head.i > tokens[-1].i and _is_unit(tokens[-1].head) else None
    for token in (*tokens, *(t for t in (after, counted) if t is not None)):
        unit = (UNIT_WORDS.get(token.lemma_.lower()) or UNIT_WORDS.get(token.lower_)
                or UNIT_WORDS.get(token.lower_.rstrip("s")))  # "percents", in translated copy
        if unit:
            return unit
    return ""


def quantity_claims(parsed: SpacyDoc, text: str) -> list[Claim]:
    claims: list[Claim] = []
    recent: list[tuple[str, str]] = []  # what the counts so far counted, and what befell it, in text order
    for ent in parsed.ents:
        if ent.label_ not in QUANTITY_LABELS:
            continue
        start = _approximator_start(text, ent.start_char)
        amount = read_amount(re.sub(r"^[$£€¥]", "", text[start:ent.end_char].replace(" percent", "")))
        if amount is None:
            continue
        counted = _counted(ent)
        if _names_something(ent):
            continue  # "level five", "phase 6": a number that names, not one that counts
        if counted is not None and counted.text.isupper() and len(counted.text) <= 4:
            continue  # "10.02 BST", "5 GMT": a clock time the tagger took for a number
        about = counted.lemma_.lower() if counted is not None else ""
        clause = clause_of(ent[-1])
        context = context_of(clause, (ent.start_char, ent.end_char), parsed)
        sentence = ent.sent
        predicate = _predicate(ent, counted, clause)
        if (not about or about in ANAPHORIC_COUNTS) and _names_a_count(clause) and recent:
            # "put the number at 3,000", "bringing the toll to 14": the last thing counted
            about, predicate = recent[-1][0], predicate or recent[-1][1]
            context = f"{about}: {context}"
        if about:
            recent.append((about, predicate))
        if _refers(ent, counted) and predicate not in COUNT_GROUPS:
            continue  # "between the two countries": names a set the text spoke of; counts nothing new
        end = (
            counted.idx + len(counted)
            if counted is not None and counted.i > ent.end - 1 and counted.i - ent.end < 4
            else ent.end_char
        )
        claims.append(claim_of(ClaimKind.QUANTITY, text, start, end, sentence, amount=amount,
                             unit=_unit(ent, counted, text), about=about, context=context,
                             predicate=predicate, source=speaker_of(sentence, text)))
    return claims


def _names_something(ent: SpacySpan) -> bool:
    """A number right after a common noun and before no noun of its own: "level five", "phase 6"."""
    doc = ent.doc
    before = doc[ent.start - 1] if ent.start > 0 else None
    after = doc[ent.end] if ent.end < len(doc) else None
    return (before is not None and before.pos_ in ("NOUN", "PROPN") and not before.is_upper
            and not _is_unit(before) and (after is None or after.pos_ not in ("NOUN", "PROPN")))


def _refers(ent: SpacySpan, counted: Token | None) -> bool:
    """ "the two leaders", "these three nations", "both sides": a definite phrase with a number."""
    if counted is None or counted.i < ent.start:
        return False
    determiners = [t.lower_ for t in counted.children if t.dep_ in ("det", "predet") and t.i < ent.start]
    return any(d in ("the", "these", "those", "both", "all") for d in determiners)


def _approximator_start(text: str, start: int) -> int:
    """Where a number phrase begins once the approximator the tagger left out is put back:
    "closer to 3,000", "nearly 40"."""
    match = _APPROXIMATOR_BEFORE.search(text, max(0, start - 20), start)
    return match.start(1) if match else start
