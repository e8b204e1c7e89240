"""Ingest: find the input files, decode them, and take the main text out of HTML.

A file that cannot be read becomes an IngestError with a reason; the run goes on.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import charset_normalizer

SUFFIXES = (".txt", ".html", ".htm")
CANDIDATE_ENCODINGS = ("gb18030", "big5")
MAX_FILE_MB = float(os.environ.get("EXTRACT_MAX_FILE_MB", "20"))  # larger files are refused, not cut
BINARY_MAGIC = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")


@dataclass(frozen=True)
class RawDocument:
    path: Path
    doc_id: str
    text: str
    encoding: str
    is_html: bool
    warning: str | None = None  # a loss the run should report but not stop for


class IngestError(Exception):
    def __init__(self, path: Path, reason: str):
        super().__init__(reason)
        self.path, self.reason = path, reason


def iter_files(root: Path) -> list[Path]:
    """Input files under root (or root itself), sorted by path, following no symlink twice."""
    if root.is_file():
        return [root]
    return sorted(_walk(root))


def _walk(root: Path) -> Iterator[Path]:
    seen: set[tuple[int, int]] = set()
    for dirpath, dirnames, filenames in os.walk(root, followlinks=True):
        st = os.stat(dirpath)
        if (st.st_dev, st.st_ino) in seen:  # a symlink loop: walk each real folder once
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames.sort()
        for name in sorted(filenames):
            if name.lower().endswith(SUFFIXES):
                yield Path(dirpath) / name


def display_path(path: Path) -> str:
    """The path as text that any UTF-8 output can hold (undecodable bytes of a name become �)."""
    return str(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def read_document(path: Path, data: bytes | None = None) -> RawDocument:
    try:
        if not path.is_file():
            raise IngestError(path, "not a regular file")
        size_mb = path.stat().st_size / 1_000_000
        if size_mb > MAX_FILE_MB:
            raise IngestError(path, f"file is {size_mb:.1f} MB, above the {MAX_FILE_MB:g} MB limit "
                                    "(set EXTRACT_MAX_FILE_MB to raise it); not processed")
        data = path.read_bytes() if data is None else data  # given: the bytes the caller keyed
    except OSError as exc:
        raise IngestError(path, f"cannot read file: {exc.strerror or exc}") from exc
    if not data.strip():
        raise IngestError(path, "empty file")
    if data.startswith(BINARY_MAGIC) or b"\x00" in data[:4096]:
        raise IngestError(path, "binary file, not text")
    text, encoding, warning = decode(path, data)
    if not text.strip():  # a BOM or ideographic spaces only
        raise IngestError(path, "empty file")
    is_html = path.suffix.lower() in (".html", ".htm")
    if is_html:
        text = html_main_text(path, text)
    return RawDocument(path, display_path(Path(path.stem)), text, encoding, is_html, warning)


def decode(path: Path, data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, warning). UTF-8 (BOM or not) first, then the best of GB18030/Big5."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        cut_short = exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
        if cut_short and _decodes(data[: exc.start], "utf-8"):
            return data[: exc.start].decode("utf-8"), "utf-8", _truncated(len(data) - exc.start)
    for body, cut in ((data, 0), *((data[:-n], n) for n in (1, 2, 3))):
        encoding = _best_legacy_encoding(body)
        if encoding:
            return body.decode(encoding), encoding, _truncated(cut) if cut else None
    raise IngestError(path, "undecodable: not UTF-8, GB18030/GBK or Big5")


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
        return True
    except UnicodeDecodeError:
        return False


def _truncated(n_bytes: int) -> str:
    return f"truncated: the last {n_bytes} byte(s) end inside a character and were dropped"


def _best_legacy_encoding(data: bytes) -> str | None:
    """GB18030 decodes almost any bytes, so among the encodings that decode strictly
    let charset-normalizer's coherence measure pick the one that reads as Chinese."""
    candidates = [e for e in CANDIDATE_ENCODINGS if _decodes(data, e)]
    if len(candidates) <= 1:
        return candidates[0] if candidates else None
    best = charset_normalizer.from_bytes(data, cp_isolation=candidates).best()
    return _python_codec(best.encoding) if best else candidates[0]


def _python_codec(name: str) -> str:
    return {"gb18030": "gb18030", "big5": "big5", "gbk": "gb18030", "gb2312": "gb18030",
            "big5hkscs": "big5", "cp950": "big5"}.get(name.lower().replace("_", ""), name)


def html_main_text(path: Path, html: str) -> str:
    """Main text of a web page, paragraphs on their own lines, with its title and date on top
    so that the article splitter reads them as it would in a saved text page."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False,
                                      include_tables=False, favor_recall=True)
    if doc is None or not (doc.text or "").strip():
        raise IngestError(path, "HTML page without extractable main text")
    head = [line for line in (doc.title, _meta_line(doc)) if line]
    return "\n".join([*head, doc.text])


def _meta_line(doc) -> str:
    parts = []
    if doc.date:
        parts.append(str(doc.date))
    if doc.sitename:
        parts.append(f"来源:{doc.sitename}")
    if doc.author:
        parts.append(f"作者:{doc.author}")
    return " ".join(parts)
