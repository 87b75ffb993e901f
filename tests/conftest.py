"""Shared fixtures: paths to the project's samples and, when present, the shared dev corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def samples() -> Path:
    return SAMPLES


@pytest.fixture
def dev_corpus() -> Path:
    """The labelled dev corpus beside the checkout; tests using it skip when it is absent."""
    path = SHARED / "corpus" / "dev"
    if not path.is_dir():
        pytest.skip("../shared/corpus/dev is not beside this checkout")
    return path
