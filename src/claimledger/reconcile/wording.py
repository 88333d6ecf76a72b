"""Words of a claim: tokens for overlap, event types, subject heads.

No model is needed here: the engine compares claims by lowercased words with a
crude plural folding, which is enough for blocking and for the overlap tests
(token Jaccard) the grouping uses. The trigger table gives claims that carry
no :class:`~claimledger.model.Event` an event type from their wording.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from functools import cache

__all__ = [
    "EVENT_TRIGGERS",
    "OPPOSED_EVENT_TYPES",
    "event_types_in",
    "jaccard",
    "signatures",
    "statement_words",
    "subject_head",
    "subject_modifiers",
    "subject_tokens",
    "tokens",
]

_WORD = re.compile(r"[a-z0-9]+(?:['’][a-z]+)?")

_STOPWORDS = frozenset(
    """a an the and or but of in on at to for from by with without into onto over under
    about after before during while as is are was were be been being has have had do does did
    it its it's this that these those there their they them he she his her him we our us you i
    who whom which what when where why how not no nor so than then too very can could would
    should will shall may might must also only just more most some any all each other such
    said say says saying told tell according reported reports report added claimed stated
    one two three first last new since until up down out off again further once here""".split()
)

#: Words too common in conflict news to say two claims share a subject.
_GENERIC = frozenset(
    "force military army official officials people person side region area city country "
    "part time day week month year number total taken".split()
)

#: Event type -> words (after plural folding) that signal it in a claim's content.
EVENT_TRIGGERS: dict[str, frozenset[str]] = {
    "capture": frozenset("captured capture capturing prisoner captive pow detained".split()),
    "death": frozenset("died die dead killed kill killing death perished slain".split()),
    "alive": frozenset("alive survived survive surviving".split()),
    "attack": frozenset("attack attacked strike struck shelling shelled bombing bombed".split()),
    "deployment": frozenset("deployed deploy deployment dispatched".split()),
    "casualties": frozenset("casualty wounded injured injury".split()),
    "exchange": frozenset("exchange exchanged swap swapped".split()),
}

#: Pairs of event types that cannot both hold of one subject ("died" vs "alive").
OPPOSED_EVENT_TYPES = frozenset({("death", "alive"), ("alive", "death")})

_TRIGGER_WORDS = frozenset().union(*EVENT_TRIGGERS.values())

_SUBJECT_HEADS = {
    "soldier": "troops",
    "troop": "troops",
    "serviceman": "troops",
    "servicemen": "troops",
    "personnel": "troops",
    "unit": "troops",
    "force": "troops",
    # Irregulars are counted apart from an army's troops ("2 fighters" is not the
    # other side's "one soldier"), and under one head whatever they are called.
    "fighter": "fighters",
    "rebel": "fighters",
    "separatist": "fighters",
    "militant": "fighters",
    "insurgent": "fighters",
    "guerrilla": "fighters",
    "militia": "fighters",
    "militiamen": "fighters",
    "militiaman": "fighters",
    "person": "people",
    "resident": "people",
    "victim": "people",
}


def _fold(word: str) -> str:
    word = word.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


@cache
def tokens(text: str) -> frozenset[str]:
    """Return the folded content words of ``text`` (no stopwords)."""
    words = (_fold(w) for w in _WORD.findall(text.lower()))
    return frozenset(w for w in words if w not in _STOPWORDS and len(w) > 1)


def subject_tokens(text: str, *, exclude: frozenset[str] = frozenset()) -> frozenset[str]:
    """Return the words that say what a claim is about: no triggers, places or generic words."""
    return tokens(text) - _TRIGGER_WORDS - _GENERIC - exclude


def event_types_in(text: str) -> frozenset[str]:
    """Return the event types whose trigger words occur in ``text``."""
    words = tokens(text)
    return frozenset(kind for kind, triggers in EVENT_TRIGGERS.items() if words & triggers)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    """Return |a & b| / |a | b| (0 for two empty sets)."""
    union = len(a | b)
    return len(a & b) / union if union else 0.0


def subject_head(subject: str | None) -> str:
    """Return the normalised head noun of a figure's subject, ``"*"`` when unknown.

    >>> subject_head("North Korean soldiers")
    'troops'
    """
    if not subject:
        return "*"
    words = [_fold(w) for w in _WORD.findall(subject.lower())]
    if not words:
        return "*"
    return _SUBJECT_HEADS.get(words[-1], words[-1])


def subject_modifiers(subject: str | None) -> frozenset[str]:
    """Return the folded words of a subject before its head ("north", "korean")."""
    if not subject:
        return frozenset()
    words = [_fold(w) for w in _WORD.findall(subject.lower())]
    return frozenset(w for w in words[:-1] if w not in _STOPWORDS)


#: Number words: a figure's own value says nothing about what it counts.
_NUMBER_WORDS = frozenset(
    """zero four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred
    thousand million dozen dozens several""".split()
)

#: Minimum words for a statement to be compared by its wording.
_MIN_STATEMENT_WORDS = 3
_SIGNATURES = 4


@cache
def statement_words(text: str) -> frozenset[str]:
    """Return a figure claim's content words without numbers ("toll rises to four")."""
    words = frozenset(w for w in tokens(text) if w not in _NUMBER_WORDS and not w.isdigit())
    return words if len(words) >= _MIN_STATEMENT_WORDS else frozenset()


def signatures(words: frozenset[str]) -> tuple[str, ...]:
    """Return min-hash keys of a word set: two sets with Jaccard J share each key with
    probability J, so near-identical statements meet in a block without a scan.

    >>> signatures(frozenset()) == ()
    True
    """
    if not words:
        return ()
    return tuple(min(words, key=_salted(salt)) for salt in range(_SIGNATURES))


def _salted(salt: int) -> Callable[[str], int]:
    # A stable hash (not hash(), which changes per process): keys may be persisted.
    return lambda word: zlib.crc32(f"{salt}:{word}".encode())
