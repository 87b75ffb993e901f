"""Footers: everything from a believable end-of-article marker below the body ("Comments",
"Related stories"), and legal notices: a disclaimer heading takes its paragraph with it; a long
notice that opens with a legal phrase below the article's body goes too.

For text dumps main_text.py already ends the article at the first believable marker; this
stage matters for HTML, whose paragraphs trafilatura chose without knowing such markers.
"""

from __future__ import annotations

from ..config import Config
from ..document import Document, Stage
from ..model.features import LineFeatures, analyze
from ..parse.text import phrase_as_written
from ..rules import Rules, load_rules
from .boilerplate import page_boilerplate_reason
from .markers import box_over_paragraph, confirmed_markers, furniture_labels, markers_below_article_body, page_end_markers

# A heading is a short line; its notice is the paragraph right below it.
MAX_HEADING_WORDS = 6
# A marker ends the article only below this many words of running text.
MIN_WORDS_ABOVE_MARKER = 30
# A notice without a heading only counts below this share of the body's running text.
MIN_BODY_SHARE_ABOVE = 0.5
# ... and only with little running text below it (else it is a sentence of the article that
# opens like a notice: "The information contained in the report ...").
MAX_PROSE_AFTER_NOTICE = 0.2


def mark_after_end_marker(doc: Document, kept: list[int], lines: list[LineFeatures], rules: Rules) -> None:
    """Remove the first believable end-of-article marker below some running text, and all after it."""
    texts = [doc.blocks[i].text for i in kept]
    kept_lines = [lines[i] for i in kept]
    above = 0.0
    # The page's repeated labels are counted over all its lines, removed or not: once the copies
    # of a box repeated down the page are gone (duplicates, lines outside the article's span),
    # the one left inside the article no longer reads as the site's furniture, and its heading
    # ("Most popular") would end the article that resumes below the box.
    # (Counted only when a marker is there to confirm: most pages have none.)
    marker_at = page_end_markers(doc, rules)  # (each line's test once per page, shared with main_text)
    flags = [marker_at[i] for i in kept]
    if not any(flags):
        return
    page_labels = furniture_labels(lines, [block.text for block in doc.blocks])
    markers = markers_below_article_body(confirmed_markers(kept_lines, texts, rules, page_labels, flags), doc, kept)
    # A text dump's span was cut at the markers main_text believed, on all the page's lines; one
    # it ran over heads a box inside the article when the article's paragraph follows the box,
    # though with the page's furniture below it gone that paragraph now ends the kept lines.
    text_dump = doc.input_format == "text"
    for position, features in enumerate(kept_lines):
        if (position in markers and above >= MIN_WORDS_ABOVE_MARKER
                and not (text_dump and box_over_paragraph(kept_lines, texts, position) is not None)):
            marker = doc.blocks[kept[position]]
            marker.remove(Stage.FOOTER, f'end-of-article marker ("{phrase_as_written(markers[position], marker.text)}")')
            for i in kept[position + 1 :]:
                doc.blocks[i].remove(Stage.FOOTER, f'after end-of-article marker "{marker.text[:40]}"')
            return
        if features.is_prose:
            above += features.size


def mark_footer(doc: Document, config: Config) -> Document:
    """Remove everything after an end-of-article marker, legal-notice headings with their
    paragraph, and legal notices below the body."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept = doc.kept_positions()
    mark_after_end_marker(doc, kept, lines, rules)
    # This stage only removes: the kept positions are those of the last list still kept.
    kept = [i for i in kept if doc.blocks[i].removal is None]
    marker_at = page_end_markers(doc, rules)
    for i in kept:
        # A marker that ended nothing may still be a label ("Comments" in a share bar).
        if marker_at[i]:
            reason = page_boilerplate_reason(doc, i, rules)
            if reason:
                doc.blocks[i].remove(Stage.BOILERPLATE, reason)
    kept = [i for i in kept if doc.blocks[i].removal is None]
    total = sum(lines[i].size for i in kept if lines[i].is_prose) or 1.0
    above = 0.0
    # Running text left below each position: a notice with no heading ends the page's prose.
    prose_after = [0.0] * (len(kept) + 1)
    for position in range(len(kept) - 1, -1, -1):
        features = lines[kept[position]]
        prose_after[position] = prose_after[position + 1] + (features.size if features.is_prose else 0.0)
    for position, i in enumerate(kept):
        features = lines[i]
        heading = rules.legal_headings.prefix(features.folded)
        if heading and features.words <= MAX_HEADING_WORDS and not features.sentence_end and position + 1 < len(kept):
            doc.blocks[i].remove(Stage.FOOTER, f'legal notice ("{phrase_as_written(heading, doc.blocks[i].text)}")')
            doc.blocks[kept[position + 1]].remove(Stage.FOOTER, f'legal notice (under "{doc.blocks[i].text[:40]}")')
        elif (heading and features.words > MAX_HEADING_WORDS and above >= MIN_BODY_SHARE_ABOVE * total
              and prose_after[position + 1] <= MAX_PROSE_AFTER_NOTICE * total):
            doc.blocks[i].remove(Stage.FOOTER, f'legal notice ("{phrase_as_written(heading, doc.blocks[i].text)}")')
        if features.is_prose:
            above += features.size
    return doc
