"""Where the numbers are: token runs that spell one number, and the ones that are not counts.

A number expression is a run of number tokens ("3.5 million", "twenty - one",
"a dozen", "tens of thousands"), optionally a range ("200 - 300", "between 200
and 300", "10 to 15"), with the bound words before it ("more than").

Not counts, never emitted: years, dates and times, ages ("aged 25", "25-year-old",
"Smith, 25,"), ordinals ("first", "3rd" are never read as numbers), money
("$5", "5 dollars"), percentages, identifiers ("Route 9", "No. 10", "Brigade
47"), phone numbers ("252-972-1411") and measurements ("5 km", "3 hours").
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from claimledger.extract.categories import lemma, lexicons
from claimledger.extract.numbers import ACLED, VaguePolicy, bound_of, is_number_word
from claimledger.extract.phrases import entity_of

__all__ = ["NumberSpan", "number_spans"]

_NOT_COUNT_ENTS = {"DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"}
_CURRENCY = {"$", "€", "£", "¥", "₴", "₽", "us$", "usd", "eur", "c$", "a$"}
_PERCENT = {"%", "percent", "per", "pct"}
_AGE_WORDS = {"age", "aged", "ages", "ageing"}
_AGE_LINKS = {"of", "and", "to", "or", "between"}
_AGE_ABBREVIATIONS = {"yo", "y/o", "y.o.", "yrs", "yr"}
_AGE_TAIL = re.compile(r"^(?:and|or|to|,)\d+-years?-olds?\b")
#: Words before a label number; "UPDATE 2-", "WRAPUP 1-" number a wire story's version.
_ID_WORDS = {"no", "no.", "nos.", "number", "#", "nr", "nr.", "route", "highway", "unit",
             "update", "wrapup", "refile"}  # fmt: skip
_MONTHS = set(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
_STREETS = set(
    "st street ave avenue rd road blvd boulevard dr drive ln lane way ct court pl place hwy "
    "highway pkwy parkway cir circle ter terrace trail trace loop pike sq square".split()
)
_SCALE_WORDS = {"hundred", "thousand", "million", "billion", "dozen"}
_ARTICLE_NEXT = _SCALE_WORDS | {"few", "handful", "score"}
_PHONE = re.compile(r"^\d{3,4}$")


@dataclass(frozen=True, slots=True)
class NumberSpan:
    """One number expression: the number tokens, an optional range end, the bound."""

    number: Span
    upper: Span | None
    bound: str | None
    start: int  # first token, bound words included

    @property
    def end(self) -> int:
        return (self.upper or self.number).end


def _numeric(token: Token, policy: VaguePolicy) -> bool:
    if token.lower_ == "both" and token.dep_ in {"preconj", "cc", "advmod"}:
        return False  # "both the army and the police"
    after = [t.lower_ for t in token.doc[token.i + 1 : token.i + 3]]
    if token.lower_ == "half":
        return "dozen" in after  # "a half-dozen", "half a dozen": six
    return is_number_word(token.text, policy=policy) or (
        token.lower_ in {"a", "an"} and bool(after) and after[0] in _ARTICLE_NEXT
    )


def _joins(doc: Doc, i: int, policy: VaguePolicy) -> bool:
    """True if doc[i] ("-", "and", "of") joins two parts of one number."""
    if i + 1 >= len(doc) or i == 0:
        return False
    before, word, after = doc[i - 1], doc[i].lower_, doc[i + 1]
    if not _numeric(after, policy):
        return False
    if word == "-":
        return before.is_alpha and after.is_alpha and doc[i].whitespace_ == ""
    if word == "and":
        return before.lower_ in {"hundred", "thousand", "million"} and after.is_alpha
    if word == "of":
        return before.lower_ in policy.words and after.lower_ in (_SCALE_WORDS | set(policy.words))
    return False


def _run_end(doc: Doc, i: int, policy: VaguePolicy) -> int:
    j = i + 1
    while j < len(doc):
        if _numeric(doc[j], policy) and not (doc[j - 1].is_digit and doc[j].is_digit):
            j += 1
        elif _joins(doc, j, policy):
            j += 2
        else:
            break
    return j


def _range_end(doc: Doc, start: int, end: int, policy: VaguePolicy) -> int | None:
    if end + 1 >= len(doc) or not _numeric(doc[end + 1], policy):
        return None
    link = doc[end].lower_
    before = doc[start - 1].lower_ if start > 0 else ""
    if link in {"-", "–", "—"} and doc[end - 1].is_digit != doc[end + 1].is_digit:
        return None  # "UPDATE 1-Two soldiers": a slug's number, then the count
    if link in {"-", "–", "—"} or (link == "to" and before != "from"):
        return _run_end(doc, end + 1, policy)
    if link == "and" and before == "between":
        return _run_end(doc, end + 1, policy)
    return None


def _is_phone(doc: Doc, start: int, end: int) -> bool:
    """ "252-972-1411", "972-1411", "(919) 555-0134"; not a range ("200-300")."""
    if end - start != 1 or not _PHONE.match(doc[start].text):
        return False
    if end + 1 >= len(doc) or doc[end].text != "-" or not doc[end + 1].text.isdigit():
        return False
    third = doc[end + 2 : end + 4]
    return (
        (len(doc[start].text) == 3 and len(doc[end + 1].text) == 4)  # a local number
        or (len(third) == 2 and third[0].text == "-" and third[1].text.isdigit())
        or (start > 0 and doc[start - 1].text == ")")  # after an area code
    )


def _is_year(token: Token) -> bool:
    text = token.text
    return len(text) == 4 and text.isdigit() and 1000 <= int(text) <= 2100


def _near_month(doc: Doc, start: int, end: int) -> bool:
    """ "Dec. 27", "27 December", "4 FEB 90": a number touching a month name."""
    near = [doc[k] for k in (start - 1, end) if 0 <= k < len(doc)]
    return any(t.lower_.rstrip(".") in _MONTHS for t in near)


def _is_age(doc: Doc, start: int, end: int) -> bool:
    before = [t for t in doc[max(0, start - 6) : start] if not (t.like_num or t.is_punct)]
    while before and before[-1].lower_ in _AGE_LINKS:
        before.pop()  # "between the ages of 11 and 15"
    if before and before[-1].lower_ in _AGE_WORDS and before[-1].i >= start - 6:
        return True
    if _AGE_TAIL.match(doc[end : end + 6].text.replace(" ", "")):
        return True  # "a 16 and 17-year-old were shot"
    if start >= 2 and doc[start - 1].text == "," and doc[start - 2].pos_ == "PROPN":
        # "Smith, 25, died", "Smith, 25 was shot"
        return (
            end >= len(doc)
            or doc[end].text in {",", ".", ";", ")"}
            or doc[end].pos_
            in {
                "AUX",
                "VERB",
            }
        )
    return False


def _is_address(doc: Doc, end: int) -> bool:
    """ "9552 Adler St.", "400 Capistrano Drive": a house number."""
    after = [t.lower_.rstrip(".") for t in doc[end : end + 4]]
    return bool(after) and doc[end].is_title and any(w in _STREETS for w in after[1:])


def _is_identifier(doc: Doc, start: int) -> bool:
    if start == 0:
        return False
    before = doc[start - 1]
    if before.lower_ in _ID_WORDS:
        return True
    head = doc[start].head
    if any(c.dep_ == "prep" and c.lower_ == "of" for c in doc[start].children):
        return False  # "two men, one of them fatally": a part, not a label
    # "Brigade 47" is written in digits; "UPDATE 2-Dozens killed" is a count hung on the slug.
    return (
        any(c.isdigit() for c in doc[start].text)
        and head.i < start
        and head.pos_ in {"PROPN", "NOUN"}
        and doc[start].dep_
        in {
            "nummod",
            "appos",
            "npadvmod",
            "compound",
            "dep",
            "nmod",
        }
    )


def _in_not_count_entity(token: Token) -> bool:
    """In a DATE/TIME/MONEY/... entity that has more than the number in it.

    The small model tags a bare number as DATE now and then ("the number of
    victims is 59"); years and day numbers are caught by the rules below.
    """
    if token.ent_type_ not in _NOT_COUNT_ENTS:
        return False
    ent = entity_of(token)
    if ent is not None and token.ent_type_ == "QUANTITY" and _counts_casualties(ent):
        return False  # "1 KIA" tagged as a quantity: a count of people all the same
    if ent is None or token.ent_type_ not in {"DATE", "TIME"}:
        return True
    return any(not (t.like_num or t.is_punct) for t in ent)


def _counts_casualties(ent: Span) -> bool:
    words = [t for t in ent if not (t.like_num or t.is_punct)]
    nouns = lexicons().nouns
    return bool(words) and all(lemma(t) in nouns for t in words)


def _not_a_count(doc: Doc, start: int, end: int) -> bool:
    tokens = doc[start:end]
    if any(_in_not_count_entity(t) for t in tokens):
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end].lower_ if end < len(doc) else ""
    return (
        before in _CURRENCY
        or after in _PERCENT
        or (end - start == 1 and _is_year(doc[start]))
        or _is_phone(doc, start, end)
        or (end - start == 1 and doc[start].text == "911")  # the emergency number
        or _near_month(doc, start, end)
        or _is_age(doc, start, end)
        or after in _AGE_ABBREVIATIONS  # "4 yo boy shot"
        or _is_identifier(doc, start)
        or _is_address(doc, end)
        or (before == "no" and tokens.text.lower() == "one")
        or (start > 0 and doc[start - 1].lemma_.lower() in {"call", "dial", "text"})
    )


def number_spans(doc: Doc, *, policy: VaguePolicy = ACLED) -> Iterator[NumberSpan]:
    """Yield the number expressions of ``doc`` that may be counts, in text order."""
    i = 0
    while i < len(doc):
        if not _numeric(doc[i], policy):
            i += 1
            continue
        end = _run_end(doc, i, policy)
        upper_end = _range_end(doc, i, end, policy)
        last = upper_end if upper_end is not None else end
        if not _not_a_count(doc, i, end):
            upper = doc[end + 1 : upper_end] if upper_end is not None else None
            words = [t.text for t in doc[max(0, i - 4) : i]]
            cue = bound_of(words)
            bound, size = cue if cue else (None, 0)
            if doc[i - 1].lower_ == "between" and upper is not None and i > 0:
                size = 1
            yield NumberSpan(doc[i:end], upper, bound, i - size)
        i = last
