"""newsclean as datatrove steps: a crawl cleaned by a datatrove pipeline gives `newsclean clean`'s
records, sends the rejected pages to the exclusion writer, and resumes after a failed task.

Skipped without the datatrove extra (pip install -e '.[datatrove]'); CI installs it.
"""

from __future__ import annotations

import functools
import gzip
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("datatrove")

from conftest import SAMPLES  # noqa: E402
from datatrove.data import Document as DatatroveDocument  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from pages import ERROR_PAGES, FRENCH, PARAGRAPHS, article_html, write_warc  # noqa: E402

from newsclean.integrations.datatrove import (  # noqa: E402
    CrawlOptions,
    NewscleanExtractor,
    NewscleanFilter,
    build_executor,
    input_files,
    merged_stats,
    parallelism_warnings,
    parquet_schema,
    steps,
)


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    """Three input files: a WARC of pages (an article, a 404, a legacy-charset page, media, a
    redirect), a WARC of text dumps stored as `resource` records, and a JSONL file."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    legacy = article_html(paragraphs=FRENCH).replace('<meta charset="utf-8">', "").encode("cp1252")
    write_warc(folder / "a.warc.gz", [
        {"url": "https://courier.example/news/park", "body": article_html().encode()},
        {"url": "https://courier.example/old", "body": ERROR_PAGES["server_404"].encode(), "status": "404 Not Found"},
        {"url": "https://courier.example/logo.png", "body": b"\x89PNG\r\n\x1a\n" + bytes(64), "content_type": "image/png"},
        {"url": "https://courier.example/fr", "body": legacy, "content_type": "text/html; charset=ISO-8859-1"},
        {"url": "https://courier.example/moved", "body": b"", "status": "301 Moved Permanently"},
    ])  # fmt: skip
    write_warc(folder / "b.warc.gz", [
        {"url": f"https://wire.example/{path.stem}", "type": "resource", "body": path.read_bytes()}
        for path in sorted(SAMPLES.glob("*.txt"))
    ])  # fmt: skip
    lines = [{"url": "https://blog.example/1", "html": article_html(), "id": "one"},
             {"url": "https://blog.example/2", "text": (SAMPLES / "en-404-only.txt").read_text(), "id": "two"}]
    (folder / "c.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    return folder


def cli_records(folder: Path) -> list[dict[str, Any]]:
    """What `newsclean clean FILES -f jsonl` writes for the crawl's files."""
    files = [str(path) for path in sorted(folder.iterdir())]
    # The datatrove steps clean page by page (no site-template pass yet), as the CLI does without one.
    result = subprocess.run([sys.executable, "-m", "newsclean", "clean", *files, "-f", "jsonl", "--no-site-templates"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def written(folder: Path) -> list[dict[str, Any]]:
    """The records a JSONL writer wrote below folder, file by file (task by task)."""
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl.gz")) for line in gzip.open(path, "rt")]


def without(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in keys}


def run_crawl(crawl: Path, out: Path, tasks: int = 2, workers: int = 1, extra_step: Any = None) -> None:
    pipeline = steps(str(crawl), str(out), keep_removed=True)
    if extra_step is not None:
        pipeline.insert(2, extra_step)  # after the cleaning, before the filter and the writers
    LocalPipelineExecutor(pipeline, tasks=tasks, workers=workers, logging_dir=str(out / "logs")).run()


def test_pipeline_writes_the_clis_records_and_excludes_the_rest_with_their_reason(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_crawl(crawl, out, tasks=2, workers=2)  # two processes: the steps cross a process boundary
    expected = cli_records(crawl)
    assert {r["verdict"] for r in expected} == {"article", "error_page", "empty"}
    articles, rejected = written(out / "articles"), written(out / "rejected")
    by_source = {r["source"]: r for r in expected}
    for record in articles + rejected:
        assert record["file_path"] == record["source"].split("#")[0]  # datatrove's own field, after the record's
    # Record for record the CLI's, key order included; each task keeps its files' order.
    assert [list(without(r, "file_path")) for r in articles] == [list(by_source[r["source"]]) for r in articles]
    assert sorted((without(r, "file_path") for r in articles), key=lambda r: r["source"]) == sorted(
        (r for r in expected if r["verdict"] == "article"), key=lambda r: r["source"])
    assert sorted((without(r, "file_path", "filter_reason") for r in rejected), key=lambda r: r["source"]) == sorted(
        (r for r in expected if r["verdict"] != "article"), key=lambda r: r["source"])
    assert all(r["filter_reason"] == r["verdict"] for r in rejected)
    assert any(r["text"] == "" and r["paragraphs"] == [] for r in rejected)  # kept, not dropped as falsy
    # Each task writes its files in turn, each file's records in the file's order.
    order = [r["source"] for r in expected]
    for path in {r["file_path"] for r in articles}:
        sources = [r["source"] for r in articles if r["file_path"] == path]
        assert sources == sorted(sources, key=order.index)


def fail_once(data: Iterator[DatatroveDocument], rank: int, world_size: int, marker: Path) -> Iterator[DatatroveDocument]:
    """A pipeline step that lets two documents of task 1 through, then fails, the first time only."""
    for number, document in enumerate(data):
        if rank == 1 and number == 2 and not marker.exists():
            marker.touch()
            raise RuntimeError("induced failure")
        yield document


def test_a_rerun_after_a_failed_task_resumes_without_duplicates(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    failing = functools.partial(fail_once, marker=tmp_path / "failed-once")
    with pytest.raises(RuntimeError, match="induced failure"):
        run_crawl(crawl, out, extra_step=failing)
    logs = out / "logs"
    assert (logs / "completions" / "00000").exists() and not (logs / "completions" / "00001").exists()
    run_crawl(crawl, out, extra_step=failing)  # the same pipeline again: task 0 is skipped
    expected = cli_records(crawl)
    records = written(out / "articles") + written(out / "rejected")
    assert len(records) == len({r["source"] for r in records}) == len(expected)
    assert {r["source"] for r in records} == {r["source"] for r in expected}
    # stats.json holds the last invocation only (task 1); every task's own stats add up to the crawl.
    last = json.loads((logs / "stats.json").read_text())
    assert last[1]["stats"]["total"] < len(expected)
    assert merged_stats(str(logs)).stats[1]["total"].total == len(expected)


def test_parquet_rows_have_a_fixed_schema_for_missing_fields(crawl: Path, tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "out"
    pipeline = steps(str(crawl), str(out), output_format="parquet")
    LocalPipelineExecutor(pipeline, tasks=1, workers=1, logging_dir=str(out / "logs")).run()
    tables = [pq.read_table(path) for path in sorted((out / "articles").glob("*.parquet"))]
    rows = [row for table in tables for row in table.to_pylist()]
    expected = [r for r in cli_records(crawl) if r["verdict"] == "article"]
    assert all(table.schema == parquet_schema() for table in tables)
    assert [(r["source"], r["title"], r["text"], r["status"]) for r in rows] == [
        (r["source"], r["title"], r["text"], r["status"]) for r in expected]
    # A field the first row has and a later row lacks: an inferred schema would fail there.
    assert any(rows[0][key] is not None and any(r[key] is None for r in rows) for key in ("title", "date", "url", "author"))
    assert dict(rows[0]["counts"]["removed_by_stage"]) == expected[0]["counts"]["removed_by_stage"]


def test_extractor_cleans_documents_of_other_readers() -> None:
    # datatrove's own readers give the page as text and the capture fields as metadata.
    page = DatatroveDocument(text=article_html(), id="<urn:uuid:1>", metadata={"url": "https://x.example/a", "dump": "CC-1"})
    error = DatatroveDocument(text=ERROR_PAGES["server_404"], id="<urn:uuid:2>", metadata={})
    cleaned = list(NewscleanExtractor()(iter([page, error])))
    assert [d.metadata["verdict"] for d in cleaned] == ["article", "error_page"]
    assert cleaned[0].metadata["source"] == "<urn:uuid:1>" and cleaned[0].metadata["extra"] == {"dump": "CC-1"}
    assert "removed" not in cleaned[0].metadata and cleaned[0].text.split("\n\n") == PARAGRAPHS
    kept = list(NewscleanFilter()(iter(cleaned)))
    assert kept == cleaned[:1]
    assert NewscleanExtractor().extract(article_html()) == cleaned[0].text  # BaseExtractor's own entry point


def test_crawl_command_runs_and_resumes(crawl: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsclean", "crawl", str(crawl), str(out), "--tasks", "4", "--workers", "1"]
    first = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert first.returncode == 0, first.stderr
    assert "1 task(s) have nothing to do" in first.stderr  # 3 files for 4 tasks
    assert "verdict_article" in first.stdout
    count = len(written(out / "articles")) + len(written(out / "rejected"))
    assert count == len(cli_records(crawl))
    again = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert f"total: {count}" in again.stdout  # every task's stats, though none ran this time
    assert len(written(out / "articles")) + len(written(out / "rejected")) == count


def test_more_tasks_than_files_and_one_dominant_file_are_warned_about() -> None:
    [idle] = parallelism_warnings({}, 1, 8)
    assert "7 task(s) have nothing to do" in idle
    assert parallelism_warnings({"a": 10, "b": 10, "c": 10, "d": 10}, 4, 4) == []
    [big] = parallelism_warnings({"big.warc.gz": 900, "a": 50, "b": 50}, 3, 3)
    assert big.startswith("big.warc.gz holds 90% of the input") and "2.7 times" in big


def test_one_file_as_input_reads_that_file_alone(crawl: Path) -> None:
    (crawl / "ba.warc.gz").write_bytes((crawl / "a.warc.gz").read_bytes())  # a name ending like a.warc.gz
    assert input_files(str(crawl / "a.warc.gz")) == ["a.warc.gz"]
    assert input_files(str(crawl), "*.warc.gz") == ["a.warc.gz", "b.warc.gz", "ba.warc.gz"]


def test_cluster_executors_are_built_from_the_options(crawl: Path, tmp_path: Path) -> None:
    # Building submits nothing: sbatch and Ray are needed only by run().
    slurm = build_executor(CrawlOptions(str(crawl), str(tmp_path / "out"), "slurm", tasks=3, partition="cpu", time="2:00:00"))
    assert (type(slurm).__name__, slurm.partition, slurm.time, slurm.tasks) == ("SlurmPipelineExecutor", "cpu", "2:00:00", 3)
    assert slurm.logging_dir.path == str(tmp_path / "out" / "logs")
    assert type(build_executor(CrawlOptions(str(crawl), str(tmp_path / "out"), "ray", tasks=3))).__name__ == "RayPipelineExecutor"
    with pytest.raises(ValueError, match="needs --partition"):
        build_executor(CrawlOptions(str(crawl), str(tmp_path / "out"), "slurm"))


def test_crawl_command_says_what_a_cluster_executor_lacks(crawl: Path, tmp_path: Path) -> None:
    import importlib.util
    import shutil

    if importlib.util.find_spec("ray") is not None or shutil.which("sbatch") is not None:
        pytest.skip("this machine has Ray or Slurm")
    for extra in (["--executor", "ray"], ["--executor", "slurm", "--partition", "cpu"]):
        result = subprocess.run([sys.executable, "-m", "newsclean", "crawl", str(crawl), str(tmp_path / "out"), *extra],
                                capture_output=True, text=True, timeout=120)
        assert result.returncode == 2 and f"{extra[1]} needs" in result.stderr
        assert not (tmp_path / "out").exists()
