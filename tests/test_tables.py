"""A table printed one cell per line inside the article weighs nothing in the span's choice: the
span reaches across it to the paragraphs on its other side; a menu or a list of names is no table."""

from __future__ import annotations

from conftest import BODY, HEADLINE, dump

import newsclean
from newsclean.model.features import analyze
from newsclean.parse.dump import parse_text_dump
from newsclean.rules import load_rules
from newsclean.stages.tables import table_lines

INTRO = [
    "A survey of the region's reservoirs, published on Friday, compares this summer's levels with last year's.",
    "The figures below give the average depth of each reservoir at the start and at the end of the season.",
]
# Reservoir, depth in June, depth in August, change: a header row, then six rows.
TABLE = ["reservoir", "June", "August", "change"]
for name, june, august, change in [("North Lake", "12.1m", "10.4m", "-14%"), ("Mill Pond", "4.3m", "3.9m", "-9%"),
                                   ("Upper Dam", "22.0m", "19.8m", "-10%"), ("Long Water", "7.7m", "6.1m", "-21%"),
                                   ("Old Quarry", "15.2m", "14.9m", "-2%"), ("Fen Basin", "3.1m", "2.2m", "-29%")]:
    TABLE += [name, june, august, change]


def tables_in(*lines: str) -> list[str]:
    doc = parse_text_dump(dump(*lines))
    features = analyze(doc, load_rules(())).lines
    return [doc.blocks[i].text for i in sorted(table_lines(features))]


def test_a_table_of_cells_is_found_from_its_first_full_row() -> None:
    # The header row has no figures where the rows have them: the table starts below it.
    assert tables_in(HEADLINE, *INTRO, *TABLE, *BODY) == TABLE[4:]


def test_the_span_reaches_across_a_table_to_the_paragraphs_above_it() -> None:
    doc = newsclean.clean(dump(HEADLINE, *INTRO, *TABLE, *BODY, "Related stories", "Share this article"))
    assert [p for p in INTRO if p in doc.paragraphs] == INTRO
    assert all(p in doc.paragraphs for p in BODY)


def test_a_menu_and_a_list_of_names_are_no_table() -> None:
    menu = ["News", "Sport", "Weather", "Culture", "Travel", "Opinion", "Video", "Podcasts", "Puzzles"]
    names = ["Anna Berg", "Tom Field", "Lisa Marsh", "Omar Hale", "Ruth Stone", "Ivan Kohl"]
    assert tables_in(*menu, HEADLINE, *BODY, *names) == []


def test_a_column_of_figures_alone_is_no_table() -> None:
    # A ranking's counts, one per line, under a heading: every line has a number.
    counts = ["1,204", "987", "850", "713", "640", "512", "498", "377", "301"]
    assert tables_in(HEADLINE, *BODY, *counts) == []
