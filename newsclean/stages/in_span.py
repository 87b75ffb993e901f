"""What still sits inside the article once its edges are found: widgets between its paragraphs.

Signals that do not depend on the page's wording come first; phrase lists only name the label
that opens a box or the caption label before a credit:

- an inline box: a label that would end the article ("Related", "Mehr zum Thema") but with the
  article going on below it, takes the headlines, dates and names under it up to where running
  text resumes;
- a short label no phrase list knows over two headlines or more, between two paragraphs
  (headline_boxes.py);
- a short label below the article's last paragraph over three teasers or more to the span's end
  (headline, one or two short blurbs, a kicker or date line), not about the article (teaser_tail.py);
- a widget label repeated on the page: the same short line that is not a sentence, printed three
  times or more ("Article content", "Buy now", "View 6 Images");
- a line printed three times or more in a row (a slideshow's title over each slide), and a pager
  of bare numbers counting up by one ("1", "2", "3");
- links that end with one note the page prints after many lines ("(opens in a new window)",
  "| more"): a box of job offers, other stories or share links;
- a line that only states a video's length or a reading time ("Politik 05.08.2024 01:34 min",
  "4 min read": media_lengths.py);
- another story's headline over its date, below the article's first paragraph
  (teaser_stamps.py);
- a caption that ends with a photo credit ("... (Image: Getty)", "... | Foto: Reuters");
- (teasers for other stories and slideshows are boilerplate wherever they stand: widgets.py, run by
  the boilerplate stage);
- a sign-up or subscription widget: two prompts close together (short lines that open with a call
  to action, hold a boilerplate phrase or an e-mail address), with the short lines between them.
- the fine print of a sign-up box: a short line holding a boilerplate phrase right next to a
  sign-up prompt that is gone ("By signing up, you agree to our Privacy Policy.": fine_print.py);
- a consent box for embedded content: another site's name on a few short lines, sentences and a
  button, named nowhere else on the page (embed_consent.py);
- a row of two or more buttons between running text, naming no word of the article, and the box's
  message above it when it names none either (button_runs.py);
- a note to the reader naming no word of the article, at its edge or beside a removed line of its
  box, with the box's labels (reader_notes.py), and an author's biography as the first or last
  paragraph, naming a person the article does not (edge_bios.py).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Container, Iterable, Iterator, Mapping, Sequence
from itertools import islice
from operator import eq

from ..config import Config
from ..document import Document, Stage
from ..model.features import MAX_FOLDED_WORDS, LineFeatures, analyze
from ..parse.text import fold, is_list_item, phrase_as_written
from ..rules import Rules, load_rules
from .button_runs import TopicWords, button_runs
from .closing_box import closing_prompts, wall_box_below
from .embed_consent import consent_boxes
from .fine_print import fine_print
from .headline_choice import AGENCY_CREDIT, credit_over_repeated_caption, is_toolbar
from .head_byline import head_bylines
from .headline_boxes import headline_boxes, resumes_article
from .labelled_captions import labelled_caption
from .markers import MAX_BOX_LINES, is_end_marker, marker_phrase
from .media_lengths import media_lengths
from .reader_notes import MAX_LABEL_WORDS as MAX_BOX_LABEL_WORDS, reader_notes
from .prompts import (
    CODE_SYMBOLS,
    MAX_OFFER_WORDS,
    MAX_PROMPT_WORDS,
    MAX_WIDGET_WORDS,
    is_prompt,
    is_wall_prompt,
)
from .teaser_stamps import teaser_stamps
from .teaser_tail import teaser_tail

# A box's label alone on its line is this short ("Read More", "Auch interessant", "Recommended").
MAX_LABEL_WORDS = 5
# A widget label (at most MAX_WIDGET_WORDS words) is printed at least this many times on the page (a
# heading that a table of contents or the menu repeats once is the article's own).
MIN_WIDGET_REPEATS = 3
# A button's words besides its one number ("View 6 Images").
MAX_BUTTON_WORDS = 3
# A credit at the end of a caption: a caption label, a colon (or an equals sign, in brackets) and a
# few words ("Foto: Reuters", "(Image: Getty)", ".Bild: Jane Doe/dpa", "[Photo = Agency]"), after a
# separator (a slash between spaces too: "... en Madrid. / FOTO: Jane Doe"), a bracket or the
# caption's full stop (after a plain space it is prose: "The report rests on one source: a leaked
# memo").
CREDIT_TAIL = re.compile(r"(?:[.!?|)\]–—-]\s*|\s/\s*|\s[(\[])[(\[]?([^\W\d_][^\W\d_ ]*?(?: [^\W\d_]+)?)\s?[:=]\s*([^:=()\[\]]+?)[)\]]?\s*$")
MAX_CREDIT_WORDS = 8
# A credit after the caption's last sentence made of a caption label and a byline word, then the
# photographer and the agency ("... on May 7. Photo by Jane Doe /AFP via Getty Images").
BYLINE_CREDIT_CHARS = 100  # the label, the byline word and 8 words: only the line's end is searched
BYLINE_CREDIT = re.compile(r"[.!?”\"»)]\s+([^\W\d_]+ [^\W\d_]+)\s+(\S[^.!?]*?)\s*$")
CREDIT_TAIL_CHARS = 200
# A widget's prompts (prompts.is_prompt) stand at most this many lines apart, with only short
# lines between them (one real prompt alone may be a sentence of a how-to; two close together
# with the lines of a form between them are a widget).
MAX_PROMPT_GAP = 3
# Further apart, up to this many lines, when half the lines between them or more are sentences: a
# sign-up form's messages ("A welcome email is on its way.", "Please try again") between its
# prompts; the lines of code or a table between two look-alike prompts (SQL's "ORDER BY") are no
# sentences.
MAX_MESSAGES_GAP = 6
# A subscription box's offer lists what it gives between its prompts, one line of it up to
# MAX_OFFER_WORDS words among this many short ones or more; one such line alone between two
# prompts is the article's paragraph (a gallery's button printed over each of them).
MIN_OFFER_LINES = 3
# The same line this many times in a row: a slideshow's title printed over each of its slides,
# a row of font-size buttons. An article never says a line three times over (a refrain, a
# table's "Yes" column aside, which are rare; code and symbol lines are left alone).
MIN_REPEATS_IN_A_ROW = 3
# A note a site prints after each of its links, in brackets or after a bar ("(opens in a new
# window)", "| more"): the same few words, no digits, ending this many lines of the page or more.
LINK_NOTE = re.compile(r"(?:\(([^()\d]{2,40})\)|\s[|»›]\s*([^|»›\d]{2,30}))\s*$")
MAX_LINK_NOTE_WORDS = 5
LINK_NOTE_CHARS = 64
MIN_LINK_NOTES = 3
SENTENCE_END = re.compile(r"[.!?。！？…][\"'”’»)]*$")


def inline_boxes(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """A label that would end the article inside it ("Related", "Lesen Sie auch"), with the
    headlines, names and dates below it up to where the article's running text resumes."""
    marks: dict[int, str] = {}
    for position, features in enumerate(lines):
        if position in marks or not is_end_marker(features, rules):
            continue
        if position == 0 or not lines[position - 1].is_prose:
            continue  # a box stands below a paragraph (else: a column title, a label in a list)
        phrase = marker_phrase(features, rules) or ""
        label = phrase_as_written(phrase, texts[position])
        end = next((j for j in range(position + 1, min(len(lines), position + 1 + MAX_BOX_LINES)) if resumes_article(lines, j)), None)
        marks[position] = f'inline box label ("{label}")'
        if end is None:
            continue  # no running text below it soon: only the label is sure
        for j in range(position + 1, end):
            marks[j] = f'in an inline box (under "{texts[position][:40]}")'
    return marks


def boxes_under_removed_labels(lines: Sequence[LineFeatures], labels: Mapping[int, str]) -> dict[int, str]:
    """The headlines of inline boxes whose label an earlier stage removed ("Read More", "Auch
    interessant" as boilerplate): `labels` maps the position of the kept line right below such a
    label (on the page) to the label. Below a paragraph, the lines down to where the article's
    running text resumes go; with no running text soon below, nothing (the label is gone already)."""
    marks: dict[int, str] = {}
    for position, label in labels.items():
        if position == 0 or not lines[position - 1].is_prose:
            continue
        end = next((j for j in range(position, min(len(lines), position + MAX_BOX_LINES)) if resumes_article(lines, j)), None)
        if end is not None:
            marks.update((j, f'in an inline box (under "{label[:40]}")') for j in range(position, end))
    return marks


def removed_labels_above(doc: Document, kept: Sequence[int], lines: Sequence[LineFeatures], rules: Rules) -> dict[int, str]:
    """Positions among the kept lines whose line right above on the page is an end-of-article label
    (MAX_LABEL_WORDS words at most: no "Read more: title" link line) that the boilerplate stage
    removed, with the label's text."""
    found = {}
    for position, i in enumerate(kept):
        above = doc.blocks[i - 1] if i > 0 else None
        if above is None or above.removal is None or above.removal.stage is not Stage.BOILERPLATE:
            continue
        if lines[i - 1].words <= MAX_LABEL_WORDS and (is_end_marker(lines[i - 1], rules) or is_read_on_label(lines[i - 1], rules)):
            found[position] = above.text.strip()
    return found


def is_read_on_label(features: LineFeatures, rules: Rules) -> bool:
    """A label that sends the reader on to other stories, all one boilerplate phrase opening with a
    call to action ("Lesen Sie auch", "Les også", "Leia também"): not an end marker (it stands between
    paragraphs more often than below them), but above an inline box of headlines all the same."""
    if features.sentence_end:
        return False
    return rules.boilerplate_phrases.equals(features.folded) is not None and rules.calls_to_action.prefix(features.folded) is not None


def widget_key(text: str) -> str:
    """A line's text as its repeats compare (case and spacing aside)."""
    return fold(text)


def line_key(text: str, features: LineFeatures) -> str:
    """widget_key(text), read off the line's analysis when that holds the whole folded line (no
    re-tokenising of every line of the page); fold() alone maps a dotted capital I ("İ")."""
    if features.words <= MAX_FOLDED_WORDS and "İ" not in text:
        return features.folded[0]
    return widget_key(text)


def between_prose(lines: Sequence[LineFeatures], texts: Sequence[str], position: int, widgets: Container[int] = ()) -> bool:
    """A running-text line stands right above or right below the line (not a table's or a code
    listing's cell among other short lines), or one line further, past a photo's caption (a long
    line that is neither running text nor code) or a line of `widgets`."""
    for step in (-1, 1):
        near, far = position + step, position + 2 * step
        if not 0 <= near < len(lines):
            continue
        if lines[near].is_prose:
            return True
        caption = lines[near].words > MAX_WIDGET_WORDS and not CODE_SYMBOLS.search(texts[near])
        if (near in widgets or caption) and 0 <= far < len(lines) and lines[far].is_prose:
            return True
    return False


def could_be_widget(features: LineFeatures, text: str, rules: Rules) -> bool:
    """A short line that is no sentence, no list item, no byline, no date or count, no lead-in to
    what follows ("From Mom:") and no code."""
    if features.is_prose or features.sentence_end or features.numbers or not 0 < features.words <= MAX_WIDGET_WORDS:
        return False  # (a line with a number is a date or a count: a multi-part page's "March 25, 2015")
    stripped = text.strip()
    if stripped.endswith((":", "：")) or is_list_item(stripped) or CODE_SYMBOLS.search(stripped):
        return False
    return rules.bylines.prefix(features.folded) is None


def is_counted_button(features: LineFeatures, text: str, rules: Rules) -> bool:
    """A short button that opens with a call to action and counts what it opens ("View 6
    Images"): its number is no date, so printed again and again it is a widget's label too."""
    if features.sentence_end or not 0 < features.words - features.numbers <= MAX_BUTTON_WORDS or features.numbers > 1:
        return False
    return not CODE_SYMBOLS.search(text) and rules.calls_to_action.prefix(features.folded) is not None


def page_counts(page_texts: Sequence[str], page_lines: Sequence[LineFeatures], keys: Iterable[str]) -> Counter[str]:
    """How often each of keys is printed on the page (as line_key reads its lines)."""
    # A line's key has as many words as the line has tokens (a dotted capital I aside): only
    # lines of a key's length are keyed, not the page's long paragraphs.
    lengths = {len(key.split()) for key in keys}
    if not lengths:
        return Counter()
    return Counter(
        line_key(text, features) for text, features in zip(page_texts, page_lines) if features.words in lengths or "İ" in text
    )


def repeated_widgets(
    lines: Sequence[LineFeatures], texts: Sequence[str], page_texts: Sequence[str], page_lines: Sequence[LineFeatures], rules: Rules
) -> dict[int, str]:
    """Short lines that are not sentences, printed MIN_WIDGET_REPEATS times or more on the page
    (page_texts, page_lines), at least half of their copies in the article next to running text
    (a widget dropped between paragraphs, not a table's cells or a list of links)."""
    copies: dict[str, list[int]] = {}
    for i, (features, text) in enumerate(zip(lines, texts)):
        if could_be_widget(features, text, rules) or (features.numbers and is_counted_button(features, text, rules)):
            copies.setdefault(line_key(text, features), []).append(i)
    counts = page_counts(page_texts, page_lines, copies)
    repeated = {key: positions for key, positions in copies.items() if counts[key] >= MIN_WIDGET_REPEATS}
    marks: dict[int, str] = {}
    # Twice: a widget's second label ("Expand" under "Exit full screen") stands by the article's
    # paragraphs past the first one.
    for _ in range(2):
        for key, positions in repeated.items():
            beside_prose = sum(between_prose(lines, texts, i, marks) for i in positions)
            if beside_prose * 2 >= len(positions):
                marks.update((i, f"a widget label printed {counts[key]} times on the page") for i in positions)
    return marks


def credit_tail(text: str, rules: Rules) -> str | None:
    """The credit that ends a caption ("Foto: Reuters" of "... | Foto: Reuters"), or None."""
    end = text[-CREDIT_TAIL_CHARS:]  # a credit is short: only the line's end is searched
    # Each pattern needs one character most lines lack (a colon or "="; an agency's "/"): tested first.
    match = CREDIT_TAIL.search(end) if ":" in end or "=" in end else None
    if match and match.start(1) > 0 and rules.captions.equals((fold(match.group(1)),)):
        credit = match.group(2)
        if 0 < len(credit.split()) <= MAX_CREDIT_WORDS:
            return end[match.start(1) :].rstrip(")]")
    tail = AGENCY_CREDIT.search(end) if "/" in end else None
    if tail and tail.start() > 0:
        return tail.group(0).strip().rstrip(")")
    match = BYLINE_CREDIT.search(end, max(0, len(end) - BYLINE_CREDIT_CHARS))
    if match and 0 < len(match.group(2).split()) <= MAX_CREDIT_WORDS and is_photo_byline(match.group(1), rules):
        return end[match.start(1) :].strip()
    return None


def is_photo_byline(words: str, rules: Rules) -> bool:
    """A caption label and a byline word ("Photo by", "Foto von"), or a byline phrase of both."""
    folded = fold(words).split()
    if len(folded) != 2:
        return False  # (folding may part or join a letter: then it is no label and word)
    label, word = folded
    return rules.bylines.equals((f"{label} {word}",)) is not None or (
        rules.captions.equals((label,)) is not None and rules.bylines.equals((word,)) is not None
    )


def credited_captions(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """Captions that end with a photo credit: the picture's text, not the article's."""
    marks = {}
    for position, text in enumerate(texts):
        credit = credit_tail(text, rules)
        if credit:
            marks[position] = f'photo caption (ends with the credit "{credit[:40]}")'
        elif text.rstrip().endswith((")", "）")):  # (most lines end otherwise: no phrase lookup)
            caption = labelled_caption(lines[position], text, rules)
            if caption:
                marks[position] = f'photo caption (opens with a caption word, closes with "{caption}")'
    return marks


def credits_over_captions(kept: Sequence[int], all_texts: Sequence[str], all_lines: Sequence[LineFeatures], rules: Rules) -> dict[int, str]:
    """Photo credits in words no caption rule holds, each over its caption, the next photo's pair
    opening with the same words (headline_choice.credit_over_repeated_caption); `kept` are the
    article's positions among all the page's lines (the captions below may be marked already)."""
    return {position: "photo credit (over a caption, like the page's other photo credits)"
            for position, i in enumerate(kept) if credit_over_repeated_caption(all_texts, all_lines, i, rules)}


def is_widget_line(features: LineFeatures, text: str, offer: bool) -> bool:
    """A line a widget may hold between its prompts: short (up to an offer's length in an offer
    list), no code."""
    limit = MAX_OFFER_WORDS if offer else MAX_PROMPT_WORDS
    return features.size <= limit and not CODE_SYMBOLS.search(text)


def prompt_widgets(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules, gone: Container[int] = ()) -> dict[int, str]:
    """Two prompts at most MAX_PROMPT_GAP lines apart with only short lines between them (or
    MAX_MESSAGES_GAP apart when half of those are sentences), and those lines: a sign-up form, a
    subscription box, a toolbar. Positions in `gone` are prompts an earlier stage removed (the
    box's "Newsletter" label): they close a widget with a prompt still kept, never two alone."""
    # A wall's prompt (the verdict's phrases: "This content is reserved for subscribers only")
    # heads the subscription box a paywalled article carries between its paragraphs, in words no
    # call to action or boilerplate list holds. Below the article's last paragraph (the wall's
    # own sentences aside) it is the wall itself, the verdict's to judge (a teaser above it).
    walls = {i for i, f in enumerate(lines) if is_wall_prompt(f, rules)}
    last_paragraph = max((i for i, f in enumerate(lines) if f.is_prose and f.sentence_end and i not in walls), default=-1)
    prompts = [i for i, (f, t) in enumerate(zip(lines, texts)) if is_prompt(f, t, rules) or (i in walls and i < last_paragraph)]
    clusters: list[list[int]] = []  # [first, last] prompt of each run of prompts close together
    for a, b in zip(prompts, prompts[1:]):
        between = range(a + 1, b)
        sentences = sum(1 for j in between if lines[j].sentence_end)
        # (Sentences between a removed prompt and the next are the article's: a photo credit or a
        # share label the boilerplate stage took stands above short paragraphs.)
        messages = 2 * sentences >= len(between) > 0 and a not in gone and b not in gone
        gap = MAX_MESSAGES_GAP if messages else MAX_PROMPT_GAP
        if b - a <= gap and all(is_widget_line(lines[j], texts[j], messages and len(between) >= MIN_OFFER_LINES) for j in between) \
                and sum(1 for j in between if lines[j].size > MAX_PROMPT_WORDS) <= 1:
            if clusters and clusters[-1][1] == a:
                clusters[-1][1] = b
            else:
                clusters.append([a, b])
    marks = {}
    for first, last in clusters:
        if all(i in gone for i in prompts if first <= i <= last):
            continue  # two removed prompts (a toolbar over the article) with a paragraph between
        reason = f'a sign-up or subscription widget (prompts "{texts[first][:30]}" to "{texts[last][:30]}")'
        marks.update((j, reason) for j in range(first, last + 1) if j not in gone)
    return marks


def prompt_widgets_beside_removed(doc: Document, kept: Sequence[int], lines: Sequence[LineFeatures], rules: Rules) -> dict[int, str]:
    """prompt_widgets over the article's lines and the prompts removed between them (a sign-up
    box whose label or e-mail field the boilerplate stage took, its message and button left);
    the marks are at the positions among `kept`. (Run besides prompt_widgets over the kept lines
    alone: a removed prompt would part two kept ones whose form's messages make one widget.)"""
    inside = range(kept[0] + 1, kept[-1]) if kept else range(0)
    removed = {i for i in inside if doc.blocks[i].removal is not None and is_prompt(lines[i], doc.blocks[i].text, rules)}
    if not removed:
        return {}  # the kept lines alone: prompt_widgets has read them already
    merged = sorted(removed.union(kept))
    gone = {position for position, i in enumerate(merged) if i in removed}
    marks = prompt_widgets([lines[i] for i in merged], [doc.blocks[i].text for i in merged], rules, gone)
    at = {i: position for position, i in enumerate(kept)}
    return {at[merged[position]]: reason for position, reason in marks.items()}


def linked_runs(size: int, continues: Callable[[int], bool]) -> Iterator[range]:
    """The runs of positions 0..size-1 in which each position after a run's first `continues` the
    one before it (repeats_in_a_row: the same text; pagers: the next number)."""
    run_start = 0
    for i in range(1, size + 1):
        if i == size or not continues(i):
            yield range(run_start, i)
            run_start = i


def repeats_in_a_row(lines: Sequence[LineFeatures], texts: Sequence[str]) -> dict[int, str]:
    """Runs of MIN_REPEATS_IN_A_ROW or more lines with one text (with words, not only numbers,
    no code, no list item), every line of the run."""
    marks: dict[int, str] = {}
    stripped = [text.strip() for text in texts]
    # A run of MIN_REPEATS_IN_A_ROW lines holds that many less one lines equal to the one above:
    # a page with fewer (nearly every page) is done with one count at C speed.
    if sum(map(eq, islice(stripped, 1, None), stripped)) < MIN_REPEATS_IN_A_ROW - 1:
        return {}
    for run in linked_runs(len(texts), lambda i: stripped[i] == stripped[i - 1]):
        if len(run) < MIN_REPEATS_IN_A_ROW:
            continue  # (nearly every line is a run of its own: its text is not read again)
        features, text = lines[run.start], texts[run.start]
        if features.words > features.numbers and not CODE_SYMBOLS.search(text) and not is_list_item(text.strip()):
            marks.update(dict.fromkeys(run, f"a line printed {len(run)} times in a row"))
    return marks


def pagers(texts: Sequence[str]) -> dict[int, str]:
    """Runs of MIN_REPEATS_IN_A_ROW or more lines that are each a bare number one above the
    line before ("1", "2", "3"): a slideshow's or a comment list's pager, every line of it."""
    marks: dict[int, str] = {}
    numbers = [int(t) if (t := text.strip()).isdecimal() and len(t) <= 4 else None for text in texts]

    def counts_on(i: int) -> bool:
        before, number = numbers[i - 1], numbers[i]
        return before is not None and number is not None and number == before + 1

    for run in linked_runs(len(texts), counts_on):
        if len(run) >= MIN_REPEATS_IN_A_ROW:
            marks.update(dict.fromkeys(run, f"a pager (numbers {numbers[run.start]} to {numbers[run[-1]]} in a row)"))
    return marks


def link_note(text: str) -> str | None:
    """The note a line's link ends with ("öffnet im neuen Fenster" of "Title (öffnet im neuen
    Fenster)"), when what comes before it is no sentence (a paragraph's author initials, "(A.H.)",
    follow a full stop); else None."""
    stripped = text.strip()
    # A note is short: only the line's end is searched (no rescanning of long paragraphs).
    offset = max(0, len(stripped) - LINK_NOTE_CHARS)
    # Either note needs a ")" or a bar in that end: most lines hold neither, and are done without the search.
    end = stripped[offset:]
    if ")" not in end and "|" not in end and "»" not in end and "›" not in end:
        return None
    match = LINK_NOTE.search(stripped, offset)
    if match is None:
        return None
    note = (match.group(1) or match.group(2)).strip()
    before = stripped[: match.start()].rstrip(" |»›")
    if not before or SENTENCE_END.search(before) or not 0 < len(note.split()) <= MAX_LINK_NOTE_WORDS:
        return None
    # A table's row has bars between its cells ("404 | 0.13 | f"): its last cell is no note.
    if match.group(2) is not None and any(bar in before for bar in "|»›"):
        return None
    if len(note) < 2:
        return None
    return fold(note)


def noted_links(texts: Sequence[str], page_texts: Sequence[str]) -> dict[int, str]:
    """Lines that end with a link note the page prints after MIN_LINK_NOTES lines or more: a list
    of links to elsewhere (job offers, other stories, share buttons) inside the article."""
    notes = {i: note for i, text in enumerate(texts) if (note := link_note(text)) is not None}
    if not notes:
        return {}
    wanted = set(notes.values())
    counts = Counter(note for text in page_texts if ("(" in text or "|" in text or "»" in text or "›" in text) and (note := link_note(text)) in wanted)
    # A one-word note only the article's own lines end with is the article's (a list of people,
    # each with their party: "(Greens)"); a site's one-word link note ("| more") is printed
    # outside the article too, in its menus, boxes and rails. A name is a photographer's credit
    # under each caption ("(Jane Doe)"), which some golds keep: it is never taken for a note.
    inside = Counter(notes.values())
    return {
        i: f'a link ending with a note that {counts[note]} lines of the page end with ("{note}")'
        for i, note in notes.items()
        if counts[note] >= MIN_LINK_NOTES
        and (" " in note or counts[note] > inside[note])
        and not is_name(texts[i], note)
    }


def is_name(text: str, note: str) -> bool:
    """The note (folded) has two words or more, and as written at the end of text each is
    capitalised: a person's or an agency's name ("(Jane Doe)"), not a phrase."""
    words = note.split()
    if len(words) < 2:
        return False
    written = text.strip()[-len(note) - 2 :].split()[-len(words) :]
    return all(word.strip("()")[:1].isupper() for word in written)


def toolbars(lines: Sequence[LineFeatures], texts: Sequence[str], rules: Rules) -> dict[int, str]:
    """Rows of share, audio and navigation labels run together ("Listen 9 min Comment on this
    story Comment Gift Article Share", "Facebook Twitter")."""
    return {
        i: "a toolbar (share or navigation labels run together)"
        for i, (features, text) in enumerate(zip(lines, texts))
        if not features.is_prose and not features.sentence_end and not CODE_SYMBOLS.search(text) and is_toolbar(text, features, rules)
    }


def mark_in_span(doc: Document, config: Config) -> Document:
    """Remove the widgets left between the article's paragraphs: inline boxes, repeated widget
    labels, lines repeated in a row, pagers, media lengths, noted links, credited captions, and
    the box of prompts or the wall's box the article ends with."""
    rules = load_rules(config.rule_files)
    lines = analyze(doc, rules).lines
    kept = doc.kept_positions()
    kept_lines = [lines[i] for i in kept]
    page_texts = [block.text for block in doc.blocks]  # (read by four of the tests below)
    texts = [page_texts[i] for i in kept]
    # First: a line another rule names too (a slideshow's title repeated in a row) goes for that reason.
    marks = headline_boxes(kept_lines, texts, rules)
    marks.update(teaser_tail(kept_lines, texts, rules))
    marks.update(credited_captions(kept_lines, texts, rules))
    marks.update(repeated_widgets(kept_lines, texts, page_texts, lines, rules))
    marks.update(prompt_widgets(kept_lines, texts, rules))
    for position, reason in prompt_widgets_beside_removed(doc, kept, lines, rules).items():
        marks.setdefault(position, reason)
    marks.update(closing_prompts(kept_lines, texts, rules))
    marks.update(wall_box_below(kept_lines, texts, rules))
    marks.update(toolbars(kept_lines, texts, rules))
    marks.update(consent_boxes(kept_lines, texts))
    topics: TopicWords = {}  # each text's topic words, read by button_runs and reader_notes
    marks.update(button_runs(kept_lines, texts, topics))
    marks.update(repeats_in_a_row(kept_lines, texts))
    marks.update(pagers(texts))
    marks.update(media_lengths(kept_lines, texts))
    marks.update(teaser_stamps(kept_lines, texts, rules))
    marks.update(noted_links(texts, page_texts))
    marks.update(inline_boxes(kept_lines, texts, rules))
    marks.update(boxes_under_removed_labels(kept_lines, removed_labels_above(doc, kept, lines, rules)))
    marks.update(credits_over_captions(kept, page_texts, lines, rules))
    marks.update(head_bylines(kept_lines, texts, rules))
    # Last: the fine print next to a sign-up prompt removed by any rule, earlier stages' or the above,
    # and the notes to the reader beside a removed line of their box.
    gone = {i for i, block in enumerate(doc.blocks) if block.removal is not None} | {kept[position] for position in marks}
    marks.update(fine_print(lines, page_texts, kept, gone, rules))
    beside_gone = [any(k in gone and lines[k].words <= MAX_BOX_LABEL_WORDS for k in (i - 1, i + 1)) for i in kept]
    for position, reason in reader_notes(kept_lines, texts, beside_gone, rules, topics).items():
        marks.setdefault(position, reason)
    for position, reason in sorted(marks.items()):
        doc.blocks[kept[position]].remove(Stage.BOILERPLATE, reason)
    return doc
