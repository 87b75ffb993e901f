"""header stage: the scraper's `key value` lines at the top of a dump become metadata."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump

from newsclean import Stage
from newsclean.stages import mark_header
from newsclean.stages.header import parse_header_line


def test_date_and_status_line() -> None:
    doc, marks = apply(mark_header, dump(" date 2025-10-28 403", HEADLINE, *BODY))
    assert {line: (m.stage, m.reason) for line, m in marks.items()} == {1: (Stage.HEADER, "header line (date, status)")}
    assert doc.meta.date == "2025-10-28" and doc.meta.status == 403


def test_url_line() -> None:
    doc, marks = apply(mark_header, dump(" url https://news.example.com/climate/lake-levels", HEADLINE, *BODY))
    assert (marks[1].stage, marks[1].reason) == (Stage.HEADER, "header line (url)")
    assert doc.meta.url == "https://news.example.com/climate/lake-levels"


def test_title_line() -> None:
    doc, marks = apply(mark_header, dump(f" title {HEADLINE}", HEADLINE, *BODY))
    assert (marks[1].stage, marks[1].reason) == (Stage.HEADER, "header line (title)")
    assert doc.meta.title == HEADLINE


def test_several_header_lines_fill_every_field() -> None:
    text = dump(
        " date 2025-09-12T06:30:00Z 200",
        " url https://news.example.com/climate/lake-levels",
        f" title {HEADLINE}",
        " author Maria Lindqvist",
        " lang en",
        " id crawl-000123",
        " site The Valley Courier",
        "",
        HEADLINE,
        *BODY,
    )
    doc, marks = apply(mark_header, text)
    assert {line: m.reason for line, m in marks.items()} == {
        1: "header line (date, status)",
        2: "header line (url)",
        3: "header line (title)",
        4: "header line (author)",
        5: "header line (language)",
        6: "header line (id)",
        7: "header line (site)",
    }
    assert all(m.stage is Stage.HEADER for m in marks.values())
    meta = doc.meta
    assert (meta.date, meta.status, meta.url) == ("2025-09-12T06:30:00Z", 200, "https://news.example.com/climate/lake-levels")
    assert (meta.title, meta.author, meta.language) == (HEADLINE, "Maria Lindqvist", "en")
    assert meta.extra == {"id": "crawl-000123", "site": "The Valley Courier"}
    assert [b.line for b in doc.kept()] == list(range(9, 15))


def test_first_line_that_only_starts_like_a_header_is_article_text() -> None:
    text = dump("Date night ideas for the long weekend ahead", " date 2025-10-28 403", *BODY)
    doc, marks = apply(mark_header, text)
    assert marks == {}
    assert doc.meta.date is None and doc.meta.status is None


def test_header_lines_are_only_read_at_the_top() -> None:
    text = dump(" date 2025-10-28 200", HEADLINE, BODY[0], " url https://news.example.com/elsewhere", *BODY[1:])
    doc, marks = apply(mark_header, text)
    assert list(marks) == [1]
    assert doc.meta.url is None
    assert doc.blocks[3].text == "url https://news.example.com/elsewhere" and doc.blocks[3].kept


@pytest.mark.parametrize(
    ("line", "fields"),
    [
        ("date 2025-10-28 403", {"date": "2025-10-28", "status": 403}),
        ("date: 2025-10-28T14:32:00+02:00", {"date": "2025-10-28T14:32:00+02:00"}),
        ("fetched 2025-10-28 200", {"fetched": "2025-10-28", "status": 200}),
        ("url https://news.example.com/a?b=1", {"url": "https://news.example.com/a?b=1"}),
        ("source https://news.example.com/a", {"url": "https://news.example.com/a"}),
        ("status 404", {"status": 404}),
        ("language pt-BR", {"language": "pt-BR"}),
        ("title Lake levels fall", {"title": "Lake levels fall"}),
    ],
)
def test_header_line_fields(line: str, fields: dict) -> None:
    assert parse_header_line(line) == fields


@pytest.mark.parametrize(
    "line",
    [
        "Date night ideas for the long weekend ahead",
        "date 2025-10-28 and then the storm came",
        "url not given",
        "status quo remains in the council",
        "language barriers slow the talks",
        "The council voted on Tuesday.",
    ],
)
def test_lines_that_are_not_header_lines(line: str) -> None:
    assert parse_header_line(line) is None
