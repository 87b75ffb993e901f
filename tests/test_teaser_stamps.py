"""teaser_stamps (run by in_span): another story's headline over its date (and time), between the
article's paragraphs, goes; the article's own header above its first paragraph, and a byline over
its date, stay."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean.stages import mark_in_span
from newsclean.stages.teaser_stamps import is_dated_stamp

TEASER = ["Islanders fear for their jobs as ferries stop", "23. 12. 2024 13:31"]


def test_a_teasers_headline_over_its_date_and_time_goes() -> None:
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *TEASER, BODY[2], BODY[3], BODY[4]))
    reason = 'another story teased inside the article (its headline over its date, "23. 12. 2024 13:31")'
    assert {n: m.reason for n, m in marks.items()} == {4: reason, 5: reason}
    assert doc.paragraphs == BODY


def test_a_teasers_headline_over_its_date_alone_goes() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "Ferry operators count the cost of the summer", "30 Dec 2014", BODY[2], BODY[3], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert set(marks) == {4, 5} and marks[5].reason.endswith('"30 Dec 2014")')


def test_a_byline_over_its_date_stays() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "By Jane Doe", "Feb. 21, 2019", BODY[2], BODY[3], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("teased" in m.reason for m in marks.values())


def test_the_articles_own_headline_and_date_above_its_first_paragraph_stay() -> None:
    doc, marks = apply(mark_in_span, dump("Home", "Lake levels fall to record low after dry summer", "21 May 2025 - 14:19", *BODY))
    assert not any("teased" in m.reason for m in marks.values())


def test_a_sentence_over_a_date_and_a_date_alone_stay() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "The last ferry left on this day.", "23. 12. 2024 13:31", BODY[2], BODY[3], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("teased" in m.reason for m in marks.values())


def test_stamps_hold_only_a_date_and_a_time() -> None:
    assert all(map(is_dated_stamp, ["23. 12. 2024 13:31", "21 May 2025 - 14:19", "May 21, 2025, 2:19 pm", "2024-12-23 13:31"]))
    assert is_dated_stamp("23. 12. 2024") and is_dated_stamp("30 Dec 2014")
    assert not any(map(is_dated_stamp, ["13:31", "Updated 23. 12. 2024 13:31 by the desk", "2:1"]))
