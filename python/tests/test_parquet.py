"""`pressmine run --parquet` files read without options in pyarrow, DuckDB and polars."""

import datetime
import json
from decimal import Decimal

import duckdb
import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq


def claims_of(out):
    docs = [json.loads(l, parse_float=Decimal) for l in (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()]
    return docs, [(d, c) for d in docs for c in d["claims"]]


def test_pyarrow_reads_exact_values_floats_and_dates(cli_output):
    docs, claims = claims_of(cli_output)
    t = pq.read_table(cli_output / "claims.parquet")
    assert t.num_rows == len(claims) > 1000
    assert t.schema.field("value").type == pa.string()
    assert t.schema.field("value_f64").type == pa.float64()
    assert t.schema.field("period_start").type == pa.date32()
    rows = t.to_pylist()
    for row, (doc, c) in zip(rows, claims):
        assert row["doc_id"] == doc["id"] and row["text"] == c["text"]
        assert Decimal(row["value"]) == Decimal(c["value"])
        assert row["value_f64"] == float(c["value"])
        expected = c["period_end"] and datetime.date.fromisoformat(c["period_end"])
        assert row["period_end"] == (expected or None)
    d = pq.read_table(cli_output / "documents.parquet")
    assert d.column("id").to_pylist() == [doc["id"] for doc in docs]
    i = pq.read_table(cli_output / "initiatives.parquet")
    assert i.num_rows == sum(len(doc["initiatives"]) for doc in docs)
    aliases = i.schema.field("aliases").type
    assert pa.types.is_list(aliases) and aliases.value_type == pa.string()
    assert i.column("aliases").to_pylist() == [ini["aliases"] for doc in docs for ini in doc["initiatives"]]


def test_duckdb_queries_the_files(cli_output):
    docs, claims = claims_of(cli_output)
    con = duckdb.connect()
    path = str(cli_output / "claims.parquet")
    assert con.execute(f"SELECT count(*) FROM '{path}'").fetchone()[0] == len(claims)
    kinds = dict(con.execute(f"SELECT kind, count(*) FROM '{path}' GROUP BY kind").fetchall())
    assert sum(kinds.values()) == len(claims) and kinds["percent"] > 0
    exact = con.execute(f"SELECT sum(CAST(value AS DECIMAL(38, 6))) FROM '{path}' WHERE unit = '%'").fetchone()[0]
    assert exact == sum(Decimal(c["value"]) for _, c in claims if c["unit"] == "%")
    typ = con.execute(f"SELECT typeof(period_start) FROM '{path}' LIMIT 1").fetchone()[0]
    assert typ == "DATE"
    docs_path = str(cli_output / "documents.parquet")
    assert con.execute(f"SELECT count(*) FROM '{docs_path}'").fetchone()[0] == len(docs)


def test_polars_reads_the_files(cli_output):
    _, claims = claims_of(cli_output)
    df = pl.read_parquet(cli_output / "claims.parquet")
    assert df.height == len(claims)
    assert df.schema["period_start"] == pl.Date and df.schema["value_f64"] == pl.Float64
    years = df.filter(pl.col("period_kind") == "year").select(pl.col("period_start").dt.month().unique()).to_series()
    assert years.to_list() == [1]
    ini = pl.read_parquet(cli_output / "initiatives.parquet")
    assert ini.schema["aliases"] == pl.List(pl.String)
