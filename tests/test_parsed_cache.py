"""Site templates in a batch run parse each HTML page once: the learning pass keeps its parse on disk
for the cleaning pass, within a byte budget, and the outputs are those of parsing twice."""

from __future__ import annotations

import multiprocessing.util
import tempfile
from pathlib import Path

import pytest
from pages import article_html
from test_site_templates import INSIDE, TOPICS, article

import newsclean.api
from newsclean.api import parse
from newsclean.batch import parsed_cache
from newsclean.batch.parsed_cache import Budget, CacheReader, CacheWriter
from newsclean.batch.runner import BatchOptions, run

PADDING = " " * 150_000  # 8 pages pass POOL_MIN_BYTES: --jobs 2 gets a pool (spaces cost the parser nothing)


def write_pages(directory: Path, count: int) -> list[str]:
    """HTML pages of one site (the test pages' canonical link), each with a prompt inside its article."""
    directory.mkdir()
    paths = []
    for number, topic in enumerate(TOPICS[:count]):
        first, second = article(topic)
        html = article_html(title=f"The {topic} story", paragraphs=[first, INSIDE, second])
        path = directory / f"{number}.html"
        path.write_text(html.replace("</body>", PADDING + "</body>"), encoding="utf-8")
        paths.append(str(path))
    return paths


def outputs(out: Path) -> dict[str, str]:
    return {path.name: path.read_text() for path in sorted(out.rglob("*.json"))}


@pytest.fixture
def count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The sources of the HTML pages this process parses."""
    parsed: list[str] = []
    real = newsclean.api.parse_page

    def counting(text: str, source: str, *args: object, **kwargs: object) -> object:
        parsed.append(source)
        return real(text, source, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(newsclean.api, "parse_page", counting)
    return parsed


def test_html_pages_are_parsed_once_and_cleaned_as_when_parsed_twice(
        tmp_path: Path, count_parses: list[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # multiprocessing keeps one temporary directory a process, made at its first use under
    # tempfile's: made here under tmp_path, the pool's forkserver socket in it ran past the 107
    # bytes a Unix socket's path may have (pytest-NN/popen-gwN/test_.../tmp/pymp-.../listener-...),
    # in whichever xdist worker started its forkserver in this test. Made first, it stays short.
    multiprocessing.util.get_temp_dir()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    paths = write_pages(tmp_path / "site", 8)
    run(paths, BatchOptions(output_dir=str(tmp_path / "once"), fmt="json", jobs=1))
    assert sorted(count_parses) == sorted(paths)  # once each, by the learning pass
    count_parses.clear()
    run(list(reversed(paths)), BatchOptions(output_dir=str(tmp_path / "twice"), fmt="json", jobs=1, parse_cache_bytes=0))
    assert sorted(count_parses) == sorted(paths * 2)
    run(paths, BatchOptions(output_dir=str(tmp_path / "pool"), fmt="json", jobs=2))  # both passes in workers
    once = outputs(tmp_path / "once")
    assert once == outputs(tmp_path / "twice") == outputs(tmp_path / "pool")
    assert len(once) == 8 and all('"stage": "template"' in text and INSIDE not in text.split('"removed"')[0]
                                  for text in once.values())
    assert list((tmp_path / "tmp").glob("newsclean-parsed-*")) == []  # the runs' parsed pages are gone


def test_kept_parses_come_back_by_number_and_a_cut_copy_is_parsed_again(tmp_path: Path) -> None:
    docs = {number: parse(article_html(title=f"Page {number}"), f"page{number}.html") for number in (0, 2, 5)}
    writer = CacheWriter(str(tmp_path / "file"), Budget(1 << 20))
    for number, doc in docs.items():
        writer.add(number, doc)
    writer.close()
    reader = CacheReader(str(tmp_path / "file"))
    taken = [reader.take(number) for number in range(7)]
    assert [doc.source if doc else None for doc in taken] == ["page0.html", None, "page2.html", None, None,
                                                              "page5.html", None]
    assert taken[2] is not None and [b.text for b in taken[2].blocks] == [b.text for b in docs[2].blocks]
    reader = CacheReader(str(tmp_path / "file"))
    assert reader.take(5) is not None  # documents cleaned without their copy are skipped over
    data = (tmp_path / "file").read_bytes()
    (tmp_path / "cut").write_bytes(data[: len(data) - 10])
    reader = CacheReader(str(tmp_path / "cut"))
    assert [reader.take(n) is not None for n in (0, 2, 5)] == [True, True, False]
    assert CacheReader(str(tmp_path / "missing")).take(0) is None


def test_the_budget_bounds_what_is_kept(tmp_path: Path) -> None:
    doc = parse(article_html(), "page.html")
    budget = Budget(1 << 20)
    one = CacheWriter(str(tmp_path / "one"), budget)
    one.add(0, doc)
    one.close()
    size = (tmp_path / "one").stat().st_size
    assert budget.left == (1 << 20) - size
    small = Budget(size + size // 2)  # room for one copy, not two
    writer = CacheWriter(str(tmp_path / "two"), small)
    for number in range(3):
        writer.add(number, doc)
    writer.close()
    assert (tmp_path / "two").stat().st_size == size
    reader = CacheReader(str(tmp_path / "two"))
    assert [reader.take(n) is not None for n in range(3)] == [True, False, False]


def test_one_file_of_one_page_makes_no_directory_for_parsed_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The CLI on one page: no site can have two pages, so no pass 1 and no directory made and
    # removed again (tempfile and shutil stay unimported); the table is still written when asked.
    made: list[str] = []
    real = parsed_cache.make_cache_dir
    monkeypatch.setattr(parsed_cache, "make_cache_dir", lambda: made.append("dir") or real())
    [path] = write_pages(tmp_path / "site", 1)
    run([path], BatchOptions(output_dir=str(tmp_path / "one"), fmt="json", jobs=1))
    assert made == [] and len(outputs(tmp_path / "one")) == 1
    run([path], BatchOptions(output_dir=str(tmp_path / "saved"), fmt="json", jobs=1, save_templates=str(tmp_path / "t.json")))
    assert made == ["dir"] and (tmp_path / "t.json").exists()
    two = write_pages(tmp_path / "two", 2)
    run(two, BatchOptions(output_dir=str(tmp_path / "two-out"), fmt="json", jobs=1))
    assert made == ["dir", "dir"]  # two pages of a site: learnt as before
