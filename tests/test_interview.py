"""An interview's questions and answers below the span are the interview's, when the span ends
with exchanges of that shape (or on a question whose answer it left out); a site's lone question
below an article ("Enjoyed this story?") is not carried in."""

from __future__ import annotations

from spans import span_of

INTERVIEW = [
    "The lighthouse keeper on the northern cape retires this spring after thirty-one years on the rock.",
    "How did you start?",
    "By accident. My uncle broke his leg one winter and someone had to climb the stairs every night.",
    "What has changed?",
    "Everything and nothing. The lamp is electric now, but the sea is the same: how far is far enough?",
    "Do you get lonely?",
]
BELOW = ["Sometimes. But the gulls talk a lot.", "What will you do now?", "Sleep. And then paint.", "About us"]


def test_the_exchanges_below_an_interview_span_are_the_interview_s() -> None:
    texts = [*INTERVIEW, *BELOW]
    assert span_of(texts, len(INTERVIEW)) == (0, len(INTERVIEW) + 3)


def test_a_lone_question_below_an_article_stays_out() -> None:
    story = [
        "The ferry to the small island has been cancelled for days, which nobody here had been told about.",
        "Farmers who draw water from the lake have been told to cut their use by a third until autumn.",
    ]
    site = ["Enjoyed this story?", "Share it with a friend.", "About us"]
    assert span_of([*story, *site], len(story)) == (0, len(story))
