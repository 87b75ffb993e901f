"""Batch runs through the CLI (CliRunner) and the library: directory trees, selection, outputs, summary, failures."""

from __future__ import annotations

import json
import os
import random
from collections import Counter
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path, PurePosixPath

import pytest
from batch_speed import make_dump, write_dumps
from click.testing import CliRunner, Result
from conftest import SAMPLES

import newsclean
from newsclean.batch.outputs import (
    make_parents,
    output_stems,
    sanitize_key,
    write_atomically,
)
from newsclean.batch.pool import chunk_tasks
from newsclean.batch.runner import BatchOptions, Task, run
from newsclean.batch.worker import FileResult, LocalFlag, Worker, clean_chunk
from newsclean.cli import main
from newsclean.read.raw import RawDocument
from newsclean.read.sources import InputFile, InputProblem, Selection, iter_inputs

SAMPLE = SAMPLES / "japan-us-minerals.txt"


def invoke(*args: object, stdin: bytes | str | None = None) -> Result:
    return CliRunner().invoke(main, ["clean", *map(str, args)], input=stdin, catch_exceptions=False)


def make_crawl(root: Path, count: int = 6) -> list[str]:
    """A small crawl: dumps at three depths plus files a walk must leave out; returns the dumps' relative paths."""
    rng = random.Random(7)
    dumps = ["top.txt", "site-a/one.txt", "site-a/two.text", "site-b/deep/three.txt"]
    dumps += [f"site-c/gen-{i}.txt" for i in range(count - len(dumps))]
    for relative in dumps:
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(make_dump(rng, len(relative)), encoding="utf-8")
    (root / "top.txt").write_bytes(SAMPLE.read_bytes())
    (root / "site-a" / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 not a dump")
    (root / "site-a" / "notes.md").write_text("# notes\n", encoding="utf-8")
    (root / ".hidden.txt").write_text("hidden dump\n", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD.txt").write_text("ref\n", encoding="utf-8")
    return sorted(dumps)


def files_below(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in root.rglob("*") if p.is_file())


# --- directory runs -------------------------------------------------------------------------


def test_directory_is_mirrored_into_outdir_with_the_format_extension(tmp_path: Path) -> None:
    dumps = make_crawl(tmp_path / "crawl")
    result = invoke(tmp_path / "crawl", "-o", tmp_path / "out", "--jobs", 1)
    assert result.exit_code == 0, result.stderr
    expected = sorted(str(PurePosixPath(d).with_suffix(".txt")) for d in dumps)
    assert files_below(tmp_path / "out") == expected
    # Each output is exactly what cleaning that one file prints.
    for relative in dumps:
        single = invoke(tmp_path / "crawl" / relative).stdout
        output = tmp_path / "out" / PurePosixPath(relative).with_suffix(".txt")
        assert output.read_text(encoding="utf-8") == single
    assert (tmp_path / "out" / "top.txt").read_text(encoding="utf-8").startswith("Japan, US ink rare-earth")


def test_json_outputs_name_their_source_and_parse(tmp_path: Path) -> None:
    dumps = make_crawl(tmp_path / "crawl")
    assert invoke(tmp_path / "crawl", "-o", tmp_path / "out", "--format", "json", "-j", 1).exit_code == 0
    for relative in dumps:
        record = json.loads((tmp_path / "out" / PurePosixPath(relative).with_suffix(".json")).read_text("utf-8"))
        assert record["source"] == str(tmp_path / "crawl" / relative)
        assert record["verdict"] in ("article", "error_page", "empty")


def test_directory_without_outdir_streams_jsonl_in_sorted_order(tmp_path: Path) -> None:
    dumps = make_crawl(tmp_path / "crawl", count=9)
    result = invoke(tmp_path / "crawl", "--jobs", 1)
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == [str(tmp_path / "crawl" / d) for d in dumps]


def test_jobs_two_gives_the_same_stream_and_outputs_as_jobs_one(tmp_path: Path) -> None:
    write_dumps(tmp_path / "crawl", 80, seed=3, per_dir=30)  # enough files for worker processes
    one = invoke(tmp_path / "crawl", "--jobs", 1, "--format", "jsonl")
    two = invoke(tmp_path / "crawl", "--jobs", 2, "--format", "jsonl", "--summary-json", tmp_path / "s.json")
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and len(one.stdout.splitlines()) == 80
    assert json.loads((tmp_path / "s.json").read_text())["jobs"] == 2
    invoke(tmp_path / "crawl", "-o", tmp_path / "o1", "-j", 1)
    invoke(tmp_path / "crawl", "-o", tmp_path / "o2", "-j", 2)
    assert files_below(tmp_path / "o1") == files_below(tmp_path / "o2")
    for name in files_below(tmp_path / "o1"):
        assert (tmp_path / "o1" / name).read_bytes() == (tmp_path / "o2" / name).read_bytes()


def test_named_files_keep_their_relative_path_below_outdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    make_crawl(tmp_path / "crawl")
    monkeypatch.chdir(tmp_path)
    result = invoke("crawl/top.txt", "crawl/site-a/one.txt", "-o", "out")
    assert result.exit_code == 0
    assert files_below(tmp_path / "out") == ["crawl/site-a/one.txt", "crawl/top.txt"]


def test_single_file_and_stdin_behave_as_before(tmp_path: Path) -> None:
    direct = invoke(SAMPLE)
    assert direct.exit_code == 0 and direct.stderr == ""  # no summary for one file
    assert direct.stdout.startswith("Japan, US ink rare-earth minerals agreement\n\n(MENAFN)")
    assert invoke(stdin=SAMPLE.read_bytes()).stdout == direct.stdout
    several = invoke(SAMPLE, SAMPLE.parent / "japan-us-minerals.txt", "-q")
    assert several.stdout.count(f"==> {SAMPLE} <==") == 1  # the same file named twice is cleaned once


def test_output_names_that_would_collide_keep_the_whole_input_name(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    for name in ("page.txt", "page.html", "page.text"):
        (crawl / name).write_bytes(SAMPLE.read_bytes())
    assert invoke(crawl, "-o", tmp_path / "out", "-j", 1).exit_code == 0
    assert files_below(tmp_path / "out") == ["page.html.txt", "page.text.txt", "page.txt"]


# --- selection ------------------------------------------------------------------------------


def chosen(root: Path, selection: Selection | None = None) -> list[str]:
    selection = selection or Selection()
    return [item.relative.as_posix() for item in iter_inputs([str(root)], selection) if isinstance(item, InputFile)]


def test_default_selection_takes_dumps_and_containers_and_skips_hidden_and_other_files(tmp_path: Path) -> None:
    for name in ("a.txt", "b.HTML", "c.htm", "d.xhtml", "e.json", "f.jsonl", "g.ndjson", "h.warc.gz",
                 "i.txt.zst", "j.text.bz2", "k.jsonl.xz", "notes.md", "img.png", "archive.tar.gz", "noext"):
        (tmp_path / name).write_text("x\n")
    assert chosen(tmp_path) == ["a.txt", "b.HTML", "c.htm", "d.xhtml", "e.json", "f.jsonl", "g.ndjson",
                                "h.warc.gz", "i.txt.zst", "j.text.bz2", "k.jsonl.xz"]


def test_glob_exclude_hidden_and_no_recursive(tmp_path: Path) -> None:
    make_crawl(tmp_path)
    assert chosen(tmp_path, Selection(globs=("*.md", "*.jpg"))) == ["site-a/notes.md", "site-a/photo.jpg"]
    without_c = ["site-a/one.txt", "site-b/deep/three.txt", "top.txt"]
    assert chosen(tmp_path, Selection(excludes=("site-c", "*.text"))) == without_c
    without_deep = ["site-a/one.txt", "site-a/two.text", "site-c/gen-0.txt", "site-c/gen-1.txt", "top.txt"]
    assert chosen(tmp_path, Selection(excludes=("site-b/deep/*",))) == without_deep
    assert ".hidden.txt" in chosen(tmp_path, Selection(hidden=True))
    assert ".git/HEAD.txt" in chosen(tmp_path, Selection(hidden=True))
    assert chosen(tmp_path, Selection(recursive=False)) == ["top.txt"]
    result = invoke(tmp_path, "--glob", "*.md", "--format", "jsonl", "-q")
    sources = [json.loads(line)["source"] for line in result.stdout.splitlines()]
    assert sources == [str(tmp_path / "site-a" / "notes.md")]


def test_symlinks_are_skipped_unless_followed_and_loops_are_walked_once(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "real").mkdir(parents=True)
    (crawl / "real" / "a.txt").write_bytes(SAMPLE.read_bytes())
    (crawl / "link.txt").symlink_to(crawl / "real" / "a.txt")
    (crawl / "real" / "loop").symlink_to(crawl)  # crawl/real/loop -> crawl: a cycle
    items = list(iter_inputs([str(crawl)]))
    assert [i.relative.as_posix() for i in items if isinstance(i, InputFile)] == ["real/a.txt"]
    assert sorted(i.problem for i in items if isinstance(i, InputProblem)) == ["symbolic link not followed"] * 2
    followed = chosen(crawl, Selection(follow_symlinks=True))
    assert followed == ["link.txt", "real/a.txt"]  # the loop back to crawl is not walked again


def test_files_from_reads_lines_or_nul_separated_paths(tmp_path: Path) -> None:
    dumps = make_crawl(tmp_path / "crawl")
    paths = [str(tmp_path / "crawl" / d) for d in dumps[:3]]
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(paths) + "\n", encoding="utf-8")
    by_lines = invoke("--files-from", listing, "-q")
    assert [json.loads(line)["source"] for line in by_lines.stdout.splitlines()] == paths
    by_nul = invoke("--files-from", "-", "-0", "-q", stdin="\0".join(paths) + "\0")
    assert by_nul.stdout == by_lines.stdout and by_nul.exit_code == 0


# --- resuming, failures, exit status ------------------------------------------------------------


def summary_of(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_skip_existing_skips_up_to_date_outputs_and_redoes_changed_inputs(tmp_path: Path) -> None:
    dumps = make_crawl(tmp_path / "crawl")
    out, report = tmp_path / "out", tmp_path / "summary.json"
    assert invoke(tmp_path / "crawl", "-o", out, "-j", 1).exit_code == 0
    changed = tmp_path / "crawl" / dumps[0]
    later = (out / PurePosixPath(dumps[0]).with_suffix(".txt")).stat().st_mtime_ns + 10**9
    os.utime(changed, ns=(later, later))  # edited after its output was written
    result = invoke(tmp_path / "crawl", "-o", out, "-j", 1, "--skip-existing", "--summary-json", report)
    assert result.exit_code == 0
    files = summary_of(report)["files"]
    assert files == {"selected": len(dumps), "read": 1, "skipped": len(dumps) - 1, "failed": 0, "not_done": 0}


def test_unreadable_inputs_are_reported_and_the_run_goes_on(tmp_path: Path) -> None:
    dumps = make_crawl(tmp_path / "crawl")
    (tmp_path / "crawl" / "binary.txt").write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 4)
    (tmp_path / "crawl" / "big.txt").write_text("word " * 40_000, encoding="utf-8")
    (tmp_path / "crawl" / "gone.txt").symlink_to(tmp_path / "nowhere.txt")
    report = tmp_path / "summary.json"
    result = invoke(tmp_path / "crawl", tmp_path / "missing-dir", "-o", tmp_path / "out", "-j", 1,
                    "--max-bytes", 100_000, "--follow-symlinks", "--summary-json", report)
    assert result.exit_code == 1
    errors = sorted(line for line in result.stderr.splitlines() if line.startswith("newsclean: /"))
    assert errors == sorted([
        f"newsclean: {tmp_path}/crawl/big.txt: larger than --max-bytes (100,000 bytes)",
        f"newsclean: {tmp_path}/crawl/binary.txt: not text: looks like a PDF document",
        f"newsclean: {tmp_path}/crawl/gone.txt: broken symbolic link",
        f"newsclean: {tmp_path}/missing-dir: no such file",
    ])
    summary = summary_of(report)
    assert summary["failed"] == 4 and summary["documents"]["cleaned"] == len(dumps)
    assert len(files_below(tmp_path / "out")) == len(dumps)


def test_fail_on_error_page_makes_error_pages_failures(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    crawl.mkdir()
    (crawl / "article.txt").write_bytes(SAMPLE.read_bytes())
    (crawl / "error.txt").write_text(" date 2025-10-28 404\n404\nPage not found\nSorry, this page does not exist.\n")
    assert invoke(crawl, "-o", tmp_path / "o1", "-q").exit_code == 0
    result = invoke(crawl, "-o", tmp_path / "o2", "-q", "--fail-on-error-page")
    assert result.exit_code == 1
    assert result.stderr == f"newsclean: {crawl}/error.txt: error page\n"
    assert (tmp_path / "o2" / "error.txt").exists()  # still written: the verdict is in the output


@pytest.mark.parametrize("args, message", [
    (["--skip-existing"], "--skip-existing needs -o"),
    (["--null"], "-0/--null needs --files-from"),
    (["-", "-o", "OUT"], "cannot be cleaned into an output directory"),
    (["--jobs", "-1"], "--jobs"),
    (["-", "--files-from", "-"], "both read stdin"),
    (["--format", "xml"], "'xml' is not one of"),
])
def test_usage_errors_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    result = invoke(SAMPLE, *[str(tmp_path / a) if a == "OUT" else a for a in args])
    assert result.exit_code == 2 and message in result.stderr


def test_outdir_that_is_a_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x")
    result = invoke(SAMPLE, "-o", tmp_path / "file")
    assert result.exit_code == 2 and "file" in result.stderr


def test_outdir_inside_the_input_tree_is_never_read_back(tmp_path: Path) -> None:
    dumps = make_crawl(tmp_path / "crawl")
    report = tmp_path / "summary.json"
    for _ in range(2):
        result = invoke(tmp_path / "crawl", "-o", tmp_path / "crawl" / "clean", "-j", 1, "--summary-json", report)
        assert result.exit_code == 0
        assert summary_of(report)["files"]["read"] == len(dumps)
    assert not (tmp_path / "crawl" / "clean" / "clean").exists()


def test_summary_counts_match_the_documents(tmp_path: Path) -> None:
    write_dumps(tmp_path / "crawl", 30, seed=5)
    report = tmp_path / "summary.json"
    result = invoke(tmp_path / "crawl", "--format", "jsonl", "-j", 1, "--summary-json", report, "--stats")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    summary = summary_of(report)
    verdicts = Counter(r["verdict"] for r in records)
    assert summary["documents"] == {"cleaned": 30, "article": verdicts["article"], "error_page": verdicts["error_page"],
                                    "empty": verdicts["empty"], "skipped": 0}
    by_stage: Counter[str] = Counter()
    for record in records:
        by_stage.update(record["counts"]["removed_by_stage"])
    assert summary["lines_removed"] == {"total": sum(by_stage.values()), "by_stage": dict(sorted(by_stage.items()))}
    assert summary["bytes_read"] == sum(p.stat().st_size for p in (tmp_path / "crawl").rglob("*.txt"))
    # Not a terminal, with --stats: the same summary as plain lines on stderr.
    assert f"documents: 30 cleaned: {verdicts['article']} article" in result.stderr
    assert "newsclean: lines removed: " in result.stderr


# --- outputs: records of containers, safety ------------------------------------------------------


def fake_container(records: dict[str, bytes]):  # type: ignore[no-untyped-def]
    """A documents_of stand-in for a container file (what the inputs branch yields for JSONL/WARC)."""
    def read(source: str, max_bytes: int = 0, input_format: str = "auto", field: str | None = None):  # type: ignore[no-untyped-def]
        for key, data in records.items():
            yield RawDocument(f"{source}#{key}", data, {}, key)
    return read


def test_container_records_go_to_one_file_each_below_the_container_stem(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    crawl, out = tmp_path / "crawl", tmp_path / "out"
    (crawl / "2024").mkdir(parents=True)
    (crawl / "2024" / "dump.jsonl.gz").write_bytes(b"stand-in")
    evil = {"1": SAMPLE.read_bytes(), "../../escape": b"Page not found\n", "/etc/passwd": b"x\n",
            "a\0b": b"y\n", "k" * 300: b"z\n"}
    monkeypatch.setattr("newsclean.batch.worker.documents_of", fake_container(evil))
    summary = run([str(crawl)], BatchOptions(output_dir=str(out)))
    assert summary.exit_status == 0 and summary.documents == 5
    written = files_below(out)
    assert len(written) == 5 and all(name.startswith("2024/dump/") for name in written)
    assert "2024/dump/1.txt" in written
    assert all(len(name.split("/")[-1]) <= 104 for name in written)
    assert not (tmp_path / "escape.txt").exists() and files_below(tmp_path / "crawl") == ["2024/dump.jsonl.gz"]
    again = run([str(crawl)], BatchOptions(output_dir=str(out), skip_existing=True))
    assert again.documents == 0 and again.documents_skipped == 5


def test_container_records_streamed_as_text_are_each_headed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "dump.jsonl").write_bytes(b"stand-in")
    monkeypatch.setattr("newsclean.batch.worker.documents_of", fake_container({"1": SAMPLE.read_bytes(), "2": b"Hello.\n"}))
    result = invoke(tmp_path / "dump.jsonl")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"==> {tmp_path}/dump.jsonl#1 <==\nJapan, US ink")
    assert f"\n==> {tmp_path}/dump.jsonl#2 <==\n" in result.stdout


class DyingPool(Executor):
    """A stand-in process pool that cleans in this process; a chunk holding poison.txt kills its 'worker'."""

    def __init__(self, max_workers: int, mp_context: object = None, initializer: object = None,
                 initargs: tuple = ()) -> None:
        self.worker = Worker(initargs[0], LocalFlag())
        self.broken = False

    def submit(self, fn, /, *args, **kwargs):  # type: ignore[no-untyped-def, override]
        if self.broken:
            raise BrokenProcessPool("the pool is dead")
        future: Future = Future()
        if any(task.path.endswith("poison.txt") for task in args[0]):
            self.broken = True  # like a real pool: this chunk and everything after it fail
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(clean_chunk(args[0], self.worker))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def test_a_worker_death_costs_only_the_file_that_caused_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    write_dumps(tmp_path / "crawl", 100, seed=8, per_dir=100)
    poison = tmp_path / "crawl" / "site-000" / "000049poison.txt"
    poison.write_bytes(SAMPLE.read_bytes())
    monkeypatch.setattr("newsclean.batch.pool.ProcessPoolExecutor", DyingPool)
    summary = run([str(tmp_path / "crawl")], BatchOptions(output_dir=str(tmp_path / "out"), jobs=2))
    assert summary.exit_status == 1 and summary.jobs == 2
    assert summary.failures == [(str(poison), "the worker process died while cleaning it (killed, or out of memory?)")]
    assert summary.documents == 100 and len(files_below(tmp_path / "out")) == 100
    stderr = capsys.readouterr().err
    assert "a worker process died (killed, or out of memory?); its " in stderr
    assert f"newsclean: {poison}: the worker process died while cleaning it" in stderr


def test_sanitize_key_makes_one_safe_unique_name() -> None:
    keys = ["../x", "..\\x", "/abs/path", "a/b", "a_b", "", ".", "..", "\0", "é" * 200, "<urn:uuid:1234>"]
    names = [sanitize_key(k) for k in keys]
    assert len(set(names)) == len(names)
    for name in names:
        assert name and "/" not in name and "\0" not in name and not name.startswith(".")
        assert len(name.encode()) <= 100


def test_outputs_never_follow_a_symlink_planted_in_outdir(tmp_path: Path) -> None:
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    out.mkdir()
    elsewhere.mkdir()
    (out / "sub").symlink_to(elsewhere)
    with pytest.raises(newsclean.NewscleanError, match="in the way"):
        make_parents(str(out), str(out / "sub" / "x.txt"), set())
    crawl = tmp_path / "crawl"
    (crawl / "sub").mkdir(parents=True)
    (crawl / "sub" / "x.txt").write_bytes(SAMPLE.read_bytes())
    result = invoke(crawl, "-o", out, "-q")
    assert result.exit_code == 1 and "is in the way of outputs" in result.stderr
    assert list(elsewhere.iterdir()) == []


def test_atomic_write_leaves_no_temporary_file_when_it_fails(tmp_path: Path) -> None:
    (tmp_path / "target").mkdir()  # a directory cannot be replaced by a file
    with pytest.raises(OSError):
        write_atomically(str(tmp_path / "target"), b"data")
    write_atomically(str(tmp_path / "ok.txt"), b"data")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ok.txt", "target"]
    assert (tmp_path / "ok.txt").stat().st_mode & 0o777 == 0o666 & ~current_umask()


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def test_an_output_never_overwrites_its_input(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "page.txt").write_bytes(SAMPLE.read_bytes())
    monkeypatch.chdir(tmp_path)
    result = invoke("page.txt", "-o", ".")
    assert result.exit_code == 1 and "would overwrite an input" in result.stderr
    assert (tmp_path / "page.txt").read_bytes() == SAMPLE.read_bytes()


def test_output_stems_andchunk_tasks() -> None:
    stems = output_stems([PurePosixPath("a.warc.gz"), PurePosixPath("a.jsonl")], ".txt")
    assert [s.as_posix() for s in stems] == ["a.warc.gz", "a.jsonl"]
    tasks = [Task(i, f"f{i}", None, 1000, 0) for i in range(1000)]
    chunks = chunk_tasks(tasks, 2)
    assert [t.index for chunk in chunks for t in chunk] == list(range(1000))
    assert [len(c) for c in chunks[:6]] == [1, 1, 2, 2, 4, 4]  # small first: output starts at once
    assert max(len(c) for c in chunks) == 63 and len(chunks) >= 16
    big = [Task(i, f"f{i}", None, 5 * 1024 * 1024, 0) for i in range(4)]
    assert [len(c) for c in chunk_tasks(big, 1)] == [1, 1, 1, 1]  # cut by bytes too


def test_a_run_in_this_process_tunes_the_collector_while_it_cleans_and_restores_it(tmp_path: Path) -> None:
    """--jobs 1 cleans with the young generation collected less often, and leaves the caller's
    process as it found it."""
    import gc

    from newsclean.batch import runner
    from newsclean.batch.worker import YOUNG_COLLECTION_THRESHOLD

    make_crawl(tmp_path / "in", count=2)
    seen: list[int] = []
    original = runner.clean_chunk

    def spying(tasks: list[Task], worker: Worker) -> list[FileResult]:
        seen.append(gc.get_threshold()[0])
        return original(tasks, worker)

    before = gc.get_threshold()
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(runner, "clean_chunk", spying)
        summary = run([str(tmp_path / "in")], BatchOptions(output_dir=str(tmp_path / "out"), jobs=1))
    assert summary.files_done >= 2 and seen
    assert set(seen) == {YOUNG_COLLECTION_THRESHOLD}
    assert gc.get_threshold() == before
