//! Messages in Chinese (issue 9, item 7): every code has a Chinese description, and every
//! diagnostic, finding and note the real tables give has a Chinese message that quotes the
//! same text as the English.

use jixiao::{
    Actuals, AssessConfig, CheckCode, CheckConfig, DiagnosticCode, Document, Grade, Lang, Severity,
    Status, assess, check,
};
use std::path::{Path, PathBuf};

fn has_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// What an English message quotes in «»: the Chinese must quote the same, in 「」.
fn quoted(text: &str) -> Vec<&str> {
    text.split('«')
        .skip(1)
        .filter_map(|s| s.split_once('»').map(|(q, _)| q))
        .collect()
}

/// Checks a message pair: Chinese present, with CJK, quoting what the English quotes.
#[track_caller]
fn bilingual(en: &str, zh: &str, what: &str) {
    assert!(!zh.is_empty(), "{what}: no Chinese for {en:?}");
    assert!(
        has_cjk(zh),
        "{what}: the Chinese {zh:?} has no Chinese characters"
    );
    assert_ne!(en, zh, "{what}: the Chinese is the English");
    for q in quoted(en) {
        assert!(
            zh.contains(&format!("「{q}」")),
            "{what}: the Chinese {zh:?} does not quote «{q}» of {en:?}"
        );
    }
    // No English left in the Chinese, but in what it quotes.
    let mut unquoted = String::new();
    for (n, piece) in zh.split(['「', '」']).enumerate() {
        if n % 2 == 0 {
            unquoted.push_str(piece);
            unquoted.push(' ');
        }
    }
    for word in unquoted.split(|c: char| !c.is_ascii_alphabetic()) {
        assert!(
            word.len() < 3
                || [
                    "CSV",
                    "UTF",
                    "GB",
                    "project",
                    "indicator",
                    "actual",
                    "budget"
                ]
                .contains(&word),
            "{what}: English {word:?} in the Chinese {zh:?}"
        );
    }
}

fn tables() -> Vec<PathBuf> {
    let mut paths = vec![
        PathBuf::from("tests/data/guangzhou_commerce_2024.txt"),
        PathBuf::from("tests/data/selfeval_anhui_xiaoxian_2023.txt"),
    ];
    let mut grids: Vec<PathBuf> = std::fs::read_dir("tests/data/grids")
        .expect("tests/data/grids")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    grids.sort();
    paths.extend(grids);
    paths
}

fn read(path: &Path) -> Option<Document> {
    std::fs::read_to_string(path).ok()?.parse().ok()
}

#[test]
fn every_code_has_a_chinese_description() {
    for code in DiagnosticCode::ALL {
        let zh = code.describe(Lang::Zh);
        assert!(has_cjk(zh), "{code}: {zh:?}");
        assert_ne!(zh, code.describe(Lang::En), "{code}");
    }
    for code in CheckCode::ALL {
        let zh = code.describe(Lang::Zh);
        assert!(has_cjk(zh), "{code}: {zh:?}");
        assert_ne!(zh, code.describe(Lang::En), "{code}");
    }
    for s in [Severity::Info, Severity::Warning, Severity::Error] {
        assert!(has_cjk(s.describe(Lang::Zh)), "{s}");
    }
    for s in [
        Status::Met,
        Status::Partial,
        Status::Missed,
        Status::Unscored,
    ] {
        assert!(has_cjk(s.describe(Lang::Zh)), "{s}");
    }
    for g in [Grade::Excellent, Grade::Good, Grade::Fair, Grade::Poor] {
        assert!(has_cjk(g.describe(Lang::Zh)), "{g}");
        assert!(!has_cjk(g.describe(Lang::En)), "{g}");
    }
}

#[test]
fn lang_reads_and_writes_its_words() {
    assert_eq!("zh".parse::<Lang>().ok(), Some(Lang::Zh));
    assert_eq!("en".parse::<Lang>().ok(), Some(Lang::En));
    let err = "fr".parse::<Lang>().unwrap_err();
    assert_eq!(err.message_in(Lang::Zh), "无法识别的语言：\"fr\"");
    assert_eq!(Lang::default(), Lang::En);
}

#[test]
fn real_tables_give_diagnostics_in_chinese_quoting_the_same_text() {
    let mut seen = 0;
    let mut codes = std::collections::BTreeSet::new();
    for path in tables() {
        let Some(doc) = read(&path) else { continue };
        for d in &doc.diagnostics {
            let what = format!("{} {}:{} [{}]", path.display(), d.line, d.column, d.code);
            bilingual(&d.message, &d.message_zh, &what);
            assert_eq!(d.message_in(Lang::Zh), d.message_zh);
            assert_eq!(d.message_in(Lang::En), d.message);
            let shown = d.display_in(Lang::Zh).to_string();
            assert!(shown.contains(&d.message_zh), "{shown}");
            assert!(
                shown.contains(d.code.as_str()),
                "codes stay as they are: {shown}"
            );
            seen += 1;
            codes.insert(d.code);
        }
    }
    assert!(seen > 50, "only {seen} diagnostics");
    assert!(codes.len() >= 6, "only {codes:?}");
}

#[test]
fn a_value_quoted_in_english_is_quoted_in_chinese() {
    let doc = read(Path::new("tests/data/guangzhou_commerce_2024.txt")).expect("the table");
    let d = doc
        .diagnostics
        .iter()
        .find(|d| d.code == DiagnosticCode::ColumnUnsplit)
        .expect("a column-unsplit diagnostic");
    let name = quoted(&d.message)[0];
    assert!(
        d.message_zh.starts_with(&format!("「{name}」：")),
        "{}",
        d.message_zh
    );
    assert!(d.message_zh.contains("不是财政拨款"), "{}", d.message_zh);
}

#[test]
fn real_tables_give_findings_and_notes_in_chinese() {
    let mut findings = 0;
    let mut notes = 0;
    for path in tables() {
        let Some(doc) = read(&path) else { continue };
        let report = check(&doc, &CheckConfig::default());
        for f in &report.findings {
            let what = format!("{} {:?} [{}]", path.display(), f.line, f.code);
            bilingual(&f.message, &f.message_zh, &what);
            findings += 1;
        }
        let scores = assess(&doc, &Actuals::default(), &AssessConfig::default());
        for p in &scores.projects {
            for i in &p.indicators {
                if let (Some(en), Some(zh)) = (&i.note, &i.note_zh) {
                    bilingual(en, zh, &format!("{} {}", path.display(), i.name));
                    notes += 1;
                }
                assert_eq!(i.note.is_some(), i.note_zh.is_some(), "{}", i.name);
            }
        }
    }
    assert!(findings > 50, "only {findings} findings");
    assert!(notes > 50, "only {notes} notes");
}

#[test]
fn assessment_notes_and_errors_have_chinese() {
    let doc = read(Path::new("tests/data/guangzhou_commerce_2024.txt")).expect("the table");
    let actuals: Actuals = "project,indicator,actual\n99,1,5\n1,99,5\n1,1,13家"
        .parse()
        .expect("actuals");
    let scores = assess(&doc, &actuals, &AssessConfig::default());
    assert_eq!(scores.notes.len(), scores.notes_zh.len());
    assert_eq!(scores.notes.len(), 2);
    for (en, zh) in scores.notes.iter().zip(&scores.notes_zh) {
        bilingual(en, zh, "assessment note");
    }
    let err = "project,indicator,actual\n1,1,2,3"
        .parse::<Actuals>()
        .unwrap_err();
    bilingual(&err.to_string(), err.message_in(Lang::Zh), "actuals error");
    let err = "Hello, world".parse::<Document>().unwrap_err();
    bilingual(&err.to_string(), err.message_in(Lang::Zh), "table error");
    let err = "≥万家".parse::<jixiao::Target>().unwrap_err();
    bilingual(&err.to_string(), err.message_in(Lang::Zh), "target error");
    let err = "准备指标".parse::<jixiao::Tier>().unwrap_err();
    bilingual(&err.to_string(), err.message_in(Lang::Zh), "taxonomy error");
    let err = "1、1-产出指标；12-质量指标"
        .parse::<jixiao::Indicator>()
        .unwrap_err();
    bilingual(&err.to_string(), err.message_in(Lang::Zh), "record error");
}
