"""Enumerated victims: "A, 24, B, 25 and C, 32 were shot" counts three people.

Reports often list the victims instead of counting them. The parser links
"and"-joined members with ``conj``, but a comma list ("a 59-year-old man,
49-year-old woman and 53-year-old man") or one with ages between the names
("Ann Bell, 24, Bob Dunn, 25 and ...") comes out as a chain of appositions.
An apposition usually describes the same person again ("Juan Perez, a street
vendor,"), so it is read as another member only when the chain is a list:

- it is closed by "and" (some member has a ``cc`` child "and");
- both sides are persons, and neither is a number (an age: "Ann Bell, 24,");
- both are names, or both common nouns without a definite determiner ("the
  driver, a 30-year-old woman," is one person); a name apposed to a common
  noun is the same person described;
- neither is counted: "two soldiers, a sergeant and a private" names the two,
  "four people, three women and one man" splits the four;
- a comma stands right before the member ("Ann Bell, 24, Bob Dunn"), not a
  photo credit's bracket.

Other lists read here: two comma-joined subjects of one verb ("a girl, two
women and a man were shot"); an apposed list enumerating an uncounted plural
("the victims, a man and a woman,"); an age coordinated with a count ("a
16-year-old and two children"); a list of ages ("the victims, ages 13, 17 and
19," is three, see :func:`aged`); victims named after a copula or "identified
as" ("the victims are A, B and C", see :func:`named_victims`); "either ... or"
offers alternatives, no sum.
:func:`list_head` gives the first member of the list a token belongs to, the
key under which :mod:`.quantities` adds the members up; :func:`clause_head` the
first of coordinated clauses whose victims are added up ("a man was shot in the
leg and a woman was shot in the arm").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimledger.extract.casualty_words import Lexicons, is_number, lemma
from claimledger.extract.categories import read_category
from claimledger.model import Quantity, TextSpan

__all__ = [
    "aged",
    "clause_head",
    "has_age",
    "is_alternative",
    "is_list_member",
    "list_head",
    "paired_ages",
    "named_victims",
    "separated",
    "total_of",
]

_DEFINITE = {"the", "this", "that", "these", "those"}
_AGE_HEADS = {"old", "olds"}
_CASUALTY = {"killed", "wounded", "killed_or_wounded", "captured", "missing"}
_ALTERNATIVES = {"or", "nor", "either", "neither"}
_DASHES = {"-", "--", "–", "—", "―"}
_CLAUSE_ROLES = {"nsubj", "nsubjpass", "dobj"}
_GENERIC = {"victim", "person", "one", "other", "another", "suspect"}
_VICTIM_NOUNS = {"victim", "casualty"}


def _person(token: Token, lex: Lexicons) -> bool:
    if token.lower_ in _AGE_HEADS:
        return True  # "a 21-year-old"
    if token.ent_type_ == "PERSON" or token.tag_ == "NNP" and token.ent_type_ == "":
        return True
    if token.tag_ == "NNP" and has_age(token):
        return True
    return token.pos_ in {"NOUN", "PROPN"} and lemma(token) in lex.persons


def _name(token: Token) -> bool:
    return token.ent_type_ == "PERSON" or token.tag_ in {"NNP", "NNPS"}


def _definite(token: Token) -> bool:
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "poss" for c in token.children
    )


def _counted(token: Token) -> bool:
    """ "two women"; not a name, whose number is an age the parser misplaced."""
    return not _name(token) and any(c.dep_ == "nummod" for c in token.children)


def has_age(token: Token) -> bool:
    """ "Mayo, 24,": an apposed age says a name is a person's, whatever its entity type."""
    return any(
        c.dep_ == "appos" and c.like_num and c.text.isdigit() and 0 < int(c.text) < 110
        for c in token.children
    )


def _after_comma(token: Token) -> bool:
    start = token.left_edge.i
    return start > 0 and token.doc[start - 1].text == ","


def _closed(token: Token) -> bool:
    """True if the appositions and conjuncts around ``token`` end in "and" (the
    parser may hang it on an age: "C, 25 and D, 32")."""
    members = _chain(token)
    start = min(m.left_edge.i for m in members)
    end = max(m.right_edge.i for m in members)
    return any(t.dep_ == "cc" and t.lower_ == "and" for t in token.doc[start : end + 1])


def _chain(token: Token) -> list[Token]:
    """``token``'s list: up through appositions and conjuncts, then all below."""
    top = token
    while top.dep_ in {"appos", "conj"} and top.head != top:
        top = top.head
    members, todo = [], [top]
    while todo:
        node = todo.pop()
        members.append(node)
        todo.extend(c for c in node.children if c.dep_ in {"appos", "conj"})
    return members


def _enumerates(token: Token, lex: Lexicons) -> bool:
    """ "the victims, a man and a woman,": the apposition lists the uncounted plural."""
    head = token.head
    return head.tag_ in {"NNS", "NNPS"} and not _counted(head) and _person(head, lex)


def _alike(first: Token, second: Token, lex: Lexicons) -> bool:
    """Two members of one list: persons of one kind, the second not "the ..."."""
    if not (_person(first, lex) and _person(second, lex)) or _name(first) != _name(second):
        return False
    return not _definite(second) and _closed(second)


def _subject_after_comma(token: Token, lex: Lexicons) -> Token | None:
    """ "a girl, two women and a man were shot" parsed as two subjects of "shot"."""
    if token.dep_ not in {"nsubj", "nsubjpass"} or not _person(token, lex):
        return None
    doc = token.doc
    for sibling in token.head.children:
        if sibling.dep_ != token.dep_ or sibling.i >= token.i or not _alike(sibling, token, lex):
            continue
        gap = [t.text for t in doc[sibling.right_edge.i : token.left_edge.i]]
        if gap == [","] or gap == [sibling.right_edge.text, ","]:
            return sibling
    return None


def _age_and_count(token: Token) -> bool:
    """ "a 16-year-old and two children" parsed as an age of the children: "a" before
    a plural cannot be its article, so the age is a person of its own."""
    head = token.head
    if token.lower_ not in _AGE_HEADS or token.dep_ != "amod" or head.tag_ != "NNS":
        return False
    if not _counted(head) or not any(c.dep_ == "cc" and c.lower_ == "and" for c in token.children):
        return False
    return any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in head.children)


def is_list_member(token: Token, lex: Lexicons) -> bool:
    """True if ``token`` is apposed to the person before it as another list member."""
    if _age_and_count(token):
        return True
    head = token.head
    if token.dep_ != "appos" or head == token or is_number(token) or is_number(head):
        return False
    if not (_person(token, lex) and _person(head, lex)):
        return False
    if _enumerates(token, lex):
        return True
    if _name(token) != _name(head):
        return False  # "Juan Perez, a street vendor": one person described
    if not _name(token) and (_definite(token) or _definite(head)):
        return False  # "the driver, a 30-year-old woman": one person
    if _counted(head) or _counted(token):
        return False  # "two soldiers, a sergeant and a private": the two named
    return _after_comma(token) and _closed(token)


def is_alternative(token: Token) -> bool:
    """True if ``token``'s list offers alternatives: "either the boy or his father"."""
    return any(
        c.dep_ in {"cc", "preconj"} and c.lower_ in _ALTERNATIVES
        for member in _chain(token)
        for c in member.children
    )


def clause_head(token: Token, lex: Lexicons) -> Token | None:
    """The first of the coordinated clauses whose subject or object ``token`` is:
    "a man was shot in the leg and a woman was shot in the arm" lists two victims.
    None for pronouns and "the victim", who may be someone named before."""
    if token.dep_ not in _CLAUSE_ROLES or token.pos_ == "PRON" or lemma(token) in _GENERIC:
        return None
    verb = token.head
    while verb.head != verb and (verb.dep_ == "conj" or _parallel(verb)):
        verb = verb.head
    return verb


def _parallel(verb: Token) -> bool:
    """ "A was shot, while B was shot", "A was shot, B was shot and C ..." (parsed
    as a clause of the next one's verb)."""
    if verb.dep_ == "advcl":
        return any(c.dep_ == "mark" and c.lower_ in {"while", "whereas"} for c in verb.children)
    return verb.dep_ == "ccomp" and lemma(verb) == lemma(verb.head)


def separated(first: Token, second: Token) -> bool:
    """True if a spaced dash or a line break stands between two tokens: a headline
    or dateline, whose victim the text tells of again."""
    for token in first.doc[first.i + 1 : second.i]:
        if "\n" in token.text or (token.text in _DASHES and token.whitespace_):
            return True
    return False


def aged(doc: Doc, lex: Lexicons) -> Iterator[tuple[Quantity, Token, bool]]:
    """ "The victims, ages 13, 17 and 19, were hurt": three wounded. Yields the
    figure, the plural it counts and whether only "shot" gave its category."""
    for noun, ages in _age_lists(doc, lex):
        category, shot = read_category(noun, lex=lex)
        if category not in _CASUALTY:
            continue
        value = float(sum(1 for t in ages if t.like_num))
        span = TextSpan(ages.text, ages.start_char, ages.end_char)
        words = [t.text for t in noun.lefts if t.dep_ in {"amod", "compound"}] + [noun.text]
        q = Quantity("", span, value, low=value, high=value, category=category or "other")
        yield replace(q, subject=" ".join(words)), noun, shot


def paired_ages(doc: Doc, lex: Lexicons) -> Iterator[tuple[Quantity, Token, bool]]:
    """ "20- and 23-year-old women were hurt": two wounded, one per age. The parser
    takes the bare "20-" for the phrase's head (or the noun's modifier); it holds the
    role the category is read from. Yields as :func:`aged` does."""
    for token in doc:
        noun = _aged_plural(token, lex)
        if noun is None:
            continue
        holder = token if noun.dep_ == "conj" else noun
        category, shot = read_category(holder, lex=lex)
        if category not in _CASUALTY:
            continue
        value = float(1 + sum(1 for t in doc[token.i : noun.i] if _bare_age(t)))
        span = doc[token.i : noun.i + 1]
        text = TextSpan(span.text, span.start_char, span.end_char)
        q = Quantity("", text, value, low=value, high=value, category=category)
        yield replace(q, subject=noun.text), holder, shot


def _bare_age(token: Token) -> bool:
    """ "20-" of "20- and 23-year-old": an age waiting for the unit after it."""
    return token.text.endswith("-") and token.text[:-1].isdigit()


def _aged_plural(token: Token, lex: Lexicons) -> Token | None:
    """The plural of persons the first of "20- and 23-year-old" ages belongs to."""
    if not _bare_age(token) or (token.i > 0 and _bare_age(token.doc[token.i - 1])):
        return None
    if any(c.dep_ == "cc" and c.lower_ != "and" for c in token.children):
        return None  # "17- or 18-year-old": one person, age unsure
    conj = [c for c in token.children if c.dep_ == "conj"]
    noun = conj[0] if conj else token.head
    if noun.i <= token.i or noun.tag_ not in {"NNS", "NNPS"} or not _person(noun, lex):
        return None
    return noun if any(t.lower_ in _AGE_HEADS for t in noun.lefts) else None


def _age_lists(doc: Doc, lex: Lexicons) -> Iterator[tuple[Token, Span]]:
    """An uncounted plural of persons and the list of their ages, one a person."""
    for token in doc:
        head = token.head
        if token.dep_ != "appos" or token.lower_ not in {"age", "ages"} or _counted(head):
            continue
        if head.tag_ not in {"NNS", "NNPS"} or not _person(head, lex):
            continue
        ages = [t for t in token.subtree if t.like_num]
        if len(ages) >= 2:
            yield head, doc[token.i : token.right_edge.i + 1]


def total_of(parts: list[Quantity], text: str) -> Quantity:
    """The sum of ``parts`` (in text order) over the text from the first to the last."""
    start, end = parts[0].span.start, parts[-1].span.end
    value = sum(p.value for p in parts)
    exact = all(p.bound == "exact" for p in parts)
    return replace(
        parts[0],
        span=TextSpan(text[start:end], start, end),
        value=value,
        low=value,
        high=value if exact else None,
        bound="exact" if exact else "at_least",
        qualifier="total",
    )


def list_head(token: Token, lex: Lexicons) -> Token:
    """The first member of the list ``token`` is in (itself when in none); for an
    apposed list of an uncounted plural, that plural ("the victims, A and B")."""
    node = token
    while node.head != node:
        if node.dep_ == "conj" or (node.dep_ in {"appos", "amod"} and is_list_member(node, lex)):
            node = node.head
        elif (before := _subject_after_comma(node, lex)) is not None:
            node = before
        else:
            break
    return node


def named_victims(doc: Doc, lex: Lexicons) -> Iterator[tuple[Quantity, Token]]:
    """ "The victims are A, B and C", "police identified the victims as A, 25, and B":
    an uncounted plural of persons and the people it is said to be. Yields the count
    (category from the plural's own words, "other" when they say no harm) and the plural."""
    for token in doc:
        noun = _listed_plural(token, lex)
        if noun is None:
            continue
        members = [t for t in token.subtree if t == token or _another_member(t, lex)]
        if len(members) < 2:
            continue
        category, _ = read_category(noun, lex=lex)
        value = float(len(members))
        start, end = token.left_edge.idx, members[-1].idx + len(members[-1])
        span = TextSpan(doc.text[start:end], start, end)
        q = Quantity("", span, value, low=value, high=value, category=category or "other")
        yield replace(q, subject=noun.text, qualifier="implicit"), noun


def _listed_plural(token: Token, lex: Lexicons) -> Token | None:
    """The plural ``token`` names: the subject of "are" whose ``attr`` it is, or the
    one "identified as" it ("the victims were identified as", "identified the victims as")."""
    verb = token.head
    if token.dep_ == "attr" and lemma(verb) == "be":
        roles = {"nsubj"}
    elif token.dep_ == "pobj" and verb.lower_ == "as" and lemma(verb.head) == "identify":
        verb, roles = verb.head, {"nsubjpass", "dobj"}
    else:
        return None
    noun = next((c for c in verb.children if c.dep_ in roles), None)
    if noun is None or noun.tag_ not in {"NNS", "NNPS"} or _counted(noun):
        return None
    return noun if lemma(noun) in _VICTIM_NOUNS or read_category(noun, lex=lex)[0] else None


def _another_member(token: Token, lex: Lexicons) -> bool:
    """A person joined to the list by "and" or apposed as a list member; not an age."""
    if is_number(token) or not _person(token, lex) or token.ent_type_ in {"GPE", "ORG"}:
        return False
    return token.dep_ == "conj" or (token.dep_ == "appos" and is_list_member(token, lex))
