"""The article's edges: the one contiguous run of lines that holds the article's running text.

Every kept line gets a score from the line model (linemodel.py), positive when it reads as article
text given itself and its neighbours. A line adds (its words + region_line_weight) * score to a
span; the article is the span with the largest total (a maximum-sum segment, linear time), so
short lines inside the article (subheadings, list items, captions) are kept with it while menus
and link lists are not.

End-of-article markers ("Comments", "Related articles", "Most popular") split the page: the
article never runs across one. A marker is only believed when it follows prose and the lines
after it do not read as more article (an inline "Related" box inside the article, a table column
called "Comment"). The article is taken from the first part of the page that holds a substantial
span, not the largest one: a comment thread or a live feed below an article can outweigh it.
"""

from __future__ import annotations

from collections.abc import Callable

from ..config import Config
from ..document import Block, Document, Stage, remove_blocks
from ..model.features import LineFeatures, analyze
from ..model.linemodel import line_scores
from ..parse.text import LazyPattern, phrase_as_written
from ..rules import Rules, load_rules
from .boilerplate import has_copyright
from .box_tail import HEADLINES_NOTE, closing_below_list, tail_below_box
from .duplicates import glued_copies
from .error_page import error_phrase
from .forms import FORM_NOTE, form_start
from .interleaved import mark_interleaved_labels
from .interview import exchanges_below
from .item_lists import item_list_lines
from .keyed_list import keyed_entries_below
from .last_section import last_section_below
from .legal_footer import LEGAL_NOTE, above_legal_footer, end_above_legal_footer
from .list_article import titled_list
from .menu_gap import parts_across_menus
from .markers import confirmed_markers, markers_below_article_body, page_end_markers
from .numbered_sections import numbered_sections_below
from .rankings import RANKING_NOTE, rankings_end
from .related_list import BOX_NOTE, RELATED_NOTE, TEASERS_NOTE, related_list_start, teaser_box_start, teasers_start
from .repeated_headline import HEADLINE_BELOW_NOTE, repeated_headline_end, repeated_headline_start
from .sentence_run import last_paragraph_above_marker, last_paragraph_below, sections_below, sentences_below
from .shaped_list import entry_list_lines, shaped_entries_below
from .span_edges import article_edges
from .streams import (
    LEADING_STREAM_NOTE,
    MIN_ARTICLE_WORDS,
    NEXT_STORY_NOTE,
    STREAM_NOTE,
    leading_stream_end,
    next_story_start,
    relative_stamp,
    stream_around,
    stream_start,
)
from .tables import table_lines
from .teasers import TEASER_REASON, is_teaser_list
from .truncated_teasers import TRUNCATED_NOTE, truncated_teasers_end


def segment_gain(size: float, score: float, config: Config) -> float:
    """What a line adds to the article span: its words, times the model's score for it.

    Token F1 is what matters, so a long line counts by its length; every line also weighs
    `region_line_weight` words, so that runs of short menu lines add up against the span.
    """
    return (size + config.region_line_weight) * score


def best_segment(gains: list[float], lo: int = 0, hi: int | None = None) -> tuple[int, int, float]:
    """The [start, end) range of gains[lo:hi] with the largest sum (Kadane), and that sum."""
    hi = len(gains) if hi is None else hi
    best, best_range = 0.0, (lo, lo)
    total, start = 0.0, lo
    for i in range(lo, hi):
        if total <= 0:
            total, start = 0.0, i
        total += gains[i]
        if total > best:
            best, best_range = total, (start, i + 1)
    return best_range[0], best_range[1], best


def across_menu_gap(lines: list[LineFeatures], texts: list[str], gains: list[float],
                    span: tuple[int, int, float]) -> tuple[int, int, float]:
    """The span (start, end, score), or its heaviest part's best segment with that segment's score
    when it bridges a site's menu (menu_gap.py): two blocks of text that far apart are not one
    article, however heavy both are."""
    parts = parts_across_menus(lines, texts, gains, span[0], span[1])
    if len(parts) == 1:
        return span
    return max((best_segment(gains, lo, hi) for lo, hi in parts), key=lambda segment: segment[2])


def choose_span(gains: list[float], markers: dict[int, str], config: Config) -> tuple[int, int]:
    """The article span: the best span of the first marker-delimited part that holds a substantial one."""
    start, end, _ = choose_scored_span(gains, markers, config)
    return start, end


def choose_scored_span(gains: list[float], markers: dict[int, str], config: Config) -> tuple[int, int, float]:
    """choose_span's span, and its score."""
    bounds = [-1, *sorted(markers), len(gains)]
    spans = [best_segment(gains, a + 1, b) for a, b in zip(bounds, bounds[1:])]
    top = max(score for _, _, score in spans)
    if top <= 0:
        return 0, 0, 0.0
    return next(s for s in spans if s[2] >= config.region_first_share * top)


# Why the lines around the article went, when a signal cut them: (those lines, the note).
TailNotes = list[tuple[range, str]]
# How a line outside the span is marked (the verdict looks for these when it reads the whole page).
BEFORE_ARTICLE = "before the article ("
AFTER_ARTICLE = "after the article ("


def article_span(
    lines: list[LineFeatures],
    texts: list[str],
    scores: list[float],
    markers: dict[int, str],
    config: Config,
    rules: Rules,
    copyright_lines: list[int] | None = None,
) -> tuple[int, int, TailNotes]:
    """The article's [start, end) among the kept lines, from their scores and the end markers,
    and the lines around it that a signal cut, each range with its note (rankings of other posts
    or a rail of dated teasers above; a stream of dated entries, a list of other stories'
    headlines, the headline printed again below, the site's legal footer after).
    `copyright_lines`: positions a site's copyright line was removed just above."""
    gains = [segment_gain(f.size, score, config) for f, score in zip(lines, scores)]
    for position in table_lines(lines) | item_list_lines(lines, texts) | entry_list_lines(lines, texts):
        # A table's cells, a list's items or entries weigh nothing (stages/tables.py, stages/item_lists.py).
        gains[position] = max(gains[position], 0.0)
    for position in glued_copies(texts, [f.size for f in lines]):
        # The article again as one line (removed as a copy later) would weigh as much as the
        # article itself, and pull the span down to wherever the page prints it.
        gains[position] = min(gains[position], 0.0)
    relative = relative_stamp(rules.time_units)
    start, end, entries, span_notes = scored_span(lines, texts, gains, markers, config, relative, copyright_lines or [])
    start, head_notes = head_start(lines, texts, start, end, relative)
    start, end, tail_notes = tail_end(lines, texts, gains, start, end, markers, entries, relative)
    # Other posts' titles cut short with an ellipsis at the article's head: it starts below them.
    # (After the edges' trim: the date line under the list marks where the article starts, and
    # running text without full stops below it is no heading to trim.)
    cut_from, start = start, truncated_teasers_end(lines, texts, gains, start, end)
    head_notes.append((range(cut_from, start), TRUNCATED_NOTE))
    # The first note naming a line wins: the tail's cuts, then the span's, then the head's.
    return start, end, tail_notes + span_notes + head_notes


def scored_span(
    lines: list[LineFeatures],
    texts: list[str],
    gains: list[float],
    markers: dict[int, str],
    config: Config,
    relative: LazyPattern | None,
    copyright_lines: list[int],
) -> tuple[int, int, range, TailNotes]:
    """The best-scoring span, moved above a site's legal footer or a stream of dated entries it
    fell in; with the stream's entries (empty if none) and the notes of the lines cut."""
    span = across_menu_gap(lines, texts, gains, choose_scored_span(gains, markers, config))
    start, end = span[0], span[1]
    notes: TailNotes = []

    # A site's legal notices below its copyright line outweigh a short article above it.
    def best_above(footer: int) -> tuple[int, int, float]:
        return choose_scored_span(gains[:footer], {m: p for m, p in markers.items() if m < footer}, config)

    above = above_legal_footer(lines, span, copyright_lines, best_above, config.region_first_share)
    if above is not None:
        start, end, footer = above
        notes.append((range(footer, len(lines)), LEGAL_NOTE))
    else:
        # Or the span runs on across the copyright line into them.
        footer = end_above_legal_footer(lines, gains, start, end, copyright_lines)
        if footer < end:
            notes.append((range(footer, len(lines)), LEGAL_NOTE))
            start, end, _ = best_segment(gains, start, footer)
    # One long comment can outweigh the short post it answers: a span inside a stream of dated
    # entries is one entry, and the article is the best span above the stream.
    entries = range(0)
    inside = stream_around(lines, texts, start, end, relative, markers)
    above_stream = None if inside is None else span_above(lines, gains, markers, inside, config)
    if above_stream is not None:
        entries = range(inside, end)
        notes.append((entries, STREAM_NOTE))
        start, end = above_stream
    return start, end, entries, notes


def head_start(
    lines: list[LineFeatures], texts: list[str], start: int, end: int, relative: LazyPattern | None
) -> tuple[int, TailNotes]:
    """Where the article starts once the other stories' lines at the span's head are cut, and
    those lines' notes."""
    # A headline printed again inside the span's head: the article starts below that copy.
    start = repeated_headline_start(lines, texts, start, end)
    # Rankings of other posts ("1. Title (40819)") at the span's head: the article is below them.
    ranked_from, start = start, rankings_end(lines, texts, start, end)
    # A rail of other stories, each with its date or age, at the span's head: the article is below.
    rail_start, start = start, leading_stream_end(lines, texts, start, end, relative)
    return start, [(range(ranked_from, rail_start), RANKING_NOTE), (range(rail_start, start), LEADING_STREAM_NOTE)]


def best_end(lines: list[LineFeatures], gains: list[float], start: int, stop: int) -> int:
    """Where a span from `start` that was cut at `stop` ends: where its sum is largest, when none
    of the lines below that end is running text the model believes; else `stop`."""
    best, end, total = 0.0, start, 0.0
    for i in range(start, stop):
        total += gains[i]
        if total > best:
            best, end = total, i + 1
    # Running text the model reads as article (an event's details with their closing sentence, a
    # post quoted in the article) is more article, though the lines above it weigh less.
    if any(lines[i].is_prose and gains[i] > 0 for i in range(end, stop)):
        return stop
    return end


def tail_end(
    lines: list[LineFeatures],
    texts: list[str],
    gains: list[float],
    start: int,
    end: int,
    markers: dict[int, str],
    entries: range,
    relative: LazyPattern | None,
) -> tuple[int, int, TailNotes]:
    """The article's edges once what follows it inside the span is cut (the next story, a
    stream, other stories' headlines or teasers, a form, the headline again), then carried on
    over short sentences below; and the cut lines' notes. `entries`: the stream of dated
    entries the span was found inside (empty if none), which the article never runs into."""
    # The next story of an endless page, under a date line like the article's own.
    next_story = next_story_start(lines, texts, start, end)
    # Comments, replies or other stories with their time stamps read as text like the article's:
    # the span runs on over them, so it ends where they start.
    stream = stream_start(lines, texts, start, next_story, relative)
    # Other stories' headlines below the last paragraph: the line model reads them as text too.
    related = related_list_start(lines, texts, start, stream)
    # Or other stories' headlines with their blurbs, below a gap after the article's end.
    teasers = teasers_start(lines, texts, start, related)
    # Or a box of them under its heading, right below the article's last paragraph.
    box = teaser_box_start(lines, texts, start, teasers)
    # A login or registration form below the article, its introduction read as more article.
    form = form_start(lines, texts, start, box)
    # The headline printed again below the article (a share or comment box): it ends there.
    headline_below = repeated_headline_end(lines, texts, start, form)
    span_end = end
    headlines = range(0)
    # The span may have run on over a gap of widgets to reach what was cut (a stream, teasers):
    # with those gone, the gap no longer pays its way, and the span ends where its sum is largest.
    cut_end = best_end(lines, gains, start, headline_below) if headline_below < end else end
    start, end = article_edges(lines, texts, start, cut_end)
    if start < end:
        # Short sentences in a row below the span (dialogue, short CJK sentences): the article
        # goes on, up to a cut above, the stream the span was inside, or the next end marker.
        cut = headline_below < span_end
        stop = headline_below if cut else min((m for m in markers if m >= end), default=len(lines))
        stop = min(stop, entries.start) if entries else stop
        end = sentences_below(lines, texts, end, stop)
        end = sections_below(lines, start, end, stop)
        end = exchanges_below(lines, texts, start, end, stop)
        above_entries = end
        end = keyed_entries_below(lines, texts, start, end, stop)
        end = shaped_entries_below(lines, texts, start, end, stop)
        end = numbered_sections_below(lines, texts, start, end, stop)
        if not cut and stop in markers:
            if end > above_entries:
                # The span was carried over a list: its closing paragraph may follow the entries.
                end = closing_below_list(lines, texts, start, end, stop)
            end = last_paragraph_above_marker(lines, texts, start, end, stop)
        if not cut:
            # Or the article closes below a box of other stories' headlines (under a marker or none).
            end, headlines = tail_below_box(lines, texts, start, end, stop, markers)
    notes = [
        (headlines, HEADLINES_NOTE),
        (range(max(end, headline_below), form), HEADLINE_BELOW_NOTE),
        (range(max(end, form), box), FORM_NOTE),
        (range(max(end, box), teasers), BOX_NOTE),
        (range(max(end, teasers), related), TEASERS_NOTE),
        (range(max(end, related), stream), RELATED_NOTE),
        (range(max(end, stream), next_story), STREAM_NOTE),
        (range(max(end, next_story), span_end), NEXT_STORY_NOTE),
    ]
    return start, end, notes


def span_above(
    lines: list[LineFeatures], gains: list[float], markers: dict[int, str], stop: int, config: Config
) -> tuple[int, int] | None:
    """The article span among the lines above `stop` (a stream's first stamp), when it holds
    running text enough to be an article above a stream; else None."""
    start, end = choose_span(gains[:stop], {m: v for m, v in markers.items() if m < stop}, config)
    prose = sum(f.size for f in lines[start:end] if f.is_prose)
    return (start, end) if end > start and prose >= MIN_ARTICLE_WORDS else None


def list_instead(
    lines: list[LineFeatures], texts: list[str], start: int, end: int, markers: dict[int, str], title: str | None, rules: Rules
) -> tuple[int, int] | None:
    """The span of a list that is the article (list_article.titled_list: entries with numbers
    under a heading that matches the title), when the chosen span [start, end) holds no running
    text at all and the list outweighs it; else None."""
    if any(f.is_prose for f in lines[start:end]):
        return None
    region = titled_list(lines, texts, title)
    if region is None:
        return None
    list_start, list_end = region
    # An end marker ("Comments", "Related") inside the list ends it.
    list_end = min((m for m in markers if list_start <= m < list_end), default=list_end)
    # Error text in or right below the list (a 404 page's menus over "Page not found"): the
    # page says what it is, and no list of its is an article.
    if any(error_phrase(f, rules) for f in lines[max(0, list_start - 1) : list_end + 1]):
        return None
    if sum(f.size for f in lines[list_start:list_end]) <= sum(f.size for f in lines[start:end]):
        return None
    return list_start, list_end


# How a stage scores the kept lines: (their features, their texts, their end-marker flags) -> one
# score per line. And what it adds to a removed line's reason, by its position among
# the kept lines ("" for nothing).
Scorer = Callable[[list[LineFeatures], list[str], list[bool]], list[float]]
ReasonSuffix = Callable[[int], str]


def text_line_scores(lines: list[LineFeatures], texts: list[str], flags: list[bool]) -> list[float]:
    """The line model's scores (model/linemodel.py): text alone."""
    return line_scores(lines, texts, flags)


def mark_outside_span(
    doc: Document, config: Config, scorer: Scorer, suffix: ReasonSuffix | None = None, lines_of_text: bool = False
) -> Document:
    """Remove every kept line before and after the article's main run of text, and end markers,
    with the lines scored by `scorer` (the text model here, the page model for the fast reader).
    `lines_of_text`: the blocks are a dump's lines, where a paragraph right below the span may
    be the article's last (a page's elements set a site's note apart by markup the dump lacks),
    and where a page that is only a list of teasers is no article. On a page read from its
    markup (the fast reader), the teasers' blurbs and bylines left once the markup removed
    their linked headlines, menus and furniture are the page's content (a section front whose
    teasers are its text): they stay, as the trafilatura engine keeps the teasers it extracts
    (measured: dev's nytimes-5 0 -> .40 F1, against the trafilatura engine's .49)."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept = doc.kept_positions()
    if not kept:
        return doc
    kept_lines = [lines[i] for i in kept]
    texts = [doc.blocks[i].text for i in kept]
    if is_teaser_list(kept_lines, texts):
        if not lines_of_text:
            return doc  # the teasers are all the page's text: no span of them is the article either
        # A section front or a list of other stories: no span of it is an article.
        for i in kept:
            doc.blocks[i].remove(Stage.BOILERPLATE, TEASER_REASON)
        return doc
    marker_at = page_end_markers(doc, rules)
    flags = [marker_at[i] for i in kept]
    scores = scorer(kept_lines, texts, flags)
    markers = markers_below_article_body(confirmed_markers(kept_lines, texts, rules, flags=flags), doc, kept)
    start, end, notes = article_span(
        kept_lines, texts, scores, markers, config, rules, copyright_positions(doc, kept)
    )
    listed = list_instead(kept_lines, texts, start, end, markers, doc.meta.title or doc.meta.page_title, rules)
    if listed is not None:
        start, end = listed
        doc.list_article = True
        notes = []
    elif lines_of_text and end not in markers and not any(end in lines_cut for lines_cut, _ in notes):
        end = last_paragraph_below(kept_lines, kept, start, end)
        end = last_section_below(kept_lines, texts, kept, start, end)
    if start == end:
        return doc  # no running text at all: nothing to anchor on, leave it to the verdict
    first, last = doc.blocks[kept[start]].line, doc.blocks[kept[end - 1]].line
    end_marker = next((m for m in sorted(markers) if m >= end), None)
    # Each cut line's note, the first note naming it winning (the ranges are few and bounded).
    note_of: dict[int, str] = {}
    for lines_cut, cut_note in reversed(notes):
        note_of.update(dict.fromkeys(lines_cut, cut_note))
    # The lines outside the span go in runs of one reason (most of a noisy dump): each run is
    # removed at once, with one Removal (document.remove_blocks), not line by line.
    runs: dict[tuple[Stage, str], list[Block]] = {}
    # Without a suffix a line's run depends only on its side of the span and its note: each run's
    # reason is written once, not once per line (most of a noisy dump's lines are outside the span).
    run_of: dict[tuple[int, str | None], tuple[Stage, str]] = {}
    for position, i in enumerate(kept):
        block = doc.blocks[i]
        if start <= position < end:
            if position in note_of:  # lines a signal cut inside the span (box_tail.HEADLINES_NOTE)
                block.remove(Stage.BOILERPLATE, note_of[position])
            continue
        if position in markers:
            block.remove(Stage.FOOTER, f'end-of-article marker ("{phrase_as_written(markers[position], block.text)}")')
            continue
        side = -1 if position < start else 1 if end_marker is not None and position > end_marker else 0
        key = (side, note_of.get(position)) if suffix is None else None
        if key in run_of:
            runs[run_of[key]].append(block)
            continue
        why = suffix(position) if suffix else ""
        note = f": {note_of[position]}" if position in note_of else ""
        if listed is not None:
            where = "before" if position < start else "after"
            run = (Stage.BOILERPLATE, f"{where} the list that is the article (lines {first}-{last}{why})")
        elif position < start:
            run = (Stage.BOILERPLATE, f"{BEFORE_ARTICLE}lines {first}-{last}{why}){note}")
        elif end_marker is not None and position > end_marker:
            marker_text = doc.blocks[kept[end_marker]].text[:40]
            run = (Stage.FOOTER, f'after end-of-article marker "{marker_text}"')
        else:
            run = (Stage.BOILERPLATE, f"{AFTER_ARTICLE}lines {first}-{last}{why}){note}")
        if key is not None:
            run_of[key] = run
        runs.setdefault(run, []).append(block)
    for (stage, reason), blocks in runs.items():
        remove_blocks(blocks, stage, reason)
    return doc


def copyright_positions(doc: Document, kept: list[int]) -> list[int]:
    """For each removed copyright line between kept lines, the position among the kept lines
    just below it."""
    positions: list[int] = []
    position = 0
    for i, block in enumerate(doc.blocks):
        if position < len(kept) and kept[position] == i:
            position += 1
        elif block.removal is not None and block.removal.stage is Stage.BOILERPLATE and has_copyright(block.text):
            positions.append(position)
    return positions


def mark_outside_main_text(doc: Document, config: Config) -> Document:
    """Remove every kept line before and after the article's main run of text, and end markers."""
    return mark_outside_span(mark_interleaved_labels(doc, config), config, text_line_scores, lines_of_text=True)
