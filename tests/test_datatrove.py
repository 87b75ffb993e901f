"""newsclean as datatrove steps: a crawl cleaned by a datatrove pipeline gives `newsclean clean`'s
records (site templates included, whatever the number of tasks), sends the rejected pages to the
exclusion writer, and resumes after a failed task.

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
from test_site_templates import INSIDE, TEMPLATE_BOTTOM, TOPICS, page  # noqa: E402

from newsclean.integrations.datatrove import (  # noqa: E402
    CrawlOptions,
    NewscleanExtractor,
    NewscleanFilter,
    build_executor,
    input_files,
    load_site_tables,
    merged_stats,
    parallelism_warnings,
    parquet_schema,
    site_template_steps,
    steps,
)
from newsclean.integrations.datatrove_sites import read_pages, site_bucket, write_page  # noqa: E402
from newsclean.sites import TemplateTable  # noqa: E402


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


@pytest.fixture
def site_crawl(tmp_path: Path) -> Path:
    """Two sites' text dumps (a template around each article, a prompt inside it) spread over
    three files, so that with two tasks each site's pages are read by both tasks; and one page."""
    folder = tmp_path / "sites"
    folder.mkdir()
    other = "https://news.other.org/{topic}"
    write_warc(folder / "a.warc.gz", [
        *({"url": f"https://www.example.com/news/{t}", "type": "resource", "body": page(t).encode()} for t in TOPICS[:3]),
        {"url": "https://courier.example/news/park", "body": article_html().encode()},
    ])  # fmt: skip
    lines = [{"url": f"https://www.example.com/news/{t}", "text": page(t)} for t in TOPICS[3:5]]
    lines += [{"url": other.format(topic=t), "text": page(t, other)} for t in TOPICS[6:8]]
    (folder / "b.jsonl").write_text("".join(json.dumps(line) + "\n" for line in lines))
    write_warc(folder / "c.warc.gz", [
        {"url": other.format(topic=TOPICS[8]), "type": "resource", "body": page(TOPICS[8], other).encode()},
        {"url": f"https://www.example.com/news/{TOPICS[5]}", "type": "resource", "body": page(TOPICS[5]).encode()},
    ])  # fmt: skip
    return folder


def cli_records(folder: Path, *options: str) -> list[dict[str, Any]]:
    """What `newsclean clean FILES -f jsonl` writes for the crawl's files (site templates learnt)."""
    files = [str(path) for path in sorted(folder.iterdir())]
    result = subprocess.run([sys.executable, "-m", "newsclean", "clean", *files, "-f", "jsonl", *options],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def written(folder: Path) -> list[dict[str, Any]]:
    """The records a JSONL writer wrote below folder, file by file (task by task)."""
    return [json.loads(line) for path in sorted(folder.glob("*.jsonl.gz")) for line in gzip.open(path, "rt")]


def without(record: dict[str, Any], *keys: str) -> dict[str, Any]:
    return {key: value for key, value in record.items() if key not in keys}


def run_crawl(crawl: Path, out: Path, tasks: int = 2, workers: int = 1, extra_step: Any = None) -> None:
    """The two site-template passes, then the cleaning, chained with depends= as `newsclean crawl` runs them."""
    learn, count, tables = site_template_steps(str(crawl), str(out / "site-templates"), tasks)
    signatures = LocalPipelineExecutor(learn, tasks=tasks, workers=workers, logging_dir=str(out / "logs-signatures"))
    counts = LocalPipelineExecutor(count, tasks=tasks, workers=workers, logging_dir=str(out / "logs-counts"),
                                   depends=signatures)
    pipeline = steps(str(crawl), str(out), keep_removed=True, site_tables=tables)
    if extra_step is not None:
        pipeline.insert(2, extra_step)  # after the cleaning, before the filter and the writers
    LocalPipelineExecutor(pipeline, tasks=tasks, workers=workers, logging_dir=str(out / "logs"), depends=counts).run()


def by_source(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return sorted(records, key=lambda r: r["source"])


@pytest.mark.parametrize("tasks", [2, 1, 3])
def test_crawl_learns_the_site_templates_the_cli_learns_whatever_the_tasks(site_crawl: Path, tmp_path: Path,
                                                                           tasks: int) -> None:
    out = tmp_path / "out"
    run_crawl(site_crawl, out, tasks=tasks, workers=min(tasks, 2))
    expected = cli_records(site_crawl)
    records = [without(r, "file_path", "filter_reason") for r in written(out / "articles") + written(out / "rejected")]
    assert by_source(records) == by_source(expected)  # record for record, the `template` marks included
    removed = [line for r in expected for line in r["removed"] if line["stage"] == "template"]
    assert {line["text"] for line in removed} >= {INSIDE, *TEMPLATE_BOTTOM}  # the passes did find them
    assert "of 6 pages of example.com" in removed[0]["reason"] or "of 3 pages of other.org" in removed[0]["reason"]
    # Without the passes the crawl is the CLI's --no-site-templates, and that differs.
    assert cli_records(site_crawl, "--no-site-templates") != expected


@pytest.mark.parametrize("options", [(), ("--no-site-templates",)])
def test_crawl_command_gives_the_clean_commands_records(site_crawl: Path, tmp_path: Path, options: tuple[str, ...]) -> None:
    out = tmp_path / "out"
    command = [sys.executable, "-m", "newsclean", "crawl", str(site_crawl), str(out), "--tasks", "2", "--removed", *options]
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    records = [without(r, "file_path", "filter_reason") for r in written(out / "articles") + written(out / "rejected")]
    assert by_source(records) == by_source(cli_records(site_crawl, *options))
    assert (out / "site-templates" / "tables").is_dir() == (not options)


def run_command(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([sys.executable, "-m", "newsclean", *args], capture_output=True, text=True, timeout=300,
                            cwd=cwd)
    assert result.returncode == 0, result.stderr
    return result


def test_crawl_saves_and_reuses_the_table_clean_learns(site_crawl: Path, tmp_path: Path) -> None:
    out, saved, learnt = tmp_path / "out", tmp_path / "crawl-table.json", tmp_path / "clean-table.json"
    run_command("crawl", str(site_crawl), str(out), "--tasks", "2", "--learn-templates", str(saved))
    cli_records(site_crawl, "--learn-templates", str(learnt))
    assert saved.read_text() == learnt.read_text()  # the same file, byte for byte
    assert TemplateTable.load(saved).pages["example.com"] == 6
    # A later page alone, cleaned with the saved table: no passes, the marks `clean --templates` gives.
    later = tmp_path / "later"
    later.mkdir()
    (later / "meadow.txt").write_text(page("meadow"))
    run_command("crawl", str(later), str(tmp_path / "out2"), "--removed", "--templates", str(saved))
    records = [without(r, "file_path", "filter_reason") for r in written(tmp_path / "out2" / "articles")]
    assert records == cli_records(later, "--templates", str(saved))
    assert any(line["stage"] == "template" for line in records[0]["removed"])
    assert not (tmp_path / "out2" / "site-templates").exists()


def test_crawl_gives_documents_without_urls_a_site_as_clean_does(tmp_path: Path) -> None:
    from test_site_templates import write_site

    write_site(tmp_path / "dumps" / "example.com", TOPICS[:4], url=None)
    write_site(tmp_path / "dumps" / "nyt", TOPICS[4:7], url=None)

    def crawled(*options: str) -> list[dict[str, Any]]:
        out = tmp_path / f"out{len(list(tmp_path.glob('out*')))}"
        run_command("crawl", "dumps", str(out), "--tasks", "2", "--removed", *options, cwd=tmp_path)
        return by_source([without(r, "file_path", "filter_reason")
                          for r in written(out / "articles") + written(out / "rejected")])

    def cleaned(*options: str) -> list[dict[str, Any]]:
        result = run_command("clean", str(tmp_path / "dumps"), "-f", "jsonl", *options, cwd=tmp_path)
        return by_source([json.loads(line) for line in result.stdout.splitlines()])

    def reasons(records: list[dict[str, Any]]) -> set[str]:
        return {line["reason"] for r in records for line in r["removed"] if line["stage"] == "template"}

    assert reasons(crawled()) == set()  # no URL, no site
    by_directory = crawled("--site-from-dir")
    assert by_directory == cleaned("--site-from-dir")
    assert any("of 4 pages of example.com" in reason for reason in reasons(by_directory))
    # A site map written for `clean dumps/...` (a relative pattern) works for `crawl dumps ...` too.
    (tmp_path / "sites.txt").write_text("dumps/nyt/* nytimes.com\n")
    mapped = crawled("--site-map", "sites.txt")
    assert {reason.rpartition(" of ")[2] for reason in reasons(mapped)} == {"nytimes.com)"}
    relative = subprocess.run([sys.executable, "-m", "newsclean", "clean", "dumps", "-f", "jsonl", "--site-map",
                               "sites.txt"], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    expected = [json.loads(line) for line in relative.stdout.splitlines()]
    assert [r["removed"] for r in mapped] == [r["removed"] for r in by_source(
        [{**r, "source": str(tmp_path / r["source"])} for r in expected])]


def test_crawl_refuses_clashing_site_options(site_crawl: Path, tmp_path: Path) -> None:
    table = tmp_path / "table.json"
    TemplateTable().save(table)
    for options in (["--templates", str(table), "--no-site-templates"], ["--learn-templates", str(table),
                    "--no-site-templates"], ["--templates", str(tmp_path / "missing.json")]):
        result = subprocess.run([sys.executable, "-m", "newsclean", "crawl", str(site_crawl), str(tmp_path / "out"),
                                 *options], capture_output=True, text=True, timeout=120)
        assert result.returncode == 2, options
        assert not (tmp_path / "out").exists()


def test_site_buckets_and_signature_records_are_stable(tmp_path: Path) -> None:
    # sha1 by datatrove's hashing helper: the same bucket in every process, unlike Python's hash().
    command = "from newsclean.integrations.datatrove_sites import site_bucket; print(site_bucket('example.com', 1000))"
    runs = {subprocess.run([sys.executable, "-c", command], capture_output=True, text=True).stdout.strip() for _ in range(2)}
    assert runs == {str(site_bucket("example.com", 1000))}
    path = tmp_path / "0000.sig"
    with path.open("wb") as stream:
        write_page(stream, "example.com", bytes(range(16)))
        write_page(stream, "bücher.de", b"")
    with path.open("rb") as stream:
        assert list(read_pages(stream)) == [("example.com", bytes(range(16))), ("bücher.de", b"")]
    path.write_bytes(path.read_bytes()[:-3])
    with path.open("rb") as stream, pytest.raises(ValueError, match="ends inside a record"):
        list(read_pages(stream))


def test_counting_needs_one_task_per_bucket(tmp_path: Path) -> None:
    learn, count, tables = site_template_steps(str(tmp_path / "none"), str(tmp_path / "work"), 3)
    for bucket in range(3):
        (tmp_path / "work" / "signatures" / f"{bucket:04d}").mkdir(parents=True)
    with pytest.raises(ValueError, match="more buckets than the 2 SiteCounts tasks"):
        list(count[0].run(iter(()), rank=0, world_size=2))
    list(count[0].run(iter(()), rank=2, world_size=3))
    assert TemplateTable.load(Path(tables) / "0002.json").pages == {}  # an empty bucket: an empty table


def test_site_tables_merge_and_refuse_a_site_counted_twice(tmp_path: Path) -> None:
    first, second = TemplateTable(), TemplateTable()
    for _ in range(3):
        first.add_page("example.com", ["aa11aa11aa11aa11"])
    second.add_page("other.org", ["bb22bb22bb22bb22"])
    first.save(tmp_path / "0000.json")
    second.save(tmp_path / "0001.json")
    merged = load_site_tables(str(tmp_path))
    assert merged is not None and merged.pages == {"example.com": 3, "other.org": 1}
    first.save(tmp_path / "0002.json")  # left by a run with more buckets
    with pytest.raises(ValueError, match="site example.com is in two tables"):
        load_site_tables(str(tmp_path))
    (tmp_path / "0000.json").unlink()
    (tmp_path / "0002.json").unlink()
    assert load_site_tables(str(tmp_path)) is None  # no site with two pages: no template stage, as in the CLI


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
    # A pipeline without the site-template passes cleans as the CLI does without them.
    expected = [r for r in cli_records(crawl, "--no-site-templates") if r["verdict"] == "article"]
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
    # After the two site-template passes, as Slurm job dependencies: counts (one job per bucket) after signatures.
    counts = slurm.depends
    assert (counts.job_name, counts.tasks, counts.depends.job_name) == ("newsclean-counts", 3, "newsclean-signatures")
    assert counts.logging_dir.path == str(tmp_path / "out" / "logs" / "site-counts")
    plain = build_executor(CrawlOptions(str(crawl), str(tmp_path / "out"), "slurm", partition="cpu", site_templates=False))
    assert plain.depends is None
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
