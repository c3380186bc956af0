//! The words the value grammar reads. Matching always takes the longest entry, so order
//! within a table does not matter.

use super::{Op, Scale};

/// The most words a table holds.
const MAX_WORDS: usize = 96;

/// A table of words, each packed into an integer and filed in one of 64 buckets by its first
/// character: a lookup compares the text's first bytes with the few words of its character's
/// bucket, each in one integer comparison, and an empty bucket answers at once.
pub(super) struct Words<T: 'static> {
    pub(super) entries: &'static [(&'static str, T)],
    /// The bytes of each word, little-endian, and the mask of their length, by bucket.
    keys: [(u128, u128); MAX_WORDS],
    /// The entry of each of `keys`.
    order: [u8; MAX_WORDS],
    /// Where each bucket starts in `keys`; the last is where the words end.
    starts: [u8; BUCKETS + 1],
}

/// The buckets of a table.
const BUCKETS: usize = 64;

/// The most bytes a word has: it is compared as one `u128`.
const MAX_WORD_BYTES: usize = 16;

/// The bucket of the first character of a text: a hash of its bytes (ASCII by itself, other
/// characters by their last two bytes).
const fn bucket(bytes: &[u8]) -> usize {
    if bytes.is_empty() {
        return 0;
    }
    let b0 = bytes[0];
    let len = if b0 < 0x80 {
        1
    } else if b0 < 0xE0 {
        2
    } else if b0 < 0xF0 {
        3
    } else {
        4
    };
    if len == 1 || bytes.len() < len {
        return b0 as usize % BUCKETS;
    }
    let last = bytes[len - 1] as usize;
    let before = bytes[len - 2] as usize;
    (last ^ (before << 2)) % BUCKETS
}

/// Up to the first 16 bytes of `bytes`, little-endian, zero beyond their end.
const fn pack(bytes: &[u8]) -> u128 {
    let mut key = 0u128;
    let mut k = 0;
    while k < bytes.len() && k < MAX_WORD_BYTES {
        key |= (bytes[k] as u128) << (8 * k);
        k += 1;
    }
    key
}

/// The mask of the first `len` bytes of a packed key, for each `len`.
const MASKS: [u128; MAX_WORD_BYTES + 1] = {
    let mut masks = [0u128; MAX_WORD_BYTES + 1];
    let mut len = 1;
    while len < MAX_WORD_BYTES {
        masks[len] = (1u128 << (8 * len as u32)) - 1;
        len += 1;
    }
    masks[MAX_WORD_BYTES] = u128::MAX;
    masks
};

/// The first bytes of a text, packed as [`pack`] packs a word.
fn head(bytes: &[u8]) -> u128 {
    if let Some(first) = bytes.first_chunk::<MAX_WORD_BYTES>() {
        return u128::from_le_bytes(*first);
    }
    // A short text: its first and last chunks, overlapping, each shifted where it stands (the
    // bytes they share are the same in both), zero beyond the end; rather than a copy.
    let n = bytes.len();
    if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        let first = u128::from(u64::from_le_bytes(*first));
        let last = u128::from(u64::from_le_bytes(*last)) << (8 * (n - 8));
        return first | last;
    }
    if let (Some(first), Some(last)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let first = u128::from(u32::from_le_bytes(*first));
        let last = u128::from(u32::from_le_bytes(*last)) << (8 * (n - 4));
        return first | last;
    }
    bytes
        .iter()
        .rev()
        .fold(0u128, |key, &b| key << 8 | u128::from(b))
}

impl<T> Words<T> {
    /// The table of these words; more than [`MAX_WORDS`] words, an empty word or one of more
    /// than 16 bytes fail the build.
    pub(super) const fn new(entries: &'static [(&'static str, T)]) -> Self {
        assert!(
            entries.len() <= MAX_WORDS,
            "a word table holds at most MAX_WORDS words"
        );
        // A counting sort by bucket, at compile time.
        let mut counts = [0u8; BUCKETS + 1];
        let mut n = 0;
        while n < entries.len() {
            let bytes = entries[n].0.as_bytes();
            assert!(!bytes.is_empty(), "a word table holds no empty word");
            assert!(bytes.len() <= MAX_WORD_BYTES, "a word has at most 16 bytes");
            counts[bucket(bytes) + 1] += 1;
            n += 1;
        }
        let mut starts = [0u8; BUCKETS + 1];
        let mut b = 0;
        while b < BUCKETS {
            starts[b + 1] = starts[b] + counts[b + 1];
            b += 1;
        }
        let mut filled = [0u8; BUCKETS];
        let mut keys = [(0u128, 0u128); MAX_WORDS];
        let mut order = [0u8; MAX_WORDS];
        let mut n = 0;
        while n < entries.len() {
            let bytes = entries[n].0.as_bytes();
            let b = bucket(bytes);
            let at = (starts[b] + filled[b]) as usize;
            filled[b] += 1;
            keys[at] = (pack(bytes), MASKS[bytes.len()]);
            order[at] = n as u8;
            n += 1;
        }
        // Within each bucket, the longest words first, keeping the table's order among words
        // of one length (an insertion sort, stable): the first word that fits is the longest.
        let mut b = 0;
        while b < BUCKETS {
            let (from, to) = (starts[b] as usize, starts[b + 1] as usize);
            let mut k = from + 1;
            while k < to {
                let mut at = k;
                while at > from && keys[at - 1].1 < keys[at].1 {
                    let key = keys[at];
                    keys[at] = keys[at - 1];
                    keys[at - 1] = key;
                    let entry = order[at];
                    order[at] = order[at - 1];
                    order[at - 1] = entry;
                    at -= 1;
                }
                k += 1;
            }
            b += 1;
        }
        Words {
            entries,
            keys,
            order,
            starts,
        }
    }

    /// The longest word `text` starts with: its length in bytes and its value.
    pub(super) fn longest(&self, text: &str) -> Option<(usize, &'static T)> {
        self.longest_entry(text)
            .map(|(word, value)| (word.len(), value))
    }

    /// The longest word `text` starts with.
    pub(super) fn longest_word(&self, text: &str) -> Option<&'static str> {
        self.longest_entry(text).map(|(word, _)| *word)
    }

    /// The word that is `text`, if there is one.
    pub(super) fn exactly(&self, text: &str) -> Option<&'static str> {
        self.longest_entry(text)
            .map(|(word, _)| *word)
            .filter(|word| word.len() == text.len())
    }

    /// The entry of the longest word `text` starts with.
    fn longest_entry(&self, text: &str) -> Option<&'static (&'static str, T)> {
        let bytes = text.as_bytes();
        let b = bucket(bytes);
        let from = usize::from(*self.starts.get(b)?);
        let to = usize::from(*self.starts.get(b + 1)?);
        if from == to {
            return None;
        }
        let head = head(bytes);
        let keys = self.keys.get(from..to)?;
        let order = self.order.get(from..to)?;
        // The words of a bucket come longest first: the first that fits is the longest. A
        // word longer than the text cannot fit: the padding of `head` is zero, a word's bytes
        // are not.
        let at = keys.iter().position(|&(key, mask)| head & mask == key)?;
        self.entries.get(usize::from(*order.get(at)?))
    }
}

/// Whether `unit` is a unit or classifier the grammar knows by name (`家`, `小时`, `美元`).
pub(crate) fn is_known_unit(unit: &str) -> bool {
    KNOWN_UNITS.exactly(unit).is_some()
}

/// Comparator words written before the number.
pub(super) const OP_PREFIX_WORDS: Words<Op> = Words::new(&[
    ("不低于", Op::Ge),
    ("不少于", Op::Ge),
    ("不小于", Op::Ge),
    ("不得低于", Op::Ge),
    ("不得少于", Op::Ge),
    ("大于等于", Op::Ge),
    ("大于或等于", Op::Ge),
    ("高于或等于", Op::Ge),
    ("至少", Op::Ge),
    ("最少", Op::Ge),
    ("达到", Op::Ge),
    ("达", Op::Ge),
    ("不早于", Op::Ge),
    ("超过", Op::Gt),
    ("超出", Op::Gt),
    ("高于", Op::Gt),
    ("大于", Op::Gt),
    ("多于", Op::Gt),
    ("不超过", Op::Le),
    ("不超出", Op::Le),
    ("不超", Op::Le),
    ("不高于", Op::Le),
    ("不大于", Op::Le),
    ("不多于", Op::Le),
    ("不得超过", Op::Le),
    ("不得高于", Op::Le),
    ("小于等于", Op::Le),
    ("小于或等于", Op::Le),
    ("低于或等于", Op::Le),
    ("至多", Op::Le),
    ("最多", Op::Le),
    ("控制在", Op::Le),
    ("不晚于", Op::Le),
    ("低于", Op::Lt),
    ("少于", Op::Lt),
    ("小于", Op::Lt),
    ("不足", Op::Lt),
    ("等于", Op::Eq),
    ("为", Op::Eq),
    // The same in traditional characters, as a mirror site or a copy from Hong Kong or
    // Taiwan prints them.
    ("不低於", Op::Ge),
    ("不少於", Op::Ge),
    ("不小於", Op::Ge),
    ("不得低於", Op::Ge),
    ("不得少於", Op::Ge),
    ("大於等於", Op::Ge),
    ("大於或等於", Op::Ge),
    ("高於或等於", Op::Ge),
    ("達到", Op::Ge),
    ("達", Op::Ge),
    ("不早於", Op::Ge),
    ("超過", Op::Gt),
    ("高於", Op::Gt),
    ("大於", Op::Gt),
    ("多於", Op::Gt),
    ("不超過", Op::Le),
    ("不高於", Op::Le),
    ("不大於", Op::Le),
    ("不多於", Op::Le),
    ("不得超過", Op::Le),
    ("不得高於", Op::Le),
    ("小於等於", Op::Le),
    ("小於或等於", Op::Le),
    ("低於或等於", Op::Le),
    ("不晚於", Op::Le),
    ("低於", Op::Lt),
    ("少於", Op::Lt),
    ("小於", Op::Lt),
    ("等於", Op::Eq),
    ("為", Op::Eq),
]);

/// Comparator words written after the number.
pub(super) const OP_SUFFIX_WORDS: Words<Op> = Words::new(&[
    ("以上", Op::Ge),
    ("及以上", Op::Ge),
    ("或以上", Op::Ge),
    ("以下", Op::Le),
    ("及以下", Op::Le),
    ("或以下", Op::Le),
    ("以内", Op::Le),
    ("之内", Op::Le),
    ("内", Op::Le),
    ("以內", Op::Le),
    ("之內", Op::Le),
    ("內", Op::Le),
]);

/// Comparator words after a date: `2023年12月前`, `2024年内`, `2025年起`. `以上` and `以下`
/// make `10月以上` a date, as `≥10月` is: a month alone is a date, never a duration.
pub(super) const DATE_SUFFIX_WORDS: Words<Op> = Words::new(&[
    ("前", Op::Le),
    ("之前", Op::Le),
    ("以前", Op::Le),
    ("内", Op::Le),
    ("以内", Op::Le),
    ("之内", Op::Le),
    ("后", Op::Ge),
    ("之后", Op::Ge),
    ("以后", Op::Ge),
    ("起", Op::Ge),
    ("以上", Op::Ge),
    ("以下", Op::Le),
    ("內", Op::Le),
    ("以內", Op::Le),
    ("之內", Op::Le),
    ("後", Op::Ge),
    ("之後", Op::Ge),
    ("以後", Op::Ge),
]);

/// Verbs that may follow a deadline without changing it: `2024年6月底前完成`.
pub(super) const DATE_FILLERS: Words<()> = Words::new(&[
    ("完成", ()),
    ("完工", ()),
    ("竣工", ()),
    ("办结", ()),
    ("结束", ()),
    ("到位", ()),
    ("上线", ()),
    ("落实", ()),
    ("验收", ()),
    ("全部完成", ()),
    ("辦結", ()),
    ("結束", ()),
    ("上線", ()),
    ("落實", ()),
    ("驗收", ()),
]);

/// Scale words after a number.
pub(super) const SCALES: Words<Scale> = Words::new(&[
    ("十", Scale::Ten),
    ("百", Scale::Hundred),
    ("千", Scale::Thousand),
    ("万", Scale::TenThousand),
    ("亿", Scale::HundredMillion),
    ("万亿", Scale::Trillion),
    ("萬", Scale::TenThousand),
    ("億", Scale::HundredMillion),
    ("萬億", Scale::Trillion),
]);

/// Spellings of a percentage and its relatives, read before scale words (`百分比` is no 百).
pub(super) const PERCENT_WORDS: Words<&str> = Words::new(&[
    ("%", "%"),
    ("％", "%"),
    ("百分比", "%"),
    ("‰", "‰"),
    ("百分点", "百分点"),
    ("个百分点", "个百分点"),
    ("百分點", "百分点"),
    ("個百分點", "个百分点"),
]);

/// Units and classifiers the grammar knows by name. Any other run of unit characters is a unit
/// too; this table serves Chinese numerals (`两场`, `每月一次`), which need a known classifier,
/// and a unit run too long to be a unit (`2个项目的验收工作`), where its longest known prefix is
/// the unit.
pub(super) const KNOWN_UNITS: Words<()> = Words::new(&[
    ("次", ()),
    ("个", ()),
    ("场", ()),
    ("名", ()),
    ("家", ()),
    ("项", ()),
    ("人", ()),
    ("批", ()),
    ("期", ()),
    ("届", ()),
    ("篇", ()),
    ("本", ()),
    ("份", ()),
    ("条", ()),
    ("件", ()),
    ("座", ()),
    ("所", ()),
    ("天", ()),
    ("日", ()),
    ("月", ()),
    ("年", ()),
    ("周", ()),
    ("季度", ()),
    ("小时", ()),
    ("分钟", ()),
    ("工作日", ()),
    ("个工作日", ()),
    ("个月", ()),
    ("元", ()),
    ("美元", ()),
    ("类", ()),
    ("种", ()),
    ("轮", ()),
    ("趟", ()),
    ("部", ()),
    ("台", ()),
    ("套", ()),
    ("间", ()),
    ("处", ()),
    ("栋", ()),
    ("艘", ()),
    ("架", ()),
    ("辆", ()),
    ("户", ()),
    ("位", ()),
    ("门", ()),
    ("节", ()),
    ("课", ()),
    ("单", ()),
    ("册", ()),
    ("票", ()),
    ("列", ()),
    ("吨", ()),
    ("亩", ()),
    ("米", ()),
    ("公里", ()),
    ("平方米", ()),
    ("立方米", ()),
    ("人次", ()),
    ("场次", ()),
    ("批次", ()),
    ("家次", ()),
    ("架次", ()),
    ("艘次", ()),
    ("班次", ()),
    ("车次", ()),
    ("户次", ()),
    ("项次", ()),
    ("标准箱", ()),
    ("分", ()),
]);

/// Units the grammar shares rather than allocates, beside [`KNOWN_UNITS`].
pub(super) const SHARED_UNITS: Words<()> = Words::new(&[
    ("㎡", ()),
    ("元人民币", ()),
    ("公顷", ()),
    ("平方公里", ()),
    ("千米", ()),
    ("人民币", ()),
]);

/// Periods after 每 (`每年不少于12场`) and in rates.
pub(super) const PERIODS: Words<&str> = Words::new(&[
    ("年", "年"),
    ("年度", "年度"),
    ("半年", "半年"),
    ("季度", "季度"),
    ("季", "季"),
    ("月", "月"),
    ("月度", "月度"),
    ("周", "周"),
    ("星期", "星期"),
    ("日", "日"),
    ("天", "天"),
    ("人", "人"),
    ("户", "户"),
    ("亩", "亩"),
]);

/// Words after which an open unit stops wherever they stand.
pub(super) const UNIT_STOPS: Words<()> = Words::new(&[
    ("以上", ()),
    ("以下", ()),
    ("以内", ()),
    ("之内", ()),
    ("以內", ()),
    ("之內", ()),
    ("及以上", ()),
    ("及以下", ()),
    ("或以上", ()),
    ("或以下", ()),
    ("左右", ()),
    ("至", ()),
    ("到", ()),
]);

/// Characters an open unit never ends with, left to the comparator or date grammar:
/// `2个工作日内` is 个工作日 and 内, while `5条国内航线` keeps its 内.
pub(super) const UNIT_NEVER_ENDS_WITH: &[char] = &['内', '前', '后', '內', '後'];

/// Words that tie a rank to where it is held: `居全市前6`.
pub(super) const RANK_VERBS: Words<()> = Words::new(&[
    ("居", ()),
    ("位居", ()),
    ("位列", ()),
    ("位于", ()),
    ("排名", ()),
    ("排在", ()),
    ("排", ()),
    ("进入", ()),
    ("保持", ()),
    ("稳居", ()),
    ("列", ()),
]);

/// The first characters of a rank's scope: `全市`, `全国同类城市`, `本省`, `同行业`.
pub(super) const SCOPE_STARTS: &[char] = &['全', '本', '同', '省', '市', '国', '区', '县', '行'];

/// The previous year as a baseline.
pub(super) const PREVIOUS_YEAR: Words<()> = Words::new(&[
    ("上年", ()),
    ("上年度", ()),
    ("上一年", ()),
    ("上一年度", ()),
    ("去年", ()),
    ("前一年", ()),
    ("上年同期", ()),
    ("去年同期", ()),
    ("上年度同期", ()),
    ("同期", ()),
]);

/// Words after a baseline that add nothing to it: `上年水平`, `预算数`.
pub(super) const BASELINE_FILLERS: Words<()> = Words::new(&[
    ("水平", ()),
    ("同期水平", ()),
    ("数", ()),
    ("数值", ()),
    ("值", ()),
    ("标准", ()),
]);

/// Words before 预算: `当年预算数`, `年度预算`.
pub(super) const BUDGET_PREFIXES: Words<()> = Words::new(&[
    ("当年", ()),
    ("当年度", ()),
    ("本年", ()),
    ("本年度", ()),
    ("年度", ()),
    ("批复", ()),
    ("部门", ()),
    ("项目", ()),
    ("當年", ()),
    ("當年度", ()),
    ("批復", ()),
    ("部門", ()),
    ("項目", ()),
]);

/// Words after 预算: `预算申报数`, `预算批复金额`, `预算范围`.
pub(super) const BUDGET_SUFFIXES: Words<()> = Words::new(&[
    ("申报数", ()),
    ("申报金额", ()),
    ("批复数", ()),
    ("批复金额", ()),
    ("安排数", ()),
    ("执行数", ()),
    ("数", ()),
    ("金额", ()),
    ("额", ()),
    ("数额", ()),
    ("资金", ()),
    ("范围", ()),
    ("标准", ()),
    ("申报数范围", ()),
    ("申報數", ()),
    ("申報金額", ()),
    ("批復數", ()),
    ("批復金額", ()),
    ("安排數", ()),
    ("執行數", ()),
    ("數", ()),
    ("金額", ()),
    ("額", ()),
    ("數額", ()),
    ("資金", ()),
    ("範圍", ()),
    ("標準", ()),
    ("申報數範圍", ()),
]);

/// Words that introduce a change against a baseline: `较上年增长10%`.
pub(super) const CHANGE_REFS: Words<()> = Words::new(&[
    ("较", ()),
    ("比", ()),
    ("相比", ()),
    ("相较", ()),
    ("相较于", ()),
    ("对比", ()),
    ("較", ()),
    ("相較", ()),
    ("相較於", ()),
    ("對比", ()),
]);

/// The first words of a relative value ([`PREVIOUS_YEAR`], [`BUDGET_PREFIXES`],
/// [`CHANGE_REFS`], `同比` and `预算`), for a look at whether one may start somewhere.
pub(super) const RELATIVE_STARTS: Words<()> = Words::new(&[
    ("上年", ()),
    ("上年度", ()),
    ("上一年", ()),
    ("上一年度", ()),
    ("去年", ()),
    ("前一年", ()),
    ("上年同期", ()),
    ("去年同期", ()),
    ("上年度同期", ()),
    ("同期", ()),
    ("当年", ()),
    ("当年度", ()),
    ("本年", ()),
    ("本年度", ()),
    ("年度", ()),
    ("批复", ()),
    ("部门", ()),
    ("项目", ()),
    ("较", ()),
    ("比", ()),
    ("相比", ()),
    ("相较", ()),
    ("相较于", ()),
    ("对比", ()),
    ("同比", ()),
    ("预算", ()),
    ("當年", ()),
    ("當年度", ()),
    ("批復", ()),
    ("部門", ()),
    ("項目", ()),
    ("較", ()),
    ("相較", ()),
    ("相較於", ()),
    ("對比", ()),
    ("預算", ()),
]);

/// The direction of a change: `增长` (+1), `下降` (−1).
pub(super) const CHANGE_VERBS: Words<bool> = Words::new(&[
    ("增长", true),
    ("增加", true),
    ("提高", true),
    ("提升", true),
    ("上升", true),
    ("增幅", true),
    ("下降", false),
    ("减少", false),
    ("降低", false),
    ("压减", false),
    ("降幅", false),
    ("增長", true),
    ("減少", false),
    ("壓減", false),
]);

/// Words that introduce the date a value holds by: `截至2026年`.
pub(super) const AS_OF_WORDS: Words<()> =
    Words::new(&[("截至", ()), ("截止", ()), ("截止到", ()), ("截至到", ())]);

/// Characters a range is written with: `3-5年`, `3～5年`, `3至5年`.
pub(super) const RANGE_SEPARATORS: Words<()> = Words::new(&[
    ("-", ()),
    ("－", ()),
    ("—", ()),
    ("–", ()),
    ("~", ()),
    ("～", ()),
    ("〜", ()),
    ("至", ()),
    ("到", ()),
]);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn heads_pack_texts_as_words_are_packed() {
        let text = "达到1,000、百分比≥90%万亿元人民币";
        for (from, _) in text.char_indices() {
            for to in (from..=text.len()).filter(|&to| text.is_char_boundary(to)) {
                let bytes = &text.as_bytes()[from..to];
                assert_eq!(head(bytes), pack(bytes), "{from}..{to}");
            }
        }
        // Every length, from its chunks or byte by byte.
        let bytes: Vec<u8> = (1u8..=40)
            .map(|b| b.wrapping_mul(37).wrapping_add(3))
            .collect();
        for from in 0..bytes.len() {
            for to in from..=bytes.len() {
                assert_eq!(
                    head(&bytes[from..to]),
                    pack(&bytes[from..to]),
                    "{from}..{to}"
                );
            }
        }
    }
}
