"""End-of-article boxes seen in the page's context: a box repeated down the page stays the site's
furniture once its copies are gone, and stacked end boxes end the article though their teasers'
blurbs read as paragraphs."""

from __future__ import annotations

from conftest import BODY, HEADLINE, dump

import newsclean
from newsclean import DEFAULT_CONFIG, Stage
from newsclean.model.features import analyze
from newsclean.parse.dump import parse_text_dump
from newsclean.rules import load_rules
from newsclean.stages import mark_footer
from newsclean.stages.markers import confirmed_markers

# A "Most popular" box of four stories, each with its section and author above and below the
# headline: twelve lines under the heading, every short one printed again in each copy of the box.
POPULAR_BOX = [
    "Most popular",
    "Gear", "Ten tools every home workshop should have", "Ann Berg",
    "Business", "Harbour authority raises fees for cargo ships", "Tom Vik",
    "Culture", "Old cinema reopens as a concert hall", "Eva Lund",
    "Science", "Glacier retreat measured from orbit", "Per Holm",
]  # fmt: skip
MORE_BODY = [
    "Water engineers said the lowest reading came on Sunday night, when the wind pushed the surface "
    "away from the gauge at the southern pier.",
    "The ferry company said it hoped to resume the island routes once the landing stages have been "
    "extended by another ten metres.",
    "Fishermen report that the shallow bays have warmed so much that the perch have moved to the "
    "deeper channels near the dam.",
]


def test_box_repeated_down_the_page_stays_inline_once_its_copies_are_removed() -> None:
    # The box stands inside the article and twice more below it. Once its copies below are gone
    # (duplicates, lines outside the span), footer sees the one copy inside the article: counted
    # over the kept lines only, its labels would no longer be the site's repeated furniture, the
    # twelve lines of the box would fill the look-ahead, and "Most popular" would end the article.
    text = dump(HEADLINE, *BODY, *POPULAR_BOX, *MORE_BODY, *POPULAR_BOX, *POPULAR_BOX)
    doc = parse_text_dump(text)
    first_copy_end = 1 + len(BODY) + len(POPULAR_BOX)
    for block in doc.blocks[first_copy_end + len(MORE_BODY) :]:
        block.remove(Stage.DUPLICATE, "a copy of the box above")
    doc = mark_footer(doc, DEFAULT_CONFIG)
    assert not any(b.removal and b.removal.stage is Stage.FOOTER for b in doc.blocks)
    kept = [b.text for b in doc.kept()]
    assert all(paragraph in kept for paragraph in [*BODY, *MORE_BODY])


def test_box_shown_once_still_ends_the_article() -> None:
    # The same box with no copy elsewhere, and nothing like the article below it: an end marker.
    text = dump(HEADLINE, *BODY, *POPULAR_BOX)
    doc = mark_footer(parse_text_dump(text), DEFAULT_CONFIG)
    assert doc.blocks[1 + len(BODY)].removal is not None
    assert doc.blocks[1 + len(BODY)].removal.reason == 'end-of-article marker ("most popular")'


def markers_of(text: str) -> dict[int, str]:
    """The confirmed end markers of a dump, by line number."""
    doc = parse_text_dump(text)
    lines = analyze(doc, load_rules()).lines
    found = confirmed_markers(lines, [b.text for b in doc.blocks], load_rules())
    return {doc.blocks[i].line: phrase for i, phrase in found.items()}


# The end of a page: two related headlines, a comment box, then other stories whose headlines a
# scraper lost, so that their blurbs follow one another like paragraphs.
STACKED = [
    "Related stories",
    "Storm closes mountain pass for the second time this month",
    "Market hall reopens after two-year renovation",
    "Comments",
    "Post a comment",
    "Sign in to post comments",
    "Editor's picks",
    "The city council has voted to close the old harbour bridge to cars from next spring.",
    "A bakery in the old town has won the national prize for its rye bread.",
]


def test_stacked_end_boxes_end_the_article_though_blurbs_follow() -> None:
    at = 2 + len(BODY)
    assert markers_of(dump(HEADLINE, *BODY, *STACKED)).get(at) == "related stories"
    assert newsclean.clean(dump(HEADLINE, *BODY, *STACKED)).paragraphs == BODY


def test_inline_box_with_two_headings_does_not_end_the_article() -> None:
    # "Read more" and "Related articles" head one inline box; the article resumes below it.
    box = ["Read more", "Related articles", "Storm closes mountain pass for the second time this month"]
    text = dump(HEADLINE, *BODY[:2], *box, *BODY[2:])
    assert markers_of(text) == {}


def test_marker_lines_in_a_row_head_one_box() -> None:
    # "Comments" right under "No comment": one box's heading, not a third box.
    box = ["Related stories", "Storm closes mountain pass for the second time this month", "Comments", "No comment"]
    text = dump(HEADLINE, *BODY[:2], *box, *BODY[2:])
    related_stories = 4  # the headline, two paragraphs, then the box
    assert related_stories not in markers_of(text)


# An explainer's last sections: a question as the subheading over each answer of 35-40 words.
ANSWERS = [
    "The ferry company leased the two landing stages from the town in the spring of last year, and it says "
    "that the lease does not oblige it to extend them when the water falls as far as it has this summer.",
    "Engineers from the water board expect the level to rise again by the end of October, once the autumn "
    "rains reach the catchment in the hills to the north and the streams that feed the lake run full again.",
]


def test_paragraphs_under_a_question_as_subheading_resume_the_article_below_a_box() -> None:
    # A "Related" box of three headlines inside the article, then the answers to the last question:
    # the box is inline, not the article's end.
    box = ["Related stories", "Storm closes mountain pass", "Harbour fees rise for cargo ships", "Old cinema reopens"]
    text = dump(HEADLINE, *BODY[:3], *box, ANSWERS[0], "Who pays for the landing stages?", ANSWERS[1])
    assert markers_of(text) == {}


def test_a_question_between_two_teaser_blurbs_of_a_box_does_not_resume_the_article() -> None:
    # The blurbs of a box's teasers are shorter than the article's paragraphs.
    blurbs = ["The pass was closed again on Sunday after a night of heavy snow.", "Will the harbour lose its ferries?",
              "Shipping lines say the new fees will be passed on to the island shops."]
    text = dump(HEADLINE, *BODY[:3], "Related stories", *blurbs)
    assert list(markers_of(text).values()) == ["related stories"]


def test_page_end_markers_are_each_lines_test() -> None:
    """The page's table of end markers, found in one lookup, says what is_end_marker says of each line."""
    from newsclean.stages.markers import end_marker_flags, is_end_marker, page_end_markers

    text = "\n".join([HEADLINE, *BODY, "Comments (12)", "Comments were closed on Friday after the storm.", "Most read",
                      "Related stories", "A very long line of many words that is no marker at all here", "", "Share"])
    doc = parse_text_dump(text)
    rules = load_rules()
    lines = analyze(doc, rules).lines
    expected = [is_end_marker(features, rules) for features in lines]
    assert any(expected) and not all(expected)
    assert end_marker_flags(lines, rules) == expected
    assert page_end_markers(doc, rules) == expected
    assert page_end_markers(doc, rules) is page_end_markers(doc, rules)  # found once per page
