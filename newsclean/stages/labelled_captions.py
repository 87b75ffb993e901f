"""A photo's caption that opens with a caption label of two words or more and closes with a
credit in brackets, with no colon after the label: "File photo of the bank's head office
(Reuters)" (Arabic sites write it so: "صورة أرشيفية ... (رويترز)"), or a caption set in brackets
as a whole, opening with a caption word ("（图为……新华社记者 张明 摄）", Chinese
sites' "the picture shows ... photographed by"). The caption rules that read a label's colon or an
agency's slash (in_span.credit_tail) miss both, and the line stayed between the paragraphs."""

from __future__ import annotations

import re

from ..model.features import LineFeatures
from ..rules import Rules

# A caption is a line or two long.
MAX_CAPTION_WORDS = 40
# The credit in brackets at a caption's end: an agency or a photographer's name, with no number
# (a year or a count in brackets closes prose: "... the old bridge (1932)").
MAX_CREDIT_WORDS = 3
BRACKETED_TAIL = re.compile(r"[(（]([^()（）\d]+)[)）]\s*$")
OPENING_BRACKETS = ("(", "（")


def labelled_caption(features: LineFeatures, text: str, rules: Rules) -> str | None:
    """The credit (or the bracketed caption itself, cut short) of a line that ends no sentence and
    opens with a caption label (rules.captions) and closes with a bracket: round the whole line
    (the label inside it), or round a credit of MAX_CREDIT_WORDS words at most after a label of
    two words or more. Else None."""
    stripped = text.strip()
    if not stripped.endswith((")", "）")) or features.sentence_end or not 0 < features.words <= MAX_CAPTION_WORDS:
        return None
    label = rules.captions.prefix(features.folded)
    if not label:
        return None
    if stripped.startswith(OPENING_BRACKETS):
        return stripped[:40]
    # Without the brackets round it, only a label of two words or more ("file photo", "صورة
    # أرشيفية") opens a caption: one word opens a subheading as often, "Source of the dispute
    # (ODA)", or is the first syllable of another word, Vietnamese "Ảnh hưởng" (influence).
    if " " not in label:
        return None
    tail = BRACKETED_TAIL.search(stripped)
    if tail is None or not 0 < len(tail.group(1).split()) <= MAX_CREDIT_WORDS:
        return None
    return tail.group(0)
