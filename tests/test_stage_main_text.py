"""main_text stage (with span_edges): the article is the one run of running text; menus and link
lists around it, bylines above it and everything after an end-of-article marker are outside it."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump, kept_lines

import newsclean
from newsclean import Stage
from newsclean.stages import mark_outside_main_text

NAV = ["News", "World", "Business", "Climate", "Opinion"]
LINKS = [
    "Storm closes mountain pass for the second time this month",
    "Market hall reopens after two-year renovation",
    "Local football club signs young striker from rival",
    "City museum extends opening hours for summer visitors",
    "New cycle lanes divide opinion in the old town",
]


def test_menu_above_and_link_list_below_are_outside_the_article() -> None:
    doc, marks = apply(mark_outside_main_text, dump(*NAV, HEADLINE, *BODY, *LINKS))
    first, last = len(NAV) + 2, len(NAV) + 1 + len(BODY)
    assert kept_lines(doc) == list(range(first, last + 1))
    span = f"lines {first}-{last}"
    expected = {n: (Stage.BOILERPLATE, f"before the article ({span})") for n in range(1, first)}
    expected |= {n: (Stage.BOILERPLATE, f"after the article ({span})") for n in range(last + 1, last + 1 + len(LINKS))}
    assert {n: (m.stage, m.reason) for n, m in marks.items()} == expected


def test_teaser_headlines_cut_short_with_an_ellipsis_are_not_sentences() -> None:
    # A strip of other stories above the headline, each title cut off by the site ("...").
    teasers = ["Ten things every gardener wishes they had known before planting their…",
               "Why the price of coffee keeps rising even as the harvest in Brazil improves and…",
               "The small town that decided to ban cars from its centre and never looked...",
               "What happened when a school replaced homework with an hour of reading…"]
    doc = newsclean.clean(dump(*NAV, *teasers, HEADLINE, *BODY))
    assert doc.paragraphs == BODY
    assert doc.meta.title == HEADLINE


def test_byline_and_date_between_headline_and_first_paragraph_are_removed() -> None:
    text = dump(HEADLINE, "By Maria Lindqvist", "Published 12 September 2025, 06:30", "4 min read", *BODY)
    doc, marks = apply(mark_outside_main_text, text)
    assert kept_lines(doc) == list(range(5, 5 + len(BODY)))
    for line in (2, 3, 4):
        assert (marks[line].stage, marks[line].reason) == (Stage.BOILERPLATE, "before the article (lines 5-9)")
    cleaned = newsclean.clean(text)
    assert cleaned.meta.title == HEADLINE
    assert cleaned.paragraphs == BODY


def test_author_note_with_an_address_below_the_body_is_outside() -> None:
    note = "Maria Lindqvist covers climate and energy for the Courier. Reach her at maria.lindqvist@courier.example"
    doc, marks = apply(mark_outside_main_text, dump(HEADLINE, *BODY, note))
    assert kept_lines(doc) == list(range(2, 2 + len(BODY)))
    assert marks[2 + len(BODY)].reason == "after the article (lines 2-6)"


MARKERS = [
    ("Most popular stories", "most popular stories"),
    ("Related articles", "related articles"),
    ("Comments (3)", "comments"),
    ("Leave a reply", "leave a reply"),
    ("Join the conversation", "join the conversation"),
]
COMMENT_THREAD = [
    "Peter K.",
    "This has been coming for years and nobody listened to the scientists.",
    "2 hours ago",
    "Lena",
    "Storm closes mountain pass for the second time this month",
]


@pytest.mark.parametrize(("marker", "phrase"), MARKERS)
def test_end_marker_ends_the_article_and_everything_after_is_footer(marker: str, phrase: str) -> None:
    text = dump(HEADLINE, *BODY, marker, *COMMENT_THREAD)
    doc, marks = apply(mark_outside_main_text, text)
    at = len(BODY) + 2
    assert (marks[at].stage, marks[at].reason) == (Stage.FOOTER, f'end-of-article marker ("{phrase}")')
    after = {n: (m.stage, m.reason) for n, m in marks.items() if n > at}
    assert after == {n: (Stage.FOOTER, f'after end-of-article marker "{marker}"') for n in range(at + 1, at + 1 + len(COMMENT_THREAD))}
    assert newsclean.clean(text).paragraphs == BODY


def test_bare_comments_marker_ends_the_article() -> None:
    text = dump(HEADLINE, *BODY, "Comments", *COMMENT_THREAD)
    doc = newsclean.clean(text)
    assert doc.paragraphs == BODY
    at = len(BODY) + 2
    assert all(b.removal.stage is Stage.FOOTER for b in doc.blocks if b.line > at)


def test_end_marker_below_a_pager_ends_the_article() -> None:
    # "Next page", then the pager's numbers, then the related box: the numbers do not count as
    # lines between the article and its marker.
    text = dump(HEADLINE, *BODY, "Next page: what the council decides", "1", "2", "Related", *LINKS)
    doc = newsclean.clean(text)
    assert doc.paragraphs == BODY
    assert any(b.removal and b.removal.reason == 'end-of-article marker ("related")' for b in doc.blocks)


def test_end_marker_below_short_labels_is_a_table_column() -> None:
    # Labels of words (a table's headers) between the text and "Comment" make it a column name.
    text = dump(HEADLINE, *BODY, "Entity status", "Assoc status", "Next trigger timestamp", "Comment", *BODY[:2])
    assert not any(b.removal and b.removal.stage is Stage.FOOTER for b in newsclean.clean(text).blocks)


def test_inline_box_between_paragraphs_parted_by_a_repeated_label_does_not_end_the_article() -> None:
    # The site puts "Article content" between paragraphs: the paragraphs after the box still
    # follow one another, so the box is inline.
    label = "Article content"
    paragraphs = [f"{a} {b}" for a, b in zip(BODY, BODY[1:])]  # two sentences each: no teasers
    parted = [line for paragraph in paragraphs for line in (paragraph, label)]
    box = ["Read More", LINKS[0], LINKS[1]]
    text = dump(HEADLINE, *parted[:2], *box, label, *parted[2:])
    doc = newsclean.clean(text)
    assert not any(b.removal and b.removal.stage is Stage.FOOTER for b in doc.blocks)
    assert all(paragraph in doc.paragraphs for paragraph in paragraphs)


def test_inline_related_box_does_not_end_the_article() -> None:
    text = dump(HEADLINE, *BODY[:2], "Related", "Drought warning issued for southern provinces", *BODY[2:])
    doc, marks = apply(mark_outside_main_text, text)
    assert not any(m.stage is Stage.FOOTER for m in marks.values())
    kept = [b.text for b in doc.kept()]
    assert all(paragraph in kept for paragraph in BODY)
    assert all(paragraph in newsclean.clean(text).paragraphs for paragraph in BODY)


LONG_PARAGRAPHS = [  # 40 words or more each
    "Inspectors from the water board visited the northern villages on Tuesday and found that more "
    "than half of the wells had dropped below the level at which the pumps can still draw water, "
    "leaving families to rely on tankers sent in by the regional government.",
    "The board said the tankers would keep running until the end of October, and that it had asked "
    "the neighbouring provinces for help in case the rain stays away for another month, which the "
    "weather service now thinks is more likely than not after the driest summer on record.",
]


def test_inline_box_followed_by_long_paragraphs_parted_by_a_subheading_does_not_end_the_article() -> None:
    # "More on this story" with three stories, then the article's next paragraph, a subheading, and
    # another paragraph: no two paragraphs in a row, but the article resumes all the same.
    box = ["More on this story", *LINKS[:3]]
    text = dump(HEADLINE, *BODY, *box, LONG_PARAGRAPHS[0], "Farmers fear for the harvest", LONG_PARAGRAPHS[1], "Comments")
    doc = newsclean.clean(text)
    assert all(paragraph in doc.paragraphs for paragraph in [*BODY, *LONG_PARAGRAPHS])


@pytest.mark.parametrize(
    "entries",
    [
        # Teasers: blurbs shorter than an article's long paragraphs.
        [LINKS[0], BODY[0], LINKS[1], BODY[1], LINKS[2], BODY[2]],
        # Comments: each head carries its date.
        ["Anna, 4 March 2025", LONG_PARAGRAPHS[0], "Tom, 5 March 2025", LONG_PARAGRAPHS[1]],
    ],
)
def test_teasers_and_comments_below_a_marker_are_no_resumed_article(entries: list[str]) -> None:
    text = dump(HEADLINE, *BODY, "More on this story", *entries)
    doc, marks = apply(mark_outside_main_text, text)
    assert [b.text for b in doc.kept()] == BODY


def test_bulleted_list_inside_the_article_is_kept() -> None:
    items = ["- Water gardens only after sunset", "- Do not wash cars at home", "- Report leaking pipes to the utility"]
    intro = "The water authority has asked residents to take the following steps until further notice:"
    text = dump(*NAV, HEADLINE, *BODY[:2], intro, *items, *BODY[2:], *LINKS)
    doc, _ = apply(mark_outside_main_text, text)
    kept = [b.text for b in doc.kept()]
    assert kept == [*BODY[:2], intro, *items, *BODY[2:]]


def test_numbered_list_inside_the_article_is_kept() -> None:
    items = ["1. Water gardens only after sunset", "2. Do not wash cars at home", "3. Report leaking pipes to the utility"]
    text = dump(HEADLINE, *BODY[:2], "The restrictions are:", *items, *BODY[2:])
    assert newsclean.clean(text).paragraphs == [*BODY[:2], "The restrictions are:", *items, *BODY[2:]]


def test_entries_introduced_by_a_colon_at_the_end_of_the_article_are_kept() -> None:
    # A calendar after the story: entries with numbers and no bullets, introduced by a colon.
    intro = "Here is the visitors bureau's calendar of events in January, with the number of expected guests:"
    entries = ["Jan. 1-3: College hockey, Chargers vs. Anchorage, Civic Center, 200",
               "Jan. 15-18: Boat Show 2015, organised by BK Productions, Civic Center, 500",
               "Jan. 23-25: Track club, 21st annual mountain trail run, Embassy Suites, 1200"]  # fmt: skip
    doc, _ = apply(mark_outside_main_text, dump(*NAV, HEADLINE, *BODY, intro, *entries, *NAV))
    assert [b.text for b in doc.kept()] == [*BODY, intro, *entries]


def test_lines_with_numbers_after_the_article_without_an_introduction_stay_outside() -> None:
    entries = ["Jan. 1-3: College hockey, Chargers vs. Anchorage, Civic Center, 200",
               "Jan. 15-18: Boat Show 2015, organised by BK Productions, Civic Center, 500",
               "Jan. 23-25: Track club, 21st annual mountain trail run, Embassy Suites, 1200"]  # fmt: skip
    doc, _ = apply(mark_outside_main_text, dump(*NAV, HEADLINE, *BODY, "Events", *entries, *NAV))
    assert [b.text for b in doc.kept()] == BODY


def test_subheadings_inside_the_article_are_kept() -> None:
    text = dump(*NAV, HEADLINE, *BODY[:2], "Ferries cancelled", *BODY[2:4], "What comes next", BODY[4], *LINKS)
    doc, _ = apply(mark_outside_main_text, text)
    assert [b.text for b in doc.kept()] == [*BODY[:2], "Ferries cancelled", *BODY[2:4], "What comes next", BODY[4]]



def test_cjk_row_of_links_run_together_below_the_article_is_outside() -> None:
    body = ["自治区财政厅传出最新消息：今年伊始，自治区党委、政府积极贯彻落实中央经济工作会议精神，延续实施部分到期税收优惠政策。",
            "上述政策执行期满后，为了进一步优化营商环境，更好地服务大局，自治区决定延续实施这些政策，预计为纳税人减负一百八十亿元。"]
    links = ["各省市区政府网站", "北京 天津 河北 山西 辽宁 吉林 黑龙江 上海 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 广西 海南 重庆 四川 贵州 云南 西藏 陕西 甘肃 青海 宁夏 新疆"]
    doc, marks = apply(mark_outside_main_text, dump(*body, *links))
    assert kept_lines(doc) == [1, 2]
    assert marks[4].reason == "after the article (lines 1-2)"


def test_a_cjk_list_numbered_without_spaces_widens_the_span_over_its_items() -> None:
    # CJK writes "1.认识…" and "2、…" with no space after the number: list items all the same,
    # so the span that starts at the first item below them is widened over the items above.
    from newsclean.model.features import line_features
    from newsclean.stages.span_edges import extend_over_lists

    items = ["1.认识明白神旨意的重要性；", "2、了解明白神旨意的基本条件；", "（3）学会明白神旨意的方法。"]
    texts = ["学习目的", *items, "4.每天研读圣经，你将更加亲近于神，也更明白他的旨意。", "人生就如一个大迷宫，走一步就不知道下一步的方向。"]
    assert all(line_features(t, frozenset()).cjk for t in texts)
    assert extend_over_lists(texts, 4, len(texts)) == (1, len(texts))


def test_the_article_glued_into_one_line_below_a_menu_does_not_pull_the_span_down() -> None:
    # A page script's copy of the whole article (its paragraphs run together with no space between
    # them) below the site's menu, then the consent box's sentences: the copy weighs nothing in the
    # span choice, so the span stays on the article and does not run on over the menu.
    from newsclean.stages.duplicates import glued_copies

    more = [
        "Boat owners at the marina have moved their boats to deeper water at the end of the pier, "
        "and the harbour master has closed two of the slipways until further notice.",
        "The regional water board will meet next week to decide whether the pumping station on the "
        "northern bank should be switched on early this year, which costs money it had not planned.",
        "Scientists at the university said that the lake has fallen in three of the last five years "
        "and that the trend would go on unless the winters bring more snow to the hills around it.",
    ]
    later = [
        "A spokesman for the fishing cooperative said catches of perch had halved since June, because the "
        "young fish need the reed beds along the shallow bays that are now lying dry in the sun.",
        "Tourism offices in the lakeside villages reported fewer bookings for the autumn holidays, although "
        "some visitors came precisely to walk on the old harbour walls that appeared when the water went.",
        "Archaeologists were called to the eastern shore last week after walkers found the timbers of a "
        "wooden boat in the mud, which the museum believes may be several hundred years old.",
        "Engineers warned that the dam at the outlet was built for a much higher level and that its gates "
        "would have to be checked before the winter storms bring water down from the mountains again.",
    ]
    article = [*BODY, *more, *later]  # 360 words or so
    glued = "".join(article)
    menu = [f"Section {letter}" for letter in "ABCDEFGHIJKLMNOP"]
    consent = [
        "We use cookies on this website to remember your choices and to understand how you use the "
        "pages, so that we can show you the offers that are most relevant to you and your friends.",
        "Necessary cookies are needed for the website to work and cannot be switched off in our "
        "systems, and they are usually only set in answer to actions you take, such as logging in.",
    ]
    text = dump(HEADLINE, *article, *menu, glued, *consent)
    assert glued_copies([*article, glued], [len(t.split()) for t in [*article, glued]]) == [len(article)]
    doc, _ = apply(mark_outside_main_text, text)
    assert [b.text for b in doc.kept()][-len(article):] == article
    assert not any(b.text in consent for b in doc.kept())
