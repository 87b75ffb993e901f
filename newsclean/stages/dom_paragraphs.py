"""A run of plain paragraphs right above (or below) the article, on an HTML page read by the fast
reader: kept with it when the span's edge trim cut it as headings.

The span's edges are trimmed of headings and labels (span_edges.trim_labels: a line that does not
end as a sentence and is shorter than 20 words), which is right for the byline, the date and a
section's name, a few lines at most. A page written in short lines without full stops (a blog's
photo captions in CJK, each phrase of the story a `<p>` of its own, with no `。`) loses its whole
opening so. The markup tells them apart: a run of several `<p>` blocks in a row, mostly not links,
outside any furniture and set as the article's first (or last) kept block is, is the article's text.
Fast engine page F1 dev .9625 -> .9646 (pixnet .840 -> .999), train .9581 -> .9595 (10 pages up:
wnet.org1 .494 -> 1.000, mlive, cleveland, cwced-2168485b; 4 down: cwced-3e1af229 .893 -> .872, a
copyright notice's paragraphs below a Chinese article, cwced-35687fb1, yna's `(END)`, cwced-a0cb0242).
"""

from __future__ import annotations

from ..config import Config
from ..document import Block, Document, Stage
from ..model.dommodel import named_kind
from .main_text import AFTER_ARTICLE, BEFORE_ARTICLE
from .related_list import QUESTION as QUESTION_MARKS

ANSWER_ENDS = (".", "!", "。", "！", "…")

# This many plain paragraphs in a row at least (a date line or a deck alone stays cut). Measured:
# 1 takes back a byline or a caption above many articles (train .9594, 32 pages down, 23 up), 3 and 5 leave
# wnet.org1's and mlive's pairs (train .9593, .9583).
MIN_RUN = 2
# Their characters inside links at most (a tweet quoted with its links and handle; a list of links is no
# text): with none allowed, dailycaller.com2's quoted tweets stay cut (train .9597 -> .9600 with half).
MAX_LINK_DENSITY = 0.5


def is_plain_paragraph(block: Block, in_article: bool, reason: str) -> bool:
    """True for a `<p>` block the span cut (`reason`), at most half of it links, outside furniture, set
    in the article landmark or not as the article's edge block is."""
    dom, removal = block.dom, block.removal
    return (dom is not None and removal is not None and removal.stage is Stage.BOILERPLATE
            and removal.reason.startswith(reason) and dom.tag == "p" and dom.link_density <= MAX_LINK_DENSITY
            and dom.boilerplate is None and named_kind(dom.named) is None and dom.in_article == in_article)


def edge_run(blocks: list[Block], edge: int, step: int, reason: str) -> list[Block]:
    """The plain paragraphs in a row from the block next to `edge` (the article's first or last
    kept block) outwards, `step` -1 going up, 1 going down."""
    in_article = blocks[edge].dom.in_article
    run: list[Block] = []
    i = edge + step
    while 0 <= i < len(blocks) and is_plain_paragraph(blocks[i], in_article, reason):
        run.append(blocks[i])
        i += step
    return run


def keep_paragraph_runs(doc: Document, config: Config) -> Document:
    """Keep again the runs of MIN_RUN or more plain paragraphs the span cut right above or below
    the article."""
    blocks = doc.blocks
    first = next((i for i, block in enumerate(blocks) if block.removal is None), None)
    if first is None or blocks[first].dom is None:
        return doc
    last = next(i for i in range(len(blocks) - 1, first - 1, -1) if blocks[i].removal is None)
    for edge, step, reason in ((first, -1, BEFORE_ARTICLE), (last, 1, AFTER_ARTICLE)):
        run = edge_run(doc.blocks, edge, step, reason)
        # Below a question the article ends with (an interview's last), one paragraph ending a
        # sentence is its answer ("Curiosity."; not a trackback's "Trackback: http://...").
        answer = (step == 1 and len(run) == 1 and blocks[edge].text.rstrip().endswith(QUESTION_MARKS)
                  and run[0].text.rstrip().endswith(ANSWER_ENDS))
        if len(run) >= MIN_RUN or answer:
            for block in run:
                block.removal = None
    return doc

