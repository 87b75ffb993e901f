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
