"""The fine print of a sign-up box inside the article goes with the box's prompt; a sentence that
mentions a privacy policy or a copyright away from a prompt, or a sign-off, stays."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean.stages import mark_in_span

CONSENT = "By signing up, you agree to our Terms of Use and Privacy Policy and may opt out at any time."


def fine_print_lines(lines: list[str]) -> set[int]:
    _, marks = apply(mark_in_span, dump(*lines))
    return {line for line, removal in marks.items() if "fine print" in removal.reason}


def test_the_consent_line_next_to_a_removed_sign_up_button_goes() -> None:
    # "Sign up" is a navigation label the boilerplate stage removes; the consent sentence under it
    # mentions its phrase in passing, so no rule of its own takes it.
    lines = [HEADLINE, BODY[0], BODY[1], "Sign up", CONSENT, BODY[2], BODY[3], BODY[4]]
    assert fine_print_lines(lines) == {5}


def test_fine_print_runs_on_from_line_to_line() -> None:
    # (Its second line opens with no call to action: one that did would make a widget of the two
    # lines with the removed "Sign up", a reason of its own.)
    privacy = "How we handle your data is set out in our privacy policy."
    lines = [HEADLINE, BODY[0], BODY[1], "Sign up", CONSENT, privacy, BODY[2], BODY[3], BODY[4]]
    assert fine_print_lines(lines) == {5, 6}


def test_a_kept_sign_up_prompt_goes_with_the_fine_print_beside_it() -> None:
    # One prompt alone stays (it may be a how-to's sentence); with fine print beside it, it is a box.
    prompt = "Join our readers' club on WhatsApp for the latest news"
    offers = "Members are treated to special offers from us and our partners. Read our Privacy Policy."
    lines = [HEADLINE, BODY[0], BODY[1], prompt, offers, BODY[2], BODY[3], BODY[4]]
    _, marks = apply(mark_in_span, dump(*lines))
    assert {line: removal.reason for line, removal in marks.items()} == {
        4: "the prompt of a sign-up box (over its fine print)",
        5: 'the fine print of a sign-up box (next to "Join our readers\' club on What")',
    }


def test_a_sentence_that_mentions_a_privacy_policy_away_from_a_prompt_stays() -> None:
    said = "The council changed its privacy policy after the complaints, a spokeswoman said."
    lines = [HEADLINE, BODY[0], BODY[1], said, BODY[2], "Sign up", BODY[3], BODY[4]]
    assert fine_print_lines(lines) == set()


def test_a_sign_off_with_a_copyright_next_to_a_share_prompt_stays() -> None:
    # A one-word phrase counts only in a short line: the sign-off is the article's (golds keep it).
    sign_off = "This article first appeared in the Valley Courier. Copyright 2015. Follow the Courier for more."
    lines = [HEADLINE, BODY[0], BODY[1], BODY[2], BODY[3], sign_off, "Follow us"]
    assert fine_print_lines(lines) == set()
