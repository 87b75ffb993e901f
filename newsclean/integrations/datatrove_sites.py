"""Site templates as datatrove steps: the CLI's learning pass, spread over tasks in two passes.

`newsclean clean` counts every page's lines per site before it cleans (sites/, batch/learning.py).
On datatrove that pass becomes two pipelines chained with `depends=`, before the cleaning one:

1. SiteSignatures (after a NewscleanReader, one task per share of the input files): each page's
   site and its packed line signatures (TemplateLearner.pack: stable BLAKE2b hashes, lines
   without letters skipped), written to `FOLDER/BUCKET/RANK.sig`, the bucket a stable hash of
   the site (datatrove's sha1 hash function, never Python's salted hash()).
2. SiteCounts (one task per bucket): every page of its sites from every pass-1 task into one
   TemplateLearner, whose exact counts are a partial TemplateTable saved as `TABLES/BUCKET.json`.
   A site's pages all land in one bucket, so the tables of the buckets are disjoint.
3. NewscleanExtractor(site_tables=TABLES) merges the buckets' tables (TemplateTable.merge) and
   cleans with the same `template` stage as the CLI: the threshold (a line is template on at
   least max(2, ceil(n/100)) of the site's n pages) and the page-share guard are the stage's.
   SaveTemplates (one task, between the two) saves the merged table as one file, the
   CLI's `--learn-templates FILE`; NewscleanExtractor(templates=table) cleans with a saved one.

The learner's sample (at most template_max_pages pages per site, chosen by page hash) does not
depend on the order pages arrive in, so neither the number of tasks nor of buckets changes the
table: the marks are those of `newsclean clean` on the same pages.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Iterator
from typing import Any, BinaryIO

from datatrove.data import DocumentsPipeline
from datatrove.io import DataFolderLike, get_datafolder
from datatrove.pipeline.base import PipelineStep
from datatrove.utils.hashing import HashConfig, create_hash_func
from datatrove.utils.logging import logger

from ..api import add_metadata, parse, template_page
from ..config import DEFAULT_CONFIG, Config
from ..errors import NewscleanError
from ..read.charsets import media_type
from ..sites import TemplateLearner, TemplateTable
from .datatrove_documents import cleaning_input

# sha1 needs no extra package (xxhash would), and is the same on every machine and run.
SITE_HASH = HashConfig(precision=64, hash_fc="sha1")
RECORD = struct.Struct("<HI")  # a page: the site's length in bytes, the packed signatures' length
SIGNATURES = ".sig"


def site_bucket(site: str, buckets: int) -> int:
    """The bucket of a site's pages: a stable 64-bit hash of its name, modulo the buckets.

    >>> site_bucket("example.com", 4) == site_bucket("example.com", 4)
    True
    """
    return create_hash_func(SITE_HASH)(site) % buckets


def write_page(stream: BinaryIO, site: str, packed: bytes) -> None:
    """One page's record: the two lengths, the site (UTF-8), the packed signatures."""
    name = site.encode("utf-8", "surrogatepass")
    stream.write(RECORD.pack(len(name), len(packed)) + name + packed)


def read_pages(stream: BinaryIO) -> Iterator[tuple[str, bytes]]:
    """The (site, packed signatures) records write_page wrote; ValueError for a cut file."""
    while header := stream.read(RECORD.size):
        if len(header) < RECORD.size:
            raise ValueError("a signature file ends inside a record")
        site_length, packed_length = RECORD.unpack(header)
        body = stream.read(site_length + packed_length)
        if len(body) < site_length + packed_length:
            raise ValueError("a signature file ends inside a record")
        yield body[:site_length].decode("utf-8", "surrogatepass"), body[site_length:]


class SiteSignatures(PipelineStep):
    """Pass 1: each page's site and line signatures, bucketed by site, for SiteCounts to count.

    Pages are parsed as the extractor parses them (not cleaned); pages without a site are
    skipped, as `newsclean clean` skips them. Ends the pipeline: it yields no documents.
    """

    name = "📰 site signatures"
    type = "📰 newsclean"

    def __init__(self, output_folder: DataFolderLike, buckets: int, config: Config | None = None) -> None:
        super().__init__()
        if buckets < 1:
            raise ValueError(f"buckets must be at least 1, not {buckets}")
        self.output_folder = get_datafolder(output_folder)
        self.buckets = buckets
        self.config = config or DEFAULT_CONFIG

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Write this task's pages to BUCKET/RANK.sig (every bucket gets a file, empty or not)."""
        streams = [self.output_folder.open(f"{bucket:04d}/{rank:05d}{SIGNATURES}", "wb") for bucket in range(self.buckets)]
        try:
            for document in data or ():
                self.stat_update("pages")
                with self.track_time():
                    page = self.page(document)
                if page is None:
                    self.stat_update("no_site")
                    continue
                write_page(streams[site_bucket(page[0], self.buckets)], *page)
        finally:
            for stream in streams:
                stream.close()
        yield from ()

    def page(self, document: Any) -> tuple[str, bytes] | None:
        """A Document's (site, packed signatures), as the CLI's learning pass reads it; None without a site."""
        given, known, source = cleaning_input(document)
        try:
            doc = parse(document.text, source, given.get("encoding", "utf-8"), self.config,
                        media_type(given.get("content_type")))
            add_metadata(doc, known)
            return template_page(doc, self.config)
        except NewscleanError as exc:  # a page that cannot be parsed in time: cleaning reports it
            logger.warning(f"newsclean: {exc}")
        except Exception as exc:  # a parser bug on one page must not cost the task (the CLI skips it too)
            logger.warning(f"newsclean: {source}: internal error while learning: {type(exc).__name__}: {exc}")
        return None


class SiteCounts(PipelineStep):
    """Pass 2, task BUCKET: the exact counts of the bucket's sites over every pass-1 task's pages,
    saved as TABLES/BUCKET.json (a partial TemplateTable; the buckets' tables merge by adding)."""

    name = "📰 site counts"
    type = "📰 newsclean"

    def __init__(self, signatures_folder: DataFolderLike, tables_folder: DataFolderLike,
                 config: Config | None = None) -> None:
        super().__init__()
        self.signatures_folder = get_datafolder(signatures_folder)
        self.tables_folder = get_datafolder(tables_folder)
        self.config = config or DEFAULT_CONFIG

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Count bucket `rank` (its tasks are the buckets) and save its table; ValueError when pass 1 wrote
        more buckets than there are tasks (their sites would be missing from every table)."""
        if self.signatures_folder.isdir(f"{world_size:04d}"):
            raise ValueError(f"{self.signatures_folder.path} holds more buckets than the {world_size} SiteCounts "
                             "tasks: run one task per bucket")
        learner = TemplateLearner(self.config.template_max_pages)
        with self.track_time():
            for path in self.signatures_folder.list_files(subdirectory=f"{rank:04d}", glob_pattern=f"*{SIGNATURES}"):
                with self.signatures_folder.open(path, "rb") as stream:
                    for site, packed in read_pages(stream):
                        self.stat_update("pages")
                        learner.add_packed(site, packed)
            table = learner.table()
        self.stat_update("sites", value=len(table.pages))
        self.stat_update("template_lines", value=sum(map(len, table.counts.values())))
        with self.tables_folder.open(f"{rank:04d}.json", "wt") as stream:
            stream.write(table.to_json())
        yield from ()


class SaveTemplates(PipelineStep):
    """After SiteCounts (one task): the buckets' tables merged and saved as one file, the file
    `newsclean clean --learn-templates FILE` writes for the same pages (`--templates FILE` reads it)."""

    name = "📰 save site templates"
    type = "📰 newsclean"

    def __init__(self, tables_folder: DataFolderLike, target: str) -> None:
        super().__init__()
        self.tables_folder = tables_folder
        self.target = target

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        """Write the merged table to the target (local or remote); an empty table when no site has two pages."""
        table = load_site_tables(self.tables_folder) or TemplateTable()
        folder, _, name = self.target.rstrip("/").rpartition("/")
        with get_datafolder(folder or ".").open(name, "wt") as stream:
            stream.write(table.to_json())
        self.stat_update("sites", value=len(table.pages))
        yield from ()


def load_site_tables(folder: DataFolderLike) -> TemplateTable | None:
    """The merged TemplateTable of the buckets' tables in folder (SiteCounts saves them); None when no
    site has two pages, as the CLI then cleans without a template stage.

    ValueError for a folder without tables, or a site in two tables (tables left by a run with
    another number of buckets: its counts would be added twice).
    """
    tables = get_datafolder(folder)
    merged = TemplateTable()
    names = sorted(tables.list_files(glob_pattern="*.json"))
    if not names:
        raise ValueError(f"no site template tables in {tables.path}: run the SiteCounts pass first")
    for name in names:
        with tables.open(name, "rt") as stream:
            table = TemplateTable.from_dict(json.load(stream), name)
        if twice := merged.pages.keys() & table.pages.keys():
            raise ValueError(f"{tables.path}: site {min(twice)} is in two tables; remove tables left by a run "
                             "with another number of tasks")
        # Disjoint sites: TemplateTable.merge's sums are the tables side by side, without copying the
        # growing table once per bucket (quadratic in the buckets).
        merged.pages.update(table.pages)
        merged.counts.update(table.counts)
    return merged if any(n >= 2 for n in merged.pages.values()) else None
