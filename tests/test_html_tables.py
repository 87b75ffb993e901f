"""Tables in trafilatura's extracted body: data rows stay `| a | b |` lines, layout rows (a post
beside a sidebar) give the post's paragraphs lines of their own."""

from __future__ import annotations

from lxml import etree

from newsclean.parse.html import RUNNING_TEXT_CHARS, body_blocks, parse_html, render_table

PARAGRAPH = "The council met on Tuesday and voted to rebuild the old bridge over the river next spring. "


def _table(*rows: list[list[str]]) -> etree._Element:
    """A table as trafilatura extracts it: rows of cells, each cell a list of paragraphs."""
    table = etree.Element("table")
    for row in rows:
        row_element = etree.SubElement(table, "row")
        for paragraphs in row:
            cell = etree.SubElement(row_element, "cell")
            for text in paragraphs:
                etree.SubElement(cell, "p").text = text
    return table


def _body(*children: etree._Element) -> etree._Element:
    body = etree.Element("body")
    body.extend(children)
    return body


def test_data_table_renders_as_trafilatura_renders_it() -> None:
    from trafilatura.xml import xmltotxt

    table = _table([["Name"], ["Price"]], [["Apples"], ["3.20"]], [["Pears"], ["4.10"]])
    assert render_table(table) == xmltotxt(table, False)
    assert [b.text for b in body_blocks(_body(table))] == ["| Name | Price |", "| Apples | 3.20 |", "| Pears | 4.10 |"]


def test_post_beside_a_sidebar_gets_a_line_per_paragraph() -> None:
    post = [PARAGRAPH * 3, PARAGRAPH * 2, PARAGRAPH * 2]
    assert len("".join(post)) >= RUNNING_TEXT_CHARS
    table = _table([post, ["Archives", "Links"]])
    lines = [b.text for b in body_blocks(_body(table))]
    assert lines == [p.strip() for p in post] + ["Archives", "Links"]
    assert not any(line.startswith("|") for line in lines)


def test_short_cells_in_one_row_stay_a_table_row() -> None:
    """A title beside a date, a row of links: no running text, nothing to take apart."""
    table = _table([["A short title"], ["2005-02-06 13:26"]])
    assert [b.text for b in body_blocks(_body(table))] == ["| A short title | 2005-02-06 13:26 |"]


def test_a_lone_long_cell_stays_as_it_was() -> None:
    """A row with one filled cell is not a post beside anything: it renders as before."""
    from trafilatura.xml import xmltotxt

    table = _table([[PARAGRAPH * 8], []])
    assert render_table(table) == xmltotxt(table, False)


def test_only_the_layout_row_of_a_table_changes() -> None:
    post = [PARAGRAPH * 4, PARAGRAPH * 3]
    table = _table([["Posted by", "Mary"], ["on Monday"]], [post, ["Links"]])
    lines = [b.text for b in body_blocks(_body(table))]
    assert lines == ["| Posted by Mary | on Monday |", *(p.strip() for p in post), "Links"]


def test_layout_table_page_keeps_the_post_as_paragraphs() -> None:
    paragraphs = "".join(f"<p>{PARAGRAPH * 2} Part {n}.</p>" for n in range(4))
    sidebar = "<p>Archives</p><p>About me</p><p>Friends</p>"
    page = (f"<html><head><title>My diary</title></head><body><table><tr><td>{paragraphs}</td>"
            f"<td>{sidebar}</td></tr></table></body></html>")
    document = parse_html(page, "layout.html")
    kept = [block.text for block in document.blocks]
    assert any(text.endswith("Part 0.") for text in kept) and any(text.endswith("Part 3.") for text in kept)
    assert not any(text.startswith("|") and "Part 0." in text for text in kept)


def _page_view(table_html: str) -> list[str]:
    from newsclean.config import Config
    from newsclean.parse.page_text import page_text

    blocks = page_text(f"<html><body>{table_html}</body></html>", "page.html", Config())
    assert blocks is not None
    return [block.text for block in blocks]


def test_page_view_gives_each_cell_of_a_one_row_table_its_own_block() -> None:
    """A post's title and date laid out as one row: a title line and a date line, as a dump prints them."""
    view = _page_view("<table><tr><td>A diary entry about the harbour</td><td>2005-09-10 10:56</td></tr></table>")
    assert view == ["A diary entry about the harbour", "2005-09-10 10:56"]


def test_page_view_keeps_a_row_of_a_data_table_as_one_block() -> None:
    view = _page_view("<table><tr><td>Apples</td><td>3.20</td></tr>\n<tr><td>Pears</td><td>4.10</td></tr></table>")
    assert view == ["Apples 3.20", "Pears 4.10"]


def test_fast_engine_still_joins_the_cells_of_a_one_row_table() -> None:
    """Only the page view splits them: the fast engine's blocks are as before."""
    from selectolax.lexbor import LexborHTMLParser

    from newsclean.config import Config
    from newsclean.parse.fast_html import read_blocks

    page = LexborHTMLParser("<html><body><table><tr><td>A title</td><td>2005-09-10</td></tr></table></body></html>")
    assert [text for text, _, _ in read_blocks(page, "page.html", Config()).blocks] == ["A title 2005-09-10"]
