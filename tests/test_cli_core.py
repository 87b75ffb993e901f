"""`newsclean clean` as README "Usage", "Exit status" and "Options" describe it: the output is the
library's, a failing input is one error line and the run goes on, usage errors exit 2."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BODY, HEADLINE, SAMPLES, dump
from hypothesis import example, given, settings
from hypothesis import strategies as st

import newsclean
from newsclean import InputError
from newsclean.cli import main

PAGE = dump(" date 2025-09-12 200", "Home", "Climate", HEADLINE, "By Maria Lindqvist", *BODY, "Share")
ERROR_PAGE = dump(" date 2025-09-12 404", "404", "Page not found", "The page you requested could not be found.")


def run(*args: str, stdin: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=stdin)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def pages(tmp_path: Path) -> dict[str, str]:
    paths = {}
    for name, text in {"lake.txt": PAGE, "gone.txt": ERROR_PAGE}.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths[name] = str(tmp_path / name)
    return paths


def test_text_output_is_the_library_text(pages: dict[str, str]) -> None:
    status, out, err = run(pages["lake.txt"])
    assert (status, err) == (0, "")
    assert out == newsclean.to_text(newsclean.clean(PAGE)) == "\n\n".join([HEADLINE, *BODY]) + "\n"
    assert run("clean", "--no-title", pages["lake.txt"])[1] == "\n\n".join(BODY) + "\n"


def test_stdin_is_read_when_no_input_is_given() -> None:
    assert run(stdin=PAGE.encode())[1] == run("-", stdin=PAGE.encode())[1] == newsclean.to_text(newsclean.clean(PAGE))


def test_json_and_jsonl_are_the_library_record(pages: dict[str, str]) -> None:
    expected = newsclean.to_dict(newsclean.clean(PAGE, source=pages["lake.txt"]))
    status, out, _ = run("clean", "--format", "json", pages["lake.txt"])
    assert status == 0 and json.loads(out) == expected and out.startswith("{\n")
    status, out, _ = run("clean", "-f", "jsonl", pages["lake.txt"], pages["gone.txt"])
    records = [json.loads(line) for line in out.splitlines()]
    assert status == 0 and records[0] == expected
    assert [r["verdict"] for r in records] == ["article", "error_page"]


def test_several_inputs_in_text_are_separated_by_their_names(pages: dict[str, str]) -> None:
    _, out, _ = run(pages["lake.txt"], pages["gone.txt"])
    assert out.startswith(f"==> {pages['lake.txt']} <==\n{HEADLINE}\n")
    assert f"==> {pages['gone.txt']} <==\n" in out


def test_a_failing_input_is_one_line_and_the_run_goes_on(pages: dict[str, str], tmp_path: Path) -> None:
    missing = str(tmp_path / "missing.txt")
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.7\n" + bytes(range(256)))
    status, out, err = run("clean", "-q", "-f", "jsonl", missing, str(binary), pages["lake.txt"])  # -q: errors only
    assert status == 1
    assert err.splitlines() == [f"newsclean: {missing}: no such file", f"newsclean: {binary}: not text: looks like a PDF document"]
    assert [json.loads(line)["source"] for line in out.splitlines()] == [pages["lake.txt"]]


def test_too_large_input_fails_with_its_limit(pages: dict[str, str]) -> None:
    status, out, err = run("clean", "--max-bytes", "100", pages["lake.txt"])
    assert (status, out) == (1, "")
    assert err == f"newsclean: {pages['lake.txt']}: larger than --max-bytes (100 bytes)\n"


def test_error_pages_fail_only_when_asked(pages: dict[str, str]) -> None:
    assert run(pages["gone.txt"])[0] == 0
    status, out, err = run("clean", "-q", "--fail-on-error-page", pages["gone.txt"], pages["lake.txt"])
    assert status == 1
    assert err == f"newsclean: {pages['gone.txt']}: error page\n"
    assert out.endswith("\n\n".join([HEADLINE, *BODY]) + "\n\n")


def test_usage_errors_exit_2(pages: dict[str, str], tmp_path: Path) -> None:
    assert run("clean", "--format", "xml", pages["lake.txt"])[0] == 2
    assert run("clean", "--no-such-option", pages["lake.txt"])[0] == 2
    bad = tmp_path / "bad.toml"
    bad.write_text("duplicate_treshold = 92\n", encoding="utf-8")
    status, _, err = run("clean", "--config", str(bad), pages["lake.txt"])
    assert status == 2 and "unknown config keys: duplicate_treshold" in err


def test_config_file_sets_a_threshold(pages: dict[str, str], tmp_path: Path) -> None:
    near = dump(HEADLINE, *BODY[:3], BODY[1].replace("Monday", "Tuesday"), *BODY[3:])
    page = tmp_path / "near.txt"
    page.write_text(near, encoding="utf-8")
    config = tmp_path / "strict.toml"
    config.write_text("duplicate_threshold = 99.5\n", encoding="utf-8")
    assert run("clean", "--no-title", str(page))[1] == "\n\n".join(BODY) + "\n"
    assert BODY[1].replace("Monday", "Tuesday") in run("clean", "--config", str(config), str(page))[1]


def test_a_directory_is_walked_and_the_library_names_the_command(tmp_path: Path) -> None:
    (tmp_path / "page.txt").write_text("\n".join([HEADLINE, *BODY]) + "\n")
    status, out, _ = run("clean", "-q", str(tmp_path))
    assert status == 0 and json.loads(out)["source"] == str(tmp_path / "page.txt")
    assert run("clean", "-q", "-o", str(tmp_path / "out"), str(tmp_path))[0] == 0
    assert (tmp_path / "out" / "page.txt").read_text().startswith(HEADLINE)
    with pytest.raises(InputError, match="is a directory"):
        newsclean.clean_file(str(tmp_path))


@settings(max_examples=4, deadline=None)
@given(st.binary(max_size=400))
@example(b"WARC/1.")  # a container's magic with nothing after it: an error about the container
@example(b"\x1f\x8b")
def test_arbitrary_bytes_through_the_real_cli_never_give_a_traceback(data: bytes) -> None:
    result = subprocess.run([sys.executable, "-m", "newsclean"], input=data, capture_output=True, timeout=60)
    stderr = result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in stderr
    assert result.returncode in (0, 1), stderr
    if result.returncode == 1:
        # One line naming stdin: "not text", or what is wrong with the container its magic announced.
        assert stderr.startswith(("newsclean: -: ", "newsclean: -#")) and stderr.count("\n") == 1, stderr


@pytest.mark.parametrize("typed", ["the example dump", "a few bytes"])
def test_newsclean_alone_on_a_terminal_reads_until_ctrl_d(typed: str) -> None:
    pty = pytest.importorskip("pty")
    termios = pytest.importorskip("termios")
    primary, secondary = pty.openpty()
    attributes = termios.tcgetattr(secondary)
    attributes[3] &= ~termios.ECHO  # nobody reads the echo: it would fill the terminal and block
    termios.tcsetattr(secondary, termios.TCSANOW, attributes)
    proc = subprocess.Popen([sys.executable, "-m", "newsclean"], stdin=secondary, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    os.close(secondary)
    example = (SAMPLES / "japan-us-minerals.txt").read_text(encoding="utf-8") if typed == "the example dump" else "hi"
    # Typed or pasted, then Ctrl-D; a terminal's end of input is not sticky: reading on would hang.
    os.write(primary, example.encode() + b"\n\x04")
    out, err = proc.communicate(timeout=60)
    os.close(primary)
    assert proc.returncode == 0
    assert err.decode() == "newsclean: reading a dump from the terminal; end it with Ctrl-D (see newsclean --help)\n"
    if typed == "the example dump":
        assert out.decode().startswith("Japan, US ink rare-earth minerals agreement\n\n")
