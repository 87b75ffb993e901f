"""A list of other stories' headlines right below the article (a "you may also like" box, a
section's latest stories): the article span ends where it starts, whatever language its heading
is in. An article's own lists, subheadings, hard-wrapped text and verse stay."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump, kept_lines

from newsclean.model.features import LineFeatures, line_features
from newsclean.stages import mark_outside_main_text
from newsclean.stages.related_list import (
    BOX_NOTE,
    RELATED_NOTE,
    TEASERS_NOTE,
    related_list_start,
    teaser_box_start,
    teasers_start,
)

STOP = frozenset({"the", "a", "of", "and", "to", "in", "is", "for", "on", "at", "by", "with"})
# Other stories of the site: headlines in sentence case, no full stop; one with a question.
OTHER_STORIES = [
    "Water prices in the capital rise for the third year in a row",
    "Why the northern rivers are drying up faster than the southern ones?",
    "New ferry line to the islands opens after two years of delays",
    "Farmers in the valley plant crops that need less water",
]
BLURB = "The harbour authority said on Tuesday that the new ferries would carry twice as many passengers as the old ones."


def features(text: str) -> LineFeatures:
    return line_features(text, STOP)


def cut(texts: list[str]) -> int:
    return related_list_start([features(t) for t in texts], texts, 0, len(texts))


def test_headlines_below_the_last_paragraph_start_a_list_of_other_stories() -> None:
    for heading in ([], ["More on this"], ["Lisää aiheesta", "Uutiset"]):  # no phrase is matched
        texts = [*BODY, *heading, *OTHER_STORIES, BLURB]
        assert cut(texts) == len(BODY)


def test_the_removed_headlines_say_why() -> None:
    doc, marks = apply(mark_outside_main_text, dump(HEADLINE, *BODY, "More on this", *OTHER_STORIES, BLURB))
    assert kept_lines(doc) == list(range(2, 2 + len(BODY)))
    first_removed = 2 + len(BODY)
    assert all(RELATED_NOTE in marks[n].reason for n in range(first_removed, first_removed + 1 + len(OTHER_STORIES)))


def test_the_articles_own_lists_and_subheadings_stay() -> None:
    own = {
        # a list introduced by a colon
        "introduced": [*BODY, "What the council decided:", *OTHER_STORIES],
        # the article goes on below: two paragraphs in a row
        "resumed": [*BODY[:3], *OTHER_STORIES, *BODY[3:]],
        # items opening with one word: a list of the article ("Bug 1677080 – ...")
        "one opening": [*BODY, *(f"Bug {n} – {h[0].lower()}{h[1:]}" for n, h in enumerate(OTHER_STORIES, 1677080))],
        # lower-case items: points of the article, not headlines
        "lower case": [*BODY, *(h[0].lower() + h[1:] for h in OTHER_STORIES)],
    }
    for name, texts in own.items():
        assert cut(texts) == len(texts), name


def test_hard_wrapped_text_and_verse_are_no_headlines() -> None:
    # Text cut at one width without full stops at the line ends (Chinese needs no capitals).
    wrapped = ["湖水的水位已经降到了有记录以来的最低点，南岸露出了大片的泥滩，渡轮公司",
               "已经取消了前往两个小岛的航班，因为码头已经无法安全到达，农民们也被告知",
               "要把用水量减少三分之一，直到秋天的雨水到来为止，地方政府表示将会重新审",
               "查取水的规则，并在年底之前提出新的建议，许多居民对此表示欢迎和支持，他们"]  # fmt: skip
    assert cut([*BODY[:2], *wrapped]) == len(BODY[:2]) + len(wrapped)
    # An article written mostly in short lines of its own (verse, a photo blog's captions).
    verse = ["Over the water the grey light is falling",
             "Slowly the herons return to the reeds by the southern shore",
             "Nobody speaks of the summer",
             "Mud where the children were swimming a year ago, and the year before that",
             "Boats lying still on their sides",
             "Under the bridge the old river has shrunk to a thread of brown water",
             "Waiting for autumn the farmers look up"]  # fmt: skip
    texts = [BODY[0], *verse, BODY[1], *verse[:5], BODY[2]]
    assert cut(texts) == len(texts)


BLURBS = [
    "The city council said on Monday that the price of a cubic metre would rise by six per cent.",
    "Hydrologists say the lack of snow in the mountains explains most of the difference.",
    "The operator said the new boats would cut the crossing time by a quarter.",
]
JOB_ADS = ["Job market", "Clerk (m/f/d)", "Lake Works Ltd", "Surveyor (m/f/d)", "Town of Lakeside", "All offers"]


def teasers_cut(texts: list[str]) -> int:
    return teasers_start([features(t) for t in texts], texts, 0, len(texts))


def test_other_stories_with_blurbs_below_a_gap_start_a_list() -> None:
    stories = [OTHER_STORIES[0], BLURBS[0], "By A. Writer", OTHER_STORIES[1], BLURBS[1], OTHER_STORIES[2], BLURBS[2]]
    texts = [*BODY, *JOB_ADS, "More topics", *stories]
    assert teasers_cut(texts) == len(BODY)


def test_the_articles_own_subheadings_right_below_its_paragraphs_are_no_list() -> None:
    # Sections of a subheading and a short paragraph follow the paragraphs at once: no gap.
    sections = [line for pair in zip(OTHER_STORIES, BLURBS) for line in pair]
    assert teasers_cut([*BODY, *sections]) == len(BODY) + len(sections)


def test_sections_with_long_paragraphs_below_a_list_are_no_teasers() -> None:
    # After the article's own list of short items, subheadings over long paragraphs: no blurbs.
    items = ["Mud flats", "Closed piers", "Dry wells", "Low pumps", "Empty canals"]
    long_paragraph = " ".join(BODY[:3])
    sections = [line for heading in OTHER_STORIES[:3] for line in (heading, long_paragraph)]
    texts = [*BODY, *items, *sections]
    assert teasers_cut(texts) == len(texts)


def test_the_teasers_lines_say_why() -> None:
    stories = [line for pair in zip(OTHER_STORIES, BLURBS) for line in pair]
    doc, marks = apply(mark_outside_main_text, dump(HEADLINE, *BODY, *JOB_ADS, *stories))
    assert [b.text for b in doc.kept()] == BODY
    assert TEASERS_NOTE in marks[2 + len(BODY) + len(JOB_ADS)].reason


def test_a_kicker_of_a_few_words_above_a_storys_headline_is_part_of_the_list() -> None:
    # "In conversation" or a section's name stands above some headlines: it reads as a short
    # headline itself, but what follows it is a headline with its blurb.
    kicker = "In conversation Anna Berg"
    stories = [OTHER_STORIES[0], BLURBS[0], kicker, OTHER_STORIES[1], BLURBS[1], kicker, OTHER_STORIES[2], BLURBS[2]]
    texts = [*BODY, *JOB_ADS, *stories]
    assert teasers_cut(texts) == len(BODY)


def test_a_storys_headline_may_hold_a_sentence_before_its_last_part() -> None:
    # "Harbour. New ferries double the crossings": a headline in two parts has a full stop inside
    # it; the blurb under each headline still tells the teasers from the article's paragraphs.
    two_part = [
        "Harbour. New ferries double the crossings to the islands",
        "Rivers dry up. Farmers in the valley plant other crops",
        "“Why wait?”. The council speeds up the water works",
    ]
    stories = [line for pair in zip(two_part, BLURBS) for line in pair]
    texts = [*BODY, *JOB_ADS, *stories]
    assert teasers_cut(texts) == len(BODY)


def box_cut(texts: list[str], end: int | None = None) -> int:
    return teaser_box_start([features(t) for t in texts], texts, 0, len(texts) if end is None else end)


def test_a_box_of_stories_under_its_heading_right_below_the_last_paragraph_is_cut() -> None:
    # No gap of widgets above it: the box's heading alone parts it from the article. A story's
    # blurb may be three short sentences; a photo's credit may stand over a headline.
    three = "The operator ordered four boats. They carry two hundred people. The first one sails in May."
    stories = [OTHER_STORIES[0], BLURBS[0], "Photo: A. Lens", OTHER_STORIES[2], three]
    texts = [*BODY, "Our picks", *stories]
    assert box_cut(texts) == len(BODY)
    # A blurb ending with a question reads as no paragraph: it stays with its story's lines.
    asking = [OTHER_STORIES[0], BLURBS[0], OTHER_STORIES[2], "The operator ordered four boats. Will they be enough?",
              OTHER_STORIES[3], BLURBS[2]]  # fmt: skip
    assert box_cut([*BODY, "Our picks", *asking]) == len(BODY)
    # The box may run on below the span's end: two of its stories inside are enough.
    assert box_cut([*texts, OTHER_STORIES[3], BLURBS[2]], end=len(texts)) == len(BODY)


def test_the_articles_last_sections_or_a_single_story_are_no_box() -> None:
    sections = [line for pair in zip(OTHER_STORIES, BLURBS) for line in pair]
    # Sections right below a paragraph: no heading of the box between.
    assert box_cut([*BODY, *sections]) == len(BODY) + len(sections)
    # A question or a label with a colon introduces the article's own part.
    for heading in ("Why now?", "Background:"):
        texts = [*BODY, heading, *sections]
        assert box_cut(texts) == len(texts), heading
    # One story under a heading (a fact box), or the article going on below the stories.
    one = [*BODY, "Our picks", OTHER_STORIES[0], BLURBS[0]]
    assert box_cut(one) == len(one)
    resumed = [*BODY[:2], "Our picks", *sections[:4], *BODY[2:]]
    assert box_cut(resumed) == len(resumed)
    # A section front: its stories' blurbs never stand two in a row, so no article is above.
    front = [OTHER_STORIES[0], BLURBS[0], OTHER_STORIES[2], BLURBS[1], "Latest", OTHER_STORIES[3], BLURBS[2],
             OTHER_STORIES[0], BLURBS[0]]  # fmt: skip
    assert box_cut(front) == len(front)
    # A FAQ's questions over short answers, or steps of the article's own list.
    questions = ["Will the ferries run again this winter?", "Who pays for the new landing stages?"]
    faq = [*BODY, "Questions and answers", *(line for pair in zip(questions, BLURBS) for line in pair)]
    assert box_cut(faq) == len(faq)
    steps = [f"Step {n}: {h}" for n, h in enumerate(OTHER_STORIES[:2], 1)]
    listed = [*BODY, "What to do", *(line for pair in zip(steps, BLURBS) for line in pair)]
    assert box_cut(listed) == len(listed)


def test_the_boxs_lines_say_why() -> None:
    stories = [OTHER_STORIES[0], BLURBS[0], OTHER_STORIES[2], BLURBS[1], OTHER_STORIES[3], BLURBS[2]]
    doc, marks = apply(mark_outside_main_text, dump(HEADLINE, *BODY, "Our picks", *stories))
    assert [b.text for b in doc.kept()] == BODY
    assert BOX_NOTE in marks[2 + len(BODY)].reason


def test_reading_a_long_run_of_stories_grows_linearly(monkeypatch) -> None:
    # Every story's kicker (a short line) stands right below a blurb, so each could head a box; the
    # run ends at a long paragraph (no box). Each run of stories is read once, not once per story.
    from newsclean.stages import related_list

    calls = 0
    original = related_list._box_stories

    def counted(lines, texts, first):  # type: ignore[no-untyped-def]
        nonlocal calls
        result = original(lines, texts, first)
        calls += result[1] - first + 1  # the lines this call read
        return result

    monkeypatch.setattr(related_list, "_box_stories", counted)
    long_paragraph = " ".join(BODY)

    def lines_read(stories: int) -> int:
        nonlocal calls
        calls = 0
        run = [line for k in range(stories) for line in ("Travel", OTHER_STORIES[(0, 2, 3)[k % 3]], BLURBS[(0, 2)[k % 2]])]
        texts = [*BODY, "Our picks", *run, long_paragraph]
        assert box_cut(texts) == len(texts)  # a paragraph below the run: no box
        return calls

    assert lines_read(400) < 2.5 * lines_read(200)
