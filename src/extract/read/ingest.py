"""Ingest: find the input files, decode them, and take the main text out of HTML.

A file that cannot be read becomes an IngestError with a reason; the run goes on.
"""
from __future__ import annotations

import os
import re
from collections import Counter
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath

import charset_normalizer

from ..models import ErrorRow

SUFFIXES = (".txt", ".html", ".htm", ".shtml", ".xhtml")  # taken by default
HTML_SUFFIXES = (".html", ".htm", ".shtml", ".xhtml")
CANDIDATE_ENCODINGS = ("gb18030", "big5")
BINARY_MAGIC = (b"\x89PNG", b"PK\x03\x04", b"%PDF", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b")
UTF16_BOMS = {b"\xff\xfe": "utf-16-le", b"\xfe\xff": "utf-16-be"}


class BadSetting(ValueError):
    """An environment setting that cannot be used; the message names it and what it takes."""


def max_file_mb(value: str | None = None) -> float:
    """EXTRACT_MAX_FILE_MB (default 20): files larger are refused, not cut."""
    value = os.environ.get("EXTRACT_MAX_FILE_MB", "20") if value is None else value
    try:
        limit = float(value)
    except ValueError:
        limit = float("nan")
    if not limit > 0 or limit == float("inf"):
        raise BadSetting(f"EXTRACT_MAX_FILE_MB={value!r} is not a size in MB; use a positive number such as 50")
    return limit


try:
    MAX_FILE_MB = max_file_mb()
except BadSetting:
    MAX_FILE_MB = 20.0  # the command line reports the bad setting before a run starts


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


@dataclass(frozen=True)
class Selection:
    """Which files under the input folder are documents.

    `globs`: shell patterns (`*` also matches `/`) matched against the path relative to the
    input folder and against the file name; none given: the default suffixes (SUFFIXES).
    `excludes`: the same patterns, for files to leave out. `follow_links`: also follow
    symbolic links whose target lies outside the input folder (links inside it are always
    followed, each real folder walked once).
    """

    globs: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    follow_links: bool = False

    def takes(self, relative: str) -> bool:
        name = relative.rsplit("/", 1)[-1]
        matches = lambda patterns: any(fnmatchcase(relative, p) or fnmatchcase(name, p)  # noqa: E731
                                       for p in patterns)
        if self.excludes and matches(self.excludes):
            return False
        return matches(self.globs) if self.globs else name.lower().endswith(SUFFIXES)


@dataclass
class Scan:
    """What a walk of the input found: the documents, the paths it could not read (as error
    rows), and how many files it left out, by extension."""

    files: list[Path] = field(default_factory=list)
    errors: list[ErrorRow] = field(default_factory=list)
    not_taken: Counter = field(default_factory=Counter)


def iter_files(root: Path, selection: Selection = Selection()) -> list[Path]:
    """Input files under root (or root itself), sorted by path, following no symlink twice."""
    return scan(root, selection).files


def scan(root: Path, selection: Selection = Selection()) -> Scan:
    """Walk root without recursion (any depth), in name order; every folder, link or entry that
    cannot be read becomes an error row instead of vanishing. Symbolic links whose target lies
    outside root are not followed unless selection.follow_links; each real folder is walked once."""
    found = Scan()
    if not root.is_dir():
        found.files = [root] if root.exists() or root.is_symlink() else []
        return found
    real_root = os.path.realpath(root)
    seen: set[tuple[int, int]] = set()
    stack: list[tuple[Path, str]] = [(root, "")]
    while stack:
        folder, relative = stack.pop()
        try:
            st = os.stat(folder)
            if (st.st_dev, st.st_ino) in seen:  # a symlink loop or a second link: walk it once
                continue
            seen.add((st.st_dev, st.st_ino))
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: os.fsencode(e.name))
        except OSError as exc:
            found.errors.append(_walk_error(folder, f"folder not read: {exc.strerror or exc}"))
            continue
        folders = []
        for entry in entries:
            rel = f"{relative}{entry.name}"
            path = folder / entry.name
            try:
                is_link = entry.is_symlink()
                if is_link and not os.path.exists(path):
                    found.errors.append(_walk_error(path, "broken symbolic link: its target does not exist"))
                    continue
                if is_link and not selection.follow_links and not _inside(os.path.realpath(path), real_root):
                    found.errors.append(_walk_error(path, "symbolic link to a target outside the input "
                                                          "folder: not followed (--follow-links to follow it)"))
                    continue
                if entry.is_dir():
                    folders.append((path, rel + "/"))
                    continue
            except OSError as exc:
                found.errors.append(_walk_error(path, f"not read: {exc.strerror or exc}"))
                continue
            if selection.takes(_text_of(rel)):
                found.files.append(path)
            else:
                found.not_taken[_extension(entry.name)] += 1
        stack.extend(reversed(folders))
    found.files.sort()
    return found


def _inside(real: str, real_root: str) -> bool:
    return real == real_root or real.startswith(real_root.rstrip(os.sep) + os.sep)


def _walk_error(path: Path, reason: str) -> ErrorRow:
    return ErrorRow(path=display_path(path), stage="ingest", reason=reason)


def _extension(name: str) -> str:
    suffix = PurePosixPath(_text_of(name)).suffix.lower()
    return suffix or "(none)"


def _text_of(name: str, lossless: bool = False) -> str:
    """A name as text without surrogates: bytes that are not UTF-8 written as `\\xNN`; with
    `lossless`, a backslash as `\\\\` too, so that no two names give one text (see doc_id_of)."""
    data = os.fsencode(name)
    if lossless:
        data = data.replace(b"\\", b"\\\\")
    return data.decode("utf-8", "backslashreplace")


def doc_id_of(path: Path, root: Path | None = None) -> str:
    """The document's id: its path relative to the input folder, without the extension, with
    `/` between folders (`site1/2021/index`), the same on every machine and run; for a file
    given alone, or a file directly in the folder, its name without extension (SPEC).
    Bytes of a name that are not UTF-8 (a GBK name from a Windows zip) are written as `\\xNN`
    (and a backslash as `\\\\`), so distinct files keep distinct ids."""
    if root is None or path == root:
        return _text_of(path.stem, lossless=True)
    text, base = str(path), os.path.join(root, "")
    # a path the walk built under root needs no normalising: relpath was most of a 100k-file scan
    relative = text[len(base):] if text.startswith(base) else str(PurePosixPath(*Path(os.path.relpath(path, root)).parts))
    folder, _, name = relative.rpartition("/")
    stem = PurePosixPath(name).stem  # the name without its extension
    return _text_of(f"{folder}/{stem}" if folder else stem, lossless=True)


def display_path(path: Path) -> str:
    """The path as text that any UTF-8 output can hold: bytes of a name that are not UTF-8
    are written as `\\xNN`, so two such files keep distinct paths."""
    return _text_of(str(path))


def read_document(path: Path, root: Path | None = None, data: bytes | None = None) -> RawDocument:
    """The decoded text of one file (an HTML page's main text); `root`, the input folder, gives
    the doc_id (doc_id_of); `data`, the file's bytes when the caller has read them already (so
    the result is of the bytes it keyed)."""
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
    utf16 = _utf16_codec(data)
    if data.startswith(BINARY_MAGIC) or (utf16 is None and b"\x00" in data[:4096]):
        raise IngestError(path, "binary file, not text")
    if utf16:
        text, encoding, warning = _decode_utf16(path, data, utf16)
    else:
        text, encoding, warning = decode(path, data)
    text = LONE_CR.sub("\n", text)  # old Mac line ends: lines, not one run-on line
    if not text.strip():  # a BOM or ideographic spaces only
        raise IngestError(path, "empty file")
    is_html = path.suffix.lower() in HTML_SUFFIXES
    if is_html:
        text, html_warning = html_main_text(path, text, with_warning=True)
        warning = "; ".join(w for w in (warning, html_warning) if w) or None
    return RawDocument(path, doc_id_of(path, root), text, encoding, is_html, warning)


LONE_CR = re.compile(r"\r(?!\n)")


def _utf16_codec(data: bytes) -> str | None:
    """utf-16-le/-be when the bytes are UTF-16: a byte-order mark, or (without one) NUL bytes
    mostly at one parity, as ASCII and line breaks give, the whole decoding strictly and
    reading as text."""
    for bom, codec in UTF16_BOMS.items():
        if data.startswith(bom):
            return codec
    head = data[:4096]
    if len(data) % 2 or b"\x00" not in head:
        return None
    even, odd = head[0::2].count(0), head[1::2].count(0)  # a CJK character may hold a 0 byte too
    codec = "utf-16-be" if even >= 4 * odd else "utf-16-le" if odd >= 4 * even else None
    if codec is None or not _decodes(data, codec):
        return None
    text = data.decode(codec)
    printable = sum(ch.isprintable() or ch in "\r\n\t" for ch in text[:2000])
    return codec if printable >= 0.95 * min(len(text), 2000) else None


def _decode_utf16(path: Path, data: bytes, codec: str) -> tuple[str, str, str | None]:
    body = data[2:] if data[:2] in UTF16_BOMS else data
    cut = len(body) % 2
    try:
        text = body[:len(body) - cut].decode(codec)
    except UnicodeDecodeError as exc:
        raise IngestError(path, f"undecodable: {codec} with a broken character at byte {exc.start}") from exc
    return text, codec, _truncated(cut) if cut else None


def decode(path: Path, data: bytes) -> tuple[str, str, str | None]:
    """(text, encoding, warning). UTF-8 (BOM or not) first; a UTF-8 file with some lines in
    another encoding line by line; else the best of GB18030/Big5."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), "utf-8", None
    except UnicodeDecodeError as exc:
        cut_short = exc.reason == "unexpected end of data" and exc.start >= len(data) - 3
        if cut_short and _decodes(data[: exc.start], "utf-8"):
            return data[: exc.start].decode("utf-8"), "utf-8", _truncated(len(data) - exc.start)
    if (mixed := _decode_mixed(data)) is not None:
        return mixed
    for body, cut in ((data, 0), *((data[:-n], n) for n in (1, 2, 3))):
        encoding = _best_legacy_encoding(body)
        if encoding:
            return body.decode(encoding), encoding, _truncated(cut) if cut else None
    raise IngestError(path, "undecodable: not UTF-8, GB18030/GBK or Big5")


def _decode_mixed(data: bytes) -> tuple[str, str, str] | None:
    """A mostly-UTF-8 file with some lines in GBK or Big5 (a page pasted together): each line
    in its own encoding, with a warning naming the lines. None unless most lines that are
    not plain ASCII are UTF-8."""
    lines = data.split(b"\n")
    bad = [i for i, line in enumerate(lines) if not line.isascii() and not _decodes(line, "utf-8")]
    non_ascii = sum(not line.isascii() for line in lines)
    if not bad or len(bad) * 2 >= non_ascii:
        return None
    encoding = _best_legacy_encoding(b"\n".join(lines[i] for i in bad)) or "gb18030"
    for i in bad:
        lines[i] = lines[i].decode(encoding, "replace").encode("utf-8")
    text = b"\n".join(lines).decode("utf-8", "replace")
    shown = ", ".join(str(i + 1) for i in bad[:5]) + (" ..." if len(bad) > 5 else "")
    return text, "utf-8", (f"mixed encodings: {len(bad)} line(s) not UTF-8, decoded as {encoding} "
                           f"(line {shown})")


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


def html_main_text(path: Path, html: str, with_warning: bool = False):
    """Main text of a web page (pages.main_text), its title and date on top; a page without
    any is an IngestError. With `with_warning`: (text, warning or None)."""
    from .pages import NoText, main_text

    try:
        text, warning = main_text(html)
    except NoText as exc:
        raise IngestError(path, str(exc)) from exc
    return (text, warning) if with_warning else text
