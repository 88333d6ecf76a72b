"""Figures: counts of people and things, typed, bounded and linked.

:func:`quantities` is the extractor. Per number expression (see
:mod:`claimledger.extract.spans`) it reads the value (:mod:`.numbers`), the
bound, the category (:mod:`.categories`), whose it is (``subject``) and whether
it is a part of another figure (``subset_of``). Implicit counts of one ("the
judge was killed") come from :mod:`.implicit`; listed figures are summed by
:mod:`.totals`, victims named after "are" or "identified as" counted by
:mod:`.enumerations` (category per :func:`.totals.named_in_text`); shot counts
that include the dead are split by :mod:`.survivors`; running totals and other
incidents' tolls are marked by :mod:`.scope`; wounded counts with dead parts are
split by :mod:`.partitions`.

Bounds, ``low`` and ``high``:

- exact: ``low == high == value``; about ("about", "some", "an estimated"):
  both None;
- more_than / at_least: ``low = value`` (exclusive for more_than), ``high`` None;
- less_than ("fewer than", "nearly", "almost") / at_most ("up to"):
  ``high = value`` (exclusive for less_than), ``low`` None;
- range ("200-300", "between 200 and 300"): ``low``/``high`` the ends, value
  per the policy's ``range_value``; vague ("dozens"): see :mod:`.numbers`.

A number with no counted noun and no category evidence ("1,100" in "the
estimate is lower: 1,100") takes category and subject from the nearest earlier
categorised figure within three sentences, when its sentence speaks of an
estimate, figure, toll or number; otherwise it is not a figure and is dropped.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from claimledger.extract.categories import (
    Lexicons,
    across_dash,
    counted_noun,
    is_partitive,
    lemma,
    lexicons,
    phrase_across_dash,
    predicate_evidence,
    qualifier_of,
    read_category,
    shot_only,
)
from claimledger.extract.enumerations import aged, list_head, named_victims, paired_ages
from claimledger.extract.found import CASUALTY, Found
from claimledger.extract.implicit import implicit_counts, noun_phrase, owner_from_earlier
from claimledger.extract.numbers import ACLED, VaguePolicy, limits_of, read_number
from claimledger.extract.partitions import wounded_less_dead
from claimledger.extract.predicates import dateline_holder
from claimledger.extract.scope import scope_cues, scope_of
from claimledger.extract.spans import NumberSpan, number_spans
from claimledger.extract.survivors import survivors
from claimledger.extract.totals import named_in_text, totals
from claimledger.model import Quantity, TextSpan

__all__ = ["quantities"]

_PART_PRONOUNS = {"them", "whom", "those", "these", "which"}
_CONTEXT_SENTENCES = 3
#: How a number hangs on the noun it counts ("12 people", "both men").
_NUMBER_DEPS = {"nummod", "quantmod", "amod", "compound", "nmod", "det", "predet"}


def _root(span: Span) -> Token:
    for token in span:
        if not (span.start <= token.head.i < span.end) or token.head == token:
            return token
    return span[-1]


def _anchor(span: Span, lex: Lexicons) -> Token:
    root = _root(span)
    if root.dep_ in _NUMBER_DEPS and root.head.i >= span.end and not across_dash(root, root.head):
        head = root.head
        # "Two Ukraine soldiers": the number counts the phrase's head noun, not a
        # name compounded onto it.
        while head.dep_ == "compound" and head.head.i > head.i and head.head.pos_ == "NOUN":
            head = head.head
        return head
    of = root.head
    if root.dep_ == "pobj" and of.lower_ == "of" and lemma(of.head) in lex.collectives:
        return of.head  # "a family of five was found dead": the family is counted
    return root


def _values(
    found: NumberSpan, policy: VaguePolicy
) -> tuple[float, float | None, float | None, str] | None:
    reading = read_number([t.text for t in found.number], policy=policy)
    if reading is None:
        return None
    if found.upper is not None:
        upper = read_number([t.text for t in found.upper], policy=policy)
        if upper is None or upper.value <= reading.value:
            return None
        value = reading.value if policy.range_value == "low" else (reading.value + upper.value) / 2
        return value, reading.value, upper.value, "range"
    bound = found.bound or ("vague" if reading.vague else "exact")
    if reading.vague and bound in {"exact", "about", "vague"}:
        return reading.value, reading.low, reading.high, "vague"
    low, high = limits_of(reading.value, bound)
    return reading.value, low, high, bound


def _subject(noun: Token | None, lex: Lexicons) -> str | None:
    """The counted noun phrase with its modifiers: "North Korean troops"."""
    if noun is None or noun.pos_ not in {"NOUN", "PROPN"}:
        return None
    if noun.ent_type_ in {"DATE", "TIME"}:  # a dateline's month is nobody's toll
        return None
    word = lemma(noun)
    if word in lex.figure_nouns or word in lex.nouns and word not in lex.persons:
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ in {"of", "among"}:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                return _subject(objects[0], lex) if objects else None
        return None
    words = noun_phrase(noun)
    if len(words) == 1:
        words = owner_from_earlier(noun) + words
    return " ".join(t.text for t in words)


def _sentence_index(doc: Doc, token: Token) -> int:
    return token.sent.start if _parsed(doc) else 0


def _one(doc: Doc, found: NumberSpan, policy: VaguePolicy, lex: Lexicons) -> Found | None:
    values = _values(found, policy)
    if values is None:
        return None
    anchor = _anchor(found.number, lex)
    counted = counted_noun(anchor)
    if counted is not None and lemma(counted) in lex.units:
        return None
    category, shot = read_category(anchor, lex=lex)
    if category is None and counted is None:
        category_text = None
    else:
        category_text = category or "other"
    value, low, high, bound = values
    span = doc[found.start : found.end]
    quantity = Quantity(
        id="",
        span=TextSpan(span.text, span.start_char, span.end_char),
        value=value,
        low=low,
        high=high,
        bound=bound,
        category=category_text or "other",
        subject=_subject(counted, lex),
        qualifier=qualifier_of(anchor, lex=lex),
    )
    sentence = _sentence_index(doc, anchor)
    explicit = category_text is not None
    root = _root(found.number)
    return Found(quantity, anchor, root, sentence, explicit, counted is None, shot=shot)


def _speaks_of_figures(token: Token, lex: Lexicons) -> bool:
    return any(lemma(t) in lex.figure_nouns for t in token.sent)


def _with_context(items: list[Found], doc: Doc, lex: Lexicons) -> Iterator[Quantity]:
    """Fill elided categories and subjects from earlier figures, link parts, give ids."""
    kept: list[Found] = []
    sentence_of = {s.start: n for n, s in enumerate(doc.sents)} if _parsed(doc) else {}
    for item in items:
        distance = sentence_of.get(item.sentence, 0) - _CONTEXT_SENTENCES
        near = [k for k in reversed(kept) if sentence_of.get(k.sentence, 0) >= distance]
        parent = _part_of(item, kept)
        q = item.quantity
        if parent is not None:
            q = replace(q, subset_of=f"q{kept.index(parent) + 1}")
            q = replace(q, subject=q.subject or parent.quantity.subject)
        if not item.explicit or (parent is not None and q.category == "other"):
            donor = parent or next((k for k in near if k.quantity.category != "other"), None)
            if donor is None or (parent is None and not _speaks_of_figures(item.anchor, lex)):
                continue
            q = replace(q, category=donor.quantity.category)
        if q.subject is None and item.elided:
            donor = next((k for k in near if k.quantity.subject), None)
            q = replace(q, subject=donor.quantity.subject if donor else None)
        kept.append(replace(item, quantity=q))
        yield replace(q, id=f"q{len(kept)}")


def _parsed(doc: Doc) -> bool:
    return doc.has_annotation("DEP") or doc.has_annotation("SENT_START")


def _part_of(item: Found, earlier: list[Found]) -> Found | None:
    """The figure ``item`` is a part of: "X, of which Y", "X, including Y", "Y of them"."""
    same = [k for k in earlier if k.sentence == item.sentence]
    total = next((k for k in same if item.anchor.i in k.members), None)
    if total is not None:
        return total
    for token in (item.root, item.anchor, *item.anchor.ancestors):
        if token.dep_ == "relcl" and is_partitive(token):
            return next((k for k in same if token.head in (k.anchor, k.root)), None)
        if token.dep_ == "pobj" and token.head.lower_ in {"including", "among"}:
            holder = token.head.head
            found = next((k for k in same if holder in (k.anchor, k.root)), None)
            return found or (same[-1] if same else None)
    for child in item.anchor.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            if any(g.lower_ in _PART_PRONOUNS for g in child.children):
                # "two of them": people, not the attacks that hit them
                people = [k for k in earlier if k.quantity.category != "attacks"]
                return people[-1] if people else None
    return None


def _taken(found: list[Found]) -> set[int]:
    """Tokens a figure already counts: its anchor, and the noun its number modifies
    even across a headline's dash ("three - the mayor" is no implicit victim)."""
    heads = [phrase_across_dash(f.root) for f in found]
    heads += [dateline_holder(f.anchor) for f in found]  # "READING - Four were hurt"
    return {f.anchor.i for f in found} | {h.i for h in heads if h is not None}


def _age_on_name(found: Found) -> bool:
    """ "B, 25 and C, 32" parsed with 25 counting C: an age, no figure; C a victim."""
    number, doc = found.root, found.anchor.doc
    if found.quantity.category != "other" or found.anchor.ent_type_ != "PERSON":
        return False  # "TWO WOMEN" in an upper-case wire is a count
    return number.text.isdigit() and number.i > 0 and doc[number.i - 1].text == ","


def _scoped(items: list[Found]) -> Iterator[Found]:
    """Mark casualty figures of running totals and other incidents (see :mod:`.scope`)."""
    cues = scope_cues()
    for item in items:
        q = item.quantity
        scope = scope_of(item.anchor, cues=cues) if q.category in CASUALTY else None
        yield replace(item, quantity=replace(q, qualifier=scope)) if scope else item


def quantities(doc: Doc, *, policy: VaguePolicy = ACLED) -> Iterator[Quantity]:
    """Yield the figures of a parsed ``doc`` in text order, with ids "q1", "q2", ...

    Example:
        >>> [q.value for q in quantities(nlp("Gunmen killed 12 people."))]  # doctest: +SKIP
        [12.0]
    """
    lex = lexicons()
    found = [f for n in number_spans(doc, policy=policy) if (f := _one(doc, n, policy, lex))]
    found = [f for f in found if not _age_on_name(f)]
    found.extend(
        Found(q, a, a, _sentence_index(doc, a), True, shot=s)
        for q, a, s in (*aged(doc, lex), *paired_ages(doc, lex))
    )
    found.extend(
        Found(
            q,
            a,
            a,
            _sentence_index(doc, a),
            True,
            shot=shot_only(predicate_evidence(list_head(a, lex), lex)),
        )
        for q, a in implicit_counts(doc, lex=lex, taken=_taken(found))
    )
    found.extend(totals(found, lex, late=False))
    found = survivors(found, lex)
    found.extend(totals(found, lex, late=True))
    named = [Found(q, a, a, _sentence_index(doc, a), True) for q, a in named_victims(doc, lex)]
    found.extend(named_in_text(named, found))
    found = list(_scoped(found))
    found.sort(key=lambda f: (f.quantity.span.start, f.derived, -f.quantity.span.end))
    yield from wounded_less_dead(list(_with_context(found, doc, lex)))
