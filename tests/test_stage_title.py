"""title stage: the headline above the body becomes meta.title and its line is marked `title`;
bylines, share buttons and dates never become the title."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump

import newsclean
from newsclean import Removal, Stage, Verdict
from newsclean.stages import mark_title

TITLE_MARK = Removal(Stage.TITLE, "headline (kept as the title)")


def test_headline_above_the_body_becomes_the_title() -> None:
    doc, marks = apply(mark_title, dump(HEADLINE, *BODY))
    assert doc.meta.title == HEADLINE
    assert marks == {1: TITLE_MARK}
    assert doc.paragraphs == BODY


def test_headline_among_menu_byline_and_date() -> None:
    text = dump("News", "Climate", HEADLINE, "By Maria Lindqvist", "12 September 2025", *BODY)
    doc, marks = apply(mark_title, text)
    assert doc.meta.title == HEADLINE
    assert marks == {3: TITLE_MARK}
    assert newsclean.to_text(doc) == "\n\n".join([HEADLINE, *BODY]) + "\n"


def test_byline_and_share_button_above_the_headline_are_not_the_title() -> None:
    doc, _ = apply(mark_title, dump("By Maria Lindqvist", "Share", HEADLINE, "12 September 2025", *BODY))
    assert doc.meta.title == HEADLINE


def test_headline_above_its_standfirst() -> None:
    standfirst = "Hydrologists warn that ferry services and irrigation will suffer until the autumn rains arrive"
    doc, marks = apply(mark_title, dump(HEADLINE, standfirst, *BODY))
    assert doc.meta.title == HEADLINE
    assert marks[1] == TITLE_MARK and 2 not in marks


def test_headline_over_its_standfirst_wins_over_a_second_headline_above_it() -> None:
    # A page printing a search-engine headline above the kicker and the headline proper: the
    # headline is the line with the standfirst under it (a standfirst has no standfirst below).
    seo = "Record low lake levels: what the drought means for ferry services"
    standfirst = "Hydrologists measured the lake at 1.2 metres below its average. Ferries to two islands have stopped."
    doc, _ = apply(mark_title, dump("News", seo, "Drought", HEADLINE, standfirst, "By Maria Lindqvist", "12 September 2025", "Share", *BODY))
    assert doc.meta.title == HEADLINE


def test_headline_over_its_byline_far_above_a_video_player_is_the_title() -> None:
    # A video player's settings stand between the article's head and its body; the video's own
    # title, printed twice near the body, is no headline of the article.
    settings = [f"{name} {size}" for name in ("Arial", "Georgia", "Verdana", "Tahoma") for size in ("Small", "Medium", "Large")]
    player = [*settings * 4, "Video Not Available", "Drought shrinks the lake", "Now watching", "Drought shrinks the lake"]
    doc, marks = apply(mark_title, dump("News", HEADLINE, "By Maria Lindqvist", *player, *BODY))
    assert doc.meta.title == HEADLINE
    assert marks[2] == TITLE_MARK


def test_a_caption_over_its_credit_above_the_headline_is_not_taken_for_the_headline() -> None:
    caption = "A ferry landing stands on dry ground near the islands, September 2025"
    doc, _ = apply(mark_title, dump("News", caption, "Photo: Jane Doe", HEADLINE, "By Maria Lindqvist", *BODY))
    assert doc.meta.title == HEADLINE


def test_repeated_headline_both_lines_are_the_title() -> None:
    doc, marks = apply(mark_title, dump(HEADLINE, "News", "Climate", HEADLINE, "By Maria Lindqvist", *BODY))
    assert doc.meta.title == HEADLINE
    assert marks == {1: TITLE_MARK, 4: TITLE_MARK}


def test_title_from_the_header_marks_the_line_that_repeats_it() -> None:
    doc, marks = apply(mark_title, dump(f" title {HEADLINE}", "Home", HEADLINE, *BODY))
    assert doc.meta.title == HEADLINE
    assert marks == {3: TITLE_MARK}
    assert doc.blocks[0].removal.stage is Stage.HEADER


@pytest.mark.parametrize("above", [["Share on Facebook", "Tweet"], ["Share"], ["12 September 2025, 06:30"]])
def test_share_buttons_and_dates_are_never_the_title(above: list[str]) -> None:
    doc, marks = apply(mark_title, dump(*above, *BODY))
    assert doc.meta.title is None
    assert marks == {}


def test_byline_alone_above_the_body_is_not_the_title() -> None:
    doc, _ = apply(mark_title, dump("Share on Facebook", "By Maria Lindqvist", *BODY))
    assert doc.meta.title is None


@pytest.mark.parametrize(
    "headline",
    [
        # Each announces the article below it (a headline sharing no word with its body is not
        # taken: it is a call to action or a teaser for another story).
        "Software error blamed as lake levels fall to record low",
        "Ferry operator to cut 500 jobs as lake levels fall",
        "Forbidden shore exposed as lake falls to record low",
    ],
)
def test_headline_with_a_word_from_the_error_list_is_the_title(headline: str) -> None:
    doc, marks = apply(mark_title, dump(headline, *BODY))
    assert doc.meta.title == headline
    assert marks == {1: TITLE_MARK}


def test_no_title_without_an_article() -> None:
    doc = newsclean.clean(dump("404", "Page not found", "The page you requested could not be found."))
    assert doc.verdict is Verdict.ERROR_PAGE
    assert doc.meta.title is None
    assert not any(b.removal.stage is Stage.TITLE for b in doc.blocks)


@pytest.mark.parametrize("headline", ["Forbidden shore of the lake", "Ferry error at the lake"])
def test_short_headline_with_one_word_of_the_error_list_is_the_title(headline: str) -> None:
    # (A short line with one such word is error text on an error page; on an article's page it is a headline.)
    doc = newsclean.clean(dump("Menu", "Climate", headline, *BODY))
    assert doc.meta.title == headline


def test_headline_right_below_a_comment_count_link_wins_over_the_site_name_above_it() -> None:
    # ("Comments" marks teasers below it when it ends an article; above the headline it is a
    # link to the comments, and the headline right below it is weighed down only by half.)
    doc = newsclean.clean(dump("Menu", "The Lake Country Courier", "Weather", "Sport", "Comments", HEADLINE, "Print", *BODY))
    assert doc.meta.title == HEADLINE


def test_a_sign_up_forms_checkbox_over_its_consent_sentence_is_not_the_title() -> None:
    checkbox = "Send me news about lake levels and ferry services to the islands"
    consent = "By submitting your details you agree to our Terms of Use and Privacy Policy and confirm you are 16 or over."
    doc = newsclean.clean(dump("Menu", "Weather", checkbox, consent, *BODY))
    assert doc.meta.title != checkbox


def test_a_prompt_between_other_prompts_is_not_the_title() -> None:
    # A widget of calls to action ("Follow us", "Add us to your feed", "Subscribe"), not a headline.
    prompt = "Add us to your feed for ferry, island and lake level news"
    doc = newsclean.clean(dump("Menu", "Weather", "Follow us", prompt, "Newsletter", "Subscribe to our newsletter", *BODY))
    assert doc.meta.title != prompt


def test_a_sponsors_line_is_not_the_title() -> None:
    sponsor = "In partnership with the Lake Ferry Company"
    doc = newsclean.clean(dump("Menu", "Weather", sponsor, *BODY))
    assert doc.meta.title != sponsor


def test_a_menu_row_whose_item_is_printed_alone_elsewhere_is_not_the_title() -> None:
    # (In CJK text a space parts a menu's items, not words; the item "服务平台" stands alone
    # higher up, so the row seemed to agree with it.)
    row = "新闻中心 服务平台 湖泊研究院 水文观测站"
    body = [
        "今年夏天降雨不足往年一半，全国最大湖泊的水位降到有记录以来的最低点，南岸露出大片泥滩。",
        "水文学家周一测得湖面比长期平均水平低一点二米，渡轮公司已经停开通往两个小岛的航线。",
        "从湖中取水灌溉的农民被要求在秋雨到来之前把用水量减少三分之一，当地政府正在研究对策。",
    ]
    doc = newsclean.clean(dump("首页", "服务平台", "视频", "图片", "评论", "体育", "财经", "科技", row, *body))
    assert doc.meta.title != row


@pytest.mark.parametrize("dash", ["- ", "– ", "— "])
def test_a_quotation_headline_opened_by_a_dash_over_its_standfirst_is_the_title(dash: str) -> None:
    # A paper quoting in its headline ("- The mud will stay", Scandinavian style) with a dash: no
    # list item stands next to it, so the dash is no bullet; its words are not the body's, but
    # the standfirst right below it names the article.
    quote = f"{dash}The mud will stay for years"
    standfirst = "The lake has fallen to its lowest level since records began after a dry summer, hydrologists say."
    caption = "MUD: The southern shore of the lake on Monday. Photo: Jane Doe/Reuters"
    head = [quote, standfirst, caption, "Maria Lindqvist", "Published 06.01.2026 - 17:29", "In brief"]
    doc = newsclean.clean(dump("Menu", "Weather", "Sport", *head, *BODY))
    assert doc.meta.title == "The mud will stay for years"


def test_a_widgets_label_over_the_bodys_first_paragraph_does_not_take_its_topic() -> None:
    # The body's first paragraph is no standfirst of the line above it: that may be a toolbar's label.
    doc = newsclean.clean(dump("Menu", "Weather", "Sport", "Make the text larger", *BODY))
    assert doc.meta.title is None


def test_a_dash_item_among_list_items_is_not_the_title() -> None:
    items = ["- Ferry timetables for the islands", "- The mud will stay for years", "- Lake levels week by week"]
    doc = newsclean.clean(dump("Menu", "Weather", *items, *BODY))
    assert doc.meta.title not in [item[2:] for item in items]


def test_a_menu_run_onto_one_line_is_not_the_title() -> None:
    # The menu's items, run together over the headline, are printed alone elsewhere on the page.
    row = "The Latest Lake Islands Ferry Services Farmers Irrigation"
    menu = ["Islands", "Sport", "Ferry Services", "Irrigation", "Sign in"]
    doc = newsclean.clean(dump(*menu, row, "Environment", HEADLINE, "By Maria Lindqvist", *BODY))
    assert doc.meta.title == HEADLINE


def test_a_headline_printed_whole_and_broken_over_two_lines_is_the_title() -> None:
    # "Drought Report:" / "Lake Levels Fall" printed on two lines is the headline broken in two,
    # not two items of a menu.
    whole = "The Drought Report: Lake Levels Fall"
    doc = newsclean.clean(dump("Menu", whole, "Share", "Drought Report:", "Lake Levels Fall", *BODY))
    assert doc.meta.title == whole


def test_a_headline_naming_tags_printed_alone_is_the_title() -> None:
    # One run of the headline's words printed alone (a tag "Lake") does not make it a menu.
    doc = newsclean.clean(dump("Lake", "Weather", "Sport", HEADLINE, "By Maria Lindqvist", *BODY))
    assert doc.meta.title == HEADLINE


def test_a_menus_heading_among_its_labels_is_not_the_title() -> None:
    # "Interact with us" heads a group of the site's menu; the article (a footer's legal text
    # here) shares none of its words.
    menu = ["Forums", "Videos", "Photos", "Interact with us", "Weather", "Post a job", "Sell your car"]
    rules = "Community rules apply to all content you submit to this site. Contact interactivity management."
    doc = newsclean.clean(dump("Menu", *menu, *BODY, rules))
    assert doc.meta.title is None


def test_a_short_headline_between_a_section_label_and_its_author_is_the_title() -> None:
    headline = "Southern shore mud flats"
    doc = newsclean.clean(dump("Menu", "News |", "Climate", headline, "Maria Lindqvist", "Updated 11:10", *BODY))
    assert doc.meta.title == headline


def test_a_headline_in_sentence_case_naming_tags_printed_alone_is_the_title() -> None:
    # Two runs of the headline are the page's tag lines ("Lake Vänern", "Ferry Services"), a
    # third of its words; a menu's row has every word capitalised.
    headline = "Lake Vänern at record low as Ferry Services stop"
    doc = newsclean.clean(dump("Lake Vänern", "Weather", "Ferry Services", "Sport", headline, "By Maria Lindqvist", *BODY))
    assert doc.meta.title == headline


# A sidebar's list of headings between the article's head and its body (a site's topic menu).
SIDEBAR = [f"{topic} in {region}" for topic in ("Storms", "Heat Waves", "Floods") for region in ("the North", "the South", "the East", "the West", "the Islands")]


def test_headline_over_its_byline_wins_over_a_sidebar_heading_next_to_the_body() -> None:
    # The heading nearest the body shares the body's words, but stands over no byline or date:
    # the headline stands over its byline, far above.
    sidebar = ["Drought Basics", "Water Levels Explained", *SIDEBAR, "Ferry Operators Cancel Services as Lake Surface Falls Below Average"]
    doc, marks = apply(mark_title, dump("News", HEADLINE, "What the drought means for the lake", "By Maria Lindqvist", *sidebar, *BODY))
    assert doc.meta.title == HEADLINE
    assert marks == {2: TITLE_MARK}


def test_a_fields_value_over_a_date_is_not_the_headline() -> None:
    # A notice's data fields: "Date of issue:" and its date stand under the issuer's name, which heads nothing.
    fields = ["Issued by:", "Lake Ferry Services Authority", "Date of issue:", "12 September 2025"]
    doc, _ = apply(mark_title, dump(*fields, *SIDEBAR, HEADLINE, *BODY))
    assert doc.meta.title == HEADLINE


def test_a_list_of_teasers_over_their_dates_above_the_headline_gives_no_head() -> None:
    # Two teasers of the lake's story, each over its date, in a box far above the article: not
    # its head (one head stands over the byline); the headline next to the body stays the title.
    teasers = ["Ferry services to islands cut", "12 September 2025", "Farmers told to cut irrigation", "11 September 2025"]
    more = [f"{topic} in {region}" for topic in ("Snow", "Wind Warnings") for region in ("the North", "the South", "the East", "the West", "the Islands")]
    doc, _ = apply(mark_title, dump("News", *teasers, *SIDEBAR, *more, HEADLINE, *BODY))
    assert doc.meta.title == HEADLINE
