"""The Python API returns the command line's JSON contract, and fails with PressmineError."""

import gzip
import json

import pytest

import pressmine
from conftest import CORPUS, ROOT


def corpus_items(committed_documents):
    ids = [json.loads(line)["id"] for line in committed_documents]
    return [{"data": (CORPUS / i).read_bytes(), "path": i} for i in ids]


@pytest.fixture(scope="module")
def pipeline():
    return pressmine.Pipeline(patterns=ROOT / "patterns")


def test_extract_many_gives_the_documents_of_pressmine_run(pipeline, committed_documents):
    items = corpus_items(committed_documents)
    docs = pipeline.extract_many(items)
    assert len(docs) == len(committed_documents) > 50
    for doc, line in zip(docs, committed_documents):
        assert doc == json.loads(line), doc["id"]
    # As JSON text: the very lines of documents.jsonl.
    assert pipeline.extract_many(items, as_json=True) == committed_documents


def test_output_is_the_same_for_any_thread_count(committed_documents):
    items = corpus_items(committed_documents)[:12]
    one = pressmine.Pipeline(patterns=ROOT / "patterns", threads=1)
    two = pressmine.Pipeline(patterns=ROOT / "patterns", threads=2)
    assert one.threads == 1 and two.threads == 2
    assert one.extract_many(items, as_json=True) == two.extract_many(items, as_json=True)


def test_module_extract_uses_the_default_patterns(committed_documents):
    first = json.loads(committed_documents[0])
    doc = pressmine.extract((CORPUS / first["id"]).read_bytes(), path=first["id"])
    assert doc == first
    assert doc["schema"] == "pressmine/1"
    assert isinstance(doc["claims"][0]["value"], (int, float)) if doc["claims"] else True


def test_text_bytes_and_gzip_give_one_document():
    html = "<html><head><title>江苏新闻</title></head><body><h1>江苏新闻</h1><p>2023年，江苏制造业增加值达4.66万亿元，占全国14.1%。</p></body></html>"
    from_text = pressmine.extract(html, path="a.html")
    from_bytes = pressmine.extract(html.encode("utf-8"), path="a.html")
    from_gbk = pressmine.extract(html.encode("gb18030"), path="a.html", http_charset="gbk")
    from_gzip = pressmine.extract(gzip.compress(html.encode("utf-8")), path="a.html")
    assert from_text == from_bytes
    assert from_text["title"] == "江苏新闻"
    assert [c["value"] for c in from_text["claims"]][:2] == [4660000000000, 14.1]
    assert from_gbk["text"] == from_text["text"] and from_gbk["source"]["encoding"] == "gb18030"
    assert from_gzip["text"] == from_text["text"]
    assert any(w["code"] == "decompressed" for w in from_gzip["warnings"])


def test_url_and_ids():
    doc = pressmine.extract("<p>全年增长5%。</p>", url="https://www.gov.cn/a.html")
    assert doc["id"] == "https://www.gov.cn/a.html" and doc["source"]["url"] == "https://www.gov.cn/a.html"
    assert doc["source"]["path"] is None
    assert pressmine.extract("全年增长5%。")["id"] == "-"
    # A .txt name means plain text: markup is kept as text.
    assert "<b>" in pressmine.extract("全年<b>增长</b>5%。", path="x.txt")["text"]


def test_bad_pages_raise_with_stage_and_reason(pipeline):
    with pytest.raises(pressmine.PressmineError) as e:
        pressmine.extract(b"  \n", path="empty.html")
    assert (e.value.stage, e.value.reason, e.value.path) == ("read", "empty input", "empty.html")
    assert "empty.html: read: empty input" in str(e.value)
    with pytest.raises(pressmine.PressmineError) as e:
        pipeline.extract(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    assert e.value.stage == "read" and e.value.reason.startswith("binary content")
    with pytest.raises(pressmine.PressmineError, match="gzip"):
        pipeline.extract(gzip.compress(b"<p>x</p>")[:12], path="cut.html.gz")


def test_extract_many_reports_failures_in_place_or_raises(pipeline):
    items = ["<p>增长5%。</p>", b"", {"data": b"<p>1</p>", "path": "b.html"}]
    out = pipeline.extract_many(items, errors="include")
    assert out[0]["schema"] == "pressmine/1" and out[2]["id"] == "b.html"
    assert out[1] == {"path": "-", "stage": "read", "reason": "empty input"}
    assert json.loads(pipeline.extract_many(items, errors="include", as_json=True)[1])["stage"] == "read"
    with pytest.raises(pressmine.PressmineError) as e:
        pipeline.extract_many(items)
    assert e.value.stage == "read"
    assert pipeline.extract_many([]) == []
    assert len(pipeline.extract_many(iter(items[:1]))) == 1


def test_wrong_arguments_are_python_errors(pipeline):
    with pytest.raises(ValueError, match="errors"):
        pipeline.extract_many([], errors="ignore")
    with pytest.raises(TypeError, match="bytes or str"):
        pipeline.extract_many([42])
    with pytest.raises(ValueError, match="data"):
        pipeline.extract_many([{"path": "a.html"}])
    with pytest.raises(TypeError):
        pressmine.extract(None)
    with pytest.raises(ValueError, match="threads"):
        pressmine.Pipeline(threads=0)


def test_a_missing_patterns_folder_is_a_patterns_error(tmp_path):
    with pytest.raises(pressmine.PressmineError) as e:
        pressmine.Pipeline(patterns=tmp_path / "nope")
    assert e.value.stage == "patterns"
    assert str(tmp_path / "nope") in e.value.reason


def test_page_names():
    assert pressmine.is_page_name("a.html") and pressmine.is_page_name("b.txt.gz")
    assert pressmine.is_page_name("index.php") and pressmine.is_page_name("README")
    assert not pressmine.is_page_name("SOURCES.md") and not pressmine.is_page_name("a.html.meta.json")


def test_stubs_and_marker_ship_with_the_package():
    import pathlib

    pkg = pathlib.Path(pressmine.__file__).parent
    assert (pkg / "py.typed").is_file() and (pkg / "__init__.pyi").is_file()
    assert pressmine.__version__
