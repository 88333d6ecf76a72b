"""Highlighted reader HTML: escaped text, overlapping spans nested, windows."""

from __future__ import annotations

import re
from html import unescape

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimledger.web.highlight import Highlight, highlight, sentence_window


def _h(start, end, kind="content"):
    return Highlight(start, end, kind, f"/claims/{kind}", f"{kind} <title>")


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("plain", [], "plain"),
        ("<b>&", [], "&lt;b&gt;&amp;"),
        (
            "ab",
            [_h(0, 2)],
            '<mark class="hl hl-content" data-href="/claims/content" '
            'title="content &lt;title&gt;">ab</mark>',
        ),
    ],
)
def test_highlight_escapes(text, marks, expected):
    assert str(highlight(text, marks)) == expected


def test_highlight_nests_overlapping_spans_without_crossing():
    html = str(highlight("0123456789", [_h(0, 8), _h(2, 4, "figure"), _h(3, 6, "place")]))
    stack = []
    for token in html.replace("</mark>", "\0/").replace("<mark", "\0m").split("\0")[1:]:
        if token.startswith("m"):
            stack.append(token)
        else:
            stack.pop()
    assert stack == []
    text = "".join(part.split(">", 1)[-1] for part in html.split("<mark") if part)
    assert text.replace("</mark>", "") == "0123456789"
    assert html.count('hl-content"') == 5  # cut at 2, 3, 4 and 6


@pytest.mark.parametrize("bad", [_h(5, 3), _h(-1, 2), _h(0, 99), _h(2, 2)])
def test_highlight_ignores_spans_outside_the_text(bad):
    assert str(highlight("abcdef", [bad])) == "abcdef"


@pytest.mark.parametrize(
    ("text", "start", "end", "expected"),
    [
        ("One. Two three. Four.", 9, 14, (5, 15)),
        ("No stop here", 3, 7, (0, 12)),
        ("First line\nSecond line", 12, 16, (11, 22)),
    ],
)
def test_highlight_sentence_window(text, start, end, expected):
    assert sentence_window(text, start, end) == expected


def test_highlight_window_clips_marks():
    html = str(highlight("aa bb cc", [_h(0, 5)], window=(3, 8)))
    assert html.endswith(">bb</mark> cc")
    assert "aa" not in html


@st.composite
def _text_and_marks(draw):
    text = draw(st.text(alphabet="ab <>&\"'\n", max_size=40))
    bounds = st.integers(min_value=0, max_value=len(text))
    marks = [
        Highlight(start, end, draw(st.sampled_from(["content", "figure"])), "/x", "t")
        for start, end in draw(st.lists(st.tuples(bounds, bounds), max_size=6))
    ]
    return text, marks


@given(_text_and_marks())
def test_highlight_keeps_the_text_and_balances_marks(case):
    text, marks = case
    html = str(highlight(text, marks))
    stripped = re.sub(r"<mark[^>]*>|</mark>", "", html)
    assert unescape(stripped) == text
    assert html.count("<mark") == html.count("</mark>")
    assert "<" not in stripped and ">" not in stripped
