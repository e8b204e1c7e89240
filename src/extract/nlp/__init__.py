"""NLP: cleaned article text → a spaCy Doc with tokens, sentences and the stages' components.

In: an article's cleaned text. Out: a `Doc` whose `doc._.mentions` are the article's future
table rows. This package holds what every stage shares: the pipeline built from `config.cfg`
(`pipeline.load`), the word layer that bounds names (`words.py`), the optional pkuseg model
store and its fetcher (`segmenter.py`, `model_fetch.py`), the Doc extensions (`doc.py`), the
one definition of sentences and clauses (`sentences.py`, component `chinese_sentences`) and
the left edge of names (`names.py`, with the word lists every name rule reads in `words/`).
"""
