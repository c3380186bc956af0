//! Real tables in the files users hold: a GBK and a UTF-16 copy of a real table's text, the
//! same real tables as an XLSX workbook and as an HTML page with their merged cells
//! (`tests/data/formats/*.layout`), and a real run-on table as a PDF, each read and compared
//! with the text and with the careful human reading of `tests/data/grids/`.

#![cfg_attr(
    not(all(feature = "xlsx", feature = "html")),
    allow(dead_code, unused_imports)
)]

mod formats_common;

use formats_common::*;
use jixiao::{Document, Indicator, TableErrorKind};
use serde_json::Value;

const FORMATS: &str = "tests/data/formats";
const GRIDS: &str = "tests/data/grids";

/// What an indicator says: tier, category, name, annual and actual values, weight, score.
type Said = (
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn said(i: &Indicator) -> Said {
    (
        i.tier.map(|t| t.name().to_owned()),
        i.category.map(|c| c.name().to_owned()),
        i.name.clone(),
        i.annual.raw().to_owned(),
        i.actual.as_ref().map(|a| a.raw().to_owned()),
        i.weight.map(|w| w.to_string()),
        i.score.map(|s| s.to_string()),
    )
}

fn all_said(doc: &Document) -> Vec<Said> {
    doc.indicators().map(said).collect()
}

fn text_of(name: &str) -> String {
    std::fs::read_to_string(format!("{GRIDS}/{name}.txt")).expect("a real table")
}

fn layout_of(name: &str) -> Vec<Vec<Spec>> {
    parse_layout(&std::fs::read_to_string(format!("{FORMATS}/{name}.layout")).expect("a layout"))
}

/// An indicator row of a human reading: name, annual, actual, weight, score.
type Human = (
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

/// A human reading's indicator rows.
fn human(name: &str) -> Vec<Human> {
    let text = std::fs::read_to_string(format!("{GRIDS}/{name}.expected.jsonl")).expect("reading");
    let mut rows = Vec::new();
    for line in text.lines() {
        let v: Value = serde_json::from_str(line).expect("JSON");
        let (Some(n), Some(cells)) = (v.get("name").and_then(Value::as_str), v.get("cells")) else {
            continue;
        };
        if v.get("placeholder").is_some() || v.get("truncated_row").is_some() || n.is_empty() {
            continue;
        }
        let cell = |k: &str| {
            cells
                .get(k)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .filter(|s| !s.is_empty())
        };
        let annual = match cell("年度指标值") {
            Some(a) => a,
            None => {
                let value = cell("指标值").unwrap_or_default();
                let op = cell("指标性质").unwrap_or_default();
                let unit = cell("度量单位").unwrap_or_default();
                format!("{op}{value}{unit}")
            }
        };
        rows.push((
            n.to_owned(),
            annual,
            cell("全年实际值"),
            cell("分值").or_else(|| cell("权重")),
            cell("得分"),
        ));
    }
    rows
}

/// How many of a human reading's indicators a document gives exactly.
fn exact(doc: &Document, name: &str) -> usize {
    let mut taken = vec![false; doc.indicators().count()];
    let indicators: Vec<&Indicator> = doc.indicators().collect();
    let mut n = 0;
    for (want_name, annual, actual, weight, score) in human(name) {
        let Some(at) = indicators
            .iter()
            .enumerate()
            .position(|(k, i)| !taken[k] && i.name == want_name)
        else {
            continue;
        };
        taken[at] = true;
        let i = indicators[at];
        let got = (
            i.annual.raw().to_owned(),
            i.actual.as_ref().map(|a| a.raw().to_owned()),
            i.weight.map(|w| w.to_string()),
            i.score.map(|s| s.to_string()),
        );
        if got == (annual, actual, weight, score) {
            n += 1;
        }
    }
    n
}

/// The real tables laid out with their merged cells, and how many of their indicators each
/// form must give exactly (the text gives as many or fewer).
const LAID_OUT: &[(&str, usize)] = &[
    ("anhui_xiaoxian-zhongyang_2023_selfeval", 14),
    ("sichuan_jingyan_mataxiang_2023_multi-project", 13),
];

#[cfg(feature = "html")]
#[test]
fn real_tables_as_html_pages_read_as_a_person_reads_them() {
    for (name, floor) in LAID_OUT {
        let layout = layout_of(name);
        let page = html_page("绩效目标表", &[&layout]);
        let doc = Document::from_html(&page).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.layout, jixiao::Layout::Html);
        for d in &doc.diagnostics {
            let sheet = d.sheet.as_deref().unwrap_or_default();
            assert!(sheet == "page" || sheet == "table 1", "{d}");
        }
        let text: Document = text_of(name).parse().expect("the text reads");
        let (html_exact, text_exact) = (exact(&doc, name), exact(&text, name));
        println!(
            "{name}: HTML {html_exact}, text {text_exact} of {}",
            human(name).len()
        );
        assert!(
            html_exact >= *floor && html_exact >= text_exact,
            "{name}: HTML gives {html_exact} exactly, text {text_exact}\n{:#?}",
            all_said(&doc)
        );
        // Every indicator is one the text gives too (the text reads one more: the cut-off
        // `满意` row as a name).
        let from_text = all_said(&text);
        for s in all_said(&doc) {
            assert!(
                from_text.contains(&s),
                "{name}: HTML reads {s:?}, the text does not"
            );
        }
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn real_tables_as_workbooks_read_as_a_person_reads_them() {
    for (name, floor) in LAID_OUT {
        let layout = layout_of(name);
        let bytes = xlsx(&[("绩效目标表", &layout)]);
        let doc = Document::from_workbook(&bytes).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.layout, jixiao::Layout::Spreadsheet);
        let text: Document = text_of(name).parse().expect("the text reads");
        let (xlsx_exact, text_exact) = (exact(&doc, name), exact(&text, name));
        println!(
            "{name}: XLSX {xlsx_exact}, text {text_exact} of {}",
            human(name).len()
        );
        assert!(
            xlsx_exact >= *floor && xlsx_exact >= text_exact,
            "{name}: XLSX gives {xlsx_exact} exactly, text {text_exact}\n{:#?}",
            all_said(&doc)
        );
        // Every indicator is one the text gives too (the text reads one more: the cut-off
        // `满意` row as a name).
        let from_text = all_said(&text);
        for s in all_said(&doc) {
            assert!(
                from_text.contains(&s),
                "{name}: XLSX reads {s:?}, the text does not"
            );
        }
    }
}

#[cfg(all(feature = "xlsx", feature = "html"))]
#[test]
fn a_workbook_and_a_page_of_the_same_table_read_the_same() {
    for (name, _) in LAID_OUT {
        let layout = layout_of(name);
        let book = Document::from_workbook(&xlsx(&[("表", &layout)])).expect("workbook");
        let page = Document::from_html(&html_page("表", &[&layout])).expect("page");
        assert_eq!(all_said(&book), all_said(&page), "{name}");
        assert_eq!(book.projects().count(), page.projects().count(), "{name}");
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn every_sheet_is_read_and_diagnostics_name_their_sheet() {
    let xiaoxian = layout_of(LAID_OUT[0].0);
    let mataxiang = layout_of(LAID_OUT[1].0);
    let bytes = xlsx(&[("自评表", &xiaoxian), ("申报表", &mataxiang)]);
    let grids = jixiao::Grid::from_workbook(&bytes).expect("grids");
    assert_eq!(
        grids.iter().map(|g| g.sheet()).collect::<Vec<_>>(),
        [Some("自评表"), Some("申报表")]
    );
    let doc = Document::from_workbook(&bytes).expect("a document");
    let one = Document::from_workbook(&xlsx(&[("自评表", &xiaoxian)])).expect("one sheet");
    let other = Document::from_workbook(&xlsx(&[("申报表", &mataxiang)])).expect("one sheet");
    assert_eq!(
        doc.indicators().count(),
        one.indicators().count() + other.indicators().count()
    );
    for d in &doc.diagnostics {
        assert!(d.sheet.is_some(), "{d}");
    }
}

#[cfg(feature = "xlsx")]
#[test]
fn numbers_and_dates_in_a_workbook() {
    use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    let date = Format::new().set_num_format("yyyy-mm-dd");
    for (c, h) in ["三级指标", "指标值", "分值", "完成时间", "日期"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    sheet.write_string(1, 0, "资金").unwrap();
    sheet.write_number(1, 1, 0.1).unwrap();
    sheet.write_number(1, 2, 0.1 + 0.2).unwrap();
    sheet.write_number(1, 3, 44561.0).unwrap();
    sheet
        .write_datetime_with_format(1, 4, ExcelDateTime::from_ymd(2024, 6, 30).unwrap(), &date)
        .unwrap();
    sheet.write_number(2, 0, 12.0).unwrap();
    sheet.write_number(2, 1, 1234567.891).unwrap();
    let bytes = book.save_to_buffer().unwrap();
    let grids = jixiao::Grid::from_workbook(&bytes).unwrap();
    let texts: Vec<Vec<&str>> = grids[0]
        .rows()
        .iter()
        .map(|r| r.iter().map(|c| c.text()).collect())
        .collect();
    assert_eq!(
        texts[1],
        ["资金", "0.1", "0.3", "2021年12月31日", "2024年6月30日"]
    );
    assert_eq!(&texts[2][..2], ["12", "1234567.891"]);
    assert_eq!(
        (grids[0].rows()[1][3].line(), grids[0].rows()[1][3].column()),
        (2, 4)
    );
}

#[cfg(feature = "xlsx")]
#[test]
fn bytes_that_are_no_workbook_are_unreadable() {
    let err = Document::from_workbook(b"PK\x03\x04 not really").unwrap_err();
    assert_eq!(err.kind(), TableErrorKind::Unreadable);
}

#[test]
fn a_gbk_copy_of_a_real_table_reads_as_its_utf8_text() {
    let name = "anhui_xiaoxian-zhongyang_2023_selfeval";
    let gbk = std::fs::read(format!("{FORMATS}/{name}_gbk.txt")).expect("the GBK copy");
    assert!(
        std::str::from_utf8(&gbk).is_err(),
        "the copy is GBK, not UTF-8"
    );
    let text: Document = text_of(name).parse().unwrap();
    let from_gbk = Document::from_bytes(&gbk).unwrap();
    assert_eq!(all_said(&from_gbk), all_said(&text));
    let from_path = Document::from_path(format!("{FORMATS}/{name}_gbk.txt")).unwrap();
    assert_eq!(all_said(&from_path), all_said(&text));
}

#[test]
fn utf16_with_a_bom_and_utf8_with_a_bom() {
    let name = "hubei_huangshi_dangxiao_2022_grid";
    let text = text_of(name);
    let want = all_said(&text.parse().unwrap());
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    let bom: Vec<u8> = [0xEF, 0xBB, 0xBF].into_iter().chain(text.bytes()).collect();
    for bytes in [le, be, bom] {
        assert_eq!(all_said(&Document::from_bytes(&bytes).unwrap()), want);
    }
}

#[test]
fn undecodable_bytes_name_their_offset() {
    let mut bytes = text_of("hubei_huangshi_dangxiao_2022_grid").into_bytes();
    let at = bytes.len() / 2;
    let at = (at..).find(|i| bytes[*i].is_ascii()).unwrap();
    bytes[at] = 0xFF;
    let err = Document::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.kind(), TableErrorKind::NotText);
    assert!(
        err.to_string().contains(&format!("at byte {at} as UTF-8")),
        "{err}"
    );
}

#[test]
fn files_are_read_by_their_extension() {
    let dir = std::env::temp_dir().join(format!("jixiao-formats-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let text = text_of("hubei_huangshi_dangxiao_2022_grid");
    let csv = dir.join("table.CSV");
    std::fs::write(&csv, &text).unwrap();
    assert!(Document::from_path(&csv).unwrap().indicators().count() > 0);
    let missing = Document::from_path(dir.join("none.txt")).unwrap_err();
    assert_eq!(missing.kind(), TableErrorKind::Unreadable);
    let word = Document::from_path(dir.join("table.docx")).unwrap_err();
    assert_eq!(word.kind(), TableErrorKind::Unsupported);
    let book = dir.join("table.xlsx");
    let page = dir.join("table.htm");
    std::fs::write(&page, html_page("表", &[&layout_of(LAID_OUT[0].0)])).unwrap();
    #[cfg(feature = "xlsx")]
    std::fs::write(&book, xlsx(&[("表", &layout_of(LAID_OUT[0].0))])).unwrap();
    for (path, feature, on) in [
        (&book, "xlsx", cfg!(feature = "xlsx")),
        (&page, "html", cfg!(feature = "html")),
    ] {
        match Document::from_path(path) {
            Ok(doc) => assert!(on && doc.indicators().count() > 10),
            Err(e) => {
                assert!(!on, "{e}");
                assert_eq!(e.kind(), TableErrorKind::Unsupported);
                assert!(
                    e.to_string().contains(&format!("--features {feature}")),
                    "{e}"
                );
            }
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

/// Whether poppler's pdftotext runs here.
fn has_pdftotext() -> bool {
    std::process::Command::new("pdftotext")
        .arg("-v")
        .output()
        .is_ok()
}

#[test]
fn a_real_run_on_table_as_a_pdf_reads_as_its_text() {
    let path = format!("{FORMATS}/guangzhou_commerce_2024.pdf");
    if !has_pdftotext() {
        // CI installs poppler-utils (.ci/run); elsewhere say what is missing.
        let err = Document::from_pdf(&path).unwrap_err();
        assert_eq!(err.kind(), TableErrorKind::Unsupported);
        assert!(err.to_string().contains("poppler-utils"));
        eprintln!("pdftotext is not installed: the PDF was not read");
        return;
    }
    let text = std::fs::read_to_string("tests/data/guangzhou_commerce_2024.txt").unwrap();
    let committed = std::fs::read(&path).unwrap();
    assert_eq!(
        committed,
        pdf(&text),
        "the committed PDF is the one the writer makes"
    );
    let want: Document = text.parse().unwrap();
    let doc = Document::from_pdf(&path).unwrap();
    assert_eq!(doc.layout, want.layout);
    assert_eq!(doc.units.len(), want.units.len());
    assert_eq!(all_said(&doc), all_said(&want));
    let by_path = Document::from_path(&path).unwrap();
    assert_eq!(all_said(&by_path), all_said(&want));
}

#[test]
fn a_pdf_that_is_no_pdf_is_unreadable() {
    if !has_pdftotext() {
        return;
    }
    let dir = std::env::temp_dir().join(format!("jixiao-pdf-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("broken.pdf");
    std::fs::write(&path, b"%PDF-1.4 nothing").unwrap();
    let err = Document::from_pdf(&path).unwrap_err();
    assert_eq!(err.kind(), TableErrorKind::Unreadable, "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

/// The workbook and page committed beside the layout (for the README, the doctests and the
/// `table` example) are the ones the writers make of it; `JIXIAO_WRITE_FIXTURES=1` writes
/// them anew.
#[test]
fn committed_workbook_and_page_are_the_layouts() {
    let name = LAID_OUT[0].0;
    let layout = layout_of(name);
    let page = html_page("萧县张庄寨镇人民政府2023年度项目绩效自评表", &[&layout]);
    let book = xlsx(&[("绩效自评表", &layout)]);
    let (page_path, book_path) = (
        format!("{FORMATS}/{name}.html"),
        format!("{FORMATS}/{name}.xlsx"),
    );
    if std::env::var_os("JIXIAO_WRITE_FIXTURES").is_some() {
        std::fs::write(&page_path, &page).unwrap();
        std::fs::write(&book_path, &book).unwrap();
    }
    assert_eq!(std::fs::read_to_string(&page_path).unwrap(), page);
    #[cfg(feature = "xlsx")]
    {
        let committed = Document::from_path(&book_path).unwrap();
        let made = Document::from_workbook(&book).unwrap();
        assert_eq!(all_said(&committed), all_said(&made));
    }
    #[cfg(not(feature = "xlsx"))]
    let _ = book_path;
}

/// A merged label covers exactly the rows of its range in a workbook, as on a page: a
/// header's second row under a spanned header (`采集数据项` over `数据项1 | 数据项2`) makes the
/// rows below start with the label column empty, and no row takes the label below it.
#[cfg(all(feature = "xlsx", feature = "html"))]
#[test]
fn merged_labels_cover_exactly_their_rows_in_a_workbook() {
    let layout = parse_layout(
        "一级指标{r2} | 二级指标{r2} | 三级指标{r2} | 指标值{r2} | 采集数据项{c2}\n\
         数据项1 | 数据项2\n\
         产出指标{r6} | 数量指标{r4} | 培训场次 | ≥2场 |  | \n\
         培训人数 | ≥50人 |  | \n\
         宣传次数 | ≥3次 | / | \n\
         发放资料 | ≥100份 | / | \n\
         质量指标{r2} | 合格率 | 100% |  | \n\
         覆盖率 | ≥95% |  | \n",
    );
    let categories = |doc: &Document| -> Vec<(Option<u8>, String)> {
        doc.indicators()
            .map(|i| (i.category.map(|c| c.code()), i.name.clone()))
            .collect()
    };
    let book = Document::from_workbook(&xlsx(&[("表", &layout)])).expect("workbook");
    let want: Vec<(Option<u8>, String)> = [
        (11, "培训场次"),
        (11, "培训人数"),
        (11, "宣传次数"),
        (11, "发放资料"),
        (12, "合格率"),
        (12, "覆盖率"),
    ]
    .iter()
    .map(|(c, n)| (Some(*c), (*n).to_owned()))
    .collect();
    assert_eq!(categories(&book), want);
    let page = Document::from_html(&html_page("表", &[&layout])).expect("page");
    assert_eq!(categories(&page), want);
}
