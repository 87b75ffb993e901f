"""Where trafilatura's article ends, checked against the page's whole text.

In recall mode trafilatura keeps more than the article: a comment thread, a list of related
stories, a second article below the first. Its extraction alone cannot show where the article
ended (it drops the "Comments" heading, the names, dates and "Reply" buttons between comments),
but the page's whole visible text (Document.page_text, the fast reader's view) still holds them.
So the line model of the text path chooses the article's span on the page's text, with
"trafilatura kept this block" as strong evidence, and the extraction's paragraphs that lie
below that span are removed. The start is cut on weaker terms: only the extracted blocks above
the run the line model itself reads as article, trafilatura's choice still added to its scores
but with no floor (a teaser list, a photo credit block, a second story's tail above the article).
With the floor the end uses, cutting the start too lost more than it won (pages whose intro
stands apart from the body); without it, it wins (measured on dev and train, see
benchmarks/results/html_by_source.md).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence

from ..config import Config
from ..document import Block, Document, Stage
from ..model.features import LineFeatures, analyze
from ..model.linemodel import line_scores
from ..parse import fuzzy
from ..parse.text import fold, title_variants
from ..rules import load_rules
from .dom import mark_page_furniture
from .headline import MATCH_SCORE
from .main_text import choose_span
from .markers import confirmed_markers, is_end_marker
from .related_list import (
    LINES_BELOW,
    MIN_HEADLINES,
    RELATED_NOTE,
    is_headline,
    is_paragraph,
    related_list_start,
)
from .streams import STREAM_NOTE, relative_stamp, stream_start

NOT_WORD = re.compile(r"\W+")
# How far (characters of the page's text, without spaces and punctuation) past the last match the
# next paragraph of the extraction is looked for, before the whole page is searched.
MATCH_WINDOW = 20_000
# Characters of a paragraph's start that locate it in the page's text.
PROBE_CHARS = 60
# Searches of the whole page's text allowed per page (a paragraph trafilatura took out of order):
# bounds the cost on a huge page to linear.
MAX_GLOBAL_SEARCHES = 50
# The model's score, shifted this far toward "article" for a block trafilatura kept and toward
# "not article" for one it dropped, and at least this far from zero either way: trafilatura's
# choice outweighs the line model's, which only decides where the two disagree strongly.
EXTRACTION_WEIGHT = 1.0
EXTRACTION_FLOOR = 0.5
# A table row trafilatura kept whose cells are links in at least this share of their characters on
# the page (a layout table's menus, link boxes and ads, on pages laid out in tables): its keeping
# it still moves the model's score by EXTRACTION_WEIGHT, but with no floor.
LINK_ROW_DENSITY = 0.5
# How trafilatura writes a table row: cells between bars.
TABLE_ROW = "|"
# For the article's start, an extracted block counts as article only when the line model's score
# plus EXTRACTION_WEIGHT is positive: extracted blocks that read as anything but article even so
# are left out of the span at its start (and only there).
START_FLOOR = 0.0
# A lone block trafilatura dropped between two it kept (a photo caption, an ad slot, a "Step 2"
# image) is left out of the sums: it says nothing of where the article ends.
MAX_IGNORED_GAP = 1
# A longer run that trafilatura dropped between blocks it kept weighs nothing either when none of
# its blocks reads as running text and it holds at most this many: a gallery's captions and photo
# credits ("Dior, Spring 2024" / "Agency") between two sections of the article, when the kept
# blocks right below it hold running text that the line model reads as article. Running text in
# the gap (a teaser's blurb, a comment) still counts against the span, and so does a gap above
# kept blocks that only trafilatura's choice holds (a donation box, a list of links).
MAX_IGNORED_LABEL_GAP = 8
# A run of page blocks between two blocks trafilatura kept, this wide at least (counting those the
# markup removed as furniture), that holds no running text, parts the article from what it kept
# below: the site's footer (licence numbers, a copyright statement) after its menus and link lists.
MIN_WIDE_GAP = 40
WIDE_GAP_NOTE = "a wide run of page furniture"
# Class and id words of a comment thread's elements (web-developer convention in any language,
# and the German spelling, which also covers `kommentar`).
COMMENT_WORDS = ("comment", "komment")
# Page blocks read on either side of the extraction's part of the page: the line model's widest
# context (linemodel.FAR) and the markers' look-ahead (markers.MARKER_LOOKAHEAD) fit in it.
CONTEXT_MARGIN = 12
# Other stories' headlines are links: the first LINKED_HEADLINES headline-shaped blocks of a list
# found below the article hold links in this share of their characters on average, at least (a
# box of a service's benefits below a login prompt, in the same shape, holds none).
MIN_HEADLINE_LINK_DENSITY = 0.25
LINKED_HEADLINES = MIN_HEADLINES + 2
# Blocks below a marker searched for the first running text of its box (a comment's author and
# date come first; an inline box of other stories' titles and authors runs longer).
BOX_LOOKAHEAD = 4
INLINE_BOX_REASON = "a box of other stories' headlines inside the article (it goes on below)"


def page_key(text: str) -> str:
    """A block's text as it is matched across the two views: case-folded, letters and digits only."""
    return NOT_WORD.sub("", text.casefold())


def locate_blocks(extracted: Sequence[Block], page: Sequence[Block]) -> list[tuple[int, int] | None]:
    """For each extracted block, the range [first, last + 1) of page blocks its text spans (None
    when it is not found); each is looked for after the previous one, then anywhere. Linear in the
    page's text: each search reads at most MATCH_WINDOW characters, or the whole text a bounded
    number of times."""
    starts: list[int] = []
    keys: list[str] = []
    at = 0
    for block in page:
        key = page_key(block.text)
        starts.append(at)
        keys.append(key)
        at += len(key)
    text = "".join(keys)
    found: list[tuple[int, int] | None] = []
    cursor, global_searches = 0, MAX_GLOBAL_SEARCHES
    for block in extracted:
        key = page_key(block.text)
        if not key:
            found.append(None)
            continue
        probe = key[:PROBE_CHARS]
        hit = text.find(probe, cursor, cursor + MATCH_WINDOW + len(probe))
        if hit < 0 and global_searches > 0:
            global_searches -= 1
            hit = text.find(probe)
        if hit < 0:
            found.append(None)
            continue
        end = min(len(text), hit + len(key))
        found.append((bisect_right(starts, hit) - 1, bisect_right(starts, end - 1)))
        cursor = end
    return found


def located_on_page(doc: Document) -> list[tuple[int, int] | None]:
    """locate_blocks of doc's blocks on its page_text, found once per document (Document.page_located):
    the end cut and the rest of the article both read it, and the blocks do not change between them."""
    located = doc.page_located
    if located is None or len(located) != len(doc.blocks):
        located = doc.page_located = locate_blocks(doc.blocks, doc.page_text or [])
    return located


def kept_block_scores(page: Document, kept: list[int], config: Config) -> tuple[list[LineFeatures], list[float]]:
    """The features and the line model's scores of the kept page blocks."""
    rules = load_rules(config.rule_files)
    lines = analyze(page, rules).lines
    kept_lines = [lines[i] for i in kept]
    texts = [page.blocks[i].text for i in kept]
    return kept_lines, line_scores(kept_lines, texts, [is_end_marker(f, rules) for f in kept_lines])


def extraction_gains(kept: list[int], kept_lines: list[LineFeatures], scores: list[float], in_extraction: set[int],
                     config: Config, floor: float = EXTRACTION_FLOOR, link_rows: frozenset[int] = frozenset()) -> list[float]:
    """What each kept page block adds to the article span: the line model's score moved toward
    trafilatura's choice (and at least `floor` from zero that way, except for the blocks of
    `link_rows`), times the block's weight (main_text.segment_gain's)."""
    gains = []
    for i, features, score in zip(kept, kept_lines, scores):
        weight = features.size + config.region_line_weight
        if i in link_rows:
            gains.append(weight * (score + EXTRACTION_WEIGHT))
        elif i in in_extraction:
            gains.append(weight * max(score + EXTRACTION_WEIGHT, floor))
        else:
            gains.append(weight * min(score - EXTRACTION_WEIGHT, -floor))
    ignore_lone_gaps(gains, [i in in_extraction for i in kept], [features.is_prose for features in kept_lines],
                     [features.is_prose and score > 0 for features, score in zip(kept_lines, scores)])
    return gains


def link_rows(doc: Document, page: Document, located: list[tuple[int, int] | None]) -> frozenset[int]:
    """The page blocks of the table rows trafilatura kept that are mostly links on the page: on a
    page laid out in tables, recall mode keeps the layout's menus, link boxes and ads below the
    article as rows, so keeping them says little (no floor holds them in the span)."""
    return frozenset(i for block, where in zip(doc.blocks, located)
                     if where is not None and block.kept and block.text.startswith(TABLE_ROW)
                     for i in range(*where)
                     if page.blocks[i].dom is not None and page.blocks[i].dom.link_density >= LINK_ROW_DENSITY)


def ignore_lone_gaps(gains: list[float], extracted: list[bool], prose: list[bool] | None = None,
                     article: list[bool] | None = None) -> None:
    """Zero the gain of short runs (MAX_IGNORED_GAP blocks) that trafilatura dropped between blocks
    it kept, and of runs up to MAX_IGNORED_LABEL_GAP blocks with no running text (`prose`) in them
    when the kept blocks below hold running text the line model reads as article on its own (`article`)."""
    i = 0
    while i < len(gains):
        if extracted[i]:
            i += 1
            continue
        j = i
        while j < len(gains) and not extracted[j]:
            j += 1
        labels_only = prose is not None and article is not None and j - i <= MAX_IGNORED_LABEL_GAP \
            and not any(prose[i:j]) and article_follows(j, extracted, article)
        if i > 0 and j < len(gains) and (j - i <= MAX_IGNORED_GAP or labels_only):
            gains[i:j] = [0.0] * (j - i)
        i = j


def article_follows(at: int, extracted: list[bool], article: list[bool]) -> bool:
    """True when the run of kept blocks from `at` holds a block of `article`: the article resumes
    below a gap, rather than a donation box or a list of links that trafilatura also kept (which
    only its choice holds in the span)."""
    end = at
    while end < len(extracted) and extracted[end]:
        end += 1
    return any(article[at:end])


def extraction_markers(page: Document, kept: list[int], in_extraction: set[int], config: Config) -> dict[int, str]:
    """The confirmed end-of-article markers that trafilatura kept what follows of: a "Related"
    heading over its list, "Comments" over the thread. A marker whose box trafilatura left out is
    an inline box inside the article ("Most popular" between two paragraphs)."""
    rules = load_rules(config.rule_files)
    lines = analyze(page, rules).lines
    markers = confirmed_markers([lines[i] for i in kept], [page.blocks[i].text for i in kept], rules)
    # Confirmed on trafilatura's blocks alone as well: on the page, the furniture it dropped between
    # the article's last paragraph and the marker (a share bar, a tag list, the editor's name) can
    # stand too many lines apart for the marker to read as following running text.
    extracted = [position for position, i in enumerate(kept) if i in in_extraction]
    in_order = confirmed_markers([lines[kept[p]] for p in extracted], [page.blocks[kept[p]].text for p in extracted], rules)
    markers.update({extracted[at]: phrase for at, phrase in in_order.items()})
    found = {position: phrase for position, phrase in markers.items()
             if box_is_extracted(kept[position], lines, in_extraction)}
    for position in wide_gaps(kept, in_extraction, [lines[i].is_prose for i in kept]):
        found.setdefault(position, WIDE_GAP_NOTE)
    return found


def wide_gaps(kept: list[int], in_extraction: set[int], prose: list[bool]) -> list[int]:
    """The first position (among `kept`, the kept page blocks) of each run of blocks trafilatura
    dropped between two it kept that spans MIN_WIDE_GAP page blocks or more with no running text
    (`prose`, per kept block): such a run ends the article as an end marker does."""
    starts = []
    i = 0
    while i < len(kept):
        if kept[i] in in_extraction:
            i += 1
            continue
        j = i
        while j < len(kept) and kept[j] not in in_extraction:
            j += 1
        if 0 < i and j < len(kept) and kept[j] - kept[i - 1] - 1 >= MIN_WIDE_GAP and not any(prose[i:j]):
            starts.append(i)
        i = j
    return starts


def box_is_extracted(marker: int, lines: list[LineFeatures], in_extraction: set[int]) -> bool:
    """True when trafilatura kept the block right below the marker on the page, or the first
    running text within BOX_LOOKAHEAD blocks below it (a comment below its author's name and date)."""
    if marker + 1 in in_extraction:
        return True
    for i in range(marker + 1, min(len(lines), marker + 1 + BOX_LOOKAHEAD)):
        if lines[i].is_prose:
            return i in in_extraction
    return False


def in_comment_thread(block: Block) -> bool:
    """True for a page block inside an element whose class or id names comments (`<div
    class="comment-body">`, `<section id="kommentare">`): trafilatura keeping it is no evidence of
    article. (The reader names only elements holding a small share of the page's text.)"""
    named = block.dom.named if block.dom is not None else None
    return named is not None and any(word in named.lower() for word in COMMENT_WORDS)


def article_on_page(doc: Document, page: Document, located: list[tuple[int, int] | None],
                    config: Config) -> tuple[int, int, list[tuple[int, str]], range] | None:
    """The positions of the article's first and last blocks on the page, as the spans on the
    page's text say (the start's span counts trafilatura's choice with START_FLOOR), the edges
    found below the article inside the span, and the page blocks of a box of other stories'
    headlines inside it (see span_tail)."""
    in_extraction = {i for block, where in zip(doc.blocks, located) if where is not None and block.kept
                     for i in range(*where) if not in_comment_thread(page.blocks[i])}
    if not in_extraction:
        return None
    # Furniture by the markup goes first, as for the fast reader, but never a block trafilatura kept.
    mark_page_furniture(page, config)
    for i in in_extraction:
        page.blocks[i].removal = None
    kept = page.kept_positions()
    kept_lines, scores = kept_block_scores(page, kept, config)
    markers = extraction_markers(page, kept, in_extraction, config)
    rows = link_rows(doc, page, located)
    start, end = choose_span(extraction_gains(kept, kept_lines, scores, in_extraction, config, link_rows=rows), markers, config)
    if start >= end:
        return None
    first, _ = choose_span(extraction_gains(kept, kept_lines, scores, in_extraction, config, START_FLOOR), markers, config)
    texts = [page.blocks[i].text for i in kept]
    span_end = end
    end, tail, box = span_tail(kept_lines, texts, start, end, config, [page.blocks[i] for i in kept],
                               [i in in_extraction for i in kept])
    # Below the span the model chose, the reason stays the plain one.
    notes = [(kept[i], note) for i, note in tail] + ([(kept[span_end - 1] + 1, "")] if tail else [])
    # A start span in another part of the page (below the article's end) says nothing of its start.
    inline = range(kept[box.start], kept[box.stop - 1] + 1) if box else range(0)
    return (kept[first] if first < end else kept[start]), kept[end - 1], notes, inline


def span_tail(lines: list[LineFeatures], texts: list[str], start: int, end: int, config: Config,
              blocks: list[Block], extracted: list[bool]) -> tuple[int, list[tuple[int, str]], range]:
    """The span's end moved up to where a stream of dated entries (comments with the names and
    dates trafilatura dropped, older posts) or a list of other stories' headlines (`blocks`: the
    page's, for their links) starts inside it, as on the text path (main_text.article_span), and
    the positions where each of those starts with its note, first first (empty without them);
    and the blocks of such a list that is a box inside the article (`extracted`, which blocks
    trafilatura kept, tells: see inline_list_end), which does not end it (an empty range without one)."""
    rules = load_rules(config.rule_files)
    stream = stream_start(lines, texts, start, end, relative_stamp(rules.time_units))
    related = related_list_start(lines, texts, start, stream)
    inline = range(0)
    if related < stream and headlines_are_links(lines, texts, blocks, related, stream):
        box_end = inline_list_end(lines, texts, blocks, extracted, related, stream)
        if box_end is not None:
            inline, related = range(related, box_end), stream
    else:
        related = stream
    tail = [(related, RELATED_NOTE)] if related < stream else []
    if stream < end:
        tail.append((stream, STREAM_NOTE))
    return (related, tail, inline) if related > start else (end, [], inline)


def headlines_are_links(lines: list[LineFeatures], texts: list[str], blocks: list[Block], start: int, end: int) -> bool:
    """True when the first LINKED_HEADLINES headline-shaped blocks in [start, end) hold links in
    MIN_HEADLINE_LINK_DENSITY of their characters on average (or the page says nothing of links)."""
    heads = [blocks[i] for i in range(start, end) if is_headline(lines[i], texts[i])][:LINKED_HEADLINES]
    densities = [block.dom.link_density for block in heads if block.dom is not None]
    return not densities or sum(densities) >= MIN_HEADLINE_LINK_DENSITY * len(densities)


def inline_list_end(lines: list[LineFeatures], texts: list[str], blocks: list[Block], extracted: list[bool],
                    related: int, end: int) -> int | None:
    """The end of the headlines of the list that starts at `related` when trafilatura kept a
    paragraph of running text with few links (under MIN_HEADLINE_LINK_DENSITY) within LINES_BELOW
    blocks below them: the list is a box of other stories inside the article, which goes on below
    it (on a dump the text path lets one paragraph below a list pass as a teaser's blurb; here
    trafilatura's keeping it, and its lack of links, say it is the article's). None otherwise."""
    i = related
    while i < end and not is_headline(lines[i], texts[i]):
        i += 1
    while i < end and is_headline(lines[i], texts[i]):
        i += 1
    resumes = any(extracted[k] and is_paragraph(lines[k], texts[k])
                  and (blocks[k].dom is None or blocks[k].dom.link_density < MIN_HEADLINE_LINK_DENSITY)
                  for k in range(i, min(end, i + LINES_BELOW)))
    return i if resumes else None


def extraction_region(located: list[tuple[int, int] | None], size: int) -> tuple[int, int]:
    """The page blocks [first, end) the extraction spans, with CONTEXT_MARGIN blocks on either side."""
    found = [where for where in located if where is not None]
    if not found:
        return 0, 0
    first = min(where[0] for where in found)
    end = max(where[1] for where in found)
    return max(0, first - CONTEXT_MARGIN), min(size, end + CONTEXT_MARGIN)


def mark_after_page_article(doc: Document, config: Config) -> Document:
    """Remove the extracted paragraphs that lie below the article's end, or above its start, on the page's whole text."""
    if not doc.page_text or not doc.kept_positions():
        return doc
    located = located_on_page(doc)
    # Only the part of the page the extraction spans is read (the menus above it and the footer
    # below cannot be the article's end), and a margin for the model's context and the markers.
    first, end = extraction_region(located, len(doc.page_text))
    if first == end:
        return doc
    page = Document(source=doc.source, blocks=[Block(b.line, b.text, dom=b.dom) for b in doc.page_text[first:end]],
                    meta=doc.meta, input_format="html", encoding=doc.encoding)
    located = [None if where is None else (where[0] - first, where[1] - first) for where in located]
    edges = article_on_page(doc, page, located, config)
    if edges is None:
        return doc
    start, last, tail, inline = edges
    start_text, end_text = page.blocks[start].text[:40], page.blocks[last].text[:40]
    below = f'below the article (it ends at "{end_text}" on the page)'
    above: list[Block] = []
    where: tuple[int, int] | None = None
    for block, found in zip(doc.blocks, located):
        where = found or where  # a paragraph not found on the page stands where the one before it did
        if not block.kept or where is None:
            continue
        if where[0] > last:
            note = next((note for at, note in reversed(tail) if where[0] >= at), "")
            block.remove(Stage.BOILERPLATE, f"{below}: {note}" if note else below)
        elif where[0] in inline:
            block.remove(Stage.BOILERPLATE, INLINE_BOX_REASON)
        elif where[1] <= start:
            above.append(block)
    for block in above[:headline_position(above, doc)]:
        block.remove(Stage.BOILERPLATE, f'above the article (it starts at "{start_text}" on the page)')
    return doc


def headline_position(blocks: list[Block], doc: Document) -> int:
    """The position of the last of blocks that repeats a title the page declares (len(blocks) when
    none does): the article starts at its headline, so neither it nor what follows it is cut (the
    headline stage takes it for the title)."""
    wanted = {variant for _, title in doc.meta.title_candidates for variant in title_variants(title)}
    if doc.meta.title:
        wanted |= title_variants(doc.meta.title)
    for position in range(len(blocks) - 1, -1, -1):
        folded = fold(blocks[position].text)
        if folded and any(fuzzy.ratio(folded, variant) >= MATCH_SCORE for variant in wanted):
            return position
    return len(blocks)
