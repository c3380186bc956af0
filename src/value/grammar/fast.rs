//! Fast paths: the shapes most values take, read without the search for a subject, a compound
//! or another kind, and without the combinators' overhead. Each answers only where the full
//! grammar answers the same, and returns `None` elsewhere, leaving the text to it; a test
//! compares the two on every value of the tests and on generated ones.
//!
//! Both read a clean body ([`is_clean`]): one without whitespace, so that every `sp` of the
//! grammar reads nothing, and without hidden characters, so that nothing is refused. [`plain`]
//! reads neither itself, so that a body it reads whole is such a body, whatever its bytes
//! (`5‰`, `30℃`, `20°` start with bytes [`is_clean`] looks at): it is asked first, before the
//! bytes are judged.

use super::*;

/// Whether a text holds no whitespace and no control or format character, judged by its
/// bytes: it holds none of the bytes such characters start with (C0 controls, the space and
/// DEL; `C2` for C1 controls, U+0085, U+00A0 and U+00AD; `D8` for U+061C; `E1` for U+1680 and
/// U+180E; `E2 80` and `E2 81` for U+2000 to U+206F; `E3 80 80` for U+3000; `EF BB` for
/// U+FEFF). Some other characters start with these bytes too (`±`, `“`, `‰`): a text with them
/// is left to the full grammar.
pub(super) fn is_clean(text: &str) -> bool {
    let bytes = text.as_bytes();
    // Most bytes start no such character: a table says which may, and only those are looked
    // at closely.
    !bytes
        .iter()
        .enumerate()
        .any(|(i, &b)| MAY_BE_UNCLEAN[usize::from(b)] && unclean_at(bytes, i))
}

/// The bytes [`unclean_at`] may refuse a character at.
const MAY_BE_UNCLEAN: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = matches!(b, 0..=0x20 | 0x7f | 0xC2 | 0xD8 | 0xE1 | 0xE2 | 0xE3 | 0xEF);
        b += 1;
    }
    table
};

/// Where the clean end of a text starts: the first position after the last byte
/// [`is_clean`] refuses. A text is clean from any character boundary there on.
pub(super) fn clean_from(text: &str) -> usize {
    let bytes = text.as_bytes();
    // From the end, only the bytes the table marks are looked at closely.
    let mut end = bytes.len();
    while let Some(at) = bytes
        .get(..end)
        .and_then(|head| head.iter().rposition(|&b| MAY_BE_UNCLEAN[usize::from(b)]))
    {
        if unclean_at(bytes, at) {
            return at + 1;
        }
        end = at;
    }
    0
}

/// Whether the byte at `i` starts a character [`is_clean`] refuses.
fn unclean_at(bytes: &[u8], i: usize) -> bool {
    let next = |k: usize| bytes.get(i + k).copied();
    match bytes.get(i) {
        Some(0..=0x20 | 0x7f | 0xC2 | 0xD8 | 0xE1) => true,
        Some(0xE2) => matches!(next(1), Some(0x80 | 0x81)),
        Some(0xE3) => next(1) == Some(0x80) && next(2) == Some(0x80),
        Some(0xEF) => next(1) == Some(0xBB),
        _ => false,
    }
}

/// The raw text of a value (the text without whitespace around it) and its body ([`body_of`]): the text itself where
/// it starts and ends with characters neither trims (ASCII letters, digits and signs,
/// ideographs, comparators), else as they trim it.
#[inline(always)]
pub(super) fn trimmed(input: &str) -> (&str, &str) {
    if ends_kept(input) {
        return (input, input);
    }
    let raw = input.trim();
    (raw, body_of(raw))
}

/// Whether a text starts and ends with characters that are no whitespace, no quote and no
/// `。`, judged by their first bytes: such a text is its own raw text and body, and trimming
/// it ([`trim_value`]) leaves it whole.
#[inline]
pub(super) fn ends_kept(text: &str) -> bool {
    let bytes = text.as_bytes();
    // A character that is no whitespace, no quote and no `。` starts with such a byte; a
    // character of `E2 80`, `E2 81` or `E3` may be one of them.
    let kept = |lead: u8, next: Option<u8>| match lead {
        0x21..=0x7E => !matches!(lead, b'"' | b'\''),
        0xE4..=0xEF => true,
        0xE2 => !matches!(next, Some(0x80 | 0x81)),
        _ => false,
    };
    let last = bytes
        .iter()
        .rposition(|b| !(0x80..0xC0).contains(b))
        .unwrap_or(0);
    match (bytes.first(), bytes.get(last)) {
        (Some(&first), Some(&end)) => {
            kept(first, bytes.get(1).copied()) && kept(end, bytes.get(last + 1).copied())
        }
        _ => false,
    }
}

/// Whether a text starts with an ASCII digit, judged by its first byte.
#[inline]
fn starts_with_digit(text: &str) -> bool {
    text.as_bytes().first().is_some_and(u8::is_ascii_digit)
}

/// Whether a clean text that starts with an ASCII digit may be a date ([`could_be_date`]):
/// four digits before 年 or a separator, one or two before 月. A full-width digit after them
/// is left to the full grammar.
fn may_be_date(i: &str) -> bool {
    let bytes = i.as_bytes();
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    if full_width_digit(&bytes[digits..]) {
        return true;
    }
    let next = i[digits..].chars().next();
    // Four digits are a year only from 1900 to 2199 (see [`year`]): another number is no
    // date, whatever follows it (`4021.16㎡`).
    let year = bytes
        .iter()
        .take(4)
        .fold(0u32, |n, b| n * 10 + u32::from(b.wrapping_sub(b'0')));
    match digits {
        4 if !(u32::from(PartialDate::MIN_YEAR)..=u32::from(PartialDate::MAX_YEAR))
            .contains(&year) =>
        {
            false
        }
        4 => next.is_some_and(|c| {
            matches!(
                c,
                '年' | '.' | '-' | '/' | '．' | '－' | '—' | '–' | '~' | '～' | '〜' | '至' | '到'
            )
        }),
        1 | 2 => next == Some('月'),
        _ => false,
    }
}

/// Whether the bytes start with a full-width digit or decimal point (`０`–`９`, `．`), which
/// the grammar reads as part of a number.
pub(super) fn full_width_digit(bytes: &[u8]) -> bool {
    matches!(bytes, [0xEF, 0xBC, 0x8E | 0x90..=0x99, ..])
}

/// The most digits the fast path reads in a number: they fit in a `u64` with room to spare.
const MAX_FAST_DIGITS: u32 = 18;

/// A number in ASCII digits without sign at the start of `i`, as [`number`] reads it, or
/// `None` where [`number`] might read it otherwise (full-width digits, a leading zero, many
/// digits).
pub(super) fn ascii_number(i: &str) -> Option<(&str, Decimal)> {
    let bytes = i.as_bytes();
    let mut read = Mantissa::default();
    let mut at = read.take(bytes, 0, false)?;
    if at == 0 || at > 1 && bytes.first() == Some(&b'0') {
        return None;
    }
    // Thousands separators: exactly three digits after each comma, full-width digits counted.
    while bytes.get(at) == Some(&b',') {
        let mut count = 0;
        let mut ascii = true;
        for (n, c) in i.get(at + 1..).unwrap_or_default().chars().enumerate() {
            if n > 3 || digit(c).is_none() {
                break;
            }
            count += 1;
            ascii &= c.is_ascii_digit();
        }
        if count != 3 {
            break;
        }
        if !ascii {
            return None;
        }
        at = read.take(bytes, at + 1, false)?;
    }
    if bytes.get(at) == Some(&b'.') {
        let after = bytes.get(at + 1..).unwrap_or_default();
        if full_width_digit(after) {
            return None;
        }
        if after.first().is_some_and(u8::is_ascii_digit) {
            at = read.take(bytes, at + 1, true)?;
        }
    }
    let amount = Decimal::try_from_i128_with_scale(i128::from(read.value), read.scale).ok()?;
    Some((i.get(at..)?, amount))
}

/// The digits [`ascii_number`] has read: their value, how many, how many after the point.
#[derive(Default)]
struct Mantissa {
    value: u64,
    count: u32,
    scale: u32,
}

impl Mantissa {
    /// Takes the ASCII digits of `bytes` from `at`: the position after them, or `None` where
    /// the number would have more than [`MAX_FAST_DIGITS`] digits or a full-width digit follows.
    #[inline]
    fn take(&mut self, bytes: &[u8], mut at: usize, fraction: bool) -> Option<usize> {
        while let Some(d) = bytes
            .get(at)
            .map(|b| b.wrapping_sub(b'0'))
            .filter(|&d| d < 10)
        {
            // At most 18 digits: the value stays below 10^18, far inside a `u64`.
            if self.count >= MAX_FAST_DIGITS {
                return None;
            }
            self.value = self.value * 10 + u64::from(d);
            self.count += 1;
            self.scale += u32::from(fraction);
            at += 1;
        }
        (!full_width_digit(bytes.get(at..)?)).then_some(at)
    }
}

// plain = [per_prefix] [comparator] number [percent | scale [unit] | unit] [per] [op_suffix]
//
// The production [`super::plain`] reads, over a clean body: `sp` reads nothing there, and the
// number is read from its bytes. Gives the comparator and the quantity of the compare value.
// Over any other body it reads no space or hidden character, and so answers nothing.
pub(super) fn plain(body: &str) -> Option<(Option<Op>, Quantity)> {
    let mut rest = body;
    let mut every = None;
    if let Some(after) = rest.strip_prefix('每') {
        let (after, period) = word(after, &PERIODS, "a period").ok()?;
        every = Some(Cow::Borrowed(period));
        rest = after;
    }
    let mut before = None;
    if !starts_with_digit(rest) {
        let (after, op) = op_prefix(rest).ok()?;
        before = Some(op);
        rest = after;
    }
    if !starts_with_digit(rest) || may_be_date(rest) {
        return None;
    }
    let (after, amount) = ascii_number(rest)?;
    // The commonest ends of all, `%` and a unit alone (`≥90%`, `≥15家`): read at once.
    if let Some(unit) = unit_to_end(after) {
        let value = Quantity {
            amount,
            scale: None,
            unit: Some(unit),
            per: every,
        };
        return Some((before, value));
    }
    let first = after.chars().next();
    // Of the percent words only `个百分点` starts with `个`, the commonest unit.
    let may_be_percent = match first {
        Some('个') => after.starts_with("个百"),
        Some(c) => percent_start(c),
        None => false,
    };
    let may_be_scale = first.is_some_and(scale_start);
    let (rest, amount, scale, unit) = if after.is_empty() {
        (after, amount, None, None)
    } else if let Some((r, p)) = may_be_percent.then(|| percent(after).ok()).flatten() {
        (r, amount, None, Some(p))
    } else if let Some((r, (amount, s))) = may_be_scale
        .then(|| super::scale(after, amount).ok())
        .flatten()
    {
        // `unit` is `percent | open_unit`: `percent` only where its first character stands.
        let unit = if r.starts_with(percent_start) {
            unit(r).ok()
        } else {
            clean_open_unit(r)
        };
        match unit {
            Some((r, u)) => (r, amount, Some(s), Some(u)),
            None => (r, amount, Some(s), None),
        }
    } else {
        // `unit` is `percent | open_unit`, and `percent` failed, or could not read, above.
        match clean_open_unit(after) {
            Some((r, u)) => (r, amount, None, Some(u)),
            None => (after, amount, None, None),
        }
    };
    // As in the grammar's quantity: one that would print as a date is left to the others.
    if scale.is_none()
        && unit.as_deref().is_some_and(may_follow_a_date)
        && reads_as_date(amount, unit.as_deref())
    {
        return None;
    }
    // `per` over a clean text: `/` or `／`, no space, and the denominator.
    let (rest, per) = match rest.as_bytes().first() {
        Some(b'/' | 0xEF) => match rest.strip_prefix(['/', '／']).map(clean_open_unit) {
            Some(Some((r, p))) => (r, Some(p)),
            Some(None) => return None,
            None => (rest, None),
        },
        _ => (rest, None),
    };
    // The one `sp` of the production, before the comparator word: where it would read a space
    // the text is left to the grammar, so that no text this reads whole holds one.
    if rest.starts_with(char::is_whitespace) {
        return None;
    }
    let mut value = Quantity {
        amount,
        scale,
        unit,
        per,
    };
    let (rest, op) = compare_op(rest, every, before, &mut value).ok()?;
    rest.is_empty().then_some((op, value))
}

/// The unit of a text that is `%` or a known unit, and nothing after it, as [`plain`] reads
/// it after a number: where no percent or scale word, numeral or date may start it, it is the
/// unit ([`clean_open_unit`] reads a known unit whole where the text ends), and it ends the
/// value, without rate or comparator word (`compare_op` gives the comparator before the
/// number and takes `每`'s period as the rate). `None` for any other text.
fn unit_to_end(after: &str) -> Option<Cow<'static, str>> {
    if after == "%" {
        return Some(Cow::Borrowed("%"));
    }
    // The unit is the text: its first character is the text's, looked at before the word.
    let first = after.chars().next()?;
    if matches!(first, '%' | '％' | '百' | '‰')
        || is_numeral_start(first)
        || follows_date_digits(first)
    {
        return None;
    }
    KNOWN_UNITS.exactly(after).map(Cow::Borrowed)
}

// noted = plain note   -- the shape of [`plain`] with a note after it: `达到100%（每月一次）`
//
// Over a clean body whose first parenthesis follows what [`plain`] reads: no production reads
// a parenthesis, so each reads the text before it as it reads that text alone, where
// [`plain`] answers for the full grammar; the search finds the value at the start, and
// `value_end` reads the note. Gives the comparator, the quantity and the note.
pub(super) fn noted(body: &str) -> Option<(Option<Op>, Quantity, Option<&str>)> {
    // The note ends the text ([`note_to_end`]): a text that ends otherwise has none.
    if !body.ends_with([')', '）']) {
        return None;
    }
    // `(` is one byte, `（` is `EF BC 88`.
    let bytes = body.as_bytes();
    let open = bytes.iter().enumerate().position(|(at, &b)| {
        b == b'(' || b == 0xEF && bytes.get(at..at + 3) == Some(&[0xEF, 0xBC, 0x88])
    })?;
    let before = body.get(..open).filter(|b| !b.is_empty())?;
    let (op, value) = plain(before)?;
    let note = note_to_end(body.get(open..)?)?;
    Some((op, value, note))
}

// subject_plain = subject plain   -- the shape of [`plain`] after words no value starts in:
//                                    `重点企业用户满意度≥95%`, `通过验收，合格率达到100%`
//
// Over a clean body, where [`plain`] reads the rest from the first character a value may
// start at ([`may_start`], but for a `年` no value starts at: [`lone_year_word`]), not the
// first of the body: the search for a value tries no earlier position, and at this one
// tries the fast path first, which reads the value ([`single_after`]), unless the subject
// lists a value (`lists_a_value`; here, unless each piece it lists is words); no value starts
// at the start of the body ([`super::plain`]), and a body with separators is no compound
// where it splits into fewer than two pieces or one of words ([`compound`]; a clean body has
// no space to split at). Nor is the subject a date the value holds by: it would start with
// `截`, where a value may start. Gives the subject as the search cleans it, the comparator and
// the quantity.
pub(super) fn subject_plain(body: &str) -> Option<(Option<&str>, Option<Op>, Quantity)> {
    let (at, c) = body
        .char_indices()
        .find(|&(at, c)| may_start(c) && !lone_year_word(body, at, c))?;
    if at == 0 || !may_start_plain(c) || inside_token(body, at) {
        return None;
    }
    let (op, value) = plain(body.get(at..)?)?;
    let subject = clean_subject(body.get(..at)?);
    // A subject lists a value only where a piece of it before a separator is no words: such
    // a one is left to the search, which asks.
    if has_separator(body) && !(no_compound(body) && subject.is_none_or(lists_words_only)) {
        return None;
    }
    Some((subject, op, value))
}

/// Whether every piece of a subject that a separator follows is words ([`words`]): such a
/// subject lists no value (`lists_a_value`), found without the search for one.
fn lists_words_only(subject: &str) -> bool {
    // The pieces as `split_parts` gives them, each judged once the next is found (the last
    // only where a separator ends the subject), without a buffer of them.
    let mut all_words = true;
    let mut last: Option<&str> = None;
    each_separated(subject, |piece| {
        if let Some(listed) = last.replace(piece) {
            all_words = all_words && words(listed);
        }
    });
    if subject.trim_end().ends_with(is_separator)
        && let Some(listed) = last
    {
        all_words = all_words && words(listed);
    }
    all_words
}

/// Whether `c` at `at` of `text` is a `年` that starts no value: of the productions only a
/// relative value (`年度预算`) and a date (`年底`, `年末`) may start with it, and only where
/// `度`, `底` or `末` follows; no comparator, number or rank starts with it, nor a date the
/// value holds by. The search for a value finds none there (`年均…超过400亿元`).
fn lone_year_word(text: &str, at: usize, c: char) -> bool {
    c == '年'
        && !text
            .get(at + c.len_utf8()..)
            .is_some_and(|after| after.starts_with(['度', '底', '末']))
}

/// Whether a clean body with separators is no compound, as [`compound`] finds at once: it
/// splits into fewer than two pieces, or one of them is words ([`words`]).
fn no_compound(body: &str) -> bool {
    // The pieces as `split_parts` gives them, counted and judged without a buffer of them.
    let (mut count, mut any_words) = (0usize, false);
    each_separated(body, |piece| {
        count += 1;
        any_words = any_words || words(piece);
    });
    count < 2 || any_words
}

/// The note of a clean text that starts with an opening parenthesis, as [`value_end`] reads
/// it: `None` where the parenthesis does not close at the very end (a clean text has no space
/// to end with), else the note, trimmed, if not empty. Its partner is found by counting, as
/// [`Notes`] pairs them, without building the pairs.
pub(super) fn note_to_end(tail: &str) -> Option<Option<&str>> {
    let mut depth = 0usize;
    for (at, c) in tail.char_indices() {
        match c {
            '（' | '(' => depth += 1,
            '）' | ')' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if at + c.len_utf8() != tail.len() {
                        return None;
                    }
                    let first = tail.chars().next().map_or(0, char::len_utf8);
                    let note = tail.get(first..at)?.trim();
                    return Some((!note.is_empty()).then_some(note));
                }
            }
            _ => {}
        }
    }
    None
}

/// Whether [`plain`] answered for a clean body as [`super::plain`] would: where it holds no
/// full-width digit or decimal point and no more digits than [`ascii_number`] reads, every
/// number of it is read as the grammar reads it.
pub(super) fn plain_answered(body: &str) -> bool {
    let bytes = body.as_bytes();
    let mut digits: u32 = 0;
    for (at, &b) in bytes.iter().enumerate() {
        if b.is_ascii_digit() {
            digits = digits.saturating_add(1);
        } else if b == 0xEF && bytes.get(at..).is_some_and(full_width_digit) {
            return false;
        }
    }
    digits <= MAX_FAST_DIGITS
}

/// [`open_unit`] over a clean text: a known unit that ends before an ASCII character other
/// than a letter (which no unit holds or starts a stop word with), or at the end, is read at
/// once, after the same test of its first character; any other as [`open_unit`] reads it.
pub(super) fn clean_open_unit(i: &str) -> Option<(&str, Cow<'static, str>)> {
    // No unit is empty, nor starts with a numeral.
    if i.chars().next().is_none_or(is_numeral_start) {
        return None;
    }
    // A shared unit (`元人民币`) so ended is what the run of unit characters reads where no
    // known unit ends: it holds no stop word, ends with none of 内 前 后, and is no known
    // unit (a test checks).
    for table in [&KNOWN_UNITS, &SHARED_UNITS] {
        if let Some(unit) = table.longest_word(i)
            && let Some(rest) = i.get(unit.len()..)
            && rest
                .as_bytes()
                .first()
                .is_none_or(|b| b.is_ascii() && !b.is_ascii_alphabetic())
        {
            return Some((rest, Cow::Borrowed(unit)));
        }
    }
    open_unit(i).ok()
}

/// Whether a unit starts with a character that may follow the digits of a date ([`reads_as_date`]
/// answers `false` for any other): a digit, `年`, `月`, a date or range separator.
pub(super) fn may_follow_a_date(unit: &str) -> bool {
    unit.chars().next().is_some_and(super::follows_date_digits)
}

/// Whether [`plain`] may read a text that starts with `c`: `每`, an ASCII digit, or the first
/// character of a comparator ([`is_op_char`], [`op_word_start`]; a test checks that every
/// comparator word starts with one).
pub(super) fn may_start_plain(c: char) -> bool {
    c == '每' || c.is_ascii_digit() || is_op_char(c) || op_word_start(c)
}

/// Whether a percent word ([`PERCENT_WORDS`]) may start with `c`: `% ％ 百 ‰ 个`. After any
/// other character none is read (a test checks each word).
pub(super) fn percent_start(c: char) -> bool {
    matches!(c, '%' | '％' | '百' | '‰' | '个' | '個')
}

/// Whether a scale word ([`SCALES`]) may start with `c`: `十 百 千 万 亿`, `萬 億`.
pub(super) fn scale_start(c: char) -> bool {
    matches!(c, '十' | '百' | '千' | '万' | '亿' | '萬' | '億')
}

// words = ideographs and other characters, without digits, numerals, comparator symbols,
//         ±, or a word that lets a text without numbers be typed: a baseline (上年, 去年,
//         同期, 预算, 同比) or a date (年底, 年末)
//
// Such a text is qualitative: no production of the grammar can read any part of it (each
// needs a number, a numeral, a baseline or a date word), so it is no compound, no single and
// no trailed value.
pub(super) fn words(body: &str) -> bool {
    // A digit is no word (below): ASCII digits are found by their bytes at once.
    if body.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let mut ideographs = false;
    for (at, c) in body.char_indices() {
        // Most characters are ideographs of none of the kinds below: a bitmap says so.
        if WORD_MARKS.holds(c) == Some(false) {
            ideographs = true;
            continue;
        }
        if digit(c).is_some() || is_op_char(c) || is_cn_numeral(c) || c == '±' {
            return false;
        }
        ideographs |= is_cjk(c);
        let next = || body[at + c.len_utf8()..].chars().next();
        let typed = match c {
            '上' | '去' => next() == Some('年'),
            '同' => matches!(next(), Some('期' | '比')),
            '预' | '預' => next() == Some('算'),
            '年' => matches!(next(), Some('底' | '末')),
            _ => false,
        };
        if typed {
            return false;
        }
    }
    ideographs
}

/// The ideographs of the main block [`words`] looks at more closely: Chinese numerals and the
/// first characters of the words that type a text without numbers. A test checks that no
/// other ideograph is a numeral.
pub(super) const WORD_MARKS: CjkSet = CjkSet::of(&[
    '零', '〇', '一', '壹', '二', '两', '贰', '三', '叁', '四', '肆', '五', '伍', '六', '陆', '七',
    '柒', '八', '捌', '九', '玖', '十', '百', '千', '上', '去', '同', '预', '預', '年',
]);
