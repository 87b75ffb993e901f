"""A line of links between two paragraphs of the article, on an HTML page read by the fast reader:
kept with them.

`page_furniture` removes a short block that is mostly link text before the text stages run
(a menu's item, a teaser's headline). Inside the article, between two of its paragraphs, such a
block is the article's own cross-reference (a linked headline the article cites, a list item naming a
fixed bug with its link), which the trafilatura engine keeps with the paragraphs around it. Here,
once the article's edges are chosen, a block removed as link text goes back when the blocks right
above and below it (text-holding ones) are kept and set in the same tag as it, a `<p>` or an
`<li>`, and no class or id word names furniture around it, unless the boilerplate stage's rules
remove it as they would any kept line (a `Read more:` label, a prompt). Fast engine page F1 dev
.96525 -> .96576 (firefox-nightly-blog .928 -> .941, lemonde-1, spiceworks, wapo-1), train .95996
-> .96009 (9 pages up: youbeauty.com1 .887 -> .943, businessinsider.com2 .963 -> 1.000, Asahi; 8
down, fundus's gold leaving its "read more" lines out: EyethuNews .990 -> .940, as the trafilatura
engine keeps them: .950). Without the boilerplate rules, dev .96593 and train .96015 (cnn's
`Related:` lines and Nettavisen's are in their gold), a gain the rules' labels and prompts hold off
on purpose; only `<p>`: dev .96572, train .96015; only `<li>`: dev .96546, train unchanged; only
blocks under 90% links: dev .96554, train .96006.

An entry of the article's own numbered list goes back too, wherever it stands in the span: a link
line that opens with an item number next to the number of a kept entry of the list ("12." below a
kept "11."; a countdown's "21)" over a kept "20)", each found from the next), once the span holds
MIN_KEPT_ENTRIES numbered lines. A ranking's titles are often links to what they rank ("7) The Old
Weir" over the walk's description), and two of them in a row had no kept block of their tag
above and below. A rail of numbered links beside the article ("1. Most read headline") has no kept
entry of its own between them; the boilerplate rules still apply. Fast engine page F1 dev .97070
-> .97077 (videos-1), train .96174 -> .96179 (flavorwire.com1 .974 -> 1.000), none down.

So do a list article's section headings set as links (`<h3><a href="...">Mill Lane Bakery</a></h3>`
over the café's review), when MIN_LINKED_HEADINGS of them each stand below a kept block and over
a kept paragraph of MIN_SECTION_WORDS words or more. Fast engine page F1 dev .97077 -> .97102
(yahoo-1 .939 -> .957; toc-missing's headings of the gold too), train .96179 -> .96180
(avclub.com1), none down. Over any kept block, three teaser cards' headlines over their dates came
back (SeznamZpravy .898 -> .882); over a paragraph of 15 words, a section front's cards (a headline
over a one-sentence blurb) and nytimes-5's teasers.
"""

from __future__ import annotations

import re

from ..config import Config
from ..document import Block, Document
from ..model.dommodel import named_kind
from ..model.features import analyze
from ..parse.text import is_list_item
from ..rules import load_rules
from .boilerplate import boilerplate_reason
from .dom import LINK_TEXT

# The tags a line of links stands in between two paragraphs of its own kind.
LINK_LINE_TAGS = frozenset({"p", "li"})
# The span keeps this many numbered lines when the article is a numbered list.
MIN_KEPT_ENTRIES = 2
# A list article's section headings, each a link: this many between kept blocks at least.
SECTION_HEADING_TAGS = frozenset({"h2", "h3", "h4"})
MIN_LINKED_HEADINGS = 3
# ... each over a paragraph this long: a teaser card's linked headline stands over its date or a
# one-line blurb.
MIN_SECTION_WORDS = 40
# An item's number, after an opening bracket if any ("12.", "3)", "（2）").
ITEM_NUMBER = re.compile(r"[（(]?(\d{1,3})")


def is_link_line(block: Block, tags: frozenset[str] | None = LINK_LINE_TAGS) -> bool:
    """True for a block page_furniture removed as link text, outside named furniture, set in one of
    `tags` (any tag when None)."""
    dom, removal = block.dom, block.removal
    return (dom is not None and removal is not None and removal.reason.startswith(LINK_TEXT)
            and (tags is None or dom.tag in tags) and named_kind(dom.named) is None)


def item_number(text: str) -> int | None:
    """The number a numbered list item opens with ("12. Dunkirk" -> 12), None for any other line."""
    if not text[:1].isdecimal() and text[:1] not in "(（" or not is_list_item(text):
        return None
    match = ITEM_NUMBER.match(text)
    return int(match.group(1)) if match else None


def kept_in_tag(block: Block, tag: str) -> bool:
    """True for a kept block set in `tag`."""
    return block.kept and block.dom is not None and block.dom.tag == tag


def next_with_text(blocks: list[Block], i: int, step: int) -> Block | None:
    """The nearest block from position i (exclusive) in direction step that holds text."""
    i += step
    while 0 <= i < len(blocks):
        if blocks[i].text.strip():
            return blocks[i]
        i += step
    return None


def keep_link_lines(doc: Document, config: Config) -> Document:
    """Keep again each line of links that stands between two kept blocks of its own tag."""
    blocks = doc.blocks
    # Only between the first and the last kept block (menus of links stand around the article).
    first = next((i for i, block in enumerate(blocks) if block.removal is None), None)
    if first is None:
        return doc
    last = next(i for i in range(len(blocks) - 1, first - 1, -1) if blocks[i].removal is None)
    between: list[Block] = []
    for i in range(first + 1, last):
        block = blocks[i]
        if block.removal is None or not is_link_line(block) or not block.text.strip():
            continue
        tag = block.dom.tag
        above, below = next_with_text(blocks, i, -1), next_with_text(blocks, i, 1)
        if above is not None and below is not None and kept_in_tag(above, tag) and kept_in_tag(below, tag):
            between.append(block)
    between += numbered_entries(blocks, first, last, {id(block) for block in between})
    between += linked_headings(blocks, first, last, {id(block) for block in between})
    for block in not_boilerplate(doc, between, config):
        block.removal = None
    return doc


def numbered_entries(blocks: list[Block], first: int, last: int, taken: set[int]) -> list[Block]:
    """The link lines in the span [first, last] that continue the numbering of its kept numbered
    lines: each a number next to one kept or found before it (a run of linked entries, read both ways)."""
    numbers: set[int] = set()
    candidates: dict[int, list[Block]] = {}
    for block in blocks[first : last + 1]:
        if block.removal is None:
            if (number := item_number(block.text)) is not None:
                numbers.add(number)
        elif id(block) not in taken and is_link_line(block, tags=None):
            if (number := item_number(block.text)) is not None:
                candidates.setdefault(number, []).append(block)
    if len(numbers) < MIN_KEPT_ENTRIES or not candidates:
        return []
    found: list[Block] = []
    # From each kept number outwards, one step at a time: linear in the entries.
    reach = list(numbers)
    while reach:
        number = reach.pop()
        for step in (number - 1, number + 1):
            if step in candidates:
                found += candidates.pop(step)
                reach.append(step)
    return found


def linked_headings(blocks: list[Block], first: int, last: int, taken: set[int]) -> list[Block]:
    """The headings in the span removed as link text, each below a kept block and over a kept
    paragraph of MIN_SECTION_WORDS words or more, when the span holds MIN_LINKED_HEADINGS of them or
    more: a list article's sections, titled by links to what each is about."""
    found = []
    for i in range(first + 1, last):
        block = blocks[i]
        if (block.removal is None or id(block) in taken or not is_link_line(block, tags=SECTION_HEADING_TAGS)
                or not block.text.strip()):
            continue
        above, below = next_with_text(blocks, i, -1), next_with_text(blocks, i, 1)
        if (above is not None and below is not None and above.kept and kept_in_tag(below, "p")
                and len(below.text.split()) >= MIN_SECTION_WORDS):
            found.append(block)
    return found if len(found) >= MIN_LINKED_HEADINGS else []


def not_boilerplate(doc: Document, blocks: list[Block], config: Config) -> list[Block]:
    """The blocks the boilerplate stage's rules would leave, read as the text stages read the lines
    they keep: a link line with a boilerplate label ("Related: ...", "Lesen Sie auch: ..."), a
    prompt or a copyright line is no article text, wherever the markup sets it."""
    if not blocks:
        return []
    rules = load_rules(config.rule_files)
    view = Document(source=doc.source, blocks=[Block(b.line, b.text, dom=b.dom) for b in blocks], meta=doc.meta,
                    input_format=doc.input_format, encoding=doc.encoding)
    return [block for block, features in zip(blocks, analyze(view, rules).lines)
            if boilerplate_reason(block.text, features, rules) is None]
