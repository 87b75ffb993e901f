"""The `after_page_article` stage: trafilatura's extraction cut where the article ends on the page's
whole text (comment threads and related lists that recall mode keeps), and where it starts (a box of
other stories above it), and never inside the article."""

from __future__ import annotations

import newsclean
from newsclean import Stage
from newsclean.document import Block, Document, DomFeatures
from newsclean.stages.extraction_end import INLINE_BOX_REASON, ignore_lone_gaps, locate_blocks, mark_after_page_article

ARTICLE = [
    "The town council voted on Tuesday evening to approve the long-delayed plan for a new harbour bridge, "
    "ending a dispute that has divided residents for more than a decade.",
    "Under the plan, construction would begin next spring and take about three years, with the regional "
    "government covering two thirds of the estimated cost.",
    "Opponents argued that the money would be better spent on repairing existing roads, while supporters said "
    "the bridge would cut travel times for thousands of commuters.",
    "The mayor said after the vote that the council had listened carefully to every objection and that the "
    "final design was smaller and cheaper than the first proposal.",
]
COMMENTS = [
    "Finally! I have been waiting for this bridge since my kids were in school, and they are grown up now.",
    "Another waste of taxpayers money. Nobody asked the people who actually live near the harbour what they think.",
    "Does anyone know whether the ferry will keep running while they build it? My mother depends on it every week.",
    "I was at the meeting and it was chaos, half the room walked out before the vote was even taken.",
    "Three years? They said the same about the swimming pool and that took seven, so I will believe it when I see it.",
    "Good news for the shops on the east side, they have been struggling ever since the old crossing closed down.",
]


def page_with_comments(heading: str = "Comments", entry: str = "entry") -> str:
    """A news page whose comment thread, in markup trafilatura does not know, follows the article."""
    article = "".join(f"<p>{p}</p>" for p in ARTICLE)
    thread = "".join(
        f'<div class="{entry}"><div class="who">Reader{i}</div><div class="when">March {i + 1}, 2024 at 10:0{i} am</div>'
        f'<p>{text}</p><div class="act"><a href="#r{i}">Reply</a></div></div>'
        for i, text in enumerate(COMMENTS)
    )
    return (f'<html><head><title>Harbour bridge plan approved</title></head><body><nav><a href="/">Home</a> '
            f'<a href="/news">News</a></nav><main><h1>Harbour bridge plan approved</h1>{article}'
            f'<h3>{heading}</h3><div class="discussion-list">{thread}</div></main>'
            f"<footer>Copyright 2024 Town News</footer></body></html>")


def test_a_comment_thread_trafilatura_keeps_is_cut_at_the_articles_end() -> None:
    doc = newsclean.clean(page_with_comments(), "page.html")
    assert doc.paragraphs == ARTICLE
    cut = [b for b in doc.blocks if b.text in COMMENTS]
    assert len(cut) == len(COMMENTS)
    for block in cut:
        assert block.removal is not None and block.removal.stage is Stage.BOILERPLATE
        assert block.removal.reason == f'below the article (it ends at "{ARTICLE[-1][:40]}" on the page)'


def test_comments_in_elements_named_for_comments_are_cut_without_a_heading() -> None:
    # trafilatura knows English comment classes, not `kommentar`: it keeps the thread.
    doc = newsclean.clean(page_with_comments(heading="", entry="kommentar"), "page.html")
    assert sum(1 for block in doc.blocks if block.text in COMMENTS) == len(COMMENTS)
    assert doc.paragraphs == ARTICLE


BOX = ["Most popular", "Gear", "Matt Jancer", "Science", "David Nield", "Gear", "Aarian Marshall"]


def page_with_a_box_above(box: str) -> str:
    """A news page with `box` (markup) above the headline, inside the element trafilatura extracts."""
    article = "".join(f"<p>{p}</p>" for p in ARTICLE)
    return ('<html><head><title>Harbour bridge plan approved</title></head><body><nav><a href="/">Home</a> '
            f'<a href="/news">News</a></nav><main>{box}<h1>Harbour bridge plan approved</h1>{article}</main>'
            "<footer>Copyright 2024 Town News</footer></body></html>")


def test_a_box_of_other_stories_trafilatura_keeps_above_the_article_is_cut() -> None:
    doc = newsclean.clean(page_with_a_box_above("".join(f"<p>{line}</p>" for line in BOX)), "page.html")
    assert doc.paragraphs == ARTICLE
    cut = [b for b in doc.blocks if b.text in BOX]
    assert len(cut) == len(BOX)
    for block in cut:
        assert block.removal is not None and block.removal.stage is Stage.BOILERPLATE
        assert block.removal.reason == 'above the article (it starts at "Harbour bridge plan approved" on the page)'


def test_the_start_is_never_cut_below_the_headline() -> None:
    # The box above the headline goes; the headline, which reads as anything but running text,
    # stays for the headline stage, and so does the dateline between it and the article.
    extracted = [*BOX, "Harbour bridge plan approved", "Gear", "Matt Jancer", *ARTICLE]
    doc = extraction_on_page(extracted, extracted)
    doc.meta.title = "Harbour bridge plan approved | Town News"
    mark_after_page_article(doc, newsclean.Config())
    assert doc.paragraphs == ["Harbour bridge plan approved", "Gear", "Matt Jancer", *ARTICLE]


def test_a_standfirst_above_the_headline_stays() -> None:
    doc = newsclean.clean(page_with_a_box_above("<p>A plan ten years in the making.</p>"), "page.html")
    assert doc.paragraphs == ["A plan ten years in the making.", *ARTICLE]


def test_an_extraction_without_article_text_keeps_its_start() -> None:
    # A page whose extraction is all box: no span on the page's text, nothing is cut.
    assert cut_extraction(BOX, BOX).paragraphs == BOX


def test_without_the_pages_text_the_extraction_is_left_as_it_is() -> None:
    blocks = [Block(i + 1, text) for i, text in enumerate(ARTICLE + COMMENTS)]
    doc = mark_after_page_article(Document("page.html", blocks, input_format="html"), newsclean.Config())
    assert all(block.kept for block in doc.blocks)


def dom_block(line: int, text: str, link_density: float = 0.0) -> Block:
    return Block(line, text, dom=DomFeatures("p", False, link_density))


def extraction_on_page(extracted: list[str], page: list[str], links: tuple[str, ...] = ()) -> Document:
    """An HTML document: trafilatura's extraction `extracted` of a page whose whole text is `page`
    (the lines in `links` are links)."""
    return Document("page.html", [Block(i + 1, text) for i, text in enumerate(extracted)], input_format="html",
                    page_text=[dom_block(i + 1, text, float(text in links)) for i, text in enumerate(page)])


def test_an_inline_box_whose_stories_trafilatura_dropped_does_not_end_the_article() -> None:
    # "Most popular" between two parts of the article, its list left out by trafilatura: the
    # extraction goes on below it, and so does the article.
    box = ["Most popular", "Gear", "Matt Jancer", "Science", "David Nield", "Gear", "Aarian Marshall"]
    page = [*ARTICLE[:2], *box, *ARTICLE[2:]]
    assert cut_extraction(ARTICLE, page).paragraphs == ARTICLE


def test_extracted_blocks_are_found_on_the_page_across_merged_cells_and_out_of_order() -> None:
    page = [Block(1, "Menu"), Block(2, "First cell"), Block(3, "second cell"), Block(4, "A paragraph."),
            Block(5, "Later words")]
    extracted = [Block(1, "| First cell | second cell |"), Block(2, "Later words"), Block(3, "a paragraph"),
                 Block(4, "Not on the page")]
    assert locate_blocks(extracted, page) == [(1, 3), (4, 5), (3, 4), None]


def test_a_lone_dropped_block_between_kept_ones_weighs_nothing() -> None:
    gains = [5.0, -3.0, 4.0, -1.0, -2.0, 6.0, -7.0]
    ignore_lone_gaps(gains, [True, False, True, False, False, True, False])
    assert gains == [5.0, 0.0, 4.0, -1.0, -2.0, 6.0, -7.0]


def test_a_dropped_run_of_labels_between_kept_blocks_weighs_nothing() -> None:
    # A gallery's captions and credits (no running text) between two sections of the article say
    # nothing of its end; a run holding a teaser's blurb (running text) still counts.
    gains = [9.0, -2.0, -1.0, -2.0, -1.0, 3.0, -2.0, -4.0, -1.0, 2.0, -5.0]
    extracted = [True, False, False, False, False, True, False, False, False, True, False]
    prose = [True, False, False, False, False, True, False, True, False, True, False]
    ignore_lone_gaps(gains, extracted, prose, prose)
    assert gains == [9.0, 0.0, 0.0, 0.0, 0.0, 3.0, -2.0, -4.0, -1.0, 2.0, -5.0]


def test_a_dropped_run_of_labels_above_kept_blocks_the_model_rejects_still_counts() -> None:
    # Below the gap trafilatura kept only lines the line model does not read as article (a
    # donation box's account numbers): the gap may be where the article ended.
    gains = [9.0, -2.0, -1.0, -2.0, 1.0, 1.0, -5.0]
    extracted = [True, False, False, False, True, True, False]
    prose = [True, False, False, False, True, False, False]
    ignore_lone_gaps(gains, extracted, prose, [True, False, False, False, False, False, False])
    assert gains == [9.0, -2.0, -1.0, -2.0, 1.0, 1.0, -5.0]


def cut_extraction(extracted: list[str], page: list[str], links: tuple[str, ...] = ()) -> Document:
    """The extraction `extracted` of a page whose whole text is `page` (the lines in `links` are
    links), after the stage."""
    return mark_after_page_article(extraction_on_page(extracted, page, links), newsclean.Config())


def test_a_stream_of_dated_entries_trafilatura_keeps_ends_the_article() -> None:
    # No "Comments" heading and no comment markup: the thread shows only on the page's text, by the
    # name and time stamp over each entry (which trafilatura dropped from its extraction).
    page = list(ARTICLE)
    for i, text in enumerate(COMMENTS):
        page += [f"Posted by Reader{i} on 2024-03-0{i + 1} 10:0{i}", text]
    doc = cut_extraction(ARTICLE + COMMENTS, page)
    assert doc.paragraphs == ARTICLE
    for block in doc.blocks[len(ARTICLE):]:
        assert block.removal is not None and block.removal.stage is Stage.BOILERPLATE
        assert block.removal.reason == (f'below the article (it ends at "{ARTICLE[-1][:40]}" on the page): '
                                        "a stream of dated entries (comments, replies, other stories)")


HEADLINES = [
    "Ferry operator warns of higher fares next winter",
    "New school on the east side opens its doors to pupils",
    "Council rejects plan for a second car park near the station",
    "Harbour festival returns after a three year break",
]


def test_a_list_of_other_stories_headlines_trafilatura_keeps_ends_the_article() -> None:
    page = [*ARTICLE, *HEADLINES, "Copyright 2024 Town News"]
    doc = cut_extraction(ARTICLE + HEADLINES, page, links=tuple(HEADLINES))
    assert doc.paragraphs == ARTICLE
    for block in doc.blocks[len(ARTICLE):]:
        assert block.removal is not None
        assert block.removal.reason.endswith(": a list of other stories' headlines (with the lines above it)")


def test_headline_shaped_lines_that_are_no_links_do_not_end_the_article() -> None:
    # A box of a service's benefits below the article, shaped like headlines but linking nowhere.
    page = [*ARTICLE, *HEADLINES, "Copyright 2024 Town News"]
    assert cut_extraction(ARTICLE + HEADLINES, page).paragraphs == ARTICLE + HEADLINES


def test_a_box_of_linked_headlines_with_the_article_going_on_below_is_cut_out_not_ended_at() -> None:
    # An inline box of other stories between two paragraphs, with one paragraph below it: on a dump
    # that one paragraph could be a teaser's blurb, but trafilatura kept it and it holds no link.
    extracted = [*ARTICLE[:3], *HEADLINES, ARTICLE[3]]
    doc = cut_extraction(extracted, [*extracted, "Copyright 2024 Town News"], links=tuple(HEADLINES))
    assert doc.paragraphs == ARTICLE
    assert {block.removal.reason for block in doc.blocks if block.removal} == {INLINE_BOX_REASON}


def test_a_box_of_linked_headlines_above_a_linked_paragraph_still_ends_the_article() -> None:
    # The paragraph below the list is another story's teaser, all link: the list ends the article.
    teaser = "A new ferry timetable starts on Monday, with an extra crossing in the early morning for commuters."
    page = [*ARTICLE, *HEADLINES, teaser]
    doc = cut_extraction(page, page, links=(*HEADLINES, teaser))
    assert doc.paragraphs == ARTICLE


TEASERS = [
    "Ferry operator warns of delays during the bridge works",
    "Passengers should plan for longer crossings while the new piers are built over the coming winter.",
    "Residents invited to name the new harbour bridge",
    "The council will open a public vote on five shortlisted names at the library in the spring.",
    "Harbour shops hope for more visitors once the bridge opens",
    "Traders on the east side say the new crossing could double the number of shoppers at weekends.",
]


def test_an_end_marker_trafilatura_keeps_below_the_article_ends_it_across_dropped_furniture() -> None:
    # On the page, a share bar, the editor's name and a tag list that trafilatura dropped stand
    # between the last paragraph and "Related stories": too far for the marker to follow the
    # article there; in trafilatura's own blocks it follows it directly.
    furniture = ["Share", "Editor: Jane Doe", "Tags:", "harbour", "bridge", "council"]
    extracted = [*ARTICLE, "Related stories", *TEASERS]
    page = [*ARTICLE, *furniture, "Related stories", *TEASERS, "Copyright 2024 Town News"]
    doc = cut_extraction(extracted, page, links=tuple(TEASERS[::2]))
    assert doc.paragraphs == ARTICLE


LINK_CELLS = [("Home", "News"), ("Cheap flights", "Hotel deals"), ("Car hire", "Travel insurance"),
              ("Win a cruise", "Photo gallery"), ("Horoscopes", "Crosswords")]


def test_table_rows_of_links_below_the_article_are_cut_on_a_page_laid_out_in_tables() -> None:
    # A 2005 portal page: article and link boxes are cells of one layout table, and recall mode
    # keeps them all as rows. Keeping a row of links says little: no floor holds it in the span.
    rows = [f"| {a} |" for a in ARTICLE] + [f"| {a} | {b} |" for a, b in LINK_CELLS]
    cells = [*ARTICLE, *(cell for pair in LINK_CELLS for cell in pair)]
    links = tuple(cell for pair in LINK_CELLS for cell in pair)
    doc = cut_extraction(rows, cells, links=links)
    assert doc.paragraphs == rows[: len(ARTICLE)]


def test_rows_of_links_that_are_no_table_stay_with_the_article_as_trafilatura_kept_them() -> None:
    lines = [*ARTICLE, *(f"{a} {b}" for a, b in LINK_CELLS)]
    doc = cut_extraction(lines, lines, links=tuple(lines[len(ARTICLE):]))
    assert doc.paragraphs == lines


def test_a_gallery_of_captions_trafilatura_dropped_does_not_end_the_article() -> None:
    # Captions and photo credits between two sections of the article, all labels, none running text:
    # the section below them (which trafilatura kept) is still the article's.
    gallery = ["Paris, spring 2024", "Agency", "Milan, spring 2024", "Agency", "London, spring 2024", "Agency"]
    section = "How the town wears it"
    page = [*ARTICLE[:3], *gallery, section, ARTICLE[3], "Copyright 2024 Town News"]
    doc = cut_extraction([*ARTICLE[:3], section, ARTICLE[3]], page)
    assert doc.paragraphs == [*ARTICLE[:3], section, ARTICLE[3]]


def test_the_extraction_is_located_on_the_page_once_for_both_views_stages(monkeypatch) -> None:
    # `after_page_article` and `extraction_rest` both need where each extracted block lies on the
    # page's text; it is found once (Document.page_located) and is what a fresh search finds.
    import newsclean.stages.extraction_end as extraction_end

    calls = []
    real = extraction_end.locate_blocks

    def counting(extracted, page):
        calls.append(len(extracted))
        return real(extracted, page)

    monkeypatch.setattr(extraction_end, "locate_blocks", counting)
    doc = newsclean.clean(page_with_comments(), "page.html")
    assert len(calls) == 1
    assert doc.paragraphs == ARTICLE
    assert doc.page_located == real(doc.blocks, doc.page_text)


def test_located_blocks_are_found_again_when_the_blocks_change() -> None:
    from newsclean.stages.extraction_end import located_on_page

    page = [Block(1, "First paragraph of the story."), Block(2, "Second paragraph of the story.")]
    doc = Document(source="x", blocks=[Block(1, "Second paragraph of the story.")], page_text=page)
    assert located_on_page(doc) == [(1, 2)]
    doc.blocks.insert(0, Block(0, "First paragraph of the story."))
    assert located_on_page(doc) == [(0, 1), (1, 2)]


def test_what_trafilatura_kept_past_a_wide_run_of_page_furniture_is_not_the_article() -> None:
    # Below the article, the site's menus (links the markup removes) under two labels, then the
    # footer's licence statement, which trafilatura kept and which reads as running text.
    statement = ("All content published on this site is protected by copyright law, and no part of it may be "
                 "reproduced, distributed or transmitted in any form without the prior written permission of the publisher.")
    menu = [f"Region {n} news" for n in range(45)]
    page = [*ARTICLE, "Regional editions", *menu, "Partner sites", statement]
    doc = cut_extraction([*ARTICLE, statement], page, links=tuple(menu))
    assert doc.paragraphs == ARTICLE
    assert doc.blocks[-1].removal.reason == f'below the article (it ends at "{ARTICLE[-1][:40]}" on the page)'


def test_only_wide_runs_of_dropped_blocks_without_running_text_are_ends() -> None:
    from newsclean.stages.extraction_end import wide_gaps

    kept = [0, 1, 2, 50, 51, 52]
    assert wide_gaps(kept, {0, 1, 2, 51, 52}, [True, True, True, False, False, True]) == [3]
    assert wide_gaps(kept, {0, 1, 2, 51, 52}, [True, True, True, True, False, True]) == []
    assert wide_gaps([0, 1, 2, 20, 21, 22], {0, 1, 2, 21, 22}, [False] * 6) == []
