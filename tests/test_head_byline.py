"""The article's byline at its head (stages/head_byline.py): "By Jane Doe" kept by the span
between the standfirst and the body goes; a subheading that opens with the same preposition,
and a byline with no running text below it, stay."""

from __future__ import annotations

import pytest

import newsclean

HEADLINE = "Lake falls to its lowest level since records began"
STANDFIRST = "Ferries stop, farmers are told to draw less water, and hydrologists say the worst may be yet to come."
BODY = [
    "The level of the country's largest lake has fallen to its lowest point since records began, after a summer with almost no rain.",
    "Hydrologists measured the surface on Monday at one metre twenty below its long-term average, exposing wide mudflats on the southern shore.",
    "Ferries have stopped serving two of the smaller islands, because the piers can no longer be reached safely.",
    "Farmers who draw water from the lake for their fields have been told to cut their use by a third until the autumn rains.",
]


def paragraphs(*head: str) -> list[str]:
    return newsclean.clean("\n".join(["Home", "News", HEADLINE, *head, *BODY, "Most read", "Share"]) + "\n").paragraphs


@pytest.mark.parametrize("byline", ["By Jane Doe", "By Jane Doe and John Roe", "Von Hans Meier, Berlin", "Par Marie Dupont"])
def test_the_byline_under_the_standfirst_goes(byline: str) -> None:
    kept = paragraphs(STANDFIRST, byline)
    assert byline not in kept and kept[-len(BODY):] == BODY


def test_a_subheading_opening_with_the_byline_s_preposition_stays() -> None:
    for line in ["By the numbers", "By boat to the islands no more"]:
        assert line in paragraphs(STANDFIRST, line)
