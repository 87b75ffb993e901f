"""Notes to the reader that no phrase list knows: a line that addresses the reader ("you", "Ihre",
"vous": the rules' reader_words; or opens with a call to action: "Get the ... app") and names none
of the article's content words: a cookie banner's sentence, an app's or a newsletter's pitch, a
subscription prompt over the first paragraph. It names 3 content words or more at the article's
edge (no running text on one side of it), 4 or more beside a short line of its box already
removed (a button, a prompt, an e-mail field); between two paragraphs, only a line that opens
with a call to action goes, naming 4 content words or more (a "you" in running text is mostly the article's
own: "The more code you use, the more likely it breaks.", a song's lyrics).

The signal is the shape, so it holds however the note is worded: the article's own lines talk
about its topic, and a line that speaks to the reader about something else (their device, their
inbox, the site's app) is the page's. In the 575 dev and train golds, 5 lines pass (a site's
invitation to join it, a newsletter's box, a plan's price box, a tweet to follow). The box's
labels next to the note ("OK, got it", "Open app", "View all articles") go with it when they name
no content word of the article either.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from ..model.features import LineFeatures
from ..rules import Rules
from .button_runs import TopicWords, page_topic_words
from .edge_bios import REASON as BIO_REASON, edge_bios

# A note is a sentence or two.
MAX_NOTE_WORDS = 30
# ... naming this many content words at the article's edge, one more beside a removed line of its
# box or for a call to action between two paragraphs (a short "Thank you!" says too little to
# tell; "Have you considered the other options?" is a question of the article's).
MIN_NOTE_TOPIC_WORDS = 3
# Only in an article this rich (distinct content words) does a line naming none of them stand out.
MIN_ARTICLE_TOPIC_WORDS = 100
# The box's labels taken with the note, on each side: short lines that are no sentence.
MAX_BOX_LABELS = 2
MAX_LABEL_WORDS = 8
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
SENTENCE_BREAK = re.compile(r"[.!?…:;\"“„«(—–-]\s*$")
# Quoted speech ("'Forget what you heard,' he said") addresses the one spoken to, not the reader.
QUOTES = re.compile(r"[\"“”„«»]")
EDGE_REASON = "a note to the reader at the article's edge, naming no word of the article"
BOX_REASON = "a note to the reader beside a removed line of its box, naming no word of the article"
MIDDLE_REASON = "a note to the reader between paragraphs, naming no word of the article"
LABEL_REASON = "a label of a note to the reader or of an author's biography, naming no word of the article"


def addresses_reader(features: LineFeatures, text: str, rules: Rules) -> bool:
    """The line opens with a call to action, or holds a word that addresses the reader: any case
    for most ("you", "vous"), as written and not opening a sentence for a capitalised one ("Sie")."""
    if rules.calls_to_action.prefix(features.folded):
        return True
    for match in WORD.finditer(text):
        word = match.group()
        if word.casefold() in rules.reader_words:
            return True
        if word in rules.reader_words_as_written and match.start() > 0 and not SENTENCE_BREAK.search(text[: match.start()]):
            return True
    return False


def reader_notes(
    lines: Sequence[LineFeatures], texts: Sequence[str], beside_gone: Sequence[bool], rules: Rules, known: TopicWords | None = None
) -> dict[int, str]:
    """Positions of the kept lines that are notes to the reader (see the module) or an author's
    biography at the article's edge (edge_bios.py), with their box's labels (`known`: the texts'
    topic words button_runs read, see page_topic_words)."""
    prose = [i for i, features in enumerate(lines) if features.is_prose]
    if len(prose) < 3:
        return {}
    first, last = prose[0], prose[-1]
    # A topic word that is a function word ("should", "nicht") or addresses the reader names no topic.
    stopwords, reader_words = rules.all_stopwords, rules.reader_words

    known = {} if known is None else known

    def content_words(text: str) -> list[str]:
        (found,) = page_topic_words((text,), known)
        return [word for word in found if word not in stopwords and word not in reader_words]

    # The notes that may go, by where they stand: cheap tests first, the page's words only if any is left.
    candidates = []
    for i, features in enumerate(lines):
        if not 0 < features.words <= MAX_NOTE_WORDS or QUOTES.search(texts[i]):
            continue
        if i <= first or i >= last:
            wanted = MIN_NOTE_TOPIC_WORDS if addresses_reader(features, texts[i], rules) else None
        elif beside_gone[i]:
            # A live blog's reply under a reader's message, beside its removed "Share", names 3.
            wanted = MIN_NOTE_TOPIC_WORDS + 1 if addresses_reader(features, texts[i], rules) else None
        elif rules.calls_to_action.prefix(features.folded):
            wanted = MIN_NOTE_TOPIC_WORDS + 1
        else:
            continue  # a "you" between two paragraphs is mostly the article's ("The more code you use, ...")
        if wanted is not None and len(set(content_words(texts[i]))) >= wanted:
            candidates.append(i)
    bios = edge_bios(lines, texts, prose, rules)
    if not candidates and not bios:
        return {}
    words = [content_words(text) for text in texts]
    counts = Counter(word for line_words in words for word in set(line_words))

    def names_nothing(i: int) -> bool:
        return all(counts[word] == 1 for word in set(words[i]))

    marks = dict.fromkeys(bios, BIO_REASON)
    for i in candidates if len(counts) >= MIN_ARTICLE_TOPIC_WORDS else ():
        if names_nothing(i):
            marks[i] = EDGE_REASON if i <= first or i >= last else BOX_REASON if beside_gone[i] else MIDDLE_REASON
    for i in list(marks):
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines) and abs(j - i) <= MAX_BOX_LABELS and is_label(lines[j]) and names_nothing(j):
                marks.setdefault(j, LABEL_REASON)
                j += step
    return marks


def is_label(features: LineFeatures) -> bool:
    """A short line that is no sentence: a button, a heading, a link."""
    return 0 < features.words <= MAX_LABEL_WORDS and not features.is_prose and not features.sentence_end
