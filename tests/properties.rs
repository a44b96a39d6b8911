//! Property tests: arbitrary bytes never panic the pipeline and every document holds the
//! invariants of tests/common/invariants.rs (sentences tile the text, claims and initiative
//! mentions inside it, exact values); a page re-encoded as GBK decodes to the
//! same document; Arabic literals round-trip exactly.

#[path = "common/invariants.rs"]
mod invariants;

use pressmine::pipeline::Pipeline;
use pressmine::source::RawDoc;
use proptest::prelude::*;
use std::sync::LazyLock;

static PIPE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::load(&std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("patterns")).unwrap());

/// Press-release-like text: digits, Chinese numerals, units, hedges, quotes, punctuation.
fn release_text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "1",
        "2",
        "0",
        "9",
        ".",
        ",",
        "%",
        "５",
        "．",
        "万",
        "亿",
        "千",
        "百",
        "十",
        "一",
        "两",
        "三",
        "〇",
        "零",
        "点",
        "元",
        "美元",
        "个",
        "家",
        "年",
        "月",
        "日",
        "第",
        "超",
        "约",
        "以上",
        "余",
        "多",
        "增长",
        "下降",
        "同比",
        "百分点",
        "成",
        "倍",
        "“",
        "”",
        "《",
        "》",
        "、",
        "，",
        "。",
        "\n",
        "江苏",
        "全省",
        "制造业",
        "增加值",
        "行动计划",
        "实施",
        "政策",
        "分别",
        "至",
        "-",
        "~",
        ":",
        "截至",
        "今年",
        "上半年",
        "季度",
        "前三",
        "力争",
        "到",
        "占全国",
        "比",
        "较",
        "翻",
        "番",
        "分之",
        " ",
        "\u{3000}",
        "又",
        "e",
        "E+",
        "几",
        "折",
        "的",
        "2019年的",
        "全年",
        "主要目标：",
        "http://x.cn/2024/",
        "\t",
        "单位\t",
        "同比增长(%)",
        "—",
        "-1.3",
    ]);
    prop::collection::vec(pieces, 0..80).prop_map(|v| v.concat())
}

fn check(doc: &pressmine::model::Document) {
    invariants::document(doc);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn number_readers_stay_inside_the_text(text in release_text()) {
        invariants::recognize(&PIPE, &text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..3000), txt in any::<bool>()) {
        let name = if txt { "x.txt" } else { "x.html" };
        let doc = PIPE.process(&RawDoc::from_bytes(name, bytes));
        check(&doc);
    }

    #[test]
    fn claim_spans_slice_the_text(text in release_text()) {
        let doc = PIPE.process(&RawDoc::from_bytes("x.txt", text.into_bytes()));
        check(&doc);
    }

    #[test]
    fn gbk_reencoding_gives_the_same_document(body in release_text()) {
        let page = format!("<html><head><meta charset=\"gbk\"><title>标题</title></head><body><h1>标题</h1><p>{body}</p></body></html>");
        let utf8 = PIPE.process(&RawDoc::from_bytes("a.html", page.clone().into_bytes()));
        let (gbk, _, unmappable) = encoding_rs::GB18030.encode(&page);
        prop_assume!(!unmappable);
        let decoded = PIPE.process(&RawDoc::from_bytes("a.html", gbk.into_owned()));
        prop_assert_eq!(&utf8.text, &decoded.text);
        prop_assert_eq!(&utf8.title, &decoded.title);
        prop_assert_eq!(utf8.claims, decoded.claims);
    }

    #[test]
    fn arabic_literals_round_trip(n in any::<u64>(), frac in 0u32..10_000) {
        let s = format!("{n}.{frac:04}");
        let want: rust_decimal::Decimal = s.parse().unwrap();
        prop_assert_eq!(pressmine::extract::numbers::parse_number(&s), Some(want));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// Period and non-claim rules searched sentence by sentence find exactly the matches of
    /// a search over the whole text.
    #[test]
    fn sentence_scans_find_the_whole_text_matches(text in release_text()) {
        let rules = PIPE.extractor().claim_rules();
        let folded = pressmine::extract::Folded::new(&text).string;
        for (group, scanner) in [(&rules.periods, &rules.period_scanner), (&rules.non_claims, &rules.non_claim_scanner)] {
            let scan = scanner.scan(&folded);
            for (k, rule) in group.iter().enumerate() {
                let whole: Vec<(usize, usize)> = rule.regex.find_iter(&folded).map(|m| (m.start(), m.end())).collect();
                let scanned: Vec<(usize, usize)> = scan
                    .ranges(k)
                    .into_iter()
                    .flat_map(|r| rule.regex.find_iter(&folded[r.clone()]).map(move |m| (r.start + m.start(), r.start + m.end())))
                    .collect();
                prop_assert_eq!(scanned, whole, "rule {} on {:?}", rule.id, text);
            }
        }
    }

    /// Tagging only the stretches the recognizers read gives the claims and initiatives of
    /// tagging every sentence; keywords either way are jieba's own.
    #[test]
    fn tagging_what_is_read_is_tagging_everything(text in release_text()) {
        let ex = PIPE.extractor();
        let prepared = ex.prepare(&text);
        let some = PIPE.segmenter().segment_where(&text, |s| ex.spans_read(&prepared, s));
        let all = PIPE.segmenter().segment(&text);
        let a = ex.extract(&text, &all, Some("2024-08-28"), None);
        let b = ex.extract_prepared(&prepared, &text, &some, Some("2024-08-28"), None);
        prop_assert_eq!(serde_json::to_string(&a.claims).unwrap(), serde_json::to_string(&b.claims).unwrap(), "{:?}", text);
        prop_assert_eq!(
            serde_json::to_string(&a.initiatives).unwrap(),
            serde_json::to_string(&b.initiatives).unwrap(),
            "{:?}",
            text
        );
        let jieba = PIPE.segmenter().jieba_keywords(&text);
        prop_assert_eq!(&some.keywords, &jieba, "{:?}", text);
        prop_assert_eq!(&all.keywords, &jieba, "{:?}", text);
    }
}
