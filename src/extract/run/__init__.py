"""Run: the pipeline over a corpus.

In: a folder of files. Out: the tables and `errors.jsonl`. `process.py` is the whole pipeline for
one file (→ `results.FileResult`), `tasks.py` what a worker does with a file (look it up in the
store, or process it and store its rows), `executors.py` spreads batches of files over
processes or a Dask cluster, `cache.py` keeps each file's result, `corpus.py` runs it all and
streams the tables.
"""
