"""Analyst tools over a run's tables: `evaluate.py` scores them against hand-labelled gold (as
SPEC's "Gold files and scoring" says), `review.py` writes a page showing every extracted span
in its article (`templates/`).
"""
