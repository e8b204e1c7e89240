"""Projects: text, its Geography and its figures → the distinct concrete projects of an article.

In: cleaned article text, the places stage's Geography, the spans of the article's figures. Out:
`ProjectMention`s in order of first mention, with their table fields (name, category, village,
town, county; investment and scale are filled by linking). A project is a facility built or an
investment made, named by a noun phrase read backwards from its head noun (`words/`).
`find_projects` and `project_fields` are the pure entry points; `component.py` is the adapter.
"""
from __future__ import annotations

from .lexicon import ProjectWords
from .rules import ProjectMention, find_projects, project_fields

__all__ = ["ProjectMention", "ProjectWords", "find_projects", "project_fields"]
