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
from spacy.util import registry

from claimledger.errors import ConfigError
from claimledger.extract.attribution import attributed_claims
from claimledger.extract.claim_filter import ClaimFilter, kept_claims, load_claim_filter
from claimledger.extract.cues import CueLexicon, load_cues
from claimledger.extract.events import events
from claimledger.extract.gazetteer import Gazetteer
from claimledger.extract.mentions import entity_mentions
from claimledger.extract.numbers import ACLED, VaguePolicy
from claimledger.extract.places import places
from claimledger.extract.quantities import quantities
from claimledger.extract.sources import resolved_claims
from claimledger.extract.times import times
from claimledger.extract.unattributed import unattributed_claims

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


def cues_v1() -> CueLexicon:
    """The packaged cue lexicon, version 1 (docs/cues.md)."""
    return load_cues("cues.v1.json")


def cues_v2() -> CueLexicon:
    """The packaged cue lexicon, version 2, the default (docs/cues.md)."""
    return load_cues("cues.v2.json")


# Same as decorating with @registry.misc(...), which mypy --strict sees as untyped.
registry.misc.register("claimledger.cues.v1", func=cues_v1)
registry.misc.register("claimledger.cues.v2", func=cues_v2)


def claim_filter_v1() -> ClaimFilter:
    """The packaged claim filter weights, version 1, the default (docs/claim_filter.md)."""
    return load_claim_filter("claim_filter.v1.json")


def no_claim_filter_v1() -> None:
    """No claim filter: every candidate the attribution rules find is kept."""
    return None


registry.misc.register("claimledger.claim_filter.v1", func=claim_filter_v1)
registry.misc.register("claimledger.no_claim_filter.v1", func=no_claim_filter_v1)


@Language.factory(
    "claimledger_attribution",
    requires=["token.dep", "token.head", "token.lemma", "token.pos", "doc.ents"],
    assigns=["doc._.cl_claims"],
    default_config={
        "cues": {"@misc": "claimledger.cues.v2"},
        "claim_filter": {"@misc": "claimledger.claim_filter.v1"},
    },
)
def make_attribution(
    nlp: Language, name: str, cues: CueLexicon, claim_filter: ClaimFilter | None
) -> Component:
    def component(doc: Doc) -> Doc:
        found = attributed_claims(doc, cues=cues)
        doc._.cl_claims = list(kept_claims(doc, found, claim_filter=claim_filter))
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


@Language.factory(
    "claimledger_places",
    requires=["doc.ents", "token.dep"],
    assigns=["doc._.cl_places"],
)
def make_places(nlp: Language, name: str) -> Component:
    gazetteer = Gazetteer()  # loads its data on the first lookup, then caches it

    def component(doc: Doc) -> Doc:
        doc._.cl_places = list(places(doc, gazetteer=gazetteer))
        return doc

    return component


@Language.factory(
    "claimledger_times",
    requires=["doc.ents"],
    assigns=["doc._.cl_times"],
)
def make_times(nlp: Language, name: str) -> Component:
    def component(doc: Doc) -> Doc:
        doc._.cl_times = list(times(doc))
        return doc

    return component


@Language.factory(
    "claimledger_events",
    requires=["doc._.cl_claims", "doc._.cl_quantities", "doc._.cl_places", "doc._.cl_times"],
    assigns=["doc._.cl_events"],
)
def make_events(nlp: Language, name: str) -> Component:
    def component(doc: Doc) -> Doc:
        doc._.cl_events = list(
            events(
                doc,
                claims=doc._.cl_claims or (),
                quantities=doc._.cl_quantities or (),
                places=doc._.cl_places or (),
                times=doc._.cl_times or (),
            )
        )
        return doc

    return component


@Language.factory(
    "claimledger_quantities",
    requires=["doc.ents", "token.dep", "token.lemma"],
    assigns=["doc._.cl_quantities"],
    default_config={"vague_policy": "acled"},
)
def make_quantities(nlp: Language, name: str, vague_policy: str) -> Component:
    policy = _vague_policy(vague_policy)

    def component(doc: Doc) -> Doc:
        doc._.cl_quantities = list(quantities(doc, policy=policy))
        return doc

    return component


@Language.factory(
    "claimledger_unattributed",
    requires=["doc._.cl_claims", "doc._.cl_quantities", "token.is_sent_start"],
    assigns=["doc._.cl_claims"],
)
def make_unattributed(nlp: Language, name: str) -> Component:
    def component(doc: Doc) -> Doc:
        claims = list(doc._.cl_claims or [])
        quantities = doc._.cl_quantities or []
        doc._.cl_claims = claims + list(
            unattributed_claims(doc, claims=claims, quantities=quantities)
        )
        return doc

    return component


def _vague_policy(name: str) -> VaguePolicy:
    policies = {ACLED.name: ACLED}
    if name not in policies:
        raise ConfigError(f"unknown vague_policy {name!r}; known: {sorted(policies)}")
    return policies[name]
