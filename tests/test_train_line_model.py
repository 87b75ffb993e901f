"""benchmarks/train_line_model.py: the training harness agrees with the stage it trains for."""

from __future__ import annotations

import pytest
from conftest import SHARED
from test_benchmarks import load

np = pytest.importorskip("numpy")


@pytest.fixture(scope="module")
def trainer():
    return load("train_line_model")


def test_choose_is_main_texts_span_choice(trainer) -> None:
    from newsclean.config import DEFAULT_CONFIG
    from newsclean.stages import main_text

    scores = np.array([-2.0, 3.0, 4.0, -1.0, 5.0, -9.0, -9.0, 8.0, 1.0])
    sizes = np.array([3.0, 20.0, 15.0, 2.0, 30.0, 2.0, 2.0, 25.0, 4.0])
    gains = ((sizes + DEFAULT_CONFIG.region_line_weight) * scores).tolist()
    for markers in ({}, {5: "Comments"}):
        bounds = [-1, *sorted(markers), len(scores)]
        assert trainer.choose(scores, sizes, bounds) == main_text.choose_span(gains, markers, DEFAULT_CONFIG)


def test_sources_group_newspaper_and_newspaper4k(trainer, tmp_path) -> None:
    sources = {pid: trainer.Page(tmp_path / "train", pid, (0, 1)).source
               for pid in ("fundus-uk-BBC_2024", "newspaper4k-wired_001", "newspaper-cnn.com1", "cwced-05e98007", "x")}
    assert sources == {"fundus-uk-BBC_2024": "fundus", "newspaper4k-wired_001": "newspaper",
                       "newspaper-cnn.com1": "newspaper", "cwced-05e98007": "cwced", "x": "train"}


def test_partial_golds_are_left_out(trainer) -> None:
    corpus = SHARED / "corpus" / "train"
    if not (corpus / "manifest.json").is_file():
        pytest.skip("../shared/corpus/train is not beside this checkout")
    ids = {page.id for page in trainer.load_pages([corpus])}
    assert ids and not ids & trainer.PARTIAL_GOLDS


def test_best_label_leaves_out_an_article_line_printed_again_far_below(trainer) -> None:
    # Lines 1-3 are the article; line 9 repeats one of its short lines ("Advertisement") below
    # five lines of other text: first-last stretches the span over them, "best" does not.
    sizes = [4.0, 30.0, 1.0, 40.0, 12.0, 8.0, 9.0, 15.0, 6.0, 1.0]
    inside = [1, 2, 3, 9]
    assert trainer.labelled_span(sizes, inside, "first-last") == (1, 10)
    assert trainer.labelled_span(sizes, inside, "best") == (1, 4)
    assert trainer.labelled_span(sizes, [], "best") == (0, 0)


def test_agreeing_labels_leave_out_a_dump_whose_two_labellings_disagree(trainer) -> None:
    # The first page of the test above: first-last (1, 10) and best (1, 4) share 71 of 122 + 71
    # words, so its label is in doubt; a page where both agree is trained on with first-last.
    sizes = [4.0, 30.0, 1.0, 40.0, 12.0, 8.0, 9.0, 15.0, 6.0, 1.0]
    assert trainer.span_overlap(sizes, (1, 10), (1, 4)) == pytest.approx(2 * 71 / 193)
    assert trainer.training_span(sizes, [1, 2, 3, 9], "agreeing") is None
    assert trainer.training_span(sizes, [1, 2, 3], "agreeing") == (1, 4)
    assert trainer.training_span(sizes, [1, 2, 3, 9], "first-last") == (1, 10)


def test_best_label_spans_a_short_gap_inside_the_article(trainer) -> None:
    # A one-line widget between two paragraphs stays inside the labelled span.
    sizes = [5.0, 30.0, 2.0, 35.0, 6.0]
    assert trainer.labelled_span(sizes, [1, 3], "best") == (1, 4)


def test_kept_view_reads_the_end_markers_main_text_reads(trainer) -> None:
    # The harness scores spans with the flags main_text.scored_span uses; it once called a
    # function main_text no longer imported, which only a training run found.
    from conftest import SAMPLES

    from newsclean.api import parse
    from newsclean.read.raw import decode
    from newsclean.rules import load_rules
    from newsclean.stages.markers import end_marker_flags

    rules = load_rules()
    text, _ = decode((SAMPLES / "en-library-comments.txt").read_bytes())
    doc = parse(text)
    kept, kept_lines, texts, flags = trainer.kept_view(doc, rules)
    assert len(kept) == len(kept_lines) == len(texts) == len(flags) > 0
    assert flags == end_marker_flags(kept_lines, rules)
    assert any(flags)  # the sample's "Comments" heading ends its article


def test_refine_climbs_the_pipelines_own_measure_one_weight_at_a_time(trainer, tmp_path) -> None:
    # A made-up measure, best at weights (2, 0): refine moves the first weight up two steps and
    # leaves the second, whose moves only lose, where it was; the moves are recorded in words.
    pages = [trainer.Page(tmp_path / "dev", "a", (0, 1)), trainer.Page(tmp_path / "train", "fundus-b", (0, 1))]

    def score_all(weights, chosen):
        return {page.id: 1.0 - ((weights[0] - 2.0) ** 2 + weights[1] ** 2) / 100 for page in chosen}

    weights, moves = trainer.refine(np.zeros(2), pages, score_all, [1.0], ("first", "second"), lambda line: None)
    assert weights.tolist() == [2.0, 0.0]
    assert moves == ["first +1 -> 0.99000", "first +1 -> 1.00000"]


def test_refine_keeps_no_move_that_gains_less_than_its_floor(trainer, tmp_path) -> None:
    # A gain of a page or two's noise (under REFINE_MIN_GAIN) is no reason to move a weight.
    pages = [trainer.Page(tmp_path / "dev", "a", (0, 1))]

    def score_all(weights, chosen):
        return {page.id: 0.9 + trainer.REFINE_MIN_GAIN / 2 * weights[0] for page in chosen}

    weights, moves = trainer.refine(np.zeros(1), pages, score_all, [1.0], ("only",), lambda line: None)
    assert weights.tolist() == [0.0] and moves == []
