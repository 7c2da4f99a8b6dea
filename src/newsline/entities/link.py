"""Entity linking v1: one entity per person, organisation and place across documents and spellings.

Mentions are grouped by a folded surface form; the label of a form is decided by majority vote
over the corpus (a name tagged PERSON four times and ORG once is a PERSON). Person names merge when
their first and last names share a transliteration key (names.py: Aleksandr/Alexander,
Tsikhanouskaya/Tikhanovskaya, never across the gendered endings -skaya/-ski);
a lone surname or given name joins the full name it belongs to, in the same document first and
across the corpus when that is unambiguous; acronyms join their expansions (U.S. / United States).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

from ..model import Citation, Corpus, Entity, EntityRole
from ..registry import Context, stage
from ..union import UnionFind
from .aliases import AliasEntry
from .names import name_key

PLACE_LABELS = {"GPE", "LOC", "FAC"}
LINKED_LABELS = {"PERSON", "ORG"} | PLACE_LABELS
HONORIFICS = {"mr", "mrs", "ms", "dr", "president", "prime", "minister", "sir", "madam", "gen", "general"}


def fold(name: str) -> str:
    """Lower-case ASCII form without dots, hyphens or apostrophes: 'U.S.' -> 'us'."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    text = re.sub(r"[.'’`]", "", text)
    text = re.sub(r"[^a-z0-9]+", " ", text)
    return re.sub(r"^the ", "", text.strip())


def group_of(label: str) -> str:
    return "PLACE" if label in PLACE_LABELS else label


def acronym(name: str) -> str | None:
    words = [w for w in re.findall(r"[A-Za-z]+", name) if w[0].isupper()]
    return "".join(w[0] for w in words).lower() if len(words) >= 2 else None


def _person_tokens(form: str) -> list[str]:
    return [t for t in form.split() if t not in HONORIFICS]


def link_entities(corpus: Corpus, aliases: list[AliasEntry] | None = None) -> list[Entity]:
    votes: dict[str, Counter] = defaultdict(Counter)
    for doc in corpus.documents:
        for m in doc.mentions:
            if m.label in LINKED_LABELS:
                votes[fold(m.text)][group_of(m.label)] += 1
    label_of = {form: counts.most_common(1)[0][0] for form, counts in votes.items() if form}
    forms: UnionFind[tuple[str, str]] = UnionFind()
    for form, group in label_of.items():
        forms.find((group, form))
    _merge_full_names(forms, label_of)
    _merge_short_forms(forms, label_of, corpus)
    _merge_acronyms(forms, label_of)
    known = _merge_table(forms, label_of, aliases or [])
    return _build_entities(forms, label_of, corpus, known)


def _merge_full_names(forms: UnionFind, label_of: dict[str, str]) -> None:
    by_key: dict[str, list[str]] = defaultdict(list)
    for form, group in label_of.items():
        tokens = _person_tokens(form)
        if group == "PERSON" and len(tokens) >= 2:
            by_key[f"{name_key(tokens[0])}|{name_key(tokens[-1])}"].append(form)
    for members in by_key.values():
        for other in members[1:]:
            forms.union(("PERSON", members[0]), ("PERSON", other))


def _merge_short_forms(forms: UnionFind, label_of: dict[str, str], corpus: Corpus) -> None:
    full = [f for f, g in label_of.items() if g == "PERSON" and len(_person_tokens(f)) >= 2]
    corpus_index: dict[str, set] = defaultdict(set)
    for form in full:
        tokens = _person_tokens(form)
        for token in (tokens[0], tokens[-1]):
            corpus_index[_short_key(token)].add(forms.find(("PERSON", form)))
    for doc in corpus.documents:
        local: dict[str, set] = defaultdict(set)
        for m in doc.mentions:
            form = fold(m.text)
            tokens = _person_tokens(form)
            if label_of.get(form) == "PERSON" and len(tokens) >= 2:
                for token in (tokens[0], tokens[-1]):
                    local[_short_key(token)].add(forms.find(("PERSON", form)))
        for m in doc.mentions:
            form = fold(m.text)
            if label_of.get(form) != "PERSON" or len(_person_tokens(form)) != 1:
                continue
            key = _short_key(form)
            targets = local.get(key) or corpus_index.get(key, set())
            if len(targets) == 1:
                forms.union(("PERSON", form), next(iter(targets)))


def _short_key(word: str) -> str:
    """A lone name joins a full name by transliteration key; a short one ("Xi", "Kim") only as written."""
    return name_key(word) if len(word) >= 5 else f"={word}"


def _merge_acronyms(forms: UnionFind, label_of: dict[str, str]) -> None:
    short = {(g, f) for f, g in label_of.items() if g != "PERSON" and " " not in f and len(f) <= 5}
    for form, group in label_of.items():
        if group == "PERSON":
            continue
        initials = acronym(form.title()) if " " in form else None
        for candidate_group in (group, "ORG", "PLACE"):
            if initials and (candidate_group, initials) in short:
                forms.union((group, form), (candidate_group, initials))
                break


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "x"


def _merge_table(forms: UnionFind, label_of: dict[str, str], aliases: list[AliasEntry]) -> dict:
    """Every name of a table entry that the corpus mentions goes into one entity: the entry's."""
    roots: dict[tuple[str, str], AliasEntry] = {}
    for entry in aliases:
        present = [(label_of[f], f) for f in (fold(n) for n in entry.names) if f in label_of]
        for key in present[1:]:
            forms.union(present[0], key)
        if present:
            roots[present[0]] = entry
    return {forms.find(key): entry for key, entry in roots.items()}


def _build_entities(forms: UnionFind, label_of: dict[str, str], corpus: Corpus,
                    known: dict | None = None) -> list[Entity]:
    surfaces: dict[tuple[str, str], Counter] = defaultdict(Counter)
    labels: dict[tuple[str, str], Counter] = defaultdict(Counter)
    docs: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc in corpus.documents:
        for m in doc.mentions:
            form = fold(m.text)
            if form not in label_of:
                continue
            root = forms.find((label_of[form], form))
            surfaces[root][m.text] += 1
            labels[root][m.label] += 1
            if doc.id not in docs[root]:
                docs[root].append(doc.id)
    ids: dict[tuple[str, str], str] = {}
    entities: list[Entity] = []
    for root, counts in surfaces.items():
        entry = (known or {}).get(root)
        name = entry.names[0] if entry else _canonical_name(counts)
        kind = entry.type if entry else labels[root].most_common(1)[0][0]
        if kind not in LINKED_LABELS:
            kind = "GPE" if root[0] == "PLACE" else root[0]
        entity_id = entry.id if entry else f"{kind.lower()}:{_slug(name)}"
        while entity_id in {e.id for e in entities}:
            entity_id += "-2"
        ids[root] = entity_id
        aliases = sorted({s for s in counts if s != name})
        entities.append(Entity(id=entity_id, name=name, type=kind, aliases=aliases,
                               documents=docs[root], mentions=sum(counts.values()),
                               description=entry.description if entry else None,
                               wikidata=entry.wikidata if entry else None))
    for doc in corpus.documents:
        for m in doc.mentions:
            form = fold(m.text)
            m.entity = ids.get(forms.find((label_of[form], form))) if form in label_of else None
    _attach_roles(corpus, {e.id: e for e in entities})
    entities.sort(key=lambda e: (-e.mentions, e.name))
    return entities


def _attach_roles(corpus: Corpus, by_id: dict[str, Entity]) -> None:
    """Each entity's roles as the documents state them, one per wording, with every citation."""
    for doc in corpus.documents:
        entity_at = {m.start: m.entity for m in doc.mentions if m.entity}
        for role in doc.roles:
            entity = by_id.get(entity_at.get(role.mention, ""))
            if entity is None:
                continue
            same = next((r for r in entity.roles if fold(r.text) == fold(role.text)), None)
            if same is None:
                same = EntityRole(text=role.text)
                entity.roles.append(same)
            same.citations.append(Citation(document=doc.id, text=role.text, start=role.start, end=role.end))


def _canonical_name(counts: Counter) -> str:
    """The fullest well-attested form: most tokens among forms seen at least twice, else overall."""
    def rank(item: tuple[str, int]) -> tuple[int, int, int]:
        form, count = item
        return (len(form.split()) if count >= 2 else 0, count, len(form.split()))

    best = max(counts.items(), key=rank)[0]
    longer = [f for f in counts if len(f.split()) > len(best.split())]
    if counts[best] < 2 and longer:
        best = max(longer, key=lambda f: (counts[f], len(f)))
    return best


@stage("link_entities", scope="corpus", reads=["document.mentions", "document.roles"],
       writes=["corpus.entities", "document.mentions.entity"])
def link_entities_stage(corpus: Corpus, ctx: Context) -> None:
    """Merge mentions into canonical entities across documents and spellings."""
    corpus.entities = link_entities(corpus, list(ctx.settings.aliases))
