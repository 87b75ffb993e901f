"""A table printed one cell per line inside the article ("HTML", "57Kb", "59Kb", "+4%", then
the next row): its cells are short lines with no sentence, which the line model scores below
zero, so the article's span stopped at the table and lost the paragraphs on its other side.

A table is found by its shape alone: a run of short cells whose pattern of numbers repeats
with the row's length (a column of names beside columns of figures), MIN_ROWS rows or more.
Its lines weigh nothing in the span's choice (neither for nor against the article): a span
reaches across it only when running text on its other side pays for it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model.features import LineFeatures

MAX_CELL_WORDS = 4  # a cell: a name, a figure, a date; never a sentence
MIN_COLUMNS, MAX_COLUMNS = 2, 8
MIN_ROWS = 3


def is_cell(features: LineFeatures) -> bool:
    """A short line with words or figures and no sentence."""
    return 0 < features.words <= MAX_CELL_WORDS and not features.is_prose and not features.sentence_end


def table_lines(lines: Sequence[LineFeatures]) -> set[int]:
    """Positions of the cells of tables printed one cell per line: runs of cells whose
    has-a-number pattern repeats every row (2-8 columns), with at least one column of figures
    and one without, MIN_ROWS rows or more. Linear in the lines for each row length tried."""
    cells = [is_cell(f) for f in lines]
    found: set[int] = set()
    # A table lies inside one run of cells in a row, and each run is searched from its first
    # line whatever stands around it: only runs long enough for a table are searched (most
    # pages have none), not every line once per row length.
    for first, last in cell_runs(cells, MIN_ROWS * MIN_COLUMNS):
        numeric = [f.numbers > 0 for f in lines[first:last]]
        if not any(numeric) or all(numeric):
            continue  # every row would be all figures or none (a menu's labels): no table
        for columns in range(MIN_COLUMNS, MAX_COLUMNS + 1):
            start = 0
            while start < len(numeric):
                end = start + 1  # the run [start, end): cells, each like the cell one row above
                while end < len(numeric) and (end - start < columns or numeric[end] == numeric[end - columns]):
                    end += 1
                row = numeric[start : start + columns]
                if end - start >= MIN_ROWS * columns and any(row) and not all(row):
                    found.update(range(first + start, first + end))
                start = max(end, start + 1) if end - start < columns else end - columns + 1
    return found


def cell_runs(cells: Sequence[bool], min_length: int) -> list[tuple[int, int]]:
    """The [first, last) ranges of cells in a row, min_length long or longer (found by one
    search over the flags as bytes, not a step per line)."""
    return [match.span() for match in re.finditer(b"\x01{%d,}" % min_length, bytes(cells))]
