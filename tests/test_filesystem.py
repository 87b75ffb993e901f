"""The file system fighting back: unreadable inputs, a directory where a file belongs, files that vanish,
symbolic link loops, 100,000 files in one directory, an output directory that cannot be written, a disk
that fills up. Each gives one clear line and the run goes on (or, for a full disk, stops), no partial
output is left behind and a previous good output is never clobbered.

Permission checks run for real even as root: the command runs under `setpriv` without the two
capabilities that let root ignore permission bits (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH); a normal
user needs nothing. A full disk is a small tmpfs mounted in a private mount namespace (`unshare -m`,
root only) or a file size limit (RLIMIT_FSIZE, anyone).

Also covered elsewhere: a missing file, a broken symbolic link, a FIFO in a walk, a directory symlink
loop, OUTDIR that is a file, a symlink planted in OUTDIR (test_batch.py, test_batch_processes.py),
stdout on a full disk (test_signals_and_pipes.py).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import BODY, HEADLINE, dump
from hostile_inputs import prose_line

from newsclean.batch import runner as batch
from newsclean.batch.runner import BatchOptions, run

COMMAND = [sys.executable, "-m", "newsclean"]
ARTICLE = dump(HEADLINE, *BODY)
NO_BYPASS = ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"]


def invoke(*args: object) -> Result:
    return CliRunner().invoke(main_command(), ["clean", *map(str, args)], catch_exceptions=False)


def main_command():  # type: ignore[no-untyped-def]
    from newsclean.cli import main

    return main


def newsclean(*args: object, prefix: list[str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*(prefix or []), *COMMAND, *map(str, args)], capture_output=True, text=True, timeout=120,
                          **kwargs)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def temporary_files(root: Path) -> list[Path]:
    return [p for p in root.rglob("*") if p.name.startswith(".newsclean-")]


@pytest.fixture
def permissions(tmp_path: Path) -> list[str]:
    """A command prefix under which permission bits apply (see the module's docstring)."""
    if os.geteuid() != 0:
        return []
    probe = tmp_path / "probe"
    probe.write_text("x")
    probe.chmod(0)
    try:
        denied = subprocess.run([*NO_BYPASS, "cat", str(probe)], capture_output=True, timeout=60).returncode != 0
    except (OSError, subprocess.SubprocessError):
        denied = False
    probe.unlink()
    if not denied:
        pytest.skip("running as root and setpriv cannot drop CAP_DAC_OVERRIDE here")
    return NO_BYPASS


# --- inputs that cannot be read ----------------------------------------------------------------------


def test_unreadable_files_and_directories_are_one_line_each_and_the_run_goes_on(tmp_path: Path,
                                                                               permissions: list[str]) -> None:
    crawl = tmp_path / "crawl"
    write(crawl / "a.txt", ARTICLE)
    locked = write(crawl / "b-locked.txt", ARTICLE)
    closed = crawl / "c-closed"
    write(closed / "inside.txt", ARTICLE)
    write(crawl / "d.txt", ARTICLE)
    locked.chmod(0)
    closed.chmod(0)
    try:
        result = newsclean("clean", crawl, "-o", tmp_path / "out", "-q", prefix=permissions)
    finally:
        closed.chmod(0o755)
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"newsclean: {closed}: cannot list directory: permission denied",
                                          f"newsclean: {locked}: permission denied"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "d.txt"]


def test_a_read_error_is_one_line_even_for_root() -> None:
    # Reading /proc/self/mem at offset 0 fails with EIO for any user.
    result = newsclean("clean", "/proc/self/mem", "-q")
    assert (result.returncode, result.stdout) == (1, "")
    assert result.stderr == "newsclean: /proc/self/mem: cannot read: Input/output error\n"


def test_a_directory_where_a_file_belongs(tmp_path: Path) -> None:
    directory = tmp_path / "dir.toml"
    directory.mkdir()
    page = write(tmp_path / "page.txt", ARTICLE)
    for option in ("--config", "--rules", "--summary-json", "--files-from"):
        result = invoke(page, option, directory)
        assert result.exit_code == 2 and "directory" in result.stderr.lower(), (option, result.stderr)
    assert CliRunner().invoke(main_command(), ["diff", str(page), "--html", str(directory)]).exit_code == 2
    # An output path taken by a directory: that output fails, the others are written.
    crawl = tmp_path / "crawl"
    write(crawl / "a.txt", ARTICLE)
    write(crawl / "b.txt", ARTICLE)
    (tmp_path / "out" / "a.txt").mkdir(parents=True)
    result = invoke(crawl, "-o", tmp_path / "out", "-q")
    assert result.exit_code == 1
    assert result.stderr == f"newsclean: {tmp_path}/out/a.txt: cannot write: Is a directory\n"
    assert (tmp_path / "out" / "a.txt").is_dir() and (tmp_path / "out" / "b.txt").read_text().startswith(HEADLINE)
    assert temporary_files(tmp_path / "out") == []


def test_a_file_that_vanishes_between_the_walk_and_its_turn(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    crawl = tmp_path / "crawl"
    for name in ("a.txt", "b.txt", "c.txt"):
        write(crawl / name, ARTICLE)
    walk = batch.iter_inputs

    def walk_then_delete(*args: object, **kwargs: object) -> Iterator[object]:
        items = list(walk(*args, **kwargs))  # type: ignore[arg-type]
        (crawl / "b.txt").unlink()  # listed and planned, gone before it is read
        yield from items

    monkeypatch.setattr(batch, "iter_inputs", walk_then_delete)
    summary = run([str(crawl)], BatchOptions(output_dir=str(tmp_path / "out"), jobs=1))
    assert summary.exit_status == 1
    assert summary.failures == [(str(crawl / "b.txt"), "no such file")]
    assert capsys.readouterr().err == f"newsclean: {crawl}/b.txt: no such file\n"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.txt", "c.txt"]


def test_symbolic_link_loops_named_or_found_in_a_walk(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    write(crawl / "a.txt", ARTICLE)
    (crawl / "self.txt").symlink_to("self.txt")
    (crawl / "ping.txt").symlink_to("pong.txt")
    (crawl / "pong.txt").symlink_to("ping.txt")
    named = invoke(crawl / "self.txt", crawl / "ping.txt", crawl / "a.txt", "-o", tmp_path / "o1", "-q")
    assert named.exit_code == 1
    assert named.stderr.splitlines() == [f"newsclean: {crawl}/self.txt: symbolic link loop",
                                         f"newsclean: {crawl}/ping.txt: symbolic link loop"]
    followed = invoke(crawl, "--follow-symlinks", "-o", tmp_path / "o2", "-q")
    assert followed.exit_code == 1 and followed.stderr.count("symbolic link loop") == 3
    report = tmp_path / "summary.json"
    skipped = invoke(crawl, "-o", tmp_path / "o3", "--summary-json", report, "-q")
    assert (skipped.exit_code, skipped.stderr) == (0, "")
    assert json.loads(report.read_text())["left_out"] == {"symbolic link not followed": 3}


def test_100000_files_in_one_directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # On a tmpfs when there is one: creating 100,000 files on a disk takes longer than the run.
    base = Path("/dev/shm") if Path("/dev/shm").is_dir() and os.access("/dev/shm", os.W_OK) else tmp_path
    crawl = base / f"newsclean-test-{os.getpid()}-{time.monotonic_ns()}"
    crawl.mkdir()
    listed: list[str] = []
    scandir = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": listed.append(str(path)) or scandir(path))
    try:
        for i in range(100_000):
            os.close(os.open(crawl / f"page-{i:06d}.txt", os.O_WRONLY | os.O_CREAT, 0o644))
        for i in (7, 50_000, 99_999):
            write(crawl / f"page-{i:06d}.txt", ARTICLE)
        report = tmp_path / "summary.json"
        # One argument, however many files: no argument list to overflow; the listing is read once and sorted.
        result = invoke(crawl, "--glob", "page-0[05]000?.txt", "--glob", "page-099999.txt",
                        "-o", tmp_path / "out", "--summary-json", report, "-q", "-j", "1")
    finally:
        shutil.rmtree(crawl)
    assert (result.exit_code, result.stderr) == (0, "")
    assert listed.count(str(crawl)) == 1  # the work, counted: one listing of the directory (measured: 1.5 s in all)
    summary = json.loads(report.read_text())
    assert summary["files"]["selected"] == 21  # page-00000x, page-05000x and page-099999
    assert summary["documents"]["article"] == 3 and summary["documents"]["empty"] == 18
    assert sorted(p.name for p in (tmp_path / "out").iterdir())[:2] == ["page-000000.txt", "page-000001.txt"]


# --- outputs that cannot be written -------------------------------------------------------------------------


def test_an_output_directory_that_cannot_be_written(tmp_path: Path, permissions: list[str]) -> None:
    page = write(tmp_path / "in" / "page.txt", ARTICLE)
    sealed = tmp_path / "sealed"
    sealed.mkdir()
    sealed.chmod(0o555)
    result = newsclean("clean", page.parent, "-o", sealed, prefix=permissions)
    assert (result.returncode, result.stderr) == (2, f"newsclean: {sealed}: output directory is not writable\n")
    result = newsclean("clean", page.parent, "-o", sealed / "new", prefix=permissions)
    assert result.returncode == 2
    assert result.stderr == f"newsclean: {sealed}/new: cannot create output directory: Permission denied\n"
    # A subdirectory of OUTDIR sealed since the last run: its outputs fail, the rest are written.
    crawl = tmp_path / "crawl"
    write(crawl / "a" / "one.txt", ARTICLE)
    write(crawl / "b" / "two.txt", ARTICLE)
    out = tmp_path / "out"
    write(out / "a" / "one.txt", "previous good output\n")
    (out / "a").chmod(0o555)
    result = newsclean("clean", crawl, "-o", out, "-q", prefix=permissions)
    assert result.returncode == 1
    assert result.stderr == f"newsclean: {out}/a/one.txt: cannot write: Permission denied\n"
    assert (out / "a" / "one.txt").read_text() == "previous good output\n"
    assert (out / "b" / "two.txt").read_text().startswith(HEADLINE)
    assert temporary_files(out) == []


def test_an_output_directory_below_a_file_is_a_usage_error_even_for_root(tmp_path: Path) -> None:
    page = write(tmp_path / "page.txt", ARTICLE)
    result = invoke(page, "-o", page / "out")
    assert result.exit_code == 2
    assert result.stderr == f"newsclean: {page}/out: cannot create output directory: Not a directory\n"


def big_and_small(crawl: Path) -> tuple[Path, Path]:
    """An input whose clean output is about 100 kB, and a small one after it."""
    big = write(crawl / "a-big.txt", prose_line(100_000) + "\n")
    small = write(crawl / "b-small.txt", ARTICLE)
    return big, small


def test_a_file_size_limit_fails_that_output_keeps_the_previous_one_and_the_run_goes_on(tmp_path: Path) -> None:
    crawl, out = tmp_path / "crawl", tmp_path / "out"
    big_and_small(crawl)
    write(out / "a-big.txt", "previous good output\n")

    def limit_file_size() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (50_000, 50_000))  # Python ignores SIGXFSZ: writes fail with EFBIG

    result = subprocess.run([*COMMAND, "clean", str(crawl), "-o", str(out), "-q", "-j", "1"], capture_output=True,
                            text=True, timeout=60, preexec_fn=limit_file_size)
    assert result.returncode == 1
    assert result.stderr == f"newsclean: {out}/a-big.txt: cannot write: File too large\n"
    assert (out / "a-big.txt").read_text() == "previous good output\n"  # never half-replaced
    assert (out / "b-small.txt").read_text().startswith(HEADLINE)
    assert temporary_files(out) == []


FULL_DISK = """
set -e
mount -t tmpfs -o size=256k newsclean-test "$DISK"
mkdir "$DISK/out"
printf 'previous good output\\n' > "$DISK/out/a-big.txt"
head -c 200000 /dev/zero > "$DISK/filler"
set +e
"$@"
status=$?
rm "$DISK/filler"
cp -a "$DISK/." "$SNAPSHOT/"
exit $status
"""


def test_a_full_disk_stops_the_run_with_one_line_and_leaves_the_previous_output(tmp_path: Path) -> None:
    if os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs root and unshare to mount a small tmpfs in a private mount namespace")
    if subprocess.run(["unshare", "-m", "true"], capture_output=True).returncode != 0:
        pytest.skip("unshare -m is not permitted here")
    crawl, disk, snapshot = tmp_path / "crawl", tmp_path / "disk", tmp_path / "snapshot"
    big_and_small(crawl)
    disk.mkdir()
    snapshot.mkdir()
    env = {**os.environ, "DISK": str(disk), "SNAPSHOT": str(snapshot)}
    result = subprocess.run(["unshare", "-m", "sh", "-c", FULL_DISK, "sh", *COMMAND, "clean", str(crawl),
                             "-o", str(disk / "out"), "-q", "-j", "1"], capture_output=True, text=True, env=env,
                            timeout=60)
    if "mount:" in result.stderr:
        pytest.skip(f"cannot mount a tmpfs here: {result.stderr.strip()}")
    assert result.returncode == 1
    assert result.stderr == f"newsclean: {disk}/out/a-big.txt: cannot write: No space left on device\n"
    out = snapshot / "out"
    assert (out / "a-big.txt").read_text() == "previous good output\n"
    assert sorted(p.name for p in out.iterdir()) == ["a-big.txt"]  # the run stopped: nothing more written
    assert temporary_files(snapshot) == []


# --- files the user names for reports: never replaced when they are not regular files -------------------------


def test_summary_and_report_go_into_a_fifo_without_replacing_it(tmp_path: Path) -> None:
    page = write(tmp_path / "page.txt", ARTICLE)
    for args in (["clean", str(page), "-q", "--summary-json"], ["diff", str(page), "--html"]):
        fifo = tmp_path / "fifo"
        os.mkfifo(fifo)
        received: list[bytes] = []
        reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
        reader.start()
        result = newsclean(*args, fifo)
        reader.join(timeout=60)
        assert result.returncode == 0, result.stderr
        assert fifo.is_fifo()  # still the FIFO: a rename would have put a regular file in its place
        assert received and received[0].strip()
        fifo.unlink()
    linked = write(tmp_path / "reports" / "latest.json", "{}")
    (tmp_path / "link.json").symlink_to(linked)
    assert newsclean("clean", page, "-q", "--summary-json", tmp_path / "link.json").returncode == 0
    assert (tmp_path / "link.json").is_symlink() and json.loads(linked.read_text())["files"]["read"] == 1
