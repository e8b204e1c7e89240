"""extract: Chinese rural-development news → analyst-ready tables.

The stages, in the order data flows through them (one package each, with its rules, its spaCy
adapter `component.py` and its word lists `words/` side by side):

    read → nlp → figures → places → cooperatives → projects → linking → output

`run/` drives them over a corpus, `analyst/` serves the tables' readers, `models.py` defines
every table, `lexicon.py` is the one word-list mechanism and `cli.py` the command line.

`extract.load(out_dir)` reads the tables `extract run` wrote, typed as the models define.
"""
__version__ = "0.1.0"


def load(out_dir="data/out", table=None, facts=False):
    """See extract.output.loading.load: imported lazily so `import extract` stays light."""
    from .output.loading import load as _load

    return _load(out_dir, table, facts)
