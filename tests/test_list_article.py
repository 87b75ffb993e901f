"""A list that is the article (an agenda, a calendar, a results table): when the span the line
model chose holds no running text, a list of entries with numbers under the page's heading (the
title, when the page has one) is the article, whatever error text a preamble held; a 404 page's
menus are not, and a list under no heading is not. (A made-up agenda: sessions with a time and a
room, papers without numbers or sentences.)"""

from __future__ import annotations

import newsclean
from newsclean import Verdict
from newsclean.model.features import line_features
from newsclean.rules import load_rules
from newsclean.stages.list_article import flagged_runs, matches_title, titled_list
from newsclean.stages.main_text import list_instead

MENU = ["Home", "About us", "Events", "Members", "Contact", "Search"]
FOOTER = ["Privacy", "Terms of use", "Site map"]
HEADING = "Regional Economists Meeting: Programme"
SESSIONS = [
    ("Labour markets", "Anna Berg (City University) Wages and search in small towns", "Kai Moe (Lake Institute) Who moves for a job"),
    ("Trade", "Lena Falk (State College) Ports and prices on the coast", "Ivo Dahl (North School) Tariffs seen from the farm"),
    ("Money", "Sara Holm (City University) Cash in rural shops", "Per Lind (Lake Institute) Why banks close branches"),
    ("Housing", "Mia Roos (North School) Rents after the new railway", "Jon Sand (State College) Building on old farmland"),
    ("Energy", "Eva Lund (City University) Wind farms and land prices", "Ole Berg (Lake Institute) Heating bills in winter"),
    ("Health", "Ida Moe (North School) Clinics in the valleys", "Tor Falk (State College) Nurses who stay in the north"),
]  # fmt: skip


def agenda() -> list[str]:
    """Each session: its name, time, room and chair, then its papers (no numbers, no sentences)."""
    lines = []
    for n, (name, *papers) in enumerate(SESSIONS, 1):
        lines += [f"Session {n}: {name}", f"Time: {8 + 2 * n}:00 to {9 + 2 * n}:30", f"Room: Main Building, hall {200 + n}",
                  f"Chair: {papers[1].split(' (')[0]}, president of the section", *papers]  # fmt: skip
    return lines


def test_an_agenda_under_its_heading_is_the_article_even_below_an_error_preamble() -> None:
    preamble = ["404", "Page not found", "Sorry, we couldn't find the page you're looking for."]
    doc = newsclean.clean("\n".join([*preamble, *MENU, HEADING, "Posted 2025-03-04, 1200 views", *agenda(), *FOOTER]) + "\n")
    assert doc.verdict is Verdict.ARTICLE
    # Every entry is kept (but the one the title stage may take for the headline).
    assert set(agenda()) - set(doc.paragraphs) <= {doc.meta.title}
    assert not set(doc.paragraphs) & {*MENU, *FOOTER, *preamble}
    reasons = {b.text: b.removal.reason for b in doc.blocks if b.removal}
    assert reasons["Site map"].startswith("after the list that is the article")


def test_a_page_with_a_title_takes_the_list_under_the_heading_that_matches_it() -> None:
    lines = [*MENU, HEADING, *agenda(), *FOOTER]
    features = [line_features(t, frozenset()) for t in lines]
    assert titled_list(features, lines, f"{HEADING} | Example Association") == (len(MENU) + 1, len(MENU) + 1 + len(agenda()))
    # A title that names something else: the list is under no heading of the page's.
    assert titled_list(features, lines, "Annual report 2024 | Example Association") is None
    assert matches_title(HEADING, f"{HEADING}_Example Association_Home")


def test_a_list_under_no_heading_is_no_article() -> None:
    lines = [*MENU, "Events", *agenda(), *FOOTER]  # one menu word over the list
    assert titled_list([line_features(t, frozenset()) for t in lines], lines, None) is None


def test_menus_with_numbers_over_a_404_message_are_no_list_article() -> None:
    # A site's 404 template: its menus hold dates and times under a heading, then the error
    # message. With no span of running text chosen, the menus must not become a list article.
    menus = [f"Quarter {q} results call, May {q}th at 10:00 for investors" for q in range(1, 7)]
    error = ["404 Error Page", "Error: Page Not Found"]
    texts = [*MENU, "Investor relations and company news", *menus, *error, *FOOTER]
    lines = [line_features(t, frozenset()) for t in texts]
    assert titled_list(lines, texts, None) is not None
    assert list_instead(lines, texts, 0, 0, {}, None, load_rules()) is None


def test_flagged_runs_part_at_a_gap_wider_than_allowed() -> None:
    """Lines of one list may have up to max_gap other lines between them; a wider gap starts a
    new list, and a run starts and ends on flagged lines."""
    flags = [False, True, False, True, False, False, True, True, False]
    assert flagged_runs(flags, max_gap=1) == [(1, 4), (6, 8)]
    assert flagged_runs(flags, max_gap=2) == [(1, 8)]
    assert flagged_runs(flags, max_gap=0) == [(1, 2), (3, 4), (6, 8)]
    assert flagged_runs([False, False], max_gap=3) == []
