"""Claims of a folder of pages with Apache Spark, written as Parquet.

    PYSPARK_PYTHON=$(which python) python examples/spark/claims_job.py CORPUS OUT [--master local[2]]

Spark lists and reads the pages (the ``binaryFile`` source, every file under CORPUS whose name
``pressmine run`` reads), each Python worker runs ``pressmine.Pipeline.extract_many`` over
its Arrow batches inside ``mapInArrow``, and the claims are written to OUT as Parquet with the
columns and types of ``pressmine run --parquet``'s claims.parquet (``value`` the exact decimal
text, ``value_f64`` beside it, periods as dates). A document's id is its path relative to
CORPUS, as in ``pressmine run``; pages that fail are left out (the job prints how many).
Fetch sidecars (``.meta.json``) are not read: a page's URL and HTTP charset are unknown here.
"""

import argparse
import datetime
import json
import os
import time
from urllib.parse import unquote, urlparse

import pyarrow as pa

# (name, Arrow type, Spark type): the columns of pressmine's claims.parquet.
COLUMNS = [
    ("doc_id", pa.string(), "string"),
    ("title", pa.string(), "string"),
    ("published", pa.string(), "string"),
    ("publisher", pa.string(), "string"),
    ("url", pa.string(), "string"),
    ("text", pa.string(), "string"),
    ("start", pa.int64(), "bigint"),
    ("end", pa.int64(), "bigint"),
    ("sentence_start", pa.int64(), "bigint"),
    ("sentence_end", pa.int64(), "bigint"),
    ("sentence", pa.string(), "string"),
    ("value", pa.string(), "string"),
    ("value_f64", pa.float64(), "double"),
    ("unit", pa.string(), "string"),
    ("surface_unit", pa.string(), "string"),
    ("kind", pa.string(), "string"),
    ("basis", pa.string(), "string"),
    ("reference", pa.string(), "string"),
    ("qualifier", pa.string(), "string"),
    ("range_low", pa.string(), "string"),
    ("range_high", pa.string(), "string"),
    ("metric", pa.string(), "string"),
    ("indicator", pa.string(), "string"),
    ("scope", pa.string(), "string"),
    ("place", pa.string(), "string"),
    ("place_code", pa.string(), "string"),
    ("period", pa.string(), "string"),
    ("period_start", pa.date32(), "date"),
    ("period_end", pa.date32(), "date"),
    ("period_kind", pa.string(), "string"),
    ("modality", pa.string(), "string"),
    ("rule", pa.string(), "string"),
    ("speaker", pa.string(), "string"),
    ("turn", pa.int64(), "bigint"),
    ("in_question", pa.bool_(), "boolean"),
]
ARROW_SCHEMA = pa.schema([(n, t) for n, t, _ in COLUMNS])
SPARK_SCHEMA = ", ".join(f"`{n}` {s}" for n, _, s in COLUMNS)


def exact(number):
    """A JSON number read with parse_float=str: its text as written (ints print exactly)."""
    return None if number is None else str(number)


def day(text):
    return None if text is None else datetime.date.fromisoformat(text)


def claim_rows(doc):
    """The claims.parquet rows of one document of the JSON contract (read with parse_float=str)."""
    chars = doc["text"]
    for c in doc["claims"]:
        change = c.get("change") or {}
        low, high = c["range"] if c.get("range") else (None, None)
        s0, s1 = c["sentence"]
        yield {
            "doc_id": doc["id"],
            "title": doc.get("title"),
            "published": doc.get("published"),
            "publisher": doc.get("publisher"),
            "url": doc["source"].get("url"),
            "text": c["text"],
            "start": c["span"][0],
            "end": c["span"][1],
            "sentence_start": s0,
            "sentence_end": s1,
            "sentence": chars[s0:s1],
            "value": exact(c["value"]),
            "value_f64": float(c["value"]),
            "unit": c.get("unit"),
            "surface_unit": c.get("surface_unit"),
            "kind": c["kind"],
            "basis": change.get("basis"),
            "reference": change.get("reference"),
            "qualifier": c.get("qualifier"),
            "range_low": exact(low),
            "range_high": exact(high),
            "metric": c.get("metric"),
            "indicator": c.get("indicator"),
            "scope": c.get("scope"),
            "place": c.get("place"),
            "place_code": c.get("place_code"),
            "period": c.get("period"),
            "period_start": day(c.get("period_start")),
            "period_end": day(c.get("period_end")),
            "period_kind": c.get("period_kind"),
            "modality": c["modality"],
            "rule": c["rule"],
            "speaker": c.get("speaker"),
            "turn": c.get("turn"),
            "in_question": bool(c.get("in_question")),
        }


def relative_id(uri, root):
    """A binaryFile path (file:/abs/path, percent-encoded) as an id relative to the corpus root."""
    path = unquote(urlparse(uri).path)
    return os.path.relpath(path, root).replace(os.sep, "/")


def extract_claims(root, threads):
    """The mapInArrow function: pages in (binaryFile rows), claims out."""

    def run(batches):
        import pressmine

        pipeline = pressmine.Pipeline(threads=threads)  # the process's patterns, loaded once
        for batch in batches:
            paths = batch.column("path").to_pylist()
            contents = batch.column("content").to_pylist()
            items = [
                {"data": c, "path": relative_id(p, root)}
                for p, c in zip(paths, contents)
                if pressmine.is_page_name(p.rsplit("/", 1)[-1])
            ]
            rows = []
            for text in pipeline.extract_many(items, errors="include", as_json=True):
                doc = json.loads(text, parse_float=str)
                if "schema" in doc:
                    rows.extend(claim_rows(doc))
            yield pa.RecordBatch.from_pylist(rows, schema=ARROW_SCHEMA)

    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", help="folder of pages (read recursively)")
    ap.add_argument("out", help="folder to write claims Parquet files into (replaced)")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--threads", type=int, default=1, help="Rust threads per Spark task (default 1)")
    ap.add_argument("--partitions", type=int, default=0,
                    help="repartition the pages into this many tasks first (default: as Spark splits the files)")
    args = ap.parse_args()

    from pyspark.sql import SparkSession

    root = os.path.abspath(args.corpus)
    started = time.monotonic()
    spark = (
        SparkSession.builder.master(args.master)
        .appName("pressmine-claims")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate()
    )
    spark.sparkContext.setLogLevel("ERROR")
    ready = time.monotonic()
    pages = (
        spark.read.format("binaryFile")
        .option("recursiveFileLookup", "true")
        .load(root)
        .select("path", "content")
    )
    if args.partitions:
        pages = pages.repartition(args.partitions, "path")
    claims = pages.mapInArrow(extract_claims(root, args.threads), SPARK_SCHEMA)
    claims.write.mode("overwrite").parquet(args.out)
    done = time.monotonic()
    n = spark.read.parquet(args.out).count()
    print(f"claims_job: {n} claims; Spark start-up {ready - started:.1f} s, job {done - ready:.1f} s")
    spark.stop()


if __name__ == "__main__":
    main()
