"""Exact duplicates by content id, near duplicates by MinHash LSH."""

from __future__ import annotations

import hashlib
import random

import pytest

from claimledger.ingest.dedupe import (
    NEAR_DUPLICATE_THRESHOLD,
    NearDuplicateIndex,
    document_id,
    normalise_text,
    shingles,
    signature,
)

# Hand-written reports about a fictional conflict (about 300 words each).
_BODY = [
    "VARNO, Delmar, June 4 (Northwire) - Artillery fire hit the outskirts of Varno on Tuesday, "
    "hours after negotiators from Delmar and the Ostrian Federation left a second round of "
    "ceasefire talks without an agreement, regional officials said.",
    "The regional governor, Anna Lisk, said in a statement that at least 14 civilians were "
    'wounded overnight and that two schools and a water pumping station were damaged. "We are '
    "repairing what we can, but the shelling has not stopped for more than an hour since "
    'midnight," she said.',
    "Ostrian military spokesman Colonel Ivo Marek denied that his forces had targeted civilian "
    "sites. He told reporters in the capital that Ostrian units had only answered fire from "
    "Delmari positions along the river and that the damage in Varno was caused by Delmari air "
    "defence missiles falling back on the town.",
    "The talks, hosted by the neighbouring republic of Kestrel, broke up on Monday evening after "
    "the two delegations failed to agree on the withdrawal line for heavy weapons. Mediators "
    "said a third round could take place next week, but neither side confirmed a date.",
    "Aid groups have warned that more than 30,000 people remain in Varno without reliable "
    "running water. The International Relief Committee said its convoy of eight trucks had been "
    "waiting at a checkpoint west of the town since Sunday and had not been allowed to enter.",
    "Analysts at the Centre for Border Studies said the renewed shelling suggested both sides "
    'were trying to improve their positions before any truce takes effect. "Every metre of the '
    'river bank matters in these negotiations," said senior researcher Piotr Halm.',
]
WIRE = "\n\n".join(
    [
        "Ceasefire talks stall as shelling resumes near Varno",
        *_BODY,
        "Delmar's foreign ministry called on the Ostrian Federation to return to the table without "
        "preconditions and said it would ask the regional security council to send observers to "
        "the front line near Varno.",
    ]
)
# A republished copy: new headline, the last paragraph replaced by a credit line.
WIRE_COPY = "\n\n".join(
    [
        "Shelling returns to Varno after talks fail, governor says",
        *_BODY,
        "(Reporting by the Northwire desk; additional reporting by our correspondent in Varno.)",
    ]
)
# Another outlet's own report on the same events, names and figures shared.
SAME_EVENT = """Governor: 14 hurt as Varno comes under fire again

Residents of Varno spent another night in basements as artillery struck the eastern edge of \
the town, according to local authorities, who put the number of wounded at 14.

Governor Anna Lisk told our correspondent that the water pumping station, which supplies most \
of the town, had been hit and that engineers could not reach it until the firing stopped. She \
blamed Ostrian artillery for the damage.

The Ostrian Federation rejected the accusation. Colonel Ivo Marek, speaking for its armed \
forces, said Ostrian troops were responding to attacks from the Delmari side of the river and \
suggested that falling air defence missiles were to blame.

The shelling came a day after ceasefire negotiations in Kestrel ended without a deal. \
Diplomats familiar with the talks said the main dispute was over how far heavy weapons should \
be pulled back from the river.

The International Relief Committee said eight of its trucks carrying water and medicine were \
still stuck at a checkpoint outside the town. Tens of thousands of residents rely on deliveries \
while the pumping station is out of service.
"""


def _jaccard(a: str, b: str) -> float:
    first, second = shingles(a), shingles(b)
    return len(first & second) / len(first | second)


def test_dedupe_normalise_text():
    assert normalise_text(" The \u201cGovernor\u2019s\u201d  report \u2014\nVARNO ") == (
        'the "governor\'s" report - varno'
    )
    assert normalise_text("\uff21\ufb01") == "afi"  # NFKC: fullwidth A, "fi" ligature


def test_dedupe_document_id_format():
    identifier = document_id("Varno was shelled.")
    assert identifier.startswith("d") and len(identifier) == 17
    int(identifier[1:], 16)


@pytest.mark.parametrize(
    "variant",
    [
        "Varno  was\nshelled, \u201cagain\u201d \u2013 officials.",
        '  VARNO WAS SHELLED, "AGAIN" - OFFICIALS.\r\n',
        "Varno was shelled, \u2018\u2018again\u2019\u2019 \u2014 officials.".replace(
            "\u2018\u2018", "\u201c"
        ).replace("\u2019\u2019", "\u201d"),
    ],
)
def test_dedupe_exact_duplicates_share_an_id(variant):
    assert document_id(variant) == document_id('Varno was shelled, "again" - officials.')


def test_dedupe_different_texts_differ():
    assert document_id("Varno was shelled.") != document_id("Varno was not shelled.")


def test_dedupe_test_texts_straddle_the_threshold():
    # The fixtures are meaningful only if the exact similarities sit on either side.
    assert _jaccard(WIRE, WIRE_COPY) >= NEAR_DUPLICATE_THRESHOLD + 0.05
    assert _jaccard(WIRE, SAME_EVENT) < 0.1


def test_dedupe_finds_wire_copy_not_same_event_report():
    index = NearDuplicateIndex()
    index.add("dwire", WIRE)
    assert index.find(WIRE_COPY) == "dwire"
    assert index.find(SAME_EVENT) is None


def test_dedupe_prefers_most_similar_document():
    index = NearDuplicateIndex()
    index.add("dcopy", WIRE_COPY)
    index.add("dwire", WIRE)
    assert index.find(WIRE) == "dwire"


def test_dedupe_signature_round_trip_rebuilds_index():
    stored = [("dwire", signature(WIRE)), ("dother", signature(SAME_EVENT))]
    assert all(len(data) == len(stored[0][1]) for _, data in stored)
    index = NearDuplicateIndex.from_signatures(stored)
    assert len(index) == 2 and "dwire" in index
    assert index.find(WIRE_COPY) == "dwire"


def test_dedupe_signature_is_deterministic():
    assert signature(WIRE) == signature(WIRE)
    assert signature(WIRE) != signature(SAME_EVENT)


@pytest.mark.parametrize("data", [b"", b"CLMH" + b"\x00" * 20, signature(WIRE)[:-8]])
def test_dedupe_rejects_foreign_signature(data):
    with pytest.raises(ValueError, match="not a claimledger MinHash signature"):
        NearDuplicateIndex.from_signatures([("dx", data)])


def test_dedupe_texts_without_words_match_nothing():
    index = NearDuplicateIndex()
    index.add("dpunct", "!!! ... ???")
    assert len(index) == 0
    assert index.find("--- ...") is None


def test_dedupe_add_is_idempotent():
    index = NearDuplicateIndex()
    index.add("dwire", WIRE)
    index.add("dwire", WIRE)
    index.add_signature("dwire", signature(WIRE))
    assert len(index) == 1


def test_dedupe_short_texts_are_one_shingle():
    assert shingles("Varno shelled again") == {"varno shelled again"}
    assert len(shingles("one two three four five six")) == 2


def test_dedupe_signature_format_is_stable():
    # Stored signatures are compared with new ones: a change to shingling or
    # hashing must bump the format version, and this golden value with it.
    data = signature("Mediators said a third round of talks could take place next week in Kestrel.")
    assert data[:8] == b"CLMH\x01\x80\x00\x05"
    assert hashlib.sha256(data).hexdigest()[:16] == "745bfe6a2752814c"


def test_dedupe_index_fits_the_runner_protocol():
    from claimledger.ingest.runner import DuplicateIndex

    index: DuplicateIndex = NearDuplicateIndex()
    index.add("dwire", WIRE)
    assert index.signature(WIRE) == signature(WIRE)
    assert index.find(WIRE_COPY) == "dwire"


def _edited_pairs(count: int) -> list[tuple[str, str]]:
    """Texts of 300 made-up words, and copies with 20 words replaced at each end."""
    rng = random.Random(11)
    pairs = []
    for _ in range(count):
        words = [f"w{rng.randrange(100_000)}" for _ in range(300)]
        fresh = [f"x{rng.randrange(100_000)}" for _ in range(40)]
        copy = fresh[:20] + words[20:280] + fresh[20:]
        pairs.append((" ".join(words), " ".join(copy)))
    return pairs


def test_dedupe_catches_copies_just_above_threshold():
    pairs = _edited_pairs(40)
    similarities = [_jaccard(original, copy) for original, copy in pairs]
    assert all(0.74 <= value <= 0.78 for value in similarities)  # 256 of 336 shingles
    index = NearDuplicateIndex()
    for number, (original, _) in enumerate(pairs):
        index.add(f"d{number}", original)
    found = sum(index.find(copy) == f"d{n}" for n, (_, copy) in enumerate(pairs))
    assert found >= 36  # LSH banding and MinHash noise may lose a few, not many
