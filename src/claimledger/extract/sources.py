"""Make claims' sources right within a document: resolve, name and describe them.

:func:`resolved_claims` reads each claim's source mention as written (``"he"``,
``"the agency"``, ``"Freedonian President Ann Lee"``), finds what it refers to
(:mod:`claimledger.extract.coreference`) and rewrites the claim's
:class:`~claimledger.model.SourceRef`: ``name`` becomes the most specific naming
of that source in the document, ``kind``, ``country`` and ``affiliation`` are
filled from titles, demonyms, entity labels and appositions ("X, a research
fellow at the Y Institute in Z"), ``resolved_from`` records where the name came
from. ``span`` is never changed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import replace

from spacy.tokens import Doc, Span

from claimledger.extract.coreference import Referent, Resolution, resolve
from claimledger.model import Claim, SourceRef, TextSpan
from claimledger.sources.names import (
    KIND_PRIORITY,
    PRONOUNS,
    VAGUE_HEADS,
    NameParts,
    city_country,
    country_code,
    first_name_gender,
    is_proper,
    kind_of_words,
    name_parts,
    strip_determiners,
    title_at,
)

__all__ = ["resolved_claims"]

_ENTITY_LABELS = frozenset({"PERSON", "ORG", "NORP"})
_THING_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC", "PRODUCT"})
_PERSON_KINDS = frozenset({"person", "head_of_state", "analyst"})
_BODY_KINDS = frozenset({"intelligence_agency", "media", "military", "organisation"})
_AFFILIATION_PREPS = frozenset({"at", "of", "with", "from", "for"})
_PERSON_NOUNS = {"man": "male", "woman": "female", "person": None}
_PERSON_HEADS = frozenset(
    {"candidate", "nominee", "lawyer", "attorney", "doctor", "aide", "adviser", "advisor"}
    | {"leader", "chairman", "chairwoman", "director", "chief", "executive", "founder"}
    | {"man", "woman", "father", "mother", "son", "daughter", "wife", "husband", "member"}
)
_LEADING_JUNK = frozenset({"and", "but", "or", ",", "\u2014", "-", "(", '"', "\u201c", "'"})
_POSSESSIVE = frozenset({"'s", "\u2019s", "'"})
_PROPER_TAGS = frozenset({"NNP", "NNPS"})
_STATE_HEADS = frozenset({"official", "officials", "authorities", "diplomats"})
_HONORIFIC_GENDER = {
    **dict.fromkeys(("mr.", "mr", "sir"), "male"),
    **dict.fromkeys(("mrs.", "mrs", "ms.", "ms", "miss"), "female"),
}


def _sentence_of(doc: Doc) -> list[int]:
    """Sentence index of every token (sentence-final punctuation when unparsed)."""
    if doc.has_annotation("SENT_START") or doc.has_annotation("DEP"):
        return [i for i, sent in enumerate(doc.sents) for _ in sent]
    out, current = [], 0
    for token in doc:
        out.append(current)
        current += token.text in {".", "!", "?"}
    return out


def _apposition(doc: Doc, end: int) -> tuple[str | None, str | None, str | None]:
    """Read ", a research fellow at the X Institute in Y," after token ``end``.

    Returns:
        (role, affiliation, country) as far as the apposition shows them.
    """
    if end >= len(doc) or doc[end].text != ",":
        return None, None, None
    words = [t for t in doc[end + 1 : end + 16]]
    stop = next((k for k, t in enumerate(words) if t.text in {",", ".", ";", "\u2014"}), len(words))
    words = words[:stop]
    texts = strip_determiners([t.text for t in words])
    prep = next((k for k, w in enumerate(texts) if w.lower() in _AFFILIATION_PREPS), len(texts))
    role = _role(texts[:prep])
    if role is None:
        return None, None, None
    org, place = _affiliation(texts[prep + 1 :])
    country = (country_code(place) or city_country(place)) if place else None
    return role, org, country or (country_code(org.split()[0]) if org else None)


def _role(words: Sequence[str]) -> str | None:
    if not words or len(words) > 5 or any(w[:1].isupper() for w in words[-1:]):
        return None
    found = title_at(words, max(len(words) - 2, 0)) or title_at(words, len(words) - 1)
    return " ".join(w.lower() for w in words[-found[0] :]) if found else None


def _affiliation(words: Sequence[str]) -> tuple[str | None, str | None]:
    words = strip_determiners(words)
    cut = next((k for k, w in enumerate(words) if w == "in" and k > 0), len(words))
    org, place = words[:cut], words[cut + 1 :]
    org_name = " ".join(org) if org and is_proper(org) else None
    place_name = " ".join(place) if place and is_proper(place) else None
    return org_name, place_name


def _form(words: Sequence[str], head: str, proper: bool, label: str | None) -> str:
    lowered = [w.lower() for w in words]
    if len(lowered) == 1 and lowered[0] in PRONOUNS:
        return "relative" if PRONOUNS[lowered[0]] == "relative" else "pronoun"
    # A sentence-initial capital ("Officials said") does not make a name.
    if head in VAGUE_HEADS and label not in ("PERSON", "ORG"):
        return "vague"
    definite = lowered[:1] in (["the"], ["this"], ["that"])
    return "definite" if definite and not proper and len(words) <= 4 else "named"


def _animacy(label: str | None, kind: str, words: Sequence[str]) -> str | None:
    head = words[-1].lower() if words else ""
    if label == "PERSON" or kind in _PERSON_KINDS or head in _PERSON_NOUNS:
        return "person"
    if PRONOUNS.get(head) in ("male", "female"):
        return "person"
    if label in _THING_LABELS or kind in _BODY_KINDS or PRONOUNS.get(head) == "thing":
        return "thing"
    return None


def _gender(words: Sequence[str]) -> str | None:
    first = words[0].lower() if words else ""
    pronoun = PRONOUNS.get(first) if len(words) == 1 else None
    if pronoun in ("male", "female"):
        return pronoun
    given = words[:2] if len(words) > 1 else []
    by_name = next((g for w in given if (g := first_name_gender(w))), None)
    noun = _PERSON_NOUNS.get(words[-1].lower() if words else "")
    return _HONORIFIC_GENDER.get(first) or by_name or noun


def _label(span: Span) -> str | None:
    """Label of the entity holding the mention's head ("a Jane Doe tweet" is no PERSON)."""
    head = span.root if span.doc.has_annotation("DEP") else span[-1]
    return head.ent_type_ or None


def _kind(form: str, parts_kind: str, role: str | None, label: str | None, words: list[str]) -> str:
    if form in ("pronoun", "relative"):
        return "unknown"
    if form == "vague":
        return kind_of_words(words[:-1])
    role_kind = title_at(role.split(), 0) if role else None
    kinds = {parts_kind, role_kind[1] if role_kind else "unknown"}
    if label == "PERSON":
        kinds.add("person")
    elif label == "ORG":
        kinds.add("organisation")
    return next(k for k in KIND_PRIORITY if k in kinds or k == "unknown")


def _roles(*phrases: str | None) -> tuple[str, ...]:
    out = [p for p in phrases if p and p.split()]  # a whitespace-only title has no last word
    return tuple(dict.fromkeys([*out, *(p.split()[-1] for p in out)]))


def _core(span: Span) -> Span:
    """Return the naming part of a mention: "Ann Lee, a fellow at X," -> "Ann Lee"."""
    start, end = span.start, span.end
    while end - start > 1 and span.doc[start].lower_ in _LEADING_JUNK:
        start += 1
    cut = next((t.i for t in span.doc[start:end] if t.text in {",", "(", "\u2014"}), end)
    end = cut if cut > start else end
    while end - start > 1 and (
        span.doc[end - 1].is_punct or span.doc[end - 1].lower_ in _POSSESSIVE
    ):
        end -= 1
    return span.doc[start:end]


def _after_parenthesis(doc: Doc, end: int) -> int:
    """Skip "(D-Ore.)" after a name so that an apposition after it is still read."""
    if end < len(doc) and doc[end].text == "(":
        close = next((t.i for t in doc[end : end + 10] if t.text == ")"), None)
        return close + 1 if close is not None else end
    return end


def _referent(doc: Doc, whole: Span, *, sentence: int, claim: Claim | None) -> Referent:
    span = _core(whole)
    words = [t.text for t in span]
    trimmed = strip_determiners(words) or words
    parts = name_parts(words)
    head = trimmed[-1].lower()
    label = _label(span)
    if (
        parts.proper
        and span.doc.has_annotation("TAG")
        and not any(t.tag_ in _PROPER_TAGS for t in span)
    ):
        parts = replace(
            parts, proper=False
        )  # a capital at the start of a sentence: "Delegates said"
    if label == "ORG" and parts.title:  # "General Motors" holds a title word but names no one
        parts = NameParts(" ".join(trimmed), True, kind_of_words(trimmed, proper=True))
    form = _form(words, head, parts.proper, label)
    role, affiliation, where = (
        _apposition(doc, _after_parenthesis(doc, span.end))
        if form == "named" and parts.proper
        else (None, None, None)
    )
    kind = _kind(form, parts.kind, role, label, trimmed)
    countries = parts.countries + ((where,) if where and where not in parts.countries else ())
    if form == "vague" and kind == "unknown" and countries and head in _STATE_HEADS:
        kind = "government"
    animacy = _animacy(label, kind, trimmed)
    common = form in ("definite", "named") and not parts.proper and head not in _PERSON_HEADS
    if common and animacy is None and not title_at([head]):
        animacy = "thing"  # "the agency", "a new ad": a thing unless the head is a person
    return Referent(
        span=TextSpan(whole.text, whole.start_char, whole.end_char),
        form=form,
        name=parts.name if form not in ("pronoun", "relative") else span.text,
        sentence=sentence,
        proper=parts.proper,
        kind=kind,
        countries=countries,
        head=head,
        roles=_roles(parts.title, role, head if form == "definite" else None),
        animacy=animacy,
        gender=_gender(trimmed if form != "named" else [*trimmed[:1], *parts.name.split()]),
        plural=_plural(span, head, form),
        subject=doc.has_annotation("DEP") and span.root.dep_ in ("nsubj", "nsubjpass"),
        is_source=claim is not None,
        affiliation=affiliation,
        cue=claim.cue.text.lower() if claim is not None and claim.cue else None,
    )


def _plural(span: Span, head: str, form: str) -> bool:
    if PRONOUNS.get(head) == "plural":
        return True
    if span.doc.has_annotation("TAG") and form != "pronoun":
        return span.root.tag_ in ("NNS", "NNPS") and span.root.ent_type_ not in ("ORG", "GPE")
    return form == "vague" and head.endswith("s")


def _in_quote(span: TextSpan, claims: Sequence[Claim]) -> bool:
    return any(c.direct and c.content.contains(span) for c in claims)


def _doc_span(doc: Doc, span: TextSpan) -> Span | None:
    """The tokens under ``span``, or None when its offsets do not fit the text."""
    # len(doc.text) would join every token on each call; the last token's end is the same length.
    text_length = doc[-1].idx + len(doc[-1].text_with_ws) if len(doc) else 0
    if not 0 <= span.start < span.end <= text_length:
        return None
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found if found is not None and len(found) and found.text.strip() else None


def _referents(doc: Doc, claims: Sequence[Claim]) -> tuple[list[Referent], dict[int, int]]:
    """Return the document's referents in text order and, per claim index, its source's."""
    sentence_of = _sentence_of(doc)
    spans: dict[tuple[int, int], tuple[Span, Claim | None]] = {}
    for claim in claims:
        if claim.source is not None:
            span = _doc_span(doc, claim.source.span)
            if span is not None:
                spans.setdefault((span.start_char, span.end_char), (span, claim))
    taken = [range(s, e) for s, e in spans]
    for ent in doc.ents:
        if ent.label_ in _ENTITY_LABELS - {"NORP"} and not any(
            ent.start_char in r or (ent.end_char - 1) in r for r in taken
        ):
            spans.setdefault((ent.start_char, ent.end_char), (ent, None))
    referents = []
    for key in sorted(spans):
        span, owner = spans[key]
        referent = _referent(doc, span, sentence=sentence_of[span.start], claim=owner)
        referents.append(replace(referent, in_quote=_in_quote(referent.span, claims)))
    index = {(r.span.start, r.span.end): i for i, r in enumerate(referents)}
    owners = {}
    for k, claim in enumerate(claims):
        if claim.source is not None:
            span = _doc_span(doc, claim.source.span)
            if span is not None and (span.start_char, span.end_char) in index:
                owners[k] = index[(span.start_char, span.end_char)]
    return referents, owners


def _source_ref(source: SourceRef, resolution: Resolution) -> SourceRef:
    return replace(
        source,
        name=resolution.name,
        kind=resolution.kind if resolution.kind != "unknown" else source.kind,
        country=resolution.country or source.country,
        affiliation=resolution.affiliation or source.affiliation,
        resolved_from=resolution.named_by,
    )


def resolved_claims(doc: Doc, claims: Sequence[Claim]) -> Iterator[Claim]:
    """Yield ``claims`` with their sources resolved, named and described.

    Pronouns and definite descriptions take the name of what they refer to;
    vague sources keep their wording. Claims without a source pass unchanged.

    Example:
        >>> claims = list(resolved_claims(doc, attributed))  # doctest: +SKIP
        >>> claims[1].source.span.text, claims[1].source.name  # doctest: +SKIP
        ('the agency', 'Ministry of Examples')
    """
    referents, owners = _referents(doc, claims)
    resolutions = list(resolve(referents))
    for k, claim in enumerate(claims):
        if claim.source is None or k not in owners:
            yield claim
        else:
            yield replace(claim, source=_source_ref(claim.source, resolutions[owners[k]]))
