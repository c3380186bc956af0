//! Writers of the input forms for tests and benches: a table laid out with its merged cells
//! (`tests/data/formats/*.layout`) written as an HTML page and as an XLSX workbook, and
//! lines of text written as a PDF.
#![allow(dead_code)]

/// One cell as a page writes it: its text (`\n` for a line break) and spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spec {
    pub text: String,
    pub rows: usize,
    pub columns: usize,
}

impl Spec {
    pub fn new(text: &str, rows: usize, columns: usize) -> Spec {
        Spec {
            text: text.to_owned(),
            rows,
            columns,
        }
    }
}

/// Reads a layout: one row per line, cells apart by ` | `, `{rN}`, `{cN}` or `{rNcM}` at a
/// cell's end for its spans, `<br>` for a line break; lines starting with `#` are comments.
pub fn parse_layout(text: &str) -> Vec<Vec<Spec>> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            line.split(" | ")
                .map(|cell| {
                    let mut text = cell.trim();
                    let (mut rows, mut columns) = (1, 1);
                    if text.ends_with('}')
                        && let Some(open) = text.rfind('{')
                    {
                        let spans = &text[open + 1..text.len() - 1];
                        let mut rest = spans;
                        while !rest.is_empty() {
                            let kind = &rest[..1];
                            let digits: String =
                                rest[1..].chars().take_while(char::is_ascii_digit).collect();
                            let n: usize = digits.parse().expect("a span's number");
                            match kind {
                                "r" => rows = n,
                                "c" => columns = n,
                                other => panic!("unknown span {other}"),
                            }
                            rest = &rest[1 + digits.len()..];
                        }
                        text = text[..open].trim_end();
                    }
                    Spec {
                        text: text.replace("<br>", "\n"),
                        rows,
                        columns,
                    }
                })
                .collect()
        })
        .collect()
}

/// Where each written cell stands, spans resolved as HTML resolves them: (row, column,
/// cell).
pub fn placed(rows: &[Vec<Spec>]) -> Vec<(usize, usize, &Spec)> {
    let mut taken: std::collections::HashSet<(usize, usize)> = Default::default();
    let mut out = Vec::new();
    for (r, row) in rows.iter().enumerate() {
        let mut c = 0;
        for cell in row {
            while taken.contains(&(r, c)) {
                c += 1;
            }
            for dr in 0..cell.rows {
                for dc in 0..cell.columns {
                    taken.insert((r + dr, c + dc));
                }
            }
            out.push((r, c, cell));
            c += cell.columns;
        }
    }
    out
}

/// Text as HTML writes it: `&`, `<`, `>` escaped, `≥` and `≤` as named entities, line
/// breaks as `<br>`.
pub fn escape(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '≥' => out.push_str("&ge;"),
            '≤' => out.push_str("&le;"),
            '\n' => out.push_str("<br/>\n"),
            c => out.push(c),
        }
    }
    out
}

/// A table as an HTML `<table>`, its empty cells `&nbsp;` as pages write them.
pub fn html_table(rows: &[Vec<Spec>]) -> String {
    let mut s = String::from("<table border=\"1\" cellspacing=\"0\">\n<tbody>\n");
    for row in rows {
        s.push_str("  <tr>\n");
        for cell in row {
            s.push_str("    <td");
            if cell.rows > 1 {
                s.push_str(&format!(" rowspan=\"{}\"", cell.rows));
            }
            if cell.columns > 1 {
                s.push_str(&format!(" colspan=\"{}\"", cell.columns));
            }
            s.push('>');
            if cell.text.is_empty() {
                s.push_str("&nbsp;");
            } else {
                s.push_str("<p style=\"text-align:center\"><span>");
                s.push_str(&escape(&cell.text));
                s.push_str("</span></p>");
            }
            s.push_str("</td>\n");
        }
        s.push_str("  </tr>\n");
    }
    s.push_str("</tbody>\n</table>\n");
    s
}

/// A page with a heading, a navigation bar's noise, and the tables.
pub fn html_page(title: &str, tables: &[&[Vec<Spec>]]) -> String {
    let mut s = format!(
        "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{t}</title>\
         <style>td {{ border: 1px solid }}</style><script>var x = \"<table>\";</script></head>\n\
         <body><div class=\"nav\"><a href=\"/\">首页</a> &gt; <a href=\"/zwgk\">政务公开</a></div>\n\
         <h2>{t}</h2>\n",
        t = escape(title)
    );
    for table in tables {
        s.push_str(&html_table(table));
    }
    s.push_str("<p>来源：财政局</p></body></html>\n");
    s
}

/// A cell's text as a number the workbook stores, where it is one: plain digits, or digits
/// with thousands separators.
pub fn as_number(text: &str) -> Option<(f64, &'static str)> {
    let plain = text.replace(',', "");
    if plain.is_empty() || !plain.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    let value: f64 = plain.parse().ok()?;
    let format = if text.contains(',') {
        "#,##0.00"
    } else {
        "General"
    };
    Some((value, format))
}

/// Tables as a workbook: one sheet each, merged ranges for spans, numbers as numbers.
pub fn xlsx(sheets: &[(&str, &[Vec<Spec>])]) -> Vec<u8> {
    use rust_xlsxwriter::{Format, Workbook};
    let mut book = Workbook::new();
    for (name, rows) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(*name).expect("a sheet name");
        let wrap = Format::new().set_text_wrap();
        for (r, c, cell) in placed(rows) {
            let (r32, c16) = (r as u32, c as u16);
            if cell.rows > 1 || cell.columns > 1 {
                sheet
                    .merge_range(
                        r32,
                        c16,
                        (r + cell.rows - 1) as u32,
                        (c + cell.columns - 1) as u16,
                        "",
                        &wrap,
                    )
                    .expect("a merged range");
            }
            match as_number(&cell.text) {
                Some((value, format)) => {
                    sheet
                        .write_number_with_format(
                            r32,
                            c16,
                            value,
                            &Format::new().set_num_format(format),
                        )
                        .expect("a number");
                }
                None if cell.text.is_empty() => {}
                None => {
                    sheet
                        .write_string_with_format(r32, c16, &cell.text, &wrap)
                        .expect("a string");
                }
            }
        }
    }
    book.save_to_buffer().expect("a workbook")
}

/// Lines of text as a PDF that pdftotext reads back: one page per 60 lines, each character
/// a glyph of a Type0 font whose ToUnicode map gives its character (no font program is
/// embedded: the text is all that is read).
pub fn pdf(text: &str) -> Vec<u8> {
    const SIZE: usize = 10;
    const LEADING: usize = 14;
    const PER_PAGE: usize = 56;
    let lines: Vec<&str> = text.lines().collect();
    let mut chars: Vec<char> = text.chars().filter(|c| *c != '\n').collect();
    chars.sort_unstable();
    chars.dedup();
    let cid = |c: char| chars.binary_search(&c).map(|i| i + 1).unwrap_or(0);
    let widest = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0);
    let width = 72 + widest * SIZE;
    let height = 72 + PER_PAGE * LEADING;
    let pages: Vec<&[&str]> = lines.chunks(PER_PAGE).collect();

    let mut objects: Vec<String> = Vec::new();
    // 1 catalog, 2 pages, 3 font, 4 CID font, 5 descriptor, 6 ToUnicode, then per page a
    // page and its contents.
    let page_ids: Vec<usize> = (0..pages.len()).map(|i| 7 + 2 * i).collect();
    objects.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    objects.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {} >>",
        page_ids
            .iter()
            .map(|i| format!("{i} 0 R"))
            .collect::<Vec<_>>()
            .join(" "),
        pages.len()
    ));
    objects.push(
        "<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H \
         /DescendantFonts [4 0 R] /ToUnicode 6 0 R >>"
            .into(),
    );
    // Half-width glyphs for ASCII, as CJK fonts have them.
    let narrow: String = chars
        .iter()
        .filter(|c| c.is_ascii())
        .map(|c| format!("{} [500] ", cid(*c)))
        .collect();
    objects.push(format!(
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry \
         (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor 5 0 R /DW 1000 \
         /W [{narrow}] >>"
    ));
    objects.push(
        "<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -120 1000 880] \
         /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >>"
            .into(),
    );
    let mut cmap = String::from(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n/CIDSystemInfo << \
         /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n/CMapName /Adobe-Identity-UCS \
         def\n/CMapType 2 def\n1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n",
    );
    for block in chars.chunks(100) {
        cmap.push_str(&format!("{} beginbfchar\n", block.len()));
        for c in block {
            let mut units = [0u16; 2];
            let hex: String = c
                .encode_utf16(&mut units)
                .iter()
                .map(|u| format!("{u:04X}"))
                .collect();
            cmap.push_str(&format!("<{:04X}> <{hex}>\n", cid(*c)));
        }
        cmap.push_str("endbfchar\n");
    }
    cmap.push_str("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend");
    objects.push(format!(
        "<< /Length {} >>\nstream\n{cmap}\nendstream",
        cmap.len()
    ));
    for page in &pages {
        let mut content = String::new();
        for (n, line) in page.iter().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let hex: String = line.chars().map(|c| format!("{:04X}", cid(c))).collect();
            let y = height - 36 - (n + 1) * LEADING;
            content.push_str(&format!(
                "BT /F1 {SIZE} Tf 1 0 0 1 36 {y} Tm <{hex}> Tj ET\n"
            ));
        }
        let contents_id = objects.len() + 2;
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {width} {height}] /Resources << \
             /Font << /F1 3 0 R >> >> /Contents {contents_id} 0 R >>"
        ));
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}endstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n%\xE2\xE3\xCF\xD3\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}
