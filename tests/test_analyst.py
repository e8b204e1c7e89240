"""What analysts reach for after `extract run`: typed loading, Parquet + DuckDB, `extract eval`."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import extract
import extract.analyst.evaluate
from conftest import fixture_set
from extract.cli import app
from extract.models import TABLES
from extract.run.corpus import run

FIXTURES = Path(__file__).parent / "fixtures"
SCORE_PY = Path(__file__).resolve().parents[2] / "shared" / "eval" / "score.py"


@pytest.fixture(scope="module")
def out(nlp, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    run(FIXTURES / "seeds" / "raw", out, nlp, formats=("csv", "jsonl", "parquet"))
    return out


def test_load_gives_every_table_with_model_columns(out):
    tables = extract.load(out)
    assert set(tables) == set(TABLES)
    for name, frame in tables.items():
        assert list(frame.columns) == list(TABLES[name].model_fields), name


def test_load_types_come_from_the_models(out):
    docs = extract.load(out, table="documents")
    amounts = extract.load(out, table="amounts")
    counts = extract.load(out, table="household_counts")
    assert pd.api.types.is_datetime64_any_dtype(docs["published"])
    assert str(docs["n_chars"].dtype) == "Int64"
    assert isinstance(docs["script"].dtype, pd.CategoricalDtype)
    assert set(docs["script"].cat.categories) == {"simplified", "traditional", "mixed"}
    assert all(isinstance(a, list) for a in docs["authors"])
    assert ["贾鹏", "段秀菲"] in list(docs["authors"])
    assert str(amounts["value_yuan"].dtype) == "Float64"
    assert str(amounts["year"].dtype) == "Int64" and amounts["year"].isna().any()
    assert str(counts["poor"].dtype) == "boolean"
    assert str(counts["value"].dtype) == "Int64"


def test_loaded_offsets_point_into_article_text(out):
    docs = extract.load(out, table="documents").set_index("article_id")["article_text"]
    amounts = extract.load(out, table="amounts")
    assert len(amounts) > 0
    for row in amounts.itertuples():
        assert docs[row.article_id][row.start:row.end] == row.text


def test_load_unknown_table_and_missing_folder_say_what_to_do(tmp_path):
    with pytest.raises(KeyError, match="unknown table"):
        extract.load(tmp_path, table="nope")
    with pytest.raises(FileNotFoundError, match="extract run"):
        extract.load(tmp_path, table="amounts")


def test_parquet_has_the_same_rows_and_types(out):
    import pyarrow.parquet as pq

    for name, model in TABLES.items():
        table = pq.read_table(out / f"{name}.parquet")
        assert table.column_names == list(model.model_fields)
        assert table.num_rows == len(extract.load(out, table=name))
    assert str(pq.read_table(out / "documents.parquet").schema.field("published").type) == "date32[day]"


def test_duckdb_sums_amounts_by_role_from_parquet(out):
    import duckdb

    rows = duckdb.sql(f"select role, sum(value_yuan) from '{out / 'amounts.parquet'}' group by 1").fetchall()
    by_role = dict(rows)
    expected = extract.load(out, table="amounts").groupby("role", observed=True)["value_yuan"].sum()
    assert by_role and {k: round(v, 2) for k, v in by_role.items()} == {
        k: round(float(v), 2) for k, v in expected.items()}
    assert by_role["investment"] >= 60000  # 6万余元 for the drinking-water project alone


def test_run_rejects_an_unknown_format(tmp_path):
    result = CliRunner().invoke(app, ["run", str(FIXTURES / "seeds" / "raw"), "--out", str(tmp_path),
                                      "--format", "csv,xlsx"])
    assert result.exit_code == 4
    assert "xlsx" in result.output


def test_eval_writes_eval_json_and_lists_errors(out):
    result = CliRunner().invoke(app, ["eval", "--gold", str(FIXTURES / "seeds" / "gold"), "--out", str(out),
                                      "--errors", "amounts"])
    assert result.exit_code == 0, result.output
    report = json.loads((out / "eval.json").read_text(encoding="utf-8"))
    assert set(report["tables"]) == {"amounts", "household_counts", "villages", "cooperatives", "projects"}
    amounts = report["tables"]["amounts"]
    assert amounts["tp"] + amounts["fn"] == 62  # required amounts in the seeds' gold
    assert "amounts" in result.output and "F1" in result.output


def test_eval_without_gold_files_fails_clearly(tmp_path, out):
    result = CliRunner().invoke(app, ["eval", "--gold", str(tmp_path), "--out", str(out)])
    assert result.exit_code == 2
    assert "no gold files" in result.output


@pytest.mark.skipif(not SCORE_PY.is_file(), reason="../shared/eval/score.py not beside the clone")
@pytest.mark.parametrize("fixture", ["seeds", "dev"])
def test_eval_agrees_with_the_reference_scorer(nlp, tmp_path, fixture):
    folder = fixture_set(fixture)
    run(folder / "raw", tmp_path, nlp)
    ours = extract.analyst.evaluate.evaluate(folder / "gold", tmp_path)
    report = json.loads(subprocess.run([sys.executable, str(SCORE_PY), "--gold", str(folder / "gold"),
                                        "--out", str(tmp_path), "--json"], check=True, capture_output=True,
                                       text=True).stdout)
    ref = report["tables"]
    totals = extract.analyst.evaluate.sums(folder / "gold", tmp_path)
    assert (totals.totals, totals.within_1pct) == (report["sums"]["totals"], report["sums"]["within_1pct"])
    for table, score in ours.items():
        mine = score.as_dict()
        for key in ("precision", "recall", "f1"):
            assert round(mine[key], 3) == round(ref[table][key], 3), (table, key)
        for attr, value in mine["attributes"].items():
            theirs = ref[table]["attributes"][attr]
            assert (value is None and theirs is None) or round(value, 3) == round(theirs, 3), (table, attr)


def test_a_run_without_parquet_removes_parquet_files_it_would_leave_stale(nlp, tmp_path):
    run(FIXTURES / "seeds" / "raw", tmp_path, nlp, formats=("csv", "jsonl", "parquet"))
    assert (tmp_path / "amounts.parquet").exists()
    run(FIXTURES / "seeds" / "raw", tmp_path, nlp, formats=("csv", "jsonl"))
    assert not list(tmp_path.glob("*.parquet"))
    assert (tmp_path / "amounts.csv").exists() and (tmp_path / "amounts.jsonl").exists()


def _readme_facts_example() -> tuple[list[str], str]:
    """The README's pandas example: its `>>>` lines and the output printed under them."""
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split(">>> import extract", 1)[1].split("```", 1)[0]
    lines = [">>> import extract"] + block.splitlines()[1:]
    code = [line[4:] for line in lines if line.startswith(">>> ")]
    printed = "\n".join(line for line in lines if line and not line.startswith(">>> "))
    return code, printed


def test_the_readme_facts_example_prints_the_hand_summed_seed_totals(out, capsys):
    code, printed = _readme_facts_example()
    namespace: dict = {}
    for statement in code[:-1]:
        exec(statement.replace('"data/out"', repr(str(out))), namespace)
    print(eval(code[-1].replace('"data/out"', repr(str(out))), namespace))
    assert capsys.readouterr().out.strip() == printed.strip(), "README's printed totals are stale"
    totals: dict[tuple[str, str], float] = {}  # the same sums by hand, from the JSONL rows
    for line in (out / "amounts.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["status"] == "actual" and not row["repeat"] and row["per"] is None and row["county"]:
            key = (row["county"], row["role"])
            totals[key] = totals.get(key, 0.0) + row["value_yuan"]
    top = sorted(totals.items(), key=lambda kv: -kv[1])[:5]
    shown = [line.split() for line in printed.splitlines()[1:-1]]
    assert [(c, r, float(v)) for c, r, v in shown] == [(c, r, v) for (c, r), v in top]


def test_facts_keep_only_actual_first_mentions_without_per(out):
    facts = extract.load(out, table="amounts", facts=True)
    everything = extract.load(out, table="amounts")
    assert 0 < len(facts) < len(everything)
    assert set(facts["status"].astype(str)) == {"actual"} and not facts["repeat"].any()
    assert facts["per"].isna().all() and "published" in facts.columns
    with pytest.raises(ValueError):
        extract.load(out, table="villages", facts=True)
