"""On real saved pages of the dev corpus, the HTML path is at least as good as trafilatura's own extract()."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import trafilatura

import newsclean

# Every fifth page: a spread of sites and languages that runs in a couple of seconds.
SAMPLE_EVERY = 5


def load_scorer(corpus: Path):  # noqa: ANN201 - a module loaded from the shared tools
    spec = importlib.util.spec_from_file_location("score", corpus.parents[1] / "tools" / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_html_pages_score_at_least_as_well_as_trafilatura(dev_corpus: Path) -> None:
    score = load_scorer(dev_corpus)
    pages = sorted(dev_corpus.glob("*.html"))[::SAMPLE_EVERY]
    ours, theirs = [], []
    for page in pages:
        gold = (dev_corpus / f"{page.stem}.gold.txt").read_text(encoding="utf-8")
        data = page.read_bytes()
        doc = newsclean.clean_bytes(data, str(page))
        ours.append(score.score_doc("\n\n".join(doc.paragraphs), gold)["F1"])
        theirs.append(score.score_doc(trafilatura.extract(data) or "", gold)["F1"])
        assert doc.input_format == "html"
    assert sum(ours) / len(ours) >= 0.93
    assert sum(ours) >= sum(theirs)
