"""Smoke tests of benchmarks/accuracy.py and benchmarks/speed.py: tiny runs, so the harnesses cannot rot.

They use only newsclean and the pure-Python C4 filter (no `[bench]` extra needed), a few corpus
pages (skipped without ../shared) and generated dumps for the speed harness.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


def load(name: str) -> ModuleType:
    """A benchmarks/ script as a module (benchmarks/ is a folder of scripts, not a package)."""
    module_name = f"newsclean_bench_{name}"
    if module_name in sys.modules:
        return sys.modules[module_name]
    spec = importlib.util.spec_from_file_location(module_name, BENCHMARKS / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def accuracy() -> ModuleType:
    return load("accuracy")


@pytest.fixture(scope="module")
def speed() -> ModuleType:
    return load("speed")


# --- the peers' helpers ------------------------------------------------------------------


def test_c4_filter_keeps_sentences_and_drops_what_c4_drops(accuracy: ModuleType) -> None:
    prose = [
        "The council approved the new budget after a long debate on Tuesday.",
        "Officials said the plan would take effect early next year.",
        "Residents who spoke at the meeting asked for more funding for schools!",
    ]
    page = "\n".join([
        "Home", "World news",  # too short, no end mark
        prose[0],
        "Please enable JavaScript to view the comments below.",  # javascript line
        "By using this site you agree to our terms of use and policies.",  # policy line
        prose[1],
        prose[1],  # same-page duplicate line
        "Read more...",  # ellipsis
        prose[2],
    ])
    assert accuracy.c4_filter(page).split("\n") == prose
    assert accuracy.c4_filter(page + "\nfunction f() { return 1; } is shown here as code.") == ""  # curly brace
    assert accuracy.c4_filter(page + "\nLorem ipsum dolor sit amet, consectetur adipiscing.") == ""
    assert accuracy.c4_filter(prose[0]) == ""  # fewer than three sentences on the page


def test_html_to_text_puts_blocks_on_their_own_lines(accuracy: ModuleType) -> None:
    fragment = "<div><h2>Title</h2><p>One <b>bold</b> word.</p><p>Two</p><script>x=1</script><ul><li>a</li><li>b</li></ul></div>"
    assert accuracy.html_to_text(fragment) == "Title\nOne bold word.\nTwo\na\nb"


def test_dump_as_html_escapes_each_line(accuracy: ModuleType) -> None:
    page = accuracy.dump_as_html("a < b\n\nc & d\n")
    assert "<p>a &lt; b</p>\n<p>c &amp; d</p>" in page


def test_declared_language_ignores_conditional_comments(accuracy: ModuleType) -> None:
    page = b'<!--[if IE]><html lang="en"><![endif]--><html class="x" lang="fr-FR"><body></body></html>'
    assert accuracy.declared_language(page) == "fr"


# --- the accuracy harness on a few corpus pages ------------------------------------------


def test_html_engines_harness_on_a_few_pages(dev_corpus: Path, tmp_path: Path) -> None:
    html_engines = load("html_engines")
    out = tmp_path / "results"
    argv = ["--corpora", "dev", "--limit", "2", "--systems", "fast,trafilatura-engine", "--worst", "1", "--out", str(out)]
    assert html_engines.main(argv) == 0
    record = json.loads((out / "html_engines.json").read_text(encoding="utf-8"))
    cells = record["results"]["dev"]
    assert set(cells) == {"fast", "trafilatura-engine"}
    for cell in cells.values():
        assert cell["docs"] == 2 and cell["pages_per_s"] > 0 and 0.0 <= cell["F1"] <= 1.0
    report = (out / "html_engines.md").read_text(encoding="utf-8")
    assert "newsclean --html-engine fast" in report and "The fast engine's worst pages on `dev`" in report


def test_accuracy_harness_on_a_few_pages(accuracy: ModuleType, dev_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "results"
    argv = ["--corpus", str(dev_corpus), "--limit", "3", "--systems", "newsclean,keep,c4", "--worst", "2",
            "--out", str(out), "--no-cross-check"]
    assert accuracy.main(argv) == 0
    record = json.loads((out / "accuracy.json").read_text(encoding="utf-8"))
    cells = {(row["system"], row["input"]): row for row in record["table"]}
    assert set(cells) == {("newsclean", ".txt"), ("newsclean", ".noisy.txt"), ("newsclean", ".html"),
                          ("keep everything", ".txt"), ("keep everything", ".noisy.txt"),
                          ("C4 line filter", ".txt"), ("C4 line filter", ".noisy.txt")}
    for row in cells.values():
        assert row["docs"] == 3 and row["docs_per_s"] > 0
        assert all(0.0 <= row[key] <= 1.0 for key in ("P", "R", "F1", "dupexcess4"))
    assert cells[("keep everything", ".noisy.txt")]["R"] == 1.0  # the dump holds every gold token
    assert "newsclean's worst pages" in (out / "accuracy.md").read_text(encoding="utf-8")


def test_accuracy_cross_check_agrees_with_evaluate_py(accuracy: ModuleType, dev_corpus: Path, tmp_path: Path) -> None:
    # A two-page corpus, so evaluate.py (which always takes a whole folder) runs in a second.
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for doc_id in sorted(p.name[: -len(".gold.txt")] for p in dev_corpus.glob("*.gold.txt"))[:2]:
        for suffix in (".gold.txt", ".noisy.txt"):
            (corpus / (doc_id + suffix)).symlink_to(dev_corpus / (doc_id + suffix))
    argv = ["--corpus", str(corpus), "--kinds", "noisy", "--systems", "newsclean", "--out", str(tmp_path)]
    assert accuracy.main(argv) == 0
    record = json.loads((tmp_path / "accuracy.json").read_text(encoding="utf-8"))
    assert [check["match"] for check in record["cross_check"]] == [True]


# --- the speed harness at quick sizes -------------------------------------------------------


def test_generated_dumps_are_reproducible_and_realistic(speed: ModuleType) -> None:
    first, again = speed.DumpGenerator(7).page(300, 0.4), speed.DumpGenerator(7).page(300, 0.4)
    assert first == again
    lines = first.splitlines()
    assert 280 <= len(lines) <= 320
    assert len(set(lines)) < len(lines)  # some copies are exact
    assert any(len(line.split()) <= 3 for line in lines)  # navigation and labels
    assert len(speed.DumpGenerator(7).long_line(5000)) <= 5000


def test_log_slope(speed: ModuleType) -> None:
    assert speed.log_slope([10, 100, 1000], [1, 10, 100]) == pytest.approx(1.0)
    assert speed.log_slope([10, 100, 1000], [1, 100, 10000]) == pytest.approx(2.0)


def test_speed_harness_quick(speed: ModuleType, tmp_path: Path) -> None:
    out = tmp_path / "results"
    # A corpus path that does not exist: the throughput section falls back to generated documents.
    argv = ["--quick", "--corpus", str(tmp_path / "no-corpus"), "--systems", "newsclean,c4", "--out", str(out)]
    assert speed.main(argv) == 0
    results = json.loads((out / "speed.json").read_text(encoding="utf-8"))
    text_rows = {row["system"]: row for row in results["throughput"]["paths"]["text"]["rows"]}
    # With the compiled core built, the pure-Python path is timed beside it.
    pure = {"newsclean, pure Python"} if speed.compiled_core_built() else set()
    assert set(text_rows) == {"newsclean", "C4 line filter"} | pure and text_rows["newsclean"]["vs_newsclean"] == 1.0
    assert [row["system"] for row in results["throughput"]["paths"]["html"]["rows"]] == ["newsclean"]
    curves = results["scaling"]["curves"]
    assert len(curves) == 4 and all(curve["slope"] is not None for curve in curves)
    assert {row["command"] for row in results["startup"]["rows"]} >= {"python -c pass", "newsclean --help"}
    batch = results["batch"]["rows"]
    assert batch[0]["files_per_s"] > 0
    assert all("files_per_s" in row or "skipped" in row for row in batch[1:])
    newsclean_memory = results["memory"]["rows"][-1]
    assert newsclean_memory["exit"] == 0 and newsclean_memory["peak_mib"] > 0
    if importlib.util.find_spec("matplotlib") is not None:
        assert (out / "scaling.png").stat().st_size > 0


# --- site templates ------------------------------------------------------------------------


def test_site_templates_harness_builds_and_scores_a_small_synthetic_crawl() -> None:
    """Two train pages' templates around other pages' gold articles: built, learnt, scored, reported."""
    site_templates = load("site_templates")
    train = site_templates.CORPORA[0]
    if not train.is_dir() or not (site_templates.SHARED / "tools" / "score.py").is_file():
        pytest.skip("../shared/corpus/train is not beside this checkout")
    pages = [site_templates.Page(gold.name[: -len(".gold.txt")], train, "https://example.com/", "example.com",
                                 gold.read_text(encoding="utf-8")) for gold in sorted(train.glob("fundus-*.gold.txt"))[:12]]
    cases = site_templates.synthetic_cases(pages, sites=2, per_site=3, seed=1)
    assert len(cases) == 6 and len({case.url.split("/")[2] for case in cases}) == 2
    outcome = site_templates.evaluate(cases, site_templates.load_scorer())
    assert outcome.pages == 6 and outcome.sites == 2
    assert 0 < outcome.without["F1"] <= 1 and 0 < outcome.with_templates["F1"] <= 1
    args = type("Args", (), {"sites": 2, "per_site": 3, "seed": 1})()
    assert "| synthetic |" in site_templates.report({"synthetic": outcome}, args)


def test_startup_harness_measures_every_command_once() -> None:
    startup = load("startup")
    wall, cpu = startup.measure(1)
    table = startup.markdown(wall, cpu, (0.5,), (0.5,))
    assert all(len(values) == 1 and values[0] > 0 for values in wall.values())
    assert "`newsclean --help`" in table and startup.IN_PROCESS in table and "load average 0.50" in table


# --- fast_html_parts.py -------------------------------------------------------------------


def test_fast_html_parts_times_each_part_of_the_fast_engine_once() -> None:
    from pages import article_html

    parts = load("fast_html_parts")
    ticks = iter(range(100))
    page = article_html().encode("utf-8")
    # A clock that moves one second a call: each part spans exactly one call to the next.
    assert parts.page_parts("page.html", page, clock=lambda: float(next(ticks))) == dict.fromkeys(parts.PARTS, 1.0)
    result = parts.measure([("page.html", page)], rounds=2)
    ms = result["ms_per_page"]
    assert set(ms) == {*parts.PARTS, "total", "of which gc"} and result["rounds"] == 2
    assert all(value >= 0 for value in ms.values())


def test_fast_html_parts_times_the_engines_stages_in_their_parts() -> None:
    from newsclean.pipeline import FAST_HTML_STAGES, CleanWhatIsLeft
    from newsclean.stages.dom import mark_page_furniture
    from newsclean.stages.dom_title import strip_fast_title

    furniture, text, dom = load("fast_html_parts").stage_groups()
    assert (*furniture, *text, *dom) == FAST_HTML_STAGES
    assert furniture == (strip_fast_title, mark_page_furniture)
    assert len(text) == 1 and isinstance(text[0], CleanWhatIsLeft)


def test_page_verdicts_keeps_the_dated_sections_written_by_hand(tmp_path: Path) -> None:
    page_verdicts = load("page_verdicts")
    out = tmp_path / "page_verdicts.md"
    assert page_verdicts.dated_sections(out) == ""
    out.write_text("# Tables\n\n| a |\n\n## 2026-12-07: a check set\n\nbefore 25/29, after 27/29\n", encoding="utf-8")
    assert page_verdicts.dated_sections(out) == "\n## 2026-12-07: a check set\n\nbefore 25/29, after 27/29\n"
    out.write_text("# Tables\n\n## By kind\n", encoding="utf-8")
    assert page_verdicts.dated_sections(out) == ""


def test_titles_keeps_the_notes_written_above_its_table(tmp_path: Path) -> None:
    titles = load("titles")
    out = tmp_path / "titles.md"
    assert titles.notes_above_table(out) == ""
    notes = "# Titles: session s5\n\nclasses fixed ...\n\n"
    out.write_text(notes + titles.TABLE_HEADING + "\n\n| old table |\n", encoding="utf-8")
    assert titles.notes_above_table(out) == notes
    out.write_text(titles.TABLE_HEADING + "\n\n| old table |\n", encoding="utf-8")
    assert titles.notes_above_table(out) == ""


def test_titles_splits_a_blogs_name_off_at_an_at_sign_and_double_colons() -> None:
    # A blog host's <title>: "Post @ Blog's name :: Host ::"; the post's own title is a right answer.
    titles = load("titles")
    found = titles.references("Autumn colours on the ridge (2) @ Jane's hiking notes :: BlogHost ::", True, str.split)
    assert "Autumn colours on the ridge (2)" in found
    # A short part of a long title is no headline ("Code" of "X | Code"), counted in tokens.
    assert "Code" not in titles.references("How we rebuilt the parser in a weekend | Code", True, str.split)
    # An address's "@" is no separator.
    assert titles.references("Mail jane@example.org for tickets", True, str.split) == ["Mail jane@example.org for tickets"]


def test_titles_cleans_without_time_limits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A loaded machine must not turn a slow page into a failed input (a title is measured, not speed).
    import newsclean

    titles = load("titles")
    (tmp_path / "p.meta.json").write_text(json.dumps({"title": "Lake levels fall"}), encoding="utf-8")
    (tmp_path / "p.txt").write_text("Lake levels fall\nThe lake fell to its lowest level on Monday, hydrologists said.\n", encoding="utf-8")
    seen = []

    def clean_file(path: str, config: newsclean.Config | None = None) -> newsclean.Document:
        seen.append(config)
        return newsclean.clean_bytes(Path(path).read_bytes(), source=path)

    monkeypatch.setattr(newsclean, "clean_file", clean_file)
    monkeypatch.setattr(titles, "_score_module", lambda: type("S", (), {"tokens": staticmethod(str.split)}))
    titles.judge((str(tmp_path), "p", "txt", False))
    assert seen and seen[0].html_timeout == 0 and seen[0].clean_timeout == 0
