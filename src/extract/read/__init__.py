"""Read: files → decoded text → cleaned Simplified paragraphs → articles.

In: a path. Out: `Article`s (doc_id, article_id, title, authors, cleaned text) and the page's
metadata. `ingest.py` finds and decodes files (UTF-8, GB18030, Big5; HTML main text), `clean.py`
drops site chrome and converts to Simplified (the only stage that changes characters: every
offset points into its output), `articles.py` splits a page into its articles. Plain functions
over text; no spaCy.
"""
