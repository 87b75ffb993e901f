"""Rich renderables for `newsclean diff`: every input line with what removed it and why, and batch tables.

The report is a view of the same marks the writers read: kept rows are `doc.paragraphs`, the
rest carry their `Removal`. Text from the outside (block text, metadata, file names, reasons)
only ever enters rich as `Text` objects built from `visible()` strings, so markup such as
`[red]` is printed as written and control characters can never reach the terminal.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from typing import IO

from rich import box
from rich.console import Console, ConsoleOptions, Group, RenderableType  # noqa: F401  # tests/golden/regenerate.py imports it from here
from rich.panel import Panel
from rich.progress import track
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from ..document import Block, Document, Stage
from .lines import (  # noqa: F401  # Gap, ViewOptions, removal_tag, shown_rows, visible: the report's API too
    KEPT_MARK,
    REMOVED_MARK,
    TITLE_MARK,
    TOP_REASONS,
    Gap,
    ViewOptions,
    common_folder,
    meta_fields,
    percent,
    plural,
    removal_tag,
    shown_rows,
    source_name,
    stage_label,
    unit_of,
    visible,
)
from .summary import Summary, summarize, total, verdict_label
from .worddiff import shorten, word_diff

# One palette for every view: the line marks, the header summary and the batch table.
STAGE_COLOURS: dict[Stage, str] = {
    Stage.HEADER: "blue",
    Stage.ERROR_PAGE: "red",
    Stage.TEMPLATE: "bright_blue",
    Stage.BOILERPLATE: "yellow",
    Stage.FOOTER: "magenta",
    Stage.DUPLICATE: "cyan",
    Stage.TITLE: "green",
}
VERDICT_STYLES = {"article": "green", "error_page": "bold red", "empty": "yellow", "failed": "bold red"}

MIN_TEXT_WIDTH = 20  # on absurdly narrow terminals the text overflows rather than vanishing


# --- one document ------------------------------------------------------------------------


def mark_of(block: Block) -> Text:
    """The gutter mark: kept, removed (in its stage's colour) or the headline."""
    if block.removal is None:
        return Text(KEPT_MARK)
    mark = TITLE_MARK if block.removal.stage is Stage.TITLE else REMOVED_MARK
    return Text(mark, style=f"bold {STAGE_COLOURS[block.removal.stage]}")


def block_text(block: Block, originals: dict[int, Block]) -> Text:
    """A block's text as shown: kept text plain; removed text dimmed in its stage colour after its tag."""
    if block.removal is None:
        return Text(visible(block.text))
    removal = block.removal
    colour = STAGE_COLOURS[removal.stage]
    text = Text()
    text.append(f"[{removal_tag(removal)}]", style=f"bold {colour}")
    text.append(" ")
    if removal.stage is Stage.TITLE:
        text.append(visible(block.text), style=f"bold {colour}")  # kept, as the title
        return text
    body_style = f"dim {colour}"
    original = originals.get(removal.duplicate_of) if removal.duplicate_of is not None else None
    # Texts, not scores, decide: a truncated copy can score 100 and still differ.
    pieces = word_diff(block.text, original.text) if original and original.text != block.text else None
    if pieces is None:
        text.append(visible(block.text), style=body_style)
        return text
    # Spelled like `git diff --word-diff=plain` even in colour: "[-the-]{+a+}" reads as two
    # words where a struck "the" beside a highlighted "a" read as one ("thea") in the terminal.
    for piece in pieces:
        words = visible(piece.text)
        if piece.op == "same":
            text.append(words, style=body_style)
        elif piece.op == "added":
            text.append("{+" + words + "+}", style=f"bold reverse {colour}")
        else:
            text.append("[-" + shorten(words) + "-]", style=f"strike {colour}")
    return text


def gap_text(gap: Gap, unit: str) -> Text:
    """The row standing for hidden kept lines."""
    return Text(f"⋯ {plural(gap.count, 'kept ' + unit)} not shown", style="dim italic")


class LineView:
    """Rows of number, mark and text, the text wrapped and hanging under its first line.

    Drawn row by row instead of as a rich Table: a Table measures every cell twice and pads
    each line to the full width, which made a 20,000-line dump take seconds more to show and
    left trailing spaces on every line of plain output.
    """

    def __init__(self, rows: list[tuple[str, Text, Text]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> Iterator[Segment]:
        """Each row's text wrapped to the width left of the gutter, continuation lines indented."""
        digits = max((len(number) for number, _, _ in self.rows), default=1)
        indent = digits + 3  # number, space, mark, space
        width = max(options.max_width - indent, MIN_TEXT_WIDTH)
        for number, mark, text in self.rows:
            lines = text.wrap(console, width, overflow="fold") or [Text()]
            for index, line in enumerate(lines):
                line.rstrip()  # the space a line was broken at
                gutter = Text.assemble((number.rjust(digits), "dim"), " ", mark, " ") if index == 0 else Text(" " * indent)
                yield from Text.assemble(gutter, line).render(console)
                yield Segment.line()


def line_view(doc: Document, options: ViewOptions) -> LineView:
    """Every block in input order: number, mark, and the text (removed ones tagged with their reason)."""
    originals = {b.line: b for b in doc.blocks}
    rows = []
    for row in shown_rows(doc.blocks, options.context):
        if isinstance(row, Gap):
            rows.append(("", Text(" "), gap_text(row, unit_of(doc))))
        else:
            rows.append((str(row.line), mark_of(row), block_text(row, originals)))
    return LineView(rows)


def side_by_side_view(doc: Document, options: ViewOptions) -> Table:
    """Raw input on the left, clean output on the right, on the same rows."""
    table = Table(box=box.MINIMAL, expand=True, padding=(0, 1), show_edge=False, header_style="bold")
    table.add_column(Text(unit_of(doc)), no_wrap=True)
    digits = len(str(doc.blocks[-1].line)) if doc.blocks else 1
    table.add_column(Text("raw input"), ratio=1, overflow="fold")
    table.add_column(Text("clean"), ratio=1, overflow="fold")
    originals = {b.line: b for b in doc.blocks}
    for row in shown_rows(doc.blocks, options.context):
        if isinstance(row, Gap):
            table.add_row("", gap_text(row, unit_of(doc)), gap_text(row, unit_of(doc)))
            continue
        if row.removal is None:
            clean = Text(visible(row.text))
        elif row.removal.stage is Stage.TITLE:
            clean = Text(visible(row.text), style="bold")
        else:
            clean = Text("")
        # Padded by hand: right-justifying would strip the blank mark of kept rows and shift them.
        gutter = Text.assemble((str(row.line).rjust(digits), "dim"), " ", mark_of(row))
        table.add_row(gutter, block_text(row, originals), clean)
    return table


def stage_counts(summary: Summary) -> Text:
    """`5 footer, 6 duplicate` in the stage colours, in pipeline order."""
    text = Text()
    for stage in Stage:
        count = summary.by_stage.get(stage, 0)
        if count:
            if text:
                text.append(", ")  # a comma, not a dot: lines wrap after it, never before it
            text.append(f"{count:,} {stage_label(stage)}", style=STAGE_COLOURS[stage])
    return text or Text("nothing", style="dim")


def header_panel(doc: Document) -> Panel:
    """Metadata and what cleaning did, above the lines."""
    summary = summarize(doc)
    unit = unit_of(doc)
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    for name, value in meta_fields(doc):
        grid.add_row(name, Text(value))
    grid.add_row("verdict", Text(verdict_label(doc.verdict.value, doc.page_kind.value),
                                 style=VERDICT_STYLES[doc.verdict.value]))
    grid.add_row("input", Text(f"{doc.input_format}, {visible(doc.encoding)}"))
    grid.add_row(f"{unit}s", Text(f"{summary.lines:,}: {summary.kept:,} kept, {summary.removed:,} removed"))
    grid.add_row("removed", stage_counts(summary))
    grid.add_row("characters", Text(f"{summary.chars_kept:,} of {summary.chars:,} kept "
                                    f"({percent(summary.chars_kept, summary.chars)})"))
    title = Text(source_name(doc.source), style="bold")
    return Panel(grid, title=title, title_align="left", box=box.ROUNDED, border_style="dim")


def document_report(doc: Document, options: ViewOptions) -> Group:
    """The full report of one document: header panel, then the line or side-by-side view."""
    view = side_by_side_view(doc, options) if options.side_by_side else line_view(doc, options)
    return Group(header_panel(doc), view)


# --- many documents ----------------------------------------------------------------------


def top_reasons(summary: Summary) -> Text:
    """The most frequent kinds of reason, one a line, in their stage's colour."""
    if summary.problem is not None:
        return Text(visible(summary.problem), style="red")
    text = Text()
    for (stage, kind), count in summary.reasons.most_common(TOP_REASONS):
        if text:
            text.append("\n")
        text.append(f"{count:,} {visible(kind)}", style=STAGE_COLOURS[stage])
    return text


def verdict_counts(summaries: Sequence[Summary]) -> Text:
    """How many documents got each verdict, one a line."""
    counts: dict[str, int] = {}
    for summary in summaries:
        counts[summary.verdict] = counts.get(summary.verdict, 0) + 1
    text = Text()
    for verdict, count in sorted(counts.items(), key=lambda item: (-item[1], item[0])):
        if text:
            text.append("\n")
        text.append(f"{count:,} {verdict}", style=VERDICT_STYLES.get(verdict, ""))
    return text


def summary_row(summary: Summary, folder: str = "") -> list[Text]:
    """One file's cells: name (inside folder), verdict, lines, kept, removed, characters kept, top reasons."""
    name = os.path.relpath(summary.source, folder) if folder else summary.source
    return [
        Text(source_name(name)),
        Text(verdict_label(summary.verdict, summary.page_kind), style=VERDICT_STYLES.get(summary.verdict, "")),
        Text(f"{summary.lines:,}"),
        Text(f"{summary.kept:,}"),
        Text(f"{summary.removed:,}"),
        Text(percent(summary.chars_kept, summary.chars)),
        top_reasons(summary),
    ]


def batch_table(summaries: Sequence[Summary]) -> Table:
    """One row per document (in the order given), the totals as the footer."""
    totals = total(list(summaries))
    folder = common_folder([s.source for s in summaries])
    footer = summary_row(totals)
    footer[0] = Text(f"total: {plural(len(summaries), 'document')}")  # a JSONL or WARC file holds many
    footer[1] = verdict_counts(summaries)
    # No cell padding: the box's blank column separators already keep one space between columns.
    # Not expanded: on a wide terminal, spare width between the numbers only makes rows harder to follow.
    # Long paths repeated on every row folded over two lines in the terminal: the folder they
    # share is said once, above the table.
    title = Text(f"in {source_name(folder)}{os.sep}", style="bold") if folder else None
    table = Table(box=box.SIMPLE_HEAD, show_footer=True, padding=0, show_edge=False, title=title,
                  title_justify="left", header_style="bold", footer_style="bold")
    headers = ("file", "verdict", "lines", "kept", "removed", "chars kept", "top reasons")
    for index, (header, cell) in enumerate(zip(headers, footer)):
        numeric = header in ("lines", "kept", "removed", "chars kept")
        table.add_column(Text(header), footer=cell, justify="right" if numeric else "left",
                         overflow="fold", no_wrap=numeric)
    for summary in summaries:
        table.add_row(*summary_row(summary, folder))
    return table


def tracked(sources: Sequence[str]) -> Iterable[str]:
    """The sources, with a transient progress bar on stderr while they are cleaned (terminals only).

    A directory of a few hundred pages takes seconds to clean before the table can be drawn;
    without this the terminal sat blank.
    """
    console = Console(stderr=True, highlight=False)
    if len(sources) < 2 or not console.is_terminal:
        return sources
    return track(sources, description="cleaning", console=console, transient=True)


# --- consoles ---------------------------------------------------------------------------


def make_console(color: bool | None = None, file: IO[str] | None = None, width: int | None = None) -> Console:
    """A console for reports: colour as rich decides (tty, NO_COLOR) unless forced on or off; never markup."""
    # markup/emoji/highlight off: the report only prints Text, and dumps must never be interpreted.
    return Console(
        file=file,
        width=width,
        markup=False,
        emoji=False,
        highlight=False,
        color_system=None if color is False else "auto",
        force_terminal=True if color else None,
        no_color=False if color else None,
    )
