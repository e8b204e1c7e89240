"""`extract run` in this process with a timer around every stage: the run a user makes, plus the
seconds spent reading, cleaning, in the tokenizer and each spaCy component, building rows,
writing the store and streaming the tables. The timers cost a clock read per call.

    BENCH_STAGES=stages.json .venv/bin/python bench/stages.py run CORPUS --jobs 1 ...

Writes {stage: seconds} to $BENCH_STAGES when the run ends. Only meaningful at --jobs 1 (the
stages of worker processes are not timed).
"""
from __future__ import annotations

import json
import os
import sys
import time
from collections import defaultdict
from functools import wraps

SECONDS: dict[str, float] = defaultdict(float)


def timed(name: str, fn):
    @wraps(fn)
    def call(*args, **kwargs):
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            SECONDS[name] += time.perf_counter() - started
    return call


class TimedComponent:
    """A spaCy component called through a timer (no `pipe`: spaCy calls it doc by doc)."""

    def __init__(self, name: str, component):
        self.name, self.component = name, component

    def __call__(self, doc):
        started = time.perf_counter()
        try:
            return self.component(doc)
        finally:
            SECONDS[self.name] += time.perf_counter() - started

    def __getattr__(self, attr):
        return getattr(self.component, attr)


def instrument() -> None:
    from extract.run import cache, corpus, process, tasks

    started = time.perf_counter()
    nlp = tasks.worker_nlp()  # the CLI's --jobs 1 pipeline is this cached one
    SECONDS["load pipeline"] = time.perf_counter() - started
    nlp.tokenizer = TimedComponent("tokenizer", nlp.tokenizer)
    nlp._components[:] = [(name, TimedComponent(name, proc)) for name, proc in nlp._components]
    for name, stage in (("read_document", "read + decode (HTML: main text)"), ("clean_page", "clean"),
                        ("split_articles", "split articles"), ("record_rows", "rows from mentions"),
                        ("document_row", "rows from mentions"), ("article_place", "rows from mentions")):
        setattr(process, name, timed(stage, getattr(process, name)))
    cache.ResultCache.put = timed("store: serialise + write", cache.ResultCache.put)
    tasks.lookup = timed("store: look-up", tasks.lookup)
    corpus.InOrder.finished = timed("stream tables from the store", corpus.InOrder.finished)
    for name in ("scan", "input_files", "_unique_doc_ids"):
        setattr(corpus, name, timed("scan input", getattr(corpus, name)))


def main() -> None:
    instrument()
    from extract.cli import app

    sys.argv[0] = "extract"
    try:
        app()
    finally:
        with open(os.environ["BENCH_STAGES"], "w", encoding="utf-8") as fh:
            json.dump(dict(SECONDS), fh, indent=1)


if __name__ == "__main__":
    main()
