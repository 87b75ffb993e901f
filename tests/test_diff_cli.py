"""`newsclean diff` end to end: what a user sees for a file, a directory, HTML, pager and colour settings."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from conftest import ROOT, SAMPLES
from golden.regenerate import GOLDEN, SOURCE

from newsclean.cli import main

EXAMPLE = SAMPLES / "japan-us-minerals.txt"
ROW = re.compile(r"^ *(\d+) ([ #-]) (.*?) *$")


CLEAR = {name: None for name in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE", "PAGER", "LESS")}


@pytest.fixture(autouse=True)
def in_checkout(monkeypatch: pytest.MonkeyPatch) -> None:
    """Run from the checkout, so the example is named as in the golden files."""
    monkeypatch.chdir(ROOT)


def run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> Result:
    """The CLI in-process, output not a terminal (as when piped), colour variables cleared, 100 columns."""
    return CliRunner().invoke(main, list(args), env={**CLEAR, "COLUMNS": "100", **(env or {})}, input=stdin)


def test_diff_of_the_example_prints_the_golden_report() -> None:
    env = {k: v for k, v in os.environ.items() if k not in CLEAR}
    result = subprocess.run([sys.executable, "-m", "newsclean", "diff", SOURCE], cwd=ROOT, capture_output=True,
                            env={**env, "COLUMNS": "100"}, text=True, encoding="utf-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (GOLDEN / "japan-us-minerals.diff.txt").read_text(encoding="utf-8")
    assert "\x1b" not in result.stdout  # piped: plain text


def test_rows_shown_as_kept_are_what_clean_prints() -> None:
    shown = run("diff", SOURCE, env={"COLUMNS": "2000"}).stdout.splitlines()
    kept = [m.group(3) for m in map(ROW.match, shown) if m and m.group(2) == " "]
    clean = run("clean", "--no-title", SOURCE).stdout
    assert "\n\n".join(kept) + "\n" == clean


def test_stdin_is_reported_as_stdin() -> None:
    result = run("diff", stdin=EXAMPLE.read_bytes())
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith("╭─ stdin ─")


def test_only_removed_and_context_cut_the_page_down() -> None:
    only = run("diff", "--only-removed", "--no-color", SOURCE, env={"COLUMNS": "2000"}).stdout.splitlines()
    rows = [m for m in map(ROW.match, only) if m]
    assert rows and all(m.group(2) in "-#" for m in rows)
    assert any("⋯ 7 kept lines not shown" in line for line in only)
    context = run("diff", "-U", "1", SOURCE, env={"COLUMNS": "2000"}).stdout
    assert [int(m.group(1)) for m in map(ROW.match, context.splitlines()) if m] == [*range(1, 6), *range(11, 25)]


def test_width_follows_the_terminal_width() -> None:
    out = run("diff", "-y", SOURCE, env={"COLUMNS": "60"}).stdout
    assert max(len(line) for line in out.splitlines()) == 60


def test_colour_on_and_off() -> None:
    assert "\x1b[" in run("diff", "--color", SOURCE).stdout
    assert "\x1b[" in run("diff", "--color", SOURCE, env={"NO_COLOR": "1"}).stdout  # the flag wins
    assert "\x1b" not in run("diff", "--no-color", SOURCE, env={"FORCE_COLOR": "1"}).stdout
    assert "\x1b" not in run("diff", SOURCE).stdout


def make_tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory `dumps` (in the current directory, so names are short): the example, a shorter
    copy in a subdirectory, a hidden file, a binary file named like a dump, a file that is no dump."""
    monkeypatch.chdir(tmp_path)
    tree = Path("dumps")
    tree.mkdir()
    data = EXAMPLE.read_bytes()
    (tree / "a.txt").write_bytes(data)
    (tree / "nested").mkdir()
    # Fewer removed lines: the example without its repeated paragraphs (lines 12-17).
    lines = data.split(b"\n")
    (tree / "nested" / "b.txt").write_bytes(b"\n".join(lines[:11] + lines[17:]))
    (tree / ".hidden.txt").write_bytes(data)
    (tree / "broken.txt").write_bytes(b"\x00\x01\x02\x03" * 100)
    (tree / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n")  # left out, as `clean` leaves it out
    return tree


def test_directory_gives_a_table_with_totals_and_failures(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = make_tree(tmp_path, monkeypatch)
    result = run("diff", str(tree), env={"COLUMNS": "120"})
    assert result.exit_code == 1  # the binary file failed
    out = result.stdout
    assert ".hidden" not in out
    assert out.splitlines()[0].strip() == "in dumps/"  # the shared folder, said once
    names = [line.split()[0] for line in out.splitlines() if re.match(r"\S+\.(txt|png) ", line)]
    assert names == ["a.txt", "broken.txt", "nested/b.txt"]
    assert re.search(r"a\.txt +article +24 +7 +17 +45% +6 duplicate of line", out)
    assert re.search(r"broken\.txt +failed .* not text", out)
    assert re.search(r"total: 3 documents +2 article +42 +14 +28", out)
    assert "broken.txt: not text" in result.stderr


def test_sort_by_most_removed_and_details_follow_the_table(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tree = make_tree(tmp_path, monkeypatch)
    (tree / "broken.txt").unlink()
    out = run("diff", str(tree / "nested"), str(tree / "a.txt"), "--sort", "removed", "--details",
              env={"COLUMNS": "120"}).stdout
    names = [line.split()[0] for line in out.splitlines() if re.match(r"\S+\.txt ", line)]
    assert names == ["a.txt", "nested/b.txt"]
    panels = [line for line in out.splitlines() if line.startswith("╭─ ")]
    assert [p.split()[1] for p in panels] == [f"dumps/{name}" for name in names]  # in table order
    assert out.index("total: 2 documents") < out.index(panels[0])


def test_html_report_is_a_standalone_escaped_page(tmp_path: Path) -> None:
    dump = tmp_path / "evil.txt"
    dump.write_text(EXAMPLE.read_text(encoding="utf-8") + "\n<script>alert(1)</script> [red]x[/red]\n", encoding="utf-8")
    page = tmp_path / "report.html"
    result = run("diff", str(dump), "--html", str(page))
    assert result.exit_code == 0 and result.stdout == ""
    html = page.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "<title>newsclean diff " in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "[red]x[/red]" in html and html.count("<script>") == 1  # ours
    assert "duplicate of line 6 (100%)" in html


def pager_env(tmp_path: Path, less: str | None = None) -> dict[str, str]:
    """A fake pager that records what it was given and the LESS it saw."""
    script = 'cat > "$0"; printf %s "$LESS" > "$0.less"'
    env = {"PAGER": f"sh -c {shlex.quote(script)} {shlex.quote(str(tmp_path / 'paged'))}"}
    if less is not None:
        env["LESS"] = less
    return env


def test_pager_gets_the_report_with_less_flags(tmp_path: Path) -> None:
    result = run("diff", "--pager", "--color", SOURCE, env=pager_env(tmp_path))
    assert result.exit_code == 0 and result.stdout == ""
    paged = (tmp_path / "paged").read_text(encoding="utf-8")
    assert "duplicate of line 6 (100%)" in paged and "\x1b[" in paged  # colours kept for less -R
    assert (tmp_path / "paged.less").read_text() == "FRX"


def test_pager_keeps_the_users_less_and_falls_back_to_stdout(tmp_path: Path) -> None:
    run("diff", "--pager", SOURCE, env=pager_env(tmp_path, less="-S"))
    assert (tmp_path / "paged.less").read_text() == "-S"
    missing = run("diff", "--pager", SOURCE, env={"PAGER": str(tmp_path / "nope")})
    assert missing.exit_code == 0 and "duplicate of line 6 (100%)" in missing.stdout


def test_no_pager_when_not_a_terminal(tmp_path: Path) -> None:
    result = run("diff", SOURCE, env=pager_env(tmp_path))
    assert "duplicate of line 6 (100%)" in result.stdout and not (tmp_path / "paged").exists()


def test_missing_file_fails_with_one_line() -> None:
    result = run("diff", "no/such/file.txt")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == "newsclean: no/such/file.txt: no such file\n"


@pytest.mark.parametrize("args", [["--help"], ["diff", "--help"], [str(EXAMPLE)]])
def test_help_and_text_cleaning_do_not_import_rich(args: list[str]) -> None:
    code = (
        "import sys\nfrom click.testing import CliRunner\nfrom newsclean.cli import main\n"
        f"CliRunner().invoke(main, {args!r})\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'trafilatura', 'lxml'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
