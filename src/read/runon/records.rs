//! Indicator records of the run-on layout: the records of a project's indicator list, such as
//! `1、1-产出指标；12-质量指标；扶持资金拨付正确率；实施周期指标值:100%；年度指标值:100%。`
//!
//! The list is read from text whose lines wrap anywhere, even inside a word, a number or a
//! comparator: lines are joined first, with a map back to where each piece came from. A
//! record may carry labelled fields after its values (`；分值:10；得分:9.5`), the form
//! [`Indicator`]'s `Display` writes.

use super::trim;
use crate::lang::{Msg, msg};
use crate::model::indicator::field;
use crate::taxonomy::Level;
use crate::value::RawText;
use crate::{
    Category, Diagnostic, DiagnosticCode, Direction, Indicator, IndicatorList, Lang, Nature,
    TableError, TableErrorKind, Target, TargetError, TargetErrorKind, TaxonomyError, TextCell,
    Tier,
};
use rust_decimal::Decimal;

/// Reads every indicator record of a text, however its lines wrap.
pub(crate) fn parse_list(text: &str) -> IndicatorList {
    let wrapped = Wrapped::from_lines(text.lines().enumerate().map(|(n, l)| (n + 1, l)));
    let whole = wrapped.whole();
    let body = read_body(&whole, &mut TargetCache::default());
    let mut diagnostics = body.diagnostics;
    if !body.lead.is_empty() {
        let (line, column) = whole.position(0);
        diagnostics.insert(
            0,
            Diagnostic::of(
                DiagnosticCode::TextUnparsed,
                msg!(
                    "text before the first indicator record: «{}»",
                    "第一条指标记录之前的文字：「{}」",
                    body.lead
                ),
                line,
                column,
            ),
        );
    }
    IndicatorList::new(body.indicators, diagnostics)
}

/// Parses exactly one record, strictly: its fields present, nothing else around it.
pub(crate) fn parse_one(s: &str) -> Result<Indicator, TableError> {
    let wrapped = Wrapped::from_lines(s.lines().enumerate().map(|(n, l)| (n + 1, l)));
    let text = wrapped.text.as_str();
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let leading = text[..digits].parse().unwrap_or(1);
    let Some(start) = record_start(text, 0, leading) else {
        return Err(TableError::new(
            TableErrorKind::Record,
            msg!(
                "no indicator record (N、tier；category；name；…) in {s:?}",
                "{s:?}中没有指标记录（序号、一级指标；二级指标；名称；…）"
            ),
        ));
    };
    if start.at != 0 {
        return Err(TableError::new(
            TableErrorKind::Record,
            msg!(
                "text before the record: {:?}",
                "指标记录之前有文字：{:?}",
                &text[..start.at]
            ),
        ));
    }
    if record_start(text, start.fields, start.seq.saturating_add(1)).is_some() {
        return Err(TableError::new(
            TableErrorKind::Record,
            msg!("more than one indicator record", "多于一条指标记录"),
        ));
    }
    match read_record(
        &text[start.fields..],
        start.seq,
        &mut TargetCache::default(),
    ) {
        Ok((indicator, problems)) if problems.is_empty() => Ok(indicator),
        Ok((_, problems)) => {
            let (en, zh): (Vec<String>, Vec<String>) =
                problems.into_iter().map(|(_, _, m)| (m.en, m.zh)).unzip();
            Err(TableError::new(
                TableErrorKind::Record,
                Msg::new(en.join("; "), zh.join("；")),
            ))
        }
        Err(message) => Err(TableError::new(TableErrorKind::Record, message)),
    }
}

/// Text joined from wrapped lines, with a map back to where each piece came from.
#[derive(Debug, Default)]
pub(crate) struct Wrapped {
    pub(crate) text: String,
    /// For each piece: its offset in `text`, its line and the column it started at.
    marks: Vec<(usize, usize, usize)>,
}

impl Wrapped {
    /// Joins lines, each trimmed, without separators: a wrap can fall inside a word.
    pub(crate) fn from_lines<'a>(lines: impl IntoIterator<Item = (usize, &'a str)>) -> Wrapped {
        let mut wrapped = Wrapped::default();
        wrapped.refill(lines);
        wrapped
    }

    /// An empty buffer with room for a text of `bytes` bytes joined from `pieces` lines: the
    /// largest body of a table, so that the buffer never grows from body to body.
    pub(crate) fn with_room(bytes: usize, pieces: usize) -> Wrapped {
        Wrapped {
            text: String::with_capacity(bytes),
            marks: Vec::with_capacity(pieces),
        }
    }

    /// Joins these lines in place of the text held: the bodies of a table are joined one
    /// after the other into one buffer, which keeps its room from body to body.
    pub(crate) fn refill<'a>(&mut self, lines: impl IntoIterator<Item = (usize, &'a str)>) {
        self.text.clear();
        self.marks.clear();
        for (line, text) in lines {
            self.push(line, text);
        }
    }

    pub(crate) fn push(&mut self, line: usize, text: &str) {
        let trimmed = trim::trim_start(text);
        let column = text.len() - trimmed.len();
        let column = text[..column].chars().count() + 1;
        let trimmed = trim::trim_end(trimmed);
        if trimmed.is_empty() {
            return;
        }
        if self.text.capacity() == 0 {
            // Bodies run to a few hundred bytes: one allocation instead of a doubling series.
            self.text.reserve(512);
        }
        if self.marks.capacity() == 0 {
            // As many pieces as a body has lines: a few, one allocation for them.
            self.marks.reserve(8);
        }
        self.marks.push((self.text.len(), line, column));
        self.text.push_str(trimmed);
    }

    /// The whole text, to be read as one body.
    pub(crate) fn whole(&self) -> Piece<'_> {
        Piece {
            text: &self.text,
            marks: &self.marks,
            cursor: core::cell::Cell::default(),
        }
    }
}

/// Whether lines join into an empty body ([`Wrapped::push`] keeps none of them): each is
/// blank.
pub(crate) fn body_is_empty(lines: &[(usize, &str)]) -> bool {
    lines.iter().all(|(_, line)| trim::trim(line).is_empty())
}

/// A [`Wrapped`] text with the pieces it is made of: what a body is read from.
#[derive(Debug)]
pub(crate) struct Piece<'a> {
    pub(crate) text: &'a str,
    marks: &'a [(usize, usize, usize)],
    /// The last position asked for: the piece, the offset and its characters into the piece.
    /// Positions are asked for in order, and counting on from the last keeps a long line of
    /// many records linear.
    cursor: core::cell::Cell<(usize, usize, usize)>,
}

impl Piece<'_> {
    /// The line of a byte offset in the text: what an indicator keeps of its position, found
    /// without counting the characters its column takes.
    fn line(&self, offset: usize) -> usize {
        let at = self.marks.partition_point(|&(start, _, _)| start <= offset);
        at.checked_sub(1)
            .and_then(|piece| self.marks.get(piece))
            .map_or(1, |&(_, line, _)| line)
    }

    /// The line and column of a byte offset in the text.
    pub(crate) fn position(&self, offset: usize) -> (usize, usize) {
        let at = self.marks.partition_point(|&(start, _, _)| start <= offset);
        let Some(piece) = at.checked_sub(1) else {
            return (1, 1);
        };
        let Some(&(start, line, column)) = self.marks.get(piece) else {
            return (1, 1);
        };
        let (last_piece, last_offset, last_chars) = self.cursor.get();
        let (from, counted) = if last_piece == piece && (start..=offset).contains(&last_offset) {
            (last_offset, last_chars)
        } else {
            (start, 0)
        };
        let within = counted
            + self
                .text
                .get(from..offset)
                .map_or(0, |piece| piece.chars().count());
        self.cursor.set((piece, offset, within));
        (line, column + within)
    }
}

/// Target values already parsed in a document: tables repeat the same values
/// (`≥90%`, `100%`) hundreds of times, and a clone costs less than a parse.
///
/// Each value is keyed by its raw text as its target holds it (inline where it is short,
/// else shared with the target): the cache borrows nothing, so that each body can be joined
/// into one buffer in turn. It also keeps the buffer [`read_body`] finds a body's record
/// starts in, so that the bodies of a document share one, and the search for `．` that tells
/// a body's [`Marks`].
pub(crate) struct TargetCache {
    /// Each text's target as [`Target::kept`] keeps it, whether its words were left out, and
    /// the error that capped it.
    values: std::collections::HashMap<
        CacheKey,
        (Target, bool, Option<TargetError>),
        core::hash::BuildHasherDefault<WordHasher>,
    >,
    starts: Vec<Start>,
    fullwidth_point: memchr::memmem::Finder<'static>,
}

impl Default for TargetCache {
    fn default() -> Self {
        TargetCache {
            values: std::collections::HashMap::default(),
            starts: Vec::new(),
            fullwidth_point: memchr::memmem::Finder::new("．"),
        }
    }
}

/// The hasher of the cache's keys: eight bytes at a time, multiplied and rotated as FxHash
/// does, where FNV takes one byte at a time. A value runs to a dozen bytes or two.
#[derive(Default)]
struct WordHasher(u64);

impl WordHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0 ^ word).wrapping_mul(Self::K);
    }
}

impl core::hash::Hasher for WordHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(<[u8; 8]>::try_from(chunk).map_or(0, u64::from_le_bytes));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            for (to, from) in last.iter_mut().zip(rest) {
                *to = *from;
            }
            self.add(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The product's high bits are its best mixed: the map takes its buckets from the low
        // bits and its tags from the top seven.
        self.0.rotate_left(26)
    }
}

/// A key of the cache of values: a raw text, compared and hashed by its bytes, as a map
/// looks it up by the bytes of a text (the bytes of an inline text are not checked again to
/// be UTF-8, as its `str` would be).
struct CacheKey(RawText);

impl PartialEq for CacheKey {
    fn eq(&self, other: &Self) -> bool {
        self.0.as_bytes() == other.0.as_bytes()
    }
}

impl Eq for CacheKey {}

impl core::hash::Hash for CacheKey {
    fn hash<H: core::hash::Hasher>(&self, state: &mut H) {
        self.0.as_bytes().hash(state);
    }
}

impl core::borrow::Borrow<[u8]> for CacheKey {
    fn borrow(&self) -> &[u8] {
        self.0.as_bytes()
    }
}

impl TargetCache {
    /// A cache sized for a text of `len` bytes: a table has a distinct value every 350
    /// bytes or so, and repeats them past a couple of hundred. The most it is sized for
    /// keeps its table below the size the allocator maps pages for.
    pub(crate) fn for_text(len: usize) -> TargetCache {
        let mut cache = TargetCache::default();
        cache.values.reserve((len / 384).min(224));
        // A body has a few records, a long one some dozens.
        cache.starts.reserve(64);
        cache
    }

    /// The value of a text, and why it is kept as text where it is longer or has more parts
    /// than a value may ([`Target::MAX_CHARS`], [`Target::MAX_PARTS`]).
    ///
    /// Texts that trim alike (`100%` and `100%。`) read alike, and share an entry.
    #[cfg(test)]
    fn get(&mut self, text: &str) -> (Target, Option<TargetError>) {
        let mut capped = false;
        let target = self.target(text, &mut capped);
        let capped = capped.then(|| self.capped(text).cloned());
        (target, capped.flatten())
    }

    /// The value of a text; `capped` is set where it is kept as text for being longer or
    /// having more parts than a value may ([`Target::MAX_CHARS`], [`Target::MAX_PARTS`]),
    /// which [`capped`](Self::capped) then tells: the error itself is fetched only for the
    /// few values that have one. The target alone is returned, so that it moves as itself.
    ///
    /// Texts that trim alike (`100%` and `100%。`) read alike, and share an entry.
    #[inline]
    fn target(&mut self, text: &str, capped: &mut bool) -> Target {
        let key = raw_key(text);
        if let Some((target, left_out, error)) = self.values.get(key.as_bytes()) {
            *capped = error.is_some();
            return target.restored(*left_out);
        }
        self.read_new(text, key, capped)
    }

    /// [`target`](Self::target) of a text not yet read: the first reading is handed out as
    /// it is, and what is kept of it stays.
    fn read_new(&mut self, text: &str, key: &str, is_capped: &mut bool) -> Target {
        let (target, error) = Target::parse_both(text);
        let capped = error.filter(|e| {
            matches!(
                e.kind(),
                TargetErrorKind::TooLong | TargetErrorKind::TooManyParts
            )
        });
        let (kept, left_out) = target.kept();
        // The target's raw text is the key: it is taken from it, shared where it is long.
        let key = match kept.raw_text() {
            raw if raw.as_bytes() == key.as_bytes() => raw.clone(),
            _ => RawText::new(key),
        };
        *is_capped = capped.is_some();
        self.values.insert(CacheKey(key), (kept, left_out, capped));
        target
    }

    /// Why the value of a text already read is kept as text, if it is for its length or
    /// parts: what [`fill`](Self::fill) answered `true` for.
    fn capped(&self, text: &str) -> Option<&TargetError> {
        // The grammar's own raw text, the key `raw_key` gives: this rare path keeps to it.
        let key = crate::value::raw_of(text);
        self.values
            .get(key.as_bytes())
            .and_then(|(_, _, capped)| capped.as_ref())
    }
}

/// The key of a text in the cache: its raw text, [`crate::value::raw_of`], which is the text
/// trimmed; by the quick test of its ends, as a record's values are trimmed already.
#[inline]
fn raw_key(text: &str) -> &str {
    trim::trim(text)
}

/// What was wrong with a record that could still be read: where (an offset in its fields),
/// what, and a message.
type Problem = (usize, DiagnosticCode, Msg);

/// A project's body read apart: the text before the first record (its goal), the
/// indicators, and the diagnostics.
pub(crate) struct Body {
    pub(crate) lead: String,
    pub(crate) indicators: Vec<Indicator>,
    pub(crate) diagnostics: Vec<Diagnostic>,
}

/// Where a record starts: the offset of its number, its number, and the offset of its fields
/// after `N、`.
#[derive(Debug, Clone, Copy)]
struct Start {
    at: usize,
    seq: u32,
    fields: usize,
}

/// The labels of the two values, in the spellings seen.
const PERIOD_LABELS: &[&str] = &["实施周期指标值", "实施期指标值", "周期指标值", "中期指标值"];
const ANNUAL_LABELS: &[&str] = &["年度指标值", "年度目标值", "本年度指标值", "当年指标值"];

/// Finds the next record start at or after `from`: digits, `、` (or `.`, `．`), then a tier
/// and a field separator. Where the digits run on from the value before (`≥803、2-效益指标`
/// when record 3 is expected), the expected number is taken from their end.
fn record_start(text: &str, from: usize, expected: u32) -> Option<Start> {
    record_start_in(text, from, expected, Marks::of(text))
}

/// Which marks a text may number its records with: the lead bytes of `、` (E3 80 81) and `.`
/// are looked for, and that of `．` (EF BC 8E) only where the text has one, as EF leads every
/// full-width form (`；`, `：`, `（`) and most of a body is full of them.
#[derive(Debug, Clone, Copy)]
struct Marks {
    fullwidth: bool,
}

impl Marks {
    fn of(text: &str) -> Marks {
        Marks::found_by(text, &memchr::memmem::Finder::new("．"))
    }

    /// The marks of a text, `．` searched for by a searcher built once for many texts.
    fn found_by(text: &str, fullwidth_point: &memchr::memmem::Finder<'_>) -> Marks {
        Marks {
            fullwidth: fullwidth_point.find(text.as_bytes()).is_some(),
        }
    }

    /// The offset of the first byte that may lead a mark.
    fn next(self, bytes: &[u8]) -> Option<usize> {
        if self.fullwidth {
            memchr::memchr3(0xE3, 0xEF, b'.', bytes)
        } else {
            memchr::memchr2(0xE3, b'.', bytes)
        }
    }
}

/// [`record_start`] in a text whose marks are known. The marks are looked for rather than the
/// digits, which most values are full of: each is taken where a digit stands right before
/// it, at `from` or after.
fn record_start_in(text: &str, from: usize, expected: u32, marks: Marks) -> Option<Start> {
    let bytes = text.as_bytes();
    let mut i = from.checked_add(1)?;
    while let Some(skip) = marks.next(bytes.get(i..)?) {
        let mark = i + skip;
        i = mark + 1;
        if !bytes.get(mark - 1).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        let mark_len = match bytes.get(mark..mark + 3) {
            Some([0xE3, 0x80, 0x81] | [0xEF, 0xBC, 0x8E]) => 3,
            _ if bytes.get(mark) == Some(&b'.') => 1,
            _ => continue,
        };
        let Some(after) = text.get(mark + mark_len..) else {
            continue;
        };
        let after = trim::trim_start(after);
        if tier_field(after).is_none() {
            continue;
        }
        let digits = bytes[..mark]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_digit())
            .count();
        let run = &text[mark - digits..mark];
        let mut digits_of = [0u8; 10];
        let wanted = decimal(expected, &mut digits_of);
        let (at, seq) = if run.as_bytes().ends_with(wanted) {
            (mark - wanted.len(), expected)
        } else {
            let own = &run[run.len().saturating_sub(3)..];
            (mark - own.len(), own.parse().ok()?)
        };
        let fields = text.len() - after.len();
        return Some(Start { at, seq, fields });
    }
    None
}

/// A number's decimal digits, written into `buf` (a `u32` has ten at most): the expected
/// record number is looked for before every record without a `String` for it.
fn decimal(mut n: u32, buf: &mut [u8; 10]) -> &[u8] {
    let mut at = buf.len();
    while at > 0 {
        at -= 1;
        buf[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &buf[at..]
}

/// The tier field at the start of a record's fields (`1-产出指标；`), if it is one: a tier by
/// name, as a bare code could be the end of a number (`＜0.2；`).
fn tier_field(fields: &str) -> Option<Tier> {
    if let Some((tier, _)) = printed_field::<Tier>(fields) {
        return Some(tier);
    }
    // A tier field is short: its separator comes within its first 48 characters (a printed
    // label in `〔〕` may follow the tier). 48 characters are at most 192 bytes, so the search
    // looks no further, and counts characters only up to the separator found.
    let window = fields
        .as_bytes()
        .get(..TIER_WINDOW * 4)
        .unwrap_or(fields.as_bytes());
    let (end, _) = find_separator(window)?;
    let tier = fields.get(..end)?;
    // Most tiers are printed as the system prints them (`1-产出指标`): such a field passes
    // every test below, and names its tier.
    if let Some(tier) = printed::<Tier>(tier) {
        return Some(tier);
    }
    if tier.chars().count() >= TIER_WINDOW {
        return None;
    }
    let (canonical, _) = split_label(trim::trim(tier));
    if canonical.chars().count() > 12 || code_only(canonical) {
        return None;
    }
    // As `parse` would, without building the error that a text which is no tier gets.
    crate::taxonomy::parse_ok(canonical)
}

/// The level printed as the system prints it (`1-产出指标`) as the first field of `fields`,
/// right before its separator, and the text after the separator: what [`next_field`] and
/// [`printed`] find for most records, without a search for the separator. A printed form
/// holds no separator, so the first separator is the one after it.
fn printed_field<L: Level>(fields: &str) -> Option<(L, &str)> {
    let bytes = fields.as_bytes();
    for (at, p) in L::PRINTED.iter().enumerate() {
        // The byte after the printed form is looked at first: most forms are ruled out by it.
        let sep = match bytes.get(p.len()..) {
            Some([b';', ..]) => 1,
            Some([0xEF, 0xBC, 0x9B, ..]) => 3,
            _ => continue,
        };
        if bytes.starts_with(p.as_bytes()) {
            return Some((*L::ALL.get(at)?, fields.get(p.len() + sep..)?));
        }
    }
    None
}

/// The level a text is the printed form of (`1-产出指标`, `12-质量指标`), as the system
/// prints it: what `parse` reads first.
fn printed<L: Level>(text: &str) -> Option<L> {
    let at = L::PRINTED.iter().position(|p| *p == text)?;
    L::ALL.get(at).copied()
}

/// Whether a field is a code alone, in half- or full-width digits (`5`, `５`, `1-`): the end
/// of a number (`≥3.５；`) as much as a tier's code, so no record starts at it.
fn code_only(field: &str) -> bool {
    field
        .chars()
        .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '-' | '－'))
}

/// The characters a tier field's separator must come within.
const TIER_WINDOW: usize = 48;

/// Splits off the text before the next `；` or `;`.
fn next_field(text: &str) -> Option<(&str, &str)> {
    let (end, sep) = find_separator(text.as_bytes())?;
    Some((trim::trim(text.get(..end)?), text.get(end + sep..)?))
}

/// The offset and length of the first `；` or `;` in UTF-8 bytes, found byte by byte: a
/// search by character decodes every character on the way. `；` is EF BC 9B, and EF only
/// ever starts a character, so a match at it is the character.
fn find_separator(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(skip) = bytes
        .get(from..)?
        .iter()
        .position(|&b| b == b';' || b == 0xEF)
    {
        let at = from + skip;
        if bytes.get(at) == Some(&b';') {
            return Some((at, 1));
        }
        if bytes.get(at + 1..at + 3) == Some(&[0xBC, 0x9B]) {
            return Some((at, 3));
        }
        from = at + 1;
    }
    None
}

/// Splits a field into its canonical part and the printed label after it in `〔〕`:
/// `1-产出指标〔产出指标(50分)〕`. Most fields have no label: the cheap test of the end
/// comes before the search for the opening bracket.
fn split_label(field: &str) -> (&str, Option<&str>) {
    if !field.ends_with('〕') {
        return (field, None);
    }
    match field.find('〔') {
        Some(open) => {
            let inner = &field[open + '〔'.len_utf8()..field.len() - '〕'.len_utf8()];
            (field[..open].trim(), Some(inner))
        }
        None => (field, None),
    }
}

/// A tier or a category from its field: by the canonical part, else by the printed label;
/// the label is kept where the level is unknown or the label differs from its name.
fn read_level<L: Level + core::str::FromStr>(
    field: &str,
    name: impl Fn(L) -> &'static str,
) -> Result<(Option<L>, Option<String>), L::Err> {
    // A level printed as the system prints it has no label, and names itself.
    if let Some(level) = printed::<L>(field) {
        return Ok((Some(level), None));
    }
    let (canonical, label) = split_label(field);
    let level = if canonical.is_empty() {
        label.and_then(|l| l.parse().ok())
    } else {
        Some(canonical.parse()?)
    };
    let label = label
        .filter(|l| level.is_none_or(|level| name(level) != *l))
        .map(str::to_owned);
    Ok((level, label))
}

/// Where a label starts, and where it ends with its colon.
type Span = (usize, usize);

/// The labels of a record's two values: where each starts and where it ends, with its colon.
/// Every label ends with 值 (the period's may add its own header in `〔〕`), so one pass goes
/// from one 值 to the next; the period label comes first where there is one.
fn find_labels(text: &str) -> (Option<Span>, Option<Span>) {
    let span = |end: usize, label: &str| {
        let mut rest = &text[end..];
        if let Some(after) = rest.strip_prefix('〔')
            && let Some(close) = after.find('〕')
        {
            rest = &after[close + '〕'.len_utf8()..];
        }
        let after_colon = trim::trim_start(rest)
            .strip_prefix([':', '：'])
            .unwrap_or(rest);
        (end - label.len(), text.len() - after_colon.len())
    };
    let mut period = None;
    let mut from = 0;
    while let Some(at) = find_zhi(text.as_bytes(), from) {
        let end = at + '值'.len_utf8();
        from = end;
        let head = &text[..end];
        if period.is_none()
            && let Some(label) = PERIOD_LABELS.iter().find(|l| head.ends_with(*l))
        {
            period = Some(span(end, label));
            continue;
        }
        if let Some(label) = ANNUAL_LABELS.iter().find(|l| head.ends_with(*l)) {
            return (period, Some(span(end, label)));
        }
    }
    (period, None)
}

/// The offset of the next `值` (E5 80 BC) at or after `from`, as `match_indices` finds it.
/// A search for its last byte stops at every `；` and `：` (EF BC …): the pair 80 BC is
/// looked for instead, eight places at a time, and each place found is checked whole.
fn find_zhi(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The flags of the bytes of `word` equal to `b`: every such byte is flagged, and a byte
    // above one may be flagged wrongly, which the check of each place rules out.
    let equal = |word: u64, b: u8| {
        let x = word ^ (ONES * u64::from(b));
        x.wrapping_sub(ONES) & !x & HIGHS
    };
    let is_zhi = |at: usize| bytes.get(at..at + 3) == Some(&[0xE5, 0x80, 0xBC]);
    // `i` runs over the places of the 80, one after the lead byte.
    let mut i = from.checked_add(1)?;
    while let (Some(Ok(first)), Some(Ok(second))) = (
        bytes.get(i..i + 8).map(<[u8; 8]>::try_from),
        bytes.get(i + 1..i + 9).map(<[u8; 8]>::try_from),
    ) {
        let mut flags =
            equal(u64::from_le_bytes(first), 0x80) & equal(u64::from_le_bytes(second), 0xBC);
        while flags != 0 {
            let place = i + (flags.trailing_zeros() / 8) as usize;
            if is_zhi(place - 1) {
                return Some(place - 1);
            }
            flags &= flags - 1;
        }
        i += 8;
    }
    (i - 1..bytes.len()).find(|&at| is_zhi(at))
}

/// The header a period label carries in `〔〕` (`实施周期指标值〔长期指标值〕:`).
fn period_header(label_text: &str) -> Option<String> {
    // Most labels have no header: `〔` is E3 80 94, and without a byte 94 there is none.
    if !label_text.as_bytes().contains(&0x94) {
        return None;
    }
    let open = label_text.find('〔')?;
    let inner = &label_text[open + '〔'.len_utf8()..];
    let close = inner.find('〕')?;
    Some(inner[..close].to_owned())
}

/// Whether a period label's text (the label, then what [`find_labels`] took after it) may
/// carry a header: only where `〔` follows the label itself, as the header is the only `〔`
/// it takes, right after the label. Most labels have none, and are told so without a search.
fn header_after_label(label_text: &str) -> bool {
    PERIOD_LABELS.iter().any(|label| {
        label_text
            .as_bytes()
            .get(label.len()..)
            .is_some_and(|after| after.starts_with("〔".as_bytes()))
    })
}

/// Where the annual value ends: at the first labelled field after it (`；分值:`), or at the
/// end of the record.
fn fields_after_annual(text: &str) -> usize {
    let mut from = 0;
    while let Some(at) = find_semicolon(text.as_bytes(), from) {
        let after = &text[at + '；'.len_utf8()..];
        if field::AFTER_ANNUAL.iter().any(|label| {
            after
                .strip_prefix(label)
                .is_some_and(|r| r.starts_with([':', '：', '〔']))
        }) {
            return at;
        }
        from = at + '；'.len_utf8();
    }
    text.len()
}

/// `text.trim_end_matches(chars)`, a character at a time from the end: the pattern search
/// of `str` costs more than the one or two characters a field ends with.
#[inline(always)]
fn trim_end_chars<'t>(text: &'t str, chars: &[char]) -> &'t str {
    // The last byte of a character in UTF-8: the character itself in ASCII, else a
    // continuation byte with its low six bits. A text whose last byte is no such byte of any
    // of the characters ends with none of them.
    let last_byte = |c: char| match u8::try_from(c) {
        Ok(b) if b.is_ascii() => b,
        _ => 0x80 | (u32::from(c) & 0x3F) as u8,
    };
    match text.as_bytes().last() {
        Some(&b) if chars.iter().any(|&c| last_byte(c) == b) => {}
        _ => return text,
    }
    let mut rest = text;
    while let Some(c) = rest.chars().next_back() {
        if !chars.contains(&c) {
            break;
        }
        rest = &rest[..rest.len() - c.len_utf8()];
    }
    rest
}

/// `trim_end_chars(text, &['；', ';', '。'])`, by the bytes these end with: `；` is EF BC 9B
/// and `。` E3 80 82, which end no other character.
fn trim_end_value_marks(text: &str) -> &str {
    let mut bytes = text.as_bytes();
    while let [rest @ .., b';'] | [rest @ .., 0xEF, 0xBC, 0x9B] | [rest @ .., 0xE3, 0x80, 0x82] =
        bytes
    {
        bytes = rest;
    }
    text.get(..bytes.len()).unwrap_or(text)
}

/// The offset of the first `；` (EF BC 9B) at or after `from`, as `find('；')` answers:
/// EF only ever starts a character, so a match at it is the character.
fn find_semicolon(bytes: &[u8], from: usize) -> Option<usize> {
    let mut i = from;
    while let Some(skip) = bytes.get(i..)?.iter().position(|&b| b == 0xEF) {
        let at = i + skip;
        if bytes.get(at + 1..at + 3) == Some(&[0xBC, 0x9B]) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// Splits a code off a name: `111038427-培训服务次数`.
fn split_code(name: &str) -> (Option<String>, String) {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits >= 6
        && let Some(rest) = name[digits..].strip_prefix(['-', '－'])
    {
        return (Some(name[..digits].to_owned()), rest.trim().to_owned());
    }
    (None, name.to_owned())
}

/// Reads the labelled fields after the annual value (`；分值:10；得分:9.5`) into the indicator.
/// Returns what was wrong, as an offset in `text` and a message.
fn read_extra_fields(text: &str, indicator: &mut Indicator) -> Vec<Problem> {
    let mut problems = Vec::new();
    let mut rest = text;
    while let Some(after) = rest.strip_prefix('；') {
        let end = fields_after_annual(after);
        let item = trim_end_chars(&after[..end], &['。', ' ']);
        let at = text.len() - rest.len();
        rest = &after[end..];
        let Some(colon) = item.find([':', '：']) else {
            problems.push((
                at,
                DiagnosticCode::IndicatorIncomplete,
                msg!("field «{item}» has no label", "字段「{item}」没有标签"),
            ));
            continue;
        };
        let (label, header) = split_label(&item[..colon]);
        let value = item[colon..].trim_start_matches([':', '：']).trim();
        let decimal = |what: &str| -> Result<Decimal, Msg> {
            value
                .parse::<Decimal>()
                .map_err(|_| msg!("{what} «{value}» is no number", "{what}「{value}」不是数字"))
        };
        let outcome = match label {
            field::ACTUAL => {
                let (actual, error) = Target::parse_both(value);
                indicator.actual = Some(actual);
                match error.filter(|e| {
                    matches!(
                        e.kind(),
                        TargetErrorKind::TooLong | TargetErrorKind::TooManyParts
                    )
                }) {
                    Some(e) => Err(Msg::new(
                        format!("{label}: {e}"),
                        format!("{label}：{}", e.message_in(Lang::Zh)),
                    )),
                    None => Ok(()),
                }
            }
            field::WEIGHT => decimal(label).map(|d| indicator.weight = Some(d)),
            field::SCORE => decimal(label).map(|d| indicator.score = Some(d)),
            field::DIRECTION => Direction::from_chinese(value)
                .map(|d| indicator.direction = Some(d))
                .ok_or_else(|| {
                    msg!(
                        "direction «{value}» is not 正向, 反向 or 等于",
                        "指标方向「{value}」不是正向、反向或等于"
                    )
                }),
            field::NATURE => match value {
                "定量" => {
                    indicator.nature = Some(Nature::Quantitative);
                    Ok(())
                }
                "定性" => {
                    indicator.nature = Some(Nature::Qualitative);
                    Ok(())
                }
                _ => Err(msg!(
                    "nature «{value}» is not 定量 or 定性",
                    "指标性质「{value}」不是定量或定性"
                )),
            },
            field::CORE => {
                indicator.core = value == "★";
                Ok(())
            }
            field::TEXT => {
                indicator
                    .texts
                    .push(TextCell::new(header.unwrap_or_default(), value));
                Ok(())
            }
            _ => Err(msg!("unknown field «{label}»", "无法识别的字段「{label}」")),
        };
        if let Err(message) = outcome {
            let code = if label == field::ACTUAL {
                DiagnosticCode::ValueCapped
            } else {
                DiagnosticCode::IndicatorIncomplete
            };
            problems.push((at, code, message));
        }
    }
    problems
}

/// Reads the fields of one record, after `N、`. Returns the indicator and what was wrong with
/// it, or why it could not be read at all.
fn read_record(
    fields: &str,
    seq: u32,
    cache: &mut TargetCache,
) -> Result<(Indicator, Vec<Problem>), Msg> {
    let mut read = Vec::with_capacity(1);
    let problems = read_record_into(fields, seq, cache, &mut read)?;
    match read.pop() {
        Some(indicator) => Ok((indicator, problems)),
        None => Err(msg!("no fields in «{fields}»", "「{fields}」中没有字段")),
    }
}

/// Reads the fields of one record, after `N、`, onto the end of `indicators`, and returns
/// what was wrong with it; or why it could not be read at all, adding nothing. An indicator
/// is large: built where it stays, it is not copied on its way out.
fn read_record_into(
    fields: &str,
    seq: u32,
    cache: &mut TargetCache,
    indicators: &mut Vec<Indicator>,
) -> Result<Vec<Problem>, Msg> {
    let record = trim_end_chars(fields, &['。', ' ']);
    let in_record = |e: TaxonomyError| {
        Msg::new(
            format!("{e} in «{record}»"),
            format!("「{record}」中：{}", e.message_in(Lang::Zh)),
        )
    };
    // Most tiers and categories are printed as the system prints them, and read at once.
    let ((tier, tier_label), rest) = match printed_field::<Tier>(fields) {
        Some((tier, rest)) => ((Some(tier), None), rest),
        None => {
            let (tier_text, rest) = next_field(fields)
                .ok_or_else(|| msg!("no fields in «{record}»", "「{record}」中没有字段"))?;
            (
                read_level::<Tier>(tier_text, Tier::name).map_err(in_record)?,
                rest,
            )
        }
    };
    let ((category, category_label), rest) = match printed_field::<Category>(rest) {
        Some((category, rest)) => ((Some(category), None), rest),
        None => {
            let (category_text, rest) = next_field(rest)
                .ok_or_else(|| msg!("no category in «{record}»", "「{record}」中没有二级指标"))?;
            (
                read_level::<Category>(category_text, Category::name).map_err(in_record)?,
                rest,
            )
        }
    };
    if tier.is_none() && tier_label.is_none() {
        return Err(msg!("no tier in «{record}»", "「{record}」中没有一级指标"));
    }
    let rest_at = fields.len() - rest.len();
    let (period_label, annual_label) = find_labels(rest);
    let name_end = match (period_label, annual_label) {
        (Some((at, _)), _) | (None, Some((at, _))) => at,
        (None, None) => {
            return Err(msg!(
                "no 实施周期指标值 or 年度指标值 in «{record}»",
                "「{record}」中没有实施周期指标值或年度指标值"
            ));
        }
    };
    let name = trim::trim(trim_end_chars(trim::trim(&rest[..name_end]), &['；', ';']));
    let (code, name) = split_code(name);
    // A field ends with `；`, a record with `。`: neither is its value's.
    let value_text = |from: usize, to: usize| {
        trim::trim_end(trim_end_value_marks(trim::trim(
            rest.get(from..to).unwrap_or_default(),
        )))
    };
    let (period, period_header) = match (period_label, annual_label) {
        (Some((at, start)), annual) => (
            Some((
                start,
                value_text(start, annual.map_or(rest.len(), |(end, _)| end)),
            )),
            header_after_label(&rest[at..start])
                .then(|| period_header(&rest[at..start]))
                .flatten(),
        ),
        (None, _) => (None, None),
    };
    let mut extra = "";
    let annual = annual_label.map(|(_, start)| {
        let end = start + fields_after_annual(&rest[start..]);
        extra = &rest[end..];
        (start, value_text(start, end))
    });
    let mut problems = Vec::new();
    let capped = |cache: &TargetCache, text: &str, from: usize, label: &str, name: &str| {
        let e = cache.capped(text)?;
        Some((
            rest_at + from,
            DiagnosticCode::ValueCapped,
            Msg::new(
                format!("{label} of indicator {seq} «{name}»: {e}"),
                format!(
                    "第{seq}项指标「{name}」的{label}：{}",
                    e.message_in(Lang::Zh)
                ),
            ),
        ))
    };
    // The annual value is read first, into the indicator as it is built; the period's is
    // written into it where it stays, and where it is written as the annual value (most
    // are), it is that value, not looked up again.
    let mut annual_capped = false;
    let annual_target = match annual {
        Some((_, text)) => cache.target(text, &mut annual_capped),
        None => Target::lenient(""),
    };
    let mut period_capped = annual_capped;
    let period_target = period.map(|(_, text)| match annual {
        Some((_, annual_text)) if annual_text == text => annual_target.clone(),
        _ => cache.target(text, &mut period_capped),
    });
    // The indicator is built whole where it is pushed: a large value, it is not built and
    // then copied. Its other fields are `Indicator::new`'s, spelled out: taking them with
    // `..Indicator::new(…)` costs 1.4% of the read (40.39 -> 40.96 instructions per byte).
    indicators.push(Indicator {
        seq,
        tier,
        category,
        name,
        code,
        period: period_target,
        annual: annual_target,
        line: None,
        tier_label,
        category_label,
        period_label: period_header,
        actual: None,
        weight: None,
        score: None,
        direction: None,
        nature: None,
        texts: Vec::new(),
        core: false,
    });
    let Some(indicator) = indicators.last_mut() else {
        return Ok(problems);
    };
    if let Some((from, text)) = period
        && period_capped
    {
        problems.extend(capped(cache, text, from, "实施周期指标值", &indicator.name));
    }
    match annual {
        Some((from, text)) => {
            if annual_capped {
                problems.extend(capped(cache, text, from, "年度指标值", &indicator.name));
            }
        }
        None => {
            problems.push((
                rest_at,
                DiagnosticCode::IndicatorIncomplete,
                msg!(
                    "no 年度指标值 in indicator {seq} «{}»",
                    "第{seq}项指标「{}」没有年度指标值",
                    indicator.name
                ),
            ));
        }
    }
    let extra_at = fields.len() - extra.len();
    problems.extend(
        read_extra_fields(trim_end_chars(extra, &['。', ' ']), indicator)
            .into_iter()
            .map(|(at, code, message)| (extra_at + at, code, message)),
    );
    Ok(problems)
}

/// The diagnostic for an indicator whose category belongs to another tier, if it does.
pub(crate) fn tier_category_mismatch(
    indicator: &Indicator,
    line: usize,
    column: usize,
) -> Option<Diagnostic> {
    let (tier, category) = (indicator.tier?, indicator.category?);
    if tier.admits(category) {
        return None;
    }
    Some(Diagnostic::of(
        DiagnosticCode::TierCategoryMismatch,
        msg!(
            "indicator {} «{}» is filed under {} but its category {} belongs to {}",
            "第{}项指标「{}」列在{}下，但其二级指标{}属于{}",
            indicator.seq,
            indicator.name,
            tier,
            category,
            category.tier()
        ),
        line,
        column,
    ))
}

/// Reads a project's body: the text before the first record, then every record.
pub(crate) fn read_body(wrapped: &Piece<'_>, cache: &mut TargetCache) -> Body {
    let text = wrapped.text;
    let mut body = Body {
        lead: String::new(),
        indicators: Vec::new(),
        diagnostics: Vec::new(),
    };
    let marks = Marks::found_by(text, &cache.fullwidth_point);
    let Some(first) = record_start_in(text, 0, 1, marks) else {
        body.lead = text.trim().to_owned();
        return body;
    };
    body.lead = text[..first.at].trim().to_owned();
    // The starts first, each found from the one before: the indicators then take one buffer
    // of their number.
    let mut starts = core::mem::take(&mut cache.starts);
    starts.clear();
    let mut last = first;
    starts.push(first);
    while let Some(next) = record_start_in(text, last.fields, last.seq.saturating_add(1), marks) {
        starts.push(next);
        last = next;
    }
    body.indicators.reserve_exact(starts.len());
    let mut expected = 1;
    for (index, &current) in starts.iter().enumerate() {
        let next = starts.get(index + 1);
        let end = next.map_or(text.len(), |n| n.at);
        // The column is counted only for a diagnostic: an indicator keeps its line alone.
        let line = wrapped.line(current.at);
        let column = || wrapped.position(current.at).1;
        if current.seq != expected {
            body.diagnostics.push(Diagnostic::of(
                DiagnosticCode::IndicatorSequence,
                msg!(
                    "indicator {} where {expected} was expected",
                    "指标序号为{}，应为{expected}",
                    current.seq
                ),
                line,
                column(),
            ));
        }
        let fields = text.get(current.fields..end).unwrap_or("");
        match read_record_into(fields, current.seq, cache, &mut body.indicators) {
            // The indicator read is the last.
            Ok(problems) => {
                if let Some(indicator) = body.indicators.last_mut() {
                    indicator.line = Some(line);
                    if indicator
                        .tier
                        .zip(indicator.category)
                        .is_some_and(|(tier, category)| !tier.admits(category))
                    {
                        body.diagnostics
                            .extend(tier_category_mismatch(indicator, line, column()));
                    }
                }
                if let Some(indicator) = body.indicators.last().filter(|i| i.period.is_none()) {
                    body.diagnostics.push(Diagnostic::of(
                        DiagnosticCode::IndicatorIncomplete,
                        msg!(
                            "no 实施周期指标值 in indicator {} «{}»",
                            "第{}项指标「{}」没有实施周期指标值",
                            indicator.seq,
                            indicator.name
                        ),
                        line,
                        column(),
                    ));
                }
                for (offset, code, message) in problems {
                    let (line, column) = wrapped.position(current.fields + offset);
                    body.diagnostics
                        .push(Diagnostic::of(code, message, line, column));
                }
            }
            Err(message) => body.diagnostics.push(Diagnostic::of(
                DiagnosticCode::IndicatorUnsplit,
                Msg::new(
                    format!(
                        "indicator record {} could not be split: {}",
                        current.seq, message.en
                    ),
                    format!("第{}条指标记录无法拆分：{}", current.seq, message.zh),
                ),
                line,
                column(),
            )),
        }
        expected = current.seq.saturating_add(1);
    }
    cache.starts = starts;
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_maps_offsets_back_to_lines_and_columns() {
        let wrapped = Wrapped::from_lines([(3, "    服务贸易"), (4, ""), (5, "专题 ")]);
        assert_eq!(wrapped.text, "服务贸易专题");
        let w = wrapped.whole();
        assert_eq!(w.position(0), (3, 5));
        assert_eq!(w.position(6), (3, 7));
        assert_eq!(w.position(12), (5, 1));
        assert_eq!(w.position(15), (5, 2));
        // Asked out of order, the answers stay the same.
        assert_eq!(w.position(3), (3, 6));
        assert_eq!(w.position(0), (3, 5));
        assert_eq!(w.position(15), (5, 2));
        assert_eq!(w.position(12), (5, 1));
    }

    /// The bodies of a table joined one after the other into one buffer, refilled for each,
    /// answer as each body joined into a buffer of its own did: the same text, and the same
    /// line and column for every offset.
    #[test]
    fn a_refilled_buffer_answers_as_bodies_joined_apart() {
        let seed = include_str!("../../../tests/data/guangzhou_commerce_2024.txt");
        let lines: Vec<(usize, &str)> = seed.lines().enumerate().map(|(n, l)| (n + 1, l)).collect();
        // Bodies of every few lines, some empty, some of blank lines only.
        let mut cuts = vec![0];
        let mut at = 0;
        for step in [0, 1, 3, 1, 7, 2, 0, 11, 5, 40, 2, 1, 9].iter().cycle() {
            at += step;
            if at >= lines.len() {
                break;
            }
            cuts.push(at);
        }
        cuts.push(lines.len());
        let mut joined = Wrapped::default();
        for pair in cuts.windows(2) {
            let body = &lines[pair[0]..pair[1]];
            joined.refill(body.iter().copied());
            let apart = Wrapped::from_lines(body.iter().copied());
            let (alone, piece) = (apart.whole(), joined.whole());
            assert_eq!(alone.text, piece.text);
            assert_eq!(
                body_is_empty(body),
                apart.text.is_empty(),
                "{:?}",
                &body[..body.len().min(3)]
            );
            let offsets: Vec<usize> = (0..=piece.text.len())
                .filter(|&o| piece.text.is_char_boundary(o))
                .collect();
            // In order, as bodies ask, and then out of order.
            for &o in offsets.iter().chain(offsets.iter().rev().step_by(7)) {
                assert_eq!(alone.position(o), piece.position(o), "{o}");
            }
        }
    }

    /// What the cache keeps of a target and hands out again is the target, field by field,
    /// for every value of the tests.
    #[test]
    fn targets_kept_by_the_cache_come_back_whole() {
        let values = include_str!("../../../tests/data/golden/values.tsv");
        let mut left_out = 0;
        for line in values.lines() {
            let Some((input, _)) = line.split_once('\t') else {
                continue;
            };
            let text = input.trim_matches('"');
            let target = Target::lenient(text);
            let (kept, words_left_out) = target.kept();
            left_out += usize::from(words_left_out);
            let back = kept.restored(words_left_out);
            assert_eq!(format!("{back:?}"), format!("{target:?}"), "{text}");
            assert_eq!(back.raw(), target.raw());
        }
        assert!(left_out > 100, "{left_out}");
    }

    #[test]
    fn values_over_the_caps_are_kept_as_text_and_said() {
        let long = "1".repeat(Target::MAX_CHARS + 1);
        let record =
            format!("1、1-产出指标；11-数量指标；场次；实施周期指标值:{long}；年度指标值:≥1场。");
        let list = Indicator::parse_list(&record);
        assert_eq!(list.indicators.len(), 1);
        let i = &list.indicators[0];
        assert_eq!(i.period.as_ref().map(Target::kind), Some(crate::Kind::Text));
        assert_eq!(i.annual.to_string(), "≥1场");
        let [d] = list.diagnostics.as_slice() else {
            panic!("{:?}", list.diagnostics);
        };
        assert_eq!(
            (d.code, d.line, d.column),
            (DiagnosticCode::ValueCapped, 1, 29)
        );
        assert_eq!(
            d.message,
            "实施周期指标值 of indicator 1 «场次»: a target value is at most 1000 characters: this one is longer, and is kept as text"
        );
        let err = record.parse::<Indicator>().unwrap_err().to_string();
        assert!(err.starts_with("实施周期指标值 of indicator 1"), "{err}");
    }

    /// `record_start` as it was before it looked for the marks: every run of digits in turn,
    /// then a mark right after it.
    fn record_start_reference(text: &str, from: usize, expected: u32) -> Option<Start> {
        let bytes = text.as_bytes();
        let mut i = from;
        while let Some(at) = bytes
            .get(i..)
            .and_then(|rest| rest.iter().position(u8::is_ascii_digit))
            .map(|skip| i + skip)
        {
            i = at;
            while bytes.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
            let mark = i;
            let mark_len = match bytes.get(mark..mark + 3) {
                Some([0xE3, 0x80, 0x81] | [0xEF, 0xBC, 0x8E]) => 3,
                _ if bytes.get(mark) == Some(&b'.') => 1,
                _ => continue,
            };
            let Some(after) = text.get(mark + mark_len..) else {
                continue;
            };
            let after = after.trim_start();
            if tier_field(after).is_none() {
                continue;
            }
            let digits = bytes[..mark]
                .iter()
                .rev()
                .take_while(|b| b.is_ascii_digit())
                .count();
            let run = &text[mark - digits..mark];
            let wanted = expected.to_string();
            let (at, seq) = if run.ends_with(&wanted) {
                (mark - wanted.len(), expected)
            } else {
                let own = &run[run.len().saturating_sub(3)..];
                (mark - own.len(), own.parse().ok()?)
            };
            let fields = text.len() - after.len();
            return Some(Start { at, seq, fields });
        }
        None
    }

    #[test]
    fn record_starts_are_found_by_their_marks_as_by_their_digits() {
        let seed = include_str!("../../../tests/data/guangzhou_commerce_2024.txt");
        let key = |s: Option<Start>| s.map(|s| (s.at, s.seq, s.fields));
        for from in (0..=seed.len() + 1).filter(|&f| seed.is_char_boundary(f.min(seed.len()))) {
            for expected in [1, 3] {
                assert_eq!(
                    key(record_start(seed, from, expected)),
                    key(record_start_reference(seed, from, expected)),
                    "{from}"
                );
            }
        }
        let pieces = [
            "1",
            "12",
            "803",
            "、",
            "．",
            ".",
            "。",
            "；",
            "１",
            " ",
            "中",
            "1-产出指标；",
            "a",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let text = format!("{a}{b}{c}1-产出指标；11-数量指标；x");
                    for from in (0..=text.len()).filter(|&f| text.is_char_boundary(f)) {
                        for expected in [1, 2, 3, 12, 803] {
                            assert_eq!(
                                key(record_start(&text, from, expected)),
                                key(record_start_reference(&text, from, expected)),
                                "{text} {from} {expected}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn zhi_is_found_as_match_indices_finds_it() {
        let all = |text: &str| {
            let mut found = Vec::new();
            let mut from = 0;
            while let Some(at) = find_zhi(text.as_bytes(), from) {
                found.push(at);
                from = at + '值'.len_utf8();
            }
            found
        };
        let seed = include_str!("../../../tests/data/guangzhou_commerce_2024.txt");
        let by_chars = |text: &str| {
            text.match_indices('值')
                .map(|(at, _)| at)
                .collect::<Vec<_>>()
        };
        assert_eq!(all(seed), by_chars(seed));
        for (at, _) in seed.char_indices().step_by(13) {
            let mut end = seed.len().min(at + 200);
            while !seed.is_char_boundary(end) {
                end -= 1;
            }
            let text = &seed[at..end];
            assert_eq!(all(text), by_chars(text), "{text}");
        }
        // Characters that share bytes with 值 (E5 80 BC): ；： (EF BC …), 䀼 (E4 80 BC),
        // 怼 (E6 80 BC), ȼ (C8 BC), ࠀ (E0 A0 80), 倀 (E5 80 80), and 值 itself, in every
        // place of a word.
        let pieces = [
            "值", "；", "：", "䀼", "怼", "ȼ", "ࠀ", "倀", "a", "值值", "\u{3c}",
        ];
        for a in pieces {
            for b in pieces {
                for pad in 0..12 {
                    let text = format!(
                        "{}{a}{}{b}{}",
                        "x".repeat(pad),
                        "中".repeat(pad % 3),
                        "y".repeat(pad % 5)
                    );
                    assert_eq!(all(&text), by_chars(&text), "{text}");
                    for from in 0..=text.len() + 1 {
                        let expected = text
                            .get(from..)
                            .and_then(|rest| rest.find('值'))
                            .map(|at| from + at);
                        if text.is_char_boundary(from.min(text.len())) {
                            assert_eq!(find_zhi(text.as_bytes(), from), expected, "{text} {from}");
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn decimal_writes_a_number_s_digits() {
        let mut buf = [0u8; 10];
        assert_eq!(decimal(0, &mut buf), b"0");
        assert_eq!(decimal(7, &mut buf), b"7");
        assert_eq!(decimal(803, &mut buf), b"803");
        assert_eq!(decimal(u32::MAX, &mut buf), u32::MAX.to_string().as_bytes());
    }

    #[test]
    fn record_start_takes_the_expected_number_from_a_run_of_digits() {
        let text = "值:≥803、2-效益指标；22-社会效益；";
        let s = record_start(text, 0, 3).expect("a start");
        assert_eq!((s.seq, &text[s.at..s.at + 1]), (3, "3"));
        assert_eq!(&text[s.fields..s.fields + 1], "2");
        let s = record_start(text, 0, 5).expect("a start");
        assert_eq!(s.seq, 803);
        assert!(record_start("1.通过赴欧美开展活动。2、加强管理", 0, 1).is_none());
    }

    /// `tier_field` as it was before it searched by bytes and skipped the error of a
    /// failed parse: the reference its fast path must answer as.
    fn tier_field_reference(fields: &str) -> Option<Tier> {
        let end = fields
            .char_indices()
            .nth(48)
            .map_or(fields.len(), |(i, _)| i);
        let text = &fields[..end];
        let at = text.find(['；', ';'])?;
        let (canonical, _) = split_label(text[..at].trim());
        let code = canonical
            .chars()
            .all(|c| c.is_ascii_digit() || ('０'..='９').contains(&c) || matches!(c, '-' | '－'));
        if canonical.chars().count() > 12 || code {
            return None;
        }
        canonical.parse().ok()
    }

    #[test]
    fn tier_field_answers_as_the_full_parse() {
        let seed = include_str!("../../../tests/data/guangzhou_commerce_2024.txt");
        // Every suffix of the seed text that starts at a character.
        for (at, _) in seed.char_indices() {
            let fields = &seed[at..];
            assert_eq!(tier_field(fields), tier_field_reference(fields), "at {at}");
        }
        let heads = [
            "1-产出指标",
            "１－产出指标",
            "1-产出指标〔产出指标(50分)〕",
            "1-产出指标〔〕",
            "〔产出指标〕",
            "5",
            "５",
            "5★",
            "5、",
            "5万人次",
            "2",
            "3.5",
            "１．",
            "效益指标",
            "產出指標",
            " 效益指标 ",
            "通过赴欧美开展活动",
            "",
            "产出指标(50%)",
            "产出指标分",
        ];
        let pads = ["", "字", "一二三四五六七八九十", "ａ"];
        let seps = ["；", ";", "", "；；", "\u{3000}；"];
        for head in heads {
            for pad in pads {
                for n in [0, 1, 10, 40, 47, 48, 49, 70] {
                    for sep in seps {
                        let text = format!("{head}{}{sep}12-质量指标；率", pad.repeat(n));
                        assert_eq!(tier_field(&text), tier_field_reference(&text), "{text}");
                    }
                }
            }
        }
    }

    /// Texts a record's fields are cut from: the seed's lines, and pieces of the characters
    /// the fast paths look for, in every order.
    fn field_texts() -> Vec<String> {
        let seed = include_str!("../../../tests/data/guangzhou_commerce_2024.txt");
        let mut texts: Vec<String> = seed.lines().map(str::to_owned).collect();
        let pieces = [
            "；", ";", "。", " ", "〔", "〕", "值", "：", ":", "a", "中", "", "\u{3000}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    texts.push(format!("{a}{b}x{c}{a}"));
                    texts.push(format!("{a}{b}{c}"));
                }
            }
        }
        texts
    }

    #[test]
    fn fields_are_trimmed_and_cut_as_by_the_str_methods() {
        for text in field_texts() {
            assert_eq!(
                trim_end_value_marks(&text),
                text.trim_end_matches(['；', ';', '。']),
                "{text}"
            );
            for set in [&['。', ' '][..], &['；', ';'], &['；', ';', '。']] {
                assert_eq!(
                    trim_end_chars(&text, set),
                    text.trim_end_matches(set),
                    "{text}"
                );
            }
            for from in (0..=text.len()).filter(|&f| text.is_char_boundary(f)) {
                let by_chars = text[from..].find('；').map(|at| from + at);
                assert_eq!(find_semicolon(text.as_bytes(), from), by_chars, "{text}");
            }
            let reference = text.find('〔').and_then(|open| {
                let inner = &text[open + '〔'.len_utf8()..];
                inner.find('〕').map(|close| inner[..close].to_owned())
            });
            assert_eq!(period_header(&text), reference, "{text}");
        }
    }

    /// `read_level` as it was before printed levels were taken at once.
    fn read_level_reference<L: core::str::FromStr + Copy>(
        field: &str,
        name: impl Fn(L) -> &'static str,
    ) -> Result<(Option<L>, Option<String>), L::Err> {
        let (canonical, label) = split_label(field);
        let level = if canonical.is_empty() {
            label.and_then(|l| l.parse().ok())
        } else {
            Some(canonical.parse()?)
        };
        let label = label
            .filter(|l| level.is_none_or(|level| name(level) != *l))
            .map(str::to_owned);
        Ok((level, label))
    }

    #[test]
    fn printed_levels_read_as_the_full_parse_reads_them() {
        let mut fields: Vec<String> = Tier::PRINTED
            .iter()
            .chain(Category::PRINTED)
            .flat_map(|p| {
                [
                    p.to_string(),
                    format!("{p}〔{p}〕"),
                    format!("{p}〔产出指标(50分)〕"),
                    format!(" {p}"),
                    format!("{p}x"),
                    p.replace('-', "－"),
                    p.chars().skip(1).collect(),
                ]
            })
            .collect();
        fields.extend(["产出指标", "效益", "99-未知", "", "〔项目完成〕", "1-"].map(String::from));
        for field in &fields {
            assert_eq!(
                read_level::<Tier>(field, Tier::name),
                read_level_reference::<Tier>(field, Tier::name),
                "{field}"
            );
            assert_eq!(
                read_level::<Category>(field, Category::name),
                read_level_reference::<Category>(field, Category::name),
                "{field}"
            );
        }
    }

    /// The cache's key of a text is the raw text the grammar reads.
    #[test]
    fn cache_keys_are_raw_texts() {
        for text in [
            "",
            " ",
            "100%",
            " 100% ",
            "100%。",
            "100%。 。",
            "\u{3000}≥1次\u{3000}",
            "\"x\"",
            "'y'",
            "。",
            " 。",
            "\u{a0}a",
            "a\u{85}",
        ] {
            assert_eq!(raw_key(text), crate::value::raw_of(text), "{text:?}");
        }
    }

    /// The cache answers every text as a parse of the text itself does, whichever of the
    /// texts that trim alike comes first.
    #[test]
    fn the_cache_answers_as_a_parse() {
        let long = "1".repeat(Target::MAX_CHARS + 1);
        let bases = [
            "100%",
            "≥90%",
            "≥1次",
            "不少于100场次",
            "进展良好",
            "",
            "。",
            long.as_str(),
        ];
        let mut texts = Vec::new();
        for base in bases {
            for (before, after) in [
                ("", ""),
                ("", "。"),
                (" ", ""),
                ("", " 。"),
                ("\u{3000}", "。。"),
            ] {
                texts.push(format!("{before}{base}{after}"));
            }
        }
        let parse = |text: &str| {
            let (target, error) = Target::parse_both(text);
            let capped = error.filter(|e| {
                matches!(
                    e.kind(),
                    TargetErrorKind::TooLong | TargetErrorKind::TooManyParts
                )
            });
            format!("{:?}", (target, capped))
        };
        for order in [false, true] {
            let mut cache = TargetCache::default();
            let ordered: Vec<&String> = if order {
                texts.iter().rev().collect()
            } else {
                texts.iter().collect()
            };
            for _ in 0..2 {
                for text in &ordered {
                    assert_eq!(format!("{:?}", cache.get(text)), parse(text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn separators_are_found_by_bytes_as_by_characters() {
        for text in [
            "",
            "a",
            "；",
            ";",
            "ab；c;d",
            "１；",
            "（）；",
            "\u{ff1b}",
            "\u{ff1a}；",
            "名称;；",
        ] {
            let by_chars = text
                .find(['；', ';'])
                .map(|at| (at, text[at..].chars().next().map_or(1, char::len_utf8)));
            assert_eq!(find_separator(text.as_bytes()), by_chars, "{text}");
        }
    }

    /// A printed field is read as the search for its separator and the printed forms read it.
    #[test]
    fn printed_fields_read_as_the_separator_and_the_forms_read_them() {
        let mut texts = Vec::new();
        for p in Tier::PRINTED.iter().chain(Category::PRINTED) {
            for after in [
                "；x",
                ";x",
                "；",
                "",
                " ；x",
                "x；",
                "〔标签〕；x",
                "\u{ff1a}x",
            ] {
                texts.push(format!("{p}{after}"));
                texts.push(format!(" {p}{after}"));
                texts.push(format!("{}{after}", &p[..p.len() - 3]));
            }
        }
        type Found<'t> = (Option<(Tier, &'t str)>, Option<(Category, &'t str)>);
        fn reference(text: &str) -> Found<'_> {
            match next_field(text) {
                Some((field, rest)) => (
                    printed::<Tier>(field).map(|t| (t, rest)),
                    printed::<Category>(field).map(|c| (c, rest)),
                ),
                None => (None, None),
            }
        }
        let mut found = 0;
        for text in &texts {
            let ours = (printed_field::<Tier>(text), printed_field::<Category>(text));
            // What is found at once is what the search finds; the rest is left to it.
            let reference = reference(text);
            if ours.0.is_some() {
                assert_eq!(ours.0, reference.0, "{text:?}");
                found += 1;
            }
            if ours.1.is_some() {
                assert_eq!(ours.1, reference.1, "{text:?}");
                found += 1;
            }
            if !text.starts_with(' ') && !text.contains(" ；") {
                assert_eq!(ours, reference, "{text:?}");
            }
        }
        assert!(found > 0);
    }

    #[test]
    fn tier_field_needs_a_named_tier_and_a_separator() {
        assert_eq!(
            tier_field("1-产出指标；12-质量指标；率"),
            Some(Tier::Output)
        );
        assert_eq!(tier_field("效益指标;经济效益指标"), Some(Tier::Benefit));
        assert_eq!(tier_field("2；年度指标值:＜0.2"), None);
        assert_eq!(tier_field("1-产出指标"), None);
        // A code alone is a number's end, in full-width digits too (`≥3.５；`).
        assert_eq!(tier_field("５；年度指标值:≥1场。"), None);
        assert_eq!(tier_field("１－；"), None);
        assert_eq!(tier_field("通过赴欧美开展活动；"), None);
    }

    #[test]
    fn a_value_in_full_width_digits_after_a_point_is_no_record_start() {
        let list = parse_list(
            "1、1-产出指标；11-数量指标；培训场次；实施周期指标值:≥3.５；年度指标值:≥1场。\
             2、1-产出指标；11-数量指标；参训人次；实施周期指标值:≥300人次；年度指标值:≥100人次。",
        );
        assert_eq!(list.indicators.len(), 2);
        assert_eq!(
            list.indicators[0]
                .period
                .as_ref()
                .map(|p| p.raw().to_owned()),
            Some("≥3.５".to_owned())
        );
        assert!(list.diagnostics.is_empty(), "{:?}", list.diagnostics);
    }

    /// A label whose text has no header right after it has none at all.
    #[test]
    fn period_headers_follow_their_labels() {
        for label in PERIOD_LABELS {
            for after in [
                ":1",
                "：1",
                " :1",
                "〔长期指标值〕:1",
                "〔长期〕 ：1",
                "〔未闭:1",
                "",
                "〔〕:1",
            ] {
                let text = format!("名称；{label}{after}；年度指标值:2");
                let (period, _) = find_labels(&text);
                let (at, start) = period.expect("a period label");
                let label_text = &text[at..start];
                if !header_after_label(label_text) {
                    assert_eq!(period_header(label_text), None, "{text}");
                }
            }
        }
    }

    #[test]
    fn labels_take_either_colon() {
        assert_eq!(
            find_labels("名称；实施周期指标值：5"),
            (Some((9, 33)), None)
        );
        assert_eq!(find_labels("名称；年度指标值 :5"), (None, Some((9, 26))));
        let (period, annual) = find_labels("名称；实施周期指标值:5；年度指标值:6");
        assert_eq!((period, annual), (Some((9, 31)), Some((35, 51))));
    }

    #[test]
    fn units_come_from_the_last_group_that_is_one() {
        let unit = |name: &str| {
            let record =
                format!("1、1-产出指标；11-数量指标；{name}；实施周期指标值:1；年度指标值:1。");
            let i: Indicator = record.parse().expect("a record");
            i.name_unit().map(|q| q.to_string())
        };
        assert_eq!(unit("服务对象满意度（%）").as_deref(), Some("1%"));
        assert_eq!(
            unit("全市参展参观参会人次（万人次）").as_deref(),
            Some("1万人次")
        );
        assert_eq!(unit("挖掘新增重要项目线索（个 ）").as_deref(), Some("1个"));
        assert_eq!(
            unit("平均等级事故数(宗)（每万艘次船舶进出港）").as_deref(),
            Some("1宗")
        );
        assert_eq!(unit("大型展览(单展单届面积≥5万平方米)项目个数"), None);
        assert_eq!(unit("客运服务辐射范围（国际地区间客运航点数量）"), None);
        assert_eq!(unit("扶持企业满意度"), None);
    }

    #[test]
    fn codes_need_six_digits_and_a_dash() {
        assert_eq!(
            split_code("111038427-培训服务次数"),
            (Some("111038427".into()), "培训服务次数".into())
        );
        assert_eq!(split_code("2024-2025年运维").0, None);
    }

    #[test]
    fn records_read_their_fields() {
        let (i, problems) = read_record(
            "2-效益指标；21-经济效益指标；出口额；实施周期指标值:≥10亿元。；年度指标值:5亿元。",
            3,
            &mut TargetCache::default(),
        )
        .expect("reads");
        assert!(problems.is_empty());
        assert_eq!(
            (i.tier, i.category, i.name.as_str()),
            (Some(Tier::Benefit), Some(Category::Economic), "出口额")
        );
        assert_eq!(i.period.as_ref().map(Target::raw), Some("≥10亿元"));
        assert_eq!(i.annual.raw(), "5亿元");
        let (i, problems) = read_record(
            "1-产出指标；11-数量指标；场次；年度指标值:3场",
            1,
            &mut TargetCache::default(),
        )
        .expect("reads");
        assert_eq!(i.period, None);
        assert!(problems.is_empty());
        let (_, problems) = read_record(
            "1-产出指标；11-数量指标；场次；实施周期指标值:3场",
            1,
            &mut TargetCache::default(),
        )
        .expect("reads");
        assert_eq!(problems.len(), 1);
        assert!(
            read_record(
                "1-产出指标；11-数量指标；场次",
                1,
                &mut TargetCache::default()
            )
            .is_err()
        );
        assert!(
            read_record(
                "1-产出指标；99-未知；场次；年度指标值:3场",
                1,
                &mut TargetCache::default()
            )
            .is_err()
        );
    }

    #[test]
    fn records_carry_labels_and_the_fields_of_a_grid_row() {
        let text = "2、1-产出指标〔产出指标(50分)〕；〔项目完成〕；维修面积；\
                    实施周期指标值〔长期指标值〕:≥1000平方米；年度指标值:≥400平方米；\
                    实际完成值:420平方米；分值:10；得分:10；指标方向:正向；指标性质:定量；\
                    核心指标:★；文字〔备注〕:含屋面；文字〔偏差原因分析及改进措施〕:无。";
        let i: Indicator = text.parse().expect("a record");
        assert_eq!(i.tier, Some(Tier::Output));
        assert_eq!(i.tier_label.as_deref(), Some("产出指标(50分)"));
        assert_eq!(
            (i.category, i.category_label.as_deref()),
            (None, Some("项目完成"))
        );
        assert_eq!(i.period_label.as_deref(), Some("长期指标值"));
        assert_eq!(i.period.as_ref().map(Target::raw), Some("≥1000平方米"));
        assert_eq!(i.annual.raw(), "≥400平方米");
        assert_eq!(i.actual.as_ref().map(Target::raw), Some("420平方米"));
        assert_eq!(i.weight, Some(Decimal::TEN));
        assert_eq!(i.score, Some(Decimal::TEN));
        assert_eq!(i.direction, Some(Direction::Positive));
        assert_eq!(i.nature, Some(Nature::Quantitative));
        assert!(i.core);
        assert_eq!(i.texts.len(), 2);
        assert_eq!(i.texts[1].role, crate::TextRole::Deviation);
        assert_eq!(i.to_string(), text);
        assert_eq!(i.to_string().parse::<Indicator>(), Ok(i));
    }

    #[test]
    fn lists_report_gaps_and_unsplit_records() {
        let list = Indicator::parse_list(
            "目标。1、1-产出指标；11-数量指标；a；实施周期指标值:1；年度指标值:1。\
             3、1-产出指标；11-数量指标；b；实施周期指标值:2；年度指标值:2。\
             4、1-产出指标；缺少；年度指标值:2。",
        );
        assert_eq!(list.indicators.len(), 2);
        let codes: Vec<_> = list.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(
            codes,
            [
                DiagnosticCode::TextUnparsed,
                DiagnosticCode::IndicatorSequence,
                DiagnosticCode::IndicatorUnsplit
            ]
        );
    }

    #[test]
    fn strict_parse_refuses_what_the_list_reports() {
        let err = |s: &str| s.parse::<Indicator>().unwrap_err().to_string();
        assert_eq!(
            err("1、1-产出指标；11-数量指标；场次；实施周期指标值:3场"),
            "no 年度指标值 in indicator 1 «场次»"
        );
        assert_eq!(
            err("1、1-产出指标；11-数量指标；场次；年度指标值:3场；分值:十"),
            "分值 «十» is no number"
        );
        assert_eq!(
            err("1、1-产出指标；11-数量指标；场次；年度指标值:3场；指标方向:向上"),
            "direction «向上» is not 正向, 反向 or 等于"
        );
        assert_eq!(
            err("目标"),
            "no indicator record (N、tier；category；name；…) in \"目标\""
        );
        assert_eq!(
            err(
                "1、1-产出指标；11-数量指标；a；实施周期指标值:1；年度指标值:1。2、1-产出指标；11-数量指标；b；实施周期指标值:1；年度指标值:1。"
            ),
            "more than one indicator record"
        );
    }
}
