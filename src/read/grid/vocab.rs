//! The words of grids: what a column header means, what a label cell names, what ends a
//! table. Headers and labels are compared after [`fold`]: simplified characters, no spaces,
//! no bracketed notes, no outline numbering, no trailing colon.

use crate::taxonomy::simplified;

/// What a column holds, read from its header.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Role {
    /// A label column over the grid (`绩效指标` spanning the rows): no data of its own.
    Section,
    /// 序号.
    Seq,
    /// The funding unit (单位名称, 预算单位, 项目单位).
    Org,
    /// 项目名称.
    Project,
    /// The project's budget (预算数, 资金总额).
    Budget,
    /// The project's goal (年度目标, 绩效目标).
    Goal,
    /// Another fact about the project (项目类别, 资金来源), kept as a detail.
    Detail,
    /// 一级指标.
    Tier,
    /// 二级指标.
    Category,
    /// 三级指标.
    Name,
    /// The annual target: 指标值, 年度指标值, 目标值.
    Annual,
    /// A second horizon's target: 实施周期, 长期, 中期, 半年.
    Period,
    /// The actual value: 实际完成值, 全年实际值.
    Actual,
    /// 分值, 权重.
    Weight,
    /// A level's points, in a 分值 column right after its 一级 or 二级 column (`一级指标 | 分值
    /// | 二级指标 | 分值 | 三级指标 | 分值`): merged down with its label, and kept as text.
    LevelWeight,
    /// 得分.
    Score,
    /// A column of small words, each cell saying what it is: a comparator (计算符号), 定量 or
    /// 定性 (指标性质), or 正向/反向 (指标方向). Tables mix up the headers of these.
    Qualifier,
    /// 度量单位, 计量单位.
    Measure,
    /// A text column: 指标解释, 评分标准, 备注, 偏差原因 …
    Text,
    /// 核心指标 (★).
    Core,
    /// A header cell with no words.
    Blank,
}

impl Role {
    /// Whether the role is about an indicator (as opposed to the project or the layout).
    pub(crate) fn is_indicator(self) -> bool {
        matches!(
            self,
            Role::Tier
                | Role::Category
                | Role::Name
                | Role::Annual
                | Role::Period
                | Role::Actual
                | Role::Weight
                | Role::Score
                | Role::Qualifier
                | Role::Measure
                | Role::Core
        )
    }

    /// Whether a table merges this column's cells down several rows, so that a row may leave
    /// it out and take the value above.
    pub(crate) fn carries(self) -> bool {
        matches!(
            self,
            Role::Section
                | Role::Seq
                | Role::Org
                | Role::Project
                | Role::Budget
                | Role::Goal
                | Role::Detail
                | Role::Tier
                | Role::Category
                | Role::LevelWeight
        )
    }
}

/// Whether `text` is `word` once its traditional characters are simplified (`指標` is
/// `指标`): how a piece of a header or label is told where it is not [`fold`]ed whole.
pub(crate) fn is_word(text: &str, word: &str) -> bool {
    printed_len(text, word) == Some(text.len())
}

/// The length of `word` (in simplified characters) at the start of a text that prints it in
/// simplified or traditional characters (`指標值` for 指标值), if it does.
///
/// One walk over the word: a character printed as the word has it is taken as it is (the
/// words are in simplified characters, each its own simplified form), another by its
/// simplified form; most words are ruled out at their second character.
pub(crate) fn printed_len(text: &str, word: &str) -> Option<usize> {
    let mut len = 0;
    let mut printed = text.chars();
    for c in word.chars() {
        let p = printed.next()?;
        if p != c && simplified(p) != c {
            return None;
        }
        len += p.len_utf8();
    }
    Some(len)
}

/// Whether `text` ends with `word` once its traditional characters are simplified.
pub(crate) fn ends_with_word(text: &str, word: &str) -> bool {
    text.len()
        .checked_sub(word.len())
        .and_then(|at| text.get(at..))
        .is_some_and(|tail| is_word(tail, word))
}

/// `text` without `word` at its start, where it starts with it once its traditional
/// characters are simplified.
pub(crate) fn strip_word<'t>(text: &'t str, word: &str) -> Option<&'t str> {
    text.get(printed_len(text, word)?..)
}

/// A header or label as compared: simplified characters, without whitespace, bracketed
/// notes (`（万元）`, `(50分)`), outline numbering (`一、`, `1.`), marks (`*`, `★`) and a
/// trailing colon. Linear in its length.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    // Most texts have no bracket, space, mark or traditional character: runs of characters
    // kept as they are copied whole (one copy for most texts), not a character at a time.
    let mut run = 0usize;
    for (at, c) in text.char_indices() {
        let s = simplified(c);
        // A Chinese character is no bracket, space or mark: only its simplified form counts.
        if depth == 0 && s == c && (crate::taxonomy::is_han(c) || !folds(c)) {
            continue;
        }
        out.push_str(text.get(run..at).unwrap_or_default());
        run = at.saturating_add(c.len_utf8());
        match s {
            '(' | '（' | '[' | '【' | '〔' => depth += 1,
            ')' | '）' | ']' | '】' | '〕' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            s if s.is_whitespace() || matches!(s, '*' | '＊' | '★' | '☆' | '?' | '\u{a0}') => {
            }
            s => out.push(s),
        }
    }
    out.push_str(text.get(run..).unwrap_or_default());
    // The trailing colon and the outline number off, in place: no second string.
    let kept = out.trim_end_matches([':', '：']).len();
    out.truncate(kept);
    let start = out.len().saturating_sub(strip_outline(&out).len());
    if start > 0 {
        out.drain(..start);
    }
    out
}

/// Whether [`fold`] drops or changes a character that [`simplified`] leaves as it is: a
/// bracket, whitespace or a mark. ASCII is told by one comparison of a byte.
pub(crate) fn folds(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, '(' | '[' | ')' | ']' | '*' | '?') || c.is_whitespace();
    }
    matches!(
        c,
        '（' | '【' | '〔' | '）' | '】' | '〕' | '＊' | '★' | '☆' | '\u{a0}'
    ) || c.is_whitespace()
}

/// Strips an outline number in front of a label: `一、`, `1.`, `1、`, `（一）` (already
/// unbracketed), `目标1:`-style prefixes are kept.
pub(crate) fn strip_outline(text: &str) -> &str {
    let end = text
        .char_indices()
        .find(|&(_, c)| {
            !(matches!(
                c,
                '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十'
            ) || c.is_ascii_digit())
        })
        .map_or(text.len(), |(i, _)| i);
    if end == 0 {
        return text;
    }
    match text[end..].strip_prefix(['、', '.', '．']) {
        Some(rest) if !rest.is_empty() => rest,
        _ => text,
    }
}

/// The characters of a text as a set of 128 buckets: a word with a character in none of the
/// text's buckets is not in the text. It spares the word lists most substring searches (a
/// search costs about as much as a header's whole reading); a filter only, so what the lists
/// decide is `str::contains`'s.
#[derive(Clone, Copy)]
pub(crate) struct Chars(u128);

impl Chars {
    pub(crate) fn of(text: &str) -> Chars {
        Chars(
            text.chars()
                .fold(0, |set, c| set | Chars::bit(u32::from(c))),
        )
    }

    /// Whether the text holds one of `words`: a word whose characters are not all among the
    /// text's buckets is ruled out by one comparison, before any search.
    pub(crate) fn any_in(self, text: &str, words: &[Word]) -> bool {
        words
            .iter()
            .any(|w| self.0 & w.buckets == w.buckets && text.contains(w.text))
    }

    /// A character's bucket ([`crate::taxonomy::bucket`]).
    const fn bit(code: u32) -> u128 {
        crate::taxonomy::bucket(code)
    }
}

/// A word of a list that texts are searched for, with its characters' buckets ([`Chars`]),
/// found when the list is compiled: a word is ruled out of a text by one comparison.
#[derive(Clone, Copy)]
pub(crate) struct Word {
    text: &'static str,
    buckets: u128,
}

impl Word {
    /// A word and its buckets, decoded from its UTF-8 bytes when the list is compiled.
    pub(crate) const fn new(text: &'static str) -> Word {
        const fn byte(bytes: &[u8], at: usize) -> u32 {
            if at < bytes.len() {
                bytes[at] as u32
            } else {
                0
            }
        }
        let bytes = text.as_bytes();
        let mut buckets = 0;
        let mut at = 0;
        while at < bytes.len() {
            let lead = byte(bytes, at);
            let (code, len) = if lead < 0x80 {
                (lead, 1)
            } else if lead < 0xE0 {
                (((lead & 0x1F) << 6) | (byte(bytes, at + 1) & 0x3F), 2)
            } else if lead < 0xF0 {
                (
                    ((lead & 0x0F) << 12)
                        | ((byte(bytes, at + 1) & 0x3F) << 6)
                        | (byte(bytes, at + 2) & 0x3F),
                    3,
                )
            } else {
                (
                    ((lead & 0x07) << 18)
                        | ((byte(bytes, at + 1) & 0x3F) << 12)
                        | ((byte(bytes, at + 2) & 0x3F) << 6)
                        | (byte(bytes, at + 3) & 0x3F),
                    4,
                )
            };
            buckets |= Chars::bit(code);
            at += len;
        }
        Word { text, buckets }
    }
}

/// A list of [`Word`]s, built when the crate is compiled: `word_list!["偏差", "原因"]`.
macro_rules! word_list {
    ($($word:literal),* $(,)?) => {{
        const WORDS: &[$crate::read::grid::vocab::Word] =
            &[$($crate::read::grid::vocab::Word::new($word)),*];
        WORDS
    }};
}
pub(crate) use word_list;

/// The first two characters of every word [`role_of`] compares a header with or looks for
/// in it (and [`is_baseline`]'s `实际`). A header of two characters or more names a role only
/// where two of its characters side by side are one of these: most cells (names, values)
/// hold none, and are ruled out before the lists are read. A test holds the list to the
/// words of `role_of`.
const ROLE_BIGRAMS: &[&str] = &[
    "一级", "三级", "中期", "二级", "依据", "偏差", "全年", "公式", "具体", "内容", "分值", "分数",
    "分项", "半年", "单位", "原因", "含义", "周期", "备注", "子指", "完成", "定义", "实施", "实现",
    "实际", "属性", "年度", "序号", "度量", "归口", "得分", "性质", "总体", "扣分", "执行", "指标",
    "描述", "改进", "数值", "整体", "方向", "方法", "明细", "期望", "期限", "本年", "权重", "来源",
    "标准", "核心", "比较", "水平", "满分", "目标", "科室", "符号", "类别", "类型", "级指", "绩效",
    "编号", "考核", "自评", "解释", "计分", "计划", "计算", "计量", "设定", "评价", "评分", "说明",
    "资金", "起止", "达成", "运算", "部门", "金额", "长期", "项目", "预期", "预算", "预计",
];

/// [`ROLE_BIGRAMS`] as a set of 1,024 buckets, built when the crate is compiled.
const ROLE_BIGRAM_SET: [u64; 16] = bigram_set(ROLE_BIGRAMS);

/// Pairs of characters as a set of 1,024 buckets ([`bigram_bucket`]).
const fn bigram_set(pairs: &[&str]) -> [u64; 16] {
    let mut set = [0u64; 16];
    let mut i = 0;
    while i < pairs.len() {
        let bytes = pairs[i].as_bytes();
        // Two characters of three bytes each (a test holds them to it).
        if bytes.len() == 6 {
            let a = ((bytes[0] as u32 & 0x0F) << 12)
                | ((bytes[1] as u32 & 0x3F) << 6)
                | (bytes[2] as u32 & 0x3F);
            let b = ((bytes[3] as u32 & 0x0F) << 12)
                | ((bytes[4] as u32 & 0x3F) << 6)
                | (bytes[5] as u32 & 0x3F);
            let at = bigram_bucket(a, b);
            set[at / 64] |= 1 << (at % 64);
        } else {
            set = [u64::MAX; 16];
        }
        i += 1;
    }
    set
}

/// The bucket of two characters side by side in a [`bigram_set`].
const fn bigram_bucket(a: u32, b: u32) -> usize {
    (a.wrapping_mul(0x9E37_79B9) ^ b.wrapping_mul(0x85EB_CA6B)).wrapping_mul(0x9E37_79B9) as usize
        >> 22
}

/// Whether a text of two characters or more holds two characters side by side in a
/// [`bigram_set`] (a filter only: a bucket may hold other pairs); a text of fewer passes.
fn holds_pair(text: &str, set: &[u64; 16]) -> bool {
    let mut chars = text.chars();
    let Some(mut a) = chars.next() else {
        return true;
    };
    let mut pairs = false;
    for b in chars {
        pairs = true;
        let at = bigram_bucket(a as u32, b as u32);
        if set[at / 64] & (1 << (at % 64)) != 0 {
            return true;
        }
        a = b;
    }
    !pairs
}

/// Whether a text may name a role ([`role_of`]): a text of one character is read in full; a
/// longer one needs two characters side by side that begin one of the role words.
fn may_name_role(text: &str) -> bool {
    holds_pair(text, &ROLE_BIGRAM_SET)
}

/// Whether two characters side by side, in simplified characters, may begin one of the role
/// words (a filter only: [`may_name_role`] at one pair).
pub(crate) fn may_begin_role_word(a: char, b: char) -> bool {
    let at = bigram_bucket(a as u32, b as u32);
    ROLE_BIGRAM_SET[at / 64] & (1 << (at % 64)) != 0
}

/// The first two characters of every word [`fact_of`] compares a label with or looks for in
/// it: a label names a fact only where two of its characters side by side are one of these.
/// A test holds the list to the words of `fact_of`.
const FACT_BIGRAMS: &[&str] = &[
    "下达", "专项", "中期", "主管", "其中", "其他", "单位", "填报", "填表", "实施", "审核", "市级",
    "年度", "归口", "当年", "总体", "总目", "投资", "政策", "本年", "本级", "申报", "立项", "绩效",
    "编制", "联系", "负责", "财政", "资金", "起止", "部门", "金额", "长期", "项目", "预期", "预算",
];

/// [`FACT_BIGRAMS`] as a set of 1,024 buckets, built when the crate is compiled.
const FACT_BIGRAM_SET: [u64; 16] = bigram_set(FACT_BIGRAMS);

/// The role a column header names, if it names one. `header` is [`fold`]ed.
pub(crate) fn role_of(header: &str) -> Option<Role> {
    let h = header;
    if h.is_empty() {
        return Some(Role::Blank);
    }
    if !may_name_role(h) {
        return None;
    }
    let chars = Chars::of(h);
    let has = |words: &[Word]| chars.any_in(h, words);
    let is = |words: &[&str]| words.contains(&h);
    if is(&["序号", "编号"]) {
        return Some(Role::Seq);
    }
    // Evaluation tables: 评价指标 | 评价内容 | 指标名称 | 指标说明 | 目标值 | 分值.
    if is(&["评价指标", "评价维度"]) {
        return Some(Role::Tier);
    }
    if is(&["评价内容", "评价要点"]) {
        return Some(Role::Category);
    }
    if is(&[
        "指标内容",
        "指标名称",
        "目标名称",
        "绩效指标名称",
        "具体指标",
        "明细指标",
        "分项指标",
        "子指标",
        "指标项",
        "考核指标",
        "指标",
        "三级",
        "三级指标",
    ]) {
        return Some(Role::Name);
    }
    // What an indicator's share of the money is (`绩效金额`) is kept as its text.
    if has(word_list!["偏差", "原因", "改进措施"]) || is(&["绩效金额", "指标金额"])
    {
        return Some(Role::Text);
    }
    // `级指标`: a first level's header whose 一 the page lost.
    if h.starts_with("一级") || h == "级指标" {
        return Some(Role::Tier);
    }
    if h.starts_with("二级") {
        return Some(Role::Category);
    }
    if h.starts_with("三级") {
        return Some(Role::Name);
    }
    // A standard's points (`标准分`) are a weight, whatever 标准 says below.
    if has(word_list!["标准分"]) {
        return Some(Role::Weight);
    }
    // The points given, in words that elsewhere head scoring rules (`评分标准`).
    if is(&["评分", "自评分", "自评评分"]) {
        return Some(Role::Score);
    }
    if has(word_list![
        "说明", "解释", "描述", "依据", "来源", "标准", "评分", "扣分", "计分", "备注", "内容",
        "含义", "定义", "公式", "方法",
    ]) {
        return Some(Role::Text);
    }
    if has(word_list!["核心"]) {
        return Some(Role::Core);
    }
    if has(word_list!["得分", "评分结果", "自评分"]) {
        return Some(Role::Score);
    }
    if has(word_list!["分值", "权重", "分数", "满分", "标准分"]) {
        return Some(Role::Weight);
    }
    // A past year's actual value (`2021年实际实现值`) is a baseline, kept as text.
    if is_baseline(h) {
        return Some(Role::Text);
    }
    // What became of the indicators as a block (`年度绩效指标完成情况`) spans the grid.
    if has(word_list!["绩效指标"]) && h.ends_with("完成情况") {
        return Some(Role::Section);
    }
    if has(word_list![
        "实际",
        "完成值",
        "完成指标",
        "完成情况",
        "完成结果",
        "达成值",
        // What was done (`实施进度`, `已完成100%`), not a planned schedule (`进度安排`).
        "实施进度",
        "完成进度",
        "执行进度",
        "执行情况",
        "完成数"
    ]) || is(&["实现值", "全年实现值", "年度实现值"])
    {
        return Some(Role::Actual);
    }
    if has(word_list![
        "性质",
        "符号",
        "运算",
        "方向",
        "类型",
        "比较",
        "指标属性",
        "指标值属性"
    ]) {
        return Some(Role::Qualifier);
    }
    if has(word_list!["度量单位", "计量单位", "计算单位", "指标单位"]) || is(&["单位", "单位名"])
    {
        return Some(Role::Measure);
    }
    if has(word_list![
        "长期",
        "中期",
        "实施周期",
        "实施期",
        "周期",
        "半年",
        "总体",
        "整体",
    ]) && has(word_list!["值", "目标", "指标", "水平"])
    {
        return Some(Role::Period);
    }
    if has(word_list![
        "指标值",
        "目标值",
        "年度值",
        "预期",
        "计划值",
        "计划水平",
        "数值",
        "标准值",
        "年度指标",
        "全年指标",
        "指标目标",
        "考核值",
        "设定值",
        "期望值",
        "预计",
    ]) || is(&["值", "年度", "全年", "目标值及单位"])
    {
        return Some(Role::Annual);
    }
    if is(&["长期", "中期", "半年", "实施周期", "实施期"]) {
        return Some(Role::Period);
    }
    if has(word_list![
        "单位名称",
        "预算单位",
        "项目单位",
        "实施单位",
        "部门名称",
        "单位编码",
    ]) {
        return Some(Role::Org);
    }
    if is(&["项目名称", "项目"]) {
        return Some(Role::Project);
    }
    if has(word_list![
        "预算数",
        "预算金额",
        "资金总额",
        "项目金额",
        "资金规模"
    ]) || is(&["预算", "金额"])
    {
        return Some(Role::Budget);
    }
    if has(word_list!["目标"]) {
        return Some(Role::Goal);
    }
    if has(word_list![
        "类别",
        "属性",
        "资金来源",
        "归口",
        "科室",
        "期限",
        "起止"
    ]) {
        return Some(Role::Detail);
    }
    if is(&[
        "绩效指标",
        "绩效目标指标",
        "指标体系",
        "年度绩效指标",
        "本年度绩效指标",
        "绩效",
    ]) {
        return Some(Role::Section);
    }
    None
}

/// Whether a folded header names a past year's actual value (`2021年实际实现值`): a baseline,
/// read as a text column, whose cells are values.
pub(crate) fn is_baseline(header: &str) -> bool {
    // A digit and 年 first: they rule out most headers at less cost than a search for 实际.
    header.bytes().any(|b| b.is_ascii_digit()) && header.contains('年') && header.contains("实际")
}

/// A fact a label cell names in a table's head or a project's block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fact {
    /// The project's name (项目名称, 专项名称).
    Project,
    /// The department in charge (主管部门).
    Competent,
    /// The unit that carries it out (实施单位).
    Implementer,
    /// The department of the whole table (部门名称, 单位名称).
    Department,
    /// The project's budget (项目金额, 年度资金总额, 预算数).
    Budget,
    /// Of which 财政拨款.
    Fiscal,
    /// Of which 其他资金.
    Other,
    /// The goal for the year (年度目标, 年度绩效目标).
    Goal,
    /// A goal of another horizon (总体目标, 实施期绩效目标), kept as a detail, or taken as the
    /// goal where the table states no other.
    LongGoal,
    /// The period (项目期, 实施期).
    Period,
    /// The money unit (单位, 金额单位).
    MoneyUnit,
    /// Anything else a label names (项目负责人, 联系电话, 项目属性 …): a detail.
    Detail,
}

/// Whether a text is a ratio of words (`执行数/预算数`, `到位资金÷预算资金`): words either side
/// of a division.
fn is_formula(text: &str) -> bool {
    text.split_once(['/', '÷'])
        .is_some_and(|(a, b)| !a.trim().is_empty() && !b.trim().is_empty() && !b.contains("万元"))
}

/// The fact a label names, if the text is a label. `label` is [`fold`]ed.
pub(crate) fn fact_of(label: &str) -> Option<Fact> {
    let l = label;
    // A label is short; text that merely mentions a label's words is none, and so is a
    // formula (`执行数/预算数`, an indicator's explanation) or a sentence (`基本完成年度目标。`,
    // what became of a goal).
    if l.chars().count() > 16 || is_formula(l) || l.ends_with(['。', '；', ';', '！', '!']) {
        return None;
    }
    // A rate (`项目资金到位率`, `资金总额执行率`) is an indicator's name, or a money block's
    // column: no fact's label, whatever words it begins with.
    if l.ends_with('率') {
        return None;
    }
    // Most cells hold no two characters that begin a fact's words: they are ruled out
    // before the lists are read.
    if !holds_pair(l, &FACT_BIGRAM_SET) {
        return None;
    }
    let is = |words: &[&str]| words.contains(&l);
    let chars = Chars::of(l);
    let has = |words: &[Word]| chars.any_in(l, words);
    if is(&[
        "项目名称",
        "项目支出名称",
        "专项名称",
        "项目",
        "项目全称",
        "政策名称",
        "专项资金名称",
        "资金名称",
    ]) {
        return Some(Fact::Project);
    }
    // `主管部门及代码`, and `业务主管部门`, `县级主管部门`, `项目主管部门` ….
    if l.starts_with("主管部门")
        || l.ends_with("主管部门")
        || is(&["预算部门", "主管单位", "归口部门"])
    {
        return Some(Fact::Competent);
    }
    if is(&[
        "实施单位",
        "项目单位",
        "申报单位",
        "项目实施单位",
        "下达地方或单位",
        "资金使用单位",
        "预算单位",
    ]) {
        return Some(Fact::Implementer);
    }
    if is(&["部门名称", "单位名称", "填报单位", "部门"]) {
        return Some(Fact::Department);
    }
    if is(&["单位", "金额单位", "资金单位"]) {
        return Some(Fact::MoneyUnit);
    }
    if has(word_list![
        "财政拨款",
        "财政资金",
        "市级财政资金",
        "本级财政"
    ]) && has(word_list!["其中", "当年"])
    {
        return Some(Fact::Fiscal);
    }
    if is(&["其他资金", "其中:其他资金", "当年其他资金", "其他"]) {
        return Some(Fact::Other);
    }
    // An investment names the budget where the label ends with it (`总投资`, `中央预算内投资`);
    // inside a name it is an indicator's (`年度投资完成率`, `投资计划转发用时`).
    if has(word_list![
        "项目金额",
        "资金总额",
        "预算数",
        "预算金额",
        "项目资金",
        "预算规模",
        "本级预算金额",
    ]) || is(&["当年预算", "年度预算"])
        || ["投资", "投资额", "投资总额"]
            .iter()
            .any(|w| l.ends_with(w))
    {
        return Some(Fact::Budget);
    }
    if has(word_list![
        "年度目标",
        "年度绩效目标",
        "本年度绩效目标",
        "年度总体目标",
        "年度总体绩效目标",
        "年度履职目标",
    ]) || is(&[
        "绩效目标",
        "预期目标",
        "项目年度目标",
        "当年绩效目标",
        "项目绩效目标",
    ]) {
        return Some(Fact::Goal);
    }
    if has(word_list![
        "总体目标",
        "实施期绩效目标",
        "中期目标",
        "长期目标",
        "实施期目标",
        "总目标",
    ]) {
        return Some(Fact::LongGoal);
    }
    if is(&[
        "项目期",
        "实施期",
        "项目支出实施期",
        "项目起止时间",
        "实施期限",
        "项目周期",
        "项目实施期",
        "起止时间",
        "实施周期",
    ]) {
        return Some(Fact::Period);
    }
    if [
        "项目负责人",
        "负责人",
        "联系人",
        "联系电话",
        "填表人",
        "审核人",
    ]
    .iter()
    .any(|w| l.starts_with(w))
    {
        return Some(Fact::Detail);
    }
    if is(&[
        "项目负责人",
        "负责人",
        "联系人",
        "联系电话",
        "项目属性",
        "项目类别",
        "项目类型",
        "资金来源",
        "归口科室",
        "项目概况",
        "立项依据",
        "项目概况及立项依据",
        "部门职能职责概述",
        "部门职责",
        "单位职责",
        "部门职能",
        "项目资金",
        "资金情况",
        "部门编码",
        "单位编码",
        "预算编码",
        "填表人",
        "填报日期",
        "编制单位",
    ]) {
        return Some(Fact::Detail);
    }
    None
}

/// Whether a cell is a web page's own words after its table: sharing, printing, downloads,
/// the site's footer (`扫一扫在手机打开当前页`, `上一篇`, `文件下载`, `…主办 …承办`,
/// `鲁ICP备06032897号`).
pub(crate) fn is_chrome(first: &str) -> bool {
    // A footer's registrations and sponsors, wherever they stand in the line; looked for
    // only in a cell that holds one of their first characters (one pass: most cells none).
    let footer = first.contains(['I', '公', '网', '主'])
        && (first.contains("ICP备")
            || first.contains("公网安备")
            || first.contains("网站标识码")
            || first.contains("主办") && first.contains("承办"));
    footer
        || [
            "qrcode",
            "扫一扫",
            "手机扫码",
            "返回顶部",
            "打印本页",
            "关闭窗口",
            "上一篇",
            "下一篇",
            "分享到",
            "版权所有",
            "主办单位",
            "网站地图",
            "文件下载",
            "附件下载",
            "政策咨询",
            "如果您对",
            "标签:",
            "标签：",
            "内容保障",
            "相关链接",
            "【字体",
        ]
        .iter()
        .any(|w| first.starts_with(w))
}

/// Whether a text is a table's number alone: `表十二`, `附表3`, `表3-1`.
pub(crate) fn is_table_number(text: &str) -> bool {
    let t = text.trim_end_matches([':', '：']);
    let Some(rest) = t.strip_prefix("附表").or_else(|| t.strip_prefix('表')) else {
        return false;
    };
    !rest.is_empty()
        && rest.chars().count() <= 6
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == '-' || "一二三四五六七八九十".contains(c))
}

/// Whether a row's first cell ends the grid: a total, a verdict, a signature line.
/// `folded` is the cell [`fold`]ed.
pub(crate) fn ends_grid(first: &str, folded: &str) -> bool {
    let words = [
        "合计",
        "总计",
        "总分",
        "评价结论",
        "存在问题",
        "改进措施",
        "注:",
        "注：",
        "备注:",
        "说明:",
    ];
    // A template's row of dots left above the total glued onto it (`……总分100`).
    let dots = |c: char| matches!(c, '…' | '.' | '。' | '⋯');
    let first = first.trim_start_matches(dots);
    // In traditional characters (`註：`, `填表人`), the words as simplified.
    let simple: std::borrow::Cow<'_, str> = if first.chars().any(|c| simplified(c) != c) {
        std::borrow::Cow::Owned(first.chars().map(simplified).collect())
    } else {
        std::borrow::Cow::Borrowed(first)
    };
    let first = simple.as_ref();
    let folded = folded.trim_start_matches(dots);
    let chars = Chars::of(folded);
    // An attachment's line after the table (`附件:`, `附件1`), not a word of a name.
    let attachment = first.strip_prefix("附件").is_some_and(|rest| {
        rest.is_empty()
            || rest.starts_with([':', '：'])
            || rest.starts_with(|c: char| c.is_ascii_digit())
    });
    attachment
        || is_chrome(first)
        || words.iter().any(|w| first.starts_with(w))
        || signs_off(first)
        || matches!(folded, "合计" | "总计" | "总分" | "得分合计" | "总得分")
        || chars.any_in(
            folded,
            word_list![
                "盖章",
                "签字",
                "签章",
                "年月日",
                "审核意见",
                "审批意见",
                "原因分析",
                "目标未完成",
                "结果应用",
            ],
        )
}

/// Whether a text is a form's signature line (`项目负责人:`, `填表人`, `审核人`): the end of
/// its grid, after which only another table's header starts rows again. (`项目负责人` without
/// its colon is a fact's label above a table.)
pub(crate) fn signs_off(first: &str) -> bool {
    [
        "项目负责人:",
        "项目负责人：",
        "财务负责人",
        "单位负责人",
        "填表人",
        "填报人",
        "审核人",
    ]
    .iter()
    .any(|w| first.starts_with(w))
}

/// The headers of a self-evaluation's money block, and which field each fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MoneyColumn {
    Initial,
    Budget,
    Executed,
    Weight,
    Rate,
    Score,
}

/// The money-block column a header names. `header` is [`fold`]ed.
pub(crate) fn money_column(header: &str) -> Option<MoneyColumn> {
    let chars = Chars::of(header);
    let has = |words: &[Word]| chars.any_in(header, words);
    if has(word_list!["年初预算", "年初批复", "年初安排"]) {
        Some(MoneyColumn::Initial)
    } else if has(word_list!["全年预算", "调整后预算", "全年批复", "预算数"]) {
        Some(MoneyColumn::Budget)
    } else if has(word_list![
        "执行数",
        "全年执行",
        "实际支出",
        "实际执行",
        "支出数"
    ]) {
        Some(MoneyColumn::Executed)
    } else if has(word_list!["执行率"]) {
        Some(MoneyColumn::Rate)
    } else if has(word_list!["得分"]) {
        Some(MoneyColumn::Score)
    } else if has(word_list!["分值", "权重"]) {
        Some(MoneyColumn::Weight)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_web_pages_own_words_are_chrome() {
        for chrome in [
            "扫一扫在手机打开当前页",
            "文件下载",
            "如果您对该政策文件有疑问,可以拨打标题上方的电话咨询相关部门。",
            "标签:",
            "临邑县人民政府主办  临邑县人民政府办公室承办",
            "鲁ICP备06032897号  鲁公网安备37142402000014",
        ] {
            assert!(is_chrome(chrome), "{chrome}");
            assert!(ends_grid(chrome, &fold(chrome)), "{chrome}");
        }
        for cell in ["资金下达文件", "主办活动场次", "政策知晓率", "标准化承办率"]
        {
            assert!(!is_chrome(cell), "{cell}");
        }
    }

    /// The string literals of functions of this file, read off its source (comments left
    /// out).
    fn words_of(heads: &[&str]) -> Vec<String> {
        let source = include_str!("vocab.rs");
        let body = |head: &str| {
            let start = source.find(head).expect("the function is in the source");
            let end = source[start..]
                .find("\n}\n")
                .map_or(source.len(), |e| start + e);
            source[start..end]
                .lines()
                .map(|l| l.split("//").next().unwrap_or(""))
                .collect::<Vec<_>>()
                .join("\n")
        };
        heads
            .iter()
            .flat_map(|head| {
                body(head)
                    .split('"')
                    .skip(1)
                    .step_by(2)
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .collect()
    }

    #[test]
    fn every_word_role_of_reads_begins_with_one_of_its_pairs() {
        // The words are read off the source of `role_of` and `is_baseline`: a word added to
        // their lists without its first two characters in ROLE_BIGRAMS fails here.
        let words = words_of(&[
            "pub(crate) fn role_of(header: &str)",
            "pub(crate) fn is_baseline(header: &str)",
        ]);
        assert!(words.len() > 100, "the lists are read: {}", words.len());
        for word in &words {
            let pair: String = word.chars().take(2).collect();
            if pair.chars().count() < 2 {
                // A word of one character is compared whole (`值`), or looked for with
                // another word that has its pair (`值` of a horizon's header).
                assert_eq!(word, "值", "a word of one character");
                continue;
            }
            assert!(ROLE_BIGRAMS.contains(&pair.as_str()), "{word}: {pair}");
            assert!(may_name_role(&pair), "{pair} passes the filter");
            assert!(may_name_role(word), "{word} passes the filter");
        }
        for pair in ROLE_BIGRAMS.iter().chain(FACT_BIGRAMS) {
            assert_eq!(pair.len(), 6, "{pair}: two characters of three bytes");
        }
        assert!(may_name_role("值") && may_name_role(""));
        assert!(!may_name_role("≥98%") && !may_name_role("维修面积"));
    }

    #[test]
    fn every_word_fact_of_reads_begins_with_one_of_its_pairs() {
        // Every branch of `fact_of` that names a fact compares the label with a word of
        // two characters or more, or looks for one in it: the words are read off its source.
        let words = words_of(&["pub(crate) fn fact_of(label: &str)"]);
        assert!(words.len() > 80, "the lists are read: {}", words.len());
        for word in &words {
            let pair: String = word.chars().take(2).collect();
            assert_eq!(pair.chars().count(), 2, "{word}: two characters at least");
            assert!(FACT_BIGRAMS.contains(&pair.as_str()), "{word}: {pair}");
            assert!(
                holds_pair(word, &FACT_BIGRAM_SET),
                "{word} passes the filter"
            );
        }
        assert!(!holds_pair("维修面积", &FACT_BIGRAM_SET));
    }

    #[test]
    fn a_word_s_buckets_are_those_of_its_characters() {
        // One-, two-, three- and four-byte characters, decoded when the list is compiled.
        for word in word_list![
            "a",
            "é",
            "指标",
            "≥90%",
            "𠀀x",
            "偏差原因分析及改进措施",
            ""
        ] {
            assert_eq!(word.buckets, Chars::of(word.text).0, "{}", word.text);
        }
        let chars = Chars::of("未完成原因分析");
        assert!(chars.any_in("未完成原因分析", word_list!["偏差", "原因"]));
        assert!(!chars.any_in("未完成原因分析", word_list!["偏差", "措施"]));
    }

    #[track_caller]
    fn role(header: &str, expected: Option<Role>) {
        assert_eq!(role_of(&fold(header)), expected, "{header}");
    }

    #[test]
    fn words_are_told_in_traditional_characters_too() {
        assert!(is_word("指標", "指标") && is_word("指标", "指标"));
        assert!(!is_word("指标值", "指标") && !is_word("", "指标"));
        assert!(ends_with_word("數量指標", "指标") && !ends_with_word("标", "指标"));
        assert_eq!(strip_word("指標1:", "指标"), Some("1:"));
        assert_eq!(strip_word("指", "指标"), None);
    }

    #[test]
    fn fold_drops_what_headers_vary_in() {
        assert_eq!(fold("一级 指标"), "一级指标");
        assert_eq!(fold("预算数（万元）"), "预算数");
        assert_eq!(fold("*年度绩效总目标:"), "年度绩效总目标");
        assert_eq!(fold("一、产出指标(50分)"), "产出指标");
        assert_eq!(fold("指標(biāo)"), "指标");
        assert_eq!(fold("绩?????????? 效"), "绩效");
        assert_eq!(fold("((("), "");
    }

    #[test]
    fn a_rate_is_no_fact() {
        assert_eq!(fact_of("项目资金"), Some(Fact::Budget));
        assert_eq!(fact_of("项目资金到位率"), None);
        assert_eq!(fact_of("资金总额执行率"), None);
    }

    #[test]
    fn headers_name_their_roles() {
        role("一级指标", Some(Role::Tier));
        // A page that lost the 一 of the first level's header.
        role("级指标", Some(Role::Tier));
        // An indicator's share of the money, kept as its text.
        role("绩效金额", Some(Role::Text));
        role("二级指标(年度)", Some(Role::Category));
        role("三级指标", Some(Role::Name));
        role("指标名称", Some(Role::Name));
        role("指标内容", Some(Role::Name));
        role("指标值", Some(Role::Annual));
        role("年度指标值", Some(Role::Annual));
        role("指标值及单位", Some(Role::Annual));
        role("预期2022年实现值", Some(Role::Annual));
        role("项目金额", Some(Role::Budget));
        role("年度数值", Some(Role::Annual));
        role("期望值", Some(Role::Annual));
        role("标准分", Some(Role::Weight));
        role("评分", Some(Role::Score));
        role("自评分", Some(Role::Score));
        role("评分标准", Some(Role::Text));
        role("实现值", Some(Role::Actual));
        role("2021年实际实现值", Some(Role::Text));
        role("实施周期指标值", Some(Role::Period));
        role("长期指标值", Some(Role::Period));
        role("中期目标", Some(Role::Period));
        role("半年指标值", Some(Role::Period));
        role("实际完成值", Some(Role::Actual));
        role("项目完成指标值", Some(Role::Actual));
        role("实施进度", Some(Role::Actual));
        role("实际达成值", Some(Role::Actual));
        role("完成结果", Some(Role::Actual));
        // A year's expected value is a target, whatever it is called.
        role("预期2022年实现值", Some(Role::Annual));
        role("目标设定值", Some(Role::Annual));
        role("明细指标", Some(Role::Name));
        role("考核指标", Some(Role::Name));
        role("目标名称", Some(Role::Name));
        role("全年实际值", Some(Role::Actual));
        role("分值", Some(Role::Weight));
        role("权重(%)", Some(Role::Weight));
        role("得分", Some(Role::Score));
        role("指标性质", Some(Role::Qualifier));
        role("计算符号", Some(Role::Qualifier));
        role("指标方向性", Some(Role::Qualifier));
        role("度量单位", Some(Role::Measure));
        role("指标值说明", Some(Role::Text));
        role("评（扣）分标准", Some(Role::Text));
        role("偏差原因分析及改进措施", Some(Role::Text));
        role("绩效标准", Some(Role::Text));
        role("备注", Some(Role::Text));
        role("单位名称", Some(Role::Org));
        role("项目名称", Some(Role::Project));
        role("预算数", Some(Role::Budget));
        role("年度目标", Some(Role::Goal));
        role("项目类别", Some(Role::Detail));
        role("绩效指标", Some(Role::Section));
        role("年度绩效指标完成情况", Some(Role::Section));
        role("完成情况", Some(Role::Actual));
        role("评价指标", Some(Role::Tier));
        role("评价内容", Some(Role::Category));
        role("", Some(Role::Blank));
        role("维修面积", None);
        role("≥400平方米", None);
    }

    #[test]
    fn labels_name_their_facts() {
        let fact = |label: &str| fact_of(&fold(label));
        assert_eq!(fact("项目名称"), Some(Fact::Project));
        assert_eq!(fact("主管部门及编码"), Some(Fact::Competent));
        assert_eq!(fact("实施单位"), Some(Fact::Implementer));
        assert_eq!(fact("年度资金总额:"), Some(Fact::Budget));
        // A ratio of a label's words is an indicator's explanation, no label.
        assert_eq!(fact("执行数/预算数"), None);
        assert_eq!(fact("预算数"), Some(Fact::Budget));
        assert_eq!(fact("其中:财政拨款"), Some(Fact::Fiscal));
        assert_eq!(fact("年度绩效目标(文字)"), Some(Fact::Goal));
        // A department's goal for the year, its mandatory-field star dropped.
        assert_eq!(fact("*年度總體績效目標"), Some(Fact::Goal));
        assert_eq!(fact("*部门(单位)职责"), Some(Fact::Detail));
        assert_eq!(fact("实施期绩效目标"), Some(Fact::LongGoal));
        assert_eq!(fact("项目期"), Some(Fact::Period));
        assert_eq!(fact("项目负责人"), Some(Fact::Detail));
        assert_eq!(fact("产出指标"), None);
        // An investment is the budget where the label ends with it, an indicator's inside a
        // name.
        assert_eq!(fact("本次下达中央预算内投资(万元)"), Some(Fact::Budget));
        assert_eq!(fact("项目总投资"), Some(Fact::Budget));
        assert_eq!(fact("年度投资完成率"), None);
        assert_eq!(fact("投资计划转发用时"), None);
    }

    #[test]
    fn footers_end_the_grid() {
        let ends = |first: &str| ends_grid(first, &fold(first));
        assert!(ends("合计") && ends("填表人:张三") && ends("注:单位为万元"));
        // An attachment's line after the table, but no name that begins with the word.
        assert!(ends("附件:") && ends("附件1") && ends("附件"));
        assert!(!ends("附件管理规范率") && !ends("产出指标"));
        // A web page's own words after its table.
        assert!(ends("qrcode") && ends("扫一扫在手机打开当前页") && ends("上一篇:某某"));
        // A template's dots glued before the total.
        assert!(ends("……总分100100注:") && ends("...合计"));
        assert!(!ends("……") && !ends("…产出指标"));
        // A sentence is no label.
        assert_eq!(fact_of("基本完成年度目标。"), None);
        assert_eq!(fact_of("年度目标"), Some(Fact::Goal));
        assert_eq!(fact_of("县级主管部门"), Some(Fact::Competent));
        assert_eq!(fact_of("业务主管部门"), Some(Fact::Competent));
    }

    #[test]
    fn money_headers() {
        assert_eq!(money_column("年初预算数"), Some(MoneyColumn::Initial));
        assert_eq!(money_column("全年预算数"), Some(MoneyColumn::Budget));
        assert_eq!(money_column("全年执行数"), Some(MoneyColumn::Executed));
        assert_eq!(money_column("执行率"), Some(MoneyColumn::Rate));
        assert_eq!(money_column("得分"), Some(MoneyColumn::Score));
        assert_eq!(money_column("分值"), Some(MoneyColumn::Weight));
    }
}
