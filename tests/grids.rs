//! Real tables from many provinces, read and compared with a careful human reading of each
//! (`tests/data/grids/*.expected.jsonl`): the name, every value the row shows, tier and
//! category as printed, weight and score.
//!
//! Each table has a floor of indicators that must come out exactly; the floors only rise.
//! An indicator short of exact must never be a confident wrong value: the test also checks
//! that what is read wrongly is flagged by a diagnostic or absent.

use jixiao::{Document, Indicator};
use serde_json::Value;
use std::path::Path;

/// The tables and how many of their indicators must come out exactly.
/// Tables not read yet have a floor of 0: they are in the folder so that their progress
/// shows.
const FLOORS: &[(&str, usize)] = &[
    ("anhui_bozhou-rengongzengyu_2023_two-targets", 1),
    ("anhui_huaibei-songxi_2025_grid", 9),
    ("anhui_huangshan-gongan_2025_bracketed", 9),
    ("anhui_huizhou-dianying_2025_transfer-selfeval", 4),
    ("anhui_huoqiu-keji_2022_selfeval", 8),
    ("anhui_jinan-canlian_2023_grid", 3),
    ("anhui_jinan-tiyu_2025_grid", 11),
    ("anhui_jinzhai-meilixiangcun_2023_department", 8),
    ("anhui_jinzhai-wuyeguanli_2021_grid", 9),
    ("anhui_mengcheng-gongwei_2024_grid", 2),
    ("anhui_shucheng-yigongdaizhen_2023_investment", 10),
    ("anhui_tangxi-weituo_2022_selfeval", 9),
    ("anhui_tianchang-shuihan_2022_selfeval", 9),
    ("anhui_tianchang-shuili_2022_selfeval", 9),
    ("anhui_xiaoxian-hexi_2023_selfeval", 14),
    ("anhui_xiaoxian-yanglou_2023_selfeval", 12),
    ("anhui_xiaoxian-zhongyang_2023_selfeval", 14),
    ("anhui_xuancheng-jindu_2021_selfeval", 2),
    ("anhui_yanglou-zhongyang_2023_selfeval", 12),
    ("chongqing_fengdu-fujing_2022_split", 6),
    ("chongqing_wugui-yibanxing_2023_multi-project", 10),
    ("chongqing_zhongxian-shengzhu_2022_transfer", 2),
    ("fujian_anxi-shuili_2022_multitarget", 0),
    ("fujian_ningde-shizhi_2019_department", 6),
    ("fujian_taibao-lianyi_2017_costtier", 0),
    ("guangdong_chengguan-bingmei_2020_grid", 11),
    ("guangdong_dongguan-zhenjilianwanglu_2019_two-targets", 5),
    ("guangdong_jiaoyuting-xinjiangaoxiao_2021_two-targets", 0),
    ("guangdong_lechang-zhongzhi_2018_selfeval", 1),
    ("guangdong_luohu-pinggaiguan_2022_bond-selfeval", 4),
    ("hainan_shangwuting-fuwumaoyi_nd_evaluation", 15),
    ("hebei_chengan-gaolingjintie_2020_selfeval", 0),
    ("hebei_langfang-shipinxuexiao_2019_selfeval", 9),
    ("henan_puyang-danganguan_2021_grid", 8),
    ("hubei_ezhou-caizhengju_2019_multi-selfeval", 8),
    ("hubei_ezhou-kexie_2022_selfeval", 9),
    ("hubei_ezhou-shenpiju_2021_selfeval", 6),
    ("hubei_huangshi-haimian_2022_selfeval", 8),
    ("hubei_huangshi-sanzhong_2023_selfeval", 8),
    ("hubei_huangshi_dangxiao_2022_grid", 13),
    ("hubei_jingmen-wenwu_2022_prose", 9),
    ("hubei_qingshan-kejiyanfa_2021_grid", 8),
    ("hubei_wuhanqingshan_bomoxuexiao_2020_glued", 9),
    ("hubei_wuhanqingshan_jiaoyu_2020_two-targets", 7),
    ("hunan_lingling-linye_2021_department", 10),
    ("hunan_nanxian-jikong_2025_typed", 2),
    ("hunan_nanxian-zhufang_2024_typed", 7),
    ("hunan_nanyue-lvyoufupin_2018_grid", 16),
    ("hunan_nanyue-xiaowaihuodong_2020_grid", 7),
    ("hunan_nanyue-yulujihua_2023_grid", 3),
    ("hunan_nanyue-zhonglieci_2020_selfeval", 5),
    ("hunan_xiangtan-wupaoche_2024_grid", 7),
    ("hunan_xiangtan_wupaoche_2023_grid", 7),
    ("hunan_yueyang-zhengti_nd_evaluation", 9),
    ("hunan_yueyanglouqu_jiagerending_2023_department", 6),
    ("hunan_yueyangxian_gaobiaozhunnongtian_2022_grid", 12),
    ("jiangsu_yixing-gongwei_nd_scored", 9),
    ("jiangsu_zhenjiang-saizhenzhu_2024_halfyear", 4),
    ("jiangxi_fuliang_linyeju_2026_department", 13),
    ("neimenggu_wuhai_gongxiaoshe_2021_split", 11),
    ("neimenggu_zhalaite_jianchayuan_2025_scored", 16),
    ("ningxia_shizuishan-jikong_2020_indented", 13),
    ("ningxia_tongxin-huangjinmi_2023_prose", 10),
    ("ningxia_tongxin-sheshipeixun_2025_outline", 9),
    ("ningxia_yuanzhou-zaolin_2022_grid", 11),
    ("shaanxi_chencang-shuili_2020_grid", 5),
    ("shaanxi_hanyin-puhuijinrong_2022_transfer", 7),
    ("shaanxi_qingjian-guoyuanlu_2021_grid", 5),
    ("shanghai_putuo-tiyuzhongxin_2022_selfeval", 0),
    ("shanxi_jishan-zhaidian-gongwei_2021_selfeval", 0),
    ("shanxi_lvliang-hugong_2021_selfeval", 13),
    ("sichuan_daying-guerzhuxue_2022_transfer-selfeval", 2),
    ("sichuan_daying-shuangxin_2020_selfeval", 5),
    ("sichuan_daying-yanglao_2020_selfeval", 5),
    ("sichuan_daying-yibao_2023_split-selfeval", 4),
    ("sichuan_jingyan_mataxiang_2023_multi-project", 13),
    ("sichuan_langzhong-chegoushui_2021_transfer-selfeval", 1),
    ("sichuan_puhuijinrong_nd_transfer-selfeval", 9),
    ("sichuan_suining-liangpinyixie_2021_transfer", 17),
    ("sichuan_wangcang-jiyao_2021_transfer-selfeval", 1),
    ("sichuan_zhaohua_weijianju_2021_space", 9),
    ("sichuan_zhongjiang-shuibiaochi_2022_selfeval", 9),
    ("tianjin_baodi_chuqinfenwu_2022_grid", 5),
    ("tianjin_hebeiqu_fayuan_2023_multi-project", 11),
    ("tianjin_nankai-shengwushiyan_2018_selfeval", 9),
    ("tianjin_ninghe-minbanyuan_2020_grid", 11),
    ("unknown_fuwumaoyi_2020_selfeval", 0),
    ("unknown_gxglmes-shenbaobiao_2021_template", 3),
    ("unknown_wanglu-defenbiao_2017_evaluation", 0),
    ("xinjiang_changji-sizhong_2019_outline", 5),
    ("xinjiang_changji-zhiyuan_2019_outline", 5),
    ("xinjiang_wenquan-yibao_2019_grid", 7),
    ("yunnan_baoshan-tuiyijunren_2022_selfeval", 5),
    ("yunnan_changning-shengzhu_2022_selfeval", 18),
    ("yunnan_lijiang-weipian_2020_split", 4),
    ("yunnan_linxiang-shourongsuo_2023_selfeval", 7),
    ("yunnan_longyang-huafei_2022_selfeval", 14),
    ("yunnan_nanhua-junlei_nd_selfeval", 5),
    ("yunnan_shidian-baoshanzhu_2021_selfeval", 11),
    ("yunnan_shidian-xinxingzhuti_2019_selfeval", 5),
    ("yunnan_yongde-yingyang_2022_selfeval", 9),
    ("zhejiang_linhai-lvhua_nd_typed", 6),
    // Glued text (a document-sharing site's page, cells without separators).
    ("hunan_hengshan-chubeiliang_2020_glued", 14),
    ("ningxia_yuanzhou-malingshu_2022_glued", 4),
    ("hunan_xiangxi_teshujiaoyu_2023_cost-tier", 4),
];

/// What a column of a human reading holds, from its printed header.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Held {
    Level,
    Annual,
    Period,
    Actual,
    Weight,
    Score,
    Qualifier,
    Measure,
    Text,
}

fn simplified(header: &str) -> String {
    const PAIRS: &[(char, char)] = &[
        ('類', '类'),
        ('計', '计'),
        ('單', '单'),
        ('說', '说'),
        ('釋', '释'),
        ('標', '标'),
        ('準', '准'),
        ('評', '评'),
        ('備', '备'),
        ('際', '际'),
        ('實', '实'),
        ('權', '权'),
        ('數', '数'),
        ('級', '级'),
        ('質', '质'),
        ('項', '项'),
        ('況', '况'),
        ('偏', '偏'),
        ('進', '进'),
    ];
    let mut out = String::new();
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            _ if depth > 0 || c.is_whitespace() || c == '*' => {}
            c => out.push(PAIRS.iter().find(|(t, _)| *t == c).map_or(c, |(_, s)| *s)),
        }
    }
    out
}

fn held(header: &str) -> Held {
    let plain = squeeze(header);
    let h = simplified(header);
    let long = ["长期", "中期", "实施周期", "半年"]
        .iter()
        .any(|w| plain.contains(w));
    if (h.starts_with("指标值") || h.starts_with("目标值")) && long {
        return Held::Period;
    }
    let has = |words: &[&str]| words.iter().any(|w| h.contains(w));
    // A money column beside the indicators (绩效金额) holds no target.
    if has(&["偏差", "原因", "改进措施", "金额"]) {
        Held::Text
    } else if matches!(
        h.as_str(),
        "指标内容" | "指标名称" | "评价指标" | "评价内容"
    ) || h.starts_with("一级")
        || h.starts_with("二级")
        || h.starts_with("三级")
    {
        Held::Level
    } else if h.starts_with('评')
        || has(&[
            "说明", "解释", "描述", "依据", "来源", "标准", "评分", "扣分", "计分", "备注", "内容",
        ])
    {
        Held::Text
    } else if h.contains("得分") {
        Held::Score
    } else if has(&["分值", "权重", "分数"]) {
        Held::Weight
    } else if h.contains("实际") && h.contains('年') && h.chars().any(|c| c.is_ascii_digit()) {
        Held::Text
    } else if has(&["实际", "完成值", "完成指标", "完成情况", "进度"]) {
        Held::Actual
    } else if has(&["性质", "符号", "方向", "类型"]) {
        Held::Qualifier
    } else if has(&["度量单位", "计量单位"]) || h == "单位" {
        Held::Measure
    } else if has(&["长期", "中期", "实施周期", "半年"]) {
        Held::Period
    } else {
        Held::Annual
    }
}

const OPS: &[&str] = &[
    "≥",
    "≧",
    ">=",
    "＞＝",
    "≤",
    "≦",
    "<=",
    "＜＝",
    ">",
    "＞",
    "<",
    "＜",
    "=",
    "＝",
    "﹦",
    "═",
    "⩾",
    "⩽",
    "大于等于",
    "小于等于",
    "大于",
    "小于",
    "等于",
    "不低于",
    "不高于",
    "不少于",
    "不多于",
    "不超过",
];

/// A value of split cells joined as the reader joins them: comparator, number, unit.
fn joined(op: Option<&str>, value: &str, measure: Option<&str>) -> String {
    let value = value.trim();
    let mut out = String::new();
    let starts_with_op = OPS.iter().any(|o| value.starts_with(o));
    if let Some(op) = op
        && !value.is_empty()
        && !starts_with_op
    {
        out.push_str(op);
    }
    out.push_str(value);
    if let Some(m) = measure.map(str::trim) {
        let none = matches!(m, "" | "-" | "—" | "无" | "/" | "／");
        if !none && value.ends_with(|c: char| c.is_ascii_digit()) && !value.ends_with(m) {
            out.push_str(m);
        }
    }
    out
}

/// A text without whitespace and without the pinyin a mirror site put in brackets after its
/// characters (`指標(biāo)`), as the reader takes it out.
fn squeeze(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('(') {
        let (head, tail) = rest.split_at(open);
        out.push_str(head);
        match tail.find(')') {
            Some(close)
                if tail[1..close]
                    .chars()
                    .all(|c| c.is_alphabetic() && !('\u{2e80}'..).contains(&c))
                    && !tail[1..close].is_ascii()
                    && head.chars().last().is_some_and(|c| c > '\u{2e80}') =>
            {
                rest = &tail[close + 1..];
            }
            _ => {
                out.push('(');
                rest = &tail[1..];
            }
        }
    }
    out.push_str(rest);
    out.chars().filter(|c| !c.is_whitespace()).collect()
}

fn same_number(expected: &str, got: Option<jixiao::Decimal>) -> bool {
    let e = expected.trim().trim_end_matches('分');
    match (e.parse::<jixiao::Decimal>(), got) {
        (Ok(e), Some(g)) => e == g,
        (Err(_), None) => e.is_empty(),
        _ => false,
    }
}

/// What is wrong with an indicator against a row of the human reading, if anything.
fn differences(row: &Value, indicator: &Indicator) -> Vec<String> {
    let mut out = Vec::new();
    let text = |key: &str| row.get(key).and_then(Value::as_str).unwrap_or("");
    let tier = indicator
        .tier_label
        .clone()
        .or_else(|| indicator.tier.map(|t| t.name().to_owned()))
        .unwrap_or_default();
    let category = indicator
        .category_label
        .clone()
        .or_else(|| indicator.category.map(|c| c.name().to_owned()))
        .unwrap_or_default();
    if squeeze(text("tier")) != squeeze(&tier) {
        out.push(format!("tier {:?} read as {tier:?}", text("tier")));
    }
    if !text("category").is_empty() && squeeze(text("category")) != squeeze(&category) {
        out.push(format!(
            "category {:?} read as {category:?}",
            text("category")
        ));
    }
    let cells: Vec<(&str, &str)> = row
        .get("cells")
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .map(|(k, v)| (k.as_str(), v.as_str().unwrap_or("")))
                .collect()
        })
        .unwrap_or_default();
    let op = cells
        .iter()
        .find(|(h, v)| held(h) == Held::Qualifier && OPS.contains(&v.trim()))
        .map(|(_, v)| v.trim());
    let measure = cells
        .iter()
        .find(|(h, _)| held(h) == Held::Measure)
        .map(|(_, v)| *v);
    let annuals: Vec<&str> = cells
        .iter()
        .filter(|(h, _)| held(h) == Held::Annual)
        .map(|(_, v)| *v)
        .collect();
    let mut period = cells
        .iter()
        .find(|(h, _)| held(h) == Held::Period)
        .map(|(_, v)| *v);
    let annual = match annuals.as_slice() {
        [first, second, ..] if period.is_none() => {
            period = Some(first);
            Some(*second)
        }
        [first, ..] => Some(*first),
        [] => None,
    };
    if let Some(a) = annual {
        let want = joined(op, a, measure);
        if squeeze(&want) != squeeze(indicator.annual.raw()) {
            out.push(format!(
                "annual {want:?} read as {:?}",
                indicator.annual.raw()
            ));
        }
    }
    if let Some(p) = period.filter(|p| !p.trim().is_empty()) {
        let want = joined(op, p, measure);
        let got = indicator.period.as_ref().map_or("", |t| t.raw());
        if squeeze(&want) != squeeze(got) {
            out.push(format!("period {want:?} read as {got:?}"));
        }
    }
    // Several 分值 columns (`分值`, `分值 (2)`, `分值 (3)` after 一级, 二级 and 三级): the
    // levels' points come first, the indicator's weight last.
    let last_weight = cells
        .iter()
        .filter(|(h, _)| held(h) == Held::Weight)
        .map(|(h, _)| *h)
        .next_back();
    for (h, v) in &cells {
        if v.trim().is_empty() || held(h) == Held::Weight && Some(*h) != last_weight {
            continue;
        }
        match held(h) {
            Held::Actual => {
                let got = indicator.actual.as_ref().map_or("", |t| t.raw());
                if squeeze(v) != squeeze(got) {
                    out.push(format!("actual {v:?} read as {got:?}"));
                }
            }
            // A weight given as a share of the table's points (`20%`) is that many points.
            Held::Weight if !same_number(v.trim_end_matches(['%', '％']), indicator.weight) => {
                out.push(format!("weight {v:?} read as {:?}", indicator.weight));
            }
            Held::Score if !same_number(v, indicator.score) => {
                out.push(format!("score {v:?} read as {:?}", indicator.score));
            }
            Held::Text
                if !indicator
                    .texts
                    .iter()
                    .any(|t| squeeze(&t.text) == squeeze(v)) =>
            {
                out.push(format!("text {v:?} of {h:?} missing"));
            }
            _ => {}
        }
    }
    out
}

/// The rows of a human reading that are indicators.
fn expected_rows(path: &Path) -> Vec<Value> {
    let text = std::fs::read_to_string(path).expect("expected file");
    text.lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).expect("a JSON line"))
        .filter(|r| r.get("name").is_some())
        .filter(|r| {
            r.get("placeholder").and_then(Value::as_bool) != Some(true)
                && r.get("truncated_row").and_then(Value::as_bool) != Some(true)
        })
        .filter(|r| {
            let named = r
                .get("name")
                .and_then(Value::as_str)
                .is_some_and(|n| !n.trim().is_empty());
            let filled = r.get("cells").and_then(Value::as_object).is_some_and(|m| {
                m.values()
                    .any(|v| v.as_str().is_some_and(|s| !s.trim().is_empty()))
            });
            named || filled
        })
        .collect()
}

/// How many indicators of a table come out exactly, and what is wrong with the others.
fn read(name: &str) -> (usize, usize, Vec<String>) {
    read_as(name, str::to_owned)
}

/// Simplified characters and, at the same place, their traditional forms, as a mirror site
/// or a copy from Hong Kong or Taiwan prints a mainland table.
const SIMPLIFIED: &str = "级标产数质时满务对济会态续响经项实际现计划预执评价权说单门财资设绩类别备注内条达\
                          发总体额规范围标准进长万费检测护区县镇乡业农医个较报办题问称";
const TRADITIONAL: &str = "級標產數質時滿務對濟會態續響經項實際現計劃預執評價權說單門財資設績類別備註內條達\
                           發總體額規範圍標準進長萬費檢測護區縣鎮鄉業農醫個較報辦題問稱";

/// A text in traditional characters ([`TRADITIONAL`]).
fn traditional(text: &str) -> String {
    text.chars()
        .map(|c| {
            SIMPLIFIED
                .chars()
                .position(|s| s == c)
                .and_then(|k| TRADITIONAL.chars().nth(k))
                .unwrap_or(c)
        })
        .collect()
}

/// A human reading's strings changed by `convert`, its keys (the printed headers, which
/// only say which field a cell is) as they are.
fn converted(value: &Value, convert: fn(&str) -> String) -> Value {
    match value {
        Value::String(s) => Value::String(convert(s)),
        Value::Array(a) => Value::Array(a.iter().map(|v| converted(v, convert)).collect()),
        Value::Object(o) => Value::Object(
            o.iter()
                .map(|(k, v)| (k.clone(), converted(v, convert)))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// [`read`] of a table and its reading both changed by `convert`.
fn read_as(name: &str, convert: fn(&str) -> String) -> (usize, usize, Vec<String>) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/grids");
    let rows: Vec<Value> = expected_rows(&dir.join(format!("{name}.expected.jsonl")))
        .iter()
        .map(|r| converted(r, convert))
        .collect();
    let text = convert(&std::fs::read_to_string(dir.join(format!("{name}.txt"))).expect("table"));
    let doc: Document = match text.parse() {
        Ok(doc) => doc,
        Err(e) => return (0, rows.len(), vec![format!("not read: {e}")]),
    };
    let indicators: Vec<&Indicator> = doc.indicators().collect();
    let mut used = vec![false; indicators.len()];
    let mut exact = 0;
    let mut report = Vec::new();
    let mut from = 0;
    for row in &rows {
        let name = squeeze(row.get("name").and_then(Value::as_str).unwrap_or(""));
        let found = (from..indicators.len())
            .chain(0..from)
            .find(|&i| !used[i] && squeeze(&indicators[i].name) == name);
        let Some(i) = found else {
            report.push(format!("missing {name:?}"));
            continue;
        };
        used[i] = true;
        from = i + 1;
        let wrong = differences(row, indicators[i]);
        if wrong.is_empty() {
            exact += 1;
        } else {
            report.push(format!("{name:?}: {}", wrong.join("; ")));
        }
    }
    (exact, rows.len(), report)
}

#[test]
fn real_tables_read_as_a_person_reads_them() {
    let mut failures = Vec::new();
    let (mut exact, mut total) = (0, 0);
    for (name, floor) in FLOORS {
        let (got, rows, report) = read(name);
        exact += got;
        total += rows;
        if got < *floor {
            failures.push(format!(
                "{name}: {got} of {rows} exact, below the floor of {floor}\n    {}",
                report.join("\n    ")
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // Across these tables, at least this share is exact.
    assert!(exact * 100 >= total * 78, "{exact} of {total} exact");
}

/// The same tables printed in traditional characters (a mirror site's copy) read as they do
/// in simplified ones: headers, labels, units and titles are told in either script.
#[test]
fn tables_in_traditional_characters_read_as_in_simplified_ones() {
    let (mut simple, mut converted) = (0, 0);
    let mut lost = Vec::new();
    for (name, _) in FLOORS {
        let (a, _, _) = read(name);
        let (b, _, report) = read_as(name, traditional);
        simple += a;
        converted += b;
        // The Suining table's hand reading fills in the tier the table does not print, in
        // simplified characters, which the canonical name matches only in that script.
        let allowed = match *name {
            "sichuan_suining-liangpinyixie_2021_transfer" => a,
            _ => 1,
        };
        if b + allowed < a {
            lost.push(format!("{name}: {b} of {a}\n    {}", report.join("\n    ")));
        }
    }
    println!("traditional: {converted} exact, simplified: {simple}");
    assert!(
        lost.is_empty() && converted * 100 >= simple * 97,
        "{converted} exact in traditional characters against {simple}:\n{}",
        lost.join("\n")
    );
}

#[test]
fn every_table_in_the_folder_has_a_floor_or_is_glued() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/grids");
    for entry in std::fs::read_dir(dir).expect("folder") {
        let path = entry.expect("entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        let Some(stem) = name.strip_suffix(".txt") else {
            continue;
        };
        let known = FLOORS.iter().any(|(n, _)| *n == stem);
        let glued = std::fs::read_to_string(path.with_file_name(format!("{stem}.expected.jsonl")))
            .is_ok_and(|t| {
                t.lines().next().is_some_and(|l| {
                    l.contains("\"rendering\": \"glued\"") || l.contains("\"rendering\":\"glued\"")
                })
            });
        assert!(known || glued, "{stem} has no floor");
    }
}

/// The central budget-investment template (中央预算内投资计划绩效目标表): tiers in words this
/// crate does not know over categories named as tiers or in words of their own, and names
/// that speak of investment, which are no budget label. A table built on the template's
/// layout, read the same in three renderings.
#[test]
fn the_budget_investment_template_reads_in_every_rendering() {
    let rows: &[&[&str]] = &[
        &["一级指标", "二级指标", "三级指标", "指标值"],
        &["实施效果指标", "产出指标", "新建村组道路长度", "≥12公里"],
        &["劳务报酬发放金额", "≥150万元"],
        &["效益指标", "带动当地群众务工人数", "≥80人"],
        &[
            "过程管理指标",
            "计划管理指标",
            "投资计划转发用时",
            "≤15个工作日",
        ],
        &["资金管理指标", "年度投资完成率", "≥90%"],
        &["项目管理指标", "竣工验收合格率", "100%"],
    ];
    let pipe: String = rows
        .iter()
        .map(|r| format!("| {} |\n", r.join(" | ")))
        .collect();
    let per_line: String = rows.iter().map(|r| r.join("\n") + "\n").collect();
    let paragraphs: String = rows
        .iter()
        .flat_map(|r| r.iter())
        .map(|c| format!("{c}\n\n"))
        .collect();
    for text in [pipe, per_line, paragraphs] {
        let doc: jixiao::Document = text.parse().expect("reads");
        let read: Vec<(String, Option<String>, Option<String>, String)> = doc
            .indicators()
            .map(|i| {
                (
                    i.name.clone(),
                    i.tier_label.clone(),
                    i.category_label.clone(),
                    i.annual.raw().to_owned(),
                )
            })
            .collect();
        let row = |name: &str, tier: &str, category: &str, value: &str| {
            (
                name.to_owned(),
                Some(tier.to_owned()),
                Some(category.to_owned()),
                value.to_owned(),
            )
        };
        assert_eq!(
            read,
            [
                row("新建村组道路长度", "实施效果指标", "产出指标", "≥12公里"),
                row("劳务报酬发放金额", "实施效果指标", "产出指标", "≥150万元"),
                row("带动当地群众务工人数", "实施效果指标", "效益指标", "≥80人"),
                row(
                    "投资计划转发用时",
                    "过程管理指标",
                    "计划管理指标",
                    "≤15个工作日"
                ),
                row("年度投资完成率", "过程管理指标", "资金管理指标", "≥90%"),
                row("竣工验收合格率", "过程管理指标", "项目管理指标", "100%"),
            ],
            "{text}"
        );
    }
}

/// A name that is also a fact's label (`项目金额`, `项目资金专项核算`) is an indicator where
/// a level's label stands before it in its row: facts print no level before them.
#[test]
fn a_fact_word_after_a_level_label_is_a_name() {
    let text = "一级指标 | 二级指标 | 三级指标 | 指标值\n\
                产出指标 | 数量指标 | 维修面积 | ≥400平方米\n\
                产出指标 | 成本指标 | 项目金额 | ≤500万元\n\
                效益指标 | 社会效益指标 | 项目资金专项核算 | 100%\n";
    let doc: jixiao::Document = text.parse().expect("reads");
    let names: Vec<&str> = doc.indicators().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["维修面积", "项目金额", "项目资金专项核算"]);
    assert_eq!(
        doc.indicators().nth(1).map(|i| i.annual.raw()),
        Some("≤500万元")
    );
}

/// Each indicator's tier label, category label and name, as printed.
fn levels(doc: &jixiao::Document) -> Vec<(String, String, String)> {
    doc.indicators()
        .map(|i| {
            let tier = i
                .tier_label
                .clone()
                .or_else(|| i.tier.map(|t| t.name().to_owned()))
                .unwrap_or_default();
            let category = i
                .category_label
                .clone()
                .or_else(|| i.category.map(|c| c.name().to_owned()))
                .unwrap_or_default();
            (tier, category, i.name.clone())
        })
        .collect()
}

/// Reads `text` and asserts the tier, category and name of each indicator, in order.
#[track_caller]
fn assert_levels(text: &str, want: &[(&str, &str, &str)]) -> jixiao::Document {
    let doc: jixiao::Document = text.parse().expect("reads");
    let want: Vec<(String, String, String)> = want
        .iter()
        .map(|(t, c, n)| (t.to_string(), c.to_string(), n.to_string()))
        .collect();
    assert_eq!(levels(&doc), want, "{text}");
    doc
}

/// Labels in words the crate does not know are read by where they stand: the texts before a
/// row's value are its labels and its name, the last of them the name; a row that goes on
/// under its tier prints its category first. Whatever the rendering.
#[test]
fn labels_in_unknown_words_are_read_by_where_they_stand() {
    let expected = [
        ("产出成效", "数量成效", "开展送戏进万村", "≥70村"),
        ("产出成效", "质量成效", "送戏完成率", "≥95%"),
        ("效益成效", "社会成效", "文化权益保障率", "100%"),
        ("效益成效", "社会成效", "群众参与人次", "≥5000人次"),
    ];
    let cells: Vec<Vec<&str>> = vec![
        vec!["产出成效", "数量成效", "开展送戏进万村", "≥70村"],
        vec!["质量成效", "送戏完成率", "≥95%"],
        vec!["效益成效", "社会成效", "文化权益保障率", "100%"],
        vec!["群众参与人次", "≥5000人次"],
    ];
    let header = ["一级指标", "二级指标", "三级指标", "指标值"];
    let renderings = [
        // A cell per line.
        std::iter::once(header.to_vec())
            .chain(cells.iter().cloned())
            .flatten()
            .collect::<Vec<_>>()
            .join("\n"),
        // Pipe rows whose merged cells collapsed.
        std::iter::once(header.to_vec())
            .chain(cells.iter().cloned())
            .map(|row| format!("| {} |", row.join(" | ")))
            .collect::<Vec<_>>()
            .join("\n"),
        // Space-separated rows.
        std::iter::once(header.to_vec())
            .chain(cells.iter().cloned())
            .map(|row| row.join("    "))
            .collect::<Vec<_>>()
            .join("\n"),
    ];
    for text in renderings {
        let doc: jixiao::Document = text.parse().expect("reads");
        let got: Vec<(String, String, String, String)> = levels(&doc)
            .into_iter()
            .zip(doc.indicators())
            .map(|((t, c, n), i)| (t, c, n, i.annual.raw().to_owned()))
            .collect();
        let want: Vec<(String, String, String, String)> = expected
            .iter()
            .map(|(t, c, n, v)| (t.to_string(), c.to_string(), n.to_string(), v.to_string()))
            .collect();
        assert_eq!(got, want, "{text}");
    }
}

/// A text target and the words of its actual are no labels: only a value that says what it is
/// (a number, a comparator, a unit) marks the texts before it as a row's labels and name.
#[test]
fn a_text_target_before_words_is_no_label() {
    let text = "一级指标\n二级指标\n三级指标\n年度指标值\n全年实际值\n分值\n得分\n\
                产出指标\n数量指标\n统筹项目谋划\n统筹项目谋划\n完成\n10\n10\n";
    let doc: jixiao::Document = text.parse().expect("reads");
    let got = levels(&doc);
    assert_eq!(
        got,
        [(
            "产出指标".to_owned(),
            "数量指标".to_owned(),
            "统筹项目谋划".to_owned()
        )]
    );
    let first = doc.indicators().next().expect("an indicator");
    assert_eq!(first.annual.raw(), "统筹项目谋划");
}

/// Under a text column after the values (`备注`, empty and collapsed), the words after a value
/// may be that column's or the next row's label: a label read as one where it could be
/// nothing else is one wherever it stands again. Labels keep their notes in brackets, and a
/// text header does not take the first row's labels as its own words.
#[test]
fn labels_in_unknown_words_repeat_down_the_table() {
    let text = "一级指标\n二级指标\n三级指标\n指标值\n备注\n\
                产出成效\n数量成效(必填)\n旅游设施建设工程\n>=20平方米\n\
                数量成效(必填)\n景点开发数量\n>=4个\n\
                流转土地\n>=60亩\n";
    let doc = assert_levels(
        text,
        &[
            ("产出成效", "数量成效(必填)", "旅游设施建设工程"),
            ("产出成效", "数量成效(必填)", "景点开发数量"),
            ("产出成效", "数量成效(必填)", "流转土地"),
        ],
    );
    assert!(doc.indicators().all(|i| i.texts.is_empty()));
}

/// Under a text column after the values (`绩效标准`, `备注`), a label first read by its place
/// makes its kin labels: one of the same last two characters (`质量成效` of `数量成效`) is a
/// label where it could also be the last row's text; the header does not take the first
/// row's labels as words of its last header; a past year's actual before the target
/// (`2021年实际实现值`) holds values, so it puts no text between the name and the values.
#[test]
fn labels_in_unknown_words_make_their_kin_labels() {
    for header in [
        "一级指标\n二级指标\n三级指标\n预期2022年实现值\n绩效标准\n",
        "一级指标\n二级指标\n三级指标\n2021年实际实现值\n预期2022年实现值\n指标标准或依据\n",
    ] {
        let text = format!(
            "{header}产出成效\n数量成效\n主体班培训人次\n280人次\n邀请校外名师授课人次\n25人次\n\
             质量成效\n培训完成率\n100%\n效益成效\n社会成效\n学员满意度\n≥95%\n"
        );
        let doc = assert_levels(
            &text,
            &[
                ("产出成效", "数量成效", "主体班培训人次"),
                ("产出成效", "数量成效", "邀请校外名师授课人次"),
                ("产出成效", "质量成效", "培训完成率"),
                ("效益成效", "社会成效", "学员满意度"),
            ],
        );
        assert!(doc.indicators().all(|i| i.texts.is_empty()), "{header}");
    }
    // Under a text column between the name and the value, the kin label is a label and the
    // text after it the name, not the other way round.
    let text = "一级指标\n二级指标\n三级指标\n绩效指标描述\n指标值\n\
                产出成效\n数量成效\n维修面积\n维修面积\n≥400平方米\n\
                质量成效\n验收合格率\n验收合格率\n≥98%\n";
    assert_levels(
        text,
        &[
            ("产出成效", "数量成效", "维修面积"),
            ("产出成效", "质量成效", "验收合格率"),
        ],
    );
}

/// A template's numbered name without its colon (`指标1工程完工率`) is a name, not a value:
/// the label before it after a row's values is its category, whatever its words.
#[test]
fn numbered_names_without_a_colon_are_names() {
    let text = "一级指标\n二级指标\n三级指标\n年度指标值\n实际完成值\n分值\n得分\n偏差原因分析及改进措施\n\
                产出成效\n数量成效\n指标1工程资金金额\n43.2\n37.24\n10\n9\n已完工\n\
                质量成效\n指标1工程完工率\n100\n100\n10\n10\n";
    let doc: jixiao::Document = text.parse().expect("reads");
    let got: Vec<(String, String, String, String)> = levels(&doc)
        .into_iter()
        .zip(doc.indicators())
        .map(|((t, c, n), i)| (t, c, n, i.annual.raw().to_owned()))
        .collect();
    let want: Vec<(String, String, String, String)> = [
        ("产出成效", "数量成效", "指标1工程资金金额", "43.2"),
        ("产出成效", "质量成效", "指标1工程完工率", "100"),
    ]
    .iter()
    .map(|(t, c, n, a)| (t.to_string(), c.to_string(), n.to_string(), a.to_string()))
    .collect();
    assert_eq!(got, want);
}

/// Labels in unknown words before names that a value's words may begin or end: a name that
/// begins with a quantity (`5000吨稻谷、…储备到位率`) is a name, and words after a numbered
/// name (`指标1:…` / `已完成`) are its target even where the grid has actuals.
#[test]
fn labels_in_unknown_words_before_names_that_look_like_values() {
    let cases = [
        (
            "一级指标\n二级指标\n三级指标\n年度指标值\n全年完成值\n\
             产出成效\n数量成效\n5000吨稻谷、500吨成品粮储备到位率\n100%\n100%\n\
             数量成效\n库存数量真实率\n100%\n100%\n",
            ["5000吨稻谷、500吨成品粮储备到位率", "库存数量真实率"],
            "数量成效",
        ),
        (
            "一级指标\n二级指标\n三级指标\n年度指标值\n实际完成指标值\n自评得分\n\
             产出成效\n质量成效\n指标1:食品安全监管人员培训\n已完成\n已完成\n5\n\
             质量成效\n指标2:违法案件查办率\n100%\n100%\n4\n",
            ["指标1:食品安全监管人员培训", "指标2:违法案件查办率"],
            "质量成效",
        ),
    ];
    for (text, names, category) in cases {
        let doc: jixiao::Document = text.parse().expect("reads");
        let got = levels(&doc);
        let want: Vec<(String, String, String)> = names
            .iter()
            .map(|n| ("产出成效".to_owned(), category.to_owned(), n.to_string()))
            .collect();
        assert_eq!(got, want);
    }
}

/// Split cells with text columns among the values (`指标值 | 指标值内容 | 度量单位 | 指标值类型 |
/// 备注`): labels in unknown words are read by their place, and after a row's qualifier
/// (`定量`) only the text columns after the qualifier's may hold the cells before the next
/// name.
#[test]
fn labels_in_unknown_words_among_split_cells() {
    let text = "一级指标\n二级指标\n三级指标\n指标值\n指标值内容\n度量单位\n指标值类型\n备注\n\
                成本成效\n经济成效\n学生补助标准\n17元\n反映学生每天用餐标准\n元/人\n定量\n\
                效益成效\n社会成效\n学生满意度\n95%\n学生对学校伙食满意程度\n%\n定量\n";
    assert_levels(
        text,
        &[
            ("成本成效", "经济成效", "学生补助标准"),
            ("效益成效", "社会成效", "学生满意度"),
        ],
    );
}

/// A label with its note (`成本成效(必填硬性指标)`) is a label by its place though the table
/// prints known labels of its level (`服务对象满意度`).
#[test]
fn labels_with_notes_beside_known_labels() {
    let text = "一级指标\n二级指标\n三级指标\n指标值\n备注\n\
                产出成效\n成本成效(必填硬性指标)\n按照物价部门定价标准采购\n100%\n\
                效益成效\n服务对象满意度\n群众满意度\n≥90%\n";
    let doc = assert_levels(
        text,
        &[
            (
                "产出成效",
                "成本成效(必填硬性指标)",
                "按照物价部门定价标准采购",
            ),
            ("效益成效", "服务对象满意度", "群众满意度"),
        ],
    );
    assert!(doc.indicators().all(|i| i.texts.is_empty()));
}

/// A text column between the name and the value (`绩效指标描述`) may be empty and collapsed:
/// a text before the name is a label only where it is one either way (a cell per line).
#[test]
fn labels_in_unknown_words_before_a_name_and_its_description() {
    let text = "一级指标\n二级指标\n三级指标\n绩效指标描述\n指标值\n\
                产出成效\n数量成效\n维修面积\n维修的面积\n≥400平方米\n\
                数量成效\n维修次数\n维修的次数\n≥4次\n";
    let doc: jixiao::Document = text.parse().expect("reads");
    let got: Vec<(String, String, String, Vec<String>)> = levels(&doc)
        .into_iter()
        .zip(doc.indicators())
        .map(|((t, c, n), i)| (t, c, n, i.texts.iter().map(|x| x.text.clone()).collect()))
        .collect();
    let want = [
        ("产出成效", "数量成效", "维修面积", "维修的面积"),
        ("产出成效", "数量成效", "维修次数", "维修的次数"),
    ]
    .map(|(t, c, n, x)| (t.to_owned(), c.to_owned(), n.to_owned(), vec![x.to_owned()]));
    assert_eq!(got, want);
}

/// Where a table prints labels the crate knows for a level, words it does not know are no
/// labels of that level: the rest of a wrapped name and its target before the next row's
/// known category stay the row's (`为全市经济发展保` / `驾护航` / `正面支撑`).
#[test]
fn known_labels_of_a_level_keep_unknown_words_out_of_it() {
    let text = "一级指标\n二级指标\n三级指标\n指标值\n\n\
                产出指标\n数量指标\n指标1:机柜数量\n≥77台\n\n\
                效益指标\n经济效益指标\n指标1:为全市经济发展保\n驾护航\n正面支撑\n\n\
                社会效益指标\n指标1:服务保障民生\n有力保障\n";
    let doc: jixiao::Document = text.parse().expect("reads");
    let tiers: Vec<String> = levels(&doc).into_iter().map(|(t, _, _)| t).collect();
    assert!(
        tiers.iter().all(|t| t == "产出指标" || t == "效益指标"),
        "{tiers:?}"
    );
}

/// A label in unknown words printed on every row is read by its place however often it
/// repeats: a short text repeated down a run is otherwise taken for a text column's wording.
#[test]
fn labels_in_unknown_words_repeated_on_every_row() {
    let text = "一级指标\n二级指标\n三级指标\n指标值\n备注\n\
                产出成效\n数量成效\n旅游设施建设工程\n>=20平方米\n\
                产出成效\n数量成效\n景点开发数量\n>=4个\n\
                产出成效\n数量成效\n流转土地\n>=60亩\n";
    let doc: jixiao::Document = text.parse().expect("reads");
    let got = levels(&doc);
    let want: Vec<(String, String, String)> = ["旅游设施建设工程", "景点开发数量", "流转土地"]
        .iter()
        .map(|n| ("产出成效".to_owned(), "数量成效".to_owned(), n.to_string()))
        .collect();
    assert_eq!(got, want);
}

/// Glued text is cut by known words: labels in other words run into the names. That is not
/// read silently: a header with level columns over rows without a level is a warning.
#[test]
fn level_columns_without_a_level_read_are_reported() {
    let text = "一级指标二级指标三级指标指标值\n\
                产出成效数量成效开展送戏进万村≥70村\n\
                质量成效送戏进万村活动完成率≥95%\n";
    let doc: jixiao::Document = text.parse().expect("reads");
    assert_eq!(doc.layout, jixiao::Layout::Glued);
    let warned: Vec<String> = doc
        .diagnostics
        .iter()
        .filter(|d| d.code == jixiao::DiagnosticCode::IndicatorIncomplete)
        .map(|d| format!("{}:{}: {}", d.line, d.column, d.message))
        .collect();
    assert_eq!(
        warned,
        [
            "1:1: the header names level columns, but no row prints a level this crate reads: \
          the indicators have no tier or category, and labels in other words may begin their \
          names"
        ]
    );
}
