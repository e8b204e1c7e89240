"""Facts: whether a figure is money that changed hands (or people counted) and whether the
article already stated it — what an analyst may add up.

`status`: a cue around the figure (words/status_cues.tsv) makes it `planned` (a target, plan,
forecast or promise) or a `condition` (a threshold, criterion or ceiling); otherwise `actual`.
`repeat`: an earlier figure of the article states the same fact — the same value within
rounding (`1300多万` / `1311.5万`), unit, role, per-unit, status, year and subject; a part is
not its total and an average not a total (their values or per-units differ), another year or
village is another fact; only actual single figures are restated (a plan, threshold or range
said twice is said of different things). `county`/`province`: where the figure is, as official
names. Pure functions over Mentions and text.
"""
from __future__ import annotations

from dataclasses import replace

import regex as re

from ..nlp.doc import Mention
from ..nlp.sentences import Sentences
from ..places import Geography
from ..places.official import article_place, official_county
from .lexicon import LinkWords

FACT_TABLES = ("amounts", "household_counts")
GAP = re.compile(r"(?:比|较)\p{Han}{0,12}?(?:高出|多出|高了|多了|贵了|高|多|增加|增长|提高)了?$")
FIRST_PERSON = re.compile(r"[我俺咱](?!们)")  # a person of themself; 我们 speaks for the village
PLACED_BY = {"villages": "village", "cooperatives": "cooperative", "projects": "project"}
EXACT_TOLERANCE, ROUND_TOLERANCE, ROUNDED_TOLERANCE = 0.005, 0.02, 0.1  # relative difference still one value
OVER_STEP = 0.25  # `四十多万` may be any figure up to 500000: a quarter of it
SAME_FACT = {  # fields that must agree (when both are filled) for two figures to be one fact
    "amounts": ("per", "role", "status", "year", "village", "cooperative", "project"),
    "household_counts": ("unit", "group", "status", "village", "cooperative", "project"),
}


def status_of(sentences: Sentences, start: int, end: int, lex: LinkWords) -> str:
    """actual, planned or condition, from the cues around text[start:end]."""
    text = sentences.text
    sentence_start, sentence_end = sentences.around(start)
    clause_start, _ = sentences.clause(start, end)
    sides = {"sentence_before": text[sentence_start:start], "clause_before": text[clause_start:start],
             "after": text[end:sentence_end], "figure": text[start:end]}
    return next((status for pattern, side, status in lex.status_cues if pattern.search(sides[side])), "actual")


def with_facts(found: list[Mention], sentences: Sentences, lex: LinkWords) -> list[Mention]:
    """`found` with `status` and `repeat` set on every amount and household count (new copies).
    A restatement stands in another sentence, or is written rounded: equal exact figures in one
    sentence are a list of shares (`钟马坤5000元,钟钦文5000元`), not one fact told twice."""
    out, earlier = [], []
    for m in sorted(found, key=lambda m: (m.start, m.end)):
        if m.table not in FACT_TABLES:
            out.append(m)
            continue
        fields = {**m.fields, "status": status_of(sentences, m.start, m.end, lex)}
        sentence = sentences.around(m.start)
        speaker, measure = _own_words(sentences.text, m.start), _measure(sentences, m)
        fields["repeat"] = _restatable(fields) and any(
            _same_fact(m.table, fields, e.table, e.fields) for e in earlier
            if _restatable(e.fields) and _own_words(sentences.text, e.start) == speaker
            and _measure(sentences, e) == measure
            and (sentences.around(e.start) != sentence or _rounded(fields, e.fields)))
        m = replace(m, fields=fields)
        earlier.append(m)
        out.append(m)
    return out


def _measure(sentences: Sentences, m: Mention) -> str | None:
    """`平均达到15.68万元` is an average, `比采摘季高出一块左右` a gap: each restates only its own kind."""
    clause_start, _ = sentences.clause(m.start, m.end)
    before = sentences.text[clause_start:m.start]
    return "average" if "平均" in before else "gap" if GAP.search(before) else None


def _own_words(text: str, pos: int) -> int | None:
    """Where the quotation holding pos opens, when its speaker talks of themself (`“我入股了
    10000元,今年分了12000多元”`): such a figure is that person's, and restates only what the same
    quotation said. None outside such a quotation."""
    opening = text.rfind("“", 0, pos)
    if opening < 0 or "”" in text[opening:pos] or "\n" in text[opening:pos]:
        return None
    return opening if FIRST_PERSON.search(text, opening, pos) else None


def _rounded(a: dict, b: dict) -> bool:
    """One of two equal figures is written rounded (`1300万…1300多万`): one sum told twice, not
    a list of equal shares (`钟马坤5000元,钟钦文5000元`)."""
    return "exact" in (a.get("approx"), b.get("approx")) and a.get("approx") != b.get("approx")


def _restatable(fields: dict) -> bool:
    """Only money or people that are there get restated: a target, plan or threshold said
    twice is said about different things (`10万元以上` for this year's villages and for all), and
    a range (`月收入2000至5000元`) is a spread, not one figure."""
    return fields["status"] == "actual" and fields.get("value_max_yuan", fields.get("value_max")) is None


def _same_fact(table: str, a: dict, other_table: str, b: dict) -> bool:
    if table != other_table or not _same_value(table, a, b):
        return False
    strict = ("per", "role", "unit", "status")  # these must be equal, empty or not
    return all(a.get(k) == b.get(k) if k in strict else _compatible(a.get(k), b.get(k)) for k in SAME_FACT[table])


def _compatible(x, y) -> bool:
    """One subject: either unnamed, or one name inside the other (`东梁村土地股份合作社` is
    `岢岚县东梁村土地股份合作社` written short)."""
    if x is None or y is None or x == y:
        return True
    return isinstance(x, str) and isinstance(y, str) and (x in y or y in x)


def _same_value(table: str, a: dict, b: dict) -> bool:
    key = "value_yuan" if table == "amounts" else "value"
    x, y = a[key], b[key]
    if b.get("approx") == "over" and a.get("approx") == "exact" and _over_covers(y, x):
        return True  # `四十多万` in the lead (b, the earlier), `46.3万元` in the body (a)
    if a.get("approx") != "exact" or b.get("approx") != "exact":
        tolerance = ROUNDED_TOLERANCE
    else:  # a round figure (`1300万`) may restate a precise one (`1311.5万`)
        tolerance = ROUND_TOLERANCE if min(_significant(x), _significant(y)) <= 2 else EXACT_TOLERANCE
    return abs(x - y) <= tolerance * max(abs(x), abs(y), 1)


def _over_covers(rounded: float, value: float) -> bool:
    """`四十多万` (400000, over) covers 400000 up to the next 100000, when that step is small
    beside the figure (not `1万多`, anything up to 20000, nor `突破百万`)."""
    if rounded < 10 or rounded != int(rounded):
        return False
    unit = 10 ** (len(str(int(rounded))) - _significant(rounded))
    return unit <= OVER_STEP * rounded and rounded <= value < rounded + unit


def _significant(value: float) -> int:
    """Significant digits of a figure: 1300 → 2, 1311.5 → 5."""
    digits = f"{abs(value):.6f}".rstrip("0").rstrip(".").replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) or 1


def with_places(found: list[Mention], geo: Geography) -> list[Mention]:
    """`found` with `county` and `province` on every amount and household count: the official
    county of its village, else its cooperative's, else its project's, else the county the text
    is talking about in the figure's paragraph (`在微山,…共投资2617万元`), else the article's."""
    written: dict[tuple[str, str], str | None] = {}  # (kind, name) -> county as written
    for m in found:
        if m.table in PLACED_BY:
            written[(PLACED_BY[m.table], m.fields["name"])] = m.fields.get("county")
    article = article_place(geo)
    out = []
    for m in found:
        if m.table in FACT_TABLES:
            here = geo.context_at(m.start).get("county")
            here = here if here and "\n" not in geo.text[here.end:m.start] else None
            counties = [written.get((kind, m.fields.get(kind))) for kind in ("village", "cooperative", "project")]
            county = next((d for name in counties + [here and here.name] if (d := official_county(geo, name))), None)
            place = {"county": county.name, "province": county.province} if county else \
                {"county": article["county"], "province": article["province"]}
            m = replace(m, fields={**m.fields, **place})
        out.append(m)
    return out
