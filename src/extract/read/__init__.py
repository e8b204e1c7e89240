"""Read: files → decoded text → cleaned Simplified paragraphs → articles.

In: a path. Out: `Article`s (doc_id, article_id, title, authors, cleaned text) and the page's
metadata. `ingest.py` finds the files (any depth, links out of the input not followed, each with its
relative-path doc_id) and decodes them (UTF-8, GB18030, Big5, UTF-16), `pages.py` takes an HTML
page's main text, `clean.py`
drops site chrome and converts to Simplified (the only stage that changes characters: every
offset points into its output), `articles.py` splits a page into its articles. Plain functions
over text; no spaCy.
"""
