"""Shared fixtures: the repository's paths and one `pressmine run --parquet` over corpus/."""

import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "corpus"
OUTPUT = ROOT / "output"


def pressmine_bin():
    """The command-line tool: $PRESSMINE_BIN, else the release build, else the debug build."""
    if os.environ.get("PRESSMINE_BIN"):
        return pathlib.Path(os.environ["PRESSMINE_BIN"])
    for profile in ("release", "debug"):
        exe = ROOT / "target" / profile / "pressmine"
        if exe.is_file():
            return exe
    raise RuntimeError("no pressmine binary: run `cargo build --release` or set PRESSMINE_BIN")


@pytest.fixture(scope="session")
def cli_output(tmp_path_factory):
    """`pressmine run corpus -o OUT --parquet`, once per test session."""
    out = tmp_path_factory.mktemp("cli") / "out"
    env = dict(os.environ, PRESSMINE_PATTERNS=str(ROOT / "patterns"))
    subprocess.run([str(pressmine_bin()), "-q", "run", str(CORPUS), "-o", str(out), "--parquet"], check=True, env=env)
    return out


@pytest.fixture(scope="session")
def committed_documents():
    """output/documents.jsonl (the committed result of `pressmine run corpus -o output`), as lines."""
    return (OUTPUT / "documents.jsonl").read_text(encoding="utf-8").splitlines()
