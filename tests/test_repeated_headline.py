"""A headline printed twice, once above a widget block (a summary box, a toolbar) and again where
the article starts: the span starts below the second copy. Repeated bylines, dates, code and a
table of contents's entries do not move it."""

from __future__ import annotations

from conftest import BODY, HEADLINE

from newsclean.model.features import LineFeatures, line_features
from newsclean.stages.repeated_headline import repeated_headline_end, repeated_headline_start

STOP = frozenset({"the", "a", "of", "and", "to", "in", "is", "for", "on", "at", "by", "with", "its", "has", "as"})
# A summary box and a toolbar between the headline and its second copy: one sentence of the
# summary reads as prose, like the article's.
SUMMARY = "A short summary says the lake has fallen to its lowest level in the records of the country."
TOOLBAR = ["Summary", SUMMARY, "Members only", "Change language", "EN", "Font size", "Print", "Share this article"]


def features(text: str) -> LineFeatures:
    return line_features(text, STOP)


def start_of(texts: list[str], start: int) -> int:
    return repeated_headline_start([features(t) for t in texts], texts, start, len(texts))


def test_the_article_starts_below_the_headlines_second_copy() -> None:
    texts = ["Home", HEADLINE, *TOOLBAR, HEADLINE, "By A. Writer", *BODY]
    start = 2  # the span the line model found starts with the summary box, below the first copy
    assert start_of(texts, start) == texts.index("By A. Writer")


def test_a_copy_inside_the_span_only_is_the_articles_own() -> None:
    # A line printed twice inside the article (a chart's label, a quoted headline) is no anchor.
    texts = ["Home", *TOOLBAR, HEADLINE, *BODY[:1], HEADLINE, *BODY[1:]]
    assert start_of(texts, 1) == 1


def test_a_short_repeated_line_is_no_headline() -> None:
    # A byline or a share row printed above the span and again in it: too short to anchor on.
    texts = ["By A. Writer", *TOOLBAR, "By A. Writer", *BODY]
    assert start_of(texts, 1) == 1


def test_a_table_of_contents_entry_is_no_headline() -> None:
    # "On this page" lists the subheadings; each is printed again above its section.
    first, second = "Why Farmers Fear Another Dry Summer Ahead", "Water Board Plans"
    texts = ["On this page:", first, second, BODY[0], first, BODY[1], second, *BODY[2:]]
    assert start_of(texts, 3) == 3


def test_little_prose_below_the_copy_keeps_the_start() -> None:
    # The headline printed again at the foot of the article (a "share" box): the article is above.
    texts = ["Home", HEADLINE, *BODY, HEADLINE, "Share this article"]
    assert start_of(texts, 2) == 2


MENU = ["News", "Latest news", "Sport", "Culture", "Weather", "Video", "Programmes", "About us Contact us Jobs"]


def test_a_headline_printed_twice_below_a_menu_inside_the_span_starts_the_article() -> None:
    # The line model let a long menu into the span; no paragraph stands above the headline's two
    # copies (one over the section label and the date, one over the body): the article starts below.
    texts = [*MENU * 10, HEADLINE, "Culture", "2026-01-08 | 12:42", HEADLINE, *BODY, "Culture"]
    assert start_of(texts, 0) == texts.index(BODY[0])


def test_a_copy_below_a_paragraph_of_the_span_is_the_articles_own() -> None:
    # With a paragraph above both copies, the span's head is the article already.
    texts = [*MENU, BODY[0], HEADLINE, "Culture", HEADLINE, *BODY[1:]]
    assert start_of(texts, 0) == 0


def test_a_label_printed_again_at_the_articles_foot_is_no_contents_entry() -> None:
    # The line after the headline's first copy (its section's name) recurs below the article,
    # with no section of text under it: not a table of contents.
    texts = ["Home", HEADLINE, "Culture", *TOOLBAR, HEADLINE, *BODY, "Culture", "Share this article"]
    assert start_of(texts, 2) == texts.index(BODY[0])


def end_of(texts: list[str], start: int) -> int:
    return repeated_headline_end([features(t) for t in texts], texts, start, len(texts))


OTHER_STORIES = [
    "Walmart swaps its self-checkouts back to staffed lanes. Shoppers are not surprised.",
    "Stamp prices rise by a record amount as the cost of sending a letter climbs again.",
    "Savers could be hit by a minor tweak to the way their money is insured at banks.",
]


def test_the_headline_printed_again_below_the_article_ends_it() -> None:
    # A share box repeats the headline after a label; other stories' teasers follow it.
    for label in ("", "Share or comment on this article: "):
        texts = ["Home", HEADLINE, *BODY, f"{label}{HEADLINE}", "Add comment", *OTHER_STORIES]
        assert end_of(texts, 2) == 2 + len(BODY)


def test_a_line_printed_over_each_picture_is_no_headline_below() -> None:
    # A photo's credit printed above the lead and again above a later paragraph heads more text.
    credit = "Photo copyright Jane Doe for the Weekly Herald newspaper"
    texts = ["Home", credit, *BODY[:3], credit, *BODY[3:]]
    assert end_of(texts, 1) == len(texts)


def test_a_copy_below_the_articles_first_paragraphs_is_no_end() -> None:
    # The headline printed again over a picture after the lead: fewer than 3 paragraphs above it.
    texts = ["Home", HEADLINE, *BODY[:2], HEADLINE, "Share", BODY[2]]
    assert end_of(texts, 2) == len(texts)


def test_the_lines_below_the_headlines_copy_say_why() -> None:
    from conftest import apply, dump

    from newsclean.stages import mark_outside_main_text
    from newsclean.stages.repeated_headline import HEADLINE_BELOW_NOTE

    text = dump("Home", HEADLINE, *BODY, f"Share or comment on this article: {HEADLINE}", "Add comment", *OTHER_STORIES)
    doc, marks = apply(mark_outside_main_text, text)
    assert [b.text for b in doc.kept()] == BODY
    below = range(3 + len(BODY), len(doc.blocks) + 1)
    assert all(HEADLINE_BELOW_NOTE in marks[n].reason for n in below if n in marks)
    assert 3 + len(BODY) in marks


def test_a_box_of_the_sites_stories_inside_the_article_listing_its_headline_is_no_end() -> None:
    # "Trending" between the paragraphs lists the article's own headline among other stories;
    # the article's long paragraphs resume below the box, the site's label between them.
    long_paragraphs = [" ".join(BODY[k : k + 2]) for k in range(0, 4, 2)]  # 25 words or more
    label = "Article content"
    box = ["Trending", HEADLINE, "Public service", *OTHER_STORIES]
    above = [line for paragraph in [*BODY, *long_paragraphs] for line in (paragraph, label)]
    texts = ["Home", HEADLINE, *above, *box, label, long_paragraphs[0], label, long_paragraphs[1], label]
    assert end_of(texts, 2) == len(texts)


def test_a_comment_threads_heading_quoting_the_headline_ends_the_article() -> None:
    # A blog's comments are headed by the post's headline in quotes with a count; the one long
    # comment below reads as more article (two long paragraphs), yet the thread is no article.
    comment = [" ".join(BODY[k : k + 2]) for k in range(0, 4, 2)]  # 25 words or more each
    for heading in (f"2 thoughts on “{HEADLINE}”", f"《{HEADLINE}》 2"):
        texts = ["Home", HEADLINE, *BODY, heading, "Jane wrote", "September 19th, 2005 at 7:32 pm", *comment]
        assert end_of(texts, 2) == 2 + len(BODY)


def test_a_sentence_quoting_the_headline_is_no_comment_heading() -> None:
    # The headline quoted inside a sentence of the article: more than a short label around it.
    comment = [" ".join(BODY[k : k + 2]) for k in range(0, 4, 2)]
    sentence = f"The ministry called its own report “{HEADLINE}” and then withdrew it from its website."
    texts = ["Home", HEADLINE, *BODY, sentence, *comment]
    assert end_of(texts, 2) == len(texts)
