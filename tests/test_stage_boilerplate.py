"""boilerplate stage: share and follow labels, newsletter prompts, copyright lines and separators,
removed wherever they stand on the page, each with its reason."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump, kept_lines

import newsclean
from newsclean import Stage
from newsclean.stages import mark_boilerplate

CASES = [
    ("Share", 'navigation or share label ("share")'),
    ("Tweet", 'navigation or share label ("tweet")'),
    ("WhatsApp", 'navigation or share label ("whatsapp")'),
    ("Advertisement", 'navigation or share label ("advertisement")'),
    ("Skip to main content", 'navigation or share label ("skip to main content")'),
    ("Share this article", 'boilerplate phrase ("share this article")'),
    ("Share on Facebook", 'boilerplate phrase ("share on facebook")'),
    ("Follow us on Instagram", 'boilerplate phrase ("follow us on")'),
    ("Sign up for our newsletter", 'boilerplate phrase ("sign up for our newsletter")'),
    ("Get the best stories delivered to your inbox", 'boilerplate phrase ("delivered to your inbox")'),
    ("Story continues below advertisement", 'boilerplate phrase ("story continues below")'),
    ("© 2025 Example News Ltd. All rights reserved.", "copyright line"),
    ("Copyright 2025 The Valley Courier", "copyright line"),
    ("* * *", "no words (a separator or symbols)"),
    ("----------", "no words (a separator or symbols)"),
    ("|", "no words (a separator or symbols)"),
]


@pytest.mark.parametrize(("line", "reason"), CASES)
@pytest.mark.parametrize("where", ["top", "inside", "bottom"])
def test_boilerplate_line_is_removed_wherever_it_stands(line: str, reason: str, where: str) -> None:
    lines = [HEADLINE, *BODY]
    at = {"top": 0, "inside": 3, "bottom": len(lines)}[where]
    lines.insert(at, line)
    doc, marks = apply(mark_boilerplate, dump(*lines))
    assert {n: (m.stage, m.reason) for n, m in marks.items()} == {at + 1: (Stage.BOILERPLATE, reason)}
    assert newsclean.clean(dump(*lines)).paragraphs == BODY


def test_every_kind_in_one_page() -> None:
    text = dump(
        "Share this article",
        "Follow us on Instagram",
        HEADLINE,
        BODY[0],
        BODY[1],
        "Advertisement",
        BODY[2],
        "Sign up for our newsletter",
        "* * *",
        BODY[3],
        BODY[4],
        "Share on Facebook",
        "Tweet",
        "© 2025 Example News Ltd. All rights reserved.",
    )
    doc, marks = apply(mark_boilerplate, text)
    assert {n: m.reason for n, m in marks.items()} == {
        1: 'boilerplate phrase ("share this article")',
        2: 'boilerplate phrase ("follow us on")',
        6: 'navigation or share label ("advertisement")',
        8: 'boilerplate phrase ("sign up for our newsletter")',
        9: "no words (a separator or symbols)",
        12: 'boilerplate phrase ("share on facebook")',
        13: 'navigation or share label ("tweet")',
        14: "copyright line",
    }
    assert kept_lines(doc) == [3, 4, 5, 7, 10, 11]


def test_article_sentences_with_share_and_follow_words_are_kept() -> None:
    body = [
        "Shareholders of the ferry company will vote next month on whether to sell two of its oldest "
        "vessels to an operator in the south.",
        "Investors who follow the company closely said the sale would help it pay for new ships that "
        "can use the shallower landing stages.",
    ]
    _, marks = apply(mark_boilerplate, dump(HEADLINE, *body, *BODY))
    assert marks == {}


def test_article_sentence_about_copyright_is_kept() -> None:
    body = [
        "Two of the country's largest newspaper publishers have settled a dispute over thousands of archive "
        "photographs that both had claimed the right to reprint.",
        "The copyright dispute between the two publishers had dragged on for nearly a decade, and lawyers on "
        "both sides said the settlement avoided a costly appeal.",
        "Under the agreement, the photographs will be placed in a shared digital archive that researchers and "
        "schools can use free of charge from next spring.",
    ]
    _, marks = apply(mark_boilerplate, dump("Publishers settle dispute over archive photographs", *body))
    assert marks == {}


def test_longer_newsletter_prompt_inside_the_body_is_removed() -> None:
    prompt = "Sign up for our morning newsletter and get the day's top stories delivered to your inbox."
    text = dump(HEADLINE, *BODY[:3], prompt, *BODY[3:])
    _, marks = apply(mark_boilerplate, text)
    assert marks[5].stage is Stage.BOILERPLATE
    assert newsclean.clean(text).paragraphs == BODY


@pytest.mark.parametrize("line", ["© 2024 Zeitung", "Copyrıght 2020 Société", "COPYRİGHT by Éditions", "ALL RİGHTS RESERVED — Ünïcode",
                                  "All rights reſerved. Médias", "(C) 2024 北京", "« Copyright » dispute in Zürich", "Alle Rechte vorbehalten ©",
                                  "Ｃopyright 2024 é", "Une phrase sans mention légale."])
def test_a_line_beyond_ascii_holds_a_notice_as_the_pattern_finds_it(line: str) -> None:
    # The substring gate before the case-insensitive search must not drop a notice the pattern finds.
    from newsclean.stages.boilerplate import COPYRIGHT, has_copyright

    assert has_copyright(line) == (COPYRIGHT.search(line[:500]) is not None)
