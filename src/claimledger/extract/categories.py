"""What a number counts, read from the dependency parse around it.

Evidence is looked for in three places, nearest first, and the first place
that gives any wins:

1. modifiers of the counted word ("12 people *killed*", "40 *dead*",
   "people who *were killed*", "*fatally*");
2. the predicate governing it ("*killed* 12 people", "12 people *were killed*",
   "*left* 3 *dead*", "the death *toll* rose to 40", "were confirmed *kills*");
3. the counted noun itself ("3,000 *casualties*", "12 *prisoners*").

Lexicons are lemma lists in ``data/quantities.json``. Killed plus wounded
evidence on one number is ``killed_or_wounded`` ("killed or wounded",
"3,000 dead and wounded"); a coordinated predicate that has its own number
("12 killed and 30 wounded") is evidence for that number only. "Shot" alone
counts as ``shot_is`` in the lexicon file (wounded) and yields to any killed
evidence ("shot dead", "shot and killed", "fatally shot").
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from importlib import resources

from spacy.tokens import Token

from claimledger.extract.numbers import is_number_word

__all__ = [
    "Lexicons",
    "across_dash",
    "category_of",
    "counted_noun",
    "lemma",
    "is_partitive",
    "lexicons",
    "merge",
    "phrase_across_dash",
    "predicate_evidence",
    "qualifier_of",
    "read_category",
    "shot_only",
]

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_OBJECTS = {"dobj", "nsubjpass", "obj"}
_PREDICATIVES = {"oprd", "acomp", "attr", "xcomp", "ccomp"}
_MODIFIERS = {"amod", "acl", "relcl", "appos", "advmod", "npadvmod", "conj", "oprd"}
#: Prepositions that put a figure on a noun: "put *at* 40", "rose *to* 40", "a toll *of* 40".
_FIGURE_PREPS = {"at", "to", "of"}
_HARMED = {"killed", "wounded", "killed_or_wounded"}
_PERSON_ENDINGS = ("ers", "ists", "ans", "men", "ees", "ors", "ants", "ents", "ites", "ese")
_PART_PRONOUNS = {"them", "whom", "those", "these", "which"}
_DASHES = {"-", "–", "—", "―"}
_ORDER = ("killed_or_wounded", "killed", "wounded", "captured", "missing", "displaced")


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Lemma -> category tables, loaded from ``data/quantities.json``."""

    nouns: dict[str, str]
    adjectives: dict[str, str]
    victim_verbs: dict[str, str]
    subject_verbs: dict[str, str]
    adverbs: dict[str, str]
    event_nouns: dict[str, str]
    figure_nouns: frozenset[str]
    suffer_verbs: frozenset[str]
    destinations: dict[str, str]
    collectives: frozenset[str]
    qualifiers: dict[str, str]
    units: frozenset[str]
    persons: frozenset[str]
    not_persons: frozenset[str]
    shot_is: str


def _inverted(table: dict[str, list[str]]) -> dict[str, str]:
    return {word: category for category, words in table.items() for word in words}


@cache
def lexicons() -> Lexicons:
    """Load the packaged lexicons once."""
    path = resources.files("claimledger.extract").joinpath("data/quantities.json")
    raw = json.loads(path.read_text(encoding="utf-8"))
    return Lexicons(
        nouns=_inverted(raw["nouns"]),
        adjectives=_inverted(raw["adjectives"]),
        victim_verbs=_inverted(raw["victim_verbs"]),
        subject_verbs=_inverted(raw["subject_verbs"]),
        adverbs=_inverted(raw["adverbs"]),
        event_nouns=_inverted(raw["event_nouns"]),
        figure_nouns=frozenset(raw["figure_nouns"]),
        suffer_verbs=frozenset(raw["suffer_verbs"]),
        destinations=dict(raw["destinations"]),
        collectives=frozenset(raw["collectives"]),
        qualifiers=dict(raw["qualifiers"]),
        units=frozenset(raw["units"]),
        persons=frozenset(raw["persons"]),
        not_persons=frozenset(raw.get("not_persons", ())),
        shot_is=raw["shot_is"],
    )


def lemma(token: Token) -> str:
    """Lower-case lemma, falling back to the lower-cased text (hand-built Docs)."""
    return (token.lemma_ or token.text).lower()


def _is_number(token: Token) -> bool:
    return token.like_num or token.pos_ == "NUM" or token.tag_ == "CD"


def _has_own_number(token: Token) -> bool:
    """True if ``token`` has a numeric argument of its own ("30 wounded")."""
    for child in token.children:
        if child.dep_ in _SUBJECTS | _OBJECTS | {"nummod"} and (
            _is_number(child) or any(_is_number(c) for c in child.children if c.dep_ == "nummod")
        ):
            return True
    return False


def _word_category(token: Token, lex: Lexicons) -> str | None:
    word, text = lemma(token), token.lower_
    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        return lex.victim_verbs.get(word) or lex.subject_verbs.get(word) or lex.adjectives.get(text)
    return lex.adjectives.get(text) or lex.adverbs.get(text) or lex.nouns.get(word)


def _with_conjuncts(token: Token) -> Iterator[Token]:
    yield token
    for conj in token.conjuncts:
        if not _has_own_number(conj):
            yield conj


def _verb_extras(verb: Token, lex: Lexicons, *, nested: bool = True) -> Iterator[str]:
    """Categories a predicate adds: "shot *dead*", "shot and *killed*", "*fatally*"."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and any(c.dep_ in _SUBJECTS for c in child.children):
            continue  # "two were killed, two others injured": a clause of its own
        if child.dep_ in _PREDICATIVES | {"advmod"}:
            found = _word_category(child, lex)
            if found:
                yield found
            if child.dep_ == "xcomp" and nested:
                yield from _verb_extras(child, lex, nested=False)  # "found shot dead"
        if child.dep_ == "prep" and child.lower_ == "among":
            yield from _among(child, lex)  # "two policemen were among those killed"
        if child.dep_ == "prep" and child.lower_ in {"for", "from", "with"}:
            yield from _wound_nouns(verb, child, lex)  # "treated for injuries"
        if child.dep_ == "prep" and child.lower_ in {"to", "into", "in"}:
            for target in child.children:
                # "shot to death", "taken to the hospital", "in critical condition"
                found = lex.destinations.get(lemma(target))
                if found and target.dep_ == "pobj" and (child.lower_ != "in" or found != "killed"):
                    yield found
    for conj in verb.conjuncts:
        if conj.i < verb.i:
            continue  # "A was killed and B was wounded": "killed" is A's, not B's
        if not any(c.dep_ in _SUBJECTS | _OBJECTS for c in conj.children):
            found = lex.victim_verbs.get(lemma(conj)) or lex.adjectives.get(conj.lower_)
            if found:
                yield found


def _wound_nouns(verb: Token, prep: Token, lex: Lexicons) -> Iterator[str]:
    """ "treated for injuries", "suffering from gunshot wounds", "found with a wound"."""
    word = lemma(verb)
    if (lex.victim_verbs.get(word) or lex.subject_verbs.get(word)) == "killed":
        return  # "died of his wounds": the wound is how they died
    for target in prep.children:
        if target.dep_ == "pobj" and lex.nouns.get(lemma(target)) == "wounded":
            yield "wounded"


def _among(prep: Token, lex: Lexicons) -> Iterator[str]:
    for group in prep.children:
        if group.dep_ != "pobj":
            continue
        for token in (group, *(c for c in group.children if c.dep_ in {"acl", "relcl", "amod"})):
            found = _word_category(token, lex)
            if found:
                yield found


def _modifier_evidence(anchor: Token, lex: Lexicons) -> set[str]:
    found: set[str] = set()
    for child in anchor.children:
        if child.dep_ not in _MODIFIERS or _is_number(child):
            continue
        if child.dep_ in {"conj", "appos"} and _has_own_number(child):
            continue  # "One KIA, two WIA": the apposed figure is another count
        if child.dep_ == "relcl" and (
            any(c.dep_ == "dobj" for c in child.children) or is_partitive(child)
        ):
            continue  # agents ("troops who killed 3") or a part ("X, of which Y were killed")
        for token in _with_conjuncts(child):
            category = _word_category(token, lex)
            if category:
                found.add(category)
            if token.dep_ in {"relcl", "acl"}:
                found.update(_verb_extras(token, lex))
                found.update(_gapped_verbs(token, lex))
    return found


def is_partitive(clause: Token) -> bool:
    """True for a relative clause opened by "of which", "of whom", "among them"."""
    return any(
        t.lower_ in {"of", "among"} and any(c.lower_ in _PART_PRONOUNS for c in t.children)
        for t in clause.subtree
    )


def _gapped_verbs(verb: Token, lex: Lexicons) -> Iterator[str]:
    """ "troops officials say it has *sent*": a clause whose object is the gap."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and not any(c.dep_ in _OBJECTS for c in child.children):
            found = lex.victim_verbs.get(lemma(child))
            if found:
                yield found


def _role(anchor: Token) -> Token:
    node = anchor
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    # "killing one - command": the number takes the place of the phrase it hangs on.
    return phrase_across_dash(node) or node


def across_dash(number: Token, head: Token) -> bool:
    """True if a dash stands between a number and its head ("rises to three - the mayor").

    Headlines end with "- <source>"; the parser then hangs the number on the source.
    """
    low, high = sorted((number.i, head.i))
    between = number.doc[low + 1 : high]
    for token in between:
        # A dash right before another number joins a range ("1-Two"), not a source;
        # one inside a word ("self-defence") joins the word.
        spaced = bool(token.whitespace_ or token.nbor(-1).whitespace_)
        if token.text in _DASHES and spaced and not _is_number(token.nbor()):
            return True
    return False


def phrase_across_dash(number: Token) -> Token | None:
    """The head of the phrase a number hangs on across a dash, if it does."""
    if number.dep_ != "nummod" or not across_dash(number, number.head):
        return None
    node = number.head
    while node.dep_ in {"compound", "nmod"} and node.head.i > node.i:
        node = node.head
    return node


def predicate_evidence(anchor: Token, lex: Lexicons) -> set[str]:
    node = _role(anchor)
    verb, role = node.head, node.dep_
    if verb == node:
        return set()
    if role == "pobj":
        evidence = _pobj_evidence(node.head, lex)
        if not evidence and _is_number(anchor) and node.head.lower_ in {"to", "at"}:
            evidence = _earlier_figure_noun(node.head, lex)  # "toll in X rises to 3"
        return evidence
    if role == "attr" or role == "npadvmod":
        return _figure_evidence(_subject(verb), lex) if _subject(verb) is not None else set()
    found: set[str] = set()
    word = lemma(verb)
    if role in _OBJECTS and word in lex.victim_verbs:
        found.add(lex.victim_verbs[word])
    elif role == "nsubj" and word in lex.subject_verbs:
        found.add(lex.subject_verbs[word])
    elif role == "nsubj" and word in lex.victim_verbs and _stative(verb):
        found.add(lex.victim_verbs[word])  # "30 wounded": a stative participle
    elif role == "nsubj" and word in lex.suffer_verbs:
        found.update(  # "4 people suffered injuries"
            lex.nouns[lemma(c)] for c in verb.children if c.dep_ == "dobj" and lemma(c) in lex.nouns
        )
    if role in _OBJECTS | _SUBJECTS:
        found.update(_verb_extras(verb, lex))
    return found


def _stative(verb: Token) -> bool:
    """ "30 wounded" (a participle with no object), not "gunmen shot and killed 4"."""
    return not any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in _SUBJECTS | {"dobj"}:
            return child
    return None


def _pobj_evidence(prep: Token, lex: Lexicons) -> set[str]:
    head = prep.head
    if head == prep or prep.lower_ not in _FIGURE_PREPS:
        return set()
    if prep.lower_ == "of" and lemma(head) in lex.event_nouns:
        event = {lex.event_nouns[lemma(head)]}  # "the assassination of six priests"
        return event | {lex.adjectives[c.lower_] for c in head.lefts if c.lower_ in lex.adjectives}
    if head.pos_ in {"NOUN", "PROPN"}:
        return _figure_evidence(head, lex)  # "a death toll of 40"
    while head.dep_ in {"acl", "conj", "relcl"} and head.pos_ not in {"NOUN", "PROPN"}:
        head = head.head  # "the number killed or wounded at 40"
    if head.pos_ in {"NOUN", "PROPN"}:
        return _figure_evidence(head, lex)
    found: set[str] = set()
    for child in head.children:
        if child.dep_ in _SUBJECTS | {"dobj"}:
            found.update(_figure_evidence(child, lex))  # "put the number killed at 40"
    return found


def _earlier_figure_noun(prep: Token, lex: Lexicons) -> set[str]:
    """ "Death toll in X rises to 3" parsed without a subject: the nearest figure noun
    before the number in its sentence, with the words that hang on it."""
    start = prep.sent.start if prep.doc.has_annotation("SENT_START") else 0
    for token in reversed(prep.doc[start : prep.i]):
        if lemma(token) in lex.figure_nouns:
            words = (_word_category(t, lex) for t in token.subtree if t.i < prep.i)
            return {c for c in words if c in _HARMED}  # a toll counts people
    return set()


def _figure_evidence(noun: Token | None, lex: Lexicons) -> set[str]:
    """Categories of a figure noun: "death *toll*", "the *number* killed", "*casualties*"."""
    if noun is None:
        return set()
    if lemma(noun) in lex.nouns and lemma(noun) not in lex.figure_nouns:
        return {lex.nouns[lemma(noun)]}
    if lemma(noun) not in lex.figure_nouns:
        return set()
    found: set[str] = set()
    for child in noun.children:
        targets = [child] if child.dep_ != "prep" else [c for c in child.children]
        for target in targets:
            for token in _with_conjuncts(target):
                category = _word_category(token, lex)
                if category:
                    found.add(category)
    return found


def merge(categories: Iterable[str], lex: Lexicons) -> str | None:
    """Resolve the evidence found at one place into one category."""
    found = set(categories)
    if "shot" in found:
        found.discard("shot")
        if not found & {"killed", "killed_or_wounded"}:
            found.add(lex.shot_is)
    if {"killed", "wounded"} <= found:
        return "killed_or_wounded"
    for category in _ORDER:
        if category in found:
            return category
    return min(found) if found else None


def counted_noun(anchor: Token) -> Token | None:
    """The noun a number counts: its head noun, or X in "dozens of X"."""
    if anchor.pos_ in {"NOUN", "PROPN"} and not _is_number(anchor):
        if not is_number_word(anchor.text):
            return anchor
    for child in anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects and objects[0].pos_ in {"NOUN", "PROPN", "ADJ"}:
                return objects[0]
    return None


def category_of(anchor: Token, *, lex: Lexicons | None = None) -> str | None:
    """Return the category of the number whose counted word is ``anchor``, or None."""
    return read_category(anchor, lex=lex or lexicons())[0]


def shot_only(evidence: set[str]) -> bool:
    """True if "shot" alone decides: "4 were shot" (may include the dead), not "shot dead"."""
    return "shot" in evidence and not evidence & _HARMED


def read_category(anchor: Token, *, lex: Lexicons) -> tuple[str | None, bool]:
    """The category of the number whose counted word is ``anchor``, and whether only
    "shot" decided it (see :func:`shot_only`)."""
    counted = counted_noun(anchor)
    own = lex.adjectives.get(anchor.lower_) if anchor.pos_ in {"ADJ", "VERB"} else None
    places = [{own} if own else set(), _modifier_evidence(anchor, lex)]  # "67 dead"
    if counted is not None and counted != anchor:
        places.append(_modifier_evidence(counted, lex))
    places.append(predicate_evidence(anchor, lex))
    if counted is not None:
        places.append({lex.nouns[lemma(counted)]} if lemma(counted) in lex.nouns else set())
    places.append(_next_word_evidence(anchor, lex))
    for evidence in places:
        shot = shot_only(evidence)
        if shot and _deaths_nearby(anchor, lex):
            evidence = evidence | {"killed_or_wounded"}  # "nine were shot, one fatally"
        category = merge(evidence, lex)
        if category in _HARMED and counted is not None and not _living(counted, lex):
            return None, False  # "17 search warrants were executed": things are not casualties
        if category:
            return category, shot
    return None, False


def _deaths_nearby(anchor: Token, lex: Lexicons) -> bool:
    """True if the number's sentence also speaks of deaths: then "shot" counts both."""
    sentence = anchor.sent if anchor.doc.has_annotation("DEP") else anchor.doc[:]
    return any(
        lex.victim_verbs.get(lemma(t)) == "killed"
        or lex.subject_verbs.get(lemma(t)) == "killed"
        or lex.adjectives.get(t.lower_) == "killed"
        or lex.adverbs.get(t.lower_) == "killed"
        or lex.event_nouns.get(lemma(t)) == "killed"
        for t in sentence
    )


def _living(noun: Token, lex: Lexicons) -> bool:
    """Could ``noun`` count people? Person words, nationalities, names, "-ers"/"-ians"."""
    word = lemma(noun)
    if word in lex.persons or word in lex.nouns or noun.ent_type_ in {"NORP", "PERSON"}:
        return True
    if word in lex.not_persons:
        return False  # machines that end like people: "two helicopters were shot down"
    if noun.pos_ == "PROPN" or noun.tag_ == "NNP":
        return True
    return noun.lower_.endswith(_PERSON_ENDINGS)


def _next_word_evidence(anchor: Token, lex: Lexicons) -> set[str]:
    """ "about 1,000 wounded" however it was parsed: a casualty word right after."""
    doc = anchor.doc
    if anchor.i + 1 >= len(doc) or anchor.pos_ not in {"NUM", "NOUN", "PROPN"}:
        return set()
    found = lex.adjectives.get(doc[anchor.i + 1].lower_)
    return {found} if found else set()


def qualifier_of(anchor: Token, *, lex: Lexicons | None = None) -> str | None:
    """A qualifier word next to the number: "*confirmed* kills", "were *confirmed* dead"."""
    lex = lex or lexicons()
    head = _role(anchor).head
    near = [c for c in anchor.children if c.dep_ in {"amod", "advmod"}]
    if not (head.dep_ == "relcl" and is_partitive(head) and head.head == anchor):
        near += [head, *(c for c in head.children if c.dep_ in {"amod", "advmod", "acomp"})]
    for token in near:
        found = lex.qualifiers.get(lemma(token)) or lex.qualifiers.get(token.lower_)
        if found:
            return found
    return None
