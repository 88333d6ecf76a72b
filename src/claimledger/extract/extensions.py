"""The ``Doc._`` attributes claimledger's components write.

Registered explicitly by :func:`register_extensions` (never at import time), so
importing the package sets no global spaCy state.
"""

from __future__ import annotations

from spacy.tokens import Doc

#: Attribute name -> what it holds. Every component writes exactly one of these.
DOC_EXTENSIONS = {
    "published": "report date of the document (datetime.date or None), set before the pipeline",
    "cl_mentions": "list[Mention] from the entity recogniser",
    "cl_claims": "list[Claim] from attribution",
    "cl_quantities": "list[Quantity] from quantities",
    "cl_places": "list[Place] from places",
    "cl_times": "list[TimeRef] from times",
    "cl_events": "list[Event] from events",
}


def register_extensions() -> None:
    """Register the ``Doc._`` attributes; safe to call more than once."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
