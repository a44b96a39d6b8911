"""Times the Python tools a researcher would glue together to do pressmine's job, as a
reference for pressmine's own pages/s (README "Performance").

Two stacks, one process, one thread, over the pages of a folder (default corpus/realpages):
  cleaning  trafilatura (decode + boilerplate removal) + jieba.lcut + one figure regex
  full      trafilatura + jieba.posseg + Microsoft Recognizers-Text number, percentage,
            currency and dimension models (Chinese)

usage: pip install trafilatura lxml_html_clean jieba recognizers-text-number \
           recognizers-text-number-with-unit "emoji<1.0"
       python python/reference_stack.py [DIR] [--repeat N]
(Recognizers-Text 1.0.2a2 imports a name that emoji dropped in 1.0; trafilatura needs
lxml's html cleaner, a separate package since lxml 5.2.)
Prints pages/s for each stack (median of N runs, default 3); start-up and model loading are
timed on a first page and left out.
"""
import pathlib
import re
import statistics
import sys
import time

import jieba
import jieba.posseg
import trafilatura
from recognizers_number import recognize_number, recognize_percentage
from recognizers_number_with_unit import recognize_currency, recognize_dimension
from recognizers_text import Culture

FIGURE = re.compile(r"[0-9]+(?:\.[0-9]+)?(?:万亿|亿|万)?(?:元|%|个百分点|吨|人|家|个)?")


def pages(folder):
    return [p.read_bytes() for p in sorted(pathlib.Path(folder).iterdir()) if p.suffix in (".html", ".htm")]


def cleaning(raw):
    text = trafilatura.extract(raw) or ""
    words = jieba.lcut(text)
    return len(words), len(FIGURE.findall(text))


def full(raw):
    text = trafilatura.extract(raw) or ""
    tagged = list(jieba.posseg.cut(text))
    found = 0
    for line in text.splitlines():
        if not line.strip():
            continue
        for model in (recognize_number, recognize_percentage, recognize_currency, recognize_dimension):
            found += len(model(line, Culture.Chinese))
    return len(tagged), found


def rate(stack, docs, repeat):
    stack(docs[0])  # start-up: dictionaries and models load on first use
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        for raw in docs:
            stack(raw)
        times.append(time.perf_counter() - t)
    return len(docs) / statistics.median(times)


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
    folder = args[0] if args else "corpus/realpages"
    jieba.setLogLevel(60)
    docs = pages(folder)
    print(f"{len(docs)} pages from {folder}, medians of {repeat}")
    print(f"cleaning stack (trafilatura + jieba + regex): {rate(cleaning, docs, repeat):.1f} pages/s")
    print(f"full stack (trafilatura + jieba.posseg + Recognizers-Text): {rate(full, docs, repeat):.2f} pages/s")


if __name__ == "__main__":
    main()
