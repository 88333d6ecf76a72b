"""What a number counts, read from the dependency parse around it.

Evidence is looked for in three places, nearest first, and the first place
that gives any wins:

1. modifiers of the counted word ("12 people *killed*", "40 *dead*",
   "people who *were killed*", "*fatally*");
2. the predicate governing it ("*killed* 12 people", "12 people *were killed*",
   "*left* 3 *dead*", "the death *toll* rose to 40", "were confirmed *kills*");
3. the counted noun itself ("3,000 *casualties*", "12 *prisoners*").

The lexicons live in :mod:`.casualty_words`, the predicate evidence (2.) in
:mod:`.predicates`. Killed plus wounded evidence on one number is
``killed_or_wounded`` ("killed or wounded", "3,000 dead and wounded"); a
coordinated predicate that has its own number ("12 killed and 30 wounded") is
evidence for that number only. "Shot" alone counts as ``shot_is`` in the
lexicon file (wounded) and yields to any killed evidence ("shot dead", "shot
and killed", "fatally shot").
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from claimledger.extract.casualty_words import (
    OBJECT_DEPS,
    Lexicons,
    has_own_number,
    is_number,
    lemma,
    lexicons,
    with_conjuncts,
    word_category,
)
from claimledger.extract.numbers import is_number_word
from claimledger.extract.predicates import (
    across_dash,
    phrase_across_dash,
    predicate_evidence,
    role_token,
    suffered,
    verb_extras,
    wounds_with,
)

__all__ = [
    "Lexicons",
    "across_dash",
    "category_of",
    "counted_noun",
    "deaths_nearby",
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

_MODIFIERS = {"amod", "acl", "relcl", "appos", "advmod", "npadvmod", "conj", "oprd"}
_HARMED = {"killed", "wounded", "killed_or_wounded"}
_VICTIM_NOUNS = {"victim"}
_PERSON_ENDINGS = ("ers", "ists", "ans", "men", "ees", "ors", "ants", "ents", "ites", "ese")
_PART_PRONOUNS = {"them", "whom", "those", "these", "which"}
#: A number on these counts the wounds, not the wounded ("two injuries" may count people).
_WOUNDS = {"wound", "bruise", "laceration", "fracture", "abrasion", "concussion"}
_APART = {"other", "others", "another", "additional"}
_ORDER = ("killed_or_wounded", "killed", "wounded", "captured", "missing", "displaced")


def _modifier_evidence(anchor: Token, lex: Lexicons) -> set[str]:
    found: set[str] = set(wounds_with(anchor, lex))  # "three men with gunshot wounds"
    for child in anchor.children:
        if child.dep_ == "amod" and lemma(child) in lex.event_nouns:
            found.add(lex.event_nouns[lemma(child)])  # "shooting victims": shot, no attack
            continue
        if child.dep_ not in _MODIFIERS or is_number(child):
            continue
        if child.dep_ in {"conj", "appos"} and has_own_number(child):
            continue  # "One KIA, two WIA": the apposed figure is another count
        if child.dep_ == "relcl" and lemma(child) in lex.suffer_verbs:
            found.update(suffered(child, lex))  # "two victims who suffered gunshot wounds"
            continue
        if child.dep_ == "relcl" and (
            any(c.dep_ == "dobj" for c in child.children) or is_partitive(child)
        ):
            continue  # agents ("troops who killed 3") or a part ("X, of which Y were killed")
        for token in with_conjuncts(child):
            category = word_category(token, lex)
            if category:
                found.add(category)
            if token.dep_ in {"relcl", "acl"}:
                found.update(verb_extras(token, lex))
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
        if child.dep_ in {"ccomp", "xcomp"} and not any(
            c.dep_ in OBJECT_DEPS for c in child.children
        ):
            found = lex.victim_verbs.get(lemma(child))
            if found:
                yield found


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
    if anchor.pos_ in {"NOUN", "PROPN"} and not is_number(anchor):
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
    if counted is not None and (counted.lower_ in _WOUNDS or lemma(counted) in _WOUNDS):
        return None, False  # "two gunshot wounds", "94 stab wounds": wounds, not people
    own = lex.adjectives.get(anchor.lower_) if anchor.pos_ in {"ADJ", "VERB"} else None
    places = [{own} if own else set(), _modifier_evidence(anchor, lex)]  # "67 dead"
    if counted is not None and counted != anchor:
        places.append(_modifier_evidence(counted, lex))
    places.append(predicate_evidence(anchor, lex))
    if counted is not None:
        places.append({lex.nouns[lemma(counted)]} if lemma(counted) in lex.nouns else set())
        places.append(_victim_kind(counted, lex))
    places.append(_next_word_evidence(anchor, lex))
    apart = _besides(anchor, counted)
    for evidence in places:
        shot = shot_only(evidence) and not apart
        if shot and deaths_nearby(anchor, lex):
            evidence = evidence | {"killed_or_wounded"}  # "nine were shot, one fatally"
        category = merge(evidence, lex)
        if category in _HARMED and counted is not None and not _living(counted, lex):
            return None, False  # "17 search warrants were executed": things are not casualties
        if category:
            return category, shot
    return None, False


def _besides(anchor: Token, counted: Token | None) -> bool:
    """ "two were killed and three *others* were shot": people counted apart from the
    dead, so "shot" or "taken to hospital" counts no deaths among them."""
    words = {anchor, *anchor.children}
    if counted is not None:
        words |= {counted, *counted.children}
    return any(t.lower_ in _APART or _more_alone(t) for t in words)


def _more_alone(token: Token) -> bool:
    """ "six *more* were shot", not the bound "more than six"."""
    following = token.doc[token.i + 1 : token.i + 2]
    return token.lower_ == "more" and following.text.lower() != "than"


def _victim_kind(noun: Token, lex: Lexicons) -> set[str]:
    """ "four shooting victims", "two murder victims": the compound names what befell them,
    when nothing else in the sentence does."""
    if lemma(noun) not in _VICTIM_NOUNS:
        return set()
    compounds = [c for c in noun.children if c.dep_ == "compound"]
    kinds = {lex.event_nouns.get(lemma(c)) for c in compounds}
    if any(c.lower_ == "gunshot" for c in compounds):
        kinds.add("shot")  # "gunshot victims": shot, maybe dead
    return {k for k in kinds if k}


def deaths_nearby(anchor: Token, lex: Lexicons) -> bool:
    """True if ``anchor``'s sentence speaks of deaths: then a "shot" count there may
    include the dead ("nine were shot, one fatally")."""
    sentence = anchor.sent if anchor.doc.has_annotation("DEP") else anchor.doc[:]
    return any(_death_word(t, lex) for t in sentence)


def _death_word(token: Token, lex: Lexicons) -> bool:
    """ "killed", "died", "dead", "fatally", "murder"; not the noun "gun" ("came back
    with a gun"), nor nouns such as "life" or "body" that only name the dead."""
    if token.pos_ == "VERB" or token.tag_.startswith("VB"):
        return word_category(token, lex) == "killed"
    text = token.lower_
    found = (lex.adjectives.get(text), lex.adverbs.get(text), lex.event_nouns.get(lemma(token)))
    return "killed" in found


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
    head = role_token(anchor).head
    near = [c for c in anchor.children if c.dep_ in {"amod", "advmod"}]
    if not (head.dep_ == "relcl" and is_partitive(head) and head.head == anchor):
        near += [head, *(c for c in head.children if c.dep_ in {"amod", "advmod", "acomp"})]
    for token in near:
        found = lex.qualifiers.get(lemma(token)) or lex.qualifiers.get(token.lower_)
        if found:
            return found
    return None
