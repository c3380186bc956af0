//! The grammar of target values: one function per production, each under a comment with the
//! production it parses. [`target`] at the bottom drives them: it strips quotes, tries a
//! compound value, then a single value after a subject, then a value trailed by words, and
//! falls back to qualitative words or untyped text.
//!
//! Full-width digits, comparators and spaces are accepted where they stand, never rewritten,
//! so every error offset is an offset into the caller's text.

use super::words::*;
use super::{Baseline, Op, PartialDate, Quantity, Scale, Target, TargetError, Value};
use core::fmt::Write as _;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while};
use nom::combinator::{cut, eof, opt};
use nom::error::{ContextError, ErrorKind, ParseError, context};
use nom::sequence::preceded;
use nom::{IResult, Parser};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// The grammar's error: where it stopped and what it expected there.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Expect<'a> {
    at: &'a str,
    what: &'static str,
    labelled: bool,
}

impl<'a> Expect<'a> {
    fn new(at: &'a str, what: &'static str) -> Self {
        Expect {
            at,
            what,
            labelled: true,
        }
    }

    /// The error that got further, the later one on a tie.
    fn furthest(self, other: Self) -> Self {
        if other.at.len() <= self.at.len() {
            other
        } else {
            self
        }
    }
}

impl<'a> ParseError<&'a str> for Expect<'a> {
    fn from_error_kind(at: &'a str, kind: ErrorKind) -> Self {
        let what = match kind {
            ErrorKind::Eof => "the end of the value",
            ErrorKind::Tag => "a word of the grammar",
            _ => "a target value",
        };
        Expect {
            at,
            what,
            labelled: false,
        }
    }

    fn append(_: &'a str, _: ErrorKind, other: Self) -> Self {
        other
    }

    fn or(self, other: Self) -> Self {
        self.furthest(other)
    }
}

impl<'a> ContextError<&'a str> for Expect<'a> {
    /// A context names what was expected where its parser started; an error further in
    /// keeps its own, more precise, expectation.
    fn add_context(input: &'a str, what: &'static str, other: Self) -> Self {
        if other.labelled && other.at.len() < input.len() {
            other
        } else {
            Expect::new(other.at, what)
        }
    }
}

type Res<'a, T> = IResult<&'a str, T, Expect<'a>>;

fn fail<'a, T>(at: &'a str, what: &'static str) -> Res<'a, T> {
    Err(nom::Err::Error(Expect::new(at, what)))
}

/// The longest entry of `table` that `i` starts with.
fn word<'a, T: Copy>(i: &'a str, table: &Words<T>, what: &'static str) -> Res<'a, T> {
    match table.longest(i) {
        Some((len, &value)) => Ok((&i[len..], value)),
        None => fail(i, what),
    }
}

// ---------------------------------------------------------------------------------------------
// Characters

/// A decimal digit, ASCII or full-width.
pub(super) fn digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A Chinese ideograph.
#[inline]
pub(super) fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}'
        | '\u{3400}'..='\u{4DBF}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2FA1F}')
}

/// A character a unit may be written with: ideographs, Latin letters, and unit symbols.
fn is_unit_char(c: char) -> bool {
    is_cjk(c)
        || c.is_ascii_alphabetic()
        || matches!(c, 'Ａ'..='Ｚ' | 'ａ'..='ｚ')
        || matches!(
            c,
            '㎡' | '㎥'
                | '㎞'
                | '㎏'
                | '㎎'
                | '㎝'
                | '㎜'
                | '℃'
                | '°'
                | '²'
                | '³'
                | '·'
                | 'μ'
                | 'Ω'
        )
}

/// A quote character, stripped around a value and a subject: `“广州海关≤7356万元 …“`.
fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '「' | '」' | '『' | '』' | '《' | '》'
    )
}

/// A comparator symbol character.
pub(super) fn is_op_char(c: char) -> bool {
    matches!(
        c,
        '≥' | '≧' | '⩾' | '≤' | '≦' | '⩽' | '>' | '<' | '=' | '＞' | '＜' | '＝' | '﹦' | '═'
    )
}

/// A character that prints as nothing, or is no text at all: controls (NUL …) other than
/// whitespace, and format characters (zero-width spaces and joiners, direction marks, the
/// byte order mark, the soft hyphen). Inside a number it would hide that the number is two.
pub(super) fn is_hidden(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(
            c,
            '\u{AD}'
                | '\u{61C}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
        )
}

/// A Chinese numeral character.
fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '两' | '贰' => 2,
        '三' | '叁' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

/// A character of a Chinese numeral: a digit, or 十 百 千.
fn is_cn_numeral(c: char) -> bool {
    cn_digit(c).is_some() || matches!(c, '十' | '百' | '千')
}

/// Whether a value starting at `idx` of `text` would start inside a number or a word of Latin
/// letters: a number right after a digit or a letter, or after a decimal point, a thousands
/// separator, a quote or a hidden character that follows one (`99.5`, `234,234`, `8"5%`,
/// `1e400`); a Chinese numeral right after another. The text before is looked at only as far
/// as such characters run, so that the search for a value stays linear.
#[inline]
fn inside_token(text: &str, idx: usize) -> bool {
    let Some(c) = text.get(idx..).and_then(|t| t.chars().next()) else {
        return false;
    };
    let number = digit(c).is_some() || matches!(c, '-' | '－' | '−' | '+' | '＋');
    if !number && !is_cn_numeral(c) {
        return false;
    }
    let before = text[..idx]
        .chars()
        .rev()
        .find(|&p| !(matches!(p, '.' | ',' | '．') || is_quote(p) || is_hidden(p)));
    match before {
        Some(p) if number => digit(p).is_some() || p.is_ascii_alphabetic(),
        Some(p) => is_cn_numeral(p),
        None => false,
    }
}

/// The first and last code points of the main block of ideographs, where most characters of a
/// value are: [`CjkSet`] answers for them from a bitmap.
const CJK_FIRST: u32 = 0x4E00;
const CJK_LAST: u32 = 0x9FFF;

/// A set of ideographs of the main block, as a bitmap built at compile time: one load and a
/// shift answer what a chain of comparisons would.
pub(super) struct CjkSet {
    bits: [u64; ((CJK_LAST - CJK_FIRST) as usize + 1).div_ceil(64)],
}

impl CjkSet {
    /// The set of these characters of the main block (others are left out).
    const fn of(chars: &[char]) -> CjkSet {
        let mut bits = [0u64; ((CJK_LAST - CJK_FIRST) as usize + 1).div_ceil(64)];
        let mut k = 0;
        while k < chars.len() {
            let code = chars[k] as u32;
            if code >= CJK_FIRST && code <= CJK_LAST {
                let at = (code - CJK_FIRST) as usize;
                bits[at / 64] |= 1 << (at % 64);
            }
            k += 1;
        }
        CjkSet { bits }
    }

    /// Whether `c` is in the main block: `Some` of whether it is in the set, else `None`.
    #[inline]
    pub(super) fn holds(&self, c: char) -> Option<bool> {
        let at = (c as u32).checked_sub(CJK_FIRST)? as usize;
        let word = self.bits.get(at / 64)?;
        Some(word >> (at % 64) & 1 == 1)
    }
}

/// The ideographs of the main block a value may start with ([`may_start_slow`]): a test
/// checks the two agree on every character of the block.
const STARTS: CjkSet = CjkSet::of(&[
    // number_start: Chinese numerals and 十
    '零', '一', '壹', '二', '两', '贰', '三', '叁', '四', '肆', '五', '伍', '六', '陆', '七', '柒',
    '八', '捌', '九', '玖', '十', // rank_start
    '居', '位', '排', '进', '保', '稳', '列', '前', '第', '全', '本', '同', '省', '市', '国', '区',
    '县', '行', // relative_start
    '上', '去', '当', '年', '批', '部', '项', '预', '较', '比', '相', '对', '當', '項', '預', '較',
    '對', // op_word_start
    '不', '大', '小', '至', '最', '达', '超', '高', '多', '控', '低', '少', '等', '为', '達', '為',
    // and the rest
    '每', '截',
]);

/// Whether a value may start at a character: the subject search only tries such positions.
#[inline]
pub(super) fn may_start(c: char) -> bool {
    // An ASCII character starts a number or a comparator symbol, or nothing.
    if c.is_ascii() {
        return matches!(c, '0'..='9' | '-' | '+' | '>' | '<' | '=');
    }
    match STARTS.holds(c) {
        Some(start) => start,
        None => may_start_slow(c),
    }
}

/// Whether a value may start at a character, by the start of each production: what
/// [`may_start`] answers from a bitmap for ideographs.
pub(super) fn may_start_slow(c: char) -> bool {
    number_start(c)
        || is_op_char(c)
        || rank_start(c)
        || relative_start(c)
        || op_word_start(c)
        || matches!(c, '±' | '每' | '年' | '截')
}

/// A character a comparator word may start with: 不低于, 大于, 达到, 控制在 …
fn op_word_start(c: char) -> bool {
    matches!(
        c,
        '不' | '大'
            | '小'
            | '至'
            | '最'
            | '达'
            | '超'
            | '高'
            | '多'
            | '控'
            | '低'
            | '少'
            | '等'
            | '为'
            | '達'
            | '為'
    )
}

// ---------------------------------------------------------------------------------------------
// Numbers

// sp = whitespace*   (ASCII, U+3000 and every other Unicode space)
fn sp(i: &str) -> Res<'_, &str> {
    // Whitespace starts with one of these bytes; most text after a token starts with another.
    let may_be_space = i
        .as_bytes()
        .first()
        .is_some_and(|b| matches!(b, b'\t'..=b'\r' | b' ' | 0xC2 | 0xE1 | 0xE2 | 0xE3));
    if !may_be_space {
        return Ok((i, &i[..0]));
    }
    take_while(char::is_whitespace).parse(i)
}

/// The most digits a [`Decimal`] holds: 28, and 29 up to 79228162514264337593543950335.
const MAX_DIGITS: usize = 29;

/// The digits of a number, gathered into an exact mantissa and scale for [`Decimal`].
#[derive(Default)]
struct Digits {
    mantissa: u128,
    scale: u32,
    count: usize,
    overflow: bool,
    /// Where the number stops being one a [`Decimal`] holds, as the length of the text from
    /// there to its end: the digit past [`MAX_DIGITS`], else the last digit.
    stop: usize,
}

impl Digits {
    /// Takes the digits at the start of `i`; returns the rest and how many it took. Digits
    /// after the decimal point raise the scale. It stops past [`MAX_DIGITS`]: such a number
    /// is refused, and reading on would only cost time.
    fn take<'a>(&mut self, i: &'a str, fraction: bool) -> (&'a str, usize) {
        let mut n = 0;
        for (idx, c) in i.char_indices() {
            let Some(d) = digit(c) else {
                return (&i[idx..], n);
            };
            self.stop = i.len() - idx;
            if self.count >= MAX_DIGITS {
                self.overflow = true;
                return (&i[idx..], n);
            }
            match self
                .mantissa
                .checked_mul(10)
                .and_then(|m| m.checked_add(u128::from(d)))
            {
                Some(m) => self.mantissa = m,
                None => self.overflow = true,
            }
            if fraction {
                self.scale += 1;
            }
            n += 1;
            self.count += 1;
        }
        (&i[i.len()..], n)
    }

    fn decimal(&self, negative: bool) -> Option<Decimal> {
        if self.overflow || self.count > MAX_DIGITS {
            return None;
        }
        let mantissa = i128::try_from(self.mantissa).ok()?;
        let mantissa = if negative { -mantissa } else { mantissa };
        Decimal::try_from_i128_with_scale(mantissa, self.scale).ok()
    }
}

// number = sign? digit+ ("," digit{3})* (("." | "．") digit+)?   -- no leading zeros
//
// A number in ASCII digits is read from its bytes; any other as [`number_by_digits`] reads it.
fn number(i: &str) -> Res<'_, Decimal> {
    if i.starts_with(|c: char| c.is_ascii_digit())
        && let Some(read) = fast::ascii_number(i)
    {
        return Ok(read);
    }
    number_by_digits(i)
}

/// A number read digit by digit, whatever its digits: what [`fast::ascii_number`] must agree
/// with.
fn number_by_digits(i: &str) -> Res<'_, Decimal> {
    let mut out = Digits::default();
    let mut rest = i;
    let mut negative = false;
    if let Some(r) = rest.strip_prefix(['-', '－', '−']) {
        negative = true;
        rest = r;
    } else if let Some(r) = rest.strip_prefix(['+', '＋']) {
        rest = r;
    }
    let leading_zero = rest.starts_with(['0', '０']);
    let (r, n) = out.take(rest, false);
    if n == 0 {
        return fail(i, "a number");
    }
    // `02024` is no number a table writes, and would print back as the year 2024.
    if n > 1 && leading_zero {
        return fail(i, "a number without leading zeros");
    }
    rest = r;
    // Thousands separators: exactly three digits after each comma.
    while let Some(after) = rest.strip_prefix(',') {
        if after.chars().take_while(|&c| digit(c).is_some()).count() != 3 {
            break;
        }
        let (r, _) = out.take(after, false);
        rest = r;
    }
    if let Some(after) = rest.strip_prefix(['.', '．'])
        && after.chars().next().and_then(digit).is_some()
    {
        let (r, _) = out.take(after, true);
        rest = r;
    }
    match out.decimal(negative) {
        Some(d) => Ok((rest, d)),
        // Where it stops fitting, so that the error outlives the context of a number.
        None => fail(&i[i.len() - out.stop..], "a number of at most 28 digits"),
    }
}

// cn_number = Chinese numerals below 10000: 一 两 十二 一百二十 三千五百
fn cn_number(i: &str) -> Res<'_, Decimal> {
    let (rest, value) = cn_value(i)?;
    Ok((rest, Decimal::from(value)))
}

/// The most characters a Chinese numeral below 10000 takes: 九千九百九十九 takes 7, and a few
/// more for 零. A longer run of numerals is no number the grammar reads.
const MAX_CN_CHARS: usize = 12;

/// The value of the Chinese numeral at the start of `i`.
fn cn_value(i: &str) -> Res<'_, u32> {
    let mut total: u32 = 0;
    let mut current: Option<u32> = None;
    let mut end = 0;
    for (count, (idx, c)) in i.char_indices().enumerate() {
        if count == MAX_CN_CHARS {
            if is_cn_numeral(c) || c == '〇' {
                return fail(i, "a number");
            }
            break;
        }
        match (c, cn_digit(c)) {
            // 一百零五: a zero inside a numeral only marks a gap.
            ('零' | '〇', _) if end > 0 => {}
            (_, Some(d)) => {
                if current.is_some() {
                    break;
                }
                current = Some(d);
            }
            ('十', _) => {
                total = total.saturating_add(current.unwrap_or(1) * 10);
                current = None;
            }
            ('百' | '千', _) => {
                let Some(d) = current else { break };
                total = total.saturating_add(d * if c == '百' { 100 } else { 1000 });
                current = None;
            }
            _ => break,
        }
        end = idx + c.len_utf8();
    }
    if end == 0 {
        return fail(i, "a number");
    }
    Ok((&i[end..], total.saturating_add(current.unwrap_or(0))))
}

// scale = ("十" | "百" | "千") ("万" | "亿")   -- folded into the amount: 3千万 is 3000万
//       | "十" | "百" | "千" | "万" | "亿" | "万亿"
fn scale(i: &str, amount: Decimal) -> Res<'_, (Decimal, Scale)> {
    let (rest, first) = word(i, &SCALES, "a scale word")?;
    if first.exponent() < 4
        && let Ok((rest2, second)) = word(rest, &SCALES, "a scale word")
        && second.exponent() >= 4
        && let Some(folded) = amount.checked_mul(first.multiplier())
    {
        return Ok((rest2, (folded, second)));
    }
    Ok((rest, (amount, first)))
}

/// A unit, shared instead of allocated where the grammar knows it.
fn intern(unit: &str) -> Cow<'static, str> {
    match KNOWN_UNITS
        .exactly(unit)
        .or_else(|| SHARED_UNITS.exactly(unit))
    {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(unit.to_owned()),
    }
}

/// Whether an open unit must stop at the start of `rest`, whose first character is `c`.
fn unit_stops(rest: &str, c: char) -> bool {
    // Only where a stop word's first character stands (a test checks the bitmap holds each).
    UNIT_STOP_FIRSTS.holds(c) != Some(false) && UNIT_STOPS.longest(rest).is_some()
}

/// The first characters of the words of [`UNIT_STOPS`].
pub(super) const UNIT_STOP_FIRSTS: CjkSet = CjkSet::of(&['以', '之', '及', '或', '左', '至', '到']);

/// A character no open unit starts with: a scale word's or a Chinese numeral's.
fn is_numeral_start(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿') || cn_digit(c).is_some()
}

/// The most characters an open unit takes: `元人民币`, `个工作日`, `标准集装箱`.
const MAX_UNIT_CHARS: usize = 5;

// open_unit = unit_char{1,5} ending before a stop word, not starting with a scale word or a
//             numeral and not ending with 内 前 后
//           | known_unit   -- the known prefix of a longer run: 2个项目的验收工作
fn open_unit(i: &str) -> Res<'_, Cow<'static, str>> {
    // A numeral is no unit: `2024/一` is a date, `2万一千元` no amount of 2万 一千元.
    if i.chars().next().is_some_and(is_numeral_start) {
        return fail(i, "a unit");
    }
    // Most units are known units: read at once where the run ends with one.
    if let Some(known) = known_open_unit(i) {
        return Ok(known);
    }
    unit_run(i)
}

/// The run of unit characters [`open_unit`] reads, once its first character is no numeral.
fn unit_run(i: &str) -> Res<'_, Cow<'static, str>> {
    let mut end = 0;
    let mut count = 0;
    for (idx, c) in i.char_indices() {
        if !is_unit_char(c) || unit_stops(&i[idx..], c) {
            break;
        }
        count += 1;
        if count > MAX_UNIT_CHARS {
            let (rest, ()) = word(i, &KNOWN_UNITS, "a unit")?;
            let unit = &i[..i.len() - rest.len()];
            return Ok((rest, intern(unit)));
        }
        end = idx + c.len_utf8();
    }
    let mut unit = &i[..end];
    while let Some(shorter) = unit.strip_suffix(UNIT_NEVER_ENDS_WITH) {
        unit = shorter;
    }
    if unit.is_empty() {
        return fail(i, "a unit");
    }
    Ok((&i[unit.len()..], intern(unit)))
}

/// A known unit that a run of unit characters at the start of `i` ends with, where it ends
/// (at the end, or before a character that is no unit character or starts a stop word): what
/// the loop of [`open_unit`] reads there, read at once. No known unit starts with a numeral, holds a
/// character that is no unit character or starts a stop word, or ends with 内, 前 or 后 (a
/// test checks), so the loop of [`open_unit`] would read it whole, and intern it the same.
pub(super) fn known_open_unit(i: &str) -> Option<(&str, Cow<'static, str>)> {
    let known = KNOWN_UNITS.longest_word(i)?;
    let rest = i.get(known.len()..)?;
    let ends = rest
        .chars()
        .next()
        .is_none_or(|c| !is_unit_char(c) || unit_stops(rest, c));
    ends.then_some((rest, Cow::Borrowed(known)))
}

// percent = "%" | "％" | "百分比" | "‰" | "百分点" | "个百分点"
fn percent(i: &str) -> Res<'_, Cow<'static, str>> {
    let (rest, unit) = word(i, &PERCENT_WORDS, "a percent sign")?;
    Ok((rest, Cow::Borrowed(unit)))
}

// unit = percent | open_unit
fn unit(i: &str) -> Res<'_, Cow<'static, str>> {
    alt((percent, open_unit)).parse(i)
}

// classifier = known_unit   -- what a Chinese numeral must be followed by: 两场, 一次
fn classifier(i: &str) -> Res<'_, Cow<'static, str>> {
    let (rest, ()) = word(i, &KNOWN_UNITS, "a classifier")?;
    Ok((rest, intern(&i[..i.len() - rest.len()])))
}

// per = ("/" | "／") sp open_unit
fn per(i: &str) -> Res<'_, Cow<'static, str>> {
    // `/` is one byte, `／` starts with 0xEF: any other first byte is no slash.
    let slash = match i.as_bytes().first() {
        Some(b'/' | 0xEF) => i.strip_prefix(['/', '／']),
        _ => None,
    };
    let Some(rest) = slash else {
        return Err(nom::Err::Error(Expect::from_error_kind(i, ErrorKind::Tag)));
    };
    let (rest, _) = sp(rest)?;
    context("the denominator of a rate", open_unit).parse(rest)
}

// per_prefix = "每" period
fn per_prefix(i: &str) -> Res<'_, Cow<'static, str>> {
    let (rest, _) = tag("每").parse(i)?;
    let (rest, period) = word(rest, &PERIODS, "a period")?;
    Ok((rest, Cow::Borrowed(period)))
}

// quantity = number sp (percent | scale sp [unit] | [unit]) [per]
//          | cn_number [scale] classifier [per]
fn quantity(i: &str) -> Res<'_, Quantity> {
    if i.starts_with(|c: char| digit(c).is_some() || matches!(c, '-' | '－' | '−' | '+' | '＋'))
    {
        digit_quantity(i)
    } else {
        cn_quantity(i)
    }
}

/// The quantities read at the positions of one text in one parse: the search for a single
/// value reads the number after a comparator (`达到2`) at the comparator and at the number,
/// and the search for a trailed value reads it again at both. A quantity is a function of the
/// text from where it starts to the end, so a read is kept for any text that ends where this
/// one does, keyed by its length; a text that ends elsewhere (a compound's piece, a value read
/// alone) is read anew.
pub(super) struct Reads<'a> {
    /// The text whose suffixes are remembered; `None` remembers nothing.
    root: Option<&'a str>,
    /// The last quantities read, in place (a parse allocates nothing for them): the length
    /// of the text each was read from, and what was read. A new read takes the oldest's
    /// place.
    found: [Option<(usize, Res<'a, Quantity>)>; Reads::MOST],
    /// Where the next read goes.
    next: usize,
}

impl<'a> Reads<'a> {
    /// The most reads kept: a lookup looks at each, so that the search stays linear. The
    /// reads a parse uses again are those of the positions just before it (`达到2` at 达
    /// and at 2), so the last few serve.
    const MOST: usize = 4;

    /// A memory of the reads of quantities in the suffixes of `root`.
    fn of(root: &'a str) -> Reads<'a> {
        Reads {
            root: Some(root),
            found: [const { None }; Reads::MOST],
            next: 0,
        }
    }

    /// No memory: every quantity is read anew, as the full grammar alone reads it.
    fn off() -> Reads<'a> {
        Reads {
            root: None,
            found: [const { None }; Reads::MOST],
            next: 0,
        }
    }

    /// Whether `i` ends where the root does, and so is a suffix of it.
    fn holds(&self, i: &str) -> bool {
        self.root.is_some_and(|root| {
            root.len()
                .checked_sub(i.len())
                .and_then(|at| root.as_bytes().get(at..))
                .is_some_and(|tail| core::ptr::eq(tail.as_ptr(), i.as_ptr()))
        })
    }

    /// [`quantity`] at the start of `i`, read once for each suffix of the root.
    fn quantity(&mut self, i: &'a str) -> Res<'a, Quantity> {
        // A quantity in Chinese numerals is rare, and a read of anything else fails at once.
        if !starts_with_ascii_digit(i) || !self.holds(i) {
            return quantity(i);
        }
        if let Some((_, read)) = self.found.iter().flatten().find(|(len, _)| *len == i.len()) {
            return read.clone();
        }
        let read = quantity(i);
        if let Some(slot) = self.found.get_mut(self.next) {
            *slot = Some((i.len(), read.clone()));
        }
        self.next = (self.next + 1) % Self::MOST;
        read
    }
}

/// Whether a text starts with an ASCII digit, judged by its first byte.
#[inline]
fn starts_with_ascii_digit(i: &str) -> bool {
    i.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

fn digit_quantity(i: &str) -> Res<'_, Quantity> {
    let (rest, amount) = number(i)?;
    let (after_sp, _) = sp(rest)?;
    let (rest, amount, scale, unit) = if let Ok((r, p)) = percent(after_sp) {
        (r, amount, None, Some(p))
    } else if let Ok((r, (amount, s))) = scale(after_sp, amount) {
        let (r, u) = opt(preceded(sp, unit)).parse(r)?;
        (r, amount, Some(s), u)
    } else {
        let (r, u) = opt(preceded(sp, unit)).parse(rest)?;
        (r, amount, None, u)
    };
    if scale.is_none() && reads_as_date(amount, unit.as_deref()) {
        return fail(i, "a quantity that is no date");
    }
    let (rest, per) = opt(per).parse(rest)?;
    Ok((
        rest,
        Quantity {
            amount,
            scale,
            unit,
            per,
        },
    ))
}

/// Whether a character may follow a date's digits: a digit, `年`, `月`, a date or range
/// separator. A unit that starts with any other reads as no date.
pub(super) fn follows_date_digits(c: char) -> bool {
    digit(c).is_some()
        || matches!(
            c,
            '年' | '月'
                | '.'
                | '-'
                | '/'
                | '．'
                | '－'
                | '—'
                | '–'
                | '~'
                | '～'
                | '〜'
                | '至'
                | '到'
        )
}

/// Whether a quantity without a scale, written in plain digits as the canonical form writes
/// it, would read as a date: `2,023年` and `两千年` would print as the years 2023 and 2000.
/// Such a text is left to the other productions rather than typed as a quantity.
fn reads_as_date(amount: Decimal, unit: Option<&str>) -> bool {
    let Some(unit) = unit else {
        return false;
    };
    if amount.scale() != 0 || amount.is_sign_negative() {
        return false;
    }
    // What may follow a date's digits (see [`could_be_date`]): any other unit reads as no
    // date, and nothing is formatted.
    let first = match unit.chars().next() {
        Some(c) if c.is_whitespace() => unit.trim_start().chars().next(),
        first => first,
    };
    if !first.is_some_and(follows_date_digits) {
        return false;
    }
    // A date starts with 1, 2 or 4 digits ([`could_be_date`]): an amount of another number of
    // digits, before a unit that starts with no digit, makes none.
    let digits = amount
        .mantissa()
        .unsigned_abs()
        .checked_ilog10()
        .unwrap_or(0)
        + 1;
    if first.and_then(digit).is_none() {
        // The digits of the text are the amount's, and `first` follows them: what
        // [`could_be_date`] asks of the text is asked here, before anything is written.
        let may_be = match digits {
            4 => first != Some('月'),
            1 | 2 => first == Some('月'),
            _ => false,
        };
        if !may_be {
            return false;
        }
    }
    if let Some(dated) = plain_year_or_month(amount, unit) {
        return dated;
    }
    // An amount of scale 0 and no sign prints as the digits of its mantissa: written here
    // without the formatter, where they fit in a `u64`.
    let mut written = ShortText::default();
    let mantissa = u64::try_from(amount.mantissa().unsigned_abs());
    if let Ok(mantissa) = mantissa
        && written.push_digits(mantissa)
        && written.write_str(unit).is_ok()
    {
        let text = written.as_str();
        return could_be_date(text) && date(text).is_ok();
    }
    let text = format!("{amount}{unit}");
    could_be_date(&text) && date(&text).is_ok()
}

/// What [`reads_as_date`] answers, found without the date grammar, for the commonest shape
/// of all: four digits before `年`, one or two before `月`, where nothing after that word can
/// be read as more of a date (no digit, numeral, space or range separator). Four digits are
/// then a date where they are a year ([`year`]), one or two where they are a month
/// ([`month`]). `None` for any other shape.
fn plain_year_or_month(amount: Decimal, unit: &str) -> Option<bool> {
    let mut chars = unit.chars();
    let word = chars.next()?;
    let more_of_a_date = |c: char| {
        digit(c).is_some()
            || is_cn_numeral(c)
            || c.is_whitespace()
            || matches!(
                c,
                '至' | '到' | '-' | '－' | '—' | '–' | '~' | '～' | '〜' | '.' | '．' | '/'
            )
    };
    if chars.any(more_of_a_date) {
        return None;
    }
    let value = u32::try_from(amount.mantissa()).ok()?;
    let years = u32::from(PartialDate::MIN_YEAR)..=u32::from(PartialDate::MAX_YEAR);
    match word {
        '年' if (1000..=9999).contains(&value) => Some(years.contains(&value)),
        '月' if value <= 99 => Some((1..=12).contains(&value)),
        _ => None,
    }
}

/// A short text written on the stack, for [`reads_as_date`]: writing more than it holds fails.
struct ShortText {
    bytes: [u8; 64],
    len: usize,
}

impl Default for ShortText {
    fn default() -> Self {
        ShortText {
            bytes: [0; 64],
            len: 0,
        }
    }
}

impl ShortText {
    /// The text written so far.
    fn as_str(&self) -> &str {
        self.bytes
            .get(..self.len)
            .and_then(|b| core::str::from_utf8(b).ok())
            .unwrap_or_default()
    }
}

impl ShortText {
    /// Writes the decimal digits of `n`, as `Display` writes them; `false` where they do not
    /// fit.
    fn push_digits(&mut self, n: u64) -> bool {
        // A `u64` has at most 20 digits: they are written from the end of a buffer.
        let mut digits = [0u8; 20];
        let mut at = digits.len();
        let mut rest = n;
        while let Some(slot) = at.checked_sub(1).and_then(|k| digits.get_mut(k)) {
            *slot = b'0' + (rest % 10) as u8;
            at -= 1;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        let text = digits
            .get(at..)
            .and_then(|d| core::str::from_utf8(d).ok())
            .unwrap_or_default();
        self.write_str(text).is_ok()
    }
}

impl core::fmt::Write for ShortText {
    fn write_str(&mut self, s: &str) -> core::fmt::Result {
        let end = self.len.checked_add(s.len()).ok_or(core::fmt::Error)?;
        let to = self.bytes.get_mut(self.len..end).ok_or(core::fmt::Error)?;
        to.copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

fn cn_quantity(i: &str) -> Res<'_, Quantity> {
    let (rest, amount) = cn_number(i)?;
    let (rest, scale) = match scale(rest, amount) {
        Ok((r, (_, s))) if s.exponent() >= 4 => (r, Some(s)),
        _ => (rest, None),
    };
    let (rest, unit) = classifier(rest)?;
    if scale.is_none() && reads_as_date(amount, Some(&unit)) {
        return fail(i, "a quantity that is no date");
    }
    let (rest, per) = opt(per).parse(rest)?;
    Ok((
        rest,
        Quantity {
            amount,
            scale,
            unit: Some(unit),
            per,
        },
    ))
}

// ---------------------------------------------------------------------------------------------
// Comparators

// op_symbol = "≥" | "≧" | "⩾" | "≤" | "≦" | "⩽" | (">" | "＞" | "<" | "＜") ["=" | "＝"]
//           | equals [equals]
// equals    = "=" | "＝" | "﹦" | "═"        (the small form, and the box-drawing bar some
//                                          tables print for it)
fn op_symbol(i: &str) -> Res<'_, Op> {
    let mut chars = i.chars();
    let op = match chars.next() {
        Some('≥' | '≧' | '⩾') => return Ok((chars.as_str(), Op::Ge)),
        Some('≤' | '≦' | '⩽') => return Ok((chars.as_str(), Op::Le)),
        Some('>' | '＞') => (Op::Gt, Op::Ge),
        Some('<' | '＜') => (Op::Lt, Op::Le),
        Some('=' | '＝' | '﹦' | '═') => (Op::Eq, Op::Eq),
        _ => return fail(i, "a comparator"),
    };
    let rest = chars.as_str();
    match rest.strip_prefix(['=', '＝', '﹦', '═']) {
        Some(rest) => Ok((rest, op.1)),
        None => Ok((rest, op.0)),
    }
}

// op_prefix = op_symbol | op_prefix_word     (≥ ≧ >= ＞＝ … 不低于 不少于 达到 控制在 …)
fn op_prefix(i: &str) -> Res<'_, Op> {
    // A comparator symbol is one of the characters `op_symbol` starts with ([`is_op_char`]).
    match op_symbol(i) {
        Ok(read) => Ok(read),
        Err(_) => word(i, &OP_PREFIX_WORDS, "a comparator"),
    }
}

// comparator = op_prefix sp
fn comparator(i: &str) -> Res<'_, Op> {
    let (i, op) = op_prefix(i)?;
    let (i, _) = sp(i)?;
    Ok((i, op))
}

// symbol = op_symbol sp
fn symbol(i: &str) -> Res<'_, Op> {
    let (i, op) = op_symbol(i)?;
    let (i, _) = sp(i)?;
    Ok((i, op))
}

// op_suffix = 以上 | 及以上 | 以下 | 以内 | 之内 | 内 …
fn op_suffix(i: &str) -> Res<'_, Op> {
    word(i, &OP_SUFFIX_WORDS, "a comparator word")
}

/// A comparator written both before and after the number: they must agree in direction.
fn merge_ops(before: Option<Op>, after: Option<Op>) -> Option<Option<Op>> {
    let more = |op: Op| matches!(op, Op::Ge | Op::Gt);
    Some(match (before, after) {
        (None, op) | (op, None) => op,
        (Some(Op::Eq), Some(op)) | (Some(op), Some(Op::Eq)) => Some(op),
        (Some(a), Some(b)) if more(a) == more(b) => Some(a),
        _ => return None,
    })
}

/// The comparator a word or symbol names, for [`Op`]'s `FromStr`.
pub(super) fn op_word(text: &str) -> Option<Op> {
    if let Ok(("", op)) = op_symbol(text) {
        return Some(op);
    }
    [&OP_PREFIX_WORDS, &OP_SUFFIX_WORDS]
        .iter()
        .flat_map(|table| table.entries.iter())
        .find(|(w, _)| *w == text)
        .map(|&(_, op)| op)
}

// ---------------------------------------------------------------------------------------------
// Values

// prefixes = [per_prefix sp] [comparator]
fn prefixes(i: &str) -> Res<'_, (Option<Cow<'static, str>>, Option<Op>)> {
    let (rest, every) = opt(|i| {
        let (i, period) = per_prefix(i)?;
        let (i, _) = sp(i)?;
        Ok((i, period))
    })
    .parse(i)?;
    let (rest, before) = opt(comparator).parse(rest)?;
    Ok((rest, (every, before)))
}

/// The rest of a compare value once its prefixes and quantity are read: `[sp op_suffix]`.
fn compare_tail<'a>(
    rest: &'a str,
    every: Option<Cow<'static, str>>,
    before: Option<Op>,
    mut value: Quantity,
) -> Res<'a, Value> {
    let (rest, op) = compare_op(rest, every, before, &mut value)?;
    Ok((rest, Value::Compare { op, value }))
}

/// The comparator of a compare value once its prefixes and quantity are read, and the
/// quantity's rate where it was written before (`每年`): [`compare_tail`] without building
/// the value.
fn compare_op<'a>(
    rest: &'a str,
    every: Option<Cow<'static, str>>,
    before: Option<Op>,
    value: &mut Quantity,
) -> Res<'a, Option<Op>> {
    let (suffix, _) = sp(rest)?;
    let read = if suffix.is_empty() {
        None
    } else {
        op_suffix(suffix).ok()
    };
    let (rest, after) = match read {
        Some((rest, op)) => (rest, Some(op)),
        None => (suffix, None),
    };
    let Some(op) = merge_ops(before, after) else {
        return fail(suffix, "comparators that agree");
    };
    if let Some(period) = every {
        match &value.per {
            Some(p) if *p != period => return fail(rest, "one rate"),
            _ => value.per = Some(period),
        }
    }
    Ok((rest, op))
}

// compare = prefixes quantity [sp op_suffix]
#[cfg(test)]
fn compare(i: &str) -> Res<'_, Value> {
    compare_in(i, &mut Reads::off())
}

/// [`compare`], its quantity read through `reads`.
fn compare_in<'a>(i: &'a str, reads: &mut Reads<'a>) -> Res<'a, Value> {
    let (rest, (every, before)) = prefixes(i)?;
    let (rest, value) = context("a number", |i| reads.quantity(i)).parse(rest)?;
    compare_tail(rest, every, before, value)
}

// range_sep = "-" | "－" | "—" | "~" | "～" | "至" | "到"
fn range_sep(i: &str) -> Res<'_, ()> {
    let (rest, _) = sp(i)?;
    let (rest, ()) = word(rest, &RANGE_SEPARATORS, "a range separator")?;
    let (rest, _) = sp(rest)?;
    Ok((rest, ()))
}

/// The rest of a range once its low end is read: `range_sep quantity`. The low end takes the
/// high end's unit where it has none: `3-5年`.
fn range_tail(rest: &str, mut low: Quantity) -> Res<'_, Value> {
    let (rest, ()) = range_sep(rest)?;
    let (rest, high) = context("a number", quantity).parse(rest)?;
    if low.scale.is_none() && low.unit.is_none() && low.per.is_none() {
        low.scale = high.scale;
        low.unit.clone_from(&high.unit);
        low.per.clone_from(&high.per);
    }
    Ok((rest, Value::Range { low, high }))
}

// plus_minus = "±" quantity [sp ("以内" | "之内")]
fn plus_minus(i: &str) -> Res<'_, Value> {
    let Some(rest) = i.strip_prefix('±') else {
        return fail(i, "±");
    };
    let (rest, high) = cut(context("a number", quantity)).parse(rest)?;
    let (rest, _) = opt(preceded(sp, alt((tag("以内"), tag("之内"))))).parse(rest)?;
    let low = Quantity {
        amount: -high.amount,
        ..high.clone()
    };
    Ok((rest, Value::Range { low, high }))
}

// amount = plus_minus
//        | quantity range_sep quantity   -- a range
//        | compare                       -- the quantity read once for both
#[cfg(test)]
fn amount(i: &str) -> Res<'_, Value> {
    amount_in(i, &mut Reads::off())
}

/// [`amount`], its first quantity read through `reads`.
fn amount_in<'a>(i: &'a str, reads: &mut Reads<'a>) -> Res<'a, Value> {
    if i.starts_with('±') {
        return plus_minus(i);
    }
    let (rest, (every, before)) = prefixes(i)?;
    let (rest, value) = context("a number", |i| reads.quantity(i)).parse(rest)?;
    if every.is_none() && before.is_none() && range_sep(rest).is_ok() {
        return range_tail(rest, value);
    }
    compare_tail(rest, every, before, value)
}

// year = digit{4} in 1900..=2199, not followed by a digit
fn year(i: &str) -> Res<'_, u16> {
    let mut value: u32 = 0;
    let mut chars = i.char_indices();
    for _ in 0..4 {
        match chars.next().and_then(|(_, c)| digit(c)) {
            Some(d) => value = value * 10 + d,
            None => return fail(i, "a year"),
        }
    }
    let end = chars.next();
    if end.is_some_and(|(_, c)| digit(c).is_some())
        || !(u32::from(PartialDate::MIN_YEAR)..=u32::from(PartialDate::MAX_YEAR)).contains(&value)
    {
        return fail(i, "a year");
    }
    let rest = end.map_or("", |(idx, _)| &i[idx..]);
    Ok((rest, value as u16))
}

/// One or two digits (or a Chinese numeral) within `range`, not followed by a digit.
fn small_number<'a>(
    i: &'a str,
    range: core::ops::RangeInclusive<u32>,
    what: &'static str,
) -> Res<'a, u8> {
    let mut value = 0;
    let mut count = 0;
    let mut end = 0;
    for (idx, c) in i.char_indices() {
        let Some(d) = digit(c) else { break };
        if count == 2 {
            return fail(i, what);
        }
        value = value * 10 + d;
        count += 1;
        end = idx + c.len_utf8();
    }
    let (rest, value) = if count == 0 {
        cn_value(i).map_err(|_| nom::Err::Error(Expect::new(i, what)))?
    } else {
        (&i[end..], value)
    };
    match u8::try_from(value) {
        Ok(v) if range.contains(&value) => Ok((rest, v)),
        _ => fail(i, what),
    }
}

// month = digit{1,2} | cn_number, in 1..=12
fn month(i: &str) -> Res<'_, u8> {
    small_number(i, 1..=12, "a month")
}

// day = digit{1,2} | cn_number, in 1..=31
fn day(i: &str) -> Res<'_, u8> {
    small_number(i, 1..=31, "a day")
}

// month_cn = month sp "月" ["份"] [sp day sp ("日" | "号")] ["底" | "末"]
fn month_cn(i: &str) -> Res<'_, (u8, Option<u8>)> {
    let (rest, m) = month(i)?;
    let (rest, _) = preceded(sp, tag("月")).parse(rest)?;
    let (rest, _) = opt(tag("份")).parse(rest)?;
    let (rest, d) = opt(|i| {
        let (i, d) = preceded(sp, day).parse(i)?;
        let (i, _) = preceded(sp, alt((tag("日"), tag("号")))).parse(i)?;
        Ok((i, d))
    })
    .parse(rest)?;
    let (rest, _) = opt(alt((tag("底"), tag("末")))).parse(rest)?;
    Ok((rest, (m, d)))
}

// year_end = "年底" | "年末" | "底" | "末"    -- December
fn year_end(i: &str) -> Res<'_, u8> {
    let (rest, _) = alt((tag("年底"), tag("年末"), tag("底"), tag("末"))).parse(i)?;
    Ok((rest, 12))
}

// date_cn = year sp "年" ["度"] [sp month_cn | year_end] | month_cn | "年底" | "年末"
//
// A day that is no day of its month (`2024年2月30日`) is no date.
fn date_cn(i: &str) -> Res<'_, PartialDate> {
    if let Ok((rest, y)) = year(i) {
        let (rest, _) = preceded(sp, tag("年")).parse(rest)?;
        let (rest, _) = opt(tag("度")).parse(rest)?;
        if let Ok((rest, (m, d))) = preceded(sp, month_cn).parse(rest) {
            return Ok((rest, date_of(i, Some(y), Some(m), d)?));
        }
        if let Ok((rest, m)) = year_end(rest) {
            return Ok((rest, date_of(i, Some(y), Some(m), None)?));
        }
        return Ok((rest, date_of(i, Some(y), None, None)?));
    }
    if let Ok((rest, (m, d))) = month_cn(i) {
        return Ok((rest, date_of(i, None, Some(m), d)?));
    }
    let (rest, _) = alt((tag("年底"), tag("年末"))).parse(i)?;
    Ok((rest, date_of(i, None, Some(12), None)?))
}

/// The date of these parts, read at `at`, or an error where they make none
/// ([`PartialDate::from_parts`]).
fn date_of(
    at: &str,
    year: Option<u16>,
    month: Option<u8>,
    day: Option<u8>,
) -> Result<PartialDate, nom::Err<Expect<'_>>> {
    PartialDate::from_parts(year, month, day)
        .ok_or_else(|| nom::Err::Error(Expect::new(at, "a day of the calendar")))
}

// date_sep = year sep month [sep day] with sep one of . - / ． and the same both times
//
// Returns whether the date could also be a number (`2023.07`): such a date needs a span or a
// suffix to be read as one.
fn date_sep(i: &str) -> Res<'_, (PartialDate, bool)> {
    let (rest, y) = year(i)?;
    let Some(sep) = rest
        .chars()
        .next()
        .filter(|c| matches!(c, '.' | '-' | '/' | '．'))
    else {
        return fail(rest, "a date separator");
    };
    let (rest, m) = month(&rest[sep.len_utf8()..])?;
    if let Some(after) = rest.strip_prefix(sep)
        && let Ok((rest, d)) = day(after)
    {
        return Ok((rest, (date_of(i, Some(y), Some(m), Some(d))?, false)));
    }
    let numeric = matches!(sep, '.' | '．');
    Ok((rest, (date_of(i, Some(y), Some(m), None)?, numeric)))
}

// date_point = date_sep | date_cn
fn date_point(i: &str) -> Res<'_, (PartialDate, bool)> {
    alt((date_sep, |i| date_cn(i).map(|(rest, d)| (rest, (d, false))))).parse(i)
}

// date_span = year range_sep year "年" ["度"]      -- 2023-2024年
//           | date_point [range_sep date_point]   -- the end takes the start's year
//
// Returns whether the span could also be a number (`2023.07` alone).
fn date_span(i: &str) -> Res<'_, (PartialDate, Option<PartialDate>, bool)> {
    if let Ok((rest, from)) = year(i)
        && let Ok((rest, ())) = range_sep(rest)
        && let Ok((rest, to)) = year(rest)
        && let Ok((rest, _)) = tag::<_, _, Expect<'_>>("年").parse(rest)
    {
        let (rest, _) = opt(tag("度")).parse(rest)?;
        let from = date_of(i, Some(from), None, None)?;
        let span = (from, Some(date_of(i, Some(to), None, None)?), false);
        return Ok((rest, span));
    }
    let (rest, (start, numeric)) = date_point(i)?;
    let (rest, end) = opt(preceded(range_sep, date_point)).parse(rest)?;
    let end = match end {
        // The end takes the start's year, and must then still be a day of the calendar.
        Some((e, _)) if e.year.is_none() => Some(date_of(i, start.year, e.month, e.day)?),
        Some((e, _)) => Some(e),
        None => None,
    };
    Ok((rest, (start, end, numeric && end.is_none())))
}

/// Whether a date may start here (after any comparator): four digits before 年, a date
/// separator or a range separator, or one or two digits before 月. A cheap test that lets
/// most numbers skip the date grammar.
fn could_be_date(i: &str) -> bool {
    // Most numbers are in ASCII digits: they are counted by their bytes, and the characters
    // after them looked at only where they are not full-width digits.
    let ascii = i.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, after) = match i.get(ascii..) {
        Some(after) if !fast::full_width_digit(after.as_bytes()) => (ascii, after),
        _ => {
            let digits = i.chars().take_while(|&c| digit(c).is_some()).count();
            let at = i.char_indices().nth(digits).map_or(i.len(), |(idx, _)| idx);
            (digits, &i[at..])
        }
    };
    let next = || after.trim_start().chars().next();
    match digits {
        0 => {
            i.starts_with(|c: char| cn_digit(c).is_some() || c == '十')
                || i.starts_with("年底")
                || i.starts_with("年末")
        }
        4 => next().is_some_and(|c| {
            matches!(
                c,
                '年' | '.' | '-' | '/' | '．' | '－' | '—' | '–' | '~' | '～' | '〜' | '至' | '到'
            )
        }),
        1 | 2 => next() == Some('月'),
        _ => false,
    }
}

/// Where a date that [`could_be_date`] allows starts with a Chinese numeral, whether `月`
/// follows the numerals (after any space): such a date is a month ([`month_cn`]), and no
/// other production of a date starts with a numeral. Any other start is allowed.
fn could_be_cn_month(i: &str) -> bool {
    if !i.starts_with(is_cn_numeral) {
        return true;
    }
    i.trim_start_matches(is_cn_numeral)
        .trim_start()
        .starts_with('月')
}

// date = [comparator] date_span [date_suffix] [date_filler]
fn date(i: &str) -> Res<'_, Value> {
    let (rest, before) = opt(comparator).parse(i)?;
    let (rest, (date, until, numeric)) = context("a date", date_span).parse(rest)?;
    let (rest, after) =
        opt(preceded(sp, |i| word(i, &DATE_SUFFIX_WORDS, "前 or 后"))).parse(rest)?;
    if numeric && after.is_none() {
        return fail(i, "a date with a span or 前, 后");
    }
    let (rest, _) = opt(|i| word(i, &DATE_FILLERS, "a verb")).parse(rest)?;
    let Some(op) = merge_ops(before, after) else {
        return fail(rest, "comparators that agree");
    };
    Ok((rest, Value::Date { op, date, until }))
}

// as_of = ("截至" | "截止" | "截止到") sp date_point ["前"] sp [("，" | "," | "：" | ":") sp]
fn as_of(i: &str) -> Res<'_, PartialDate> {
    if !i.starts_with('截') {
        return fail(i, "截至");
    }
    let (rest, ()) = word(i, &AS_OF_WORDS, "截至")?;
    let (rest, _) = sp(rest)?;
    let (rest, (date, _)) = context("a date", date_point).parse(rest)?;
    let (rest, _) = opt(tag("前")).parse(rest)?;
    let (rest, _) = sp(rest)?;
    let (rest, _) = opt(alt((tag("，"), tag(","), tag("："), tag(":")))).parse(rest)?;
    let (rest, _) = sp(rest)?;
    Ok((rest, date))
}

// rank_number = digit+ | cn_number, at least 1
fn rank_number(i: &str) -> Res<'_, u32> {
    let (rest, n) = match number(i) {
        Ok((rest, n)) if n.scale() == 0 => (rest, u32::try_from(n.mantissa()).unwrap_or(0)),
        Ok(_) => return fail(i, "a rank"),
        Err(_) => cn_value(i)?,
    };
    if n == 0 {
        return fail(i, "a rank");
    }
    Ok((rest, n))
}

// scope = scope_start ideograph{0,7}, ending just before 前 or 第: 全市, 全国同类城市
fn scope(i: &str) -> Res<'_, &str> {
    if !i.starts_with(SCOPE_STARTS) {
        return fail(i, "a scope");
    }
    for (count, (idx, c)) in i.char_indices().enumerate() {
        if count > 0 && (c == '前' || c == '第') {
            return Ok((&i[idx..], &i[..idx]));
        }
        if !is_cjk(c) || count >= 8 {
            break;
        }
    }
    fail(i, "a scope")
}

// rank = [symbol] [rank_verb] [scope] ("前" rank_number ["名" | "位"] ["以内"]
//                                          | "第" rank_number ["名" | "位"])
fn rank(i: &str) -> Res<'_, Value> {
    let (rest, stated) = opt(symbol).parse(i)?;
    let (rest, _) = opt(|i| word(i, &RANK_VERBS, "居")).parse(rest)?;
    let (rest, scope) = opt(scope).parse(rest)?;
    let (rest, first) = alt((tag("前"), tag("第"))).parse(rest)?;
    let (rest, rank) = context("a rank", rank_number).parse(rest)?;
    let (rest, _) = opt(alt((tag("名"), tag("位")))).parse(rest)?;
    let (rest, op) = if first == "前" {
        let (rest, _) = opt(tag("以内")).parse(rest)?;
        match stated {
            None | Some(Op::Le) => (rest, Op::Le),
            Some(_) => return fail(rest, "comparators that agree"),
        }
    } else {
        (rest, stated.unwrap_or(Op::Eq))
    };
    let scope = scope.map(str::to_owned);
    Ok((rest, Value::Rank { op, rank, scope }))
}

// previous_year = ("上年" | "上年度" | "上一年" | "去年" | "上年同期" | "同期" …) [baseline_filler]
fn previous_year(i: &str) -> Res<'_, Baseline> {
    let (rest, ()) = word(i, &PREVIOUS_YEAR, "上年")?;
    let (rest, _) = opt(|i| word(i, &BASELINE_FILLERS, "水平")).parse(rest)?;
    Ok((rest, Baseline::PreviousYear))
}

// budget = [budget_prefix] "预算" [budget_suffix]    (当年预算数, 预算申报数, 批复预算)
fn budget(i: &str) -> Res<'_, Baseline> {
    let (rest, _) = opt(|i| word(i, &BUDGET_PREFIXES, "当年")).parse(i)?;
    let (rest, _) = alt((tag("预算"), tag("預算"))).parse(rest)?;
    let (rest, _) = opt(|i| word(i, &BUDGET_SUFFIXES, "数")).parse(rest)?;
    Ok((rest, Baseline::Budget))
}

// baseline = previous_year | budget
fn baseline(i: &str) -> Res<'_, Baseline> {
    context("上年 or 预算", alt((previous_year, budget))).parse(i)
}

/// The most characters of what a relative value measures: a short noun phrase. The cap keeps
/// the search for a value linear where a run of ideographs ends in something else.
const MAX_MEASURE_CHARS: usize = 32;

// measure = ideograph{1,32}, up to a note or the end, and no date it holds by: 年度会展行业展览规模
fn measure(i: &str) -> Res<'_, &str> {
    let mut end = 0;
    for (count, (idx, c)) in i.char_indices().enumerate() {
        if !is_cjk(c) {
            break;
        }
        if count == MAX_MEASURE_CHARS {
            return fail(i, "what is measured");
        }
        end = idx + c.len_utf8();
    }
    let after = i[end..].trim_start();
    let ends = after.is_empty() || after.starts_with(['（', '(']);
    // `上年度截至一月`: 截至一月 is when, not what.
    if end == 0 || !ends || as_of(i).is_ok() {
        return fail(i, "what is measured");
    }
    Ok((&i[end..], &i[..end]))
}

// relative_bound = [comparator] baseline [sp op_suffix] [measure]
fn relative_bound(i: &str) -> Res<'_, (Value, Option<&str>)> {
    let (rest, before) = opt(comparator).parse(i)?;
    let (rest, baseline) = baseline(rest)?;
    let (rest, after) = opt(preceded(sp, op_suffix)).parse(rest)?;
    let Some(op) = merge_ops(before, after) else {
        return fail(rest, "comparators that agree");
    };
    let (rest, measured) = opt(measure).parse(rest)?;
    Ok((
        rest,
        (
            Value::Relative {
                op,
                baseline,
                value: None,
            },
            measured,
        ),
    ))
}

/// The comparator on a change that was negated: at least −5% is at most a fall of 5%.
pub(super) fn flip(op: Op) -> Op {
    match op {
        Op::Ge => Op::Le,
        Op::Gt => Op::Lt,
        Op::Le => Op::Ge,
        Op::Lt => Op::Gt,
        Op::Eq => Op::Eq,
    }
}

// relative_change = (change_ref baseline | "同比") sp change_verb sp [comparator] quantity
//                   [sp op_suffix]
fn relative_change(i: &str) -> Res<'_, (Value, Option<&str>)> {
    let (rest, baseline) = match tag::<_, _, Expect<'_>>("同比").parse(i) {
        Ok((rest, _)) => (rest, Baseline::PreviousYear),
        Err(_) => {
            let (rest, ()) = word(i, &CHANGE_REFS, "较")?;
            baseline(rest)?
        }
    };
    let (rest, _) = sp(rest)?;
    let (rest, up) = word(rest, &CHANGE_VERBS, "增长 or 下降")?;
    let (rest, _) = sp(rest)?;
    let (rest, before) = opt(comparator).parse(rest)?;
    let (rest, mut change) = context("a number", quantity).parse(rest)?;
    let (rest, after) = opt(preceded(sp, op_suffix)).parse(rest)?;
    let Some(mut op) = merge_ops(before, after) else {
        return fail(rest, "comparators that agree");
    };
    if !up {
        change.amount = -change.amount;
        op = op.map(flip);
    }
    Ok((
        rest,
        (
            Value::Relative {
                op,
                baseline,
                value: Some(change),
            },
            None,
        ),
    ))
}

// relative = relative_change | relative_bound
fn relative(i: &str) -> Res<'_, (Value, Option<&str>)> {
    alt((relative_change, relative_bound)).parse(i)
}

/// Where the parentheses of a text close, found in one pass: the search for a value tries a
/// note after every position a value may end, and scanning each note anew would make it
/// quadratic (`1（1（1（…`).
///
/// Positions are lengths to the end of the text, so that any suffix of it, as the grammar
/// sees its input, finds its parentheses.
#[derive(Debug, Default)]
pub(super) struct Notes {
    /// For each opening parenthesis that closes: its length to the end, and its partner's.
    pairs: Vec<(usize, usize)>,
}

impl Notes {
    /// The parentheses of `text`: `（` and `(` open, `）` and `)` close, nested.
    pub(super) fn of(text: &str) -> Notes {
        let mut pairs = Vec::new();
        // `(` is one byte, `（` is `EF BC 88`: a text without either has no note.
        let bytes = text.as_bytes();
        let may_open = OPEN_LEADS.any_at(bytes, |at| {
            bytes.get(at) == Some(&b'(') || bytes.get(at..at + 3) == Some(&[0xEF, 0xBC, 0x88])
        });
        if !may_open {
            return Notes { pairs };
        }
        let mut open = Vec::new();
        for (idx, c) in text.char_indices() {
            match c {
                '（' | '(' => open.push(text.len() - idx),
                '）' | ')' => {
                    if let Some(from) = open.pop() {
                        pairs.push((from, text.len() - idx));
                    }
                }
                _ => {}
            }
        }
        pairs.sort_unstable();
        Notes { pairs }
    }

    // note = ("（" | "(") balanced text ("）" | ")")
    fn note<'a>(&self, i: &'a str) -> Res<'a, &'a str> {
        let Some(inner) = i.strip_prefix(['（', '(']) else {
            return fail(i, "a note in parentheses");
        };
        let close = self
            .pairs
            .binary_search_by_key(&i.len(), |&(from, _)| from)
            .ok()
            .map(|k| self.pairs[k].1)
            .filter(|&to| to < i.len());
        let Some(to) = close else {
            return Err(nom::Err::Failure(Expect::new(
                &inner[inner.len()..],
                "a closing parenthesis",
            )));
        };
        let at = i.len() - to;
        let after = i[at..].chars().next().map_or(0, char::len_utf8);
        Ok((&i[at + after..], &i[i.len() - inner.len()..at]))
    }
}

/// The first bytes of an opening parenthesis: `(`, and `EF` of `（`.
const OPEN_LEADS: ByteSet = ByteSet::of(b"(\xEF");

/// A note read alone, for the tests of the production.
#[cfg(test)]
fn note(i: &str) -> Res<'_, &str> {
    Notes::of(i).note(i)
}

// value_end = [sp note] sp EOF
fn value_end<'a>(i: &'a str, notes: &Notes) -> Res<'a, Option<&'a str>> {
    let (rest, n) = opt(preceded(sp, |i| notes.note(i))).parse(i)?;
    let (rest, _) = sp(rest)?;
    let (rest, _) = context("the end of the value", eof).parse(rest)?;
    Ok((rest, n.map(str::trim).filter(|n| !n.is_empty())))
}

/// A value with what the grammar found around it.
struct Qualified<'a> {
    value: Value,
    measure: Option<&'a str>,
    note: Option<&'a str>,
}

fn rank_value(i: &str) -> Res<'_, (Value, Option<&str>)> {
    rank(i).map(|(rest, value)| (rest, (value, None)))
}

fn date_value(i: &str) -> Res<'_, (Value, Option<&str>)> {
    date(i).map(|(rest, value)| (rest, (value, None)))
}

/// A character a rank may start with, after any comparator: a verb (居), a scope (全市),
/// 前 or 第.
fn rank_start(c: char) -> bool {
    matches!(
        c,
        '居' | '位'
            | '排'
            | '进'
            | '保'
            | '稳'
            | '列'
            | '前'
            | '第'
            | '全'
            | '本'
            | '同'
            | '省'
            | '市'
            | '国'
            | '区'
            | '县'
            | '行'
    )
}

/// A character a relative value may start with, after any comparator: a baseline (上年,
/// 预算 …) or a change (较, 同比 …).
fn relative_start(c: char) -> bool {
    matches!(
        c,
        '上' | '去'
            | '前'
            | '同'
            | '当'
            | '本'
            | '年'
            | '批'
            | '部'
            | '项'
            | '预'
            | '较'
            | '比'
            | '相'
            | '对'
            | '當'
            | '項'
            | '預'
            | '較'
            | '對'
    )
}

/// Whether a relative value may start at `i`, or after the comparator it starts with, at
/// `after_op`: a change starts with `同比` or a word of [`CHANGE_REFS`], a bound (after any
/// comparator) with a baseline, a word of [`PREVIOUS_YEAR`], of [`BUDGET_PREFIXES`] or
/// `预算`. [`RELATIVE_STARTS`] holds them all (a test checks).
fn relative_may_start(i: &str, after_op: Option<&str>) -> bool {
    RELATIVE_STARTS.longest(i).is_some()
        || after_op.is_some_and(|rest| RELATIVE_STARTS.longest(rest).is_some())
}

/// A character a number may start with: a digit, a sign, a Chinese numeral.
fn number_start(c: char) -> bool {
    digit(c).is_some() || cn_digit(c).is_some() || matches!(c, '-' | '－' | '−' | '+' | '＋' | '十')
}

// qualified = (rank | relative | date | amount) value_end
//
// Each production is tried only where its first character allows, in this order. Where
// `prune`, a relative value is tried only where one of its first words ([`RELATIVE_STARTS`])
// stands: the value found is the same, the error (the furthest an attempt read) may differ.
fn qualified<'a>(i: &'a str, notes: &Notes, prune: bool) -> Res<'a, Qualified<'a>> {
    qualified_in(i, notes, prune, &mut Reads::off())
}

/// The productions of [`qualified`], in the order they are tried.
#[derive(Clone, Copy)]
enum Production {
    Rank,
    Relative,
    Date,
    Amount,
}

/// [`qualified`], the quantity of an amount read through `reads`.
fn qualified_in<'a>(
    i: &'a str,
    notes: &Notes,
    prune: bool,
    reads: &mut Reads<'a>,
) -> Res<'a, Qualified<'a>> {
    let first = i.chars().next();
    let (after_op, had_op) = match op_prefix(i) {
        Ok((rest, _)) => (sp(rest).map_or(rest, |(rest, _)| rest), true),
        Err(_) => (i, false),
    };
    let next = after_op.chars().next();
    let productions: [(bool, Production); 4] = [
        (
            first.is_some_and(rank_start)
                || first.is_some_and(is_op_char) && next.is_some_and(rank_start),
            Production::Rank,
        ),
        (
            (first.is_some_and(relative_start) || had_op && next.is_some_and(relative_start))
                && (!prune || relative_may_start(i, had_op.then_some(after_op))),
            Production::Relative,
        ),
        (
            could_be_date(after_op) && (!prune || could_be_cn_month(after_op)),
            Production::Date,
        ),
        (
            // After a comparator nothing but a number can follow: try, to say so (but where
            // `prune`).
            matches!(first, Some('±' | '每')) || had_op && !prune || next.is_some_and(number_start),
            Production::Amount,
        ),
    ];
    let mut furthest: Option<Expect<'_>> = None;
    for (possible, production) in productions {
        if !possible {
            continue;
        }
        let read = match production {
            Production::Rank => rank_value(i),
            Production::Relative => relative(i),
            Production::Date => date_value(i),
            Production::Amount => amount_in(i, reads).map(|(rest, value)| (rest, (value, None))),
        };
        let attempt = read.and_then(|(rest, (value, measure))| {
            let (rest, note) = value_end(rest, notes)?;
            Ok((
                rest,
                Qualified {
                    value,
                    measure,
                    note,
                },
            ))
        });
        match attempt {
            Err(nom::Err::Error(e)) => {
                furthest = Some(furthest.map_or(e, |f| f.furthest(e)));
            }
            done => return done,
        }
    }
    Err(nom::Err::Error(
        furthest.unwrap_or_else(|| Expect::new(i, "a target value")),
    ))
}

// ---------------------------------------------------------------------------------------------
// The driver

/// A single value with its subject, date and note, before it becomes a [`Target`].
struct Single<'a> {
    value: Value,
    subject: Option<&'a str>,
    as_of: Option<PartialDate>,
    note: Option<&'a str>,
}

impl Single<'_> {
    fn into_target(self, raw: &str) -> Target {
        Target {
            raw: super::raw::RawText::new(raw),
            value: self.value,
            subject: self.subject.map(super::raw::RawText::new),
            as_of: self.as_of,
            note: self.note.map(super::raw::RawText::new),
        }
    }
}

/// The subject as written before the value: without the separators it starts with or the
/// colon it ends with, and only if it has something to say (an ideograph, letter or digit).
/// A separator it ends with (`合格率，`) stays, so that the canonical form splits as the text
/// did.
fn clean_subject(text: &str) -> Option<&str> {
    let text = text
        .trim_start_matches(|c: char| {
            c.is_whitespace()
                || matches!(c, '：' | ':' | '，' | ',' | '、' | '；' | ';')
                || is_quote(c)
        })
        .trim_end_matches(|c: char| c.is_whitespace() || c == '：' || c == ':' || is_quote(c));
    text.chars()
        .any(|c| is_cjk(c) || c.is_alphanumeric())
        .then_some(text)
}

/// How much of `text` the date a value holds by takes (`截至2026年，`), if it starts with one.
pub(super) fn as_of_len(text: &str) -> Option<usize> {
    as_of(text).ok().map(|(rest, _)| text.len() - rest.len())
}

/// How far a date the value holds by that starts at `at` (`截至一月`) reads, if one does: a
/// value cannot start before that end, inside the date (`3000；截至一月` is no date 1月 with
/// the subject `3000；截至`, whose canonical form `3000；截至：1月` would read otherwise).
fn as_of_end(rest: &str, at: usize) -> Option<usize> {
    let from = rest.get(at..)?;
    as_of(from).ok().map(|(after, _)| rest.len() - after.len())
}

/// The pieces of a subject that a separator follows: all of them where the subject ends
/// with one; none where it holds no separator.
fn listed_pieces(subject: &str) -> Vec<&str> {
    if !has_separator(subject) {
        return Vec::new();
    }
    let mut pieces = split_parts(subject, false);
    if !subject.trim_end().ends_with(is_separator) {
        pieces.pop();
    }
    pieces
}

/// Whether a subject lists a value before a separator (`2024；6月` in `2024；6月30日…`): the
/// text is then a list, whose canonical form would read as a compound, not a subject. The
/// search asks it of each subject through a [`Listing`]; the tests ask it alone.
#[cfg(test)]
fn lists_a_value(subject: &str) -> bool {
    // Each piece searched on its own, without the fast path of a part.
    listed_pieces(subject).iter().any(|piece| {
        !fast::words(piece)
            && single(piece, true, true)
                .ok()
                .or_else(|| trailed(piece, true))
                .is_some_and(|s| is_typed(&s.value))
    })
}

/// The pieces of a text between separators that were searched for a value, and whether each
/// is a typed one: the compound asks it of each piece, and so does the search for a single or
/// trailed value of each subject it finds, at each position and in each piece it searches;
/// they ask about the same pieces, slices of one text. Each piece, by its place in the text,
/// is searched once.
struct Listing<'a> {
    /// The text the pieces are slices of.
    root: &'a str,
    /// For each byte offset of the root, one more than the index in `found` of the piece
    /// that starts there, or 0; sized past [`Listing::FEW`] pieces.
    at: Vec<u32>,
    /// Each piece searched, and whether it is a typed value.
    found: Vec<(&'a str, bool)>,
}

impl<'a> Listing<'a> {
    /// A listing of the pieces of `root`, none searched yet.
    fn new(root: &'a str) -> Listing<'a> {
        Listing {
            root,
            at: Vec::new(),
            found: Vec::new(),
        }
    }

    /// [`lists_a_value`], asking about each piece once.
    fn lists_a_value(&mut self, subject: &'a str) -> bool {
        listed_pieces(subject).iter().any(|piece| self.typed(piece))
    }

    /// Whether a piece of the root is a typed value ([`part`]), searched only where it was
    /// not yet.
    fn typed(&mut self, piece: &'a str) -> bool {
        if let Some(typed) = self.known(piece) {
            return typed;
        }
        let typed = !fast::words(piece) && part(piece, self).is_some();
        self.record(piece, typed);
        typed
    }

    /// Whether a piece of the root is a typed value, where it was searched. A few pieces are
    /// looked up one by one; past [`Listing::FEW`], by where they start.
    fn known(&self, piece: &str) -> Option<bool> {
        let same = |f: &&(&str, bool)| {
            core::ptr::eq(f.0.as_ptr(), piece.as_ptr()) && f.0.len() == piece.len()
        };
        if self.at.is_empty() {
            return self.found.iter().find(same).map(|f| f.1);
        }
        let k = usize::try_from(*self.at.get(self.offset(piece)?)?).ok()?;
        self.found.get(k.checked_sub(1)?).filter(same).map(|f| f.1)
    }

    /// Keeps whether a piece of the root is a typed value.
    fn record(&mut self, piece: &'a str, typed: bool) {
        let Some(start) = self.offset(piece) else {
            return;
        };
        self.found.push((piece, typed));
        if self.found.len() > Self::FEW && self.at.is_empty() {
            self.at = vec![0; self.root.len() + 1];
            for (n, f) in self.found.iter().enumerate() {
                let at = self.offset(f.0).and_then(|at| self.at.get_mut(at));
                if let (Some(at), Ok(k)) = (at, u32::try_from(n + 1)) {
                    *at = k;
                }
            }
        } else if let (Some(at), Ok(k)) = (self.at.get_mut(start), u32::try_from(self.found.len()))
        {
            *at = k;
        }
    }

    /// Where a piece starts in the root, if it is a slice of it.
    fn offset(&self, piece: &str) -> Option<usize> {
        let start = (piece.as_ptr() as usize).checked_sub(self.root.as_ptr() as usize)?;
        (start.checked_add(piece.len())? <= self.root.len()).then_some(start)
    }

    /// The most pieces looked up one by one.
    const FEW: usize = 8;
}

/// The typed value a piece of a compound or of a subject reads as, if it is one, where it is
/// no words ([`fast::words`]): by the fast path ([`fast_part`]), else by the search for a
/// single value, else for a trailed one.
fn part<'a>(piece: &'a str, listing: &mut Listing<'a>) -> Option<Single<'a>> {
    if let Some(read) = fast_part(piece) {
        return is_typed(&read.value).then_some(read);
    }
    // The two searches of the piece read its quantities once.
    let mut reads = Reads::of(piece);
    single_after(piece, true, true, false, listing, &mut reads)
        .ok()
        .or_else(|| trailed_in(piece, true, listing, &mut reads))
        .filter(|s| is_typed(&s.value))
}

/// Whether a subject holds a date a value holds by (`…截至一月…`).
fn holds_as_of(subject: &str) -> bool {
    subject
        .match_indices('截')
        .any(|(at, _)| as_of(&subject[at..]).is_ok())
}

/// Merges the date a value holds by, written before the subject or after it (not both).
fn one_as_of(lead: Option<PartialDate>, mid: Option<PartialDate>) -> Option<Option<PartialDate>> {
    match (lead, mid) {
        (Some(_), Some(_)) => None,
        (a, b) => Some(a.or(b)),
    }
}

/// Whether a value that starts at `idx` of `rest` cannot reach the end of the text for a
/// character it cannot read ([`Listed`]).
///
/// No production reads `，` `、` `；` `;` `：` `:`, a quote, a closing parenthesis or any
/// other character that [`read_char`] refuses, nor a `,` but between digits (a thousands
/// separator), and only a note at the end reads parentheses: a qualified value followed by
/// such a character before any opening parenthesis cannot reach the end of the text. Only a
/// date the value holds by (`截至2026年，…`) reads one of them, before the value.
struct Listed {
    /// The first character no value reads, at or after the last position asked about, once
    /// looked for.
    separator: Option<usize>,
    /// The first opening parenthesis at or after the last position asked about, once looked
    /// for.
    paren: Option<usize>,
}

impl Listed {
    fn new() -> Listed {
        Listed {
            separator: None,
            paren: None,
        }
    }

    /// Whether a value (after no date it holds by) starting at `idx` of `rest` is followed by
    /// a character no value reads, before any opening parenthesis. Asked at growing
    /// positions, it walks the text once.
    fn blocks(&mut self, rest: &str, idx: usize) -> bool {
        let separator = match self.separator {
            Some(at) if at >= idx => at,
            _ => next_unread(rest, idx),
        };
        self.separator = Some(separator);
        if separator == rest.len() {
            return false;
        }
        let paren = match self.paren {
            Some(at) if at >= idx => at,
            _ => next_open(rest, idx),
        };
        self.paren = Some(paren);
        separator < paren
    }
}

/// The length past which a text is searched from [`unblocked_from`]: in a shorter one, the
/// scan for it costs more than the positions it skips.
const SKIP_SCAN_BYTES: usize = 96;

/// The first position of `text` that [`Listed::blocks`] does not block, where it blocks every
/// one before: after the last character no value reads ([`unread_char`]) where no opening
/// parenthesis comes before it; else 0. Before it, every position is followed by that
/// character before any parenthesis.
fn unblocked_from(text: &str) -> usize {
    let last = text
        .char_indices()
        .rev()
        .find(|&(at, c)| !(is_cjk(c) || c.is_ascii_alphanumeric()) && unread_char(text, at, c));
    match last {
        Some((at, c)) if next_open(text, 0) > at => at + c.len_utf8(),
        _ => 0,
    }
}

/// The first position at or after `from` of an opening parenthesis of `text`, or the length
/// of the text.
fn next_open(text: &str, from: usize) -> usize {
    let bytes = text.as_bytes();
    let found = bytes.get(from..).and_then(|tail| {
        tail.iter().enumerate().position(|(at, &b)| {
            OPEN_LEADS.0[usize::from(b)]
                && (b == b'(' || tail.get(at..at + 3) == Some(&[0xEF, 0xBC, 0x88]))
        })
    });
    found.map_or(text.len(), |at| from + at)
}

/// The first position at or after `from` of a character of `text` that no value reads
/// ([`unread_char`]), or the length of the text.
fn next_unread(text: &str, from: usize) -> usize {
    let Some(tail) = text.get(from..) else {
        return text.len();
    };
    // Most characters are ideographs, letters or digits, which every value may read.
    tail.char_indices()
        .find(|&(at, c)| {
            !(is_cjk(c) || c.is_ascii_alphanumeric()) && unread_char(text, from + at, c)
        })
        .map_or(text.len(), |(at, _)| from + at)
}

/// Whether the character `c` at `at` of `text` is one no production of a value reads, after
/// no date it holds by and outside a note: `，` `、` `；` `;`, a `,` not between two digits, a
/// closing parenthesis, any character [`read_char`] refuses. An opening parenthesis may start
/// the note.
#[inline]
fn unread_char(text: &str, at: usize, c: char) -> bool {
    match c {
        ',' => {
            let before = text.get(..at).and_then(|t| t.chars().next_back());
            let after = text.get(at + 1..).and_then(|t| t.chars().next());
            !(before.and_then(digit).is_some() && after.and_then(digit).is_some())
        }
        '（' | '(' => false,
        _ => !read_char(c),
    }
}

/// Whether some production of a value may read the character `c` (a date the value holds by
/// and a note aside): spaces, digits, signs and decimal points, the characters of units
/// ([`is_unit_char`], which holds every ideograph), comparators, and the symbols of percents,
/// rates and ranges. A test checks that every word of the grammar's tables is written with
/// these.
#[inline]
fn read_char(c: char) -> bool {
    // Most characters of a value are ideographs or ASCII letters and digits.
    is_cjk(c)
        || c.is_ascii_alphanumeric()
        || c.is_whitespace()
        || digit(c).is_some()
        || is_unit_char(c)
        || is_op_char(c)
        || matches!(
            c,
            '-' | '－'
                | '−'
                | '+'
                | '＋'
                | ','
                | '.'
                | '．'
                | '±'
                | '%'
                | '％'
                | '‰'
                | '/'
                | '／'
                | '—'
                | '–'
                | '~'
                | '～'
                | '〜'
        )
}

/// Where the last mark of a text starts, if it has one: a digit, a Chinese numeral (with
/// 十 百 千), or `年` `期` `算`. Every value holds one: a number (amounts, ranks, dates in
/// digits or numerals), a baseline (`上年` `去年` `同期` `预算`, a test checks every word of
/// [`PREVIOUS_YEAR`]) or a date without number (`年底` `年末`). A value that starts after the
/// last mark of its text, in no note, cannot end the text.
fn last_mark(text: &str) -> Option<usize> {
    text.char_indices()
        .rev()
        .find(|&(_, c)| is_mark(c))
        .map(|(at, _)| at)
}

/// A mark ([`last_mark`]): a digit, a Chinese numeral, `年` `期` `算`.
#[inline]
fn is_mark(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_digit();
    }
    match MARKS.holds(c) {
        Some(mark) => mark,
        None => digit(c).is_some() || c == '〇',
    }
}

/// The marks of the main block of ideographs ([`is_mark`]): a test checks the bitmap against
/// the characters' kinds.
const MARKS: CjkSet = CjkSet::of(&[
    '零', '一', '壹', '二', '两', '贰', '三', '叁', '四', '肆', '五', '伍', '六', '陆', '七', '柒',
    '八', '捌', '九', '玖', '十', '百', '千', '年', '期', '算',
]);

// single = [as_of] subject? [as_of] qualified   -- the value starts at the leftmost position
//                                                 where the rest parses to the end
//
// Where `fast`, the fast path reads the rest at each position first. Where `prune`, a
// position a value cannot start at for a separator after it ([`Listed`]), or for no mark
// after it ([`last_mark`]), is not tried: the value found is the same, the error (the
// furthest an attempt read) may differ.
fn single(body: &str, fast: bool, prune: bool) -> Result<Single<'_>, Expect<'_>> {
    single_after(
        body,
        fast,
        prune,
        false,
        &mut Listing::new(body),
        &mut Reads::off(),
    )
}

/// [`single`] where, if `tried`, the fast path already read the whole body and found no value:
/// it is not asked again there. The pieces of its subjects are searched through `listing`.
fn single_after<'a>(
    body: &'a str,
    fast: bool,
    prune: bool,
    tried: bool,
    listing: &mut Listing<'a>,
    reads: &mut Reads<'a>,
) -> Result<Single<'a>, Expect<'a>> {
    let (rest, lead) = match as_of(body) {
        Ok((rest, date)) => (rest, Some(date)),
        Err(_) => (body, None),
    };
    let mut furthest = Expect::new(rest, "a target value");
    // Only the fast path asks where the clean end starts.
    let clean_from = if fast { fast::clean_from(rest) } else { 0 };
    let mut notes = None;
    // The furthest a date the value holds by, starting before the current position, reads.
    let mut as_of_reach = 0;
    let mut listed = Listed::new();
    // Where `prune`, no position after the last mark is tried ([`last_mark`]).
    let marked = if prune {
        last_mark(rest)
    } else {
        Some(rest.len())
    };
    // Where `prune`, in a long text, the positions a separator blocks ([`Listed`]) before the
    // first one it does not are skipped at once, but for `截`, which they do not block.
    let skip_to = if prune && rest.len() > SKIP_SCAN_BYTES {
        unblocked_from(rest)
    } else {
        0
    };
    for (idx, c) in rest.char_indices() {
        if idx < skip_to && c != '截' {
            continue;
        }
        if marked.is_none_or(|at| idx > at) {
            break;
        }
        let inside_as_of = as_of_reach > idx;
        if c == '截' {
            as_of_reach = as_of_reach.max(as_of_end(rest, idx).unwrap_or(0));
        }
        // A value starts where one may start, never inside a number, and never inside a
        // date the value holds by.
        if !may_start(c) || inside_as_of {
            continue;
        }
        // The dearer tests last.
        if prune && c != '截' && listed.blocks(rest, idx) || inside_token(rest, idx) {
            continue;
        }
        // Where the fast path reads the rest, the attempt below reads it the same, and it is
        // the first to succeed: the value starts here.
        if fast
            && idx >= clean_from
            && !(tried && idx == 0 && lead.is_none())
            && fast::may_start_plain(c)
            && let Some((op, value)) = fast::plain(&rest[idx..])
        {
            let subject = clean_subject(&rest[..idx]);
            // As below: a subject that holds a date the value holds by, or lists a value, is
            // no subject.
            if !subject.is_some_and(|s| holds_as_of(s) || listing.lists_a_value(s)) {
                return Ok(Single {
                    value: Value::Compare { op, value },
                    subject,
                    as_of: lead,
                    note: None,
                });
            }
        }
        let notes = notes.get_or_insert_with(|| Notes::of(rest));
        let attempt =
            (opt(as_of), |i| qualified_in(i, notes, prune, reads)).parse_complete(&rest[idx..]);
        match attempt {
            Ok((_, (mid, q))) => {
                let subject = clean_subject(&rest[..idx]);
                let Some(as_of) = one_as_of(lead, mid) else {
                    continue;
                };
                let subject = match (subject, q.measure) {
                    (Some(_), Some(_)) => continue,
                    (s, m) => s.or(m),
                };
                // A subject that holds a date the value holds by would give it that date once
                // written before the value: `年截至一月“上年度`, `上年度控制在截至一月`.
                if subject.is_some_and(holds_as_of) {
                    continue;
                }
                // A subject that lists a value before a separator makes the text a list.
                if subject.is_some_and(|s| listing.lists_a_value(s)) {
                    continue;
                }
                return Ok(Single {
                    value: q.value,
                    subject,
                    as_of,
                    note: q.note,
                });
            }
            Err(nom::Err::Error(e) | nom::Err::Failure(e)) => furthest = furthest.furthest(e),
            Err(nom::Err::Incomplete(_)) => {}
        }
    }
    Err(furthest)
}

// trailed = [as_of] subject? compare [sp note] words   -- a number followed by words, such as
//           100%完成支付: the words become the note
//
// Where `prune`, only the positions of its window ([`compare_window`]) and those of a date the
// value holds by are tried: the value found is the same.
fn trailed(body: &str, prune: bool) -> Option<Single<'_>> {
    trailed_in(body, prune, &mut Listing::new(body), &mut Reads::off())
}

/// [`trailed`], the pieces of its subjects searched through `listing`, its quantities read
/// through `reads`.
fn trailed_in<'a>(
    body: &'a str,
    prune: bool,
    listing: &mut Listing<'a>,
    reads: &mut Reads<'a>,
) -> Option<Single<'a>> {
    if !body.chars().any(|c| digit(c).is_some()) {
        return None;
    }
    let (rest, lead) = match as_of(body) {
        Ok((rest, date)) => (rest, Some(date)),
        Err(_) => (body, None),
    };
    // The words after the number hold no digit, comparator or parenthesis: they can start no
    // earlier than after the last of these, found once rather than for every candidate.
    let words_from = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| digit(c).is_some() || is_op_char(c) || matches!(c, '（' | '(' | '）' | ')'))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let window = if prune {
        compare_window(rest, words_from)?
    } else {
        0..=rest.len()
    };
    // Past the window only a date the value holds by may start a value: where no `截` stands
    // before the window, the search starts there, and where none stands after it, it ends
    // there.
    let (from, to) = (*window.start(), *window.end());
    let start = match rest.get(..from) {
        Some(head) if !head.contains('截') => from,
        _ => 0,
    };
    let marked_after = rest.get(to..).is_some_and(|t| t.contains('截'));
    for (idx, c) in rest.get(start..).unwrap_or_default().char_indices() {
        let idx = start + idx;
        if idx > to && !marked_after {
            break;
        }
        if c != '截' && !window.contains(&idx) {
            continue;
        }
        if idx > 0 && !may_start(c) || inside_token(rest, idx) {
            continue;
        }
        let candidate = &rest[idx..];
        let read = (opt(as_of), |i| compare_in(i, reads)).parse_complete(candidate);
        let Ok((tail, (mid, value))) = read else {
            continue;
        };
        let consumed = &candidate[..candidate.len() - tail.len()];
        let has_unit = matches!(&value, Value::Compare { value, .. } if value.unit.is_some());
        let words = tail.trim();
        let words_ok = words.starts_with(is_cjk) && rest.len() - tail.len() >= words_from;
        if !has_unit || !words_ok || !consumed.chars().any(|c| digit(c).is_some()) {
            continue;
        }
        // The value must read the same on its own (`9月` alone is a date, not 9 months): the
        // dearest test, made last.
        let alone = consumed.trim_end();
        let alone = qualified(alone, &Notes::of(alone), prune)
            .ok()
            .map(|(_, q)| q.value);
        if alone.as_ref() != Some(&value) {
            continue;
        }
        let Some(as_of) = one_as_of(lead, mid) else {
            continue;
        };
        let subject = clean_subject(&rest[..idx]);
        if subject.is_some_and(|s| holds_as_of(s) || listing.lists_a_value(s)) {
            continue;
        }
        return Some(Single {
            value,
            subject,
            as_of,
            note: Some(words),
        });
    }
    None
}

/// Where a compare value of [`trailed`] may start in `rest` (where no date the value holds by
/// starts it), or `None` where `rest` holds no digit and none can.
///
/// Such a value holds a digit and reads past the last digit of the text (its words hold
/// none), so it holds that digit; every digit it holds is in its number (prefixes, units,
/// rates and comparator words hold none), so its number holds the last digit, and starts
/// within the run of digits, `,` `.` `．` that ends with it, or at the sign before. Before
/// the number are only its prefixes, written with few characters ([`prefix_char`], no digit
/// among them): the value starts within the run of these before the number. It reads no
/// parenthesis and no character [`unread_char`] refuses: it
/// starts after the last of these before the last digit. Nor does it read a comparator
/// symbol after its number: where one, or a parenthesis, follows the last digit (the words
/// start at `words_from`, after it), it starts nowhere.
fn compare_window(rest: &str, words_from: usize) -> Option<core::ops::RangeInclusive<usize>> {
    let (last, c) = rest
        .char_indices()
        .rev()
        .find(|&(_, c)| digit(c).is_some())?;
    if last + c.len_utf8() != words_from {
        // `words_from` is past the last digit: no position is in this window.
        return Some(words_from..=last);
    }
    let before = rest.get(..last)?;
    // The run of digits, separators and decimal points that ends with the last digit, and the
    // sign before it: a number has its sign first, if any.
    let run = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !(digit(c).is_some() || matches!(c, ',' | '.' | '．')))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let run = match rest.get(..run).and_then(|head| head.chars().next_back()) {
        Some(sign @ ('-' | '－' | '−' | '+' | '＋')) => run.saturating_sub(sign.len_utf8()),
        _ => run,
    };
    // Before the number are only its prefixes: the value starts within the run of their
    // characters before it, after the digit before (no prefix holds a digit).
    let prefixed = rest
        .get(..run)?
        .char_indices()
        .rev()
        .find(|&(_, c)| !prefix_char(c))
        .map_or(0, |(at, c)| at + c.len_utf8());
    let after_unread = before
        .get(prefixed..)?
        .char_indices()
        .rev()
        .find(|&(at, c)| matches!(c, '（' | '(') || unread_char(rest, prefixed + at, c))
        .map_or(prefixed, |(at, c)| prefixed + at + c.len_utf8());
    Some(after_unread..=last)
}

/// Whether a character may stand in the prefixes of a compare value, between its start and
/// its number: whitespace, a comparator symbol, or a character of `每`, of a period
/// ([`PERIODS`]) or of a comparator word ([`OP_PREFIX_WORDS`]). A test checks each word.
fn prefix_char(c: char) -> bool {
    match PREFIX_CHARS.holds(c) {
        Some(held) => held,
        None => c.is_whitespace() || is_op_char(c),
    }
}

/// The ideographs of the main block [`prefix_char`] accepts: those of `每`, of the periods
/// and of the comparator words.
pub(super) const PREFIX_CHARS: CjkSet = CjkSet::of(&[
    '每', '年', '度', '半', '季', '月', '周', '星', '期', '日', '天', '人', '户', '亩', '不', '低',
    '于', '少', '小', '得', '大', '等', '或', '高', '至', '最', '达', '到', '早', '超', '过', '出',
    '多', '晚', '足', '为', '控', '制', '在', '於', '達', '過', '為',
]);

/// Whether the text is words: ideographs, no digits, no comparator symbols.
fn is_words(body: &str) -> bool {
    body.chars().any(is_cjk) && !body.chars().any(|c| digit(c).is_some() || is_op_char(c))
}

/// Whether a value is typed enough to stand as a part of a compound.
fn is_typed(value: &Value) -> bool {
    matches!(
        value,
        Value::Compare { .. }
            | Value::Range { .. }
            | Value::Date { .. }
            | Value::Relative { .. }
            | Value::Rank { .. }
    )
}

/// A separator between the parts of a compound value: `，、；;,`.
fn is_separator(c: char) -> bool {
    matches!(c, '，' | '、' | '；' | ';' | ',')
}

/// A set of bytes, as a table: the bytes of a text in it are found in one pass of
/// look-ups, and only there is the text looked at more closely.
pub(super) struct ByteSet([bool; 256]);

impl ByteSet {
    /// The set of these bytes.
    pub(super) const fn of(bytes: &[u8]) -> ByteSet {
        let mut table = [false; 256];
        let mut k = 0;
        while k < bytes.len() {
            table[bytes[k] as usize] = true;
            k += 1;
        }
        ByteSet(table)
    }

    /// Whether `bytes` hold one of the set at a position `found` accepts.
    pub(super) fn any_at(&self, bytes: &[u8], found: impl Fn(usize) -> bool) -> bool {
        bytes
            .iter()
            .enumerate()
            .any(|(at, &b)| self.0[usize::from(b)] && found(at))
    }
}

/// The first bytes of the separators: `,` `;`, and `EF` and `E3` of `，` `；` `、`.
const SEPARATOR_LEADS: ByteSet = ByteSet::of(b",;\xEF\xE3");

/// Whether a text holds a separator ([`is_separator`]), judged by its bytes: `,` and `;`, and
/// the full-width `，` `；` (`EF BC 8C`, `9B`) and `、` (`E3 80 81`).
fn has_separator(text: &str) -> bool {
    let bytes = text.as_bytes();
    SEPARATOR_LEADS.any_at(bytes, |at| {
        let next = bytes.get(at + 1..at + 3);
        match bytes.get(at) {
            Some(b',' | b';') => true,
            Some(0xEF) => matches!(next, Some([0xBC, 0x8C | 0x9B])),
            Some(0xE3) => next == Some(&[0x80, 0x81]),
            _ => false,
        }
    })
}

/// The first bytes of whitespace: the ASCII ones, and `C2`, `E1`, `E2`, `E3`.
const SPACE_LEADS: ByteSet = ByteSet::of(b"\t\n\x0B\x0C\r \xC2\xE1\xE2\xE3");

/// Whether a text holds whitespace. Whitespace is ASCII, or starts with `C2 85`, `C2 A0`,
/// `E1 9A`, `E2 80`, `E2 81` or `E3 80 80`: only a text with such bytes is looked at
/// character by character.
fn has_space(text: &str) -> bool {
    let bytes = text.as_bytes();
    let may_be_space = SPACE_LEADS.any_at(bytes, |at| {
        let next = bytes.get(at + 1).copied();
        match bytes.get(at) {
            Some(0xC2) => matches!(next, Some(0x85 | 0xA0)),
            Some(0xE1) => next == Some(0x9A),
            Some(0xE2) => matches!(next, Some(0x80 | 0x81)),
            Some(0xE3) => next == Some(0x80) && bytes.get(at + 2) == Some(&0x80),
            _ => true,
        }
    });
    may_be_space && text.contains(char::is_whitespace)
}

/// Splits `body` outside parentheses: at separators (`,` only where it is no thousands
/// separator), or, `at_space`, at spaces.
fn split_parts(body: &str, at_space: bool) -> Vec<&str> {
    if !at_space {
        return split_at_separators(body);
    }
    // At spaces outside parentheses.
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (idx, c) in body.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth == 0 && c.is_whitespace() {
            parts.push(&body[start..idx]);
            start = idx + c.len_utf8();
        }
    }
    parts.push(&body[start..]);
    parts
        .into_iter()
        .map(trim_value)
        .filter(|p| !p.is_empty())
        .collect()
}

/// The first bytes of the separators and parentheses [`split_at_separators`] splits by.
const SPLIT_LEADS: ByteSet = ByteSet::of(b"();,\xEF\xE3");

/// [`split_parts`] at separators, by bytes: the separators and parentheses are `,` `;` `(`
/// `)` and the full-width `，` `；` `（` `）` (`EF BC 8C`, `9B`, `88`, `89`) and `、` (`E3 80
/// 81`), whose lead bytes never stand inside another character. A comma between two ASCII
/// digits is a thousands separator: the bytes next to a one-byte character are the
/// characters next to it, where they are ASCII.
fn split_at_separators(body: &str) -> Vec<&str> {
    let mut parts = Vec::with_capacity(4);
    each_separated(body, |part| parts.push(part));
    parts
}

/// Each part of [`split_at_separators`], in order, handed to `f` without a buffer of them.
pub(super) fn each_separated<'b>(body: &'b str, mut f: impl FnMut(&'b str)) {
    let bytes = body.as_bytes();
    let mut depth = 0usize;
    let mut start = 0;
    let mut part = |p: &'b str| {
        let p = trim_value(p);
        if !p.is_empty() {
            f(p);
        }
    };
    for (idx, &b) in bytes.iter().enumerate() {
        // Most bytes start no separator or parenthesis: a table says which may.
        if !SPLIT_LEADS.0[usize::from(b)] {
            continue;
        }
        let next = |k: usize| bytes.get(idx + k).copied();
        let (len, separates) = match b {
            b'(' => {
                depth += 1;
                continue;
            }
            b')' => {
                depth = depth.saturating_sub(1);
                continue;
            }
            b';' => (1, true),
            b',' => {
                let before = idx.checked_sub(1).and_then(|k| bytes.get(k));
                let thousands = before.is_some_and(u8::is_ascii_digit)
                    && next(1).is_some_and(|n| n.is_ascii_digit());
                (1, !thousands)
            }
            0xEF if next(1) == Some(0xBC) => match next(2) {
                Some(0x88) => {
                    depth += 1;
                    continue;
                }
                Some(0x89) => {
                    depth = depth.saturating_sub(1);
                    continue;
                }
                Some(0x8C | 0x9B) => (3, true),
                _ => continue,
            },
            0xE3 if next(1) == Some(0x80) && next(2) == Some(0x81) => (3, true),
            _ => continue,
        };
        if depth == 0 && separates {
            part(body.get(start..idx).unwrap_or_default());
            start = idx + len;
        }
    }
    part(body.get(start..).unwrap_or_default());
}

/// [`compound_in`] with a listing of its own.
#[cfg(test)]
fn compound(body: &str, fast: bool, clean: bool) -> Option<Result<Vec<Target>, TargetError>> {
    compound_in(body, fast, clean, &mut Listing::new(body))
}

// compound = part (separator part){1,63}   -- every part a typed single or trailed value with
//                                             its own subject
//
// `Some(Err)` where every part is typed but there are more than [`Target::MAX_PARTS`].
//
// The fast path searches each piece through `listing` ([`part`]).
fn compound_in<'a>(
    body: &'a str,
    fast: bool,
    clean: bool,
    listing: &mut Listing<'a>,
) -> Option<Result<Vec<Target>, TargetError>> {
    let mut pieces = Vec::new();
    if has_separator(body) {
        pieces = split_parts(body, false);
    }
    // A clean body ([`fast::is_clean`]) holds no space.
    if pieces.len() < 2 && !clean && has_space(body) {
        pieces = split_parts(body, true);
    }
    if pieces.len() < 2 {
        return None;
    }
    // Words no production reads ([`fast::words`]) are no typed part: the compound fails here
    // without the search for a value in any piece.
    if fast && pieces.iter().any(|piece| fast::words(piece)) {
        return None;
    }
    let count = pieces.len();
    // Every piece must be typed, each on its own: the shorter, cheaper to search, are
    // searched first, so that a compound that fails fails sooner.
    // On the stack where the compound has few parts, as most have.
    let mut few = [0usize; 16];
    let mut many = Vec::new();
    let order: &mut [usize] = match few.get_mut(..count) {
        Some(order) => order,
        None => {
            many.resize(count, 0);
            &mut many
        }
    };
    for (k, place) in order.iter_mut().enumerate() {
        *place = k;
    }
    if fast {
        order.sort_by_key(|&k| pieces.get(k).map_or(0, |p| p.len()));
    }
    // The parts in the order of the text, each put in its place as it is read.
    let mut parts: Vec<Target> = (0..count)
        .map(|_| bare("", Value::Text(String::new())))
        .collect();
    for (n, &k) in order.iter().enumerate() {
        let piece = *pieces.get(k)?;
        let part = if fast {
            let part = part(piece, listing);
            // Where the compound fails, the searches after it ask again about the pieces it
            // searched: they find the answers kept.
            if part.is_none() {
                for searched in order.iter().take(n).filter_map(|&j| pieces.get(j)) {
                    listing.record(searched, true);
                }
                listing.record(piece, false);
            }
            part
        } else {
            single(piece, false, false)
                .ok()
                .or_else(|| trailed(piece, false))
                .filter(|s| is_typed(&s.value))
        };
        *parts.get_mut(k)? = part?.into_target(piece);
    }
    if count > Target::MAX_PARTS {
        return Some(Err(TargetError::too_many_parts(count)));
    }
    Some(Ok(parts))
}

/// A part of a compound as [`single`] reads it, where a fast path reads it: a clean part of
/// the shape of [`fast::plain`], alone or after a subject ([`fast::subject_plain`]). The
/// search for a value finds it at the position the fast path reads from, and tries no
/// earlier one there.
fn fast_part(piece: &str) -> Option<Single<'_>> {
    if !fast::is_clean(piece) {
        return None;
    }
    let (subject, op, value) = match fast::plain(piece) {
        Some((op, value)) => (None, op, value),
        None => fast::subject_plain(piece)?,
    };
    Some(Single {
        value: Value::Compare { op, value },
        subject,
        as_of: None,
        note: None,
    })
}

/// The first hidden character ([`is_hidden`]) that makes the value unreadable, and why: a
/// control character anywhere, or a format character (a zero-width joiner …) next to a digit,
/// where it would split one number into two (`≥9\u{200D}0%`). Spaces around it do not help.
fn hidden(body: &str) -> Option<(&str, &'static str)> {
    let mut before: Option<char> = None;
    let mut chars = body.char_indices();
    while let Some((idx, c)) = chars.next() {
        if !is_hidden(c) {
            if !c.is_whitespace() {
                before = Some(c);
            }
            continue;
        }
        if c.is_control() {
            return Some((&body[idx..], "text without control characters"));
        }
        // The run of hidden characters and spaces this one starts, and what follows it.
        let mut after = None;
        for (_, n) in chars.by_ref() {
            if n.is_control() && !n.is_whitespace() {
                let at = body.len() - chars.as_str().len() - n.len_utf8();
                return Some((&body[at..], "text without control characters"));
            }
            if !(is_hidden(n) || n.is_whitespace()) {
                after = Some(n);
                break;
            }
        }
        if [before, after]
            .into_iter()
            .flatten()
            .any(|n| digit(n).is_some())
        {
            return Some((&body[idx..], "a number without hidden characters"));
        }
        before = after;
    }
    None
}

/// The raw text of a value: the text as written, without the whitespace around it.
pub(super) fn raw_of(input: &str) -> &str {
    fast::trimmed(input).0
}

/// Trims whitespace and a trailing `。` (repeatedly: `…。 。`).
pub(super) fn trim_value(text: &str) -> &str {
    // Most texts start and end with characters neither trims.
    if fast::ends_kept(text) {
        return text;
    }
    let mut text = text.trim();
    while let Some(t) = text.strip_suffix('。') {
        text = t.trim_end();
    }
    text
}

/// The offset of `at` within `text`, both slices of one string.
fn offset_in(text: &str, at: &str) -> usize {
    (at.as_ptr() as usize)
        .saturating_sub(text.as_ptr() as usize)
        .min(text.len())
}

// plain = prefixes digit_quantity [op_suffix]   -- the shape of most values (`≥90%`, `20个`,
//         `不少于100场次`, `每年不少于12场`), read without the search for a subject, a compound
//         or another kind. It answers only where the full grammar would answer the same;
//         elsewhere it leaves the text to it.
fn plain(body: &str) -> Option<Value> {
    if has_space(body) {
        return None;
    }
    let (rest, (every, before)) = prefixes(body).ok()?;
    if !rest.starts_with(|c: char| c.is_ascii_digit()) || could_be_date(rest) {
        return None;
    }
    let (rest, value) = digit_quantity(rest).ok()?;
    let (rest, value) = compare_tail(rest, every, before, value).ok()?;
    rest.is_empty().then_some(value)
}

/// A target of a value alone, without subject, date or note.
#[inline]
fn bare(raw: &str, value: Value) -> Target {
    Target {
        raw: super::raw::RawText::new(raw),
        value,
        subject: None,
        as_of: None,
        note: None,
    }
}

/// Parses one value leniently: [`target`] without the strict error.
#[inline]
pub(super) fn lenient(input: &str) -> Target {
    let (raw, body) = fast::trimmed(input);
    // The commonest shape first, before the body's bytes are judged ([`fast::plain`]).
    if sized(raw, body)
        && let Some((op, value)) = fast::plain(body)
    {
        return bare(raw, Value::Compare { op, value });
    }
    let clean = is_clean(raw, body);
    // Each target is built where it is returned, not moved out of an `Option` (it is large).
    match fast_read(body, clean) {
        Some(Fast::Noted(op, value, note)) => noted(raw, Value::Compare { op, value }, note),
        Some(Fast::Subject(subject, op, value)) => {
            subjected(raw, Value::Compare { op, value }, subject)
        }
        Some(Fast::Words) => bare(raw, Value::Qualitative(raw.to_owned())),
        None => full(raw, body, clean, true, false).0,
    }
}

/// A target of a value with a note, without subject or date.
fn noted(raw: &str, value: Value, note: Option<&str>) -> Target {
    Target {
        note: note.map(super::raw::RawText::new),
        ..bare(raw, value)
    }
}

/// A target of a value after its subject, without date or note.
fn subjected(raw: &str, value: Value, subject: Option<&str>) -> Target {
    Target {
        subject: subject.map(super::raw::RawText::new),
        ..bare(raw, value)
    }
}

/// Parses one value: the lenient target, and the strict error where it fell back to text.
///
/// A clean body (see [`fast::is_clean`]) of the common shapes is read by the fast paths; any
/// other by the full grammar, [`full`].
pub(super) fn target(input: &str) -> (Target, Option<TargetError>) {
    let (raw, body) = fast::trimmed(input);
    if sized(raw, body)
        && let Some((op, value)) = fast::plain(body)
    {
        return (bare(raw, Value::Compare { op, value }), None);
    }
    let clean = is_clean(raw, body);
    match fast_read(body, clean) {
        Some(Fast::Noted(op, value, note)) => {
            (noted(raw, Value::Compare { op, value }, note), None)
        }
        Some(Fast::Subject(subject, op, value)) => {
            (subjected(raw, Value::Compare { op, value }, subject), None)
        }
        Some(Fast::Words) => (bare(raw, Value::Qualitative(raw.to_owned())), None),
        None => {
            let (target, why) = full(raw, body, clean, true, true);
            (target, why.map(|why| why.error(input)))
        }
    }
}

/// Parses one value strictly, for [`Target`]'s `FromStr`: [`target`] without the lenient
/// target where it fell back to text, returned as the `Result` itself rather than moved into
/// one (a target is large, and most values are read by the fast paths).
#[inline]
pub(super) fn strict(input: &str) -> Result<Target, TargetError> {
    let (raw, body) = fast::trimmed(input);
    if sized(raw, body)
        && let Some((op, value)) = fast::plain(body)
    {
        return Ok(bare(raw, Value::Compare { op, value }));
    }
    let clean = is_clean(raw, body);
    match fast_read(body, clean) {
        Some(Fast::Noted(op, value, note)) => Ok(noted(raw, Value::Compare { op, value }, note)),
        Some(Fast::Subject(subject, op, value)) => {
            Ok(subjected(raw, Value::Compare { op, value }, subject))
        }
        Some(Fast::Words) => Ok(bare(raw, Value::Qualitative(raw.to_owned()))),
        None => match full(raw, body, clean, true, true) {
            (_, Some(why)) => Err(why.error(input)),
            (target, None) => Ok(target),
        },
    }
}

/// Whether [`fast::plain`] may read a body: one that is not empty and not too long.
#[inline]
fn sized(raw: &str, body: &str) -> bool {
    !body.is_empty() && raw.len() <= Target::MAX_CHARS
}

/// Whether the other fast paths may read a body: one that is not empty, not too long, and
/// clean.
#[inline]
fn is_clean(raw: &str, body: &str) -> bool {
    sized(raw, body) && fast::is_clean(body)
}

/// What the fast paths other than [`fast::plain`], which the caller asked first, read in a
/// clean body, if they read it.
#[inline]
fn fast_read(body: &str, clean: bool) -> Option<Fast<'_>> {
    if !clean {
        return None;
    }
    if fast::words(body) {
        return Some(Fast::Words);
    }
    if let Some((op, value, note)) = fast::noted(body) {
        return Some(Fast::Noted(op, value, note));
    }
    fast::subject_plain(body).map(|(subject, op, value)| Fast::Subject(subject, op, value))
}

/// What the fast paths other than [`fast::plain`] read in a body: a compare value with a
/// note or after a subject, or words.
enum Fast<'a> {
    /// [`fast::noted`]: a compare value and its note.
    Noted(Option<Op>, Quantity, Option<&'a str>),
    /// [`fast::subject_plain`]: a compare value and its subject.
    Subject(Option<&'a str>, Option<Op>, Quantity),
    /// [`fast::words`]: words no production reads, a qualitative value.
    Words,
}

/// Why the full grammar kept a value as text: what becomes the strict [`TargetError`], built
/// only where the caller asks for it ([`target`], not [`lenient`]), as formatting its message
/// costs more than many a parse.
enum Why<'a> {
    /// An error known as such.
    Error(TargetError),
    /// A syntax error at `at`, a slice of the caller's text, expecting `what`.
    Syntax { at: &'a str, what: &'static str },
}

impl Why<'_> {
    /// The strict error, its offsets into `input`, the caller's text.
    fn error(self, input: &str) -> TargetError {
        match self {
            Why::Error(e) => e,
            Why::Syntax { at, what } => TargetError::syntax(input, offset_in(input, at), what),
        }
    }
}

/// The full grammar, for a value's `raw` text and its `body` without quotes, both slices of
/// the caller's text.
///
/// A `clean` body (see [`fast::is_clean`]) has no hidden character to look for; where `fast`,
/// the search for a value tries the fast path at each position first, and where also not
/// `strict`, it skips the positions no value can start at for a separator after them: the
/// target is the same, the reason it is text may not be.
fn full<'a>(
    raw: &'a str,
    body: &'a str,
    clean: bool,
    fast: bool,
    strict: bool,
) -> (Target, Option<Why<'a>>) {
    let text = |why| (bare(raw, Value::Text(raw.to_owned())), Some(why));
    if body.is_empty() {
        return text(Why::Error(TargetError::empty()));
    }
    // A text of no more bytes than that has no more characters.
    if raw.len() > Target::MAX_CHARS && raw.char_indices().nth(Target::MAX_CHARS).is_some() {
        return text(Why::Error(TargetError::too_long()));
    }
    let hidden = if clean { None } else { hidden(body) };
    if let Some((at, what)) = hidden {
        return text(Why::Syntax { at, what });
    }
    // Words no production reads ([`fast::words`]), spaced or quoted: the end of the search
    // below, found at once (a clean body was judged by the fast paths).
    if fast && !clean && fast::words(body) {
        return (bare(raw, Value::Qualitative(raw.to_owned())), None);
    }
    // The fast path read a clean body as `plain` reads it, but where a number may be read
    // otherwise ([`fast::ascii_number`]): `plain` is asked again only there.
    if !(fast && clean && fast::plain_answered(body))
        && let Some(value) = plain(body)
    {
        return (bare(raw, value), None);
    }
    // The compound and the searches below ask about the same pieces: each is searched once.
    let mut listing = Listing::new(body);
    if let Some(parts) = compound_in(body, fast, clean, &mut listing) {
        return match parts {
            Ok(parts) => (bare(raw, Value::Compound(parts)), None),
            Err(e) => text(Why::Error(e)),
        };
    }
    // A clean body was read by the fast path ([`fast_read`]) at its start already.
    // The searches below read their quantities once, where the fast paths are taken.
    let mut reads = if fast { Reads::of(body) } else { Reads::off() };
    let err = match single_after(
        body,
        fast,
        fast && !strict,
        fast && clean,
        &mut listing,
        &mut reads,
    ) {
        Ok(s) => return (s.into_target(raw), None),
        Err(e) => e,
    };
    if let Some(s) = trailed_in(body, fast, &mut listing, &mut reads) {
        return (s.into_target(raw), None);
    }
    if is_words(body) {
        return (bare(raw, Value::Qualitative(raw.to_owned())), None);
    }
    let what = if err.at.len() == body.len() {
        "a target value"
    } else {
        err.what
    };
    text(Why::Syntax { at: err.at, what })
}

/// The full grammar alone, without the fast paths: what they must agree with.
#[cfg(test)]
pub(super) fn target_full(input: &str) -> (Target, Option<TargetError>) {
    let raw = input.trim();
    let (target, why) = full(raw, body_of(raw), false, false, true);
    (target, why.map(|why| why.error(input)))
}

/// The body of a value's raw text: without the quotes around it and the full stops after it
/// (`"前6。"`, `前6。 。`), which end a sentence, not the value.
fn body_of(raw: &str) -> &str {
    let mut body = raw;
    loop {
        let next = trim_value(body.trim_matches(|c: char| c.is_whitespace() || is_quote(c)));
        // Each round takes a character off at least, and looks at no more than it takes.
        if next.len() == body.len() {
            return body;
        }
        body = next;
    }
}

/// Parses a quantity alone, for [`Quantity`]'s `FromStr`.
pub(super) fn quantity_only(input: &str) -> Result<Quantity, TargetError> {
    let body = input.trim();
    if body.is_empty() {
        return Err(TargetError::empty());
    }
    let parsed = (quantity, sp, context("the end of the quantity", eof)).parse_complete(body);
    match parsed {
        Ok((_, (q, _, _))) => Ok(q),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            Err(TargetError::syntax(input, offset_in(input, e.at), e.what))
        }
        Err(nom::Err::Incomplete(_)) => Err(TargetError::syntax(input, input.len(), "a quantity")),
    }
}

/// Parses a date in ISO form (`2026`, `2026-12`, `--12-31`) or in Chinese (`2024年6月30日`).
pub(super) fn partial_date(text: &str) -> Option<PartialDate> {
    if let Some(rest) = text.strip_prefix("--") {
        let mut fields = rest.split('-');
        let month = fields.next()?.parse().ok()?;
        let day = fields.next().map(str::parse).transpose().ok()?;
        if fields.next().is_some() {
            return None;
        }
        return PartialDate::from_parts(None, Some(month), day);
    }
    if text.bytes().all(|b| b.is_ascii_digit() || b == b'-') && !text.is_empty() {
        let mut fields = text.split('-');
        let year = fields.next()?;
        if year.len() != 4 {
            return None;
        }
        let year = year.parse().ok()?;
        let month = fields.next().map(str::parse).transpose().ok()?;
        let day = fields.next().map(str::parse).transpose().ok()?;
        if fields.next().is_some() {
            return None;
        }
        return PartialDate::from_parts(Some(year), month, day);
    }
    match (date_point, eof).parse_complete(text) {
        Ok((_, ((date, _), _))) => Some(date),
        Err(_) => None,
    }
}

mod fast;
#[cfg(test)]
mod tests;
