"""Output: a processed article → Pydantic rows → tables on disk, and back.

In: a Doc's Mentions and the article's metadata. Out: rows of the models in `models.py`
(`records.py`), written all together as CSV (UTF-8 with BOM), JSONL and Parquet
(`writers.py`), and read back with the models' types (`loading.py`, `columns.py`).
"""
