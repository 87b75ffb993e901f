"""The Document record: blocks removed once, with the first reason; removals shared by reason."""

from newsclean import document
from newsclean.document import Block, Removal, Stage


def test_first_reason_wins() -> None:
    block = Block(1, "Share")
    block.remove(Stage.BOILERPLATE, "a label")
    block.remove(Stage.FOOTER, "after the article")
    assert block.removal == Removal(Stage.BOILERPLATE, "a label")


def test_blocks_removed_for_one_reason_share_the_removal() -> None:
    first, second, other = Block(1, "a"), Block(2, "b"), Block(3, "c")
    first.remove(Stage.FOOTER, "after end-of-article marker \"Comments\"")
    second.remove(Stage.FOOTER, "after end-of-article marker \"Comments\"")
    other.remove(Stage.BOILERPLATE, "after end-of-article marker \"Comments\"")
    assert first.removal is second.removal
    assert other.removal == Removal(Stage.BOILERPLATE, "after end-of-article marker \"Comments\"")


def test_duplicates_keep_their_own_removal() -> None:
    copy = Block(5, "Same paragraph")
    copy.remove(Stage.DUPLICATE, "duplicate of line 2", duplicate_of=2, score=100.0)
    assert copy.removal == Removal(Stage.DUPLICATE, "duplicate of line 2", 2, 100.0)


def test_the_shared_table_stays_bounded() -> None:
    for number in range(document.SHARED_REMOVALS_MAX + 10):
        block = Block(number, "x")
        block.remove(Stage.BOILERPLATE, f"before the article (lines 1-{number})")
        assert block.removal == Removal(Stage.BOILERPLATE, f"before the article (lines 1-{number})")
    assert len(document._shared_removals) <= document.SHARED_REMOVALS_MAX


def test_remove_blocks_is_remove_of_each_block() -> None:
    removed_first = Block(2, "b", Removal(Stage.HEADER, "header"))
    blocks = [Block(1, "a"), removed_first, Block(3, "c")]
    one_by_one = [Block(b.line, b.text, b.removal) for b in blocks]
    for block in one_by_one:
        block.remove(Stage.BOILERPLATE, "after the article (lines 1-3)")
    document.remove_blocks(blocks, Stage.BOILERPLATE, "after the article (lines 1-3)")
    assert blocks == one_by_one
    assert blocks[1].removal is removed_first.removal  # the first reason still wins
    assert blocks[0].removal is blocks[2].removal  # one Removal for the run
    document.remove_blocks([], Stage.FOOTER, "nothing to remove")  # no block: no error
