"""A photo's caption that opens with a caption label of two words or more and closes with a credit
in brackets, or a whole caption in brackets opening with a caption word, goes, in any script; a
line of prose or a subheading that opens with one such word, or closes with a year in brackets,
stays."""

from __future__ import annotations

import pytest
from conftest import BODY, HEADLINE, apply, dump

from newsclean.stages import mark_in_span

CAPTIONS = [
    "File photo of the harbour's old ferry terminal (Jane Doe)",
    "صورة أرشيفية للميناء القديم (وكالة الأنباء)",
    "（图为湖边干涸的滩涂。本报记者 李明 摄）",
]


@pytest.mark.parametrize("caption", CAPTIONS)
def test_a_caption_opening_with_a_caption_word_and_closing_with_a_bracket_goes(caption: str) -> None:
    doc, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], caption, *BODY[2:]))
    assert [n for n, mark in marks.items() if mark.reason.startswith("photo caption (opens with a caption word")] == [4]
    assert doc.paragraphs == BODY


@pytest.mark.parametrize("line", [
    "Photographs of the old ferry terminal were shown at the town hall (1932)",
    "Images from the shore show mud flats where the water stood last year.",
    "The old ferry terminal, long closed (Jane Doe)",
    "Source of the dispute over the harbour (Harbour Board)",  # a subheading opening with one label word
    "Ảnh hưởng của hạn hán tới nông dân (Tây Nguyên)",  # Vietnamese: "ảnh" is the first syllable of "influence"
])  # fmt: skip
def test_prose_or_a_caption_without_its_word_stays(line: str) -> None:
    _, marks = apply(mark_in_span, dump(HEADLINE, BODY[0], BODY[1], line, *BODY[2:]))
    assert not any("opens with a caption word" in mark.reason for mark in marks.values())
