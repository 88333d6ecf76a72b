"""Saved web pages (``.html``, ``.htm``): main text and page metadata.

The stored text is the page's main text as trafilatura extracts it (menus,
footers and comments left out). When trafilatura finds nothing, typically on
short pages, a plain lxml extraction of the whole body is used instead. The
title comes from ``og:title`` or ``<title>``; outlet, URL and publication date
from ``og:site_name``, ``og:url``/canonical link and ``article:published_time``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.etree
import lxml.html

from claimledger.errors import EmptyInputError, MalformedInputError
from claimledger.ingest.decoding import decode_text, read_file_bytes
from claimledger.ingest.dedupe import document_id
from claimledger.ingest.metadata import parse_published
from claimledger.model import Document

__all__ = ["declared_charset", "html_document", "html_to_text", "read_html"]

#: Elements whose end is a paragraph break in plain text.
_BLOCKS = frozenset(
    "address article aside blockquote br dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 "
    "h6 header hr li main nav ol p pre section table td th tr ul".split()
)
#: Elements whose content is never text a reader sees.
_INVISIBLE = ("script", "style", "noscript", "template", "head", "svg", "iframe")
#: lxml refuses str input that declares an encoding; the text is decoded already.
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
#: Where a page declares its encoding: HTML5 and http-equiv meta tags, the XML declaration.
_CHARSET = re.compile(
    rb"""(?:<meta[^>]*?charset|<\?xml[^>]*?encoding)\s*=\s*["']?([A-Za-z0-9._:-]+)""",
    re.IGNORECASE,
)
_CHARSET_BYTES = 4096
# Browsers (WHATWG Encoding) read these labels as windows-1252, and pages rely
# on it: "latin-1" pages are full of cp1252 curly quotes.
_READ_AS_WINDOWS_1252 = frozenset(
    {"iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1", "ascii", "us-ascii", "windows-1252"}
)
_WINDOWS_1252 = "cp1252"
_PUBLISHED_KEYS = ("article:published_time", "og:article:published_time", "datePublished", "date")


@dataclass(frozen=True, slots=True)
class _PageMeta:
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published_text: str | None = None


def read_html(path: str, *, max_bytes: int) -> Document:
    """Read one saved web page; its external id is ``path`` as given.

    Raises:
        InputError: a subclass naming ``path`` (empty, binary, undecodable,
            oversized, unparseable, or no text in the page).
    """
    data = read_file_bytes(path, max_bytes=max_bytes)
    markup = decode_text(data, where=path, declared=declared_charset(data))
    return html_document(markup, where=path, external_id=path)


def declared_charset(data: bytes) -> str | None:
    """Return the encoding a page declares in its first bytes (``<meta charset>``), or None.

    Example:
        >>> declared_charset(b'<meta content="text/html; charset=ISO-8859-1">')
        'cp1252'
    """
    match = _CHARSET.search(data[:_CHARSET_BYTES])
    if match is None:
        return None
    name = match[1].decode("ascii").lower()
    return _WINDOWS_1252 if name in _READ_AS_WINDOWS_1252 else name


def html_document(markup: str, *, where: str, external_id: str) -> Document:
    """Build a document from HTML: main text plus the page's own metadata.

    Raises:
        MalformedInputError: lxml cannot parse the markup into a document.
        EmptyInputError: the page holds no text.
    """
    markup = _XML_DECLARATION.sub("", markup, count=1)
    meta = _page_meta(_parse(markup, where=where))
    text = _main_text(markup) or html_to_text(markup)
    if not text.strip():
        raise EmptyInputError(where, "no text found in the HTML")
    return Document(
        id=document_id(text),
        text=text,
        external_id=external_id,
        title=meta.title,
        outlet=meta.outlet,
        url=meta.url,
        published=parse_published(meta.published_text) if meta.published_text else None,
    )


def _parse(markup: str, *, where: str) -> lxml.html.HtmlElement:
    try:
        return lxml.html.document_fromstring(markup)
    except (lxml.etree.ParserError, ValueError) as error:
        raise MalformedInputError(where, f"not parseable as HTML ({error})") from None


def _main_text(markup: str) -> str:
    # Imported here: trafilatura takes about a second to import, and a run
    # over text files or a CLI asked for --help should not pay for it.
    import trafilatura

    text = trafilatura.extract(markup, include_comments=False, include_tables=True)
    return text if isinstance(text, str) else ""


def html_to_text(markup: str) -> str:
    """Return the visible text of HTML, one paragraph per block, blank-line separated.

    Returns "" for markup lxml cannot parse or that holds no text.

    Example:
        >>> html_to_text("<p>First <b>one</b>.</p><script>x()</script><p>Second.</p>")
        'First one.\\n\\nSecond.'
    """
    try:
        root = lxml.html.document_fromstring(_XML_DECLARATION.sub("", markup, count=1))
    except (lxml.etree.ParserError, ValueError):
        return ""
    lxml.etree.strip_elements(root, *_INVISIBLE, with_tail=False)
    for element in root.iter():
        if element.tag in _BLOCKS:
            # A break on both sides: "<div>Intro<p>Body</p>" is two paragraphs.
            element.text = "\n" + (element.text or "") if element.tag != "br" else None
            element.tail = "\n" + (element.tail or "")
    lines = (" ".join(line.split()) for line in root.text_content().splitlines())
    return "\n\n".join(line for line in lines if line)


def _page_meta(root: lxml.html.HtmlElement) -> _PageMeta:
    title = _meta(root, "og:title", "twitter:title") or _clean(root.findtext(".//title"))
    canonical = root.xpath("//link[@rel='canonical']/@href")
    return _PageMeta(
        title=title,
        outlet=_meta(root, "og:site_name"),
        url=_meta(root, "og:url") or (_clean(str(canonical[0])) if canonical else None),
        published_text=_meta(root, *_PUBLISHED_KEYS),
    )


def _meta(root: lxml.html.HtmlElement, *keys: str) -> str | None:
    for key in keys:
        for value in root.xpath("//meta[@property=$key or @name=$key]/@content", key=key):
            if cleaned := _clean(str(value)):
                return cleaned
    return None


def _clean(value: str | None) -> str | None:
    return " ".join(value.split()) or None if value else None
