"""Run: the pipeline over a corpus.

In: a folder of files. Out: the tables and `errors.jsonl`. `process.py` is the whole pipeline for
one file (→ `results.FileResult`), `executors.py` spreads files over processes or a Dask
cluster, `cache.py` keeps each file's result, `corpus.py` runs it all and writes the tables.
"""
