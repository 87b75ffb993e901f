"""Title choice: the headline sits a few lines above the body among menus, captions, bylines,
toolbars and calls to action, none of which may become the title; with no plausible line there
is no title; site names are stripped; in HTML the declared titles are weighed together."""

from __future__ import annotations

import json

import pytest
from conftest import BODY, HEADLINE, dump
from growth import GROWTH, GROWTH_LIMIT, growth

import newsclean
from newsclean.document import Block, Document, Metadata
from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages.headline_choice import is_caption, labels_of_parts, shape_score, strip_site_name

RULES = load_rules()


def features(text: str):
    return line_features(text, RULES.stopwords["en"])


@pytest.mark.parametrize(
    "line",
    [
        "Whale expert Hori Parata. Photograph: Adrian Malloch for the Guardian",
        "The Moulin Rouge cabaret in Paris Benoit Tessier/Reuters",
        "CreditPhoto Illustration by Andrew B. Myers",
        "Photo by Jane Doe",
        "Foto: dpa",
    ],
)
def test_captions_and_credits_are_recognised(line: str) -> None:
    assert is_caption(line, features(line), RULES)
    assert shape_score(line, features(line), RULES) == 0.0


@pytest.mark.parametrize(
    "line",
    [
        "Photo of baby wrapped in flag sparks debate",
        "Xbox One X review: A console that keeps up with gaming PCs",
        "Lake levels fall to record low after dry summer",
    ],
)
def test_headlines_are_not_captions(line: str) -> None:
    assert not is_caption(line, features(line), RULES)
    assert shape_score(line, features(line), RULES) > 0.5


@pytest.mark.parametrize(
    "line",
    [
        "Listen 3 min Comment on this story Comment Gift Article Share",
        "By Maria Lindqvist",
        "Tuesday 15 October 2019 by Bradley M. Kuhn",
        "Home > News > Climate",
        "- Planter saucer or a shallow dish",
    ],
)
def test_toolbars_bylines_breadcrumbs_and_list_items_are_never_headlines(line: str) -> None:
    assert shape_score(line, features(line), RULES) == 0.0


# The lines real pages put between the menu and the article (worded here for these tests).
NOISE_ABOVE = [
    "Fund the free press with $5 per month",
    "Take your next trip with Atlas Travel!",
    "Today's Paper",
    "Water level gauge on the southern shore. Photograph: Jane Doe/Agency",
    "Listen 3 min Comment on this story Comment Gift Article Share",
]


def test_headline_several_lines_above_the_body_wins_over_what_stands_between() -> None:
    doc = newsclean.clean(dump("Menu", "Climate", HEADLINE, "By Maria Lindqvist", "12 September 2025", *NOISE_ABOVE, *BODY))
    assert doc.meta.title == HEADLINE
    assert doc.paragraphs == BODY


@pytest.mark.parametrize("noise", NOISE_ABOVE)
def test_no_call_to_action_caption_or_toolbar_becomes_the_title(noise: str) -> None:
    doc = newsclean.clean(dump("Menu", "Climate", noise, *BODY))
    assert doc.meta.title is None


def test_no_plausible_line_no_title_and_the_text_starts_with_the_body() -> None:
    doc = newsclean.clean(dump("Share", "12 September 2025", *BODY))
    assert doc.meta.title is None
    assert newsclean.to_text(doc) == "\n\n".join(BODY) + "\n"
    assert json.loads(newsclean.to_json(doc))["title"] is None


def test_repeated_headline_wins_over_a_nearer_section_label() -> None:
    text = dump("News|" + HEADLINE, "Supported by", "Today's Paper", HEADLINE, *BODY)
    doc = newsclean.clean(text)
    assert doc.meta.title == HEADLINE


def test_headline_above_a_byline_wins_over_the_reporters_role_below_it() -> None:
    doc = newsclean.clean(dump(HEADLINE, "By", "Maria Lindqvist", "Lake country environment reporter", *BODY))
    assert doc.meta.title == HEADLINE


@pytest.mark.parametrize(
    ("title", "sites", "expected"),
    [
        ("Lake levels fall to record low after dry summer | The Valley Courier", (), HEADLINE),
        ("Lake levels fall to record low after dry summer - Valley Courier - Climate", (), HEADLINE),
        ("Valley Courier: Lake levels fall to record low after dry summer", ("https://www.valleycourier.com/x",), HEADLINE),
        ("Lake levels fall to record low after dry summer :: Courier ::", (), HEADLINE),
        ("湖水位创历史新低_环境频道_山谷信使网", (), "湖水位创历史新低"),
        # Underscores after a space or a closing bracket, doubled, and a CJK site name of ten characters.
        ("湖水位创历史新低 渡轮停航 _环境频道 _山谷信使网", (), "湖水位创历史新低 渡轮停航"),
        ("湖水位创历史新低 渡轮停航(图)_环境频道_山谷信使网", (), "湖水位创历史新低 渡轮停航(图)"),
        ("湖水位创历史新低 渡轮停航__环境_山谷信使网", (), "湖水位创历史新低 渡轮停航"),
        ("全国最大湖泊水位降至有记录以来的最低点 渡轮停航_山谷市人民政府门户网", (), "全国最大湖泊水位降至有记录以来的最低点 渡轮停航"),
        ("lake_levels_fall(x)_y", (), "lake_levels_fall(x)_y"),
        # Not a site name: the end of the headline, or a part as long as the rest.
        ("Your $1 bill could be worth thousands - here's how to check", (), "Your $1 bill could be worth thousands - here's how to check"),
        ("Friday Facts #282 - 0.17 in sight | Factorio", (), "Friday Facts #282 - 0.17 in sight"),
        ("Xbox One X review: A console that keeps up with gaming PCs", (), "Xbox One X review: A console that keeps up with gaming PCs"),
    ],
)
def test_site_names_are_stripped(title: str, sites: tuple[str, ...], expected: str) -> None:
    assert strip_site_name(title, sites) == expected


def html_doc(candidates: tuple[tuple[str, str], ...], paragraphs: list[str], sites: tuple[str, ...] = ()) -> Document:
    blocks = [Block(n, text) for n, text in enumerate(paragraphs, 1)]
    meta = Metadata(title=candidates[0][1] if candidates else None, title_candidates=candidates, site_names=sites)
    return Document(source="page.html", blocks=blocks, meta=meta, input_format="html")


def test_html_declared_titles_agreeing_beat_a_logo_h1() -> None:
    from newsclean.stages import mark_headline

    candidates = (("h1", "Valley Courier Health Center"), ("og:title", HEADLINE), ("title", f"{HEADLINE} | Valley Courier"))
    doc = mark_headline(html_doc(candidates, BODY, ("Valley Courier",)), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == HEADLINE


def test_html_headline_paragraph_is_marked_and_site_name_stripped() -> None:
    from newsclean.stages import mark_headline

    candidates = (("title", f"{HEADLINE} | Valley Courier"),)
    doc = mark_headline(html_doc(candidates, [HEADLINE, *BODY]), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == HEADLINE
    assert doc.paragraphs == BODY


def test_html_subheading_below_the_first_paragraph_is_not_the_title() -> None:
    from newsclean.stages import mark_headline

    # The declared titles agree on a pun that shares no word with the body; the body's subheading
    # below its first paragraphs shares many: the article had begun, it is no headline.
    pun = "Where have all the waters gone?"
    candidates = (("og:title", pun), ("h1", pun), ("title", f"{pun} | Valley Courier"))
    paragraphs = [*BODY[:2], "Lowest lake level on record", *BODY[2:]]
    doc = mark_headline(html_doc(candidates, paragraphs, ("Valley Courier",)), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == pun


def test_html_title_that_is_only_the_site_name_is_no_title() -> None:
    from newsclean.stages import mark_headline

    candidates = (("title", "Valley Courier"), ("og:title", "Valley Courier"))
    doc = mark_headline(html_doc(candidates, BODY, ("Valley Courier",)), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title is None


def test_html_page_declares_its_titles(tmp_path) -> None:
    page = (
        "<html><head><title>Lake levels fall to record low after dry summer | Valley Courier</title>"
        '<meta property="og:title" content="Lake levels fall to record low after dry summer">'
        '<meta property="og:site_name" content="Valley Courier">'
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Lake levels fall to record low"}</script>'
        "</head><body><header><h1>Valley Courier</h1></header><article><h1>Lake levels fall to record low after dry summer</h1>"
        + "".join(f"<p>{p}</p>" for p in BODY)
        + "</article></body></html>"
    )
    doc = newsclean.clean_bytes(page.encode(), "page.html")
    assert ("og:title", HEADLINE) in doc.meta.title_candidates
    assert ("ld", "Lake levels fall to record low") in doc.meta.title_candidates
    assert "Valley Courier" in doc.meta.site_names
    assert doc.meta.title == HEADLINE
    assert doc.paragraphs == BODY


@pytest.mark.parametrize(
    "line",
    [
        "The 21 best movies of 2017",  # numbers, but words around them
        "2004中国十大科技骗局 老中医绝食49天居首",
        "Niemcy. Stałe zamknięcie granic jedynie kwestią czasu",  # a one-word label before the stop
        "Hühnersuppe? Diese Nahrungsmittel helfen dir, wieder fit zu werden",  # a question inside
        "Erstes Bild: So könnte die Duisburger Seilbahn aussehen",  # "Bild:" leads a clause, not a credit
        "| 茉莉：我是怎样卷入八九民运的 |",  # a layout table's one-cell heading
    ],
)
def test_headline_shapes_that_are_not_dates_sentences_or_captions(line: str) -> None:
    assert shape_score(line, features(line), RULES) >= 0.7


@pytest.mark.parametrize(
    "line",
    [
        "11.03.17 in Gadgetry",
        "2192 Shares",
        "Die Protestkundgebung werten die Gewerkschaften als vollen Erfolg Foto: Editpress/Jane Doe",
        "| Home | News | Sport | Weather |",
        "[View my blog] [Add a bookmark]",
        "Home -> Books -> Novels -> Chapter one",
        "Ein \ufffd\ufffd Titel ohne Zeichen",
    ],
)
def test_dates_credits_table_rows_link_rows_and_undecoded_text_are_never_headlines(line: str) -> None:
    assert shape_score(line, features(line), RULES) == 0.0


def test_a_second_full_sentence_weighs_a_line_down() -> None:
    standfirst = "Berlin. The former minister takes up her new post today. But does she want another one?"
    assert shape_score(standfirst, features(standfirst), RULES) < 0.5


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ukrainische Gegenoffensive: Ziele, Chancen, Risiken – DW – 28.04.2023", "Ukrainische Gegenoffensive: Ziele, Chancen, Risiken"),
        ("Niemcy zamykają granice? To już jedynie kwestia czasu - rp.pl", "Niemcy zamykają granice? To już jedynie kwestia czasu"),
    ],
)
def test_a_trailing_date_or_host_name_is_stripped(title: str, expected: str) -> None:
    assert strip_site_name(title) == expected


def test_html_title_the_page_shows_atop_the_article_wins_over_agreeing_seo_titles() -> None:
    from newsclean.stages import mark_headline

    seo = "Lake levels: what the drought means for ferries"
    candidates = (("og:title", HEADLINE), ("ld", seo), ("h1", seo), ("title", f"{seo} | Valley Courier"))
    doc = mark_headline(html_doc(candidates, [f"Drought {HEADLINE}", *BODY]), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == HEADLINE
    assert doc.paragraphs == BODY


def test_html_shown_headline_of_two_words_wins_over_a_longer_page_title() -> None:
    from newsclean.stages import mark_headline

    candidates = (("og:title", "Dry spell"), ("h1", "Dry spell"), ("title", "Country's largest lake falls to its lowest level since records began"))
    doc = mark_headline(html_doc(candidates, ["Dry spell", *BODY]), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == "Dry spell"


def test_html_declared_title_cut_short_loses_to_its_full_copy() -> None:
    from newsclean.stages import mark_headline

    candidates = (("og:title", "Lake levels fall to record low after..."), ("h1", HEADLINE), ("title", HEADLINE))
    doc = mark_headline(html_doc(candidates, BODY), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == HEADLINE


def test_headline_below_a_greeting_at_the_top_of_the_body_is_found_and_left_out_of_it() -> None:
    doc = newsclean.clean(dump("Hi, I'm Jane.", "I write about lakes. I take photos.", HEADLINE, *BODY))
    assert doc.meta.title == HEADLINE
    assert HEADLINE not in doc.paragraphs


def test_a_subheading_after_the_first_paragraph_is_not_the_headline() -> None:
    doc = newsclean.clean(dump("Menu", BODY[0], "What the ferries do now", *BODY[1:]))
    assert doc.meta.title is None


@pytest.mark.parametrize(
    "line",
    [
        "Last updated Monday, Dec. 29 2014, 8:57 PM EST",  # a timestamp
        "By Jane Doe, John Roe, Ann Poe and Max Moe",  # a byline listing its authors
        "The mayor greets the crowd at the opening of the new harbour.Reuters",  # a credit run on
        "Save stories to read later on any of your devices More Info →",  # a link
        "News Sport Weather Culture Travel News Sport Weather Culture Travel",  # a menu printed twice
    ],
)
def test_timestamps_author_lists_run_on_credits_links_and_doubled_menus_are_never_headlines(line: str) -> None:
    assert shape_score(line, features(line), RULES) == 0.0


@pytest.mark.parametrize(
    "line",
    [
        "Von München bis Aachen: Im Netz der China-Agenten",  # a byline word that starts a headline
        "Bayern beat Dortmund 2:1 in the cup final",  # a score, not a clock
        "Oponerse a la regularización es oponerse a la democracia",  # three words said twice
        "«La situation est grave», prévient la syndicaliste",  # a closing guillemet is no arrow
    ],
)
def test_headlines_like_those_are_still_headlines(line: str) -> None:
    assert shape_score(line, features(line), RULES) >= 0.7


def test_headline_right_above_its_date_line_wins_over_a_teaser_nearer_the_body() -> None:
    teaser = "Ferry operators warn of more cancellations this week"
    doc = newsclean.clean(dump("Menu", "Climate", HEADLINE, "12 September 2025, 10:30", "Share", "Advertisement", teaser, *BODY))
    assert doc.meta.title == HEADLINE


@pytest.mark.parametrize(
    "line",
    [
        "Police release surveillance photos in Dec. 22 bank robbery",  # an abbreviation before a number
        "Republican N.J. senator rips governor over his speech",  # an abbreviation before a lower-case word
    ],
)
def test_an_abbreviations_full_stop_is_no_second_sentence(line: str) -> None:
    assert shape_score(line, features(line), RULES) >= 0.7


@pytest.mark.parametrize(
    "line",
    [
        "Even luxury hotels are not always cleaned as often as they should be Getty Images",  # a credit run on
        "Electric cars sold a little more in the first half. (Jane Doe/AGENCY)",  # a credit in brackets
    ],
)
def test_credits_at_the_end_make_a_caption(line: str) -> None:
    assert is_caption(line, features(line), RULES)
    assert shape_score(line, features(line), RULES) == 0.0


def test_headline_above_an_authors_name_and_a_date_wins_over_a_line_nearer_the_body() -> None:
    nearer = "Ferry services to the smaller islands cancelled as the lake level falls"
    doc = newsclean.clean(dump("Menu", "Climate", HEADLINE, "Maria Lindqvist", "Friday 12 September 2025", "Share", "Advertisement", nearer, *BODY))
    assert doc.meta.title == HEADLINE


def test_headline_below_a_greeting_that_opens_the_span_is_found_by_its_byline() -> None:
    greeting = ("Thanks for reading our weekly letter from the lake country, where we gather the stories "
                "that readers sent to us over the last seven days.")
    doc = newsclean.clean(dump("Menu", "Climate", greeting, HEADLINE, "By Maria Lindqvist", *BODY))
    assert doc.meta.title == HEADLINE
    assert HEADLINE not in doc.paragraphs


def test_rows_that_differ_only_in_their_numbers_are_a_widget_not_a_headline() -> None:
    from newsclean.stages.headline_choice import Candidate, score_candidates

    rows = [Candidate("Lake levels fall / 5 h ago", 1), Candidate("Lake levels fall / 7 h ago", 2), Candidate(HEADLINE, 3)]
    scored = score_candidates(rows, BODY, RULES.stopwords["en"], RULES)
    assert [s.score for s in scored[:2]] == [0.0, 0.0]
    assert scored[2].score > 0


@pytest.mark.parametrize(
    "prompt",
    [
        "Watch ferry operators cancel services as the lake falls to its lowest level",
        "Sign up for lake level alerts from the regional government and ferry operators",
    ],
)
def test_headline_wins_over_a_nearer_call_to_action_about_the_same_topic(prompt: str) -> None:
    doc = newsclean.clean(dump("Menu", "Climate", HEADLINE, "Weather", "Sport", "Culture", "Travel", prompt, *BODY))
    assert doc.meta.title == HEADLINE


@pytest.mark.parametrize(
    "line",
    [
        "您的位置：主页>艺术史研究>工作室>方法与规范",  # a breadcrumb run together (no spaces)
        "专栏/小说/连载/情人节赠礼",
        "08/01/2014 Minister denies the charges in a written statement",  # a listing's row, its date first
    ],
)
def test_breadcrumbs_run_together_and_dated_listing_rows_are_never_headlines(line: str) -> None:
    assert shape_score(line, features(line), RULES) == 0.0


@pytest.mark.parametrize("line", ["AC/DC and/or the Rolling Stones on tour", "Mars rover speed > forecast, engineers say"])
def test_a_slash_or_arrow_or_two_is_still_a_headline(line: str) -> None:
    assert shape_score(line, features(line), RULES) >= 0.7


def test_a_row_of_chapters_between_bars_is_no_headline() -> None:
    row = "第一章│第二章│第三章│第四章"
    assert shape_score(row, features(row), RULES) == 0.0


def test_a_layout_tables_one_cell_heading_after_empty_cells_is_still_a_headline() -> None:
    line = "| | 主题： 你知道导游为什么那么热衷于让你去商场购物吗？ |"
    assert shape_score(line, features(line), RULES) > 0.0


@pytest.mark.parametrize("line", ["Friday 25 December 2015", "11.03.17 in Gadgetry", "12 Sept. 2025", "9:51"])
def test_date_lines(line: str) -> None:
    from newsclean.stages.headline_choice import is_dateline

    assert is_dateline(line, features(line))


@pytest.mark.parametrize("line", ["No Compromise 2024 Carricante, Italy ($19.99, #192961)", "Top 10 films of 2017", "2192 Shares"])
def test_prices_lists_and_counters_are_no_date_lines(line: str) -> None:
    from newsclean.stages.headline_choice import is_dateline

    assert not is_dateline(line, features(line))


@pytest.mark.parametrize("line", ['<form name="Form1" method="post" action="page.aspx">', '<h1><a id="Header1" href="/">My weblog</a></h1>'])
def test_html_source_read_as_text_is_no_headline(line: str) -> None:
    assert shape_score(line, features(line), RULES) == 0.0


def test_a_headline_naming_an_element_is_still_a_headline() -> None:
    line = "Using the <dialog> element for accessible pop-ups"
    assert shape_score(line, features(line), RULES) >= 0.7


def test_a_row_of_bracketed_links_is_no_headline_even_as_a_declared_title() -> None:
    line = "[View my blog] [Add a bookmark]"
    assert shape_score(line, features(line), RULES, declared=True) == 0.0


def test_a_tickers_entry_with_its_time_run_on_is_no_headline() -> None:
    line = "Protests erupt in the city centre as police close the harbour road'20:42"
    assert shape_score(line, features(line), RULES) == 0.0


@pytest.mark.parametrize("line", ["Ferry talks end at 20:42", "An insider's view of the attacks on Rep. Jane Doe"])
def test_a_time_with_a_space_before_it_and_a_name_after_an_abbreviation_are_headline_shapes(line: str) -> None:
    assert shape_score(line, features(line), RULES) >= 0.7


@pytest.mark.parametrize(
    "line",
    [
        "Water levels on the southern shore of the lake in August. (Jane Doe)",  # a credit after the caption
        "수위가 낮아진 호수의 남쪽 기슭에서 주민들이 걷고 있다. 호수통신",  # a caseless credit after the stop
        "Lakeside/Jane Doe",  # a credit alone
        "(Jane Doe)",
        "More on Lakecourier.com",  # a link to the site itself
    ],
)
def test_credits_and_links_to_the_site_have_no_headline_shape(line: str) -> None:
    assert shape_score(line, line_features(line, frozenset()), RULES) == 0.0


@pytest.mark.parametrize("line", ["Montana House votes to censure Trans Rep. Jane Doe", "Amazon.com sues counterfeit sellers over fake listings"])
def test_a_name_after_an_abbreviation_and_a_host_in_a_headline_keep_the_shape(line: str) -> None:
    assert shape_score(line, line_features(line, frozenset()), RULES) > 0.0


def test_the_site_name_the_page_repeats_is_not_the_title() -> None:
    site = "The Lake Country Courier"
    footer = [f"Subscribe to {site}", f"Copyright 2025 {site}", f"About {site} and its staff"]
    doc = newsclean.clean(dump("Menu", site, "Weather", *BODY, *footer))
    assert doc.meta.title is None


@pytest.mark.parametrize("prompt", ["Email to a Friend", "ログインする", "印刷する"])
def test_share_and_login_buttons_are_calls_to_action(prompt: str) -> None:
    from newsclean.stages.headline_choice import is_call_to_action

    assert is_call_to_action(prompt, line_features(prompt, frozenset()), RULES)


def test_html_declared_title_cut_after_a_function_word_gives_way_to_its_full_copy() -> None:
    from newsclean.stages import mark_headline

    # (An attribute cut at an unescaped quote: og:title "Lake levels fall and" of the full <title>.)
    full = 'Lake levels fall and "ferries stop" in the south'
    candidates = (("og:title", "Lake levels fall and"), ("ld", "Lake levels fall and"), ("title", full))
    doc = mark_headline(html_doc(candidates, BODY), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == full


@pytest.mark.parametrize("line", ["湖城日报记者 王明 李华", "晨报編輯 陳大文"])
def test_a_cjk_byline_paper_role_and_names_has_no_headline_shape(line: str) -> None:
    assert shape_score(line, line_features(line, frozenset()), RULES) == 0.0


@pytest.mark.parametrize("line", ["中文 学习 方法", "湖城 新桥 开通"])
def test_cjk_headlines_of_short_words_keep_the_shape(line: str) -> None:
    assert shape_score(line, line_features(line, frozenset()), RULES) > 0.0


@pytest.mark.parametrize("menu", ["HomeNews", "Home News "])
def test_a_menu_run_into_the_headline_above_it_is_not_the_title(menu: str) -> None:
    doc = newsclean.clean(dump("Menu", menu + HEADLINE, HEADLINE, "By Maria Lindqvist", *BODY))
    assert doc.meta.title == HEADLINE


def test_a_kicker_run_into_the_headline_above_it_stays_in_the_title() -> None:
    doc = newsclean.clean(dump("Menu", f"Drought: {HEADLINE}", HEADLINE, "By Maria Lindqvist", *BODY))
    assert doc.meta.title == f"Drought: {HEADLINE}"


def test_a_japanese_caption_with_its_credit_after_the_equals_sign_has_no_headline_shape() -> None:
    line = "湖の南岸に広がる干潟＝2025年8月、共同"
    assert shape_score(line, line_features(line, frozenset()), RULES) == 0.0


@pytest.mark.parametrize("line", ["시민단체들이 28일 본사를 찾아 항의하고 있다. [사진 출처 = 현대건설]", "Fans wait for the ferry in the rain (Photo = Reuters)"])
def test_a_caption_ending_with_a_bracketed_label_and_source_has_no_headline_shape(line: str) -> None:
    assert shape_score(line, line_features(line, frozenset()), RULES) == 0.0


def test_a_headline_with_an_equation_in_brackets_keeps_its_shape() -> None:
    line = "Why physicists still argue about E = mc2 (in part)"
    assert shape_score(line, line_features(line, frozenset()), RULES) > 0.0


@pytest.mark.parametrize("line", ["1.认识湖水水位下降的原因；", "Lake levels fall to record low after dry summer,"])
def test_a_line_ending_with_a_comma_or_semicolon_has_no_headline_shape(line: str) -> None:
    assert shape_score(line, line_features(line, frozenset()), RULES) == 0.0


def test_html_title_with_lost_characters_loses_to_its_intact_copy() -> None:
    from newsclean.stages import mark_headline

    damaged = "Lake levels won???t stop falling after dry summer"
    intact = "Lake levels won’t stop falling after dry summer"
    candidates = (("og:title", damaged), ("ld", damaged), ("h1", intact))
    doc = mark_headline(html_doc(candidates, BODY), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == intact


def test_html_title_with_lost_characters_is_kept_when_it_is_the_only_one() -> None:
    from newsclean.stages import mark_headline

    damaged = "Lake levels won???t stop falling after dry summer"
    doc = mark_headline(html_doc((("og:title", damaged),), BODY), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == damaged


@pytest.mark.parametrize("line, lost", [("Brides Who Don???t Want Lace", True), ("Caf?s reopen in the old town", True),
                                        ("Is this the end? Markets fall again", False), ("What next???", False)])
def test_lost_characters_weigh_a_line_down(line: str, lost: bool) -> None:
    rules = RULES
    clean = line.replace("???", "’").replace("?s", "és") if lost else line
    ratio = shape_score(line, line_features(line, frozenset()), rules) / shape_score(clean, line_features(clean, frozenset()), rules)
    assert (ratio < 1) is lost


@pytest.mark.parametrize("line, notice", [
    ("Signing in to this forum means acceptance of our Terms of Use and the Privacy Policy of the network", True),
    ("By continuing you consent to the storage of cookies on your device for all of our partners", True),
    ("Regulators order the social network to rewrite its privacy policy", False),
    ("Lake levels fall to record low after a dry summer across the whole of the southern region", False),
])
def test_a_long_consent_or_legal_sentence_is_no_headline(line: str, notice: bool) -> None:
    assert (shape_score(line, line_features(line, frozenset()), RULES) == 0) is notice


def test_headline_printed_twice_far_above_the_body_is_found_over_a_long_block_of_widgets() -> None:
    # The page header, then the headline again over a long block of toolbar and summary widgets
    # (more lines than the title stage scans above the body): the headline printed twice is found.
    widgets = [f"Font size {n}" for n in range(45)]
    text = dump("Menu", HEADLINE, "Home", "Politics", HEADLINE, *widgets, "Enlarge photo", *BODY)
    doc = newsclean.clean(text)
    assert doc.meta.title == HEADLINE


def test_html_title_loses_the_author_name_that_the_h1_leaves_out() -> None:
    # "Headline - Jane Doe (jdoe)": the name is no short site name, but the <h1> says the headline alone.
    from newsclean.stages import mark_headline

    headline = "Record low: lake levels fall"
    candidates = (("title", f"{headline} - Maria Lindqvist ( Maria ) ( mlindqvist )"), ("h1", headline))
    doc = mark_headline(html_doc(candidates, ["Tuesday 12 September 2025 by Maria Lindqvist", *BODY]), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == headline


@pytest.mark.parametrize(
    "headline",
    [
        "\u201eWe have never seen it this low. The lake is dying\u201c: farmers fear for the harvest",
        "Ferries stop at the islands... Farmers told to cut water use by a third",
    ],
)
def test_a_quotation_or_an_ellipsis_makes_no_second_sentence_of_a_headline(headline: str) -> None:
    assert shape_score(headline, features(headline), RULES) == 1.0


def test_a_layout_cell_of_bracketed_links_is_no_headline() -> None:
    line = "| [View my blog] [Add a bookmark] |"
    assert shape_score(line, features(line), RULES) == 0.0


def test_a_title_part_that_only_names_the_sites_town_is_kept() -> None:
    # The site is "valley.com"; "The Valley Hotel Ghost Walk" holds its name but is no site name.
    title = "Echoes of the Past : The Valley Hotel Historic Ghost Walk (photos) | valley.com"
    assert strip_site_name(title, ("valley.com",)) == "Echoes of the Past : The Valley Hotel Historic Ghost Walk (photos)"


def test_html_page_title_with_the_site_after_a_comma_gives_way_to_the_og_title() -> None:
    from newsclean.stages import mark_headline

    # (A short headline: the longer <title> has the fuller headline shape.)
    headline = "Lake levels at record low"
    candidates = (("og:title", headline), ("title", f"{headline}, Daily newspaper Valley Courier, 26.04.2024"))
    # (The page's own paragraphs name the paper, as its footer does: the site's words are the body's too.)
    paragraphs = [*BODY, "The Valley Courier is a daily newspaper published since 1901."]
    doc = mark_headline(html_doc(candidates, paragraphs, ("Valley Courier",)), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title == headline


def test_a_logos_h1_that_ends_the_page_title_is_not_cut_out_of_it() -> None:
    from newsclean.stages import mark_headline

    # The <h1> "my valley blog" is the site's logo (it shares no word with the body), not the
    # headline the <title> ends with.
    title = "Lake levels fall to record low after dry summer :: my valley blog"
    candidates = (("og:title", title), ("h1", "my valley blog"), ("title", title))
    doc = mark_headline(html_doc(candidates, BODY), newsclean.DEFAULT_CONFIG)
    assert doc.meta.title is not None and doc.meta.title.startswith(HEADLINE)


@pytest.mark.parametrize(
    "quotation",
    ["„Ich wollte, dass sie mich mögen. So überlebt man.“", "“We will not go back to the old rules.”"],
)
def test_a_headline_that_is_one_quotation_is_not_weighed_down_for_its_full_stop(quotation: str) -> None:
    """A quoted sentence as the headline ends with the quotation's full stop; the same words
    unquoted read as a sentence (a caption, a paragraph) and weigh three times less."""
    unquoted = quotation.strip("„“”")
    assert shape_score(quotation, features(quotation), RULES) > 2 * shape_score(unquoted, features(unquoted), RULES)


def test_a_label_and_the_lines_naming_its_parts_pair_up() -> None:
    texts = ["Test Series v India", "Test Series v India , Third Test", "Test Series v India,", "Test Series, v India"]
    assert labels_of_parts(texts) == {(0, 1)}
    # A head that is itself a label with a comma: its part after a further comma.
    assert labels_of_parts(["Cup, Final", "Cup, Final、Day Two", "Cup"]) == {(0, 1), (2, 0), (2, 1)}


def test_a_line_of_commas_is_read_in_time_linear_in_its_length() -> None:
    # The head before each comma was cut and looked up: 8x the commas took about 64x the time.
    ratio = growth(lambda size: labels_of_parts(["Headline " + "，" * size, "Headline", "Headline，part"]), 40_000)
    assert ratio < GROWTH_LIMIT, f"{GROWTH}x the commas took {ratio:.0f}x the time"


@pytest.mark.parametrize("engine", ["trafilatura", "fast"])
def test_a_page_title_with_the_sites_and_sections_names_first_gives_the_headline_the_page_shows(engine: str) -> None:
    # An older table layout: no og:title, no <h1>, the <title> names the site and the section first;
    # the headline is a bold line of the page, which is the <title>'s last part.
    headline = "Council approves new footbridge over the river"
    paragraphs = [
        "The town council voted on Tuesday to build a footbridge linking the market square with the new "
        "housing on the far bank, ending a debate that has run for almost a decade.",
        "The bridge will cost about two million dollars, most of it from a state grant for walking and "
        "cycling routes, and is expected to open in the autumn of next year.",
        "Shop owners on the square welcomed the decision, saying that residents of the new estate now "
        "drive to the supermarket on the highway instead of walking into town.",
    ]
    body = "<br><br>".join(paragraphs)
    html = (f"<html><head><title>Riverside Daily Online - Local News - {headline}</title></head><body><table>"
            "<tr><td colspan='3'><a href='/'>Home</a> | <a href='/news'>Local News</a> | <a href='/sport'>Sports</a></td></tr>"
            "<tr><td><b>Sections</b><br><a href='/news'>Local News</a><br><a href='/state'>State</a><br><a href='/letters'>Letters</a><form><input type='text'></form></td>"
            f"<td><font face='Verdana' size='2'><font size='4'><b>{headline}</b></font><br>"
            f"<font size='1'>By Ann Lee, Staff Writer</font><br><br>{body}<br><br></font></td>"
            "<td><b>Related Stories</b><br><a href='/a'>Bridge plans go on show</a><br><a href='/b'>Grant for cycle routes</a></td></tr>"
            "<tr><td colspan='3'>Copyright 2008 Riverside Daily. All rights reserved.</td></tr></table></body></html>")
    doc = newsclean.clean(html, config=newsclean.Config(html_engine=engine))
    assert doc.meta.title == headline
    # A menu's item is a line of the page too, but too short beside the parts it would leave out.
    from newsclean.stages.title_parts import shown_part

    assert shown_part("Riverside Daily Online - Local News - Council approves", ["Local News"]).startswith("Riverside")
