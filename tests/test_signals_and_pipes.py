"""Stopped from outside: stdout closed early, stdout on a full disk, SIGINT and SIGTERM mid-run, for
`newsclean clean` streaming to stdout and for `newsclean diff`. Each ends quietly with its status
(141 for a closed pipe, 1 for a write error, 130 for Ctrl-C, 143 for SIGTERM), prints no traceback
and leaves only whole records.

Already covered in test_batch_processes.py and not repeated: SIGINT and SIGTERM with -o (whole outputs,
no temporary file, --skip-existing finishes the run), a closed stdout with 141, `| head -1`, one file to
/dev/full, workers ending when the run is killed hard.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from batch_speed import write_dumps
from hostile_inputs import prose_line
from test_batch_processes import children_of, processes_in_group

COMMAND = [sys.executable, "-m", "newsclean"]
NEEDS_PROC = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")


def started(args: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
    # Unbuffered: what readline() does not take stays in the pipe for communicate() to read. Ctrl-C
    # at its default, as in a terminal's foreground job: a shell without job control starts a
    # background job (a test run under `cmd &` in a script) with SIGINT ignored, and a child
    # inherits that, so the diff these tests interrupt never heard the SIGINT sent to it.
    return subprocess.Popen([*COMMAND, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, bufsize=0,
                            preexec_fn=interrupts_at_default, **kwargs)


def interrupts_at_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@contextlib.contextmanager
def group_killed_after(proc: subprocess.Popen[bytes]) -> Iterator[subprocess.Popen[bytes]]:
    """proc, whose whole process group (it ran with start_new_session) is killed if still alive after the block."""
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


@pytest.mark.parametrize("jobs, signum", [(1, signal.SIGINT), (2, signal.SIGINT), (2, signal.SIGTERM)])
def test_a_signal_while_streaming_leaves_whole_records_in_order(tmp_path: Path, jobs: int, signum: int) -> None:
    crawl = tmp_path / "crawl"
    write_dumps(crawl, 300, seed=21)
    report = tmp_path / "summary.json"
    proc = started(["clean", str(crawl), "--format", "jsonl", "-j", str(jobs), "--summary-json", str(report)])
    assert proc.stdout is not None
    first = proc.stdout.readline()  # the run is under way
    proc.send_signal(signum)
    rest, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 128 + signum, stderr
    assert b"Traceback" not in stderr
    assert stderr.splitlines()[0].startswith(b"newsclean: interrupted: ")
    records = [json.loads(line) for line in (first + rest).splitlines()]  # every line a whole record
    expected = sorted(str(p) for p in crawl.rglob("*.txt"))
    assert 0 < len(records) < 300
    assert [r["source"] for r in records] == expected[: len(records)]  # input order, no gap
    summary = json.loads(report.read_text())
    assert summary["interrupted_by"] == signal.Signals(signum).name and summary["exit_status"] == 128 + signum


def kernel_waits(pid: int) -> set[str]:
    """The kernel functions (/proc wchan) the threads of pid and of all its descendants sleep in."""
    found: set[str] = set()
    for task in Path(f"/proc/{pid}/task").glob("*/wchan"):
        try:
            found.add(task.read_text())
        except OSError:
            continue
    for child in children_of(pid):
        found |= kernel_waits(child)
    return found


def wait_for_wchan(proc: subprocess.Popen[bytes], where: str) -> None:
    """Return once the run (or one of its workers) sleeps in a kernel function whose name holds `where`.

    A state, not a time: a fixed sleep is too short on a busy machine. The 60 s bound is only a
    hang guard; without /proc to look at, it waits two seconds and hopes, as these tests once did.
    """
    if not Path(f"/proc/{proc.pid}/task").exists():
        time.sleep(2)
        return
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if any(where in wait for wait in kernel_waits(proc.pid)):
            return
        time.sleep(0.02)
    pytest.fail(f"newsclean never waited in {where} (exit status {proc.poll()})")


def test_one_ctrl_c_stops_a_read_of_stdin_that_never_ends() -> None:
    read_end, write_end = os.pipe()  # held open: the read blocks
    proc = subprocess.Popen([*COMMAND, "clean", "-", "-j", "1"], stdin=read_end, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    os.close(read_end)
    try:
        wait_for_wchan(proc, "pipe")  # started and blocked in read, however long start-up takes
        proc.send_signal(signal.SIGINT)  # one is enough (it used to wait for the document to end)
        out, err = proc.communicate(timeout=60)
    finally:
        os.close(write_end)
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == 130
    assert out == b"" and b"Traceback" not in err


def test_stdout_closed_early_on_one_big_document_exits_141_quietly(tmp_path: Path) -> None:
    page = tmp_path / "big.txt"
    page.write_text(prose_line(1_000_000) + "\n", encoding="utf-8")
    proc = started(["clean", str(page)])
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.read(100)
    proc.stdout.close()  # like `| head -c 100`
    assert proc.wait(timeout=60) == 141
    assert proc.stderr.read() == b""


@NEEDS_PROC
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_stream_to_a_full_disk_stops_the_workers_with_one_line(tmp_path: Path) -> None:
    write_dumps(tmp_path / "crawl", 300, seed=22)
    with open("/dev/full", "wb") as full:
        proc = subprocess.Popen([*COMMAND, "clean", str(tmp_path / "crawl"), "-j", "2", "-q"], stdout=full,
                                stderr=subprocess.PIPE, start_new_session=True)
        _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 1
    assert stderr == b"newsclean: stdout: cannot write: No space left on device\n"
    deadline = time.monotonic() + 60  # a hang guard: the loop ends as soon as they are gone
    while processes_in_group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_in_group(proc.pid) == []  # the workers were told to stop, and did


# --- newsclean diff ------------------------------------------------------------------------------


def test_diff_into_a_closed_pipe_exits_141_and_to_a_full_disk_exits_1(tmp_path: Path) -> None:
    write_dumps(tmp_path / "crawl", 40, seed=23)
    proc = started(["diff", str(tmp_path / "crawl"), "--details", "--no-color"])
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline()
    proc.stdout.close()
    assert proc.wait(timeout=120) == 141
    assert proc.stderr.read() == b""
    if Path("/dev/full").exists():
        with open("/dev/full", "wb") as full:
            result = subprocess.run([*COMMAND, "diff", str(next((tmp_path / "crawl").rglob("*.txt")))], stdout=full,
                                    stderr=subprocess.PIPE, timeout=60)
        assert result.returncode == 1
        assert result.stderr == b"newsclean: stdout: cannot write: No space left on device\n"


def test_ctrl_c_during_a_diff_exits_130_without_a_traceback(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    write_dumps(crawl, 600, seed=24, per_dir=600)  # a report that takes a second or more to prepare
    never_written = tmp_path / "fifo.txt"
    os.mkfifo(never_written)  # ...and then waits for a writer that never comes: the report is never ready
    proc = started(["diff", str(crawl), str(never_written), "--no-color"])
    wait_for_wchan(proc, "wait_for_partner")  # past start-up: a worker waits on the FIFO
    assert proc.poll() is None
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert err == b"newsclean: interrupted\n" and out == b""


@NEEDS_PROC
def test_ctrl_c_during_a_diff_whose_other_worker_is_idle_exits_130(tmp_path: Path) -> None:
    # One worker waits on a FIFO for good, the other has cleaned the rest and waits for work, holding
    # the task queue's read lock, which multiprocessing.Pool's terminate() takes first (a diff hung
    # under load after a Ctrl-C): the report must end whatever the workers are doing.
    crawl = tmp_path / "crawl"
    write_dumps(crawl, 9, seed=27)
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)  # named first (a directory walk skips FIFOs): the first worker takes it
    proc = started(["diff", str(stuck), str(crawl), "--no-color", "-j", "2"], start_new_session=True)
    with group_killed_after(proc):
        wait_for_wchan(proc, "wait_for_partner")
        time.sleep(1)  # the other worker cleans the 9 small dumps and goes back to the queue
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130 and err == b"newsclean: interrupted\n" and out == b""


@NEEDS_PROC
def test_a_worker_dying_during_a_diff_fails_only_the_input_that_kills_it(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    write_dumps(crawl, 12, seed=28)
    stuck = tmp_path / "stuck.txt"
    os.mkfifo(stuck)  # its worker is killed there, and again when it is run alone
    proc = started(["diff", str(stuck), str(crawl), "--no-color", "-j", "2"], start_new_session=True,
                   env={**os.environ, "COLUMNS": "300"})  # one row per file
    with group_killed_after(proc):
        for _ in range(2):
            wait_for_wchan(proc, "wait_for_partner")
            [waiting] = waiting_for_a_writer([pid for server in children_of(proc.pid) for pid in children_of(server)])
            os.kill(waiting, signal.SIGKILL)
            while Path(f"/proc/{waiting}").exists():
                time.sleep(0.02)
        out, err = proc.communicate(timeout=60)
    table, problems = out.decode(), err.decode()
    assert proc.returncode == 1, problems
    assert problems.splitlines() == [f"newsclean: {stuck}: the worker process died while cleaning it (killed, or out of memory?)"]
    rows = {line.split()[0]: line.split()[1] for line in table.splitlines() if line.endswith(".txt") or ".txt " in line}
    assert rows.pop("stuck.txt") == "failed"
    # the files in flight beside it were cleaned again, not failed
    assert sorted(rows) == sorted(str(dump.relative_to(tmp_path)) for dump in crawl.rglob("*.txt"))
    assert set(rows.values()) == {"article"}


# --- a worker killed while another one is busy -------------------------------------------------------


def waiting_for_a_writer(pids: list[int]) -> list[int]:
    """The pids among `pids` blocked opening a FIFO that no one writes to yet."""
    waiting = []
    for pid in pids:
        try:
            if Path(f"/proc/{pid}/wchan").read_text() == "wait_for_partner":
                waiting.append(pid)
        except OSError:
            continue
    return waiting


@NEEDS_PROC
def test_killing_an_idle_worker_while_the_other_is_busy_does_not_hang_the_run(tmp_path: Path) -> None:
    # An idle worker waits for work holding the pool's queue lock. Killed there, it leaves the lock
    # taken; the pool then ends its other workers with SIGTERM, which newsclean's workers ignore.
    # The run hung, spinning, until it killed them itself.
    crawl = tmp_path / "crawl"
    write_dumps(crawl, 69, seed=25)
    fifo = tmp_path / "slow.txt"
    os.mkfifo(fifo)  # read first, by the first worker, and slow for as long as the test wants
    out = tmp_path / "out"
    proc = subprocess.Popen([*COMMAND, "clean", "slow.txt", "crawl", "-o", "out", "-j", "2", "-q"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    with group_killed_after(proc):
        stderr = feed_after_killing_the_idle_worker(proc, fifo, out)
    assert proc.returncode == 0, stderr
    assert b"a worker process died (killed, or out of memory?); its 1 files are cleaned again" in stderr
    assert sum(1 for _ in out.rglob("*.txt")) == 70
    assert [p for p in out.rglob(".newsclean-*")] == []


def feed_after_killing_the_idle_worker(proc: subprocess.Popen[bytes], fifo: Path, out: Path) -> bytes:
    deadline = time.monotonic() + 60
    workers: list[int] = []
    while time.monotonic() < deadline:
        workers = [pid for server in children_of(proc.pid) for pid in children_of(server)]
        if len(workers) == 2 and waiting_for_a_writer(workers) and sum(1 for _ in out.rglob("*.txt")) == 69:
            break
        time.sleep(0.02)
    else:
        pytest.skip("could not see a worker waiting on the FIFO (/proc/PID/wchan)")
    [busy] = waiting_for_a_writer(workers)
    [idle] = [pid for pid in workers if pid != busy]
    time.sleep(0.2)  # the idle worker is back in the queue's get()
    os.kill(idle, signal.SIGKILL)
    # Once the busy worker is gone too, its file is run again alone: feed it then.
    while Path(f"/proc/{busy}").exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    while True:  # the rerun opens it for reading
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
            break
        except OSError as exc:
            if exc.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.02)
    os.set_blocking(fd, True)
    with os.fdopen(fd, "w", encoding="utf-8") as feed:
        feed.write(prose_line(2000) + "\n")
    _, stderr = proc.communicate(timeout=60)
    return stderr


@NEEDS_PROC
def test_one_ctrl_c_ends_a_run_whose_worker_is_stuck(tmp_path: Path) -> None:
    # A worker blocked for good (a FIFO nobody writes, a hung network file system) never finishes
    # its document: one Ctrl-C kills the workers (it used to wait for their documents).
    write_dumps(tmp_path / "crawl", 69, seed=26)
    os.mkfifo(tmp_path / "stuck.txt")
    proc = subprocess.Popen([*COMMAND, "clean", "stuck.txt", "crawl", "-o", "out", "-j", "2", "-q"], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    with group_killed_after(proc):
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            workers = [pid for server in children_of(proc.pid) for pid in children_of(server)]
            if waiting_for_a_writer(workers):
                break
            time.sleep(0.02)
        else:
            pytest.skip("could not see a worker waiting on the FIFO (/proc/PID/wchan)")
        proc.send_signal(signal.SIGINT)
        _, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 130
    assert b"Traceback" not in stderr and b"newsclean: interrupted: " in stderr
    deadline = time.monotonic() + 60  # a hang guard: the loop ends as soon as they are gone
    while processes_in_group(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert processes_in_group(proc.pid) == []
    assert [p for p in (tmp_path / "out").rglob(".newsclean-*")] == []
