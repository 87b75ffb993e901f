"""A login or registration form below the article: its introduction reads like the article going
on, and its lines are too short to stop the span. The form shows itself without any word of its
language: template placeholders the page never filled in, or field labels marked as required."""

from __future__ import annotations

from conftest import BODY, HEADLINE, apply, dump

from newsclean.model.features import line_features
from newsclean.stages import mark_outside_main_text
from newsclean.stages.forms import FORM_NOTE, form_start, is_form_line

MENU = ["News", "Sport", "Culture", "Weather", "Travel", "About us"]
# Made-up furniture below the article: other stories' headlines, then the form's introduction.
OTHER_STORIES = [
    "River ferry service to resume on the weekend after repairs",
    "Town council approves new budget for the harbour district",
]
INTRO = [
    "Signing up is quick and lets you take part in the debate under every story we publish.",
    "Members can write comments, follow topics and receive a short summary of the day by mail.",
]
REQUIRED_FIELDS = ["* GIVEN NAME", "* FAMILY NAME", "* E-MAIL", "* SECRET", "Show", "* BIRTH YEAR"]
TEMPLATE_FORM = [
    "{* #joinForm *} {* givenName *} {* familyName *} {* mailAddress *}",
    "{| current_displayName |}",
    "{| current_mailAddress |} {| found_account_text |}",
    "{* /joinForm *}",
]
WORDS = frozenset({"the", "a", "of", "and", "to", "in", "on", "for", "is", "that", "will", "by", "after"})


def kept_texts(form: list[str]) -> list[str]:
    doc, marks = apply(mark_outside_main_text, dump(*MENU, HEADLINE, *BODY, *OTHER_STORIES, *INTRO, *form))
    removed = [marks[n].reason for n, b in enumerate(doc.blocks, 1) if b.text in INTRO]
    assert removed and all(FORM_NOTE in reason for reason in removed)
    return [b.text for b in doc.kept()]


def test_a_form_of_required_fields_ends_the_article_above_its_introduction() -> None:
    assert kept_texts(REQUIRED_FIELDS) == BODY


def test_a_form_of_unfilled_template_placeholders_ends_the_article_above_its_introduction() -> None:
    assert kept_texts(TEMPLATE_FORM) == BODY


def test_form_lines() -> None:
    def form_line(text: str) -> bool:
        return is_form_line(text, line_features(text, WORDS))

    assert form_line("* FIRST NAME") and form_line("Password *") and form_line("{{ email }}")
    # A list item, a footnote's star and a sentence with a star are no form fields.
    assert not form_line("* 200 g flour") and not form_line("* The figures are for 2023.")
    assert not form_line("Rated 4 * by readers") and not form_line("The sum {a, b} is small.")


def span_end(texts: list[str]) -> int:
    return form_start([line_features(t, WORDS) for t in texts], texts, 0, len(texts))


def test_a_short_list_inside_the_article_is_no_form() -> None:
    # Short starred items with the article going on below them: a list, not a form.
    items = ["* Apples", "* Pears", "* Plums"]
    assert span_end([*BODY[:3], *items, *BODY[3:]]) == len(BODY) + len(items)


def test_a_form_above_the_article_body_is_no_form_below_it() -> None:
    # Fewer than three paragraphs above the fields: a newsletter box in the article's head.
    texts = [BODY[0], *REQUIRED_FIELDS, *BODY[1:]]
    assert span_end(texts) == len(texts)


# Empty fields: their labels end with a colon and nothing after it, a required mark maybe.
EMPTY_FIELDS = ["FIRST NAME:", "LAST NAME (*):", "I agree*"]
FINE_PRINT = "*By sending this form you agree that we may write to you about our news and offers from time to time."


def test_empty_fields_in_a_row_end_the_article_though_fine_print_follows() -> None:
    # Two empty fields in a row, then the terms one accepts by sending: a form, though a
    # paragraph stands below it (required-field labels alone need none below).
    assert kept_texts([*EMPTY_FIELDS, FINE_PRINT]) == BODY


def test_empty_fields_above_the_span_end_only_count_the_span_below_them() -> None:
    # A comment form: two empty fields, then the thread's comments below the span's end.
    comments = [BODY[0], "Anna, 4 March 2025", BODY[1], "Tom, 5 March 2025", BODY[2]]
    texts = [*BODY, "Name (*):", "Comment:", *comments]
    last = len(BODY) + 2  # the span's end, below the two fields
    # The span ends above the fields (and above short sentences right above them, the form's
    # introduction as far as shapes tell).
    assert form_start([line_features(t, WORDS) for t in texts], texts, 0, last) <= len(BODY)


def test_a_label_introducing_its_list_is_no_empty_field_pair() -> None:
    # "Ingredients:" introduces the items below it; the next label comes after them.
    recipe = ["Ingredients:", "200 g flour", "2 eggs", "Method:", *BODY[3:]]
    assert span_end([*BODY[:3], *recipe]) == 3 + len(recipe)
