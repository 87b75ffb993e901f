"""newsclean as datatrove pipeline steps: a reader, the cleaning step, a verdict filter and record writers.

Needs the datatrove extra (`pip install 'newsclean[datatrove]'`); import this module by name,
newsclean itself never does. A pipeline for a crawl of WARC files:

    from datatrove.executor import LocalPipelineExecutor
    from newsclean.integrations.datatrove import (
        NewscleanExtractor, NewscleanFilter, NewscleanReader, record_writer)

    if __name__ == "__main__":  # the local executor's workers import the main module again
        LocalPipelineExecutor(pipeline=[
            NewscleanReader("s3://bucket/crawl/", glob_pattern="*.warc.gz"),
            NewscleanExtractor(),
            NewscleanFilter(exclusion_writer=record_writer("out/rejected")),
            record_writer("out/articles"),
        ], tasks=64, workers=8, logging_dir="out/logs").run()

The reader reads what `newsclean clean` reads (WARC, JSONL, pages and dumps, compressed or
not) over fsspec, with newsclean's own WARC reading: `resource` and text/plain records, pages
without a payload-type header, the HTTP status and charset are kept, and no libmagic is needed.
The extractor cleans each document as the CLI does (same parse, same stages, same limits) and
puts the CLI's JSON record into the datatrove Document: the body in `text`, every other field
in `metadata`. The writers write that record back out (JSONL records equal the CLI's `-f jsonl`
ones) or a Parquet table of a fixed schema. docs/scale.md has the pitfalls and measurements.
"""

from __future__ import annotations

import glob
import os
import sys
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from datatrove.data import Document as DatatroveDocument
from datatrove.data import DocumentsPipeline
from datatrove.io import DataFolderLike
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.readers.base import BaseDiskReader
from datatrove.pipeline.writers.disk_base import DiskWriter
from datatrove.pipeline.writers.jsonl import JsonlWriter
from datatrove.pipeline.writers.parquet import ParquetWriter
from datatrove.utils.logging import logger
from datatrove.utils.typeshelper import StatHints

from ..api import CleaningTimeout, clean_decoded, decode_raw
from ..config import DEFAULT_CONFIG, Config
from ..errors import NewscleanError
from ..read.containers import read_stream
from ..read.raw import RawDocument
from ..sites import TemplateTable
from ..writers import to_dict
from .datatrove_documents import INPUT_KEY, PASSTHROUGH_KEYS, cleaning_input
from .datatrove_sites import SaveTemplates, SiteCounts, SiteSignatures, load_site_tables

# Fields of the CLI's record the extractor leaves out of the metadata: the body is the Document's
# text, and its paragraphs are that text split at blank lines (a paragraph holds no line break).
BODY_KEYS = ("text", "paragraphs")


class NewscleanReader(BaseDiskReader):
    """Documents from WARC, JSONL, HTML and dump files, read over fsspec as `newsclean clean` reads them.

    Each Document's text is the decoded page or dump, its id the name the CLI gives it
    (`PATH#RECORD-ID` for a WARC record), its metadata the container's (url, date, HTTP status,
    a JSONL record's other fields). Datatrove gives each task whole files: one big WARC file
    is one task's work however many tasks there are.
    """

    name = "📰 newsclean reader"

    def __init__(
        self,
        data_folder: DataFolderLike,
        config: Config | None = None,
        paths_file: str | None = None,
        limit: int = -1,
        skip: int = 0,
        file_progress: bool = False,
        doc_progress: bool = False,
        default_metadata: dict[str, Any] | None = None,
        recursive: bool = True,
        glob_pattern: str | None = None,
        shuffle_files: bool = False,
        add_file_path: bool = True,
    ) -> None:
        super().__init__(
            data_folder,
            paths_file,
            limit,
            skip,
            file_progress,
            doc_progress,
            default_metadata=default_metadata,
            recursive=recursive,
            glob_pattern=glob_pattern,
            shuffle_files=shuffle_files,
            add_file_path=add_file_path,
        )
        self.config = config or DEFAULT_CONFIG

    def read_file(self, filepath: str) -> DocumentsPipeline:
        """Every document of one file; a broken file or record costs itself only, with a warning."""
        source = self.data_folder.resolve_paths(filepath)
        config = self.config
        try:
            with self.data_folder.open(filepath, "rb") as stream:
                # newsclean tells compression by its magic bytes, not by the file name.
                for raw in read_stream(stream, source, config.max_bytes, config.input_format, config.field):
                    with self.track_time():
                        document = self._document(raw, source)
                    if document is not None:
                        yield document
        except NewscleanError as exc:  # the file itself: unreadable, corrupt compression, a cut WARC
            self.stat_update("unreadable_files")
            logger.warning(f"newsclean: {exc}")
        except OSError as exc:
            self.stat_update("unreadable_files")
            logger.warning(f"newsclean: {source}: cannot read: {exc}")

    def _document(self, raw: RawDocument, path: str) -> DatatroveDocument | None:
        try:
            text, encoding = decode_raw(raw, self.config)
        except NewscleanError as exc:  # too large, binary, or a broken JSONL line
            self.stat_update("unreadable_documents")
            logger.warning(f"newsclean: {exc}")
            return None
        metadata: dict[str, Any] = dict(raw.meta)
        metadata[INPUT_KEY] = {"source": raw.source, "content_type": raw.content_type, "encoding": encoding}
        if self.default_metadata:
            metadata = self.default_metadata | metadata
        if self.add_file_path:
            metadata.setdefault("file_path", path)
        return DatatroveDocument(text=text, id=raw.source, metadata=metadata)


class NewscleanExtractor(BaseExtractor):
    """Clean each document as `newsclean clean` does; the CLI's JSON record goes into the Document.

    `text` becomes the article's body (empty for an error page); `metadata` holds the record's
    other fields (source, format, encoding, title, date, status, url, author, language, verdict,
    page_kind, counts with removed_by_stage, extra) and, with keep_removed, every removed line.
    Documents from other readers work too: their metadata fills the gaps as a JSONL record's
    fields do, and HTML is told from a dump by its start.

    With site_tables (the folder SiteCounts saved its tables in, see datatrove_sites), the
    buckets' tables are merged once per task and every page is cleaned with them, as `newsclean
    clean` cleans with the templates it learnt: the same `template` stage, so the same marks.
    With templates (a TemplateTable, e.g. TemplateTable.load of a `--learn-templates` file),
    pages are cleaned with that table, as `newsclean clean --templates FILE` cleans them.

    No sandbox process and no datatrove timeout (BaseExtractor kills a page after 1 s):
    newsclean's own limits (Config.html_timeout, clean_timeout) end a slow page, in a task's
    main thread. A document that fails is dropped, counted and logged, as the CLI reports it.
    """

    name = "📰 newsclean"

    def __init__(self, config: Config | None = None, keep_removed: bool = False,
                 site_tables: DataFolderLike | None = None, templates: TemplateTable | None = None) -> None:
        super().__init__(timeout=0)  # unused: run() cleans in this process, within newsclean's limits
        if site_tables is not None and templates is not None:
            raise ValueError("give site_tables (learnt by this crawl) or templates (a saved table), not both")
        self.config = config or DEFAULT_CONFIG
        self.keep_removed = keep_removed
        self.site_tables = site_tables
        self.templates = templates

    def extract(self, text: str) -> str:
        """The article's body of a page or dump (what `newsclean clean` prints, without the title)."""
        return "\n\n".join(clean_decoded(text, "utf-8", self.config).paragraphs)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Clean every document; those that fail (timeout, internal error) are dropped and counted."""
        if self.site_tables is not None:
            self.templates = load_site_tables(self.site_tables)
        for document in data:
            self.stat_update(StatHints.total)
            with self.track_time():
                cleaned = self.clean(document)
            if not cleaned:
                self.stat_update(StatHints.dropped)
                continue
            self.stat_update(StatHints.forwarded, f"verdict_{document.metadata['verdict']}")
            self.update_doc_stats(document)
            yield document

    def clean(self, document: DatatroveDocument) -> bool:
        """Replace a Document's text and metadata by the cleaned record; False when cleaning failed."""
        given, known, source = cleaning_input(document)
        passthrough = {key: document.metadata[key] for key in PASSTHROUGH_KEYS if key in document.metadata}
        try:
            doc = clean_decoded(document.text, given.get("encoding", "utf-8"), self.config, given.get("content_type"),
                                known, source, self.templates)
        except CleaningTimeout as exc:
            self.stat_update("timeout")
            logger.warning(f"newsclean: {exc}")
            return False
        except NewscleanError as exc:
            self.stat_update("clean_error")
            logger.warning(f"newsclean: {exc}")
            return False
        except Exception as exc:  # a cleaner bug on one page must cost that page, not the task
            self.stat_update("internal_error")
            logger.warning(f"newsclean: {source}: internal error: {type(exc).__name__}: {exc}")
            return False
        record = to_dict(doc)
        document.text = record["text"]
        metadata = {key: value for key, value in record.items() if key not in BODY_KEYS}
        if not self.keep_removed:
            del metadata["removed"]
        document.metadata = metadata | passthrough
        return True


class NewscleanFilter(BaseFilter):
    """Keep the articles; hand the rest to the exclusion writer with the verdict as `filter_reason`.

    keep_verdicts names the verdicts kept ("article", "error_page", "empty"); keep_page_kinds,
    when given, also requires one of those page kinds (reason `page_kind_KIND` otherwise).
    """

    name = "📰 newsclean verdict"

    def __init__(
        self,
        exclusion_writer: DiskWriter | None = None,
        keep_verdicts: Collection[str] = ("article",),
        keep_page_kinds: Collection[str] | None = None,
    ) -> None:
        super().__init__(exclusion_writer)
        self.keep_verdicts = frozenset(keep_verdicts)
        self.keep_page_kinds = frozenset(keep_page_kinds) if keep_page_kinds is not None else None

    def filter(self, doc: DatatroveDocument) -> bool | tuple[bool, str]:
        """True to keep the document, else (False, reason)."""
        verdict = doc.metadata.get("verdict")
        if verdict not in self.keep_verdicts:
            return False, str(verdict or "not_cleaned")
        kind = doc.metadata.get("page_kind")
        if self.keep_page_kinds is not None and kind not in self.keep_page_kinds:
            return False, f"page_kind_{kind}"
        return True


# --- writing the records -----------------------------------------------------------------------


def newsclean_record(writer: DiskWriter, document: DatatroveDocument) -> dict[str, Any]:
    """A writer adapter: the record `newsclean clean -f jsonl` writes, from a cleaned Document.

    Unlike datatrove's default adapter it keeps empty fields (an error page's empty text);
    file_path and a filter's filter_reason follow the record's own fields.
    """
    text = document.text
    record: dict[str, Any] = {}
    # The body goes where the CLI's record has it: before the removed lines, or before the counts.
    before = "removed" if "removed" in document.metadata else "counts"
    for key, value in document.metadata.items():
        if key == before:
            record["text"] = text
            record["paragraphs"] = text.split("\n\n") if text else []
        record[key] = value
    return record


def parquet_row(writer: DiskWriter, document: DatatroveDocument) -> dict[str, Any]:
    """A writer adapter: one row of parquet_schema() (no paragraphs column: split `text` at blank lines)."""
    meta = document.metadata
    row = {name: meta.get(name) for name in PARQUET_COLUMNS}
    row["id"] = document.id
    row["text"] = document.text
    return row


PARQUET_COLUMNS = (
    "id", "source", "format", "encoding", "title", "date", "status", "url", "author", "language",
    "verdict", "page_kind", "text", "removed", "counts", "extra", "file_path", "filter_reason",
)  # fmt: skip


def parquet_schema(keep_removed: bool = False) -> Any:
    """The pyarrow schema of parquet_row's rows, fixed so that a null title or date in a later row
    never clashes with a schema guessed from the first (datatrove's ParquetWriter guesses otherwise)."""
    import pyarrow as pa

    removal = pa.struct(
        [
            ("line", pa.int64()),
            ("text", pa.string()),
            ("stage", pa.string()),
            ("reason", pa.string()),
            ("duplicate_of", pa.int64()),
            ("score", pa.float64()),
        ]
    )
    counts = pa.struct(
        [
            ("blocks", pa.int64()),
            ("kept", pa.int64()),
            ("removed", pa.int64()),
            ("removed_by_stage", pa.map_(pa.string(), pa.int64())),
            ("chars_kept", pa.int64()),
        ]
    )
    types = {
        "status": pa.int32(),
        "removed": pa.list_(removal),
        "counts": counts,
        "extra": pa.map_(pa.string(), pa.string()),
    }
    return pa.schema(
        [
            pa.field(name, types.get(name, pa.string()), nullable=name not in ("id", "text"))
            for name in PARQUET_COLUMNS
            if keep_removed or name != "removed"
        ]
    )


def record_writer(
    output_folder: DataFolderLike,
    output_format: str = "jsonl",
    keep_removed: bool = False,
    compression: str | None = "infer",
) -> DiskWriter:
    """A JSONL writer of the CLI's records (`${rank}.jsonl.gz`), or a Parquet writer with the fixed schema."""
    if output_format == "parquet":
        return ParquetWriter(
            output_folder,
            adapter=_row_adapter,
            schema=parquet_schema(keep_removed),
            compression="zstd" if compression == "infer" else compression,  # type: ignore[arg-type]
        )
    if output_format != "jsonl":
        raise ValueError(f"output_format must be 'jsonl' or 'parquet', not {output_format!r}")
    return JsonlWriter(output_folder, adapter=newsclean_record, compression="gzip" if compression == "infer" else compression)


def _row_adapter(writer: DiskWriter, document: DatatroveDocument) -> dict[str, Any]:
    # A Parquet schema has no `removed` column unless asked for: drop it from the row then.
    row = parquet_row(writer, document)
    if "removed" not in writer.schema.names:  # type: ignore[attr-defined]
        del row["removed"]
    return row


def steps(
    input_folder: DataFolderLike,
    output_folder: str,
    config: Config | None = None,
    output_format: str = "jsonl",
    keep_removed: bool = False,
    glob_pattern: str | None = None,
    site_tables: DataFolderLike | None = None,
    templates: TemplateTable | None = None,
) -> list[Any]:
    """The `newsclean crawl` pipeline: read, clean (with the site templates in site_tables, or a saved
    table, when given), keep the articles in OUTPUT/articles and the rest (with their filter_reason)
    in OUTPUT/rejected."""
    output_folder = output_folder.rstrip("/")
    return [
        NewscleanReader(input_folder, config=config, glob_pattern=glob_pattern),
        NewscleanExtractor(config=config, keep_removed=keep_removed, site_tables=site_tables, templates=templates),
        NewscleanFilter(exclusion_writer=record_writer(f"{output_folder}/rejected", output_format, keep_removed)),
        record_writer(f"{output_folder}/articles", output_format, keep_removed),
    ]


def site_template_steps(
    input_folder: DataFolderLike,
    work_folder: str,
    buckets: int,
    config: Config | None = None,
    glob_pattern: str | None = None,
) -> tuple[list[Any], list[Any], str]:
    """The two learning pipelines of the site templates and the folder of their tables.

    Run the first (read, signatures to WORK/signatures) with the cleaning pipeline's tasks, the
    second (counts to WORK/tables) with `buckets` tasks and depends= the first, and the cleaning
    pipeline (steps(..., site_tables=TABLES)) with depends= the second.
    """
    work_folder = work_folder.rstrip("/")
    signatures, tables = f"{work_folder}/signatures", f"{work_folder}/tables"
    return (
        [NewscleanReader(input_folder, config=config, glob_pattern=glob_pattern),
         SiteSignatures(signatures, buckets, config)],
        [SiteCounts(signatures, tables, config)],
        tables,
    )  # fmt: skip


def merged_stats(logging_dir: DataFolderLike) -> Any:
    """datatrove's statistics of every finished task of a run, from its stats/ folder.

    The run's stats.json covers only the tasks of its last invocation: after a resume, the
    tasks finished before are missing there, but each left its own stats/RANK.json.
    """
    import json

    from datatrove.io import get_datafolder
    from datatrove.utils.stats import PipelineStats

    folder = get_datafolder(logging_dir)
    total = PipelineStats()
    for path in sorted(folder.list_files("stats")):
        with folder.open(path, "rt") as file:
            total += PipelineStats.from_json(json.load(file))
    return total



# --- `newsclean crawl`: the pipeline on an executor ------------------------------------------------

EXECUTORS = ("local", "slurm", "ray")


@dataclass(frozen=True)
class CrawlOptions:
    """Where `newsclean crawl` reads and writes, and how its tasks run."""

    input_path: str
    output_folder: str
    executor: str = "local"
    tasks: int = 1
    workers: int = -1  # tasks at a time; -1: all of them (local, ray), no limit (slurm)
    logging_dir: str | None = None  # default OUTPUT/logs
    output_format: str = "jsonl"
    keep_removed: bool = False
    glob_pattern: str | None = None
    partition: str | None = None  # slurm
    time: str = "24:00:00"  # slurm
    cpus_per_task: int = 1
    mem_per_cpu_gb: int = 2
    site_templates: bool = True  # learn the sites' templates in two passes before cleaning
    templates: TemplateTable | None = None  # a saved table to clean with (no passes): --templates FILE
    save_templates: str | None = None  # where to save the learnt table (local or remote): --learn-templates FILE

    def work_folder(self) -> str:
        """Where the site-template passes keep their signatures and tables (a rerun reuses them)."""
        return f"{self.output_folder.rstrip('/')}/site-templates"

    def log_folder(self) -> str:
        """The run's logging folder: completions (what a rerun skips), stats and task logs."""
        return self.logging_dir or f"{self.output_folder.rstrip('/')}/logs"


def input_folder(path: str, glob_pattern: str | None) -> tuple[str, str | None]:
    """A datatrove reader reads a folder: a local file is its folder, with a pattern matching its name alone.

    datatrove puts `*` before a pattern without wildcards (`a.warc` would match `data.warc`),
    so the name's last character becomes a one-character class.
    """
    if not os.path.isfile(path):
        return path, glob_pattern
    name = glob.escape(os.path.basename(path))
    if not glob.has_magic(name):
        name = f"{name[:-1]}[{name[-1]}]"
    return os.path.dirname(os.path.abspath(path)), name


def input_files(path: str, glob_pattern: str | None = None) -> list[str]:
    """The files a crawl's reader will read, relative to its folder (one listing, local or remote)."""
    from datatrove.io import get_datafolder

    folder, pattern = input_folder(path, glob_pattern)
    return get_datafolder(folder).list_files(recursive=True, glob_pattern=pattern)


def local_sizes(path: str, files: list[str]) -> dict[str, int]:
    """Each input file's size when the input is a local folder (no requests to a remote store)."""
    folder = os.path.dirname(os.path.abspath(path)) if os.path.isfile(path) else path
    if not os.path.isdir(folder):
        return {}
    return {name: os.path.getsize(os.path.join(folder, name)) for name in files}


def parallelism_warnings(sizes: dict[str, int], files: int, tasks: int) -> list[str]:
    """Warnings when the work cannot spread over the tasks: datatrove hands each task whole files."""
    warnings = []
    if files < tasks:
        warnings.append(f"{files} input file(s) for {tasks} tasks: datatrove gives each task whole files, so "
                        f"{tasks - files} task(s) have nothing to do; split big WARC files to spread the work")
    total = sum(sizes.values())
    if sizes and tasks > 1 and total:
        name, largest = max(sizes.items(), key=lambda item: item[1])
        share = total / min(tasks, files)
        if largest > 2 * share:  # that file's task alone runs more than twice as long as an even share
            warnings.append(f"{name} holds {largest / total:.0%} of the input: its task does "
                            f"{largest / share:.1f} times an even share of the work; split it to spread the work")
    return warnings


def missing_requirement(executor: str) -> str | None:
    """What this machine lacks to run an executor (sbatch for Slurm, the ray package for Ray), or None."""
    import importlib.util
    import shutil

    if executor == "slurm" and shutil.which("sbatch") is None:
        return "--executor slurm needs Slurm's sbatch on the PATH (run it on the cluster's login node)"
    if executor == "ray" and importlib.util.find_spec("ray") is None:
        return "--executor ray needs Ray: pip install 'ray[default]'"
    return None


def build_executor(options: CrawlOptions, config: Config | None = None) -> Any:
    """The datatrove executor of a crawl (its pipeline from steps()), chained with depends= after the
    two site-template passes (and the saving of their table, with save_templates) unless
    options.site_templates is off or a saved table is given; completed tasks are skipped on a rerun."""
    folder, pattern = input_folder(options.input_path, options.glob_pattern)
    if options.executor not in EXECUTORS:
        raise ValueError(f"executor must be one of {', '.join(EXECUTORS)}, not {options.executor!r}")
    if options.executor == "slurm" and not options.partition:
        raise ValueError("--executor slurm needs --partition")
    if options.templates is not None and (options.save_templates or not options.site_templates):
        raise ValueError("a saved table (--templates) goes with neither --learn-templates nor --no-site-templates")
    if options.save_templates and not options.site_templates:
        raise ValueError("--learn-templates and --no-site-templates contradict each other")
    tables = before = None
    if options.site_templates and options.templates is None:
        buckets = max(1, options.tasks)  # a site's pages are one bucket: any number gives the same table
        learn, count, tables = site_template_steps(folder, options.work_folder(), buckets, config, pattern)
        log = options.log_folder().rstrip("/")
        signatures = _executor(options, learn, options.tasks, f"{log}/site-signatures", "newsclean-signatures")
        before = _executor(options, count, buckets, f"{log}/site-counts", "newsclean-counts", signatures)
        if options.save_templates:
            before = _executor(options, [SaveTemplates(tables, options.save_templates)], 1, f"{log}/site-table",
                               "newsclean-save-templates", before)
    pipeline = steps(folder, options.output_folder, config, options.output_format, options.keep_removed, pattern,
                     tables, options.templates)
    return _executor(options, pipeline, options.tasks, options.log_folder(), "newsclean", before)


def anchored_site_map(config: Config, input_path: str) -> Config:
    """The config with its --site-map patterns matching as `newsclean clean` matches them.

    clean matches a pattern against the path as given (crawl/nyt/a.txt); a crawl's documents are
    named by their full path (/home/me/crawl/nyt/a.txt), so for a local input a relative pattern
    is taken from the current directory (a pattern starting with `*` matches as it is).
    """
    if "://" in input_path or not config.site_map:
        return config
    anchored = tuple((pattern if pattern.startswith(("/", "*")) else os.path.join(os.getcwd(), pattern), site)
                     for pattern, site in config.site_map)
    return config.replace(site_map=anchored)


def _executor(options: CrawlOptions, pipeline: list[Any], tasks: int, logging_dir: str, job_name: str,
              depends: Any = None) -> Any:
    """One pipeline on the options' executor, run after `depends` (None: first)."""
    common: dict[str, Any] = {"tasks": tasks, "workers": options.workers, "logging_dir": logging_dir, "depends": depends}
    if options.executor == "local":
        from datatrove.executor import LocalPipelineExecutor

        return LocalPipelineExecutor(pipeline, **common)
    if options.executor == "slurm":
        from datatrove.executor import SlurmPipelineExecutor

        # The jobs run in this Python environment: the venv that has newsclean and datatrove.
        venv = os.path.join(sys.prefix, "bin", "activate") if sys.prefix != sys.base_prefix else None
        return SlurmPipelineExecutor(
            pipeline, time=options.time, partition=options.partition, cpus_per_task=options.cpus_per_task,
            mem_per_cpu_gb=options.mem_per_cpu_gb, job_name=job_name, venv_path=venv, **common,
        )  # fmt: skip
    from datatrove.executor.ray import RayPipelineExecutor

    return RayPipelineExecutor(
        pipeline, cpus_per_task=options.cpus_per_task, mem_per_cpu_gb=options.mem_per_cpu_gb, **common
    )
