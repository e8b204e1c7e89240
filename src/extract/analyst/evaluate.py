"""Evaluate: precision, recall and F1 per table, accuracy per attribute, against hand-labelled
gold files in the format of SPEC.md ("Gold files and scoring"), matched the way SPEC states:

- amounts: same doc_id and value_yuan (and value_max_yuan where gold has one);
- household_counts: same doc_id, value and unit;
- villages: same doc_id and name without its suffix (村, 行政村, 自然村, 社区);
- cooperatives, projects: same doc_id and a name containing, or contained in, the other
  once quotes and spaces are dropped.
Each gold item matches at most one prediction, required items first; an item marked optional
costs nothing when missed and absorbs a prediction when found. Attributes are scored over
matched pairs where gold fills them.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import regex as re

SCORED = {
    "amounts": ("approx", "per", "role", "village", "cooperative", "status", "repeat"),
    "household_counts": ("group", "poor", "approx"),
    "villages": ("town", "county"),
    "cooperatives": ("village",),
    "projects": ("investment_yuan",),
}
PLACE_ATTRS = ("village", "town", "county")
NAMED = ("cooperatives", "projects")
QUOTES = re.compile(r"[\s\"'“”‘’「」『』《》〈〉()（）]")
PLACE_SUFFIX = re.compile(r"(行政村|自然村|社区|村)$")


def plain(value) -> str:
    return QUOTES.sub("", str(value or ""))


def place_key(value) -> str:
    return PLACE_SUFFIX.sub("", plain(value))


def same_number(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        a, b = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(a - b) <= max(0.01, 1e-6 * max(abs(a), abs(b)))


def is_match(table: str, gold: dict, pred: dict) -> bool:
    if table == "amounts":
        return same_number(gold.get("value_yuan"), pred.get("value_yuan")) and (
            gold.get("value_max_yuan") is None or same_number(gold["value_max_yuan"], pred.get("value_max_yuan")))
    if table == "household_counts":
        return same_number(gold.get("value"), pred.get("value")) and plain(gold.get("unit")) == plain(pred.get("unit"))
    if table == "villages":
        return bool(place_key(gold.get("name"))) and place_key(gold.get("name")) == place_key(pred.get("name"))
    g, p = plain(gold.get("name")), plain(pred.get("name"))
    return bool(g) and bool(p) and (g in p or p in g)


def attribute_agrees(attr: str, gold, pred) -> bool:
    if attr == "repeat":  # an empty prediction reads as "not a repeat"
        return bool(gold) == bool(pred)
    if isinstance(gold, bool) or isinstance(pred, bool):
        return pred is not None and bool(gold) == bool(pred)
    if isinstance(gold, (int, float)):
        return same_number(gold, pred)
    if attr in PLACE_ATTRS:
        return place_key(gold) == place_key(pred)
    return plain(gold) == plain(pred)


def filled(value) -> bool:
    return value is not None and value != ""


@dataclass
class TableScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)  # attr -> [hits, total]
    errors: list[dict] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def accuracy(self, attr: str) -> float | None:
        hits, total = self.attributes.get(attr, [0, 0])
        return hits / total if total else None

    def as_dict(self) -> dict:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4),
                "attributes": {a: (round(h / n, 4) if n else None) for a, (h, n) in self.attributes.items()},
                "attribute_counts": {a: n for a, (_, n) in self.attributes.items()}}


def match(table: str, gold: list[dict], pred: list[dict]) -> tuple[list[tuple[dict, dict]], list[dict], list[dict]]:
    """(pairs, missed gold, extra predictions): greedy, required gold first, then optional gold."""
    left = list(pred)
    pairs, missed = [], []
    for g in (g for g in gold if not g.get("optional")):
        hit = next((p for p in left if is_match(table, g, p)), None)
        if hit is None:
            missed.append(g)
        else:
            left.remove(hit)
            pairs.append((g, hit))
    for g in (g for g in gold if g.get("optional")):
        hit = next((p for p in left if is_match(table, g, p)), None)
        if hit is not None:
            left.remove(hit)
    return pairs, missed, left


def score_table(table: str, golds: dict[str, dict], preds: dict[str, list[dict]]) -> TableScore:
    score = TableScore(attributes={a: [0, 0] for a in SCORED[table]})
    for doc, gold in golds.items():
        pairs, missed, extra = match(table, gold.get(table, []), preds.get(doc, []))
        score.tp, score.fn, score.fp = score.tp + len(pairs), score.fn + len(missed), score.fp + len(extra)
        for g, p in pairs:
            for attr in SCORED[table]:
                if filled(g.get(attr)):
                    score.attributes[attr][1] += 1
                    if attribute_agrees(attr, g[attr], p.get(attr)):
                        score.attributes[attr][0] += 1
                    else:
                        score.errors.append({"doc": doc, "kind": f"wrong {attr}", "gold": g, "pred": p})
        score.errors += [{"doc": doc, "kind": "missed", "gold": m} for m in missed]
        score.errors += [{"doc": doc, "kind": "extra", "pred": e} for e in extra]
    return score


class GoldError(ValueError):
    """A gold file that cannot be used; the message names the file and what is wrong."""


def load_gold(gold_dir: Path) -> dict[str, dict]:
    """Gold files by doc_id (the file's `doc_id`, else its name without .json)."""
    golds = {}
    for path in sorted(Path(gold_dir).glob("*.json")):
        gold = read_gold_file(path)
        golds[gold.get("doc_id") or path.stem] = gold
    return golds


def read_gold_file(path: Path) -> dict:
    """One gold file, checked for the shape scoring reads (GoldError naming the file if not)."""
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise GoldError(f"gold file {path}: cannot read it: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise GoldError(f"gold file {path}: not UTF-8 text (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise GoldError(f"gold file {path}: not valid JSON: {exc.msg} at line {exc.lineno} "
                        f"column {exc.colno}") from exc
    if not isinstance(gold, dict):
        raise GoldError(f"gold file {path}: must be a JSON object with a list per table, not {type(gold).__name__}")
    if not isinstance(gold.get("doc_id", ""), str):
        raise GoldError(f"gold file {path}: doc_id must be a string")
    for table in SCORED:
        items = gold.get(table, [])
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            raise GoldError(f"gold file {path}: {table!r} must be a list of objects")
    return gold


def load_predictions(out_dir: Path, table: str) -> dict[str, list[dict]]:
    """Rows of the run's table (whichever format it wrote) by doc_id; named entities counted
    once per name per file."""
    from ..output.reading import iter_rows

    rows: dict[str, list[dict]] = {}
    for row in iter_rows(out_dir, table):
        rows.setdefault(str(row.get("doc_id")), []).append(row)
    if table == "villages" or table in NAMED:
        key = place_key if table == "villages" else plain
        rows = {doc: _first_per_name(rs, key) for doc, rs in rows.items()}
    return rows


def _first_per_name(rows: list[dict], key) -> list[dict]:
    seen, unique = set(), []
    for row in rows:
        k = key(row.get("name"))
        if k not in seen:
            seen.add(k)
            unique.append(row)
    return unique


def summable(row: dict) -> bool:
    """A row an analyst adds up: a stated fact (not planned, not a threshold), its first mention
    in the article, not a per-unit rate. Rows without `status`/`repeat` count as summable."""
    return (row.get("status") in (None, "", "actual") and not row.get("repeat")
            and not filled(row.get("per")) and not row.get("optional"))


@dataclass
class SumsScore:
    """Per file and role, the total of the summable amounts against gold's total."""

    files: int
    totals: int
    within_1pct: float | None
    abs_error_share: float | None


def _role_totals(rows: list[dict]) -> dict[str, float]:
    totals: dict[str, float] = {}
    for row in rows:
        if summable(row):
            role = row.get("role") or "other"
            totals[role] = totals.get(role, 0.0) + float(row.get("value_yuan") or 0)
    return totals


def sums(gold_dir: Path, out_dir: Path, docs: set[str] | None = None) -> SumsScore | None:
    """How many file × role totals of summable amounts are within 1% of gold's (only gold files
    whose amounts all carry `status`)."""
    golds = {k: v for k, v in load_gold(gold_dir).items() if (not docs or k in docs)
             and v.get("amounts") and all("status" in a for a in v["amounts"])}
    if not golds:
        return None
    preds = load_predictions(out_dir, "amounts")
    hits = n = 0
    wanted_total = error = 0.0
    for doc, gold in golds.items():
        want, got = _role_totals(gold["amounts"]), _role_totals(preds.get(doc, []))
        for role in set(want) | set(got):
            w, h = want.get(role, 0.0), got.get(role, 0.0)
            n += 1
            hits += abs(w - h) <= 0.01 * max(w, 1.0)
            wanted_total += w
            error += abs(w - h)
    return SumsScore(len(golds), n, round(hits / n, 4) if n else None,
                     round(error / wanted_total, 4) if wanted_total else None)


def evaluate(gold_dir: Path, out_dir: Path, docs: set[str] | None = None) -> dict[str, TableScore]:
    golds = load_gold(gold_dir)
    out_dir = Path(out_dir).resolve()  # one run's tables, even if a run switches them meanwhile
    if docs:
        golds = {k: v for k, v in golds.items() if k in docs}
    return {table: score_table(table, golds, load_predictions(out_dir, table)) for table in SCORED}
