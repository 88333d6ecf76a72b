"""The shared vocabulary of claimledger: small frozen records.

This module imports nothing from the package. Every record that points into a
document carries a :class:`TextSpan` whose ``start``/``end`` are character
offsets (``[start, end)``) into the stored :attr:`Document.text`.

Identifiers are strings. Extractors give their records ids local to one
document (``"c1"``, ``"q2"``); :func:`claimledger.extract.assemble` prefixes
them with the document id (``"d1a2b...:c1"``) so they are unique in a ledger and
stable across re-runs.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

__all__ = [
    "CERTAINTY_STATUSES",
    "QUANTITY_BOUNDS",
    "QUANTITY_CATEGORIES",
    "SOURCE_KINDS",
    "STORY_LABELS",
    "Claim",
    "Conflict",
    "Corroboration",
    "Document",
    "Estimate",
    "Event",
    "Extraction",
    "Grade",
    "Mention",
    "Place",
    "Quantity",
    "Source",
    "SourceRef",
    "TextSpan",
    "TimeRef",
    "text_sha256",
]

#: Certainty of a claim as read from its wording (docs/vocabulary.md).
CERTAINTY_STATUSES = (
    "asserted",
    "reported",
    "confirmed",
    "denied",
    "alleged",
    "estimated",
    "conditional",
    "hedged",
    "predicted",
    "opinion",
)

#: What a number counts.
QUANTITY_CATEGORIES = (
    "killed",
    "wounded",
    "killed_or_wounded",
    "captured",
    "missing",
    "deployed",
    "displaced",
    "attacks",
    "other",
)

#: How a number is bounded by its wording ("more than 3,000" -> more_than).
QUANTITY_BOUNDS = (
    "exact",
    "more_than",
    "at_least",
    "less_than",
    "at_most",
    "about",
    "range",
    "vague",
)

#: Kinds of sources.
SOURCE_KINDS = (
    "person",
    "head_of_state",
    "government",
    "military",
    "intelligence_agency",
    "media",
    "analyst",
    "organisation",
    "unknown",
)

#: Words that label a story's genre or version, never its outlet or speaker:
#: "Talks Stall (Analysis) -" is no dateline, "Update: ..." no speaker's line.
STORY_LABELS = frozenset(
    {"analysis", "breaking", "commentary", "correction", "editorial", "exclusive", "explainer",
     "factbox", "live", "note", "opinion", "photos", "q&a", "update", "updated", "video", "watch"}
)  # fmt: skip


def text_sha256(text: str) -> str:
    """Return the hex SHA-256 of ``text`` encoded as UTF-8."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class TextSpan:
    """A piece of a document's text: ``text == document.text[start:end]``."""

    text: str
    start: int
    end: int

    def contains(self, other: TextSpan) -> bool:
        """Return True if ``other`` lies within this span."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: TextSpan) -> bool:
        """Return True if the two spans share at least one character."""
        return self.start < other.end and other.start < self.end


@dataclass(frozen=True, slots=True)
class Document:
    """One stored document. ``text`` is exactly what every span points into."""

    id: str
    text: str
    external_id: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    duplicate_of: str | None = None

    @property
    def text_sha256(self) -> str:
        return text_sha256(self.text)


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention as the model tagged it."""

    span: TextSpan
    label: str


@dataclass(frozen=True, slots=True)
class SourceRef:
    """Who a claim is attributed to, as written and as resolved.

    ``span`` is the mention in the claim's sentence (it may be a pronoun);
    ``name`` is the canonical name it resolves to ("the agency" ->
    "National Intelligence Service"). ``resolved_from`` is the span of the
    antecedent the name was taken from, when it was resolved.
    """

    span: TextSpan
    name: str
    kind: str = "unknown"
    country: str | None = None
    affiliation: str | None = None
    resolved_from: TextSpan | None = None


@dataclass(frozen=True, slots=True)
class Claim:
    """An attributed (or unattributed) statement in one document.

    ``source`` is None for claims the text makes without attribution.
    ``status`` is one of :data:`CERTAINTY_STATUSES`; ``status_cues`` are the
    words that decided it. ``via`` lists intermediaries and media in order
    ("UPI", "told the BBC", "in a post on X"). ``parent_id`` links a nested
    claim to the claim it is reported within.
    """

    id: str
    content: TextSpan
    document_id: str = ""
    source: SourceRef | None = None
    cue: TextSpan | None = None
    direct: bool = False
    status: str = "asserted"
    status_cues: tuple[str, ...] = ()
    via: tuple[str, ...] = ()
    parent_id: str | None = None
    event_time: str | None = None


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure: value with bounds, what it counts and whose it is."""

    id: str
    span: TextSpan
    value: float
    document_id: str = ""
    low: float | None = None
    high: float | None = None
    bound: str = "exact"
    category: str = "other"
    subject: str | None = None
    qualifier: str | None = None
    subset_of: str | None = None
    claim_id: str | None = None


@dataclass(frozen=True, slots=True)
class Place:
    """A place mention resolved to a gazetteer entry.

    ``feature`` is "country", "admin1" or "city". ``role`` says what the place
    is to the claim where the text shows it ("event", "speaker", "negated").
    """

    id: str
    span: TextSpan
    name: str
    document_id: str = ""
    geonames_id: int | None = None
    country: str | None = None
    admin1: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature: str = "city"
    role: str | None = None
    claim_id: str | None = None


@dataclass(frozen=True, slots=True)
class TimeRef:
    """A time expression resolved against the report date; ``end`` inclusive."""

    id: str
    span: TextSpan
    start: date
    end: date
    document_id: str = ""
    granularity: str = "day"
    claim_id: str | None = None

    @property
    def iso(self) -> str:
        """ISO 8601 form at its granularity: ``2024-12-27``, ``2024-10``, a range."""
        if self.granularity == "month":
            return self.start.strftime("%Y-%m")
        if self.granularity == "year":
            return str(self.start.year)
        if self.start == self.end:
            return self.start.isoformat()
        return f"{self.start.isoformat()}/{self.end.isoformat()}"


@dataclass(frozen=True, slots=True)
class Event:
    """A typed event (capture, death, attack, ...) asserted by a claim."""

    id: str
    type: str
    claim_id: str
    document_id: str = ""
    participants: tuple[str, ...] = ()
    place_id: str | None = None
    time: str | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything extracted from one document."""

    mentions: tuple[Mention, ...] = ()
    claims: tuple[Claim, ...] = ()
    quantities: tuple[Quantity, ...] = ()
    places: tuple[Place, ...] = ()
    times: tuple[TimeRef, ...] = ()
    events: tuple[Event, ...] = ()


@dataclass(frozen=True, slots=True)
class Source:
    """A canonical source across the ledger."""

    id: str
    name: str
    kind: str = "unknown"
    country: str | None = None
    affiliation: str | None = None
    aliases: tuple[str, ...] = ()
    reliability: str | None = None
    reliability_suggested: bool = False


@dataclass(frozen=True, slots=True)
class Conflict:
    """A contradiction (or a revision) between claims or figures."""

    id: str
    kind: str
    summary: str
    claim_ids: tuple[str, ...] = ()
    quantity_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Corroboration:
    """Claims that support each other, with their independent origins."""

    id: str
    kind: str
    summary: str
    claim_ids: tuple[str, ...] = ()
    quantity_ids: tuple[str, ...] = ()
    origins: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Estimate:
    """Low / best / high for one figure proposition under a named policy."""

    id: str
    category: str
    policy: str
    low: float | None
    best: float | None
    high: float | None
    quantity_ids: tuple[str, ...] = ()
    low_from: str | None = None
    best_from: str | None = None
    high_from: str | None = None
    subject: str | None = None


@dataclass(frozen=True, slots=True)
class Grade:
    """Admiralty information credibility (1-6) of one claim, with reasons."""

    claim_id: str
    credibility: int
    reasons: tuple[str, ...] = ()
