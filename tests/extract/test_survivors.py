from __future__ import annotations

import pytest
from spacy.language import Language


@pytest.mark.model
@pytest.mark.parametrize(
    "text,wounded",
    [
        # victims said to survive are no count of the dead, though the text has one
        (
            "A clerk was killed in the robbery. A 40-year-old man, 35-year-old woman and"
            " 19-year-old man were shot in the legs but are expected to survive.",
            3,
        ),
        ("A guard died. A second guard was hit in the arm and is expected to recover.", 1),
        # the sentence tells of a death: the shot count still includes it
        ("Five people were shot; one died and four are expected to survive.", 4),
    ],
)
def test_shot_victims_said_to_survive_are_wounded(nlp: Language, text: str, wounded: int) -> None:
    found = list(nlp(text)._.cl_quantities)
    assert max(q.value for q in found if q.category == "wounded") == wounded
