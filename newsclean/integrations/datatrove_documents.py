"""What newsclean's datatrove reader puts in a Document's metadata, and how later steps read it back."""

from __future__ import annotations

from typing import Any

from datatrove.data import Document as DatatroveDocument

# What the reader knew about a document's bytes, for the extractor (dropped once it has cleaned it).
INPUT_KEY = "newsclean_input"
# Metadata datatrove's own steps add, passed through rather than read as the container's metadata.
PASSTHROUGH_KEYS = ("file_path",)


def cleaning_input(document: DatatroveDocument) -> tuple[dict[str, Any], dict[str, Any], str]:
    """What the reader knew of a Document's bytes (source, content type, encoding; empty from other
    readers), the metadata a container gave it (its url, date, status...), and its source name."""
    given = document.metadata.get(INPUT_KEY) or {}
    known = {key: value for key, value in document.metadata.items() if key not in (INPUT_KEY, *PASSTHROUGH_KEYS)}
    return given, known, given.get("source") or document.id
