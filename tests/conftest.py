"""The suite's only conftest: shared fixtures.

Unit tests build spaCy Docs by hand (``en_vocab``, ``make_doc``); the few tests
that load the real model take ``nlp`` and are marked ``model``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import pytest
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from claimledger.extract.extensions import register_extensions


@pytest.fixture(scope="session")
def en_vocab() -> Vocab:
    from spacy.lang.en import English

    return English().vocab


@pytest.fixture
def make_doc(en_vocab: Vocab) -> Callable[..., Doc]:
    """Build a Doc by hand: words plus any of spaces, lemmas, pos, tags, heads, deps, ents."""
    register_extensions()

    def build(words: Sequence[str], **annotations: object) -> Doc:
        return Doc(en_vocab, words=list(words), **annotations)  # type: ignore[arg-type]

    return build


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The real pipeline (packaged English model + claimledger components)."""
    from claimledger.extract import load_pipeline

    return load_pipeline()
