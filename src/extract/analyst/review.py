"""The review page: every article with its extracted spans highlighted, to check rows by eye.

`write_review(out_dir)` reads the tables a run wrote and renders OUT/review.html with the
Jinja2 template `templates/review.html.j2`. The page is self-contained (inline CSS and JS,
rows embedded as JSON) so it opens from disk with no network.

Spans of different tables may overlap or cross. Each article's text becomes a tree of
segments: plain text, or a mark holding nested segments. A span crossing the end of the mark
around it is cut there; its first piece is the row's element (`data-row`), the rest are
continuations (`data-cont`), so the page has exactly one `data-row` element per record row.
"""
from __future__ import annotations

import heapq
import os
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from ..models import TABLES

# Record tables in legend order, with the label shown on their spans and their colour.
STYLES: dict[str, tuple[str, str]] = {
    "amounts": ("amount", "#ffd25e"),
    "household_counts": ("households", "#9fe3a4"),
    "quantities": ("quantity", "#a8d4f7"),
    "villages": ("village", "#f7b3c6"),
    "cooperatives": ("cooperative", "#d3b6f5"),
    "projects": ("project", "#ffb27d"),
}
RECORD_TABLES = [name for name in TABLES if name != "documents"]
assert set(STYLES) == set(RECORD_TABLES), "every record table needs a style"


@dataclass
class Mark:
    start: int
    end: int
    table: str
    key: str  # "table:index", the row's id in the embedded JSON
    cont: bool = False  # a continuation piece of a span cut at an enclosing mark's end
    bad: bool = False  # article_text[start:end] != text
    fact: str | None = None  # planned, condition or repeat: a figure an analyst does not add up
    first: str | None = None  # for a repeat: the key of the figure it restates
    children: list[Mark] = field(default_factory=list)


PAGE_ARTICLES = 200  # a page of at most ~this many articles (whole documents) opens quickly


def write_review(out_dir: Path, page_articles: int = PAGE_ARTICLES) -> Path:
    """Render the run's tables (any format it wrote) as OUT_DIR/review.html, and when there
    are more than `page_articles` articles, further pages OUT_DIR/review/page-N.html linked
    from each other. Tables are read one page at a time. Returns the first page's path."""
    from ..output.reading import iter_rows

    shown = Path(out_dir)
    out_dir = shown.resolve()  # one run's tables, even if a run switches them meanwhile
    n_pages = sum(1 for _ in _page_groups(({"doc_id": d["doc_id"]} for d in iter_rows(out_dir, "documents")),
                                          page_articles))  # a first pass that keeps no text
    first, folder = out_dir / "review.html", out_dir / "review"
    shutil.rmtree(folder, ignore_errors=True)
    first.unlink(missing_ok=True)
    paths = [first] + [folder / f"page-{n}.html" for n in range(2, n_pages + 1)]
    readers = {name: _Pending(iter_rows(out_dir, name)) for name in RECORD_TABLES}
    groups = _page_groups(iter_rows(out_dir, "documents"), page_articles)
    for n, path in enumerate(paths, start=1):
        docs = next(groups, [])
        last = docs[-1]["doc_id"] if docs else None
        tables = {"documents": docs, **{name: r.upto(last, final=n == len(paths)) for name, r in readers.items()}}
        pages = [{"n": k, "current": k == n, "href": os.path.relpath(p, path.parent)} for k, p in enumerate(paths, 1)]
        path.parent.mkdir(exist_ok=True)
        path.write_text(render(tables, title=str(shown), pages=pages, page_articles=page_articles), encoding="utf-8")
    return first


def _page_groups(docs, size: int):
    """Documents rows in pages of whole documents, about `size` articles each."""
    page: list[dict] = []
    for d in docs:
        if len(page) >= size and d["doc_id"] != page[-1]["doc_id"]:
            yield page
            page = []
        page.append(d)
    if page:
        yield page


class _Pending:
    """A table's rows (sorted by doc_id, as runs write them) taken page by page."""

    def __init__(self, rows):
        self.rows, self.next = rows, None

    def upto(self, doc_id: str | None, final: bool) -> list[dict]:
        taken = []
        while True:
            if self.next is None:
                self.next = next(self.rows, None)
                if self.next is None:
                    return taken
            if not final and (doc_id is None or str(self.next["doc_id"]) > doc_id):
                return taken
            taken.append(self.next)
            self.next = None


FACT_TABLES = ("amounts", "household_counts")
VALUE = {"amounts": "value_yuan", "household_counts": "value"}


def _fact(table: str, row: dict, earlier: list[tuple[str, dict]]) -> dict:
    """How the page marks a figure that is not a fact to add up: planned, condition, or a
    repeat linked to the first earlier mention of its value in the article (within 10%).
    `earlier`: (key, row) of the article's earlier figures of the table."""
    if table not in FACT_TABLES:
        return {}
    if row.get("repeat"):
        value = row.get(VALUE[table]) or 0
        first = next((k for k, r in earlier if not r.get("repeat")
                      and abs((r.get(VALUE[table]) or 0) - value) <= 0.1 * max(abs(value), 1)), None)
        return {"fact": "repeat", "first": first}
    return {"fact": row.get("status")} if row.get("status") in ("planned", "condition") else {}


def render(tables: dict[str, list[dict]], title: str = "", pages: list[dict] | None = None,
           page_articles: int = PAGE_ARTICLES) -> str:
    """The page's HTML for tables given as {name: [row dicts as in TABLE.jsonl]}."""
    docs = tables["documents"]
    texts = {d["article_id"]: d["article_text"] or "" for d in docs}
    marks: dict[str, list[Mark]] = defaultdict(list)  # by article_id
    rows: dict[str, dict] = {}
    earlier: dict[tuple[str, str], list[tuple[str, dict]]] = defaultdict(list)  # (article, table) -> figures
    for name in RECORD_TABLES:
        for i, row in enumerate(tables.get(name, [])):
            key = f"{name}:{i}"
            rows[key] = row
            if row["article_id"] in texts:
                text = texts[row["article_id"]]
                start = max(0, min(row["start"], len(text)))
                end = max(start, min(row["end"], len(text)))
                bad = text[row["start"]:row["end"]] != row["text"]
            else:  # no such article: the row's own text stands in for it
                start, end, bad = 0, len(row["text"] or ""), True
            before = earlier[(row["article_id"], name)]
            marks[row["article_id"]].append(Mark(start, end, name, key, bad=bad, **_fact(name, row, before)))
            before.append((key, row))

    articles_by_doc: dict[str, list[dict]] = defaultdict(list)
    for d in docs:
        article_marks = marks.pop(d["article_id"], [])
        articles_by_doc[d["doc_id"]].append({
            **d,
            "counts": Counter(m.table for m in article_marks),
            "segments": segments(nest(article_marks, len(texts[d["article_id"]])),
                                 texts[d["article_id"]]),
        })
    # Rows whose article is missing from documents: shown on their own, still one element each.
    orphans = [segments(nest([m], len(rows[m.key]["text"] or "")), rows[m.key]["text"] or "")
               for ms in marks.values() for m in ms]

    env = Environment(loader=PackageLoader("extract.analyst", "templates"),
                      autoescape=select_autoescape(["html", "j2"]),
                      trim_blocks=True, lstrip_blocks=True)
    return env.get_template("review.html.j2").render(
        title=title,
        styles=STYLES,
        counts={name: len(tables.get(name, [])) for name in RECORD_TABLES},
        columns={name: list(TABLES[name].model_fields) for name in RECORD_TABLES},
        docs=[{"doc_id": doc_id, "articles": arts} for doc_id, arts in articles_by_doc.items()],
        n_articles=len(docs),
        orphans=orphans,
        pages=pages,
        page_articles=page_articles,
        rows=rows,
    )


def nest(marks: list[Mark], length: int) -> Mark:
    """A root mark over [0, length) whose descendants are `marks`, properly nested.

    Outer spans first (earlier start, then longer); a span crossing the end of the mark it
    starts in is cut there and its remainder queued as a continuation.
    """
    order = {name: i for i, name in enumerate(STYLES)}
    heap = [(m.start, -m.end, order[m.table], i, m) for i, m in enumerate(marks)]
    heapq.heapify(heap)
    root = Mark(0, length, "", "")
    stack, seq = [root], len(heap)
    while heap:
        *_, mark = heapq.heappop(heap)
        while len(stack) > 1 and stack[-1].end <= mark.start:
            stack.pop()
        parent = stack[-1]
        if mark.end > parent.end:
            rest = Mark(parent.end, mark.end, mark.table, mark.key, cont=True, bad=mark.bad, fact=mark.fact)
            heapq.heappush(heap, (rest.start, -rest.end, order[rest.table], seq, rest))
            seq += 1
            mark.end = parent.end
        parent.children.append(mark)
        stack.append(mark)
    return root


def segments(node: Mark, text: str) -> list[dict]:
    """The node's span of text as the template's segments: {"text"} or {"mark", "children"}."""
    out, pos = [], node.start
    for child in node.children:
        if child.start > pos:
            out.append({"text": text[pos:child.start]})
        out.append({"mark": child, "children": segments(child, text)})
        pos = child.end
    if node.end > pos:
        out.append({"text": text[pos:node.end]})
    return out
