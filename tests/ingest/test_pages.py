"""Saved web pages: main text, fallback, metadata, bad pages."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimledger.errors import EmptyInputError, MalformedInputError
from claimledger.ingest.pages import html_document, html_to_text, read_html

_PARAGRAPHS = [
    "VARNO, June 4 (Northwire) - Two missiles hit the river port overnight, officials said.",
    "The regional administration said three workers were wounded and a warehouse burned.",
    "Firefighters needed four hours to put out the blaze, the emergency service said.",
]
_PAGE = f"""<!DOCTYPE html>
<html><head>
<title>Port hit | Example Daily</title>
<meta property="og:title" content="Port hit overnight">
<meta property="og:site_name" content="Example Daily">
<meta property="article:published_time" content="2025-06-04T06:30:00Z">
<link rel="canonical" href="https://example.org/port-hit">
<script>var tracking = "not text";</script>
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Port hit overnight</h1>
{"".join(f"<p>{p}</p>" for p in _PARAGRAPHS)}
</article>
<footer>Copyright 2025 Example Media. All rights reserved.</footer>
</body></html>
"""


def test_pages_main_text_and_metadata(tmp_path: Path):
    path = tmp_path / "page.html"
    path.write_text(_PAGE, encoding="utf-8")
    document = read_html(str(path), max_bytes=100_000)
    assert all(paragraph in document.text for paragraph in _PARAGRAPHS)
    assert "Copyright" not in document.text and "tracking" not in document.text
    assert document.title == "Port hit overnight"
    assert (document.outlet, document.url) == ("Example Daily", "https://example.org/port-hit")
    assert document.published == date(2025, 6, 4)
    assert document.external_id == str(path)


def test_pages_title_falls_back_to_title_element():
    markup = "<html><head><title> Plain   title </title></head><body><p>Body.</p></body></html>"
    document = html_document(markup, where="p.htm", external_id="p.htm")
    assert (document.title, document.outlet, document.published) == ("Plain title", None, None)


def test_pages_xhtml_with_encoding_declaration():
    markup = '<?xml version="1.0" encoding="utf-8"?>\n<html><body><p>Declared.</p></body></html>'
    assert html_document(markup, where="x.html", external_id="x").text == "Declared."


def test_pages_fall_back_to_plain_extraction():
    # trafilatura finds no main text in a page that is all sidebar.
    markup = "<html><body><aside><p>Sidebar one.</p><p>Sidebar two.</p></aside></body></html>"
    document = html_document(markup, where="s.html", external_id="s.html")
    assert document.text == "Sidebar one.\n\nSidebar two."


def test_pages_empty_page_is_empty_input():
    with pytest.raises(EmptyInputError, match=r"^e\.html: no text found in the HTML$"):
        html_document("<html><body>  </body></html>", where="e.html", external_id="e.html")


def test_pages_unparseable_markup_is_malformed(tmp_path: Path):
    path = tmp_path / "comment.html"
    path.write_text("<!-- nothing but a comment -->", encoding="utf-8")
    with pytest.raises(MalformedInputError, match=r"comment\.html: not parseable as HTML"):
        read_html(str(path), max_bytes=1000)


def test_pages_plain_text_blocks_and_invisible_elements():
    markup = "<div>Intro<p>First <b>bold</b> line<br>next</p><style>p{}</style><ul><li>A</li></ul>"
    assert html_to_text(markup) == "Intro\n\nFirst bold line\n\nnext\n\nA"


def test_pages_plain_text_of_nothing():
    assert html_to_text("") == ""


def test_pages_declared_charset_is_used(tmp_path: Path):
    body = "<p>Министр обороны заявил, что войска отошли.</p>"
    page = f'<html><head><meta charset="koi8-r"></head><body>{body}</body></html>'
    path = tmp_path / "ru.html"
    path.write_bytes(page.encode("koi8_r"))
    assert (
        read_html(str(path), max_bytes=10_000).text == "Министр обороны заявил, что войска отошли."
    )


def test_pages_latin1_label_reads_as_windows_1252(tmp_path: Path):
    page = (
        b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
        b"</head><body><p>He said \x93no\x94 \x96 twice.</p></body></html>"
    )
    path = tmp_path / "w.html"
    path.write_bytes(page)
    assert read_html(str(path), max_bytes=10_000).text == "He said \u201cno\u201d \u2013 twice."
