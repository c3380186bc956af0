//! What a cell is by its content, for aligning short rows: a tier or category label, a
//! comparator, a number, a unit, a typed value, words or text.

use super::vocab::{Chars, Role, Word, fold, strip_word, word_list};
use crate::{Direction, Kind, Target};

/// What a cell holds, by its content alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Nothing, or a dash that means nothing.
    Empty,
    /// A tier label: `产出指标`, `产出指标(50分)`, `產出指標`.
    Tier,
    /// A category label: `数量指标`, `经济效益指标`.
    Category,
    /// A label that names a tier and a category alike: `成本指标`, `满意度指标`.
    Level,
    /// The name of a body: `井研县马踏镇人民政府`, `820-马踏镇部门`.
    Body,
    /// Short text that reads like a label (`项目完成指标`, `实施效果指标`) but names no level
    /// this crate knows.
    Label,
    /// A comparator on its own: `≥`, `=`, `大于等于`.
    Op,
    /// 定量 or 定性.
    Nature,
    /// 正向, 反向.
    Direction,
    /// A plain number up to 100, without thousands separators: `95`, `7.5` (a weight, a
    /// score or a target).
    Number,
    /// A larger number, or one with thousands separators: `3,309,840.00`, `1125` (an amount
    /// or a target).
    Amount,
    /// A number that is a percentage: `95%`.
    Percent,
    /// A unit on its own: `%`, `万元`, `人次`, `平方米`.
    Measure,
    /// A value the grammar types: `≥95%`, `10辆`, `2023年12月前`, `不低于上年`.
    Value,
    /// Words the grammar reads as qualitative: `优`, `及时`, `有效提升`.
    Words,
    /// A core indicator's mark, or its absence: `★`, `是`, `√`, `否`.
    Star,
    /// Any other text, short.
    Text,
    /// Long text (over 40 characters): a goal, an explanation.
    Prose,
    /// A scoring rule: `未达指标值酌情扣分`, `每减少1%扣1分`.
    Rule,
    /// A template's placeholder: `……`, `指标2`, `指标1:`.
    Placeholder,
}

/// Whether a text marks an empty cell: `-`, `—`, `/`, `无`.
pub(crate) fn is_blank_mark(t: &str) -> bool {
    blank_mark(t.trim())
}

/// [`is_blank_mark`] of a trimmed text ([`shape`] trims once for all its tests).
fn blank_mark(t: &str) -> bool {
    matches!(t, "-" | "—" | "－" | "/" | "／" | "——" | "--" | "无" | "\\")
}

/// The shape of a cell's text.
pub(crate) fn shape(text: &str) -> Shape {
    shape_with(text, None)
}

/// [`shape`] of a text whose [`fold`] the caller has already made (a grid's reader folds
/// each distinct text once for its header words too): the fold is not made again.
pub(crate) fn shape_folded(text: &str, folded: &str) -> Shape {
    shape_with(text, Some(folded))
}

/// [`shape`], with the text's [`fold`] where it is known; where not, it is made only once
/// the cheap tests (numbers, percentages) have not decided.
fn shape_with(text: &str, known: Option<&str>) -> Shape {
    let narrowed = narrow(text);
    let t = narrowed.trim();
    if t.is_empty() || blank_mark(t) {
        return Shape::Empty;
    }
    if mark(t).is_some() {
        return Shape::Star;
    }
    if is_op(t) {
        return Shape::Op;
    }
    // 定量 and 定性 fold from texts that hold 定: others need no fold to be told apart.
    if t.contains('定') {
        let nature = |f: &str| matches!(f, "定量" | "定性" | "定量指标" | "定性指标");
        if known.map_or_else(|| nature(&fold(t)), nature) {
            return Shape::Nature;
        }
    }
    // Every direction's word begins with one of these (which trimming and 指标 off leave).
    if t.starts_with(['正', '反', '逆', '负', '負', '越', '等', '中', '适', '適'])
        && Direction::from_chinese(t).is_some()
    {
        return Shape::Direction;
    }
    if is_number(t) {
        let small = !t.contains(',')
            && t.parse::<f64>()
                .is_ok_and(|v| (-100.0..=100.0).contains(&v));
        return if small { Shape::Number } else { Shape::Amount };
    }
    if let Some(number) = t.strip_suffix(['%', '％'])
        && is_number(number)
    {
        return Shape::Percent;
    }
    let owned;
    let folded = match known {
        Some(folded) => folded,
        None => {
            owned = fold(t);
            owned.as_str()
        }
    };
    let chars = t.chars().count();
    if chars <= 24 {
        let (tier, category) = crate::taxonomy::resolve_levels(t);
        match (tier.is_some(), category.is_some()) {
            (true, true) => return Shape::Level,
            (true, false) => return Shape::Tier,
            (false, true) => return Shape::Category,
            (false, false) => {}
        }
    }
    if is_body(t) {
        return Shape::Body;
    }
    if is_measure(t) {
        return Shape::Measure;
    }
    // A short label with its weight in brackets is a label whatever its words:
    // `预算配置(15分)`, `投 入(15分)`.
    // (The label is read last: most texts fail the cheap tests before.)
    let weighted = t.contains(['(', '（'])
        && folded.chars().count() <= 10
        && !folded.chars().any(|c| c.is_ascii_digit())
        && crate::taxonomy::Label::read(t).weight.is_some();
    if weighted {
        // A weight alone, `(50分)`, is what is left of a tier's label whose words were lost
        // (printed vertically in the page).
        if folded.is_empty() {
            return Shape::Tier;
        }
        return Shape::Label;
    }
    // (Searched for only where the text ends as a label does.)
    let outcome = || {
        ["达成", "达到", "实现", "完成"]
            .iter()
            .any(|w| folded.contains(w))
    };
    if chars <= 16
        && (folded.ends_with("指标") || folded.ends_with("类"))
        && !folded.contains('率')
        && !outcome()
    {
        return Shape::Label;
    }
    if is_rule(t) {
        return Shape::Rule;
    }
    if is_placeholder(t) {
        return Shape::Placeholder;
    }
    // Sentences are no names: long text, or text with a sentence's punctuation.
    if chars > 40 || (chars > 12 && t.contains(['。', '，', ',', ';', '；'])) {
        return Shape::Prose;
    }
    // A template's numbered name (`指标1:年度资金支付完成率100%`) is a name, whatever value
    // its words end with.
    if numbered(t).is_some_and(|rest| !rest.trim().is_empty() && !is_blank_mark(rest)) {
        return Shape::Text;
    }
    // A name that begins with a quantity (`5000吨稻谷、500吨成品粮储备到位率`): many words
    // after it, ending as a rate, a degree or a state does (no unit ends so).
    if t.chars()
        .filter(|c| crate::taxonomy::is_han(*c))
        .nth(7)
        .is_some()
        && t.ends_with(['率', '度', '性', '况', '況'])
    {
        return Shape::Text;
    }
    let target = Target::lenient(t);
    // Many words run straight into a quantity (`配套电力设施1250KVA变压器3台`) are a name that
    // counts what it names: a value's subject is set apart (`广州海关=5000万元`) or short.
    if let Some(subject) = target.subject()
        && subject
            .chars()
            .filter(|c| crate::taxonomy::is_han(*c))
            .nth(5)
            .is_some()
        && t.strip_prefix(subject)
            .is_some_and(|rest| rest.starts_with(|c: char| c.is_ascii_digit()))
    {
        return Shape::Text;
    }
    match target.kind() {
        Kind::Text => Shape::Text,
        Kind::Qualitative if chars <= 2 => Shape::Words,
        Kind::Qualitative if name_like(t) || !judging(t) => Shape::Text,
        Kind::Qualitative => Shape::Words,
        _ => Shape::Value,
    }
}

/// Whether words read like an indicator's name: they end with what a name measures (率, 度,
/// 数, 量, 面积, 时间, 情况 …), before a bracket that may follow it (`保障人数(人)`).
pub(crate) fn name_like(t: &str) -> bool {
    const ENDS: &[char] = &[
        '率', '度', '数', '量', '额', '积', '间', '例', '况', '本', '益', '响', '性', '值', '比',
        '重', '限', '次', '期', '费', '资', '金', '模', '围', '长', '距', '程',
    ];
    let ends = |t: &str| {
        t.trim_end_matches(|c: char| {
            matches!(c, ')' | '）' | '(' | '（') || c.is_ascii_punctuation()
        })
        .chars()
        .last()
        .is_some_and(|c| ENDS.contains(&c))
    };
    // A unit or a template's placeholder in brackets ends a name too: `保障人数(人)`,
    // `景点开发数量(≥**个)`.
    ends(t)
        || (t.ends_with([')', '）']) && t.rfind(['(', '（']).is_some_and(|open| ends(&t[..open])))
}

/// Whether words judge a result, as a qualitative target or actual does: `优`, `及时`,
/// `有效提升`, `达到预期`, `显著改善`.
fn judging(t: &str) -> bool {
    const WORDS: &[Word] = word_list![
        "提升",
        "提高",
        "改善",
        "增强",
        "明显",
        "显著",
        "良好",
        "优良",
        "达标",
        "合格",
        "及时",
        "有效",
        "完成",
        "达到",
        "达成",
        "满意",
        "持续",
        "稳定",
        "长期",
        "短期",
        "按时",
        "按期",
        "规范",
        "健全",
        "完善",
        "保障",
        "到位",
        "降低",
        "减少",
        "增加",
        "促进",
        "正常",
        "准确",
        "安全",
        "得到",
        "实现",
        "符合",
        "较好",
        "较大",
        "一般",
        "逐步",
        "进一步",
        "不断",
        "全部",
        "全面",
        "及时性",
        "无",
        "有",
        "是",
        "否",
        "好",
        "优",
        "良",
        "中",
        "差",
        "高",
        "低",
        "强",
    ];
    if t.chars().count() <= 3 {
        return true;
    }
    let chars = Chars::of(t);
    chars.any_in(t, WORDS)
}

/// Whether the text names a body: it ends with what bodies are called (局, 委员会, 政府, 中心,
/// 学校 …), maybe after a code (`820001-`).
fn is_body(t: &str) -> bool {
    const ENDS: &[&str] = &[
        "局",
        "委",
        "委员会",
        "政府",
        "中心",
        "部门",
        "办公室",
        "学校",
        "医院",
        "馆",
        "院",
        "站",
        "所",
        "处",
        "队",
        "社",
        "厅",
        "联合社",
        "协会",
        "中学",
        "小学",
        "幼儿园",
        "大学",
        "学院",
        "党校",
        "公司",
        "集团",
        "街道",
        "乡",
        "镇",
        "村委会",
        "居委会",
        "办事处",
        "研究室",
    ];
    // A word's last byte first: most cells end with none of them (and are not counted).
    let last = t.as_bytes().last();
    let Some(end) = ENDS
        .iter()
        .find(|e| e.as_bytes().last() == last && t.ends_with(*e))
    else {
        return false;
    };
    let chars = t.chars().count();
    // A body's name has words before what it is called: `11所` counts bodies.
    let words = t[..t.len() - end.len()]
        .chars()
        .filter(|&c| crate::taxonomy::is_han(c))
        .count();
    (3..=40).contains(&chars) && words >= 2 && !t.contains(['≥', '≤', '%', '率'])
}

/// What follows a template's number of an indicator: `指标1:`, `指标2：`, or `指标1` before words
/// (`指标1工程完工率`).
pub(crate) fn numbered(t: &str) -> Option<&str> {
    let rest = strip_word(t, "指标")?;
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return None;
    }
    let rest = &rest[digits..];
    rest.strip_prefix([':', '：']).or_else(|| {
        // Without its colon, one cell's words alone: a space may part the name from the
        // value of the next cell (`指标1工程完工率 100`).
        (rest.starts_with(crate::taxonomy::is_han) && !rest.contains(char::is_whitespace))
            .then_some(rest)
    })
}

/// Whether the text is a template's placeholder: `……`, `…`, `指标2`, `指标1:`.
pub(crate) fn is_placeholder(t: &str) -> bool {
    let t = t.trim().trim_end_matches([':', '：']);
    (!t.is_empty() && t.chars().all(|c| matches!(c, '…' | '.' | '。' | '·')))
        || strip_word(t, "指标")
            .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Whether the text is a scoring rule: it speaks of taking off or giving points.
fn is_rule(t: &str) -> bool {
    // Every rule's word holds 扣, 得, 酌 or 满: one pass over the text rules out the rest
    // before the words are searched for each.
    if !t.contains(['扣', '得', '酌', '满', '滿']) {
        return false;
    }
    (t.contains('扣') && t.contains('分'))
        || gives_points(t)
        || t.contains("得分")
        || t.contains("酌情")
        || t.contains("满分")
        || t.contains("滿分")
        || t.contains("不得分")
}

/// Whether a text gives points: `得` and a number of `分` (`明确得2分`, `100%得10分`).
fn gives_points(t: &str) -> bool {
    t.match_indices('得').any(|(at, _)| {
        let rest = &t[at + '得'.len_utf8()..];
        let digits = rest
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(rest.len());
        digits > 0 && rest[digits..].starts_with('分')
    })
}

/// Whether the text is a comparator alone.
pub(crate) fn is_op(t: &str) -> bool {
    matches!(
        t,
        "≥" | "≧"
            | ">="
            | "＞＝"
            | "≤"
            | "≦"
            | "<="
            | "＜＝"
            | ">"
            | "＞"
            | "<"
            | "＜"
            | "="
            | "＝"
            | "﹦"
            | "═"
            | "＞="
            | "＜="
            | "大于等于"
            | "小于等于"
            | "大于"
            | "小于"
            | "等于"
            | "不低于"
            | "不高于"
            | "不少于"
            | "不多于"
            | "不超过"
            | "≈"
            | "‹="
            | "›="
    )
}

/// Whether the text is a plain number: digits with an optional sign, thousands separators
/// and decimals.
pub(crate) fn is_number(t: &str) -> bool {
    let t = t.strip_prefix(['-', '+']).unwrap_or(t);
    let mut digits = 0usize;
    let mut points = 0usize;
    for b in t.bytes() {
        match b {
            b'0'..=b'9' => digits += 1,
            b'.' => points += 1,
            b',' => {}
            _ => return false,
        }
    }
    digits > 0 && points <= 1 && !t.starts_with([',', '.']) && !t.ends_with([',', '.'])
}

/// Whether the text is a unit on its own: short, no digits, and a unit the grammar takes
/// after a number.
pub(crate) fn is_measure(t: &str) -> bool {
    const COMMON: &[&str] = &[
        "%",
        "％",
        "元",
        "万元",
        "亿元",
        "个",
        "人",
        "人次",
        "次",
        "项",
        "家",
        "户",
        "场",
        "场次",
        "天",
        "日",
        "月",
        "年",
        "小时",
        "分钟",
        "平方米",
        "㎡",
        "米",
        "公里",
        "千米",
        "亩",
        "万亩",
        "吨",
        "万吨",
        "台",
        "套",
        "辆",
        "件",
        "本",
        "份",
        "篇",
        "期",
        "批",
        "批次",
        "所",
        "座",
        "处",
        "间",
        "张",
        "册",
        "部",
        "名",
        "条",
        "万立方米",
        "立方米",
        "公顷",
        "株",
        "棵",
        "km",
        "m",
        "百分比",
        "元/人",
        "人/年",
        "万人次",
        "个/年",
        "次/年",
        "元/亩",
        "工作日",
        "周",
        "季度",
        "学时",
        "课时",
        "门",
        "班",
        "组",
        "支",
        "头",
        "只",
        "宗",
        "起",
        "例",
        "床",
        "所/个",
        "单",
    ];
    // Every unit of the list has five characters or fewer, and so has a unit before its
    // description in brackets: a longer text without a bracket is none, uncounted further.
    if !t.contains(['(', '（']) && t.chars().nth(5).is_some() {
        return false;
    }
    if COMMON.contains(&t) {
        return true;
    }
    // In traditional characters (`萬元`, `個`), the same units.
    if t.chars().any(|c| crate::taxonomy::simplified(c) != c) {
        // Its simplified form holds no traditional character: it is judged once more only.
        let simple: String = t.chars().map(crate::taxonomy::simplified).collect();
        return is_measure(&simple);
    }
    // A unit with its description in brackets, as a form's 单位(文字描述) column prints it:
    // `%(百分比)`, `人(人数)`.
    if let Some((unit, rest)) = t.split_once(['(', '（'])
        && !unit.is_empty()
        && rest.ends_with([')', '）'])
        && rest.chars().count() <= 8
        && is_measure(unit.trim())
    {
        return true;
    }
    let chars = t.chars().count();
    if chars == 0 || chars > 5 || t.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    // A counting word or measure at its end (`万立方米`, `人/年`), and words the grammar does not
    // read as qualitative (`及时` ends like `小时` but is no unit).
    const ENDS: &str = "元个人次项家户场天日月年时米亩吨台套辆件本份篇期批所座处间张册部名条株棵顷方斤克升度周门班组支头只宗起例床单箱架艘趟列票页字节%％";
    // A counting word with 数 after it is the count's unit as printed (`间数`, `人数`).
    let mut it = t.chars();
    if let (Some(counter), Some('数'), None) = (it.next(), it.next(), it.next())
        && ENDS.contains(counter)
    {
        return true;
    }
    let unit_end = t.chars().last().is_some_and(|c| ENDS.contains(c)) || t.contains('/');
    unit_end
        && format!("1{t}")
            .parse::<crate::Quantity>()
            .is_ok_and(|q| q.unit().is_some())
        && (t.contains('/') || Target::lenient(t).kind() != Kind::Qualitative)
}

/// What a mark cell says (under 是否核心指标): `Some(true)` for a star or a yes, `Some(false)`
/// for a no, `None` for any other text.
pub(crate) fn is_mark(text: &str) -> Option<bool> {
    mark(text.trim())
}

/// [`is_mark`] of a trimmed text.
fn mark(text: &str) -> Option<bool> {
    match text {
        "★" | "☆" | "是" | "√" | "✓" => Some(true),
        "否" | "×" | "✗" => Some(false),
        _ => None,
    }
}

/// How well a cell of a shape fits a column of a role: high for a good fit, negative for a
/// poor one, [`NEVER`] for none.
pub(crate) fn fit(shape: Shape, role: Role) -> i32 {
    use Shape as S;
    match role {
        Role::Blank => match shape {
            S::Empty => 0,
            _ => -6,
        },
        // A section column's own label is dropped before alignment: nothing else goes there.
        Role::Section => match shape {
            S::Empty => 0,
            S::Label | S::Text => -3,
            _ => NEVER,
        },
        Role::Seq => match shape {
            S::Empty => 0,
            S::Number | S::Amount => 3,
            _ => NEVER,
        },
        Role::Tier => match shape {
            S::Empty => 0,
            S::Tier | S::Level => 9,
            S::Label => 5,
            S::Category => 2,
            S::Text => -4,
            _ => NEVER,
        },
        Role::Category => match shape {
            S::Empty => 0,
            S::Category | S::Level => 9,
            S::Label => 5,
            S::Tier => 3,
            S::Text => -2,
            S::Words => -3,
            _ => NEVER,
        },
        Role::Name => match shape {
            S::Placeholder => 3,
            S::Rule => -3,
            S::Empty => -2,
            S::Text => 4,
            S::Prose => 2,
            S::Words => 1,
            S::Value => 0,
            S::Label => 0,
            S::Body => 1,
            S::Category | S::Level => -2,
            S::Measure => -4,
            S::Tier => -5,
            S::Number | S::Amount | S::Percent => -6,
            _ => -8,
        },
        Role::Annual | Role::Period => match shape {
            S::Rule | S::Placeholder => -3,
            S::Empty => 0,
            S::Value => 6,
            S::Number | S::Amount | S::Percent => 5,
            S::Words => 3,
            S::Text => 3,
            S::Prose => 0,
            S::Measure => -2,
            S::Op => -3,
            S::Label => -3,
            S::Nature | S::Direction => -4,
            S::Tier | S::Category | S::Level => -7,
            S::Star | S::Body => -4,
        },
        Role::Actual => match shape {
            S::Rule | S::Placeholder => -3,
            S::Empty => 0,
            S::Value => 5,
            S::Number | S::Amount | S::Percent => 5,
            S::Words => 3,
            S::Text => 1,
            S::Prose => 0,
            S::Measure | S::Op => -3,
            S::Label | S::Nature | S::Direction | S::Star | S::Body => -4,
            S::Tier | S::Category | S::Level => -7,
        },
        Role::Weight | Role::Score | Role::LevelWeight => match shape {
            S::Empty => 0,
            S::Number => 5,
            S::Amount => -3,
            S::Value => -2,
            S::Percent => -2,
            _ => NEVER,
        },
        Role::Qualifier => match shape {
            S::Empty => 0,
            S::Op | S::Nature | S::Direction => 9,
            _ => NEVER,
        },
        Role::Measure => match shape {
            S::Empty => 0,
            S::Measure => 7,
            S::Words => -3,
            S::Text => -4,
            // A date serial leaked into the unit cell (`44,561`).
            S::Amount => -5,
            _ => NEVER,
        },
        // `无` or a dash under 偏差原因 is the text column's: a row's reason left empty.
        Role::Text => match shape {
            S::Empty => 1,
            S::Placeholder => 0,
            S::Rule => 4,
            S::Prose => 3,
            S::Text => 2,
            S::Words | S::Value | S::Body => 1,
            S::Number | S::Amount | S::Percent | S::Measure => 0,
            S::Label => -2,
            S::Star | S::Op | S::Nature | S::Direction => -3,
            S::Tier | S::Category | S::Level => -5,
        },
        // Words under 是否核心指标 are kept as its text.
        Role::Core => match shape {
            S::Empty => 0,
            S::Star => 6,
            S::Text | S::Words => -6,
            _ => NEVER,
        },
        Role::Org => match shape {
            S::Empty => 0,
            S::Body => 7,
            S::Text => 2,
            S::Prose => -1,
            _ => -6,
        },
        Role::Project => match shape {
            S::Empty => 0,
            S::Text | S::Words => 3,
            S::Body => 1,
            S::Prose => 0,
            S::Value => -1,
            _ => -6,
        },
        Role::Budget => match shape {
            S::Empty => 0,
            S::Amount => 7,
            S::Number => 3,
            S::Value => 1,
            _ => NEVER,
        },
        Role::Goal => match shape {
            S::Empty => 0,
            S::Prose => 4,
            S::Text => 2,
            S::Words | S::Value => 0,
            _ => -5,
        },
        Role::Detail => match shape {
            S::Empty => 0,
            S::Text | S::Words | S::Body => 1,
            S::Value | S::Number | S::Amount => 0,
            _ => -4,
        },
    }
}

/// A text with its full-width digits and number signs (`０`–`９`, `％`, `．`, `＋`, `－`,
/// `＞`, `＜`, `＝`, `～`) and ideographic spaces (U+3000) as their ASCII forms, for telling
/// what a cell is and reading its numbers: a Word document's `１０` is the weight `10`. The
/// text itself, without a copy, where it has none of them.
pub(crate) fn narrow(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.contains(wide) {
        return std::borrow::Cow::Borrowed(text);
    }
    std::borrow::Cow::Owned(
        text.chars()
            .map(|c| match c {
                '\u{3000}' => ' ',
                c if wide(c) => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                c => c,
            })
            .collect(),
    )
}

/// Whether [`narrow`] reads a character as its ASCII form.
pub(crate) fn wide(c: char) -> bool {
    matches!(
        c,
        '０'..='９' | '％' | '．' | '＋' | '－' | '＞' | '＜' | '＝' | '～' | '\u{3000}'
    )
}

/// The fit of a cell that cannot go in a column at all.
pub(crate) const NEVER: i32 = -1000;

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn is(text: &str, expected: Shape) {
        assert_eq!(shape(text), expected, "{text}");
    }

    #[test]
    fn full_width_digits_and_signs_narrow_to_ascii() {
        assert_eq!(narrow("≥９５．５％"), "≥95.5%");
        assert_eq!(narrow("＞＝１０\u{3000}分"), ">=10 分");
        assert_eq!(narrow("产出指标（５０分）"), "产出指标（50分）");
        // Nothing to narrow: the text itself, not a copy.
        assert!(matches!(narrow("≥95%"), std::borrow::Cow::Borrowed("≥95%")));
        is("１０", Shape::Number);
        is("９５％", Shape::Percent);
        is("１２３４５", Shape::Amount);
    }

    #[test]
    fn cells_have_shapes() {
        is("", Shape::Empty);
        is(" - ", Shape::Empty);
        is("间数", Shape::Measure);
        is("否", Shape::Star);
        is("人/次", Shape::Measure);
        assert_eq!(is_mark(" ★"), Some(true));
        assert_eq!(is_mark("否"), Some(false));
        assert_eq!(is_mark("核心"), None);
        is("受益人数", Shape::Text);
        is("指标1:年度资金支付完成率100%", Shape::Text);
        // Without its colon too, where one cell's words follow the number.
        is("指标1工程完工率", Shape::Text);
        is("5000吨稻谷、500吨成品粮储备到位率", Shape::Text);
        is("≥95%", Shape::Value);
        is("指标12021年11月30日前完成资金支付", Shape::Text);
        assert_eq!(numbered("指标1工程完工率 100"), None);
        is("指标2：", Shape::Placeholder);
        // Points given are a scoring rule; a number in a name is not.
        is("明确得2分", Shape::Rule);
        is("100%得10分", Shape::Rule);
        is("得分率", Shape::Rule);
        is("获得专利", Shape::Text);
        is("产出指标", Shape::Tier);
        is("产出指标(50分)", Shape::Tier);
        is("產出指標", Shape::Tier);
        is("数量指标", Shape::Category);
        is("社会公众或服务对象满意度指标", Shape::Category);
        is("实施效果指标", Shape::Label);
        is("预算配置(15分)", Shape::Label);
        is("投 入(15分)", Shape::Tier);
        is("评价准备(15分)", Shape::Label);
        is("≥", Shape::Op);
        is("大于等于", Shape::Op);
        is("定性", Shape::Nature);
        is("正向指标", Shape::Direction);
        is("負向指標", Shape::Direction);
        // Many words run into a quantity name what they count; a subject set apart or
        // short is a value's.
        is("配套电力设施1250KVA变压器3台", Shape::Text);
        is("广州海关=5000万元", Shape::Value);
        is("全年1200人次", Shape::Value);
        is("3,309,840.00", Shape::Amount);
        is("成本指标", Shape::Level);
        is("820001-井研县马踏镇人民政府", Shape::Body);
        // A count of bodies is a value: no words come before what they are called.
        is("11所", Shape::Value);
        is("派出所", Shape::Body);
        is("7.5", Shape::Number);
        is("95%", Shape::Percent);
        is("%", Shape::Measure);
        is("万元", Shape::Measure);
        is("萬元", Shape::Measure);
        is("個", Shape::Measure);
        is("間數", Shape::Measure);
        is("人/年", Shape::Measure);
        is("≥400平方米", Shape::Value);
        is("10辆", Shape::Value);
        is("及时", Shape::Words);
        is("★", Shape::Star);
        is("维修面积", Shape::Text);
        is("雾炮车降尘抑尘服务配备车辆数", Shape::Text);
    }

    #[test]
    fn fits_prefer_the_right_column() {
        assert!(fit(Shape::Tier, Role::Tier) > fit(Shape::Tier, Role::Category));
        assert!(fit(Shape::Category, Role::Category) > fit(Shape::Category, Role::Tier));
        assert!(fit(Shape::Text, Role::Name) > fit(Shape::Text, Role::Text));
        assert!(fit(Shape::Number, Role::Weight) > fit(Shape::Number, Role::Text));
        assert_eq!(fit(Shape::Text, Role::Qualifier), NEVER);
    }
}
