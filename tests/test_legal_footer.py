"""A site's legal notices below its copyright line (terms of reuse, an advertising disclaimer)
are long sentences of dense text: on a short article they may outweigh it as a span. The span
moves back above the copyright line when the text there holds as many paragraphs."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump, kept_lines

from newsclean.stages import mark_outside_main_text
from newsclean.stages.legal_footer import LEGAL_NOTE

SHORT_ARTICLE = [
    "The ministry said on Friday that players will set their own limits on time and money.",
    "The draft order was published for comment and will take effect after a public debate.",
    "It follows a tender for a register of people who asked to be barred from playing.",
]
MENU = ["News", "Business", "Opinion", "Projects", "About us", "Archive"]
NOTICES = [
    "All materials on this site that refer to the news agency may not be reproduced, translated, "
    "distributed or otherwise used in any form without the written permission of the agency, and "
    "the editors accept no responsibility for the content of the materials that are quoted here.",
    "Materials marked as promoted, company news and partner positions are advertising and are "
    "published on the terms of advertising, and the editors do not always share the views of the "
    "authors of those materials and bear no responsibility for the claims that are made in them.",
]


def page(copyright_line: str) -> str:
    return dump(*MENU, HEADLINE, *SHORT_ARTICLE, "Related topics", *MENU, copyright_line, *MENU, *NOTICES)


def test_the_article_above_the_copyright_line_wins_over_the_notices_below_it() -> None:
    doc, marks = apply(mark_outside_main_text, page("© 2005-2025 Example Media"))
    first = len(MENU) + 2
    assert kept_lines(doc) == list(range(first, first + len(SHORT_ARTICLE)))
    notices = [n for n, b in enumerate(doc.blocks, 1) if b.text in NOTICES]
    assert all(LEGAL_NOTE in marks[n].reason for n in notices)


def test_without_a_copyright_line_the_notices_stay_the_largest_span() -> None:
    # The same page with no copyright line: nothing tells the footer from an article.
    doc, _ = apply(mark_outside_main_text, page("Example Media"))
    assert all(b.text in NOTICES for b in doc.kept())


def test_a_copyright_credit_between_the_lead_and_the_body_does_not_cut_the_article() -> None:
    # A photo credit with a copyright sign under the lead: the body below holds more paragraphs
    # than the lead above, where a footer's notices are few.
    sections = [f"Section {letter}" for letter in "ABCDEFGHIJKLMNOP"]  # a menu parts the lead from the body
    text = dump(*MENU, HEADLINE, *SHORT_ARTICLE, *sections, "© 2024 Photo Agency", *BODY[:4])
    doc, _ = apply(mark_outside_main_text, text)
    assert [b.text for b in doc.kept()] == BODY[:4]


def footer_end(texts: list[str], copyright_at: int, gains: list[float] | None = None) -> int:
    from newsclean.model.features import line_features
    from newsclean.stages.legal_footer import end_above_legal_footer

    lines = [line_features(t, frozenset({"the", "a", "of", "and", "to", "in", "on", "for", "is", "that", "will"})) for t in texts]
    return end_above_legal_footer(lines, gains or [1.0] * len(texts), 0, len(texts), [copyright_at])


def test_a_span_running_across_the_copyright_line_into_the_notices_ends_at_it() -> None:
    # Kept lines only (the copyright line itself went before): the article, related links and a
    # menu, then the notices below the removed copyright line.
    texts = [*BODY[:3], *MENU, *NOTICES]
    assert footer_end(texts, 3 + len(MENU)) == 3 + len(MENU)


def test_a_copyright_credit_between_the_articles_paragraphs_does_not_end_it() -> None:
    # Only a caption between the paragraph above the credit and it: no furniture, no footer.
    texts = [*BODY[:3], "The lake's southern shore in August", *BODY[3:]]
    assert footer_end(texts, 4) == len(texts)


def test_more_paragraphs_below_the_copyright_line_than_above_are_the_article() -> None:
    # A standfirst, a menu, a copyright credit, then the body: the article is below it.
    texts = [BODY[0], *MENU, *BODY[1:]]
    assert footer_end(texts, 1 + len(MENU)) == len(texts)


def test_a_long_run_of_furniture_above_the_copyright_line_ends_the_span_at_it() -> None:
    # A site's menus (20 labels) below the article's last paragraph, then its copyright line and a
    # consent box whose cookie table holds more sentences than the article: its footer all the same.
    sections = [f"Section {letter}" for letter in "ABCDEFGHIJKLMNOPQRST"]
    texts = [*BODY[:3], *sections, *NOTICES, *NOTICES]
    gains = [300.0] * 3 + [-10.0] * len(sections) + [100.0] * 4  # the article outweighs the notices
    assert footer_end(texts, 3 + len(sections), gains) == 3 + len(sections)


def test_a_lead_above_a_long_menu_and_a_photo_credit_keeps_the_heavier_body_below() -> None:
    # The same shape, but the text below the copyright credit weighs more than the lead above:
    # the article's body, not a footer.
    sections = [f"Section {letter}" for letter in "ABCDEFGHIJKLMNOPQRST"]
    texts = [BODY[0], *sections, *BODY[1:]]
    gains = [100.0] + [-10.0] * len(sections) + [300.0] * len(BODY[1:])
    assert footer_end(texts, 1 + len(sections), gains) == len(texts)
