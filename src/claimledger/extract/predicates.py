"""Category evidence from the predicate that governs a number.

"*killed* 12 people", "12 people *were killed*", "*left* 3 *dead*", "the
death *toll* rose to 40", "were confirmed *kills*": the verb, its extras
("shot *dead*", "shot and *killed*", "*fatally*", "taken to *hospital*") and
figure nouns ("toll", "number") a number is put at. :mod:`.categories` weighs
this against the modifiers of the counted word.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from claimledger.extract.casualty_words import (
    OBJECT_DEPS,
    SUBJECT_DEPS,
    Lexicons,
    is_number,
    lemma,
    lexicons,
    with_conjuncts,
    word_category,
)
from claimledger.extract.place_candidates import dateline

__all__ = [
    "across_dash",
    "died_there",
    "phrase_across_dash",
    "predicate_evidence",
    "role_token",
    "suffered",
    "verb_extras",
    "wounds_with",
]

_PREDICATIVES = {"oprd", "acomp", "attr", "xcomp", "ccomp"}
#: Prepositions that put a figure on a noun: "put *at* 40", "rose *to* 40", "a toll *of* 40".
_FIGURE_PREPS = {"at", "to", "of"}
_HARMED = {"killed", "wounded", "killed_or_wounded"}
_DASHES = {"-", "–", "—", "―"}
_GUNSHOT = {"gunshot", "gunshots", "bullet", "gun", "shotgun", "gsw"}
_CARE = {"treatment", "care"}
#: Subjects of "... where *they* died" that are the victims taken there themselves.
_CARE_WORDS = {"medical", "trauma", "health", "burn"}
_SAME_VICTIMS = {"he", "she", "they", "both", "all"}
_SELVES = {"himself", "herself", "themselves"}
_STRUGGLE = {"fight", "battle", "struggle"}
#: "shot *along with* three others": the partners share the verb's role.
_ALONG = {"along", "together"}


def _destination(target: Token, lex: Lexicons) -> str | None:
    """ "to the hospital", "to Mercy Medical Center": where victims are taken."""
    found = lex.destinations.get(lemma(target))
    if found is None and lemma(target) in {"center", "centre"}:
        words = {lemma(c) for c in target.children if c.dep_ == "compound"}
        found = lex.destinations.get("hospital") if words & _CARE_WORDS else None
    return found


def verb_extras(verb: Token, lex: Lexicons, *, nested: bool = True) -> Iterator[str]:
    """Categories a predicate adds: "shot *dead*", "shot and *killed*", "*fatally*"."""
    for child in verb.children:
        if child.dep_ in {"ccomp", "xcomp"} and any(c.dep_ in SUBJECT_DEPS for c in child.children):
            continue  # "two were killed, two others injured": a clause of its own
        if child.dep_ in _PREDICATIVES | {"advmod"}:
            found = word_category(child, lex)
            if found:
                yield found
            if child.dep_ == "xcomp" and nested:
                yield from verb_extras(child, lex, nested=False)  # "found shot dead"
        if child.dep_ == "prep" and child.lower_ == "among":
            yield from _among(child, lex)  # "two policemen were among those killed"
        if child.dep_ == "prep" and child.lower_ in {"for", "from", "with"}:
            yield from _wound_nouns(verb, child, lex)  # "treated for injuries"
        if child.dep_ == "prep" and child.lower_ == "for" and _fights_for_life(verb, child, lex):
            yield "wounded"  # "a man is fighting for his life": alive, gravely hurt
        # "sent three others to hospitals" is parsed with "to" as a dative
        if child.dep_ in {"prep", "dative"} and child.lower_ in {"to", "into", "in"}:
            for target in child.children:
                # "shot to death", "taken to the hospital", "in critical condition"
                found = _destination(target, lex)
                if found in {"shot", "wounded"} and target.dep_ == "pobj":
                    found = died_there(target, lex) or found
                if found and target.dep_ == "pobj" and (child.lower_ != "in" or found != "killed"):
                    yield found
                    yield from _care_at(verb, target, lex)
    for conj in verb.conjuncts:
        if conj.i < verb.i:
            continue  # "A was killed and B was wounded": "killed" is A's, not B's
        if not any(c.dep_ in SUBJECT_DEPS | OBJECT_DEPS for c in conj.children):
            if conj.head == verb:  # not "X died, and Y was hit and is expected to survive"
                yield from _conj_wounds(conj, lex)
            found = lex.victim_verbs.get(lemma(conj)) or lex.adjectives.get(conj.lower_)
            if lex.subject_verbs.get(lemma(conj)) in {"killed", "wounded"}:
                # "was shot and later died", "were shot but survived": the same victims
                found = lex.subject_verbs[lemma(conj)]
            if found:
                yield found


def _fights_for_life(verb: Token, prep: Token, lex: Lexicons) -> bool:
    """ "fighting for his life", "battling for their lives", unless "... but died"."""
    if lemma(verb) not in _STRUGGLE or not any(lemma(c) == "life" for c in prep.children):
        return False
    return not any(_tells_death(v, lex) for v in verb.conjuncts)


def _conj_wounds(conj: Token, lex: Lexicons) -> Iterator[str]:
    """ "found lying on a lawn and *bleeding from gunshot wounds*", "... and *is
    expected to survive*": what a coordinated predicate says of the same victims."""
    for child in conj.children:
        if child.dep_ == "prep" and child.lower_ in {"from", "with"}:
            yield from _wound_nouns(conj, child, lex)
        if child.dep_ == "xcomp" and lex.subject_verbs.get(lemma(child)) == "wounded":
            yield "wounded"


def died_there(place: Token, lex: Lexicons) -> str | None:
    """ "taken to the hospital *where they died*": those taken there are dead; "where
    one of them / the boy died": they count the dead too, like "shot" (killed or
    wounded, the wounded being the count less the dead)."""
    for clause in place.children:
        if clause.dep_ not in {"relcl", "acl"} or not _tells_death(clause, lex):
            continue
        subjects = [c for c in clause.children if c.dep_ in SUBJECT_DEPS]
        same = not subjects or subjects[0].lower_ in _SAME_VICTIMS
        return "killed" if same else "shot"
    return None


def _tells_death(verb: Token, lex: Lexicons) -> bool:
    """ "died", "succumbed", "was pronounced dead", "was declared deceased"."""
    word = lemma(verb)
    if lex.subject_verbs.get(word) == "killed" or lex.victim_verbs.get(word) == "killed":
        return True
    return any(
        c.dep_ in {"oprd", "acomp", "xcomp"} and lex.adjectives.get(c.lower_) == "killed"
        for c in verb.children
    )


def _wound_nouns(verb: Token, prep: Token, lex: Lexicons) -> Iterator[str]:
    """ "treated for injuries", "suffering from gunshot wounds", "found with a wound"."""
    word = lemma(verb)
    if (lex.victim_verbs.get(word) or lex.subject_verbs.get(word)) == "killed":
        return  # "died of his wounds": the wound is how they died
    for target in prep.children:
        if (
            target.dep_ == "pobj"
            and lex.nouns.get(lemma(target)) == "wounded"
            and not _none(target)
        ):
            yield _wound_category(target)
        elif target.dep_ == "pobj" and lemma(target) in _CARE and prep.lower_ == "for":
            yield "wounded"  # "taken to hospital for treatment": alive and treated


def _care_at(verb: Token, place: Token, lex: Lexicons) -> Iterator[str]:
    """ "taken to a hospital *for treatment*", "... *with* minor injuries"."""
    for prep in place.children:
        if prep.dep_ == "prep" and prep.lower_ in {"for", "with"}:
            yield from _wound_nouns(verb, prep, lex)


def wounds_with(noun: Token, lex: Lexicons) -> Iterator[str]:
    """ "three men *with gunshot wounds*": the wounds a counted noun carries."""
    yield from _care_at(noun, noun, lex)


def _none(noun: Token) -> bool:
    """ "suffered *no* injuries", "found with *no* wounds": none had."""
    return any(c.dep_ in {"det", "neg"} and c.lower_ == "no" for c in noun.children)


def _wound_category(noun: Token) -> str:
    """ "gunshot wounds" are like "shot": victims found with them may have died since."""
    words = {noun.lower_, *(c.lower_ for c in noun.children if c.dep_ in {"compound", "amod"})}
    return "shot" if words & _GUNSHOT else "wounded"


def _among(prep: Token, lex: Lexicons) -> Iterator[str]:
    for group in prep.children:
        if group.dep_ != "pobj":
            continue
        for token in (group, *(c for c in group.children if c.dep_ in {"acl", "relcl", "amod"})):
            found = word_category(token, lex)
            if found:
                yield found


def role_token(anchor: Token) -> Token:
    node = anchor
    while node.dep_ == "conj" and node.head != node:
        node = node.head
    node = _collective(node) or node
    # "killing one - command": the number takes the place of the phrase it hangs on.
    return dateline_holder(node) or phrase_across_dash(node) or node


def _collective(node: Token) -> Token | None:
    """ "a total of nine people were wounded": the collective holds the counted
    phrase's place in the clause."""
    of = node.head
    if node.dep_ != "pobj" or of.lower_ != "of" or of.dep_ != "prep":
        return None
    return of.head if lemma(of.head) in lexicons().collectives else None


def _partner_of(node: Token) -> Token | None:
    """ "a boy was shot along with three others": the verb's own victim (its object,
    else its subject), whose role the partners share."""
    prep = node.head
    if node.dep_ != "pobj" or prep.lower_ not in {"with", "alongside"}:
        return None
    # "along" heads "with", or both hang on the verb
    along = prep.head.lower_ in _ALONG or (prep.i > 0 and prep.nbor(-1).lower_ in _ALONG)
    if prep.lower_ == "with" and not along:
        return None
    verb = prep.head.head if prep.head.lower_ in _ALONG else prep.head
    if verb.pos_ not in {"VERB", "AUX"}:
        return None
    roles = {c.dep_: c for c in verb.children}
    return next((roles[d] for d in ("nsubjpass", "dobj", "nsubj") if d in roles), None)


def dateline_holder(node: Token) -> Token | None:
    """ "READING, Pa. - Four people were wounded": the parser made the dateline the
    subject and the counted phrase its apposition; the phrase takes its place."""
    if node.dep_ != "appos" or node.head.i > 8 or node.head.i >= node.i:
        return None
    head = node.head
    return head if dateline(node.doc[head.left_edge.i : head.i + 1]) else None


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
        if token.text in _DASHES and spaced and not is_number(token.nbor()):
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
    node = role_token(anchor)
    verb, role = node.head, node.dep_
    if verb == node or any(c.dep_ == "neg" for c in verb.children):
        return set()  # "two others were not wounded": no casualties
    partner = _partner_of(node)
    if partner is not None:
        return _shared_verb(partner, lex)
    if role == "pobj":
        evidence = _pobj_evidence(node.head, lex)
        if not evidence and is_number(anchor) and node.head.lower_ in {"to", "at"}:
            evidence = _earlier_figure_noun(node.head, lex)  # "toll in X rises to 3"
        return evidence
    if role == "attr" or role == "npadvmod":
        return _figure_evidence(_subject(verb), lex) if _subject(verb) is not None else set()
    found: set[str] = set()
    word = lemma(verb)
    if role == "nsubj" and _reflexive(verb):
        role = "dobj"  # "four teens drove themselves to hospitals": the subject is the object
    if role in OBJECT_DEPS and word in lex.victim_verbs:
        found.add(lex.victim_verbs[word])
    elif role == "nsubj" and word in lex.subject_verbs:
        found.add(lex.subject_verbs[word])
    elif role == "nsubj" and word in lex.victim_verbs and _stative(verb):
        found.add(lex.victim_verbs[word])  # "30 wounded": a stative participle
    elif role == "nsubj" and word in lex.suffer_verbs:
        found.update(suffered(verb, lex))  # "4 people suffered injuries", "... gunshot wounds"
    if role in OBJECT_DEPS or (role in SUBJECT_DEPS and not _acts_on_object(verb, role)):
        found.update(verb_extras(verb, lex))
    return found


def _shared_verb(holder: Token, lex: Lexicons) -> set[str]:
    """What the verb alone says of partners: "found dead along with two other victims"
    does not say the two are dead, but "shot along with two others" says they were shot."""
    verb = holder.head
    if any(c.dep_ == "neg" for c in verb.children):
        return set()
    table = lex.victim_verbs if holder.dep_ in OBJECT_DEPS else lex.subject_verbs
    found = table.get(lemma(verb))
    return {found} if found else set()


def suffered(verb: Token, lex: Lexicons) -> set[str]:
    """What the object of "suffer", "sustain" says: "injuries", "gunshot wounds"."""
    return {
        _wound_category(c) if lex.nouns[lemma(c)] == "wounded" else lex.nouns[lemma(c)]
        for c in verb.children
        if c.dep_ == "dobj" and lemma(c) in lex.nouns and not _none(c)
    }


def _reflexive(verb: Token) -> bool:
    return any(c.dep_ == "dobj" and c.lower_ in _SELVES for c in verb.children)


def _acts_on_object(verb: Token, role: str) -> bool:
    """ "A gunman shot two people to death": "to death" is the object's fate, not the
    active subject's."""
    return role == "nsubj" and any(c.dep_ == "dobj" for c in verb.children)


def _stative(verb: Token) -> bool:
    """ "30 wounded" (a participle with no object), not "gunmen shot and killed 4"."""
    return not any(c.dep_ == "dobj" for v in (verb, *verb.conjuncts) for c in v.children)


def _subject(verb: Token) -> Token | None:
    for child in verb.children:
        if child.dep_ in SUBJECT_DEPS | {"dobj"}:
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
        if child.dep_ in SUBJECT_DEPS | {"dobj"}:
            found.update(_figure_evidence(child, lex))  # "put the number killed at 40"
    return found


def _earlier_figure_noun(prep: Token, lex: Lexicons) -> set[str]:
    """ "Death toll in X rises to 3" parsed without a subject: the nearest figure noun
    before the number in its sentence, with the words that hang on it."""
    start = prep.sent.start if prep.doc.has_annotation("SENT_START") else 0
    for token in reversed(prep.doc[start : prep.i]):
        if lemma(token) in lex.figure_nouns:
            words = (word_category(t, lex) for t in token.subtree if t.i < prep.i)
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
            for token in with_conjuncts(target):
                category = word_category(token, lex)
                if category:
                    found.add(category)
    return found
