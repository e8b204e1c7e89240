"""extract: Chinese rural-development news → analyst-ready tables.

`extract.load(out_dir)` reads the tables `extract run` wrote, typed as the models define.
"""
__version__ = "0.1.0"


def load(out_dir="data/out", table=None):
    """See extract.loading.load: imported lazily so `import extract` stays light."""
    from .loading import load as _load

    return _load(out_dir, table)
