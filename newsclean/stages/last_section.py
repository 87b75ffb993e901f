"""The article's last section right below the span in a text dump: its heading over one long
paragraph ("Programm für alle Sinne" / "Ergänzend wird es ... Der Eintritt ist frei. (kas)"),
then the page's furniture. Scored by its neighbours (the app prompts and menus below), the last
paragraph weighs less than its heading costs, so the span stopped above the heading and the
edges' trim took the heading; nothing parts the section from the article on the page.

A site's own box under an article has that shape too (a newsletter's pitch, a comment policy, an
author's biography under the name), so the paragraph must speak of what the span speaks of
(MIN_SECTION_SHARED_WORDS of its words), and a heading that is a name the paragraph speaks of
is an author's box."""

from __future__ import annotations

from ..model.features import LineFeatures
from .author_box import is_name, names_person
from .box_tail import content_words
from .sentence_run import is_heading, is_long_paragraph


# A new section speaks of less of what the span does than a closing paragraph (box_tail's 0.3):
# a last section measured 0.24 (a festival's market and opening times, below its programme).
# With no share asked at all, no other line of dev or train moved: the shape above is what parts
# the rest; the share keeps a site's pitch or policy out (box_tail measured those 0.09-0.23).
MIN_SECTION_SHARED_WORDS = 0.2


def last_section_below(lines: list[LineFeatures], texts: list[str], lines_at: list[int], start: int, end: int) -> int:
    """The span's end moved down over a heading and one long paragraph right below it (the next
    two lines on the page, sentence_run.is_heading then is_long_paragraph), when the span ends
    with running text, no running text follows the paragraph, the heading is no name the
    paragraph speaks of, and MIN_SECTION_SHARED_WORDS of the paragraph's words are the span's; `end`
    unchanged otherwise. `lines_at`: each line's place on the page."""
    heading, paragraph = end, end + 1
    if end <= start or paragraph >= len(lines) or not lines[end - 1].is_prose:
        return end
    if lines_at[heading] != lines_at[end - 1] + 1 or lines_at[paragraph] != lines_at[heading] + 1:
        return end
    if not is_heading(lines[heading]) or not is_long_paragraph(lines[paragraph]):
        return end
    if paragraph + 1 < len(lines) and lines[paragraph + 1].is_prose:
        return end
    if is_name(lines[heading], texts[heading]) and names_person(texts[heading], texts[paragraph]):
        return end
    words = content_words([texts[paragraph]])
    if not words or len(words & content_words(texts[start:end])) < MIN_SECTION_SHARED_WORDS * len(words):
        return end
    return paragraph + 1
