//! The layout of a table as pdftotext prints it: the title and 部门名称 line, the column header,
//! the 合计 row, and one block per row (a funding unit or a project) with the text under it.
//!
//! Rows are recognised by the amounts that end them; a project's row is indented, and its name
//! may wrap over several lines (even across a blank line) with the amounts on a line of their
//! own. Blank lines and form feeds are page breaks, which may fall anywhere.

use super::few::Few;
use super::trim;
use crate::lang::{Msg, msg};
use crate::{Diagnostic, DiagnosticCode};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The amounts that end a row: the total, then the columns shown.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Amounts {
    pub(crate) total: Decimal,
    /// The columns after the total. `None` is a column printed empty (`-`); where any column
    /// is printed empty, or all three are printed, the positions are the columns 财政拨款,
    /// 财政专户拨款, 其他资金.
    pub(crate) parts: Few<Option<Decimal>>,
    pub(crate) positional: bool,
    pub(crate) line: usize,
    pub(crate) column: usize,
    /// Why the row's money cannot be taken as written, if it cannot: the row is still a row,
    /// its money is left out (`total` is then zero and `parts` empty).
    pub(crate) refused: Option<Refusal>,
}

/// Why amounts that read as a row's cannot be its money.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Refusal {
    /// An amount is negative: money in these tables never is.
    Negative(String),
    /// An amount has more digits than an exact decimal holds (28, or 29 up to
    /// 79228162514264337593543950335).
    TooLarge(String),
    /// The columns add up to more than an amount can hold.
    SumTooLarge,
}

impl Refusal {
    /// What is wrong, said of the row named.
    pub(crate) fn describe(&self, name: &str) -> Msg {
        match self {
            Refusal::Negative(a) => msg!(
                "«{name}»: the amount {a} is negative, and money never is: the row's money is left out",
                "「{name}」：金额{a}为负数，资金金额不应为负：该行资金未予采用"
            ),
            Refusal::TooLarge(a) => msg!(
                "«{name}»: the amount {a} has more digits than an exact decimal holds: the row's money is left out",
                "「{name}」：金额{a}位数过多，无法精确表示：该行资金未予采用"
            ),
            Refusal::SumTooLarge => msg!(
                "«{name}»: the columns add up to more than an amount can hold: the row's money is left out",
                "「{name}」：各列之和超出金额可容纳的范围：该行资金未予采用"
            ),
        }
    }
}

/// A row: a funding unit or a project, with its amounts.
#[derive(Debug)]
pub(crate) struct Row {
    pub(crate) name: String,
    pub(crate) amounts: Amounts,
    pub(crate) indented: bool,
    pub(crate) line: usize,
}

/// A row and the text under it up to the next row.
#[derive(Debug)]
pub(crate) struct Block {
    pub(crate) row: Row,
    /// The body's lines in the outline's [`lines`](Outline::lines): they run to the next
    /// block's, and are joined into the body only once the table is read, as a name wrapped
    /// onto a line of amounts may still be taken back from them until then.
    pub(crate) lines: core::ops::Range<usize>,
}

/// The table as laid out, before its money is resolved and its bodies are read.
#[derive(Debug, Default)]
pub(crate) struct Outline<'a> {
    pub(crate) title: String,
    pub(crate) department: Option<String>,
    pub(crate) money_unit: Option<String>,
    pub(crate) total: Option<Amounts>,
    pub(crate) blocks: Vec<Block>,
    pub(crate) diagnostics: Vec<Diagnostic>,
    /// The lines of every block's body, in order, each line with its number: one buffer for
    /// the table rather than one per block.
    pub(crate) lines: Vec<(usize, &'a str)>,
}

/// The most lines a wrapped row name takes before the lines are taken for text instead.
const MAX_NAME_LINES: usize = 8;

/// The most lines the column header takes.
const MAX_HEADER_LINES: usize = 16;

/// The characters the column header is printed with (`项目名称（资金使用单位） 总计 财政拨款`,
/// `财政专户`, `拨款`, `其他资`, `金`, `绩效目标 绩效指标`): its words break anywhere.
const HEADER_CHARS: &str = "项目名称资金使用单位总计财政拨款专户其他绩效目标指标（）()";

/// Whether a line is made of the column header's words and spaces only.
fn header_words(line: &str) -> bool {
    line.chars()
        .all(|c| c.is_whitespace() || HEADER_CHARS.contains(c))
}

/// One amount: `123,307.34`, `780.00`, `12`. `None` where the token is no amount; an error
/// where it reads as one but cannot be money as written (negative, or too many digits).
fn amount(token: &str) -> Option<Result<Decimal, Refusal>> {
    // The form is checked by bytes, in one pass over the integer part and one over the
    // decimals: `[-]d{1,3}(,ddd)*[.d+]` or `[-]d+[.d+]`.
    let bytes = token.as_bytes();
    let digits = bytes.strip_prefix(b"-").unwrap_or(bytes);
    let (int, frac) = match digits.iter().position(|&b| b == b'.') {
        Some(point) => (digits.get(..point)?, Some(digits.get(point + 1..)?)),
        None => (digits, None),
    };
    // A second point leaves a byte that is no digit in the decimals.
    if int.is_empty() || frac.is_some_and(|f| f.is_empty() || !f.iter().all(u8::is_ascii_digit)) {
        return None;
    }
    // Where there are commas, each sits three digits before the next or the point.
    let mut since_comma: Option<usize> = None;
    let mut run = 0usize;
    for &b in int {
        match b {
            b'0'..=b'9' => run += 1,
            b',' => {
                let ok = match since_comma {
                    None => (1..=3).contains(&run),
                    Some(_) => run == 3,
                };
                if !ok {
                    return None;
                }
                since_comma = Some(run);
                run = 0;
            }
            _ => return None,
        }
    }
    if since_comma.is_some() && run != 3 {
        return None;
    }
    if token.starts_with('-') {
        return Some(Err(Refusal::Negative(token.to_owned())));
    }
    // Decimal parses more digits than it holds by rounding the last away, which lowers the
    // scale: an amount is taken only where every decimal written is kept.
    let written = frac.map_or(0, <[u8]>::len);
    // Thousands separators are taken out of a copy only where there are some, on the stack
    // where the amount is as short as amounts are.
    let parsed = if let Some(fast) = short_amount(token) {
        Ok(fast)
    } else if token.contains(',') {
        let mut buf = [0u8; 48];
        match without_commas(token, &mut buf) {
            Some(digits) => Decimal::from_str(digits),
            None => Decimal::from_str(&token.replace(',', "")),
        }
    } else {
        Decimal::from_str(token)
    };
    let parsed = parsed
        .ok()
        .filter(|d| usize::try_from(d.scale()).is_ok_and(|s| s == written));
    Some(parsed.ok_or_else(|| Refusal::TooLarge(token.to_owned())))
}

/// An amount of at most 18 digits, thousands separators and one decimal point (checked by
/// [`amount`] before), read as `Decimal::from_str` reads it without its commas: the digits
/// as the mantissa, the decimals written as the scale. `None` for anything longer or else.
fn short_amount(token: &str) -> Option<Decimal> {
    let mut mantissa: u64 = 0;
    let mut digits = 0u32;
    let mut scale: Option<u32> = None;
    for &b in token.as_bytes() {
        match b {
            b'0'..=b'9' => {
                digits += 1;
                if digits > 18 {
                    return None;
                }
                mantissa = mantissa * 10 + u64::from(b - b'0');
                if let Some(s) = scale.as_mut() {
                    *s += 1;
                }
            }
            b',' if scale.is_none() => {}
            b'.' if scale.is_none() => scale = Some(0),
            _ => return None,
        }
    }
    if digits == 0 {
        return None;
    }
    Decimal::try_from_i128_with_scale(i128::from(mantissa), scale.unwrap_or(0)).ok()
}

/// A text without its commas, written into `buf`; `None` where it does not fit.
fn without_commas<'b>(text: &str, buf: &'b mut [u8; 48]) -> Option<&'b str> {
    let mut len = 0;
    for &b in text.as_bytes().iter().filter(|&&b| b != b',') {
        *buf.get_mut(len)? = b;
        len += 1;
    }
    // Commas are single bytes: what is left of a `str` is one.
    core::str::from_utf8(buf.get(..len)?).ok()
}

/// Whether whole numbers written in digits add up, exactly and however many digits they
/// have: `total` is the sum of `parts`.
fn digits_add_up(total: &str, parts: &[&str]) -> bool {
    let digits = |s: &str| -> Vec<u32> {
        s.bytes()
            .rev()
            .filter(u8::is_ascii_digit)
            .map(|b| u32::from(b - b'0'))
            .collect()
    };
    let width = parts
        .iter()
        .map(|p| p.len())
        .max()
        .unwrap_or(0)
        .max(total.len())
        + 1;
    let mut sum = vec![0u32; width];
    for part in parts {
        for (place, d) in digits(part).into_iter().enumerate() {
            sum[place] += d;
        }
    }
    let mut carry = 0;
    for place in &mut sum {
        let v = *place + carry;
        *place = v % 10;
        carry = v / 10;
    }
    let mut total = digits(total);
    total.resize(width, 0);
    carry == 0 && sum == total
}

/// Whether a token is a column printed empty.
fn empty_column(token: &str) -> bool {
    matches!(token, "-" | "—" | "－" | "--" | "——")
}

/// Splits a line into the name before its amounts and the amounts, if it ends with 2 to 4
/// of them (the total and the columns shown). Whole numbers alone must add up, so that a line
/// of text that ends with two numbers is not taken for a row.
#[inline]
pub(crate) fn trailing_amounts(line: &str, line_no: usize) -> Option<(&str, Amounts)> {
    let trimmed = trim::trim_end(line);
    if no_trailing_amount(trimmed) {
        return None;
    }
    read_trailing_amounts(line, trimmed, line_no)
}

/// Whether a line, trimmed at its end, surely ends with no amount nor empty column: it ends
/// with a character that starts none (most lines of text end with `。` or a word), or with a
/// run of amount bytes (digits, `.`, `,`, `-`) glued to a character that is no whitespace,
/// so that its last token, which would be an amount, is none (`不少于100`). A look at bytes,
/// where the search for the last token decodes every character of a line that has no space.
#[inline]
fn no_trailing_amount(trimmed: &str) -> bool {
    let bytes = trimmed.as_bytes();
    let run = bytes
        .iter()
        .rev()
        .take_while(|b| matches!(b, b'0'..=b'9' | b'.' | b',' | b'-'))
        .count();
    if run == 0 {
        // `—` (E2 80 94) and `－` (EF BC 8D), the empty columns that are no ASCII.
        return !(bytes.ends_with("—".as_bytes()) || bytes.ends_with("－".as_bytes()));
    }
    // The run is ASCII: what is before it is a `str`.
    let head = bytes.len() - run;
    trimmed
        .get(..head)
        .and_then(|h| h.chars().next_back())
        .is_some_and(|c| !c.is_whitespace())
}

/// [`trailing_amounts`] of a line that may end with amounts.
fn read_trailing_amounts<'l>(
    line: &'l str,
    trimmed: &'l str,
    line_no: usize,
) -> Option<(&'l str, Amounts)> {
    if !trimmed.ends_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '—' | '－')) {
        return None;
    }
    // The tokens from the last, each read once, in arrays: a row has four at most.
    let mut found: [(usize, &str); 4] = [(0, ""); 4];
    let mut found_read: [Option<Result<Decimal, Refusal>>; 4] = Default::default();
    let mut count = 0;
    let mut rest = trimmed;
    while count < 4 {
        let Some(start) = last_token(rest) else {
            break;
        };
        let token = &rest[start..];
        if token.is_empty() {
            break;
        }
        let read = amount(token);
        if !(read.is_some() || empty_column(token)) {
            break;
        }
        found[count] = (start, token);
        found_read[count] = read;
        count += 1;
        rest = trim::trim_end(&rest[..start]);
        if start == 0 {
            break;
        }
    }
    let (tokens, read) = (&mut found[..count], &mut found_read[..count]);
    tokens.reverse();
    read.reverse();
    // The first token is the total and cannot be empty.
    let empty = tokens.iter().take_while(|(_, t)| empty_column(t)).count();
    let (tokens, read) = (&tokens[empty..], &read[empty..]);
    if tokens.len() < 2 {
        return None;
    }
    let (first_at, first) = tokens[0];
    let total = read.first().cloned().flatten()?;
    let parts = &read[1..];
    let decimal_point = tokens.iter().any(|(_, t)| t.contains(['.', ',']));
    if !decimal_point {
        // Whole numbers alone must add up: exactly, even where they are too large to hold.
        let adds_up = match (&total, sum(parts)) {
            (Ok(total), Some(Ok(sum))) => *total == sum,
            (Err(Refusal::Negative(_)), _) | (_, Some(Err(Refusal::Negative(_)))) => false,
            _ => {
                let written: Vec<&str> = tokens[1..]
                    .iter()
                    .map(|(_, t)| *t)
                    .filter(|t| !empty_column(t))
                    .collect();
                digits_add_up(first, &written)
            }
        };
        if !adds_up {
            return None;
        }
    }
    let positional = tokens.len() == 4 || parts.iter().any(Option::is_none);
    let column = line[..first_at].chars().count() + 1;
    let name = line[..first_at].trim();
    let summed = sum(parts);
    let refused = match (&total, &summed) {
        (Err(why), _) | (_, Some(Err(why))) => Some(why.clone()),
        (_, None) => Some(Refusal::SumTooLarge),
        (Ok(_), Some(Ok(_))) => None,
    };
    let mut amounts = Amounts {
        total: Decimal::ZERO,
        parts: Few::default(),
        positional,
        line: line_no,
        column,
        refused,
    };
    if let (None, Ok(total)) = (&amounts.refused, total) {
        amounts.total = total;
        amounts.parts = parts
            .iter()
            .map(|p| p.clone().and_then(Result::ok))
            .collect();
    }
    Some((name, amounts))
}

/// Where the last token of a text (after its last whitespace) starts, where it is made of
/// the characters of amounts and empty columns only (digits, `.`, `,`, `-`, `—`, `－`), as
/// any other token is neither: found by the bytes from the end, where a search for the last
/// whitespace decodes every character of a row's name.
fn last_token(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut at = bytes.len();
    loop {
        let head = bytes.get(..at)?;
        match head {
            [.., b'0'..=b'9' | b'.' | b',' | b'-'] => at -= 1,
            [.., 0xE2, 0x80, 0x94] | [.., 0xEF, 0xBC, 0x8D] => at -= 3,
            _ => break,
        }
    }
    // The token is made of whole characters: what is before it is a `str`, and it starts the
    // text or follows whitespace, else it runs on into another character.
    match text.get(..at)?.chars().next_back() {
        None => Some(0),
        Some(c) if c.is_whitespace() => Some(at),
        Some(_) => None,
    }
}

/// The sum of the columns shown: the first refusal among them, or `None` where the sum is
/// more than an amount can hold exactly.
fn sum(parts: &[Option<Result<Decimal, Refusal>>]) -> Option<Result<Decimal, Refusal>> {
    let mut sum = Decimal::ZERO;
    for part in parts.iter().flatten() {
        match part {
            Ok(amount) => sum = crate::value::exact::add(sum, *amount)?,
            Err(why) => return Some(Err(why.clone())),
        }
    }
    Some(Ok(sum))
}

/// Whether a trimmed line may be a page number, by its first byte: one of `-`, `—` (E2 …),
/// `－` (EF …) or `第` (E7 …) starts every page number.
fn may_be_page_number(trimmed: &str) -> bool {
    matches!(trimmed.as_bytes().first(), Some(b'-' | 0xE2 | 0xEF | 0xE7))
}

/// Whether a line is a page number: `- 3 -`, `第3页`, `第 3 页 共 10 页`.
fn page_number(line: &str) -> bool {
    let t = trim::trim(line);
    let inner = t
        .strip_prefix(['-', '—', '－'])
        .and_then(|s| s.strip_suffix(['-', '—', '－']))
        .map(str::trim);
    if let Some(inner) = inner {
        return !inner.is_empty() && inner.bytes().all(|b| b.is_ascii_digit());
    }
    let Some(rest) = t.strip_prefix('第') else {
        return false;
    };
    let rest = rest.trim_start();
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    let rest = rest[digits..].trim_start();
    let Some(rest) = rest.strip_prefix('页') else {
        return false;
    };
    let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || ",，/".contains(c));
    if rest.is_empty() {
        return true;
    }
    rest.strip_prefix('共')
        .map(str::trim)
        .and_then(|r| r.strip_suffix('页'))
        .is_some_and(|n| {
            let n = n.trim();
            !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())
        })
}

/// The value after a label such as `部门名称：` up to the next run of spaces.
fn labelled<'a>(line: &'a str, label: &str) -> Option<&'a str> {
    let at = line.find(label)?;
    let rest = line[at + label.len()..].trim_start();
    let rest = rest.strip_prefix([':', '：'])?.trim_start();
    let end = rest.find(|c: char| c.is_whitespace()).unwrap_or(rest.len());
    let value = rest[..end].trim();
    (!value.is_empty()).then_some(value)
}

/// The text's lines as `text.split('\n')` gives them, cut where one search of the whole
/// text finds each line feed (many bytes at a time, without a search set up per line).
fn split_lines(text: &str) -> impl Iterator<Item = &str> {
    let mut feeds = memchr::memchr_iter(b'\n', text.as_bytes());
    let mut start = Some(0);
    core::iter::from_fn(move || {
        let from = start?;
        match feeds.next() {
            Some(at) => {
                start = Some(at + 1);
                text.get(from..at)
            }
            None => {
                start = None;
                text.get(from..)
            }
        }
    })
}

/// `text.trim_end_matches('\r')` by bytes: a carriage return is one byte, and no other
/// character's last byte.
fn trim_carriage_returns(text: &str) -> &str {
    let cr = text.bytes().rev().take_while(|&b| b == b'\r').count();
    text.get(..text.len() - cr).unwrap_or(text)
}

/// `text.trim_start_matches('\u{c}')` by bytes, as [`trim_carriage_returns`].
fn trim_form_feeds(text: &str) -> &str {
    let ff = text.bytes().take_while(|&b| b == 0x0C).count();
    text.get(ff..).unwrap_or(text)
}

/// A row name waiting for its amounts.
struct PendingName<'a> {
    lines: Vec<(usize, &'a str)>,
    indented: bool,
}

impl<'a> PendingName<'a> {
    /// The buffer of the lines, emptied for the next name.
    fn recycle(mut self) -> Vec<(usize, &'a str)> {
        self.lines.clear();
        self.lines
    }
}

impl<'a> Outline<'a> {
    /// Reads the layout of a table's text.
    pub(crate) fn read(text: &'a str) -> Outline<'a> {
        let mut layout = Outline::default();
        // Sized for the text (a line of body text every 64 bytes, a row every KB or so, as
        // budget tables print them, with room to spare), so that they grow seldom if at all. A table's diagnostics
        // (pages skipped, columns assumed or unsplit) are few, and share one buffer.
        layout.lines.reserve(text.len() / 64 + 16);
        layout.blocks.reserve(text.len() / 768 + 4);
        layout.diagnostics.reserve(16);
        let mut pending: Option<PendingName> = None;
        // The buffer of the last name that waited for its amounts, emptied: the next one
        // takes it rather than allocating its own.
        let mut spare: Vec<(usize, &'a str)> = Vec::new();
        let mut header_lines_left = 0usize;
        // The title's lines, joined as they come.
        let mut title = String::new();
        let mut in_preamble = true;
        for (index, raw) in split_lines(text).enumerate() {
            let line_no = index + 1;
            let line = trim_carriage_returns(raw);
            // A form feed is a page break; the text after it is a line of its own.
            let line = trim_form_feeds(line);
            let trimmed = trim::trim(line);
            if header_lines_left > 0 {
                // The header's lines run on to 绩效指标; a row, or once rows were read any
                // line not made of the header's words, ends it and is read as usual.
                let first = layout.blocks.is_empty();
                let in_header = trimmed.is_empty()
                    || header_words(trimmed)
                    || first && trailing_amounts(line, line_no).is_none();
                if in_header {
                    header_lines_left -= 1;
                    if trimmed.contains("绩效指标") {
                        header_lines_left = 0;
                    }
                    continue;
                }
                header_lines_left = 0;
            }
            if trimmed.is_empty() {
                continue;
            }
            if may_be_page_number(trimmed) && page_number(trimmed) {
                layout.diagnostics.push(Diagnostic::of(
                    DiagnosticCode::LayoutSkipped,
                    msg!("page number «{trimmed}» skipped", "已跳过页码「{trimmed}」"),
                    line_no,
                    1,
                ));
                continue;
            }
            // The column header: before the first row, or repeated at the top of a page where
            // its line holds nothing but its words. A body line that starts with 项目名称
            // (`项目名称以批复为准`) is text.
            // The header's tests run on the lines that start with its first word only.
            let first = layout.blocks.is_empty() && layout.total.is_none();
            let header = trimmed.starts_with("项目名称") && pending.is_none();
            let repeated = header && !first && trimmed.contains("总计") && header_words(trimmed);
            if header && (first || repeated) {
                if repeated {
                    layout.diagnostics.push(Diagnostic::of(
                        DiagnosticCode::LayoutSkipped,
                        msg!(
                            "column header «{trimmed}» skipped",
                            "已跳过重复的表头「{trimmed}」"
                        ),
                        line_no,
                        1,
                    ));
                }
                header_lines_left = if trimmed.contains("绩效指标") {
                    0
                } else {
                    MAX_HEADER_LINES
                };
                in_preamble = false;
                continue;
            }
            if in_preamble && (trimmed.contains("部门名称") || trimmed.starts_with("单位")) {
                if let Some(d) = labelled(trimmed, "部门名称") {
                    layout.department = Some(d.to_owned());
                }
                if let Some(u) = labelled(trimmed, "单位") {
                    layout.money_unit = Some(u.to_owned());
                }
                in_preamble = false;
                continue;
            }
            // Most lines end with no amount, as their last bytes tell (their end is the
            // trimmed line's).
            let row = if no_trailing_amount(trimmed) {
                None
            } else {
                trailing_amounts(line, line_no)
            };
            let indented = trim::starts_with_space(line);
            if indented {
                // A wrapped name goes on unindented: an indented line starts afresh, and what
                // waited for amounts was text.
                if let Some(name) = pending.take() {
                    for &(n, l) in &name.lines {
                        layout.push_text(n, l);
                    }
                    spare = name.recycle();
                }
            }
            if let Some(mut name) = pending.take() {
                match row {
                    Some((last, amounts)) => {
                        if !last.is_empty() {
                            name.lines.push((line_no, last));
                        }
                        layout.push_row_of(&name.lines, name.indented, amounts);
                        spare = name.recycle();
                    }
                    None if name.lines.len() >= MAX_NAME_LINES => {
                        // No amounts came: the lines were text after all.
                        for &(n, l) in &name.lines {
                            layout.push_text(n, l);
                        }
                        layout.push_text(line_no, line);
                        spare = name.recycle();
                    }
                    None => {
                        name.lines.push((line_no, trimmed));
                        pending = Some(name);
                    }
                }
                continue;
            }
            match row {
                Some((name, amounts))
                    if layout.total.is_none()
                        && layout.blocks.is_empty()
                        && (name.starts_with("合计") || name.starts_with("总计")) =>
                {
                    in_preamble = false;
                    if let Some(why) = &amounts.refused {
                        layout.diagnostics.push(Diagnostic::of(
                            DiagnosticCode::AmountRefused,
                            why.describe(name),
                            line_no,
                            amounts.column,
                        ));
                    }
                    layout.total = Some(amounts);
                }
                Some((name, amounts)) if !name.is_empty() => {
                    in_preamble = false;
                    layout.push_row_of(&[(line_no, name)], indented, amounts);
                }
                Some((_, amounts)) => {
                    // Amounts alone: the name is the text just before them.
                    in_preamble = false;
                    match layout.take_trailing_name() {
                        Some(name) => layout.push_row(name, amounts),
                        None => layout.diagnostics.push(Diagnostic::of(
                            DiagnosticCode::TextUnparsed,
                            msg!(
                                "amounts «{trimmed}» without a row name",
                                "金额「{trimmed}」没有对应的行名称"
                            ),
                            line_no,
                            amounts.column,
                        )),
                    }
                }
                None if indented && !in_preamble => {
                    let mut lines = core::mem::take(&mut spare);
                    lines.push((line_no, trimmed));
                    pending = Some(PendingName {
                        lines,
                        indented: true,
                    });
                }
                None if in_preamble => title.push_str(trimmed),
                None => layout.push_text(line_no, line),
            }
        }
        if let Some(name) = pending {
            for (n, l) in name.lines {
                layout.push_text(n, l);
            }
        }
        layout.title = title;
        layout.close_bodies();
        layout
    }

    /// Ends each block's lines where the next block's start, the last block's at the end.
    fn close_bodies(&mut self) {
        let mut end = self.lines.len();
        for block in self.blocks.iter_mut().rev() {
            block.lines.end = end;
            end = block.lines.start;
        }
    }

    fn push_row(&mut self, name: PendingName<'a>, amounts: Amounts) {
        self.push_row_of(&name.lines, name.indented, amounts);
    }

    /// Adds a row named by the lines given, joined without separators.
    fn push_row_of(&mut self, name: &[(usize, &str)], indented: bool, amounts: Amounts) {
        let line = name.first().map_or(amounts.line, |(n, _)| *n);
        // Sized first: a name collected piece by piece grows its buffer on the way.
        let len = name.iter().map(|(_, l)| trim::trim(l).len()).sum();
        let mut name_text = String::with_capacity(len);
        for (_, l) in name {
            name_text.push_str(trim::trim(l));
        }
        if let Some(why) = &amounts.refused {
            self.diagnostics.push(Diagnostic::of(
                DiagnosticCode::AmountRefused,
                why.describe(&name_text),
                amounts.line,
                amounts.column,
            ));
        }
        self.blocks.push(Block {
            row: Row {
                name: name_text,
                amounts,
                indented,
                line,
            },
            lines: self.lines.len()..self.lines.len(),
        });
    }

    /// Adds a line of text under the current row; text before any row is reported.
    fn push_text(&mut self, line_no: usize, line: &'a str) {
        match self.blocks.last() {
            Some(_) => self.lines.push((line_no, line)),
            None => {
                let trimmed = line.trim();
                if !trimmed.is_empty() {
                    let column = line.len() - line.trim_start().len();
                    self.diagnostics.push(Diagnostic::of(
                        DiagnosticCode::TextUnparsed,
                        msg!(
                            "text before the first row: «{trimmed}»",
                            "第一行之前的文字：「{trimmed}」"
                        ),
                        line_no,
                        line[..column].chars().count() + 1,
                    ));
                }
            }
        }
    }

    /// Takes back from the current body the lines after its last full stop: the name of a row
    /// whose amounts stand on a line of their own.
    fn take_trailing_name(&mut self) -> Option<PendingName<'a>> {
        let block = self.blocks.last()?;
        let body_lines = self.lines.get(block.lines.start..)?;
        let keep = body_lines
            .iter()
            .rposition(|(_, l)| l.trim_end().ends_with('。'))
            .map_or(0, |i| i + 1);
        if keep >= body_lines.len() {
            return None;
        }
        let name_lines = self.lines.split_off(block.lines.start + keep);
        let indented = name_lines
            .first()
            .is_some_and(|(_, l)| l.starts_with(char::is_whitespace));
        Some(PendingName {
            lines: name_lines.into_iter().map(|(n, l)| (n, l.trim())).collect(),
            indented,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::records::Wrapped;
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().expect("decimal")
    }

    /// Every string of the alphabet's pieces, up to `rounds` of them.
    fn strings_over(alphabet: &[&str], rounds: usize) -> Vec<String> {
        let mut strings = vec![String::new()];
        for _ in 0..rounds {
            let longer: Vec<String> = strings
                .iter()
                .flat_map(|t| alphabet.iter().map(move |c| format!("{t}{c}")))
                .collect();
            strings.extend(longer);
        }
        strings
    }

    /// The last token found by bytes is the one after the last whitespace, where it is
    /// made of the characters of amounts.
    #[test]
    fn last_tokens_are_found_as_by_the_last_whitespace() {
        let alphabet = [
            "1", ".", ",", "-", "—", "－", " ", "\u{3000}", "\u{a0}", "名", "a", "。",
        ];
        for text in &strings_over(&alphabet, 4) {
            let start = text.rfind(char::is_whitespace).map_or(0, |i| {
                i + text[i..].chars().next().map_or(1, char::len_utf8)
            });
            let token = &text[start..];
            let of_amounts = token
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '—' | '－'));
            assert_eq!(last_token(text), of_amounts.then_some(start), "{text:?}");
        }
    }

    /// The look at a line's last bytes rules out only lines the full reading refuses.
    #[test]
    fn lines_ruled_out_by_their_end_have_no_amounts() {
        let ends = [
            "",
            "1",
            "12.00",
            "1,148.00",
            "-",
            "--",
            "—",
            "－",
            "——",
            "-1",
            "1-",
            ".5",
            "5.",
            "1,2",
            "100.00 100.00",
            "780.00 - 780.00",
            "2 1 1",
            "3 2 1",
            "100 — 100",
        ];
        let befores = [
            "", " ", "\u{3000}", "\u{a0}", "\u{2003}", "a", "名", "。", "≥", "-", "（", "\t",
        ];
        let lead = ["", "服务贸易专题", "年度指标值:不少于", "合计 10.00"];
        let mut lines = Vec::new();
        for l in lead {
            for b in befores {
                for e in ends {
                    for tail in ["", " ", "\u{3000}"] {
                        lines.push(format!("{l}{b}{e}{tail}"));
                    }
                }
            }
        }
        let mut kept = 0;
        for line in &lines {
            let trimmed = trim::trim_end(line);
            let full = read_trailing_amounts(line, trimmed, 3);
            if no_trailing_amount(trimmed) {
                assert_eq!(full, None, "{line:?}");
            } else {
                kept += 1;
            }
            assert_eq!(trailing_amounts(line, 3), full, "{line:?}");
        }
        assert!(kept > 0 && kept < lines.len());
    }

    /// `amount` as it was before its form was checked in one pass of bytes.
    fn amount_reference(token: &str) -> Option<Result<Decimal, Refusal>> {
        let digits = token.strip_prefix('-').unwrap_or(token);
        let mut groups = digits.split('.');
        let int = groups.next()?;
        let frac = groups.next();
        if groups.next().is_some() || int.is_empty() || frac.is_some_and(|f| f.is_empty()) {
            return None;
        }
        let int_ok = if int.contains(',') {
            let mut parts = int.split(',');
            let first = parts.next()?;
            (1..=3).contains(&first.len())
                && first.bytes().all(|b| b.is_ascii_digit())
                && parts.all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
        } else {
            int.bytes().all(|b| b.is_ascii_digit())
        };
        if !int_ok || !frac.is_none_or(|f| f.bytes().all(|b| b.is_ascii_digit())) {
            return None;
        }
        if token.starts_with('-') {
            return Some(Err(Refusal::Negative(token.to_owned())));
        }
        let written = frac.map_or(0, str::len);
        let parsed = Decimal::from_str(&token.replace(',', ""))
            .ok()
            .filter(|d| usize::try_from(d.scale()).is_ok_and(|s| s == written));
        Some(parsed.ok_or_else(|| Refusal::TooLarge(token.to_owned())))
    }

    #[test]
    fn amounts_are_formed_as_the_splits_formed_them() {
        let alphabet = ["1", "0", ",", ".", "-", "a", "中", "123", ",000"];
        for token in &strings_over(&alphabet, 5) {
            assert_eq!(amount(token), amount_reference(token), "{token:?}");
        }
    }

    #[test]
    fn amounts_read_separators_and_decimals() {
        assert_eq!(amount("123,307.34"), Some(Ok(d("123307.34"))));
        assert_eq!(amount("780.00"), Some(Ok(d("780.00"))));
        assert_eq!(amount("12"), Some(Ok(d("12"))));
        assert_eq!(amount("1,23.00"), None);
        assert_eq!(amount("12.3.4"), None);
        assert_eq!(amount("12."), None);
        assert_eq!(amount("家/年"), None);
        assert_eq!(amount("-"), None);
    }

    /// The short amounts read without the decimal parser read as it reads them: the same
    /// digits and the same scale.
    #[test]
    fn short_amounts_read_as_the_decimal_parser_reads_them() {
        let mut tokens: Vec<String> = [
            "0",
            "00",
            "007",
            "12",
            "780.00",
            "123,307.34",
            "1,148.00",
            "0.5",
            "0.000",
            "1.",
            ".5",
            "",
            ",",
            "1,2,3",
            "12.3.4",
            "999999999999999999",
            "1000000000000000000",
            "99999999999999999.9",
            "0.000000000000000001",
            "-5",
            "1e3",
            "１２",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for n in 0..40u32 {
            let digits = "9876543210".repeat(4);
            let d = &digits[..n as usize];
            tokens.push(d.to_owned());
            for point in 0..n as usize {
                tokens.push(format!("{}.{}", &d[..point], &d[point..]));
            }
        }
        for token in &tokens {
            if let Some(fast) = short_amount(token) {
                let slow = Decimal::from_str(&token.replace(',', ""));
                assert_eq!(slow, Ok(fast), "{token}");
                assert_eq!(
                    slow.map(|d| (d.mantissa(), d.scale())),
                    Ok((fast.mantissa(), fast.scale())),
                    "{token}"
                );
            }
        }
        // Amounts as rows print them take the short way.
        assert!(short_amount("123,307.34").is_some() && short_amount("780.00").is_some());
        assert_eq!(short_amount("1000000000000000000"), None);
    }

    #[test]
    fn amounts_that_cannot_be_money_are_refused_not_rounded() {
        let refused = |t: &str| amount(t).and_then(Result::err);
        assert_eq!(refused("-5.00"), Some(Refusal::Negative("-5.00".into())));
        let thirty = "123456789012345678901234567890.00";
        assert_eq!(refused(thirty), Some(Refusal::TooLarge(thirty.into())));
        // 29 digits that do not fit would be rounded to 28 by the decimal parser.
        let rounded = "9.9999999999999999999999999999";
        assert_eq!(refused(rounded), Some(Refusal::TooLarge(rounded.into())));
        let max = "79228162514264337593543950335";
        assert_eq!(amount(max), Some(Ok(Decimal::MAX)));
    }

    #[test]
    fn whole_numbers_add_up_however_long() {
        assert!(digits_add_up("3", &["1", "2"]));
        assert!(digits_add_up("007", &["3", "4"]));
        assert!(!digits_add_up("8", &["3", "4"]));
        let big = "123456789012345678901234567890";
        assert!(digits_add_up("246913578024691357802469135780", &[big, big]));
        assert!(!digits_add_up(
            "246913578024691357802469135781",
            &[big, big]
        ));
        assert!(digits_add_up("1000", &["999", "1"]));
        assert!(!digits_add_up("", &["1"]));
    }

    #[test]
    fn rows_whose_money_cannot_be_held_are_rows_with_a_refusal() {
        let max = "79228162514264337593543950335";
        // Three whole numbers whose sum overflows do not add up: no row, no panic.
        let line = format!("说明 {max} {max} {max}");
        assert!(trailing_amounts(&line, 1).is_none());
        let most = "792281625142643375935439503.35";
        let line = format!("    乙项目 {most} {most} {most}");
        let (name, a) = trailing_amounts(&line, 3).expect("a row");
        assert_eq!((name, a.refused), ("乙项目", Some(Refusal::SumTooLarge)));
        assert_eq!((a.total, a.parts.len()), (Decimal::ZERO, 0));
        let thirty = "123456789012345678901234567890";
        let line = format!("    乙项目 {thirty} {thirty}");
        let (_, a) = trailing_amounts(&line, 3).expect("a row of whole numbers that add up");
        assert_eq!(a.refused, Some(Refusal::TooLarge(thirty.into())));
        assert!(trailing_amounts(&format!("推动 {thirty} 1{thirty}"), 1).is_none());
        let (_, a) = trailing_amounts("    丙项目 -5.00 -5.00", 3).expect("a row");
        assert_eq!(a.refused, Some(Refusal::Negative("-5.00".into())));
        assert!(trailing_amounts("共 -3 -3", 1).is_none());
    }

    #[test]
    fn rows_end_with_two_to_four_amounts() {
        let (name, a) = trailing_amounts("合计 123,307.34 123,197.74 109.60", 14).expect("a row");
        assert_eq!(name, "合计");
        assert_eq!(a.total, d("123307.34"));
        assert_eq!(a.parts, [Some(d("123197.74")), Some(d("109.60"))]);
        assert!(!a.positional);
        assert_eq!((a.line, a.column), (14, 4));
        let (name, a) = trailing_amounts("    服务贸易专题 780.00 780.00", 9).expect("a row");
        assert_eq!((name, a.column), ("服务贸易专题", 12));
        let (_, a) = trailing_amounts("X 100.00 100.00 - -", 1).expect("a row");
        assert_eq!(a.parts, [Some(d("100.00")), None, None]);
        assert!(a.positional);
        let (name, _) = trailing_amounts("700.00 700.00", 1).expect("a row");
        assert_eq!(name, "");
        assert!(trailing_amounts("值:≥40次/年；年度指标值:≥40次。2、1-产出指标", 1).is_none());
        assert!(trailing_amounts("推动 2024 2025", 1).is_none());
        assert!(trailing_amounts("共 3 2 1", 1).is_some());
        assert!(trailing_amounts("780.00", 1).is_none());
    }

    #[test]
    fn lines_are_split_as_by_split() {
        let seed = include_str!("../../../tests/data/guangzhou_commerce_2024.txt");
        let mut texts = vec![
            seed.to_owned(),
            String::new(),
            "\n".to_owned(),
            "\n\n".to_owned(),
            "a".to_owned(),
            "a\n".to_owned(),
            "\na".to_owned(),
            "甲\r\n乙\n\n丙".to_owned(),
        ];
        // A line feed in every place of a word, among bytes that are near it.
        for place in 0..20 {
            for filler in ["x", "\u{b}", "\t", "\u{c}", "中", "\u{8a}"] {
                let mut text = filler.repeat(20);
                if text.is_char_boundary(place) {
                    text.insert(place, '\n');
                    texts.push(text);
                }
            }
        }
        for (at, _) in seed.char_indices().step_by(97) {
            texts.push(seed[at..].to_owned());
        }
        texts.extend(
            [
                "",
                "\n",
                "\n\n",
                "a\n",
                "\na",
                "\r\r",
                "\u{c}\u{c}a\r",
                "中\r\n",
                "\u{c}",
            ]
            .map(String::from),
        );
        for text in &texts {
            let split: Vec<&str> = text.split('\n').collect();
            let ours: Vec<&str> = split_lines(text).collect();
            assert_eq!(ours, split, "{text:?}");
            for line in split {
                assert_eq!(trim_carriage_returns(line), line.trim_end_matches('\r'));
                assert_eq!(trim_form_feeds(line), line.trim_start_matches('\u{c}'));
                let trimmed = trim::trim(line);
                assert_eq!(
                    may_be_page_number(trimmed) && page_number(trimmed),
                    page_number(trimmed),
                    "{line:?}"
                );
                assert_eq!(
                    trim::starts_with_space(line),
                    line.starts_with(char::is_whitespace)
                );
            }
        }
        for line in ["- 3 -", "— 3 —", "－3－", "第3页", "第 3 页 共 10 页"] {
            assert!(may_be_page_number(line) && page_number(line), "{line}");
        }
    }

    #[test]
    fn page_numbers_are_recognised() {
        assert!(page_number("- 3 -"));
        assert!(page_number("第3页"));
        assert!(page_number("第 3 页 共 10 页"));
        assert!(!page_number("第3名"));
        assert!(!page_number("3"));
        assert!(!page_number("- -"));
    }

    #[test]
    fn labels_read_up_to_spaces() {
        let line = "部门名称：广州市商务局 单位：万元";
        assert_eq!(labelled(line, "部门名称"), Some("广州市商务局"));
        assert_eq!(labelled(line, "单位"), Some("万元"));
        assert_eq!(labelled("部门名称：", "部门名称"), None);
    }

    #[test]
    fn layout_finds_rows_names_and_bodies() {
        let text = "\n标题\n部门名称：某局 单位：万元\n项目名称 总计\n财政\n绩效目标 绩效指标\n\
                    合计 30.00 30.00\n某局 30.00 30.00\n    很长的项目\n名称\n\n结尾\n10.00 10.00\n目标。\n\
                    1、1-产出指标；11-数量指标；甲；实施周期指标值:1；年度指标值:1。\n- 2 -\n\
                    乙项目\n20.00 20.00\n";
        let layout = Outline::read(text);
        assert_eq!(layout.title, "标题");
        assert_eq!(layout.department.as_deref(), Some("某局"));
        assert_eq!(layout.money_unit.as_deref(), Some("万元"));
        assert_eq!(layout.total.as_ref().map(|a| a.total), Some(d("30.00")));
        let names: Vec<_> = layout.blocks.iter().map(|b| b.row.name.as_str()).collect();
        assert_eq!(names, ["某局", "很长的项目名称结尾", "乙项目"]);
        assert_eq!(layout.blocks[1].row.line, 9);
        assert!(layout.blocks[1].row.indented);
        let body = &layout.lines[layout.blocks[1].lines.clone()];
        let body = Wrapped::from_lines(body.iter().copied());
        assert!(body.text.starts_with("目标。1、"));
        assert_eq!(layout.diagnostics[0].code, DiagnosticCode::LayoutSkipped);
    }
}
