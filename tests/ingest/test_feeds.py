"""RSS and Atom feed files: one document per entry."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from claimledger.errors import (
    BinaryInputError,
    EmptyInputError,
    InputError,
    MalformedInputError,
    OversizedInputError,
)
from claimledger.ingest.feeds import FEED_FILE_FACTOR, read_feed
from claimledger.model import Document

_RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Northwire World</title><link>https://example.org/</link>
<item>
  <title>Depot burns near Varno</title>
  <link>https://example.org/a1</link>
  <guid>urn:northwire:a1</guid>
  <pubDate>Wed, 04 Jun 2025 23:30:00 GMT</pubDate>
  <description><![CDATA[<p>A fire broke out at a <b>fuel depot</b>.</p>
    <p>Nobody was hurt.</p>]]></description>
</item>
<item>
  <title>Talks to resume</title>
  <link>https://example.org/a2</link>
  <description>Mediators proposed a third round.</description>
</item>
<item><link>https://example.org/a3</link></item>
</channel></rss>
"""

_ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Kestrel Monitor</title><id>urn:km</id>
<updated>2025-06-05T00:00:00Z</updated>
<entry>
  <title>Observers deployed</title><id>urn:km:e1</id>
  <updated>2025-06-06T10:00:00Z</updated><published>2025-06-05T09:00:00Z</published>
  <summary>Short teaser.</summary>
  <content type="html">&lt;p&gt;Twelve observers arrived in Varno.&lt;/p&gt;
    &lt;p&gt;They will stay a month.&lt;/p&gt;</content>
</entry>
<entry>
  <title>Only updated</title><id>urn:km:e2</id><updated>2025-06-07T10:00:00Z</updated>
  <summary type="text">Plain summary text.</summary>
</entry>
</feed>
"""


def _feed(tmp_path: Path, data: bytes, name: str = "feed.rss") -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_feeds_rss_entries(tmp_path: Path):
    path = _feed(tmp_path, _RSS)
    first, second, third = read_feed(path, max_bytes=100_000)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert (
        first.text
        == "Depot burns near Varno\n\nA fire broke out at a fuel depot.\n\nNobody was hurt."
    )
    assert (first.title, first.outlet) == ("Depot burns near Varno", "Northwire World")
    assert (first.external_id, first.url) == ("urn:northwire:a1", "https://example.org/a1")
    assert first.published == date(2025, 6, 4)
    assert second.external_id == "https://example.org/a2" and second.published is None
    assert isinstance(third, EmptyInputError) and third.where == f"{path}#3"


def test_feeds_atom_prefers_content_and_published(tmp_path: Path):
    path = _feed(tmp_path, _ATOM, "feed.atom")
    first, second = read_feed(path, max_bytes=100_000)
    assert isinstance(first, Document) and isinstance(second, Document)
    assert first.text == (
        "Observers deployed\n\nTwelve observers arrived in Varno.\n\nThey will stay a month."
    )
    assert (first.external_id, first.outlet, first.published) == (
        "urn:km:e1",
        "Kestrel Monitor",
        date(2025, 6, 5),
    )
    assert second.text == "Only updated\n\nPlain summary text."
    assert second.published == date(2025, 6, 7)


@pytest.mark.parametrize(
    ("data", "error", "reason"),
    [
        (b"<rss><channel><title>cut off", MalformedInputError, "not a well-formed feed"),
        (b"plain words, not xml", MalformedInputError, "not a well-formed feed"),
        (b"<?xml version='1.0'?><notes><n>1</n></notes>", MalformedInputError, "not an RSS"),
        (
            b"<?xml version='1.0'?><rss version='2.0'><channel><title>T</title></channel></rss>",
            EmptyInputError,
            "feed has no entries",
        ),
        (b"", EmptyInputError, "empty input"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", BinaryInputError, "binary data"),
    ],
)
def test_feeds_unusable_file(tmp_path: Path, data, error, reason):
    path = _feed(tmp_path, data, "bad.xml")
    with pytest.raises(error, match=rf"^{re.escape(path)}: {reason}") as raised:
        list(read_feed(path, max_bytes=100_000))
    assert "\n" not in str(raised.value)


def test_feeds_oversized_file(tmp_path: Path):
    path = _feed(tmp_path, _RSS)
    with pytest.raises(OversizedInputError, match=rf"^{re.escape(path)}: larger than"):
        list(read_feed(path, max_bytes=len(_RSS) // FEED_FILE_FACTOR - 1))


def test_feeds_limit_each_entry_not_the_whole_file(tmp_path: Path):
    path = _feed(tmp_path, _RSS)
    entries = list(read_feed(path, max_bytes=len(_RSS) // 2))
    assert not any(isinstance(entry, OversizedInputError) for entry in entries)
    first = entries[0]
    assert isinstance(first, Document)
    limit = len(first.text.encode("utf-8")) - 1
    items = list(read_feed(path, max_bytes=limit))
    assert isinstance(items[0], OversizedInputError)
    assert str(items[0]).startswith(f"{path}#1: entry text larger than")
    assert any(isinstance(item, Document) for item in items[1:])


def test_feeds_truncated_feed_keeps_its_entries(tmp_path: Path):
    path = _feed(tmp_path, _RSS[: _RSS.index(b"<item><link>")])
    items = list(read_feed(path, max_bytes=100_000))
    assert [type(item) for item in items] == [Document, Document]
    assert not any(isinstance(item, InputError) for item in items)
