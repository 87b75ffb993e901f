"""The diff report rendered on fixed-width consoles: golden output, styles, inert hostile text, kept = clean."""

from __future__ import annotations

import io
import re

import pytest
from golden.regenerate import CASES, GOLDEN, example, render
from rich.console import Console
from rich.text import Text

import newsclean
from newsclean import Stage
from newsclean.report.diff import (
    STAGE_COLOURS,
    Gap,
    ViewOptions,
    block_text,
    document_report,
    make_console,
    removal_tag,
    shown_rows,
    side_by_side_view,
    stage_counts,
)
from newsclean.report.summary import summarize

SGR = re.compile(r"\x1b\[[0-9;]*m")  # the only escape sequences rich itself may write
ROW = re.compile(r"^ *(\d+) ([ #-]) (.*?) *$")  # number, mark, text of a line-view row


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_rendering_of_the_example_dump(name: str) -> None:
    expected = (GOLDEN / name).read_text(encoding="utf-8")
    assert render(CASES[name]()) == expected, f"regenerate with: python tests/golden/regenerate.py ({name})"


def test_golden_line_view_has_every_block_once_in_order() -> None:
    doc = example()
    rows = [ROW.match(line) for line in (GOLDEN / "japan-us-minerals.diff.txt").read_text(encoding="utf-8").splitlines()]
    numbers = [int(m.group(1)) for m in rows if m]
    assert numbers == [b.line for b in doc.blocks]


def wide_rows(doc: newsclean.Document, options: ViewOptions = ViewOptions()) -> list[tuple[int, str, str]]:
    """The line view's rows at a width where nothing wraps: (line, mark, text)."""
    longest = max((len(b.text) + len(b.removal.reason if b.removal else "") for b in doc.blocks), default=0)
    buffer = io.StringIO()
    make_console(color=False, file=buffer, width=longest + 100).print(document_report(doc, options))
    rows: list[tuple[int, str, str]] = []
    text_column = 0
    for line in buffer.getvalue().splitlines():
        m = ROW.match(line)
        if m:
            rows.append((int(m.group(1)), m.group(2), m.group(3)))
            text_column = m.start(3)
        elif rows and line[:text_column].isspace() and line.strip():
            # A block of several lines (a code listing from HTML) continues under its first line.
            number, mark, text = rows[-1]
            rows[-1] = (number, mark, text + "\n" + line[text_column:].rstrip())
    return rows


def check_kept_rows_are_the_clean_output(doc: newsclean.Document) -> None:
    rows = wide_rows(doc)
    assert [line for line, _, _ in rows] == [b.line for b in doc.blocks]
    kept = [text for _, mark, text in rows if mark == " "]
    assert kept == doc.paragraphs
    assert newsclean.to_text(doc, title=False) == ("\n\n".join(kept) + "\n" if kept else "")
    # The headline row ("#") shows its tag, then the title the clean output starts with.
    for block, (_, mark, text) in zip(doc.blocks, rows):
        if mark == "#":
            assert block.removal is not None
            assert text == f"[{removal_tag(block.removal)}] {doc.meta.title}"


def test_kept_rows_are_exactly_the_clean_output_of_the_example() -> None:
    check_kept_rows_are_the_clean_output(example())


def test_kept_rows_are_exactly_the_clean_output_on_dev_pages(dev_corpus) -> None:
    pages = sorted(dev_corpus.glob("*.noisy.txt"))[:8] + sorted(dev_corpus.glob("*.html"))[:2]
    assert pages
    for page in pages:
        check_kept_rows_are_the_clean_output(newsclean.clean_file(str(page)))


def test_side_by_side_clean_column_is_the_clean_output() -> None:
    doc = example()
    table = side_by_side_view(doc, ViewOptions())
    clean_cells = [cell.plain for cell in table.columns[2].cells if isinstance(cell, Text) and cell.plain]
    assert "\n\n".join(clean_cells) + "\n" == newsclean.to_text(doc)


def test_removed_lines_are_dimmed_in_their_stage_colour_kept_lines_are_plain() -> None:
    doc = example()
    originals = {b.line: b for b in doc.blocks}
    for block in doc.blocks:
        text = block_text(block, originals)
        styles = {str(span.style) for span in text.spans}
        if block.removal is None:
            assert not styles and text.plain == block.text
        elif block.removal.stage is not Stage.TITLE:
            colour = STAGE_COLOURS[block.removal.stage]
            assert f"bold {colour}" in styles and f"dim {colour}" in styles


def test_one_palette_for_lines_summary_and_table() -> None:
    summary = summarize(example())
    spans = {str(span.style) for span in stage_counts(summary).spans}
    assert spans == {STAGE_COLOURS[stage] for stage in summary.by_stage}


def test_colour_output_uses_the_palette_on_a_terminal() -> None:
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=True, color_system="standard")
    console.print(document_report(example(), ViewOptions(context=0)))
    out = buffer.getvalue()
    assert "\x1b[36m" in out  # cyan: the duplicates
    assert "\x1b[35m" in out  # magenta: the footer


HOSTILE = (
    " date 2025-01-01 200\n"
    " title Evil\x1b]0;pwned\x07 [bold red]headline[/]\n"
    "\x1b[2J\x1b[H[red]Cookie consent[/red] Accept all\n"
    "The council met on Tuesday to discuss the budget [red]and the new school[/red], officials said in a statement.\r\n"
    "Residents asked about roads, parks and the library, and the mayor promised answers by the end of the month.\n"
    "Critics said the plan \u202eesrever\u202c was rushed and the public had too little time to read the documents.\n"
    "[link=https://evil.example]click[/link] :smile: \x07\x08 [/]\n"
)


@pytest.mark.parametrize("side_by_side", [False, True])
def test_markup_and_escape_sequences_in_a_dump_render_inert(side_by_side: bool) -> None:
    doc = newsclean.clean(HOSTILE, source="evil\x1b[31m[red]name.txt")
    buffer = io.StringIO()
    console = Console(file=buffer, width=100, force_terminal=True, color_system="truecolor")
    console.print(document_report(doc, ViewOptions(side_by_side=side_by_side)))
    out = buffer.getvalue()
    text = " ".join(SGR.sub("", out).replace("│", " ").split())  # rows rejoined where they wrapped
    assert not {"\x1b", "\x07", "\x08", "\r", "\u202e"} & set(SGR.sub("", out))
    assert "[2J" in text and "[red]Cookie consent[/red]" in text  # shown as written
    assert "[link=https://evil.example]click[/link] :smile:" in text
    assert "evil\\x1b[31m[red]name.txt" in text  # the file name, escape spelled out
    assert "\x1b]8;" not in out  # no hyperlink was made from the dump's [link=...]


def test_shown_rows_keep_context_around_removed_lines_like_diff_u() -> None:
    doc = example()
    rows = list(shown_rows(doc.blocks, context=1))
    lines = [r.line if not isinstance(r, Gap) else ("gap", r.count) for r in rows]
    assert lines == [1, 2, 3, 4, 5, ("gap", 5), 11, *range(12, 25)]
    assert all(not isinstance(r, Gap) and r.removal for r in shown_rows(doc.blocks, context=0)
               if not isinstance(r, Gap))
    assert list(shown_rows(doc.blocks, context=None)) == doc.blocks


NEAR_DUPLICATE = (
    "A new placement algorithm was written for the chips, and it works well in practice for most designs.\n"
    "Consider all routable placements in the other half of the device before giving up on the design.\n"
    "The tool then routes every net through the crossbar, which is simple given the structure of the device.\n"
    "Consider all routable placements in a other half of the device before giving up on the design.\n"
)


def test_near_duplicate_shows_the_words_that_differ_from_its_original() -> None:
    doc = newsclean.clean(NEAR_DUPLICATE)
    copy = doc.blocks[3]
    assert copy.removal is not None and copy.removal.duplicate_of == 2
    assert copy.removal.score is not None and copy.removal.score < 100
    out = render(document_report(doc, ViewOptions(context=0)))
    assert "routable placements in [-the-]{+a+} other half" in out
    originals = {b.line: b for b in doc.blocks}
    styles = {str(span.style) for span in block_text(copy, originals).spans}
    assert "bold reverse cyan" in styles and "strike cyan" in styles
