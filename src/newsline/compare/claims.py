"""Claims: the checkable statements of a text, each with its sentence and who the text says makes it.

Read from the spaCy parse and the stages before: numbers with what they count ("About 2,500
dockworkers"), ordinals with what they order and the period they count in ("his third trip
abroad this year"), event words with their day ("opened ... on Saturday") or their negation ("no
evacuation order had been issued"), quotations with their speaker, and statements attributed to a
source ("according to the port authority", "police said").
"""

from __future__ import annotations

import re

from spacy.tokens import Doc as SpacyDoc
from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..events.words import attributions_in
from ..model import Argument, Claim, ClaimKind, Document, EventMention, TemporalExpression
from ..registry import Context, stage
from .quantities import AROUND, SCALES, SCALES_PLURAL, Amount, read_amount, read_ordinal

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
# Clauses below the counted word's verb that belong to another statement, not this one.
OTHER_CLAUSES = {"ccomp", "advcl", "conj", "relcl", "parataxis", "cc", "punct", "mark"}
# Expressions that name one day, resolved or not yet: "on Monday" under a dateline without a year.
DAY_RULES = {"weekday", "month_day", "day_month", "relative_day", "anaphoric_day", "month_day_year", "day_month_year"}
NOT_DATED_TYPES = {"statement"}  # "said on Monday" dates the saying, not the event
_QUOTE = re.compile(r"[“\"]([^”\"\n]{12,}?)[”\"]")
MAX_CONTEXT_TOKENS = 24
_PERIOD_AFTER = re.compile(r"[^.;]*?\b(?:of|in|during|within) (?:the|this|that) (year|month|week|day)\b", re.I)
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
FIRST_AND_SECOND_PERSON = {"i", "me", "my", "you", "your"}
CONDITIONS = {"if", "unless", "whether", "until", "once", "when"}
INCREMENTS = {"more", "other", "additional", "further", "extra", "new", "another"}
# Verbs whose subject is what their object measures: "the turnout made 61 percent", "the toll reached 12".
LINKING_VERBS = {"be", "make", "reach", "stand", "total", "hit", "top", "exceed", "equal", "amount", "become"}
LIGHT_PREDICATES = {"be", "have", "say", "put", "give", "make", "reach", "stand", "take", "get", "show", "record"}
_APPROXIMATOR_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, AROUND), key=len, reverse=True)) + r")\s+$", re.I
)


def _clause_of(token: Token) -> Token:
    """The verb (or the root) whose clause ``token`` is in."""
    for candidate in (token, *token.ancestors):
        if candidate.pos_ in ("VERB", "AUX") or candidate.dep_ == "ROOT":
            return candidate
    return token


def _context(clause: Token, masked: tuple[int, int], parsed: SpacyDoc) -> str:
    """The clause's words, without its subordinate clauses, the masked span (the value) as "N"."""
    keep = set()
    stack = [clause]
    while stack:  # the clause's words, pruning every subordinate clause on the way down
        token = stack.pop()
        keep.add(token.i)
        stack.extend(c for c in token.children if c.dep_ not in OTHER_CLAUSES)
    words, last = [], None
    for i in sorted(keep):
        token = parsed[i]
        if masked[0] <= token.idx < masked[1]:
            if last != "N":
                words.append("N")
            last = "N"
            continue
        words.append(token.text)
        last = token.text
    return " ".join(words[:MAX_CONTEXT_TOKENS])


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


def _speaker(sentence: SpacySpan, text: str) -> Argument | None:
    """The source a sentence gives for what it says: the speaker of its reporting verb ("X said"),
    else its "according to X"; as an argument span, or None."""
    frames, according = attributions_in(sentence, text)
    if frames:
        return frames[0][1]
    return according


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
        clause = _clause_of(ent[-1])
        context = _context(clause, (ent.start_char, ent.end_char), parsed)
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
        claims.append(_claim(ClaimKind.QUANTITY, text, start, end, sentence, amount=amount,
                             unit=_unit(ent, counted, text), about=about, context=context,
                             predicate=predicate, source=_speaker(sentence, text)))
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


def _claim(kind: ClaimKind, text: str, start: int, end: int, sentence: SpacySpan, amount: Amount | None = None,
           source: Argument | None = None, **fields) -> Claim:
    if source is not None:
        # the words, and where they are, so that the corpus can say whom "he" stands for
        fields.update(speaker=source.text, speaker_start=source.start)
    if amount is not None:
        fields.update(value=amount.shown(), low=amount.low, high=amount.high if amount.high != float("inf") else None)
    return Claim(kind=kind, start=start, end=end, text=text[start:end], sentence_start=sentence.start_char,
                 sentence_end=sentence.end_char, **fields)


def _scope(doc: Document, start: int, end: int) -> tuple[str | None, int | None]:
    """The period an ordinal counts in: a time expression in its phrase ("this year", "in 2024",
    "in three years"), as the days it covers or as a duration; and that expression's index, so that
    the period can be read again once the corpus has dated the document."""
    for index, tx in enumerate(doc.temporal_expressions):
        if tx.granularity in ("day", "time") and tx.type.value != "DURATION":
            continue  # "a third term after Sunday's election": a day is not a period one counts in
        if start <= tx.start and tx.end <= end + 40 and not doc.text[end:tx.start].count("."):
            return period_of(tx), index
    # "of the year", "in that day": a period the date tagger leaves alone, as it names no date
    match = _PERIOD_AFTER.match(doc.text, start, min(len(doc.text), end + 40))
    return (f"this {match.group(1).lower()}" if match else None), None


def period_of(tx: TemporalExpression) -> str:
    if tx.start_date and tx.end_date:
        return tx.start_date if tx.start_date == tx.end_date else f"{tx.start_date}/{tx.end_date}"
    return tx.value or tx.text.lower()


def ordinal_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    claims = []
    for token in parsed:
        n = read_ordinal(token.text)
        if n is None or token.ent_type_ in ("DATE", "TIME") or token.head.pos_ != "NOUN" or token.head == token:
            continue
        noun = token.head
        phrase_end = max(t.idx + len(t) for t in noun.subtree)
        start = min([token.idx] + [t.idx for t in noun.subtree if t.i < token.i and t.dep_ == "poss"])
        clause = _clause_of(noun)
        scope, scope_timex = _scope(doc, noun.idx, phrase_end)
        claims.append(_claim(ClaimKind.ORDINAL, doc.text, start, noun.idx + len(noun), token.sent,
                             value=str(n), about=noun.lemma_.lower(), scope=scope, scope_timex=scope_timex,
                             context=_context(clause, (token.idx, token.idx + len(token)), parsed),
                             source=_speaker(token.sent, doc.text)))
    return claims


def _negated(token: Token, mention: EventMention) -> bool:
    """ "did not issue", and "no order was issued", "never": the event did not happen. "The strike
    is not necessary" judges the strike; it does not deny it."""
    things = [c for c in token.children if c.dep_ in ("nsubjpass", "nsubj", "dobj")]
    if any(c.lower_ == "never" for c in token.children) or any(t.lower_ == "none" for t in things):
        return True
    if any(c.lower_ == "no" and c.dep_ == "det" for thing in things for c in thing.children):
        return True  # "no order was issued"; but "he wrote: No." answers, it denies nothing
    judged = token.pos_ == "NOUN" and token.head.lemma_ == "be" and any(
        c.dep_ in ("acomp", "attr") for c in token.head.children)
    return mention.modality.value == "negated" and not judged


def _reports_occurrence(verb: Token) -> bool:
    """A finite verb in the past or the perfect, outside conditions, relative clauses and questions:
    "the army was deployed", "had not been inspected", "did not sign" report that something happened
    or did not; "to wash hands", "schools are not closed if...", "people who have not visited" and
    "do you think" state habits, rules and opinions."""
    if verb.pos_ != "VERB" or verb.dep_ in ("relcl", "xcomp", "csubj", "acl", "amod", "pcomp"):
        return False
    if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children):
        return False
    if verb.sent.text.rstrip().endswith("?"):
        return False
    if any(t.lower_ in FIRST_AND_SECOND_PERSON for t in verb.sent):
        return False  # "I believe the rig was owned...", "you washed": readers' comments and asides
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return True
    return any(a.tag_ == "VBD" or (a.lemma_ == "have" and verb.tag_ == "VBN") for a in auxiliaries)


def event_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    """That something happened or did not ("an evacuation order had been issued", "the army had not
    been deployed"), and the day the text gives it ("opened ... on Saturday"), per event word."""
    claims = []
    by_start = {t.idx: t for t in parsed}
    for index, mention in enumerate(doc.event_mentions):
        token = by_start.get(mention.start)
        if token is None or mention.type in NOT_DATED_TYPES or mention.modality.value in ("hedged", "planned"):
            continue
        clause = _clause_of(token)
        negated = _negated(token, mention)
        speaker = mention.argument("attribution")
        if _reports_occurrence(token):
            claims.append(_claim(ClaimKind.EVENT, doc.text, mention.start, mention.end, token.sent,
                                 value="did not happen" if negated else "happened", about=mention.lemma,
                                 context=_context(clause, (0, 0), parsed), negated=negated, source=speaker,
                                 mention=index))
        tx = doc.temporal_expressions[mention.timex] if mention.timex is not None else None
        # Kept even while unresolved ("on Monday" under a dateline without a year): the corpus stages
        # may date the document, and the day is read again from the expression then.
        if tx is not None and not negated and (tx.granularity in ("day", "time") or tx.rule in DAY_RULES):
            claims.append(_claim(ClaimKind.DATE, doc.text, mention.start, mention.end, token.sent,
                                 value=tx.start_date, about=mention.lemma,
                                 context=_context(clause, (tx.start, tx.end), parsed), source=speaker,
                                 mention=index))
    return claims


def possession_claims(parsed: SpacyDoc, text: str) -> list[Claim]:
    """ "The mine had a valid licence" / "had no valid licence": having is no event word, but whether
    something was had is checkable, and sources deny it."""
    claims = []
    for token in parsed:
        if token.lemma_ != "have" or token.tag_ != "VBD" or token.dep_ in ("aux", "auxpass", "relcl", "advcl"):
            continue  # "the mine had a licence"; not "the population has no immunity", a standing state
        subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.pos_ == "PRON":
            continue
        thing = next((c for c in token.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
        if thing is None:
            continue
        negated = any(c.dep_ == "neg" for c in token.children) or any(
            c.lower_ in ("no", "never") for c in (*thing.children, *token.children))
        about = f"have {thing.lemma_.lower()}"
        claims.append(_claim(ClaimKind.EVENT, text, token.idx, thing.idx + len(thing), token.sent,
                             value="did not happen" if negated else "happened", about=about, negated=negated,
                             context=_context(token, (0, 0), parsed), source=_speaker(token.sent, text)))
    return claims


def quote_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    """Quotations of three words or more, with the speaker of their sentence (or the next one's:
    '"We have waited," he said.')."""
    claims = []
    sentences = list(parsed.sents)
    for match in _QUOTE.finditer(doc.text):
        if len(match.group(1).split()) < 3:
            continue  # scare quotes ("elections") are framing, not quotations
        sentence = next((s for s in sentences if s.start_char <= match.start() < s.end_char), None)
        if sentence is None:
            continue
        speaker = _speaker(sentence, doc.text)
        later = [s for s in sentences if s.start_char >= match.end()]
        if speaker is None and later and later[0].start_char - match.end() < 3:
            speaker = _speaker(later[0], doc.text)
        claims.append(_claim(ClaimKind.QUOTE, doc.text, match.start(1), match.end(1), sentence,
                             value=match.group(1), source=speaker, context=match.group(1)))
    return claims


def attribution_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    """Sentences that give what they say as a named source's ("according to Xinhua", "police said")."""
    claims = []
    for sentence in parsed.sents:
        speaker = _speaker(sentence, doc.text)
        if speaker and not _QUOTE.search(sentence.text):
            claims.append(_claim(ClaimKind.ATTRIBUTION, doc.text, sentence.start_char, sentence.end_char,
                                 sentence, source=speaker, context=sentence.text))
    return claims


def extract_claims(doc: Document, parsed: SpacyDoc) -> list[Claim]:
    found = (quantity_claims(parsed, doc.text) + ordinal_claims(doc, parsed) + event_claims(doc, parsed)
             + possession_claims(parsed, doc.text)
             + quote_claims(doc, parsed) + attribution_claims(doc, parsed))
    return sorted(found, key=lambda c: (c.start, c.kind.value))


@stage("claims", scope="document",
       reads=["batch.parses", "document.temporal_expressions", "document.event_mentions"], writes=["document.claims"])
def claims_stage(documents: list[Document], ctx: Context) -> None:
    """Extract checkable statements: numbers, ordinals, dated and negated events, quotes, attributions."""
    parses = ctx.parses
    for doc in documents:
        parsed = parses.get(doc.id)
        doc.claims = extract_claims(doc, parsed) if parsed is not None else []
