"""in_span stage: widgets left between the article's paragraphs (inline boxes, repeated widget
labels, captions ending with a credit) go; the article's own headings, lists and code stay."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from conftest import BODY, HEADLINE, apply, dump
from growth import GROWTH, GROWTH_LIMIT, growth

import newsclean
from newsclean import Removal, Stage, Verdict
from newsclean.rules import load_rules
from newsclean.stages import mark_in_span
from newsclean.model.features import line_features
from newsclean.stages.closing_box import WALL_ARTICLE_WORDS, closing_prompts, wall_box_below, without_asides
from newsclean.stages.in_span import credit_tail
from newsclean.stages.verdict import TEASER_MAX_WORDS


def test_an_inline_box_goes_with_its_headlines_up_to_the_next_paragraph() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "Related", "Ferry timetable cut for the summer", "Islanders fear for their jobs",
             BODY[2], BODY[3], BODY[4]]  # fmt: skip
    doc, marks = apply(mark_in_span, dump(*lines))
    assert marks == {
        4: Removal(Stage.BOILERPLATE, 'inline box label ("related")'),
        5: Removal(Stage.BOILERPLATE, 'in an inline box (under "Related")'),
        6: Removal(Stage.BOILERPLATE, 'in an inline box (under "Related")'),
    }
    assert doc.paragraphs[-3:] == BODY[2:]


def test_a_box_label_that_follows_no_paragraph_takes_nothing() -> None:
    # A column title in a table or a label among other short lines is no box.
    lines = [HEADLINE, BODY[0], "Results", "Related", "North shore", "South shore", BODY[1], BODY[2], BODY[3]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert 5 not in marks and 6 not in marks


def test_a_widget_label_printed_three_times_between_paragraphs_goes() -> None:
    lines = [HEADLINE, BODY[0], "Article content", BODY[1], "Article content", BODY[2], "Article content", BODY[3], BODY[4]]
    doc, marks = apply(mark_in_span, dump(*lines))
    assert set(marks) == {3, 5, 7}
    assert marks[3] == Removal(Stage.BOILERPLATE, "a widget label printed 3 times on the page")
    assert doc.paragraphs == BODY


def test_a_counted_button_printed_three_times_between_paragraphs_goes() -> None:
    # "View 6 Images" over each gallery: its number counts pictures, it dates nothing.
    lines = [HEADLINE, BODY[0], "View 6 Images", BODY[1], "View 6 Images", BODY[2], "View 6 Images", BODY[3], BODY[4]]
    doc, marks = apply(mark_in_span, dump(*lines))
    assert {n: m.reason for n, m in marks.items()} == dict.fromkeys((3, 5, 7), "a widget label printed 3 times on the page")
    assert doc.paragraphs == BODY


def test_a_date_printed_three_times_between_parts_stays() -> None:
    # A multi-part page's dates (a number and no call to action) are the article's own.
    lines = [HEADLINE, BODY[0], "March 25, 2015", BODY[1], "March 25, 2015", BODY[2], "March 25, 2015", BODY[3], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("widget" in m.reason for m in marks.values())


def test_a_widget_label_over_a_photos_caption_goes() -> None:
    # "Enlarge image" under a subheading and over the photo's caption: the paragraph stands past
    # the caption, not next to the label.
    # Captions that are no running text: few small words, no full stop.
    captions = [
        "Passengers waiting beside ferry terminal, southern shore, early Monday morning",
        "Dry mud flats below old harbour wall, northern bay, late June afternoon",
        "Farmer Jan Berg checking irrigation channel levels, Lakeside farm, last week",
    ]
    lines = [HEADLINE, BODY[0], "Ferries stop", "Enlarge image", captions[0], BODY[1], "Mud flats", "Enlarge image",
             captions[1], BODY[2], "Less water", "Enlarge image", captions[2], BODY[3], BODY[4]]  # fmt: skip
    _, marks = apply(mark_in_span, dump(*lines))
    assert {n for n, mark in marks.items() if "widget label" in mark.reason} == {4, 8, 12}


def test_a_widgets_second_label_goes_past_its_first() -> None:
    # "Exit full screen" by the paragraph above, "Full screen" under it and over a short caption.
    lines = [HEADLINE, BODY[0], "Exit full screen", "Full screen", "The harbour at dawn", BODY[1], "Exit full screen",
             "Full screen", "The mud flats", BODY[2], "Exit full screen", "Full screen", "A dry channel", BODY[3],
             BODY[4]]  # fmt: skip
    doc, _ = apply(mark_in_span, dump(*lines))
    assert [p for p in doc.paragraphs if "screen" in p] == []
    assert "The mud flats" in doc.paragraphs


def test_repeated_lines_of_code_past_a_long_line_of_code_stay() -> None:
    code = ["def find(table, name):", "// look the user up first",
            "result = lookup(table, name, default=None, strict=True, cache=False, retries=3)"]  # fmt: skip
    lines = [HEADLINE, BODY[0], *code, BODY[1], *code, BODY[2], *code, BODY[3]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert marks == {}


def test_repeated_short_lines_of_code_lists_and_tables_stay() -> None:
    code = ["SELECT name", "FROM stations", "SELECT name", "FROM stations", "SELECT name", "FROM stations"]
    items = ["* North shore", "* North shore", "* North shore"]
    _, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], *code, BODY[1], *items, BODY[2], BODY[3]))
    assert marks == {}


def test_a_heading_repeated_by_a_table_of_contents_stays() -> None:
    # Printed twice (contents and heading): the article's own structure, not a widget.
    lines = [HEADLINE, "Contents", "Water levels", "Ferries", BODY[0], "Water levels", BODY[1], BODY[2], "Ferries", BODY[3]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert marks == {}


@pytest.mark.parametrize(
    ("caption", "credit"),
    [
        ("Ferry passengers wait on the southern shore (Image: Getty)", "Image: Getty"),
        ("Die Fähre am Südufer des Sees. | Foto: Reuters", "Foto: Reuters"),
        ("El transbordador en la orilla sur del lago. / FOTO: Ana Ruiz", "FOTO: Ana Ruiz"),  # a slash between spaces
        ("Mud flats have spread along the southern shore of the lake since the start of June.Bild: Jane Doe/dpa",
         "Bild: Jane Doe/dpa"),
        ("Ferry passengers wait on the southern shore of the lake. [Photo = Harbour Office]", "Photo = Harbour Office"),
        ("Ferry passengers wait on the southern shore of the lake. Photo by JANE DOE /Harbour Office", "Photo by JANE DOE /Harbour Office"),
    ],
)
def test_a_caption_that_ends_with_a_credit_goes(caption: str, credit: str) -> None:
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], caption, *BODY[2:]))
    assert marks == {4: Removal(Stage.BOILERPLATE, f'photo caption (ends with the credit "{credit}")')}
    assert doc.paragraphs == BODY


def test_a_sentence_that_ends_with_two_ordinary_words_and_a_name_stays() -> None:
    text = "The ferry left on time. Operated by Harbour Lines"
    assert credit_tail(text, load_rules(())) is None and credit_tail("The lake fell. Photo by Jane Doe", load_rules(())) is not None


def test_sentences_that_end_with_a_colon_phrase_stay() -> None:
    sentences = [
        "The mayor gave the ferry operators one instruction on Monday: keep the islands connected.",
        "Asked about the cost, the minister had a short answer: it will be paid.",
        "The report on the lake rests on a single source: a memo from the water board",
    ]
    _, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], sentences[0], BODY[1], sentences[1], BODY[2], sentences[2], BODY[3]))
    assert marks == {}


def test_a_sign_up_widget_goes_whole_between_its_prompts() -> None:
    widget = ["Sign In or Create an Account", "Enjoy additional articles per month.", "View more offers"]
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *widget, *BODY[2:]))
    assert set(marks) == {4, 5, 6}
    assert marks[5].reason == 'a sign-up or subscription widget (prompts "Sign In or Create an Account" to "View more offers")'
    assert doc.paragraphs == BODY


def test_a_sign_up_forms_messages_between_prompts_further_apart_go() -> None:
    # Four lines between the prompts, two of them sentences: the form's messages.
    form = ["Thanks for signing up!", "A welcome email is on its way.", "Check your junk folder if it does not arrive.",
            "Something went wrong", "Lake Weekly", "Subscribe to Lake Weekly for free"]  # fmt: skip
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *form, *BODY[2:]))
    assert set(marks) == set(range(4, 10))
    assert doc.paragraphs == BODY


def test_a_subscription_boxs_offer_list_between_its_prompts_goes() -> None:
    # Five offer lines, one of them 25 words long, between the box's two prompts six lines apart.
    box = ["Subscribe now to read the latest news from the lakes.", "Unlimited digital access to the Lake Courier.",
           "Analysis of everything on the water by our reporters, columnists, photographers and others, with award-winning "
           "newsletters, virtual events and a weekly lake quiz.",
           "A chance to engage with our commenting community.", "The Lake Courier ePaper.", "The Lake Courier App.",
           "Subscribe now to unlock more articles"]  # fmt: skip
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *box, *BODY[2:]))
    assert set(marks) == set(range(4, 11))
    assert doc.paragraphs == BODY


def test_a_sign_up_boxs_message_and_button_go_when_its_label_went_before() -> None:
    # "Newsletter" and "Enter your email" go as labels before this stage; the box's message and its
    # button (a call to action) between the article's paragraphs stayed.
    box = ["Newsletter", "The Lake Letter: the week on the water, every Friday at noon.", "Join now"]
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *box, *BODY[2:]))
    assert set(marks) == {5, 6}
    assert marks[6].reason == 'a sign-up or subscription widget (prompts "Newsletter" to "Join now")'
    assert doc.paragraphs == BODY
    box = ["Sign up for our Lake Weekly newsletter", "Get the week's water news every Friday.", "Enter your email"]
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *box, *BODY[2:]))
    assert set(marks) == {5} and doc.paragraphs == BODY


def test_a_short_paragraph_between_two_removed_share_labels_stays() -> None:
    # Two prompts an earlier stage removed make no widget of the article's short paragraph between
    # them (no call to action: a kept prompt is what the widget needs).
    short = "The last ferry of the summer left the harbour on Sunday."
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], "Share", short, "Share this article", *BODY[1:]))
    assert marks == {}


def test_lines_of_code_between_two_look_alike_prompts_stay() -> None:
    # SQL's "ORDER BY" reads like a call to action; the lines between are no sentences.
    query = ["ORDER BY period", "ROWS BETWEEN 60 PRECEDING AND CURRENT ROW", "SELECT level", "FROM lake_levels",
             "WHERE station_name", "ORDER BY period DESC"]  # fmt: skip
    _, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *query, *BODY[2:]))
    assert not {5, 6, 7, 8} & set(marks)


def test_one_imperative_sentence_of_a_how_to_stays() -> None:
    steps = ["Download the water board's app before you travel to the islands.", BODY[2]]
    _, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *steps, BODY[3], BODY[4]))
    assert marks == {}


def test_a_toolbar_row_goes() -> None:
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], "Facebook Twitter", *BODY[2:]))
    assert marks == {4: Removal(Stage.BOILERPLATE, "a toolbar (share or navigation labels run together)")}


def test_a_subscription_box_headed_by_a_walls_prompt_goes_whole() -> None:
    # A paywalled article carries the wall's box between its paragraphs: its heading is the
    # wall's prompt (a page-kind phrase), no call to action; a sign-up prompt closes it.
    box = ["This content is reserved for subscribers only", "Unlimited digital access.", "Sign In or Create an Account"]
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *box, *BODY[2:]))
    assert set(marks) == {4, 5, 6}
    assert doc.paragraphs == BODY
    # Below the last paragraph the wall's prompt is the wall itself: the verdict's to judge (its
    # own sentence below it, "Subscribe to continue reading ...", is no paragraph of the article).
    wall = ["This article is for subscribers only.", "Subscribe to continue reading and get access to every story.", "Sign in"]
    _, marks = apply(mark_in_span, dump(HEADLINE, *BODY, *wall))
    assert 2 + len(BODY) not in marks


def test_a_line_printed_three_times_in_a_row_goes_every_copy() -> None:
    # A slideshow's title over each of its slides.
    slides = ["Storm closes the coast road"] * 4
    lines = [HEADLINE, BODY[0], BODY[1], *slides, BODY[2], BODY[3], BODY[4]]
    doc, marks = apply(mark_in_span, dump(*lines))
    assert {n: m.reason for n, m in marks.items()} == {n: "a line printed 4 times in a row" for n in range(4, 8)}
    assert doc.paragraphs == BODY


def test_a_line_printed_twice_in_a_row_or_code_repeated_stays() -> None:
    lines = [HEADLINE, BODY[0], "Storm closes the coast road", "Storm closes the coast road", BODY[1],
             "});", "});", "});", BODY[2], BODY[3], BODY[4]]  # fmt: skip
    _, marks = apply(mark_in_span, dump(*lines))
    assert marks == {}


def test_a_pager_of_numbers_in_a_row_goes() -> None:
    lines = [HEADLINE, BODY[0], BODY[1], "1", "2", "3", "4", "5", BODY[2], BODY[3], BODY[4]]
    doc, marks = apply(mark_in_span, dump(*lines))
    assert {n: m.reason for n, m in marks.items()} == {n: "a pager (numbers 1 to 5 in a row)" for n in range(4, 9)}
    assert doc.paragraphs == BODY


def test_numbers_that_do_not_count_up_by_one_stay() -> None:
    # Years of a timeline, scores: bare numbers, but no pager.
    lines = [HEADLINE, BODY[0], BODY[1], "2019", "2021", "2023", BODY[2], "3", "1", "2", BODY[3], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert marks == {}


def test_digits_that_are_no_decimal_numbers_are_no_pager() -> None:
    # "²" and "₀" are digits to str.isdigit but no number int() reads: a line of them stays, and
    # the stage does not fail on it.
    lines = [HEADLINE, BODY[0], BODY[1], "²", "₀", "³", BODY[2], BODY[3], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("pager" in m.reason for m in marks.values())


def test_links_ending_with_one_note_go() -> None:
    # A box of job offers, each link with the site's "(opens in a new window)".
    offers = [
        "Harbour master (m/f/d) Lake Port Authority (opens in a new window)",
        "Ferry engineer (m/f/d) Island Shipping Company (opens in a new window)",
        "Hydrologist for water levels (m/f/d) Regional Water Board (opens in a new window)",
    ]
    lines = [HEADLINE, BODY[0], BODY[1], "Jobs", *offers, BODY[2], BODY[3], BODY[4]]
    doc, marks = apply(mark_in_span, dump(*lines))
    note = 'a link ending with a note that 3 lines of the page end with ("opens in a new window")'
    assert {n: m.reason for n, m in marks.items() if n > 4} == {5: note, 6: note, 7: note}
    assert doc.paragraphs[-3:] == BODY[2:]


def test_notes_after_a_sentence_or_with_a_number_stay() -> None:
    # A reviewer's initials after each paragraph's full stop, prices after each product.
    initials = [f"{paragraph} (J.D.)" for paragraph in BODY[:3]]
    prices = ["Lake Explorer kayak ($20)", "Shore Walker boots ($20)", "Dry Bag Pro ($20)"]
    lines = [HEADLINE, *initials, *prices, BODY[3], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert marks == {}


def test_a_tables_rows_ending_with_one_cell_value_stay() -> None:
    rows = ["404 | 2021-03-01 17:59:00 | 0 | high", "500 | 2021-03-01 17:58:00 | 1 | high", "404 | 2021-03-01 17:57:00 | 0 | high"]
    lines = [HEADLINE, BODY[0], BODY[1], *rows, BODY[2], BODY[3]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert marks == {}


def test_a_list_of_people_each_with_their_party_stays() -> None:
    # A one-word note that only the article's own lines end with is the article's.
    members = ["Anna Berg (Greens)", "Tom Lund (Greens)", "Mira Holm (Greens)"]
    lines = [HEADLINE, BODY[0], BODY[1], "The committee:", *members, BODY[2], BODY[3]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert marks == {}


def test_one_word_link_notes_printed_outside_the_article_too_go() -> None:
    teasers = ["Ferry timetable cut for the summer | more", "Islanders fear for their jobs | more"]
    menu = ["Weather warnings for the weekend | more", "Water prices to rise next year | more"]
    lines = [*menu, HEADLINE, BODY[0], BODY[1], *teasers, BODY[2], BODY[3], BODY[4]]
    doc, _ = apply(mark_in_span, dump(*lines))
    assert not any(p.endswith("| more") for p in doc.paragraphs)


def test_captions_each_ending_with_the_photographers_name_stay() -> None:
    # A credit is a name, not a link's note: some golds keep captions with their credits.
    captions = ["Mud flats by the harbour wall (Jane Doe)", "Dry irrigation channel near the farm (Jane Doe)",
                "Ferry landing stage out of reach (Jane Doe)"]  # fmt: skip
    lines = [HEADLINE, BODY[0], BODY[1], captions[0], BODY[2], captions[1], BODY[3], captions[2], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert not any("link" in mark.reason for mark in marks.values())


def test_a_videos_length_and_the_title_under_it_go() -> None:
    # A player between two paragraphs: its date and length, then the video's title.
    lines = [HEADLINE, BODY[0], BODY[1], "Weather 05.08.2024 02:43 min", "Ferry service cut as lake drops",
             BODY[2], "4 min read", "What the drought means for farmers?", BODY[3], BODY[4]]  # fmt: skip
    doc, marks = apply(mark_in_span, dump(*lines))
    assert {n: m.reason for n, m in marks.items()} == {
        4: "a media length or reading time",
        5: 'the title under a media length ("Weather 05.08.2024 02:43 min")',
        7: "a media length or reading time",
    }
    assert doc.paragraphs[:3] == BODY[:3] and doc.paragraphs[-2:] == BODY[3:]


def test_minutes_inside_a_phrase_a_list_or_a_recipes_times_stay() -> None:
    # A recipe's times are two lengths in a row; a video's or a reading's stands alone.
    for minutes in (["Ferry crossing takes 50 min"], ["(documentary, 50 min, Arte)"], ["- Bake: 20 min"],
                    ["Prep time 15 min", "Total time 45 min."],
                    ["Dependency install: 14 min", "Docker image build: 11 min", "Unit tests: 9 min"]):  # fmt: skip
        doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *minutes, BODY[2], BODY[3], BODY[4]))
        assert marks == {} and all(block.kept for block in doc.blocks[1:])


def test_a_players_bare_clock_length_and_its_title_go() -> None:
    # A video box between paragraphs: its length as a bare clock reading, its title below it; an
    # audio box whose title stands above its length, running text below; a box with its age.
    boxes = (["01:53", "Ferry service cut as lake drops"], ["Farmers count the cost of the dry summer", "45:47"],
             ["Islanders fear for their jobs", "2 hours ago", "Duration 12:38"])  # fmt: skip
    reasons = (
        {4: "a media length (a clock reading alone on its line)", 5: 'the title under a media length ("01:53")'},
        {4: 'the title over a media length ("45:47")', 5: "a media length (a clock reading alone on its line)"},
        {
            4: 'the title over a media length ("Duration 12:38")',
            5: 'the date over a media length ("Duration 12:38")',
            6: "a media length (a clock reading alone on its line)",
        },
    )
    for box, expected in zip(boxes, reasons):
        doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *box, BODY[2], BODY[3], BODY[4]))
        assert {n: m.reason for n, m in marks.items()} == expected
        assert doc.paragraphs == BODY


def test_a_schedules_times_a_score_and_a_time_in_a_sentence_stay() -> None:
    # Clock lines close together are a programme's times; "2:1" is a score, not minutes and seconds.
    for times in (["14:30", "Opening talk", "15:00", "Lunch"], ["Final score", "2:1"], ["The doors open at 19:30."]):
        doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], *times, BODY[2], BODY[3], BODY[4]))
        assert marks == {} and all(block.kept for block in doc.blocks[1:])


def test_a_video_teasers_blurb_ending_with_its_date_and_length_goes() -> None:
    # The blurb is a sentence; what follows it on the line (a date and a length) is the player's.
    blurb = "Boats lie stranded on the mud flats as the lake keeps falling. 18.04.2024 | 0:21 min"
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], blurb, BODY[2], BODY[3], BODY[4]))
    assert {n: m.reason for n, m in marks.items()} == {4: "a video's blurb (its date and length after its last sentence)"}
    assert doc.paragraphs == BODY


def test_a_paragraph_that_names_a_length_or_a_date_stays() -> None:
    for text in ("The ferry crossing, last timed on 18.04.2024, took 21 min.", "The film was shown on 18.04.2024 | 50 min"):
        doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], text, BODY[2], BODY[3], BODY[4]))
        assert not any("blurb" in m.reason for m in marks.values())


CLOSING_BOX = "a box of prompts below the article's last paragraph"


@pytest.mark.parametrize(
    "box",
    [
        ["Would you like to comment on this article?", "Sign up (it is quick and free) or sign in now."],  # a question, then its call
        ["Enjoyed this story?"],  # a question put to the reader
        ["Sign up for our daily newsletter to receive the best stories from the Courier every morning."],  # a boilerplate phrase
    ],
)
def test_a_box_of_prompts_ending_the_article_goes(box: list[str]) -> None:
    lines = [HEADLINE, *BODY, *box]
    doc, marks = apply(mark_in_span, dump(*lines))
    first = len(lines) - len(box) + 1
    assert marks == {line: Removal(Stage.BOILERPLATE, CLOSING_BOX) for line in range(first, len(lines) + 1)}
    assert doc.paragraphs == BODY


@pytest.mark.parametrize(
    "ending",
    [
        ["Read the full survey of the lake's shores here."],  # a call to action alone: the article's own
        ["What happens next?", "The water board meets on Friday to decide how much each farm may draw."],
        ['"Where is the water going?"'],  # a quoted question
    ],
)
def test_the_article_s_own_last_lines_stay(ending: list[str]) -> None:
    lines = [HEADLINE, *BODY, *ending]
    _, marks = apply(mark_in_span, dump(*lines))
    assert marks == {}


def test_a_label_over_a_closing_question_goes_with_it() -> None:
    rules = load_rules(())
    texts = [*BODY, "Pay once", "Spotted a mistake in this story?"]
    lines = [line_features(text, rules.stopwords["en"]) for text in texts]
    assert closing_prompts(lines, texts, rules) == {5: CLOSING_BOX, 6: CLOSING_BOX}
    # Without a question or a boilerplate phrase below it, a label is the article's (its last heading).
    assert closing_prompts(lines[:-1], texts[:-1], rules) == {}


# An article of about 330 words (above the verdict's teaser length), each paragraph three of BODY's.
LONG_BODY = [" ".join((BODY[i], BODY[(i + 1) % 5], BODY[(i + 2) % 5])) for i in range(5)]
WALL_BOX = [
    "The rest of this article is for subscribers only.",
    "You are reading on another device.",
    "Why am I seeing this message?",
    "Someone else (or you) is reading with this account on another screen at the same time.",
    "Read on this device",
]


def test_a_wall_s_box_below_the_article_s_text_goes() -> None:
    doc = newsclean.clean(dump(HEADLINE, *LONG_BODY, *WALL_BOX))
    reason = f'a wall\'s box below the article\'s text (from its prompt "{WALL_BOX[0][:40]}")'
    removed = {b.line: b.removal.reason for b in doc.blocks if b.removal is not None and b.line > 6}
    assert set(removed) == {7, 8, 9, 10, 11}  # (the span ends above the last two)
    assert {removed[line] for line in (7, 8, 9)} == {reason}
    assert doc.paragraphs == LONG_BODY
    assert doc.verdict is Verdict.ARTICLE


@pytest.mark.parametrize(
    ("body", "below"),
    [
        (LONG_BODY, [BODY[0] + " " + BODY[1]]),  # a paragraph below the prompt: the page ships the whole text
        (BODY[:3], WALL_BOX[1:]),  # a short teaser above the prompt: the verdict's to judge
    ],
)
def test_a_wall_prompt_with_the_article_or_a_teaser_keeps_the_lines_below(body: list[str], below: list[str]) -> None:
    texts = [*body, WALL_BOX[0], *below]
    rules = load_rules(())
    lines = [line_features(text, rules.stopwords["en"]) for text in texts]
    assert wall_box_below(lines, texts, rules) == {}


def test_the_article_above_a_wall_is_as_long_as_the_verdict_s_longest_teaser() -> None:
    assert WALL_ARTICLE_WORDS == TEASER_MAX_WORDS


def test_headlines_under_a_box_label_the_boilerplate_stage_removed_go() -> None:
    # "Read More" goes as a navigation label before this stage; its box's headlines stayed.
    lines = [HEADLINE, BODY[0], BODY[1], "Read More", "Ferry timetable cut for the summer", "Islanders fear for their jobs",
             BODY[2], BODY[3], BODY[4]]  # fmt: skip
    doc, marks = apply(mark_in_span, dump(*lines))
    assert marks == dict.fromkeys((5, 6), Removal(Stage.BOILERPLATE, 'in an inline box (under "Read More")'))
    assert doc.paragraphs == BODY


@pytest.mark.parametrize(
    "label",
    [
        "Read more: Ferry operators count the cost of a dry summer",  # a link line, no box's label
        "Advertisement",  # no end-of-article label
    ],
)
def test_lines_under_other_removed_lines_stay(label: str) -> None:
    lines = [HEADLINE, BODY[0], BODY[1], label, "Ferry timetable cut for the summer", "Islanders fear for their jobs",
             BODY[2], BODY[3], BODY[4]]  # fmt: skip
    _, marks = apply(mark_in_span, dump(*lines))
    assert 5 not in marks and 6 not in marks


DE_HEADLINE = "Pegel des Sees fällt nach trockenem Sommer auf Rekordtief"
DE_BODY = [
    "Der Wasserstand des größten Sees im Land ist so tief gefallen wie nie seit Beginn der Messungen, "
    "nachdem im Sommer nicht einmal die Hälfte des üblichen Regens gefallen war, wie das Landesamt am Montag mitteilte.",
    "Die Hydrologen maßen die Oberfläche am Montag 1,2 Meter unter dem langjährigen Mittel, am Südufer "
    "liegen seither breite Schlammflächen frei, die Spaziergänger bis weit hinaus betreten.",
    "Die Fähren zu zwei der kleineren Inseln fahren seit vergangener Woche nicht mehr, weil die Anleger "
    "bei diesem Pegel nicht mehr sicher erreicht werden können und Ersatz fehlt.",
    "Die Gemeinden am See fürchten nun um den Tourismus, der im Sommer die meisten Arbeitsplätze in der "
    "Region stellt, und fordern vom Land rasche Hilfe für die Betriebe am Ufer.",
    "Ob der Herbst genug Regen bringt, um den Pegel wieder steigen zu lassen, können die Fachleute des "
    "Wetterdienstes nach eigenen Angaben derzeit noch nicht sagen, sie rechnen mit Monaten.",
]


def test_headlines_under_a_removed_read_on_label_go() -> None:
    # "Lesen Sie auch" ("Read also") is a boilerplate phrase that opens with a call to action, no end
    # marker; the boilerplate stage removes it before this stage, and its box's headlines stayed.
    lines = [DE_HEADLINE, DE_BODY[0], DE_BODY[1], "Lesen Sie auch", "Fährplan für den Sommer gekürzt",
             "Inselbewohner bangen um ihre Arbeit", DE_BODY[2], DE_BODY[3], DE_BODY[4]]  # fmt: skip
    doc, marks = apply(mark_in_span, dump(*lines))
    assert marks == dict.fromkeys((5, 6), Removal(Stage.BOILERPLATE, 'in an inline box (under "Lesen Sie auch")'))
    assert doc.paragraphs == DE_BODY


@pytest.mark.parametrize(("text", "plain"), [
    ("Sign up (it's quick and free) or sign in now.", "Sign up or sign in now."),
    ("Call f() or f(2) or g(a=1)", "Call f() or f(2) or g(a=1)"),  # code's brackets stay
    ("Read (more (here)) now", "Read (more) now"),  # the inner aside only
    ("An open (aside with no end", "An open (aside with no end"),
])
def test_asides_in_brackets_that_hold_a_letter_go(text: str, plain: str) -> None:
    assert without_asides(text) == plain


def test_an_unclosed_bracket_on_a_long_last_line_is_read_once() -> None:
    # The aside pattern with its letter between two runs retried every split of them on an
    # unclosed bracket: 8x the line took about 64x the time (80,000 characters: 8 s).
    ratio = growth(lambda size: without_asides("(" + "word " * (size // 5)), 40_000)
    assert ratio < GROWTH_LIMIT, f"{GROWTH}x the line took {ratio:.0f}x the time"


@given(st.text(alphabet="ab (|»›)é.1", max_size=80))
def test_a_link_note_needs_a_bracket_or_a_bar_near_the_line_end(text: str) -> None:
    # link_note turns away a line with no ")" nor bar in its last LINK_NOTE_CHARS before the
    # search: the pattern finds no note in such a line.
    from newsclean.stages.in_span import LINK_NOTE, LINK_NOTE_CHARS

    offset = max(0, len(text) - LINK_NOTE_CHARS)
    if LINK_NOTE.search(text, offset) is not None:
        assert any(mark in text[offset:] for mark in ")|»›")
