"""Other stories teased between the article's paragraphs, each a headline over its date, with or
without a clock time ("Se stigmatem zločinu. Vily ... hledají nové majitele" / "23. 12. 2024
13:31"; "Margaret Thatcher warned officials ..." / "30 Dec 2014").

The stamp is a line holding only a date (and a clock time); the headline right above it has a
headline's shape (a few words, no sentence end). The article's own header (its headline over its
date) stands above its first paragraph; below a paragraph, the pair is a teaser. A byline over a
date ("By Jane Doe" / "Feb. 21, 2019") is the article's own (or a part's) and stays: the rules'
bylines are the only phrases read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import LineFeatures
from ..rules import Rules
from .media_lengths import is_title

# A date (day and month as numbers or a month's name, and a year) and a clock time, nothing else:
# "23. 12. 2024 13:31", "21 May 2025 - 14:19", "May 21, 2025, 2:19 pm", "2024-12-23 13:31".
DATE = r"(?:\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,4}[/-]\d{1,2}[/-]\d{1,4}|\d{1,2}\.?\s[^\W\d_]+\.?\s\d{4}|[^\W\d_]+\.?\s\d{1,2},?\s\d{4})"
TIME = r"\d{1,2}:\d{2}(?:\s?[apAP]\.?[mM]\.?)?"
DATED_STAMP = re.compile(rf"^{DATE}(?:\s*[-–,|·•]?\s*{TIME})?$")
MAX_STAMP_CHARS = 40


def is_dated_stamp(text: str) -> bool:
    """The line is only a date, or a date and a clock time."""
    stripped = text.strip()
    return len(stripped) <= MAX_STAMP_CHARS and DATED_STAMP.match(stripped) is not None


def teaser_stamps(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """Each headline over a date line below the article's first paragraph, and the date."""
    first_paragraph = next((i for i, line in enumerate(lines) if line.is_prose and line.sentence_end), len(lines))
    marks: dict[int, str] = {}
    for i in range(first_paragraph + 2, len(lines)):
        if lines[i].numbers and is_dated_stamp(texts[i]) and is_title(lines[i - 1], texts[i - 1]):
            if rules.bylines.prefix(lines[i - 1].folded) is not None:
                continue  # a byline over its date: the article's own
            reason = f'another story teased inside the article (its headline over its date, "{texts[i].strip()}")'
            marks[i - 1] = marks[i] = reason
    return marks
