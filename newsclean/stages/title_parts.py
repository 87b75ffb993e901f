"""The headline inside a page title that holds the site's and section's names before it.

Older sites write their names first ("Gazette Online - Local News - Mill fire destroys warehouse",
"Portal :: Noticias :: Headline"), with no og:title or site name declared to strip them by, and
strip_site_name only strips short names at a title's start behind a bar. The page itself tells
which part is the headline: a line of the page is that part, whole. The run of parts it is (at
the title's end or start) is the title, when it is longer than each part left out and long enough
to be a headline (a menu's "Local News" is a line of the page too), and no part it leaves out
is a heading of the page (an encyclopedia's "Name - Encyclopedia, the free reference": the `<h1>`
is the name, its tagline a line of the page).
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import islice

from ..parse.text import fold
from .headline_choice import count_tokens, part_runs

# The part taken holds at least this many words (CJK characters counting one each).
MIN_SHOWN_PART_TOKENS = 4
# A headline stands near the page's top: lines looked at, from the first.
TOP_LINES = 50


def shown_part(title: str, lines: Iterable[str], headings: Iterable[str] = ()) -> str:
    """The title's leading or trailing run of separator-delimited parts that a line of the page is,
    whole, when it is longer than each part it leaves out and none of those is one of the page's
    `headings`; else the title.

    >>> shown_part("Gazette Online - Local News - Mill fire destroys old warehouse", ["News", "Mill fire destroys old warehouse"])
    'Mill fire destroys old warehouse'
    """
    shown = {fold(line) for line in islice(lines, TOP_LINES)} - {""}
    heads = {fold(heading) for heading in headings}
    for run, left_out in part_runs(title, trailing_first=True):
        size = count_tokens(run)
        if (fold(run) in shown and size >= MIN_SHOWN_PART_TOKENS
                and all(count_tokens(part) < size and fold(part) not in heads for part in left_out)):
            return run
    return title
