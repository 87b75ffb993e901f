"""A headline broken over several lines: over narrow lines the page also prints whole, or at the
colon between its kicker and the rest.

A narrow column or a layout table breaks a long headline over three or four lines ("Notice of
the provincial government on building" / "the new dam on the northern river" / "and the land
it takes"); the headline stage then finds one of its pieces. When the pieces, read together,
are a line the page prints elsewhere (its header, a breadcrumb, a copy of the headline above
the widgets), they are the headline's lines and that line is the headline, whole.
"""

from __future__ import annotations

from ..document import Document
from ..parse.text import fold

# A colon parts a kicker from the rest of a headline (also full-width, in CJK text).
COLONS = (":", "：")

# A headline is broken over this many lines at most, and at least (two lines read together are
# as often a kicker over its headline, "Premier League" / "Headline", which the page also prints
# run together: the kicker is no piece of the headline).
MAX_BROKEN_LINES = 4
MIN_BROKEN_LINES = 3


def whole_headline(doc: Document, chosen: int) -> tuple[range, str] | None:
    """The run of lines around the chosen one (no line of the body, none empty) that, read
    together, is another line of the page, and that line's text; None when there is no such run.

    >>> from newsclean.document import Block, Document, Removal, Stage
    >>> lines = ["Notice on building", "the new dam", "and the land it takes", "Notice on building the new dam and the land it takes"]
    >>> outside = Removal(Stage.BOILERPLATE, "before the article")
    >>> doc = Document(source="-", blocks=[Block(line=k + 1, text=t, removal=outside) for k, t in enumerate(lines)])
    >>> whole_headline(doc, 1)
    (range(0, 3), 'Notice on building the new dam and the land it takes')
    """
    blocks = doc.blocks
    start_from = max(0, chosen - MAX_BROKEN_LINES + 1)
    runs = [range(start, end) for start in range(start_from, chosen + 1)
            for end in range(max(chosen + 1, start + MIN_BROKEN_LINES), min(len(blocks), start + MAX_BROKEN_LINES) + 1)]
    # (Only lines outside the body, each with words: a paragraph of the body is no piece of a headline.)
    runs = [run for run in runs if all(blocks[i].removal is not None and blocks[i].text.strip() for i in run)]
    if not runs:
        return None
    wanted = {run: fold(" ".join(blocks[i].text for i in run)) for run in runs}
    # A folded word is part of the line's case-folded text (parse.text.tokens), so a line without
    # the longest word of any run's text is no copy of it and is never folded: folding every line
    # of the page cost 5% of the text path, for a rule that moves one page in 575.
    rarest = {max(text.split(), key=len) for text in wanted.values() if text}
    shortest = len(blocks[chosen].text.strip())
    # The page's lines longer than the chosen piece, folded once (a whole headline is longer than its piece).
    printed: dict[str, int] = {}
    for k, block in enumerate(blocks):
        if len(block.text.strip()) > shortest:
            folded = block.text.replace("İ", "I").casefold()
            if any(word in folded for word in rarest):
                printed.setdefault(fold(block.text), k)
    found = None
    for run in runs:
        at = printed.get(wanted[run])
        if at is not None and at not in run and (found is None or len(run) > len(found[0])):
            found = (run, blocks[at].text.strip())
    return found


def colon_continuations(doc: Document, candidates: list[int]) -> dict[int, str]:
    """Candidate lines whose next line, a candidate too, opens with a colon ("Lake Constance" /
    ": the lowest level in a century"), and the headline they make read together: the page's
    markup set the kicker and the rest apart at the colon, and a dump prints them on two lines.
    (A line that ends with a colon itself is a kicker over a headline of its own.)

    >>> from newsclean.document import Block, Document
    >>> doc = Document(source="-", blocks=[Block(line=1, text="Lake Constance"), Block(line=2, text=": the lowest level in a century")])
    >>> colon_continuations(doc, [0, 1])
    {0: 'Lake Constance: the lowest level in a century'}
    """
    taken = set(candidates)
    found: dict[int, str] = {}
    for i in candidates:
        upper, lower = doc.blocks[i].text.strip(), doc.blocks[i + 1].text.strip() if i + 1 < len(doc.blocks) else ""
        if i + 1 in taken and lower.startswith(COLONS) and lower[1:].strip() and upper and not upper.endswith(COLONS):
            found[i] = upper + lower
    return found
