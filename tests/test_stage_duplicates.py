"""duplicate stage: exact and near copies of a paragraph are removed (the first occurrence stays),
whole repeated blocks go before the article is delimited, short subheadings are never collapsed alone."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st
from conftest import BODY, HEADLINE, apply, dump

import newsclean
from newsclean import DEFAULT_CONFIG, Removal, Stage
from newsclean.stages import mark_duplicates, mark_repeated_blocks
from newsclean.stages.duplicates import FoldedTexts, extend_runs, find_contained, find_copies, folded_texts, similarity


def only_copy(copy: str, after: int = 3) -> str:
    """The article with one copy of a paragraph placed after BODY[after] (lines: headline 1, BODY 2-6)."""
    return dump(HEADLINE, *BODY[: after + 1], copy, *BODY[after + 1 :])


def test_exact_repeat_of_a_paragraph() -> None:
    doc, marks = apply(mark_duplicates, only_copy(BODY[0]))
    assert marks == {6: Removal(Stage.DUPLICATE, "duplicate of line 2 (100%)", duplicate_of=2, score=100.0)}
    assert doc.paragraphs == BODY


def test_near_duplicate_with_one_changed_word() -> None:
    copy = BODY[1].replace("Monday", "Tuesday")
    doc, marks = apply(mark_duplicates, only_copy(copy))
    mark = marks[6]
    assert mark.stage is Stage.DUPLICATE and mark.duplicate_of == 3
    assert 90 <= mark.score < 100
    assert mark.reason == f"duplicate of line 3 ({mark.score:.0f}%)"
    assert doc.paragraphs == BODY


def test_whitespace_damaged_copy() -> None:
    copy = "Hydrologists measured the surface at 1.2 metres below itslong-term average on Monday,exposing wide mudflats along the southern shore."
    _, marks = apply(mark_duplicates, only_copy(copy))
    assert marks[6].stage is Stage.DUPLICATE and marks[6].duplicate_of == 3
    assert 90 <= marks[6].score < 100


def test_copy_differing_in_spacing_and_case_is_exact() -> None:
    copy = "  " + BODY[2].upper().replace(" ", "   \t ") + "   "
    _, marks = apply(mark_duplicates, only_copy(copy))
    assert marks == {6: Removal(Stage.DUPLICATE, "duplicate of line 4 (100%)", duplicate_of=4, score=100.0)}


def test_truncated_copy() -> None:
    copy = BODY[0][: len(BODY[0]) * 2 // 3]
    _, marks = apply(mark_duplicates, only_copy(copy))
    assert marks == {6: Removal(Stage.DUPLICATE, "duplicate of line 2 (100%)", duplicate_of=2, score=100.0)}


def test_short_subheading_repeated_in_two_places_is_not_collapsed() -> None:
    text = dump(HEADLINE, BODY[0], "Background", BODY[1], BODY[2], "Background", BODY[3], BODY[4])
    doc, marks = apply(mark_duplicates, text)
    assert marks == {}
    assert newsclean.clean(text).paragraphs == [BODY[0], "Background", BODY[1], BODY[2], "Background", BODY[3], BODY[4]]


def test_rows_of_a_table_that_differ_only_in_their_numbers_are_kept() -> None:
    # Rows of a table (a query's output, a timetable) are alike by design: each gives other
    # numbers, so none repeats another however high their text similarity.
    rows = [
        "station_id | measured_at | rain_mm | temperature | alert",
        "404 | 2021-03-01 17:59:00 | 0 | 0.13114754098360655738 | f",
        "500 | 2021-03-01 17:58:00 | 0 | 0.16393442622950819672 | f",
        "404 | 2021-03-01 17:58:00 | 0 | 0.13114754098360655738 | f",
        "400 | 2021-03-01 17:57:00 | 1 | 0.09836065573770491803 | t",
    ]  # fmt: skip
    doc, marks = apply(mark_duplicates, dump(HEADLINE, BODY[0], *rows, BODY[1]))
    assert marks == {}
    assert doc.paragraphs == [BODY[0], *rows, BODY[1]]


def test_a_paragraph_copied_with_a_number_damaged_is_still_a_copy() -> None:
    # A paragraph is told apart by its words, not by one number in it.
    copy = BODY[1].replace("1.2", "2.1")
    assert copy != BODY[1]
    _, marks = apply(mark_duplicates, only_copy(copy))
    assert marks[6].stage is Stage.DUPLICATE and marks[6].duplicate_of == 3


def test_different_paragraphs_on_the_same_topic_are_kept() -> None:
    other = "Ferry operators said they would restore services to the smaller islands as soon as the water rises again."
    _, marks = apply(mark_duplicates, only_copy(other))
    assert marks == {}


def test_whole_repeated_block_goes_before_the_article_is_delimited() -> None:
    repeat = [BODY[0], "Background", BODY[1], BODY[2]]
    text = dump(HEADLINE, BODY[0], "Background", *BODY[1:], *repeat, "Share")
    doc, marks = apply(mark_repeated_blocks, text)
    # lines: headline 1, BODY[0] 2, Background 3, BODY[1:] 4-7, the copy 8-11
    assert marks == {
        8: Removal(Stage.DUPLICATE, "duplicate of line 2 (100%)", duplicate_of=2, score=100.0),
        9: Removal(Stage.DUPLICATE, "duplicate of line 3 (100%)", duplicate_of=3, score=100.0),
        10: Removal(Stage.DUPLICATE, "duplicate of line 4 (100%)", duplicate_of=4, score=100.0),
        11: Removal(Stage.DUPLICATE, "duplicate of line 5 (100%)", duplicate_of=5, score=100.0),
    }
    assert newsclean.clean(text).paragraphs == [BODY[0], "Background", *BODY[1:]]


def test_repeated_block_with_one_damaged_line_is_one_block() -> None:
    damaged = BODY[1].replace("Monday", "Tuesday").replace("southern", "northern")
    text = dump(HEADLINE, *BODY, BODY[0], damaged, BODY[2], BODY[3])
    doc = newsclean.clean(text)
    assert doc.paragraphs == BODY
    assert [b.removal.duplicate_of for b in doc.blocks[6:]] == [2, 3, 4, 5]


def runs(lines: list[str]) -> dict[int, int]:
    """The copies a page's lines hold, found and extended over runs: position -> original."""
    folded = folded_texts(lines)
    copies = find_copies(folded, DEFAULT_CONFIG)
    copies.update(extend_runs(folded, copies, DEFAULT_CONFIG))
    return {pos: original for pos, (original, _) in copies.items()}


def test_paragraphs_between_the_prints_of_a_widget_are_no_damaged_copies() -> None:
    # A label printed between all paragraphs, and a photo's caption printed twice: the run
    # around the caption's copy repeats the label, and each paragraph between two of the
    # label's prints sits where a damaged line of a repeated run would.
    label, caption = "Story continues", "The dried-out shore near the northern ferry landing, in August."
    lines = [HEADLINE, BODY[0], label, BODY[1], label, caption, label, BODY[2], label, BODY[3], label, caption,
             label, BODY[4]]
    found = runs(lines)
    assert found[11] == 5 and 9 not in found  # BODY[3] is no damaged copy of BODY[1]
    doc = newsclean.clean(dump(*lines))
    assert all(paragraph in doc.paragraphs for paragraph in BODY)


def test_a_table_row_between_the_prints_of_a_repeated_cell_is_still_a_damaged_copy() -> None:
    # Rows "name / duration" with the same duration on every row, the table printed twice: a
    # row whose name changed inside the copy still belongs to the copied run.
    rows = ["tracking-consent-checkbox-analytics-and-performance", "eleven months",
            "tracking-consent-checkbox-functional-preferences", "eleven months",
            "tracking-consent-checkbox-necessary-for-the-site", "eleven months"]
    copy = [*rows[:2], "tracking-consent-checkbox-advertising-preferences", *rows[3:]]
    lines = [*BODY, *rows, "Cookie settings", *copy]
    first = len(BODY) + len(rows) + 1
    assert runs(lines).get(first + 2) == len(BODY) + 2


def test_two_copies_both_point_at_the_first_occurrence() -> None:
    text = dump(HEADLINE, BODY[0], BODY[1], BODY[0], BODY[2], BODY[3], BODY[0], BODY[4])
    doc = newsclean.clean(text)
    assert doc.paragraphs == BODY
    assert [(b.line, b.removal.duplicate_of) for b in doc.removed() if b.removal.stage is Stage.DUPLICATE] == [(4, 2), (7, 2)]


def test_later_paragraph_that_extends_an_earlier_one_loses_no_text() -> None:
    added = "The mayor said the vote showed that the city could still agree on what mattered most to residents."
    text = dump(HEADLINE, BODY[0], f"{BODY[0]} {added}", *BODY[1:])
    doc = newsclean.clean(text)
    assert any(added in paragraph for paragraph in doc.paragraphs)


@pytest.mark.parametrize(
    ("copy", "original", "low", "high"),
    [
        (BODY[0], BODY[0], 100, 100),
        (BODY[0][:60], BODY[0], 100, 100),  # a truncated copy keeps more than duplicate_min_truncated
        (BODY[0][:30], BODY[0], 0, 90),  # too short a head is no copy
        (BODY[1].replace("Monday", "Tuesday"), BODY[1], 90, 100),
        (BODY[2], BODY[3], 0, 60),
    ],
)
def test_similarity(copy: str, original: str, low: float, high: float) -> None:
    assert low <= similarity(copy, original, DEFAULT_CONFIG) <= high


# --- machine residue: the article glued into one line, a sentence said again -------------------


def test_the_article_again_as_one_long_line_repeats_its_lines() -> None:
    glued = " ".join(BODY)
    doc, marks = apply(mark_duplicates, dump(HEADLINE, *BODY, glued))
    assert marks == {7: Removal(Stage.DUPLICATE, "repeats lines 2-6", duplicate_of=2, score=100.0)}
    assert doc.paragraphs == BODY


def test_a_glued_line_before_the_article_goes_and_the_paragraphs_stay() -> None:
    glued = " ".join(BODY[:3])
    doc, marks = apply(mark_duplicates, dump(HEADLINE, glued, *BODY))
    assert marks == {2: Removal(Stage.DUPLICATE, "repeats lines 3-5", duplicate_of=3, score=100.0)}
    assert doc.paragraphs == BODY


def test_paragraphs_glued_with_no_space_and_a_cut_first_one_are_a_copy() -> None:
    # A script's copy of the article: its first paragraph cut short at the start, and each
    # paragraph's last stop right against the next one's first word ("...shore.Officials ...").
    glued = "".join([BODY[0][len(BODY[0]) // 2 :], *BODY[1:]])
    doc, marks = apply(mark_duplicates, dump(HEADLINE, *BODY, glued))
    assert marks == {7: Removal(Stage.DUPLICATE, "repeats lines 3-6", duplicate_of=3, score=100.0)}
    assert doc.paragraphs == BODY


def test_a_stop_glued_to_a_single_letter_is_no_sentence_end() -> None:
    from newsclean.stages.duplicates import sentences_spaced

    assert sentences_spaced("talks in the u.s.and abroad ended.then") == "talks in the u.s.and abroad ended. then"
    assert sentences_spaced("no glue here. none") == "no glue here. none"


@given(st.text(alphabet="ab1_ .!?é\n-", max_size=40))
def test_sentence_ends_are_parted_where_a_look_behind_reading_parts_them(text: str) -> None:
    # The pattern opens with the stop (fast to search for); it parts exactly the places the plain
    # reading does: two letters, a stop, a letter.
    import re

    from newsclean.stages.duplicates import sentences_spaced

    assert sentences_spaced(text) == re.sub(r"(?<=[^\W\d_]{2}[.!?])(?=[^\W\d_])", " ", text)


def test_a_paragraph_and_its_copy_never_name_each_other_as_the_original() -> None:
    # "<paragraph>0" above "<paragraph>" and "0": the second is a copy of the first, and the first
    # spells the next two lines glued together. Removing both (found by hypothesis) lost the text.
    doc, marks = apply(mark_duplicates, dump(HEADLINE, BODY[0] + "0", BODY[0], "0", *BODY[1:]))
    assert marks[3].duplicate_of == 2 and 2 not in marks
    assert doc.paragraphs[0] == BODY[0] + "0"


def test_a_glued_line_with_a_gap_still_repeats_the_lines_it_holds() -> None:
    glued = " ".join([BODY[0], "Share this", BODY[2], BODY[3]])
    _, marks = apply(mark_duplicates, dump(HEADLINE, *BODY, glued))
    assert marks[7].reason == "repeats lines 2-5" and marks[7].duplicate_of == 2


def test_a_pull_quote_said_again_in_a_paragraph_is_a_duplicate() -> None:
    quote = "Exposing wide mud flats along the southern shore."  # (case does not matter)
    doc, marks = apply(mark_duplicates, dump(HEADLINE, BODY[0], quote, *BODY[1:]))
    assert marks == {3: Removal(Stage.DUPLICATE, "said again in line 4", duplicate_of=4, score=100.0)}
    assert doc.paragraphs == BODY


@pytest.mark.parametrize(
    "line",
    [
        "Lake levels fall",  # a short heading whose words open a paragraph: too short to judge
        "the surface at 1.2 metres below its average",  # not the paragraph's words in a row
    ],
)
def test_short_lines_not_said_word_for_word_stay(line: str) -> None:
    _, marks = apply(mark_duplicates, dump(HEADLINE, *BODY[:2], line, *BODY[2:]))
    assert marks == {}


def _contained_by_scan(folded: FoldedTexts, taken: set[int]) -> dict[int, int]:
    """find_contained's answer the slow way: each short line against every earlier-indexed paragraph."""
    from newsclean.stages.duplicates import MIN_CONTAINED_WORDS, MIN_CONTAINER_WORDS, SHINGLE, SHINGLE_BUCKET

    holders: dict[str, list[int]] = {}
    for pos in range(len(folded)):
        words = folded[pos].split(" ")
        if len(words) >= MIN_CONTAINER_WORDS and pos not in taken:
            for i in range(len(words) - SHINGLE + 1):
                bucket = holders.setdefault(" ".join(words[i : i + SHINGLE]), [])
                if len(bucket) < SHINGLE_BUCKET and pos not in bucket:
                    bucket.append(pos)
    found = {}
    for pos in range(len(folded)):
        words = folded[pos].split(" ")
        if pos in taken or len(words) < MIN_CONTAINED_WORDS:
            continue
        for other in holders.get(" ".join(words[:SHINGLE]), []):
            if other != pos and len(folded[other]) >= 2 * len(folded[pos]) and f" {folded[pos]} " in f" {folded[other]} ":
                found[pos] = other
                break
    return found


def test_contained_lines_are_those_a_plain_scan_finds() -> None:
    # Indexing only the shingles a short line starts with finds what indexing them all finds.
    rng = random.Random(7)
    vocabulary = "the river rose over the old bridge and the town council met again on monday".split()
    for _ in range(30):
        lines = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(3, 30))) for _ in range(25)]
        lines += [" ".join(line.split(" ")[2:9]) for line in rng.sample(lines, 5)]  # pieces said again
        rng.shuffle(lines)
        folded = FoldedTexts(lines)
        taken = set(rng.sample(range(len(lines)), 3))
        assert find_contained(folded, taken) == _contained_by_scan(folded, taken)


WIDGET = ["Most read", "Travel", "Ten quiet beaches the locals keep to themselves", "By Ann Example",
          "Food", "The bakery that opens at four in the morning", "By Ben Sample"]


def test_a_block_of_headlines_printed_three_times_goes_with_its_first_print() -> None:
    text = dump(HEADLINE, BODY[0], *WIDGET, BODY[1], BODY[2], *WIDGET, BODY[3], *WIDGET, BODY[4])
    doc, marks = apply(mark_repeated_blocks, text)
    # lines: headline 1, BODY[0] 2, the first print 3-9: it goes too, not only its copies
    assert {line: mark.stage for line, mark in marks.items() if line <= 9} == dict.fromkeys(range(3, 10), Stage.BOILERPLATE)
    assert marks[3].reason == "a block printed 3 times down the page (a widget)"
    assert all(BODY[i] in doc.paragraphs for i in range(5))


def test_a_block_printed_twice_or_a_paragraph_printed_three_times_keeps_its_first_print() -> None:
    twice = dump(HEADLINE, BODY[0], *WIDGET, BODY[1], BODY[2], *WIDGET, BODY[3])
    assert not any(line <= 9 for line in apply(mark_repeated_blocks, twice)[1])
    # The article printed three times by a scraper fault: its sentences are no widget's lines.
    thrice = dump(HEADLINE, *BODY, *BODY, *BODY)
    marks = apply(mark_repeated_blocks, thrice)[1]
    assert min(marks) == 2 + len(BODY)  # lines 2-6, the first print, stay
