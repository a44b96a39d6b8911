"""examples/spark/claims_job.py on Spark local[2] over corpus/ gives the claims of `pressmine run`."""

import os
import subprocess
import sys

import pyarrow.parquet as pq
import pytest

from conftest import CORPUS, ROOT

pytestmark = pytest.mark.spark


def key(row):
    return (row["doc_id"], row["start"], row["end"], row["rule"], row["text"])


def test_spark_job_claims_equal_the_cli_claims(cli_output, tmp_path):
    out = tmp_path / "spark-claims"
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    env["PRESSMINE_PATTERNS"] = str(ROOT / "patterns")
    job = ROOT / "examples" / "spark" / "claims_job.py"
    done = subprocess.run(
        [sys.executable, str(job), str(CORPUS), str(out), "--master", "local[2]"],
        env=env, capture_output=True, text=True, timeout=900,
    )
    assert done.returncode == 0, done.stderr[-4000:]
    print(done.stdout)
    spark = pq.read_table(out)
    cli = pq.read_table(cli_output / "claims.parquet")
    assert spark.schema.names == cli.schema.names
    for name in cli.schema.names:
        assert spark.schema.field(name).type == cli.schema.field(name).type, name
    got = sorted(spark.to_pylist(), key=key)
    want = sorted(cli.to_pylist(), key=key)
    assert len(got) == len(want) > 1000
    for g, w in zip(got, want):
        assert g == w, (g["doc_id"], g["text"])
