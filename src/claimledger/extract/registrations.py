"""Every spaCy factory claimledger defines, in one module.

spaCy resolves factories by name from a global registry; registering them all
here (and importing this module only from :func:`claimledger.extract.load_pipeline`)
avoids the import cycles that registrations spread over modules cause, and keeps
importing any other module free of global side effects.

Each component only stores what a pure extractor function returns.
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.extract.mentions import entity_mentions
from claimledger.extract.sources import resolved_claims

Component = Callable[[Doc], Doc]


@Language.factory(
    "claimledger_mentions",
    requires=["doc.ents"],
    assigns=["doc._.cl_mentions"],
)
def make_mentions(nlp: Language, name: str) -> Component:
    def component(doc: Doc) -> Doc:
        doc._.cl_mentions = list(entity_mentions(doc))
        return doc

    return component


@Language.factory(
    "claimledger_sources",
    requires=["doc._.cl_claims"],
    assigns=["doc._.cl_claims"],
)
def make_sources(nlp: Language, name: str) -> Component:
    """Resolve the sources of the claims attribution stored (pronouns, descriptions, names)."""

    def component(doc: Doc) -> Doc:
        doc._.cl_claims = list(resolved_claims(doc, doc._.cl_claims or ()))
        return doc

    return component
