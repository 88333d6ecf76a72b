"""Casualty phrases whose wording says wounded (or killed) without a casualty verb
on the number itself: collectives, destinations, partners, implicit victims."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimledger.model import Quantity


def _largest(found: list[Quantity], category: str) -> float:
    return max((q.value for q in found if q.category == category), default=0.0)


@pytest.mark.model
@pytest.mark.parametrize(
    "text,killed,wounded",
    [
        # a collective ("total") holds the counted phrase's place in the clause
        ("Officers said a total of seven people were injured near the depot.", 0.0, 7.0),
        # a destination on the object of "send", "to" parsed as a dative
        (
            "Deputies named the victims of a fight at a Millbrook bar that killed one "
            "and sent four others to hospitals.",
            1.0,
            4.0,
        ),
        # partners share the verb: "shot along with", "died along with"
        ("Hardy, 31, was shot along with five others near the pier.", 0.0, 5.0),
        ("The driver died along with three others in the blast.", 3.0, 0.0),
        # ... but not its complement: "found dead along with" says nothing of the others' fate
        ("One woman was found dead on Pine Road, along with two other victims.", 1.0, 0.0),
        # "fighting for his life" is alive and gravely hurt, unless he died
        ("A teenager is fighting for his life after the attack at the mall.", 0.0, 1.0),
        ("A cashier was fighting for her life but died on Sunday.", 1.0, 0.0),
        # a relative clause with "suffer": the object names the harm
        ("Medics reached two hikers who were suffering serious injuries.", 0.0, 2.0),
        # a coordinated "expected to survive" says the same victim lives
        ("One man died, and a clerk was struck in the arm and is expected to survive.", 1.0, 1.0),
        # a reflexive object: the subject is the one taken to hospital
        ("Detectives learned that five men had driven themselves to a nearby hospital.", 0.0, 5.0),
        # injuries named by kind; a number on them counts the injuries, not people
        ("The three cyclists suffered severe bruising in the fall.", 0.0, 3.0),
        ("A cyclist suffered four fractures in the crash.", 0.0, 1.0),
        # patients received from a shooting are its wounded
        ("The trauma center admitted six patients after the gunfire.", 0.0, 6.0),
    ],
)
def test_casualty_phrase_readings(nlp: Language, text: str, killed: float, wounded: float) -> None:
    found = list(nlp(text)._.cl_quantities)
    assert (_largest(found, "killed"), _largest(found, "wounded")) == (killed, wounded)
