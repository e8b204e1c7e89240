"""The review page: `extract review OUT` writes a self-contained OUT/review.html with every
record row highlighted once, checked in a real headless Chromium (skipped without one)."""
from __future__ import annotations

import json
import re
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from extract.models import TABLES
from extract.analyst.review import Mark, nest, render, segments, write_review

SEEDS_RAW = Path(__file__).parent / "fixtures" / "seeds" / "raw"
RECORD_TABLES = [name for name in TABLES if name != "documents"]
SCREENSHOT = Path("/tmp/review.png")  # a copy for the maintainer to look at
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


def _chromium() -> str | None:
    if Path("/usr/bin/chromium").is_file():
        return "/usr/bin/chromium"
    return shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def run_out(tmp_path_factory, nlp):
    """A real run over the seed pages, with its review page written."""
    from extract.run.corpus import run

    out = tmp_path_factory.mktemp("review")
    run(SEEDS_RAW, out, nlp)
    write_review(out)
    return out


def _rows(out: Path) -> dict[str, list[dict]]:
    def read(name):
        with (out / f"{name}.jsonl").open(encoding="utf-8") as fh:
            return [json.loads(line) for line in fh if line.strip()]
    return {name: read(name) for name in TABLES}


class _Marks(HTMLParser):
    """Collects the page's <mark> attributes and every src/href."""

    def __init__(self):
        super().__init__()
        self.marks, self.links = [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "mark":
            self.marks.append(attrs)
        self.links += [attrs[a] for a in ("src", "href") if attrs.get(a)]


def _parse(html: str) -> _Marks:
    parser = _Marks()
    parser.feed(html)
    return parser


# ---------------------------------------------------------------- the page as a file

def test_page_is_self_contained_and_has_one_element_per_row(run_out):
    html = (run_out / "review.html").read_text(encoding="utf-8")
    page, rows = _parse(html), _rows(run_out)
    assert not [link for link in page.links if re.match(r"\s*(https?:)?//", link)], "external src/href"
    assert "<link" not in html and not re.search(r"(src|href)\s*=\s*[\"']?\s*(https?:)?//", html)
    primary = [m for m in page.marks if "data-row" in m]
    assert len(primary) == sum(len(rows[name]) for name in RECORD_TABLES)
    for name in RECORD_TABLES:
        assert sum(m["data-table"] == name for m in primary) == len(rows[name]), name
    assert {m["data-row"] for m in primary} == {f"{n}:{i}" for n in RECORD_TABLES for i in range(len(rows[n]))}
    assert rows["amounts"], "the seeds have amounts"
    assert len(rows["documents"]) == html.count("<article id=")


def test_cli_writes_the_page(run_out):
    from typer.testing import CliRunner

    from extract.cli import app

    (run_out / "review.html").unlink()
    result = CliRunner().invoke(app, ["review", str(run_out)])
    assert result.exit_code == 0, result.output
    assert (run_out / "review.html").is_file()


def _doc(text: str) -> dict:
    return {"doc_id": "d", "article_id": "d-0", "path": "d.txt", "title": "<b>t</b>", "published": None,
            "source": None, "authors": [], "script": "simplified", "n_chars": len(text), "article_text": text}


def _row(text: str, start: int, **fields) -> dict:
    return {"doc_id": "d", "article_id": "d-0", "text": text, "sentence": text, "start": start,
            "end": start + len(text), **fields}


def test_text_and_fields_are_escaped():
    text = "甲村<script>alert(1)</script>投资</script>5万元"
    tables = {name: [] for name in TABLES}
    tables["documents"] = [_doc(text)]
    tables["amounts"] = [_row("5万元", text.index("5万元"), value_yuan=50000.0, role="</script><b>")]
    html = render(tables)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)" in html
    assert "<b>t</b>" not in html and "</script><b>" not in html  # title escaped; JSON blob too
    assert len([m for m in _parse(html).marks if "data-row" in m]) == 1


def test_plans_thresholds_and_repeats_are_marked_and_a_repeat_links_its_first_mention():
    text = "合作社分红30万元。计划明年分红50万元。收入低于5000元的纳入监测。今年分红30万元。"
    tables = {name: [] for name in TABLES}
    tables["documents"] = [_doc(text)]
    at = lambda needle, n=0: [i for i in range(len(text)) if text.startswith(needle, i)][n]  # noqa: E731
    tables["amounts"] = [
        _row("30万元", at("30万元"), value_yuan=300000.0, status="actual", repeat=False),
        _row("50万元", at("50万元"), value_yuan=500000.0, status="planned", repeat=False),
        _row("5000元", at("5000元"), value_yuan=5000.0, status="condition", repeat=False),
        _row("30万元", at("30万元", 1), value_yuan=300000.0, status="actual", repeat=True),
    ]
    marks = [m for m in _parse(render(tables)).marks if "data-row" in m]
    facts = [(m.get("data-row"), m.get("data-fact"), m.get("data-first")) for m in marks]
    assert facts == [("amounts:0", None, None), ("amounts:1", "planned", None),
                     ("amounts:2", "condition", None), ("amounts:3", "repeat", "amounts:0")]


def test_crossing_spans_are_cut_but_each_row_is_one_element():
    text = "河北省王庄村合作社投资5万元建设大棚"
    coop, village = text.index("王庄村合作社"), text.index("王庄村")
    marks = [Mark(village, village + 3, "villages", "villages:0"),
             Mark(coop, coop + 6, "cooperatives", "cooperatives:0"),
             Mark(text.index("合作社投资"), text.index("5万元") + 3, "projects", "projects:0"),  # crosses coop
             Mark(text.index("5万元"), text.index("5万元") + 3, "amounts", "amounts:0")]
    root = nest(marks, len(text))

    def flat(segs):
        for s in segs:
            if "mark" in s:
                yield s["mark"]
                yield from flat(s["children"])

    def plain(segs):
        return "".join(s["text"] if "text" in s else plain(s["children"]) for s in segs)

    segs = segments(root, text)
    assert plain(segs) == text
    pieces = list(flat(segs))
    assert sorted(m.key for m in pieces if not m.cont) == sorted(m.key for m in marks)
    cut = [m for m in pieces if m.key == "projects:0"]
    assert [m.cont for m in cut] == [False, True]
    assert "".join(text[m.start:m.end] for m in cut) == "合作社投资5万元"


# ---------------------------------------------------------------- the page in Chromium

@pytest.fixture(scope="module")
def browser():
    executable = _chromium()
    if executable is None:
        pytest.skip("no Chromium: install Debian's `chromium` (`make browser` as root, "
                    "or `apt-get install chromium`) to run the review page in a browser")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("the `playwright` Python package is missing: `.venv/bin/pip install -e '.[test]'`")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _number(value: float) -> str:
    """A JSON number as JavaScript's String() writes it."""
    return str(int(value)) if float(value).is_integer() else repr(value)


def test_review_page_in_chromium(run_out, browser, tmp_path):
    rows = _rows(run_out)
    page = browser.new_page(viewport={"width": 1440, "height": 1000})
    outside, errors = [], []
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:")
               else (outside.append(route.request.url), route.abort()))
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto((run_out / "review.html").as_uri())
    page.wait_for_load_state("load")

    # one highlighted element per row, per table; each row's pieces spell its text
    assert page.locator("mark[data-row]").count() == sum(len(rows[n]) for n in RECORD_TABLES)
    for name in RECORD_TABLES:
        assert page.locator(f'mark[data-row][data-table="{name}"]').count() == len(rows[name]), name
    spelled = page.evaluate("""() => {
        const out = {};
        for (const m of document.querySelectorAll("mark[data-row], mark[data-cont]")) {
            const key = m.dataset.row || m.dataset.cont;
            out[key] = (out[key] || "") + m.textContent;
        }
        return out;
    }""")
    for name in RECORD_TABLES:
        for i, row in enumerate(rows[name]):
            assert spelled[f"{name}:{i}"] == row["text"], (name, i)

    # hover an amount: the tooltip shows its fields; click: the side panel pins them
    amount = page.locator('mark[data-row^="amounts:"]:not(:has(mark))').first
    key = amount.get_attribute("data-row")
    row = rows["amounts"][int(key.split(":")[1])]
    amount.scroll_into_view_if_needed()
    amount.hover()
    tip = page.locator("#tip")
    assert tip.is_visible()
    assert "value_yuan" in tip.inner_text() and _number(row["value_yuan"]) in tip.inner_text()
    assert row["role"] in tip.inner_text()
    amount.click()
    panel = page.locator("#panel")
    assert panel.get_attribute("data-row") == key
    text = panel.inner_text()
    assert "value_yuan" in text and _number(row["value_yuan"]) in text and row["role"] in text
    assert row["article_id"] in text and row["sentence"] in text and "null" not in text.split("\n")
    page.mouse.move(5, 500)  # hide the tooltip for the screenshot; the pinned panel stays
    page.screenshot(path=str(tmp_path / "review.png"))
    shutil.copyfile(tmp_path / "review.png", SCREENSHOT)

    # filter out amounts: their spans lose the highlight and the hover; others keep theirs
    styles = """(sel) => [...document.querySelectorAll(sel)].map((m) => [
        getComputedStyle(m).backgroundColor, getComputedStyle(m, "::after").content])"""
    page.locator('.table-filter[value="amounts"]').uncheck()
    hidden = page.evaluate(styles, 'mark[data-table="amounts"]')
    assert hidden and all(bg == "rgba(0, 0, 0, 0)" and after == "none" for bg, after in hidden)
    shown = page.evaluate(styles, 'mark[data-row]:not([data-table="amounts"])')
    assert all(bg != "rgba(0, 0, 0, 0)" and after != "none" for bg, after in shown)
    assert panel.get_attribute("data-row") == ""  # the pinned amount was unpinned
    amount.hover()
    assert not tip.is_visible() or "amount" not in tip.inner_text().split("\n")[0].lower()
    page.locator('.table-filter[value="amounts"]').check()
    assert page.evaluate(styles, 'mark[data-table="amounts"]')[0][0] != "rgba(0, 0, 0, 0)"

    # filter by document: only its section stays visible
    doc_ids = sorted({d["doc_id"] for d in rows["documents"]})
    page.select_option("#doc-filter", doc_ids[1])
    assert page.locator("section.doc:not(.hidden)").count() == 1
    assert page.locator(f'section.doc[data-doc="{doc_ids[1]}"]').is_visible()
    assert page.locator(f'section.doc[data-doc="{doc_ids[0]}"]').is_hidden()
    page.select_option("#doc-filter", "")
    assert page.locator("section.doc:not(.hidden)").count() == len(doc_ids)

    assert not errors, errors
    assert not outside, f"the page asked the network for {outside}"
    page.close()
