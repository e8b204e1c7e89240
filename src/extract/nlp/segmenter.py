"""The pkuseg segmentation model (only for EXTRACT_SEGMENTER=pkuseg): where it lives and how it
is checked.

`spacy_pkuseg` ships no model and its "mixed" default downloads from a host that is not
reachable here. The `pkuseg==0.0.25` sdist on the package index carries the general-purpose
model; `extract fetch-model` (model_fetch.py) takes the two model files out of it into a per-user
cache. Nothing here touches the network at run time: `model_dir()` only looks.
"""
from __future__ import annotations

import hashlib
import os
import shutil
import tarfile
from pathlib import Path

import platformdirs

SDIST = "pkuseg==0.0.25"
MEMBER_DIR = "pkuseg-0.0.25/pkuseg/models/default/"
FILES = {  # name -> (size in bytes, sha256)
    "features.pkl": (76848940, "265dcf5534a11d6429776f7e7450a9eef8e075b1a4bedb82ef996994d9c721ac"),
    "weights.npz": (105745354, "95d1632a1fed45993b5006d8ba85939cb110fae71313987673582d24669811dd"),
}
ENV_VAR = "EXTRACT_PKUSEG_MODEL"
FIX = "run `make setup` (or `extract fetch-model`) to fetch it from the package index"


class ModelMissing(RuntimeError):
    """The segmentation model is not where the pipeline looks for it."""


def default_dir() -> Path:
    return Path(platformdirs.user_cache_dir("extract")) / "pkuseg-default-0.0.25"


def configured_dir() -> Path:
    return Path(os.environ[ENV_VAR]) if os.environ.get(ENV_VAR) else default_dir()


def model_dir() -> Path:
    """The verified model folder, or ModelMissing naming the fix. Cheap: checks sizes only."""
    path = configured_dir()
    for name, (size, _) in FILES.items():
        f = path / name
        if not f.is_file():
            raise ModelMissing(f"pkuseg model missing: {f} not found; {FIX}")
        if f.stat().st_size != size:
            raise ModelMissing(f"pkuseg model damaged: {f} has {f.stat().st_size} bytes, expected {size}; {FIX}")
    return path


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _unpack_model(sdist: Path, into: Path) -> None:
    with tarfile.open(sdist) as tar:
        for name in FILES:
            member = tar.getmember(MEMBER_DIR + name)
            with tar.extractfile(member) as src, (into / name).open("wb") as dst:
                shutil.copyfileobj(src, dst)


def _verified(path: Path) -> Path:
    for name, (size, digest) in FILES.items():
        f = path / name
        if not f.is_file() or f.stat().st_size != size or sha256(f) != digest:
            raise ModelMissing(f"pkuseg model at {path} failed verification ({name}); {FIX}")
    return path
