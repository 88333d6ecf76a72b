"""Entity mentions as the statistical model tagged them."""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc

from claimledger.model import Mention, TextSpan


def entity_mentions(doc: Doc) -> Iterator[Mention]:
    """Yield one :class:`Mention` per entity the model found in ``doc``."""
    for ent in doc.ents:
        yield Mention(
            span=TextSpan(ent.text, ent.start_char, ent.end_char),
            label=ent.label_,
        )
