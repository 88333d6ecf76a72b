from __future__ import annotations

import pytest
from reconcile_builders import fact, qty

from claimledger.model import Source
from claimledger.reconcile import cross_check

TEXT = "the bridge was attacked by drones overnight"


def _origins(result):
    return [c.origins for c in result.corroborations]


def test_independence_distinct_sources_corroborate():
    a = fact("a", TEXT, source="Army", doc="d1", outlet="Wire")
    b = fact("b", TEXT, source="Police", doc="d2", outlet="Daily")
    assert _origins(cross_check([a, b])) == [("s-army", "s-police")]


def test_independence_same_canonical_source_counts_once():
    a = fact("a", TEXT, source="Army", doc="d1", outlet="Wire")
    b = fact("b", TEXT, source="the army", source_id="s-army", doc="d2", outlet="Daily")
    assert cross_check([a, b]).corroborations == ()


@pytest.mark.parametrize("duplicate_of,count", [("d1", 0), (None, 1)])
def test_independence_near_duplicate_copies_count_once(duplicate_of, count):
    a = fact("a", TEXT, source=None, doc="d1", outlet="Wire")
    b = fact("b", TEXT, source=None, doc="d2", outlet="Daily", duplicate_of=duplicate_of)
    assert len(cross_check([a, b]).corroborations) == count


def test_independence_same_outlet_unattributed_counts_once():
    a = fact("a", TEXT, source=None, doc="d1", outlet="Wire")
    b = fact("b", TEXT, source=None, doc="d2", outlet="wire")
    assert cross_check([a, b]).corroborations == ()


def test_independence_two_outlets_quoting_one_source_count_once():
    # "according to the army" in two outlets: one origin
    a = fact("a", TEXT, source="Army", doc="d1", outlet="Wire", via=("Wire",))
    b = fact("b", TEXT, source="Army", doc="d2", outlet="Daily", via=("Daily",))
    c = fact("c", TEXT, source="Police", doc="d3", outlet="Courier")
    result = cross_check([a, b, c])
    assert _origins(result) == [("s-army", "s-police")]


def test_independence_relay_of_another_source_is_not_independent():
    a = fact("a", TEXT, source="Gazette", doc="d1")
    b = fact("b", TEXT, source="Agency", doc="d2", cited=("s-gazette",), status="reported")
    assert cross_check([a, b]).corroborations == ()


def test_independence_confirming_another_source_adds_a_channel():
    a = fact("a", TEXT, source="Gazette", doc="d1", status="reported")
    b = fact("b", TEXT, source="Agency", doc="d1", cited=("s-gazette",), status="confirmed")
    assert _origins(cross_check([a, b])) == [("s-agency", "s-gazette")]


@pytest.mark.parametrize(
    "via,relayed",
    [
        ("citing the local paper", True),
        ("according to reports in the local paper", True),
        ("told the local paper", False),
        ("in a post on Gazette", False),
    ],
)
def test_independence_citation_read_from_via_with_the_registry(via, relayed):
    registry = [Source(id="s-gazette", name="Gazette", aliases=("the local paper",))]
    a = fact("a", TEXT, source="Gazette", doc="d1")
    b = fact("b", TEXT, source="Agency", doc="d2", via=(via,))
    assert len(cross_check([a, b], sources=registry).corroborations) == (0 if relayed else 1)
    assert len(cross_check([a, b]).corroborations) == 1


def test_independence_parent_cycles_do_not_loop():
    a = fact("a", TEXT, source=None, doc="d1", parent="b")
    b = fact("b", TEXT, source=None, doc="d1", parent="a")
    c = fact("c", TEXT, source="Army", doc="d2")
    assert _origins(cross_check([a, b, c])) == [("outlet:wire", "s-army")]


def test_independence_nested_unattributed_claim_inherits_parent_origin():
    parent = fact("p", "the army said the bridge was attacked", source="Army", doc="d1")
    inner = fact("a", TEXT, source=None, doc="d1", parent="p")
    other = fact("b", TEXT, source="Army", doc="d2")
    assert cross_check([parent, inner, other]).corroborations == ()


@pytest.mark.parametrize("status", ["hedged", "alleged", "predicted", "opinion", "conditional"])
def test_independence_weak_wording_supports_nothing(status):
    a = fact("a", TEXT, source="Army", doc="d1")
    b = fact("b", TEXT, source="Police", doc="d2", status=status)
    assert cross_check([a, b]).corroborations == ()


def test_independence_agreeing_figures_corroborate_with_quantities():
    a = fact("a", "12 killed", source="Army", doc="d1", quantities=[qty("qa", 12)])
    b = fact("b", "a dozen killed", source="Police", doc="d2", quantities=[qty("qb", 12)])
    (corroboration,) = cross_check([a, b]).corroborations
    assert corroboration.quantity_ids == ("qa", "qb")
    assert corroboration.claim_ids == ("a", "b")


def test_independence_contradicting_claims_are_never_in_one_corroboration():
    a = fact("a", "12 killed", source="Army", doc="d1", quantities=[qty("qa", 12, bound="about")])
    b = fact("b", "11 killed", source="Police", doc="d2", quantities=[qty("qb", 11)])
    c = fact("c", "13 killed", source="Medics", doc="d3", quantities=[qty("qc", 13)])
    result = cross_check([a, b, c])
    assert [x.quantity_ids for x in result.conflicts] == [("qb", "qc")]
    for corroboration in result.corroborations:
        assert not {"b", "c"} <= set(corroboration.claim_ids)


def test_independence_confirmation_citing_the_source_links_without_shared_words():
    report = fact("a", "rangers captured a pilot near the dam", source="Gazette", doc="d1")
    confirmation = fact(
        "b",
        "an airman was taken prisoner",
        source="Agency",
        doc="d2",
        cited=("s-gazette",),
        status="confirmed",
    )
    assert _origins(cross_check([report, confirmation])) == [("s-agency", "s-gazette")]


@pytest.mark.parametrize(
    "shorter,count",
    [
        ("the dam near the village was breached", 1),  # every word in the longer claim
        ("the dam was breached", 0),  # too few words to say it is the same statement
        ("the dam near the village was repaired", 0),  # a word the longer claim lacks
    ],
)
def test_corroboration_restatement_with_details_added_agrees(shorter, count):
    longer = "the dam near the village was breached at dawn, flooding two streets"
    a = fact("a", longer, source="Army", doc="d1")
    b = fact("b", shorter, source="Police", doc="d2", day=1)
    assert len(cross_check([a, b]).corroborations) == count


def _headline(facts):
    from dataclasses import replace

    return replace(facts, headline=True)


def test_corroboration_headline_and_body_of_one_document_are_one_origin():
    head = _headline(fact("h", TEXT, source="Army", doc="d1"))
    body = fact("b", TEXT, source="Army spokesman", doc="d1")
    assert cross_check([head, body]).corroborations == ()
    other = fact("o", TEXT, source="Police", doc="d2")
    result = cross_check([head, body, other])
    assert _origins(result) == [("s-army spokesman", "s-police")]


def test_corroboration_headline_without_its_body_counts_as_its_origin():
    head = _headline(fact("h", TEXT, source=None, doc="d1", outlet="Wire"))
    other = fact("o", TEXT, source="Police", doc="d2")
    assert _origins(cross_check([head, other])) == [("outlet:wire", "s-police")]


@pytest.mark.parametrize(
    "text,end",
    [
        ("Bridge destroyed\n\nThe bridge was destroyed.", 16),
        ("  Bridge destroyed\nbody", 18),
        ("Bridge destroyed, army says", 0),  # no body: nothing to echo
        ("Bridge destroyed\n\n", 0),
    ],
)
def test_headline_end_is_the_first_line_of_a_text_with_a_body(text, end):
    from claimledger.reconcile.facts import headline_end

    assert headline_end(text) == end


def test_facts_of_marks_the_claims_of_the_headline():
    from claimledger.model import Claim, Document, Extraction, TextSpan
    from claimledger.reconcile.facts import facts_of

    text = "Bridge destroyed, army says\n\nThe army said the bridge was destroyed."
    body_at = text.index("the bridge")
    claims = (
        Claim(id="d:c1", content=TextSpan("Bridge destroyed", 0, 16), document_id="d"),
        Claim(id="d:c2", content=TextSpan("the bridge was destroyed", body_at, body_at + 24)),
    )
    document = Document(id="d", text=text, external_id="x")
    facts = facts_of(document, Extraction(claims=claims))
    assert [f.headline for f in facts] == [True, False]
