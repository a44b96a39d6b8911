"""Throughput of the Python package against the command line, and of the Spark example.

    python python/bench.py [--copies 10] [--threads 2] [--spark]

Python: ``Pipeline(threads=T).extract_many`` over every page of corpus/realpages copied
``--copies`` times (files read inside the timed region), against ``pressmine --threads T run``
over the same folder (wall time, which also writes docs/, documents.jsonl and claims.csv).
The pipeline's load (once per process) and the CLI's start-up are timed apart. Spark:
the job of ``examples/spark/claims_job.py`` on local[2] over corpus/ and over ``--copies``
copies of it, against ``pressmine --threads 2 run`` (start-up excluded on both sides, see
``spark_bench``). Medians of ``--repeat`` runs.
"""

import argparse
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[1]
# This script's folder holds the package's sources, not the built module: import the installed one.
sys.path = [p for p in sys.path if pathlib.Path(p or ".").resolve() != ROOT / "python"]
sys.path.insert(0, str(ROOT / "python" / "tests"))
from conftest import pressmine_bin  # noqa: E402


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def make_corpus(tmp, copies):
    pages = sorted(p for p in (ROOT / "corpus" / "realpages").rglob("*") if p.is_file() and p.suffix in {".html", ".htm"})
    for k in range(copies):
        for p in pages:
            dest = tmp / f"copy{k:03}" / p.relative_to(ROOT / "corpus" / "realpages")
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(p, dest)
    return sorted(p for p in tmp.rglob("*") if p.is_file())


def cli_run(corpus, threads, out):
    env = dict(os.environ, PRESSMINE_PATTERNS=str(ROOT / "patterns"))
    shutil.rmtree(out, ignore_errors=True)
    subprocess.run([str(pressmine_bin()), "--threads", str(threads), "-q", "run", str(corpus), "-o", str(out)],
                   check=True, env=env)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--copies", type=int, default=10)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--spark", action="store_true", help="also time the Spark example")
    args = ap.parse_args()
    import pressmine

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        corpus = tmp / "corpus"
        files = make_corpus(corpus, args.copies)
        n = len(files)
        mb = sum(f.stat().st_size for f in files) / 1e6

        one = tmp / "one"
        one.mkdir()
        shutil.copyfile(files[0], one / files[0].name)
        cli_start = timed(lambda: cli_run(one, args.threads, tmp / "out1"), args.repeat)
        cli = timed(lambda: cli_run(corpus, args.threads, tmp / "out"), args.repeat)

        t = time.perf_counter()
        pipeline = pressmine.Pipeline(patterns=ROOT / "patterns", threads=args.threads)
        load = time.perf_counter() - t

        def python_batch():
            items = [{"data": f.read_bytes(), "path": f.relative_to(corpus).as_posix()} for f in files]
            pipeline.extract_many(items)

        py = timed(python_batch, args.repeat)
        print(f"pages: {n} ({mb:.1f} MB), threads: {args.threads}, median of {args.repeat}")
        print(f"CLI run: {cli:.2f} s wall = {n / cli:.0f} pages/s "
              f"(start-up, a 1-page run: {cli_start:.2f} s; without it {n / (cli - cli_start):.0f} pages/s)")
        print(f"Python extract_many: {py:.2f} s = {n / py:.0f} pages/s (Pipeline load {load:.2f} s, once per process)")
        print(f"Python / CLI without start-up: {(n / py) / (n / (cli - cli_start)):.2f}")

    if args.spark:
        spark_bench(args)


def spark_bench(args):
    """The Spark example's job against the CLI, on corpus/ and on corpus/ copied ``--copies`` times.

    Start-up is left out on both sides: for the CLI, a one-page run; for Spark, the session and
    a first job over one page (JVM class loading and code generation, the Python workers'
    start and their pattern load), as a long-running Spark application pays them once.
    The jobs then run in that session, as the example's ``main`` runs its one job.
    """
    os.environ.update(PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable,
                      PRESSMINE_PATTERNS=str(ROOT / "patterns"))
    jobs = str(ROOT / "examples" / "spark")  # the example's module, for the driver and the workers
    sys.path.insert(0, jobs)
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [jobs, os.environ.get("PYTHONPATH")]))
    import claims_job
    from pyspark.sql import SparkSession

    def job(spark, corpus, out):
        pages = (spark.read.format("binaryFile").option("recursiveFileLookup", "true")
                 .load(str(corpus)).select("path", "content"))
        claims = pages.mapInArrow(claims_job.extract_claims(str(corpus), 1), claims_job.SPARK_SCHEMA)
        claims.write.mode("overwrite").parquet(str(out))

    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        one = tmp / "one"
        one.mkdir()
        first = sorted((ROOT / "corpus" / "realpages").iterdir())[0]
        shutil.copyfile(first, one / first.name)
        copies = tmp / "copies"
        for k in range(args.copies):
            shutil.copytree(ROOT / "corpus", copies / f"copy{k:03}")

        t = time.perf_counter()
        spark = (SparkSession.builder.master("local[2]").appName("pressmine-bench")
                 .config("spark.ui.enabled", "false").config("spark.sql.session.timeZone", "UTC")
                 .getOrCreate())
        spark.sparkContext.setLogLevel("ERROR")
        job(spark, one, tmp / "warm")
        start = time.perf_counter() - t
        cli_start = timed(lambda: cli_run(one, 2, tmp / "out1"), args.repeat)
        print(f"Spark local[2]: session and a one-page job {start:.1f} s; CLI one-page run {cli_start:.2f} s "
              f"(start-up, excluded below); median of {args.repeat}")
        for name, corpus in (("corpus/", ROOT / "corpus"), (f"corpus/ x {args.copies}", copies)):
            n = sum(1 for p in corpus.rglob("*") if p.is_file() and is_page(p))
            cli = timed(lambda: cli_run(corpus, 2, tmp / "out"), args.repeat) - cli_start
            spark_job = timed(lambda: job(spark, corpus, tmp / "spark"), args.repeat)
            print(f"{name} ({n} pages): CLI --threads 2 {cli:.2f} s, Spark job {spark_job:.2f} s "
                  f"= {spark_job / cli:.1f}x")
        spark.stop()


def is_page(path):
    import pressmine

    return pressmine.is_page_name(path.name)

if __name__ == "__main__":
    main()
