"""error_page stage: an error, block, bot-check, consent or "enable JavaScript" preamble glued above
the article is removed; a page that is nothing else gets the error_page verdict."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump, kept_lines

import newsclean
from newsclean import Stage, Verdict
from newsclean.stages import decide_verdict, mark_error_page

PREAMBLES = {
    "not found": (
        ["404", "Page not found", "The page you requested could not be found."],
        ['error page text ("404")', 'error page text ("page not found")', 'error page text ("page you requested")'],
    ),
    "access denied": (
        [
            "Access denied",
            "You do not have permission to access this resource on this server.",
            "Reference #18.4f2c1702.1730123456.2b7e9a",
        ],
        ['error page text ("access denied")', 'error page text ("you do not have permission")', 'error page text ("reference")'],
    ),
    "bot check": (
        [
            "Just a moment...",
            "Checking if the site connection is secure",
            "news.example.com needs to review the security of your connection before proceeding.",
            "Ray ID: 8d9f2a1b3c4e5f60",
            "Performance & security by Cloudflare",
        ],
        [
            'error page text ("just a moment")',
            'error page text ("checking if the site connection is secure")',
            'error page text ("review the security of your connection")',
            'error page text ("ray id")',
            'error page text ("performance security by")',
        ],
    ),
    "cookie wall": (
        [
            "We value your privacy",
            "We and our partners use cookies to store and access information on your device for personalised ads and content.",
            "Accept all",
            "Reject all",
            "Manage preferences",
        ],
        [
            'error page text ("we value your privacy")',
            'error page text ("and our partners")',
            'error page text ("accept all")',
            'error page text ("reject all")',
            'error page text ("manage preferences")',
        ],
    ),
    "enable javascript": (
        ["You need to enable JavaScript to run this app."],
        ['error page text ("enable javascript")'],
    ),
}


@pytest.mark.parametrize("kind", PREAMBLES)
def test_preamble_above_an_article_is_removed_and_the_article_kept(kind: str) -> None:
    preamble, reasons = PREAMBLES[kind]
    doc, marks = apply(mark_error_page, dump(*preamble, HEADLINE, *BODY))
    assert {line: (m.stage, m.reason) for line, m in marks.items()} == {
        i: (Stage.ERROR_PAGE, reason) for i, reason in enumerate(reasons, start=1)
    }
    headline = len(preamble) + 1
    assert kept_lines(doc) == list(range(headline, headline + 1 + len(BODY)))


@pytest.mark.parametrize("kind", PREAMBLES)
def test_preamble_above_an_article_through_the_pipeline(kind: str) -> None:
    preamble, _ = PREAMBLES[kind]
    doc = newsclean.clean(dump(*preamble, HEADLINE, *BODY))
    assert doc.verdict is Verdict.ARTICLE
    assert doc.meta.title == HEADLINE
    assert doc.paragraphs == BODY


def test_a_line_between_two_error_lines_goes_with_the_preamble() -> None:
    text = dump("Access denied", "news.example.com", "You have been blocked from this website.", HEADLINE, *BODY)
    _, marks = apply(mark_error_page, text)
    assert {line: m.reason for line, m in marks.items()} == {
        1: 'error page text ("access denied")',
        2: "inside an error-page preamble",
        3: 'error page text ("you have been blocked")',
    }


def test_server_signature_under_the_message_belongs_to_it() -> None:
    _, marks = apply(mark_error_page, dump("403 Forbidden", "nginx", HEADLINE, *BODY))
    assert {line: m.reason for line, m in marks.items()} == {
        1: 'error page text ("403 forbidden")',
        2: "inside an error-page preamble",
    }


def test_sorry_line_of_a_404_preamble_is_removed() -> None:
    text = dump("404", "Page not found", "Sorry, the page you are looking for does not exist or has been moved.", HEADLINE, *BODY)
    doc, marks = apply(mark_error_page, text)
    assert set(marks) == {1, 2, 3}
    assert all(m.stage is Stage.ERROR_PAGE for m in marks.values())
    assert newsclean.clean(text).paragraphs == BODY


def test_error_text_far_below_the_top_is_no_preamble() -> None:
    text = dump(HEADLINE, *BODY[:3], "Page not found", *BODY[3:])
    _, marks = apply(mark_error_page, text)
    assert marks == {}


def test_article_paragraph_that_mentions_an_error_is_kept() -> None:
    body = [
        "An airline grounded its entire fleet for three hours on Friday morning after a software error "
        "in its booking system stopped crews from receiving their flight plans.",
        "The company said the error had been traced to an update installed overnight, and that engineers "
        "had rolled it back before the first departures of the afternoon.",
        "Sorry was the word most passengers heard at the check-in desks, where queues stretched out of the "
        "terminal and several hundred people missed their connecting flights.",
        "A spokesperson apologised for the disruption and said travellers could rebook without charge or "
        "claim a refund through the airline's website.",
    ]
    text = dump("Airline grounds fleet for three hours", *body)
    _, marks = apply(mark_error_page, text)
    assert marks == {}
    doc = newsclean.clean(text)
    assert doc.verdict is Verdict.ARTICLE
    assert doc.paragraphs == body


# --- the whole page is an error page (decided by the verdict stage) ----------------------------


def test_page_that_is_only_an_error_page() -> None:
    text = dump(
        "Home",
        "News",
        "Sport",
        "404",
        "Page not found",
        "The page you requested could not be found. It may have been moved or deleted.",
        "Return to the homepage",
        "© 2025 Example News Ltd",
    )
    doc, marks = apply(decide_verdict, text)
    assert doc.verdict is Verdict.ERROR_PAGE
    assert doc.paragraphs == []
    assert marks[6] == newsclean.Removal(Stage.ERROR_PAGE, 'error page: page not found ("404", no running text besides it)')
    assert doc.page_kind is newsclean.PageKind.NOT_FOUND
    assert newsclean.to_text(newsclean.clean(text)) == ""


def test_access_denied_page_with_a_403_header() -> None:
    text = dump(
        " date 2025-10-28 403",
        "Access Denied",
        'You don\'t have permission to access "http://news.example.com/climate/lake-levels" on this server.',
        "Reference #18.4f2c1702.1730123456.2b7e9a",
    )
    doc = newsclean.clean(text)
    assert doc.verdict is Verdict.ERROR_PAGE
    assert doc.paragraphs == []
    assert doc.meta.status == 403
    assert [b.removal.stage for b in doc.blocks] == [Stage.HEADER, *[Stage.ERROR_PAGE] * 3]


def test_thin_body_beside_an_error_status_is_an_error_page() -> None:
    doc = newsclean.clean(dump(" status 503", "Service temporarily unavailable.", "Please try again in a few minutes."))
    assert doc.verdict is Verdict.ERROR_PAGE
    assert doc.paragraphs == []


def test_403_status_with_a_real_article_is_an_article() -> None:
    doc = newsclean.clean(dump(" date 2025-10-28 403", HEADLINE, *BODY))
    assert doc.meta.status == 403
    assert doc.verdict is Verdict.ARTICLE
    assert doc.paragraphs == BODY
    assert not any(b.removal.stage is Stage.ERROR_PAGE for b in doc.removed())


# A made-up site: its menus, lists of other stories, and a short article (a headline over a
# 30-word paragraph) between them.
SECTIONS = ["World", "Politics", "Business", "Markets", "Science", "Health", "Travel", "Food",
            "Style", "Sport", "Culture", "Books", "Music", "Film", "Opinion", "Weather"]  # fmt: skip
TOPICS = ["river", "harbour", "orchard", "bridge", "library", "stadium", "market", "museum", "railway", "school", "garden", "forest"]
SHORT_ARTICLE = [
    "Volunteers repaint the lighthouse on the northern cape",
    "Forty volunteers spent the weekend scraping and repainting the lighthouse, which had not been painted"
    " since 1998, and the town council paid for the paint and the scaffolding.",
]
FORBIDDEN = ["403 Forbidden", "You don't have permission to access this resource.", "nginx"]


def other_stories(start: int) -> list[str]:
    verbs = ["changed", "closed", "reopened", "grew"]
    # Title-cased headlines with a full stop, as some sites write them.
    return [f"Why The Old {TOPICS[(start + k) % 12].title()} In Town {verbs[k % 4].title()} After {start + k + 3} Years." for k in range(12)]


def whole_page(*below_end: str) -> list[str]:
    """The site's page around the short article, with `below_end` after its end marker."""
    return [*SECTIONS, *other_stories(0), *SECTIONS[::-1], *other_stories(5), "By Anna Berg", "Staff writer",
            *SHORT_ARTICLE, "Next Post", *other_stories(9), *SECTIONS, "About", "Contact", "Privacy", "Terms", *below_end]


def test_a_short_article_under_a_glued_403_preamble_is_kept() -> None:
    # The fetch's 403 text sits above a whole page: its "403 Forbidden" says nothing of the page below.
    doc = newsclean.clean(dump(*FORBIDDEN, *whole_page()))
    assert doc.verdict is Verdict.ARTICLE
    assert SHORT_ARTICLE[1] in doc.paragraphs
    assert [b.removal.stage for b in doc.blocks[:3] if b.removal] == [Stage.ERROR_PAGE] * 3


def test_a_sign_in_box_below_the_end_marker_does_not_make_an_error_page() -> None:
    doc = newsclean.clean(dump(*FORBIDDEN, *whole_page("Sign in", "Remember me", "Additional Verification Required", "Forgot your password?")))
    assert doc.verdict is Verdict.ARTICLE
    assert SHORT_ARTICLE[1] in doc.paragraphs


def test_a_403_page_with_a_little_site_chrome_stays_an_error_page() -> None:
    doc = newsclean.clean(dump(*FORBIDDEN, *SECTIONS[:12], "Go back to the home page.", "About", "Contact", "Privacy"))
    assert doc.verdict is Verdict.ERROR_PAGE and doc.paragraphs == []


def test_a_403_page_with_a_note_and_some_chrome_stays_an_error_page() -> None:
    # Below the preamble: 30 lines of menus and a note of 30 words, fewer lines than a whole page.
    note = ("Our systems flagged an unusual number of requests from your network today. If you believe this is a"
            " mistake, please write to the support team of the site and give them the time of your visit.")
    doc = newsclean.clean(dump(*FORBIDDEN, *SECTIONS, *SECTIONS[:14], note, "About", "Contact"))
    assert doc.verdict is Verdict.ERROR_PAGE
    removal = next(b.removal for b in doc.blocks if b.text == note)
    assert removal is not None and removal.reason.startswith('error page: access denied ("403 forbidden", only 3')
