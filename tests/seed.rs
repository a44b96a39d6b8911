//! The seed press release (corpus/seeds): metadata, every figure with its value, unit, kind
//! and qualifier, none of its non-claims, and every named initiative without its metaphors.
//! Expectations were written by reading the release, not by copying output.

use pressmine::model::{ClaimKind, Document, InitiativeKind, Qualifier};
use pressmine::pipeline::Pipeline;
use pressmine::source::RawDoc;
use std::path::PathBuf;
use std::sync::LazyLock;

static DOC: LazyLock<Document> = LazyLock::new(|| {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let pipeline = Pipeline::load(&root.join("patterns")).unwrap();
    let bytes = std::fs::read(root.join("corpus/seeds/000_072041860add9220.txt")).unwrap();
    pipeline.process(&RawDoc::from_bytes("seed.txt", bytes))
});

#[test]
fn metadata_and_body() {
    let d = &*DOC;
    assert_eq!(d.title.as_deref(), Some("制造变智造 培育新动能 江苏跑出发展新质生产力“加速度”"));
    assert_eq!(d.published.as_deref(), Some("2024-08-28"));
    assert!(d.text.starts_with("8月27日上午"), "{}", &d.text[..60]);
    assert!(d.text.ends_with("发展模型选型、调优等延伸服务。"));
    for furniture in ["会员登录", "当前位置", "扫描二维码", "服务电话", "版权所有", "ICP"] {
        assert!(!d.text.contains(furniture), "{furniture} left in body");
    }
}

/// (surface text, value, unit, kind, qualifier)
type Expect = (&'static str, &'static str, Option<&'static str>, ClaimKind, Option<Qualifier>);

#[test]
fn every_figure_with_value_unit_kind_qualifier() {
    use ClaimKind::*;
    let expected: &[Expect] = &[
        ("4.66万亿元", "4660000000000", Some("CNY"), Amount, None),
        ("14.1%", "14.1", Some("%"), Percent, None),
        ("4.2%", "4.2", Some("%"), Percent, None),
        ("89.0", "89", None, Index, None),
        ("4年", "4", Some("year"), Quantity, None),
        ("第一", "1", Some("rank"), Rank, None),
        ("67.9", "67.9", None, Index, None),
        ("9年", "9", Some("year"), Quantity, None),
        ("第一", "1", Some("rank"), Rank, None),
        ("8.2%", "8.2", Some("%"), Change, None),
        ("1255个", "1255", Some("count"), Count, None),
        ("1400亿元", "140000000000", Some("CNY"), Amount, Some(Qualifier::Over)),
        ("34家", "34", Some("count"), Count, None),
        ("100家", "100", Some("count"), Count, None),
        ("13个", "13", Some("count"), Count, None),
        ("第一", "1", Some("rank"), Rank, None),
        ("6大", "6", Some("count"), Count, None),
        ("1个百分点", "1", Some("pp"), Pp, None),
        ("5个", "5", Some("count"), Count, None),
        ("5个", "5", Some("count"), Count, None),
        ("6个", "6", Some("count"), Count, None),
        ("1200家", "1200", Some("count"), Count, Some(Qualifier::Over)),
    ];
    type Row = (String, String, Option<String>, ClaimKind, Option<Qualifier>);
    let got: Vec<Row> = DOC
        .claims
        .iter()
        .map(|c| (c.text.clone(), c.value.normalize().to_string(), c.unit.clone(), c.kind, c.qualifier))
        .collect();
    let want: Vec<_> =
        expected.iter().map(|(t, v, u, k, q)| (t.to_string(), v.to_string(), u.map(String::from), *k, *q)).collect();
    assert_eq!(got, want);
}

#[test]
fn attributes_of_key_figures() {
    let by_text = |t: &str| DOC.claims.iter().find(|c| c.text == t).unwrap();
    let c = by_text("4.66万亿元");
    assert_eq!(
        (c.metric.as_deref(), c.scope.as_deref(), c.period.as_deref()),
        (Some("制造业增加值"), Some("江苏"), Some("2023"))
    );
    let c = by_text("8.2%");
    assert_eq!(c.metric.as_deref(), Some("规上工业增加值"));
    assert_eq!(c.period.as_deref(), Some("2024-01/2024-07"));
    assert_eq!(c.change.as_ref().and_then(|ch| ch.basis), Some(pressmine::model::Basis::Yoy));
    assert_eq!(c.scope.as_deref(), Some("江苏"), "全省 resolves to the document's province");
    assert_eq!(by_text("1400亿元").metric.as_deref(), Some("总投资"));
    assert_eq!(by_text("1200家").metric.as_deref(), Some("企业数量"));
    assert_eq!(by_text("6个").modality, pressmine::model::Modality::Target);
    for c in &DOC.claims {
        let slice: String = DOC.text.chars().skip(c.span[0]).take(c.span[1] - c.span[0]).collect();
        assert_eq!(slice, c.text);
    }
}

#[test]
fn no_non_claims() {
    let texts: Vec<&str> = DOC.claims.iter().map(|c| c.text.as_str()).collect();
    // Dates, the meeting ordinal, the quoted system number, idioms and plan names.
    for not in ["8月27日", "2023年", "十六", "1650", "1-7", "一流", "一批", "三路", "三年", "五基", "六个一批"]
    {
        assert!(!texts.iter().any(|t| t.contains(not)), "{not} reported as a claim: {texts:?}");
    }
}

#[test]
fn initiatives_and_no_metaphors() {
    use InitiativeKind::*;
    let got: Vec<(&str, InitiativeKind)> = DOC.initiatives.iter().map(|i| (i.name.as_str(), i.kind)).collect();
    for want in [
        ("八大行动", Action),
        ("智改数转", Plan),
        ("六个一批", Measure),
        ("制造业贷款贴息政策", Policy),
        ("传统产业焕新贷", Product),
        ("绿色工厂贷", Product),
        ("新一轮三年行动计划", Plan),
        ("1650", System),
        ("筑峰强链", Other),
    ] {
        assert!(got.contains(&want), "missing {want:?} in {got:?}");
    }
    for metaphor in
        ["看家本领", "压舱石", "加速度", "制造大省", "智造大省", "发新芽", "长成林", "快生根", "挑大梁", "五基"]
    {
        assert!(!got.iter().any(|(n, _)| n.contains(metaphor)), "metaphor {metaphor} reported");
    }
    let zgsz = DOC.initiatives.iter().find(|i| i.name == "智改数转").unwrap();
    assert_eq!(zgsz.full_name, "制造业“智改数转”三年行动计划");
    assert_eq!(zgsz.aliases, vec!["制造业智能化改造和数字化转型三年行动计划".to_string()]);
    assert_eq!(zgsz.mentions.len(), 2);
    assert_eq!(DOC.initiatives.len(), 9, "{got:?}");
}
