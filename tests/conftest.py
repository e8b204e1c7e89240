"""Shared fixtures: the real inputs (seeds, dev pages) and the spaCy pipeline, loaded once."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RAW = ROOT / "data" / "raw"
FIXTURES = ROOT / "tests" / "fixtures"
# The dev pages are third-party text: the repository keeps none of it and reads ../shared/dev
# beside the clone; tests that need them skip, saying so, when it is absent.
SHARED_DEV = ROOT.parent / "shared" / "dev"
DEV_RAW = SHARED_DEV / "raw"


def fixture_set(name: str) -> Path:
    """The folder holding raw/ and gold/ of a labelled set: `dev` from ../shared, the rest here."""
    folder = SHARED_DEV if name == "dev" else FIXTURES / name
    if not (folder / "gold").is_dir():
        pytest.skip(f"labelled set {name!r} not available: {folder}")
    return folder

SEED_IDS = {
    "000": "000_7ae1732cb7fd648e",
    "001": "001_da736f400649c7b9",
    "002": "002_21d98ef2e5f3f12f",
    "003": "003_f0fd3b87765ce243",
    "004": "004_3d712fba48472300",
}


def seed_path(n: str) -> Path:
    path = RAW / f"{SEED_IDS[n]}.txt"
    if not path.is_file():
        pytest.fail(f"seed {n} missing: {path}")
    return path


def dev_path(name: str) -> Path:
    path = DEV_RAW / name
    if not path.is_file():
        pytest.skip(f"dev page not available: {path}")
    return path


@pytest.fixture(scope="session")
def seed():
    """seed("000") -> Path of that seed file in data/raw."""
    return seed_path


@pytest.fixture(scope="session")
def dev():
    """dev("d13.txt") -> Path of that dev page (from ../shared/dev)."""
    return dev_path


@pytest.fixture(scope="session")
def cleaned():
    """cleaned(path) -> CleanPage of a real file, computed once per file."""
    from extract.read.clean import clean_page
    from extract.read.ingest import read_document

    cache = {}

    def get(path: Path):
        if path not in cache:
            cache[path] = clean_page(read_document(path).text)
        return cache[path]

    return get


@pytest.fixture(scope="session")
def nlp():
    """The real spaCy pipeline (pkuseg model from the cache), loaded once per test session.

    `extract.nlp.load` is cached per process, so the CLI invoked in-process reuses it.
    """
    from extract.nlp import pipeline as nlp_module
    from extract.nlp.segmenter import ModelMissing

    try:
        return nlp_module.load()
    except ModelMissing as exc:  # the suite needs the model: say how to get it
        pytest.fail(f"{exc}", pytrace=False)


@pytest.fixture(scope="session", autouse=True)
def _private_result_cache(tmp_path_factory):
    """Runs in tests cache their results in a temporary folder, never the user's cache."""
    import os

    os.environ["EXTRACT_CACHE_DIR"] = str(tmp_path_factory.mktemp("result-cache"))
