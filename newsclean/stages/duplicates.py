"""Exact and near-duplicate paragraphs: the first occurrence stays, later copies are removed.
Machine residue goes too: a line gluing a run of other lines together ("the whole article
again as one long line"), and a short line said again word for word inside a longer paragraph.

Cost stays near-linear in the number of lines: paragraphs are bucketed by a few blocking keys
(their folded text, first words, last words) and only paragraphs that share a key
are compared with rapidfuzz, at most `duplicate_bucket_size` per key. Very long paragraphs are
compared on a bounded head and tail. Short lines (subheadings, "Share") are never collapsed on
their own, only as part of a run of lines that repeats an earlier run.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Container
from itertools import chain, compress

from ..config import Config
from ..document import Block, Document, Stage
from ..model.features import analyze
from ..parse import fuzzy
from ..parse.text import each_text_once, word_key
from ..rules import load_rules
from .span_edges import trim_labels

ANCHOR_WORDS = 6  # words in the first-words and last-words blocking keys


def _blocking_keys(folded: str) -> tuple[object, ...]:
    """Keys a paragraph shares with its near-copies: its whole text (as a hash: a page of huge
    lines need not be stored twice), its head and its tail (a copy with a changed word or a
    cut-off end keeps at least one of them). Candidates are compared anyway, so a hash
    collision costs a comparison, never a wrong mark."""
    tokens = folded.split(" ", ANCHOR_WORDS)[:ANCHOR_WORDS]
    tail = folded.rsplit(" ", ANCHOR_WORDS)[-ANCHOR_WORDS:]
    return hash(folded), "^" + " ".join(tokens), "$" + " ".join(tail)


class FoldedTexts:
    """The blocks' texts as word_key folds them, folded on demand and only the recently used
    kept: the copy search reads a few neighbours and candidates at a time, never all at once."""

    def __init__(self, texts: list[str], cache_size: int = 4096) -> None:
        self.texts, self.cache_size = texts, cache_size
        self.cache: dict[int, str] = {}

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> str:
        folded = self.cache.get(i)
        if folded is None:
            if len(self.cache) >= self.cache_size:
                self.cache.clear()
            folded = self.cache[i] = word_key(self.texts[i])
        return folded


# The blocks' folded texts: a list when a page has no more lines than FoldedTexts keeps (nearly
# every page: reading a list costs no method call), else FoldedTexts.
Folded = list[str] | FoldedTexts


def folded_texts(texts: list[str], cache_size: int = 4096, known: dict[str, str] | None = None) -> Folded:
    """The texts folded by word_key: all at once for a page of at most cache_size lines (reusing
    and filling `known`, text -> its fold), else on demand."""
    if len(texts) > cache_size:
        return FoldedTexts(texts, cache_size)
    if known is None:
        return [word_key(text) for text in texts]
    return each_text_once(texts, word_key, known)


def _bounded(text: str, limit: int) -> str:
    """Head and tail of a long text: enough to tell copies apart, cheap to compare."""
    return text if len(text) <= 2 * limit else text[:limit] + text[-limit:]


# A line whose characters are this share digits or more is told apart by its numbers: the rows
# of a table (a query's output, a timetable, results) are alike by design, each giving others.
# A paragraph with a number is told apart by its words: a copy of it with a number damaged or
# added ("... at large. (9News)") is still a copy.
NUMBER_SHARE = 0.25
DIGIT = re.compile(r"\d")


def numbers_differ(copy: str, original: str) -> bool:
    """`copy` is mostly numbers and gives other ones than `original` (a truncated copy: other
    than the original's first ones): the next row of a table, not a copy of the line."""
    ours = "".join(DIGIT.findall(copy))
    if len(ours) < NUMBER_SHARE * (len(copy) - copy.count(" ")):
        return False
    theirs = "".join(DIGIT.findall(original))
    return ours != (theirs[: len(ours)] if len(copy) < len(original) else theirs)


def copy_score(copy: str, original: str, config: Config) -> float:
    """How much `copy` repeats `original` (0-100), as similarity has it; none when `copy` is a row
    of numbers that differ from the original's, however alike the rest (see NUMBER_SHARE)."""
    if copy != original and numbers_differ(copy, original):
        return 0.0
    return similarity(copy, original, config)


def similarity(copy: str, original: str, config: Config) -> float:
    """How much `copy`'s text repeats `original`'s (0-100), counting a truncated copy as a repeat."""
    limit = config.duplicate_compare_chars
    if copy == original:
        return 100.0
    a, b = _bounded(copy, limit), _bounded(original, limit)
    score = fuzzy.ratio(a, b)
    if len(original) > len(copy) >= config.duplicate_min_truncated * len(original):
        # A truncated copy is a near-exact prefix of the original. (A later paragraph that
        # starts like an earlier, shorter one and goes on is not a copy: it says more.)
        head = copy[: 2 * limit]
        score = max(score, fuzzy.ratio(head, original[: len(head)]))
    return score


def _mark(block: Block, original: Block, score: float) -> None:
    block.remove(
        Stage.DUPLICATE,
        f"duplicate of line {original.line} ({score:.0f}%)",
        duplicate_of=original.line,
        score=round(score, 1),
    )


Copies = dict[int, tuple[int, float]]  # position of a copy -> (position of its original, score)


def find_copies(folded: Folded, config: Config, known_keys: dict[str, tuple[object, ...]] | None = None) -> Copies:
    """Paragraphs (by position) that repeat an earlier one, with the original and the score
    (`known_keys`: the folds' blocking keys made so far, reused and filled)."""
    buckets: dict[object, list[int]] = defaultdict(list)
    copies: Copies = {}
    known = {} if known_keys is None else known_keys
    positions, line_keys = [], []
    for pos in range(len(folded)):
        key_text = folded[pos]
        if len(key_text) < config.duplicate_min_chars:
            continue
        keys = known.get(key_text)
        if keys is None:
            keys = known[key_text] = _blocking_keys(key_text)
        positions.append(pos)
        line_keys.append(keys)
    # A line none of whose keys another line has can neither find an original nor be one: its
    # buckets would hold it alone. Only the lines that share a key are bucketed (most lines of a
    # page share none: counted at C speed).
    counts = Counter(chain.from_iterable(line_keys))
    shared = {key for key, count in counts.items() if count > 1}
    for pos, keys in zip(positions, line_keys):
        if shared.isdisjoint(keys):
            continue
        key_text = folded[pos]
        best, best_score = None, 0.0
        for key in keys:
            for other in buckets.get(key, ()):
                score = copy_score(key_text, folded[other], config)
                if score > best_score:
                    best, best_score = other, score
            if best_score == 100.0:
                break
        if best is not None and best_score >= config.duplicate_threshold:
            copies[pos] = (best, best_score)
            continue
        for key in keys:
            bucket = buckets[key]
            if len(bucket) < config.duplicate_bucket_size:
                bucket.append(pos)
    return copies


# A line that anchors a damaged line inside a repeated run is said there and in its original:
# printed more often than this, it is a widget repeated down the page, not a copied block.
MAX_ANCHOR_PRINTS = 2
# Between a widget's prints, a line is a damaged copy only when this alike (0-100) to its
# counterpart: a changed word or name keeps two lines above it; two paragraphs score 30-50.
WIDGET_GAP_MIN_SCORE = 60


def extend_runs(folded: Folded, copies: Copies, config: Config) -> Copies:
    """Lines next to a copy that repeat the lines next to its original belong to the copy, short
    ones included; one damaged line (a changed word) inside such a run is part of it too."""
    extra: Copies = {}
    prints: Counter[int] = Counter()  # a text's hash -> how often the page prints it, counted once needed

    def repeats(c: int, o: int, score: Callable[[str, str, Config], float] = copy_score) -> float:
        if not folded[c] or not (0 <= o < len(folded)):
            return 0.0
        return score(folded[c], folded[o], config)

    def a_widget(pos: int) -> bool:
        if not prints:
            prints.update(hash(folded[i]) for i in range(len(folded)))
        return prints[hash(folded[pos])] > MAX_ANCHOR_PRINTS

    for copy, (original, _) in sorted(copies.items()):
        for step in (1, -1):
            c, o = copy + step, original + step
            while 0 <= c < len(folded) and 0 <= o < len(folded) and c != o and c not in copies and c not in extra:
                score = repeats(c, o)
                if score < config.duplicate_threshold:
                    # A damaged line counts when the line after it repeats again.
                    following = c + step
                    if not (0 <= following < len(folded)) or following in copies or following == o + step:
                        break
                    if repeats(following, o + step) < config.duplicate_threshold:
                        break
                    score = max(score, repeats(c, o, similarity))
                    # When that line is a widget the page prints again and again ("Article
                    # content", a consent box under every item), the runs are the widget's prints
                    # and a line between two of them is a copy only if it reads like one (a
                    # table's rows): else it is the article going on between the widget's prints.
                    if score < WIDGET_GAP_MIN_SCORE and a_widget(following):
                        break
                extra[c] = (o, score)
                c, o = c + step, o + step
    return extra


def _all_copies(doc: Document, config: Config) -> tuple[list[Block], Folded, Copies]:
    kept = doc.kept()
    # Both duplicate stages fold the page's lines: the second reuses the first's folds.
    if doc.word_keys is None:
        doc.word_keys = {}
    folded = folded_texts([b.text for b in kept], known=doc.word_keys)
    if doc.blocking_keys is None:
        doc.blocking_keys = {}
    copies = find_copies(folded, config, doc.blocking_keys)
    copies.update(extend_runs(folded, copies, config))
    return kept, folded, copies


# Machine residue: a line that is a run of other lines glued together ("the whole article again
# as one long line") is a copy of them when the run covers this share of it.
MIN_RUN_COVER = 0.9
MIN_RUN_LINES = 2
HEAD_CHARS = 40  # blocking key: a line's first characters
# A short line (a pull quote, a caption repeating a sentence) said again word for word inside a
# paragraph at least twice its length is a copy of it. Blocking key: its first SHINGLE words.
SHINGLE = 4
MIN_CONTAINED_WORDS = 5
MIN_CONTAINER_WORDS = 2 * MIN_CONTAINED_WORDS
SHINGLE_BUCKET = 8  # paragraphs remembered per shingle (a boilerplate shingle stays cheap)
# Paragraphs glued with no space between ("...fragt.Dann kommt ..."): a sentence's end right
# against the next word. Two letters before the stop, so "u.s." and "e.g." are not parted.
# (The pattern opens with the stop itself, a set of three characters that the search skips to
# at C speed; opened with the look-behind, it was tried at every position of every paragraph.)
GLUED_SENTENCE = re.compile(r"[.!?](?<=[^\W\d_]{2}.)(?=[^\W\d_])")


def sentences_spaced(text: str) -> str:
    """The text with a space after each sentence end glued to the next word (else the text).

    >>> sentences_spaced("It rained.Then it stopped, e.g. at noon.")
    'It rained. Then it stopped, e.g. at noon.'
    """
    return GLUED_SENTENCE.sub(r"\g<0> ", text) if GLUED_SENTENCE.search(text) else text


def find_glued_runs(folded: Folded, config: Config) -> dict[int, tuple[int, int]]:
    """Lines (by position) that are a run of two or more other lines glued together, with the
    run's first and last position. Linear: each line is looked up by its head, then walked once."""
    heads: dict[str, list[int]] = defaultdict(list)
    for pos in range(len(folded)):
        text = folded[pos]
        if len(text) >= config.duplicate_min_chars and len(heads[text[:HEAD_CHARS]]) < config.duplicate_bucket_size:
            heads[text[:HEAD_CHARS]].append(pos)
    glued: dict[int, tuple[int, int]] = {}
    for pos in range(len(folded)):
        text = folded[pos]
        if len(text) < 2 * config.duplicate_min_chars:
            continue
        for start in heads.get(text[:HEAD_CHARS], ()):
            end, covered = _glued_run(text, folded, start, pos)
            if end - start + 1 >= MIN_RUN_LINES and covered >= MIN_RUN_COVER * len(text):
                glued[pos] = (start, end)
                break
    return glued


def _glued_run(text: str, folded: Folded, start: int, line: int) -> tuple[int, int]:
    """How far the lines from `start` on spell `text` one after the other: (last line, characters covered)."""
    offset, pos = 0, start
    while pos < len(folded) and pos != line and offset < len(text):
        part = folded[pos]
        if not part or not text.startswith(part, offset):
            break
        offset += len(part)
        while offset < len(text) and text[offset] == " ":
            offset += 1
        pos += 1
    return pos - 1, offset


def find_contained(folded: Folded, taken: Container[int], containers: Container[int] | None = None) -> dict[int, int]:
    """Short lines (by position) said again word for word inside a longer paragraph, with its
    position (only the paragraphs at `containers` when given). Near-linear: paragraphs are indexed
    by their word shingles (a bounded number per shingle), a short line is looked up by its first
    shingle only."""
    # Only shingles some short line starts with are ever looked up: index those alone, found by
    # their first word (a set lookup) before any shingle is joined and hashed.
    starts: dict[int, int] = {}  # position of a short line -> the hash of its first shingle
    first_words: set[str] = set()
    long_enough: list[int] = []  # the lines long enough to hold one, in order (one count per line)
    for pos in range(len(folded)):
        text = folded[pos]
        words = text.count(" ") + 1  # (counted before split: most lines are shorter than either)
        if words < MIN_CONTAINED_WORDS or pos in taken:
            continue
        head = text.split(" ", SHINGLE)[:SHINGLE]
        starts[pos] = hash(" ".join(head))
        first_words.add(head[0])
        if words >= MIN_CONTAINER_WORDS and (containers is None or pos in containers):
            long_enough.append(pos)
    if not starts:
        return {}
    wanted = set(starts.values())
    index: dict[int, list[int]] = defaultdict(list)
    for pos in long_enough:
        text = folded[pos]
        spaced = sentences_spaced(text)
        # Both readings: a glued copy of paragraphs holds them only once their ends are parted.
        for words in (text.split(" "), spaced.split(" ")) if spaced is not text else (text.split(" "),):
            if first_words.isdisjoint(words):
                continue
            # Only the places where a wanted first word stands, picked out at C speed.
            for i in compress(range(len(words) - SHINGLE + 1), map(first_words.__contains__, words)):
                key = hash(" ".join(words[i : i + SHINGLE]))
                if key in wanted:
                    bucket = index[key]
                    if len(bucket) < SHINGLE_BUCKET and (not bucket or bucket[-1] != pos):
                        bucket.append(pos)
    contained: dict[int, int] = {}
    spaced: dict[int, str] = {}  # each container with its glued sentence ends parted, made once

    def spaced_container(other: int) -> str:
        if other not in spaced:
            spaced[other] = f" {sentences_spaced(folded[other])} "
        return spaced[other]

    for pos, key in starts.items():
        text = folded[pos]
        for other in index.get(key, ()):
            container = folded[other]
            if other != pos and len(container) >= 2 * len(text) and (
                f" {text} " in f" {container} " or f" {text} " in spaced_container(other)):
                contained[pos] = other
                break
    return contained


# A copy of the article glued into one line is longer than this many words, and the lines it
# holds word for word make up this share of it or more (a paragraph quoting a pull quote twice
# holds far less).
GLUED_COPY_MIN_WORDS = 300
GLUED_COPY_COVER = 0.5


def glued_copies(texts: list[str], sizes: list[float]) -> list[int]:
    """Positions of the long lines that are mostly other lines of the page glued together (machine
    residue: the whole article again as one line, with or without spaces between its paragraphs).
    Cheap when no line is that long (nearly every page): nothing is folded then."""
    if not sizes or max(sizes) < GLUED_COPY_MIN_WORDS:
        return []
    long_lines = {pos for pos, size in enumerate(sizes) if size >= GLUED_COPY_MIN_WORDS}
    folded = folded_texts(texts)
    covered: Counter[int] = Counter()
    for pos, container in find_contained(folded, (), long_lines).items():
        covered[container] += len(folded[pos])
    return sorted(pos for pos, chars in covered.items() if chars >= GLUED_COPY_COVER * len(folded[pos]))


def mark_duplicates(doc: Document, config: Config) -> Document:
    """Remove later copies of paragraphs, short lines inside a repeated run, lines that glue a
    run of other lines together, and short lines said again inside a longer paragraph."""
    kept, folded, copies = _all_copies(doc, config)
    for pos, (original, score) in copies.items():
        _mark(kept[pos], kept[original], score)
    glued = find_glued_runs(folded, config)
    for pos, (start, end) in glued.items():
        # Not when a line of the run went as a copy of this very line: the two would name each
        # other as the original, and the text would be gone from the output altogether.
        if pos not in copies and all(copies.get(part, (None,))[0] != pos for part in range(start, end + 1)):
            kept[pos].remove(Stage.DUPLICATE, f"repeats lines {kept[start].line}-{kept[end].line}",
                             duplicate_of=kept[start].line, score=100.0)
    contained = find_contained(folded, {**copies, **glued})
    held: dict[int, list[int]] = defaultdict(list)
    for pos, container in contained.items():
        held[container].append(pos)
    for container, parts in held.items():
        if len(parts) >= MIN_RUN_LINES:
            # A line holding several others word for word is residue gluing them (with gaps
            # or other lines between): it goes, they stay.
            kept[container].remove(Stage.DUPLICATE, f"repeats lines {kept[min(parts)].line}-{kept[max(parts)].line}",
                                   duplicate_of=kept[min(parts)].line, score=100.0)
        else:
            kept[parts[0]].remove(Stage.DUPLICATE, f"said again in line {kept[container].line}",
                                  duplicate_of=kept[container].line, score=100.0)
    if copies and doc.input_format == "text":  # HTML edges are trafilatura's, not span_edges'
        _trim_stranded_labels(doc, config)
    return doc


def _trim_stranded_labels(doc: Document, config: Config) -> None:
    """A label that stood between the article and a copy of it now ends the body: the article's
    edges are running text (span_edges), so it goes, as it would have without the copy."""
    lines = analyze(doc, load_rules(config.rule_files)).lines
    kept = doc.kept_positions()
    _, end = trim_labels([lines[i] for i in kept], [doc.blocks[i].text for i in kept], 0, len(kept))
    for position in range(end, len(kept)):
        doc.blocks[kept[position]].remove(Stage.BOILERPLATE, "after the article (left there by a removed copy)")


def mark_repeated_blocks(doc: Document, config: Config) -> Document:
    """Remove whole repeated blocks (a scraper fault: the article body twice) before the article's
    edges are looked for, so that a copy far below cannot stretch the article down to it."""
    kept, _, copies = _all_copies(doc, config)
    run: list[int] = []
    prints: Counter[int] = Counter()  # an original's position -> its copies inside removed runs
    for pos in [*sorted(copies), -2]:
        if run and pos != run[-1] + 1:
            if len(run) >= config.repeated_block_lines:
                for p in run:
                    _mark(kept[p], kept[copies[p][0]], copies[p][1])
                    prints[copies[p][0]] += 1
            run = []
        run.append(pos)
    # (No copy removed in a run, no widget: the kept lines' texts are listed only when one was.)
    for p in widget_blocks(prints, [b.text for b in kept], config.repeated_block_lines) if prints else ():
        kept[p].remove(Stage.BOILERPLATE, f"a block printed {prints[p] + 1} times down the page (a widget)")
    return doc


# A block printed this often (the first print and its copies) is a widget repeated down the page
# (a "most read" box between the paragraphs), not the article printed twice by a scraper fault.
MIN_WIDGET_PRINTS = 3
# ... and its lines are a widget's: headlines, names, labels, none of them a sentence or a long
# line (counted in characters: a CJK paragraph has no spaces), none of them code or a table's row
# (a tutorial prints its code and its query's output again as it grows them).
MAX_WIDGET_LINE_CHARS = 160
NOT_WIDGET = re.compile(r"[{}();=<>\[\]|│]|[.!?。！？]\W*$")


def is_widget_line(text: str) -> bool:
    """A short line that is no sentence, no code and no table row."""
    return len(text) <= MAX_WIDGET_LINE_CHARS and NOT_WIDGET.search(text.strip()) is None


def widget_blocks(prints: Counter[int], texts: list[str], min_lines: int) -> list[int]:
    """Positions of the first print of every block of at least min_lines short lines that the
    page prints MIN_WIDGET_PRINTS times or more (prints: a position -> its removed copies)."""
    widget = sorted(p for p, n in prints.items() if n + 1 >= MIN_WIDGET_PRINTS)
    marks: list[int] = []
    run: list[int] = []
    for pos in [*widget, -2]:
        if run and pos != run[-1] + 1:
            if len(run) >= min_lines and all(is_widget_line(texts[p]) for p in run):
                marks.extend(run)
            run = []
        run.append(pos)
    return marks
