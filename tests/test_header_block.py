"""A product's price among labels is no byline's date (span_edges.skip_header_block)."""

from __future__ import annotations

from conftest import BODY, HEADLINE, dump

from newsclean.model.features import analyze
from newsclean.parse.dump import parse_text_dump
from newsclean.rules import load_rules
from newsclean.stages.span_edges import has_date_number, skip_header_block


def test_price_is_no_date() -> None:
    assert not has_date_number("Price: $31.00")
    assert not has_date_number("9,99 €")
    assert has_date_number("| December 23rd, 2014")
    assert has_date_number("Updated 9:13 AM")


def test_product_labels_after_the_standfirst_are_no_byline_block() -> None:
    # The standfirst, then a product's fields, then the review: the fields carry a price, not a
    # date, so the span keeps its first paragraph.
    text = dump(HEADLINE, BODY[0], "Product: Acme Lake Filter", "Price: $31.00", "Tags:", *BODY[1:])
    doc = parse_text_dump(text)
    lines = analyze(doc, load_rules()).lines
    texts = [b.text for b in doc.blocks]
    assert skip_header_block(lines, texts, 1, len(texts)) == 1
    dated = dump(HEADLINE, BODY[0], "By Maria Lindqvist", "December 23, 2014", *BODY[1:])
    doc = parse_text_dump(dated)
    lines = analyze(doc, load_rules()).lines
    assert skip_header_block(lines, [b.text for b in doc.blocks], 1, len(doc.blocks)) == 4


def test_a_numbered_list_after_the_first_paragraph_is_no_byline_block() -> None:
    # The lead, then a table introduced with a colon and given as a numbered list: its numbers
    # are points, not a byline's date, so the span keeps its first paragraph.
    table = ["The table after round nine:", "1. Riverside 24", "2. Old Town 21", "3. Harbour FC 17"]
    doc = parse_text_dump(dump(HEADLINE, BODY[0], *table, *BODY[1:]))
    lines = analyze(doc, load_rules()).lines
    assert skip_header_block(lines, [b.text for b in doc.blocks], 1, len(doc.blocks)) == 1
