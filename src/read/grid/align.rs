//! Aligning cells to columns by what they are.
//!
//! Text renderings lose where a cell stood: merged cells are left out of the rows they cover,
//! empty cells collapse, and some renderings lose the row breaks too. The cells of a run are
//! placed in columns by one dynamic programme over the run: each cell goes to a column later
//! in its row, or starts a new row where a break is allowed, and the placement that fits best
//! (a tier label in the tier column, a number under 分值, a comparator under 计算符号) wins.
//! Leaving a column out costs what it costs for that column: nothing for a merged label
//! column, much for the name. A cell whose placement ties with another is ambiguous, and its
//! row is reported rather than guessed.
//!
//! The programme runs forwards and backwards in time linear in the number of cells times the
//! number of columns.

use super::shape::{NEVER, Shape};
use super::vocab::Role;

/// How a run's cells may break into rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Break {
    /// A new row must start here.
    Must,
    /// A new row may start here (a line break in space-separated text, or any cell where the
    /// rendering lost the rows).
    May,
    /// The cell goes on its row.
    Never,
}

/// A cell to place: its shape, how a row may break before it, and whether it may be joined
/// to the cell before it (space-separated text splits names at their spaces).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Item {
    pub(crate) shape: Shape,
    pub(crate) brk: Break,
    pub(crate) joinable: bool,
    /// The column the cell stands under on the page, where the page shows it: a label fits
    /// there better than in a column it fits as well by its words.
    pub(crate) near: Option<usize>,
    /// The cell says what the cell before it says (`10 | 10`, `100% | 100%`): the two are
    /// rather a pair of columns that agree (a target and its actual, a weight and its score)
    /// than two columns that happen to.
    pub(crate) repeats: bool,
    /// The cell is a label that heads the cells after it (`项目效益` after `效益`, the 2020
    /// framework's 二级 under its 一级): a row of labels that ends with it goes on.
    pub(crate) heads: bool,
    /// The cell follows a level's label: only such a cell may be that level's points
    /// ([`Role::LevelWeight`]), which are merged with the label.
    pub(crate) after_label: bool,
    /// The cell before it filled its line as wide as the run's wrapped lines are: the cell
    /// is rather that cell's next line than a cell of its own.
    pub(crate) continues: bool,
}

impl Item {
    /// What joining this cell to the one before costs.
    fn join(&self) -> i32 {
        if self.continues { CONTINUE } else { JOIN }
    }
}

/// What standing under a column on the page adds to a cell's fit there.
const NEAR: i32 = 3;

/// Where a cell went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Place {
    /// The row within the run, from 0.
    pub(crate) row: usize,
    /// The column.
    pub(crate) column: usize,
    /// Whether another placement fits as well.
    pub(crate) ambiguous: bool,
}

/// What two equal cells gain as a pair of agreeing columns: a target and its actual, a
/// weight and its score. More than leaving out the columns between a weight and its score
/// costs, and no multiple of [`SCALE`], so that it does not tie with a difference of fit.
const PAIR: i32 = 5;

/// The column each column pairs with, before it: 分值 for 得分, the annual target for the
/// actual value; where a role has several columns, the nearest before.
fn pairs(roles: &[Role]) -> Vec<Option<usize>> {
    let mut last_weight = None;
    let mut last_annual = None;
    roles
        .iter()
        .enumerate()
        .map(|(c, role)| match role {
            Role::Weight => {
                last_weight = Some(c);
                None
            }
            Role::Annual => {
                last_annual = Some(c);
                None
            }
            Role::Score => last_weight,
            Role::Actual => last_annual,
            _ => None,
        })
        .collect()
}

/// The cost of starting a row: rows are not split without need.
const ROW: i32 = -SCALE;
/// The cost of ending a row of labels alone with a label that heads what follows
/// ([`Item::heads`]) where the next row replaces it (`效益 | 项目效益` then `社会效益 | …`): a
/// label with nothing under it. Where the rendering lost the rows, the cells rather go on
/// the row.
const LONE: i32 = -6 * SCALE;
/// The cost of joining a cell to the one before it.
const JOIN: i32 = -3 * SCALE;
/// What joining gains where the cell before filled its line ([`Item::continues`]): more than
/// a name alone on its row costs, less than a row's next name fits.
const CONTINUE: i32 = 2 * SCALE;

/// What leaving a column out of a row costs, before the row's first cell (`prefix`), between
/// two of its cells (`middle`) and after its last (`suffix`).
#[derive(Debug, Clone, Copy)]
struct Skip {
    prefix: i32,
    middle: i32,
    suffix: i32,
}

/// Fits and costs are scaled by this, so that a preference smaller than any real
/// difference of fit can break ties: [`LEAN`].
const SCALE: i32 = 4;

/// A preference that only breaks ties: a row fills its annual target before a second
/// horizon's, and its first text columns before its last.
const LEAN: i32 = -1;

fn skip_costs(role: Role, names: i32) -> Skip {
    let name = (-5 / names.max(1) - 1) * SCALE;
    match role {
        Role::Name => Skip {
            prefix: name,
            middle: name,
            suffix: name,
        },
        Role::Blank | Role::Section => Skip {
            prefix: 0,
            middle: 0,
            suffix: 0,
        },
        r if r.carries() => Skip {
            prefix: 0,
            middle: -SCALE,
            suffix: 0,
        },
        // A row without its target is rare: leaving it out costs a little wherever, and more
        // than a text cell gains as a name rather than as the row before's explanation.
        Role::Annual => Skip {
            prefix: -2 * SCALE,
            middle: 2 * LEAN,
            suffix: -2 * SCALE,
        },
        // A row of a grid with weights shows its weight: a row without one is rather
        // split from the row before.
        Role::Weight => Skip {
            prefix: -SCALE,
            middle: -SCALE,
            suffix: -SCALE,
        },
        Role::Period | Role::Actual | Role::Text => Skip {
            prefix: -SCALE,
            middle: LEAN,
            suffix: 0,
        },
        // Empty cells collapse anywhere in a row: leaving one out in the middle costs no
        // more than at the end; a row rarely starts late.
        _ => Skip {
            prefix: -SCALE,
            middle: 0,
            suffix: 0,
        },
    }
}

/// Places a run's cells in columns. Returns a place per cell, `None` for a cell joined to the
/// one before it (it goes where that one went), or `None` for the whole run where no
/// placement fits (a cell that fits no column).
pub(crate) fn align(
    items: &[Item],
    roles: &[Role],
    fit: impl Fn(Shape, usize) -> i32,
) -> Option<Vec<Option<Place>>> {
    let n = roles.len();
    let k = items.len();
    if n == 0 || k == 0 {
        return Some(Vec::new());
    }
    let names = roles.iter().filter(|r| **r == Role::Name).count() as i32;
    let skips: Vec<Skip> = roles.iter().map(|r| skip_costs(*r, names)).collect();
    // Prefix sums of the skip costs: the cost of leaving out columns a..b is sum[b] - sum[a].
    let sums = |f: fn(&Skip) -> i32| -> Vec<i32> {
        let mut out = Vec::with_capacity(n + 1);
        out.push(0);
        for s in &skips {
            out.push(out[out.len() - 1] + f(s));
        }
        out
    };
    let prefix = sums(|s| s.prefix);
    let middle = sums(|s| s.middle);
    let suffix = sums(|s| s.suffix);
    // The text columns, which a cell may be joined in, and what leaving out the columns after
    // each column at a row's end costs: read once, not at every cell.
    let textual: Vec<bool> = roles
        .iter()
        .map(|r| {
            matches!(
                r,
                Role::Name | Role::Text | Role::Goal | Role::Project | Role::Org | Role::Detail
            )
        })
        .collect();
    let after_row: Vec<i32> = (0..n).map(|c| suffix[n] - suffix[c + 1]).collect();
    // A cell's fits depend on its shape, whether it follows a label and the column it
    // stands under: the cells of a run are of a few kinds, and cells alike (standing under
    // no column) share one row of fits, worked out once. Kinds are few (shapes, twice): the
    // search for one is bounded.
    let mut fits: Vec<i32> = Vec::with_capacity(k * n);
    let mut kinds: Vec<(Shape, bool, usize)> = Vec::new();
    for item in items {
        let alike = item.near.is_none().then(|| {
            kinds
                .iter()
                .find(|&&(shape, after, _)| shape == item.shape && after == item.after_label)
        });
        if let Some(Some(&(_, _, at))) = alike {
            fits.extend_from_within(at..at + n);
            continue;
        }
        if item.near.is_none() {
            kinds.push((item.shape, item.after_label, fits.len()));
        }
        for (c, role) in roles.iter().enumerate() {
            let near = if item.near == Some(c) { NEAR } else { 0 };
            if *role == Role::LevelWeight && !item.after_label {
                fits.push(NEVER.saturating_mul(SCALE));
                continue;
            }
            fits.push(
                fit(item.shape, c)
                    .saturating_add(near)
                    .saturating_mul(SCALE),
            );
        }
    }
    let fit_at = |i: usize, c: usize| fits[i * n + c];
    // The label columns a row of labels alone may end in: a tier or category column with
    // no name column before it.
    let first_name = roles.iter().position(|r| *r == Role::Name).unwrap_or(n);
    let lone: Vec<bool> = roles
        .iter()
        .enumerate()
        .map(|(c, r)| matches!(r, Role::Tier | Role::Category) && c < first_name)
        .collect();
    let any_lone = lone.contains(&true);
    // Pairs of columns, each way: the column paired before each, the columns paired after.
    let paired = pairs(roles);
    let mut partners: Vec<Vec<usize>> = vec![Vec::new(); n];
    for (c, p) in paired.iter().enumerate() {
        if let Some(p) = *p {
            partners[p].push(c);
        }
    }

    // States per cell: (column, how it came): 0 on its row, 1 starting a row, 2 joined.
    const WAYS: usize = 3;
    let states = n * WAYS;
    let mut fwd = vec![NEG; k * states];
    // The state each came from, as `u32` (half the memory of a run's table: a run of
    // thousands of cells is megabytes). A grid has at most `MAX_COLUMNS` columns, so a state
    // index fits; none that did not could be told from the mark of no state.
    let mut back = vec![NONE; k * states];
    for c in 0..n {
        let score = prefix[c] + fit_at(0, c);
        fwd[c * WAYS + 1] = score;
    }
    // What starting a row at each column costs before its fit, and what going on past it
    // on the row does.
    let starting: Vec<i32> = prefix[..n].iter().map(|p| ROW + p).collect();
    let leaving: Vec<i32> = middle[1..].iter().map(|m| -m).collect();
    // The best way to each column of the cell before, read once per column and cell.
    let mut bests: Vec<(i32, usize)> = vec![(NEG, usize::MAX); n];
    // The best way to start a row at each column, and the best of the label columns from
    // each column on.
    let mut new_rows: Vec<(i32, usize)> = vec![(NEG, usize::MAX); n];
    let mut lone_from: Vec<(i32, usize)> = vec![(NEG, usize::MAX); n + 1];
    for i in 1..k {
        let item = items[i];
        let (done, rest) = fwd.split_at_mut(i * states);
        let prev = &done[(i - 1) * states..];
        let fwd_here = &mut rest[..states];
        for (c, (best, ways)) in bests.iter_mut().zip(prev.chunks_exact(WAYS)).enumerate() {
            // The last of the best ways, as `max_by_key` keeps.
            let mut b = (NEG, usize::MAX);
            for (w, &s) in ways.iter().enumerate() {
                if b.1 == usize::MAX || s >= b.0 {
                    b = (s, c * WAYS + w);
                }
            }
            *best = b;
        }
        let best_of = |c: usize| -> (i32, usize) { bests[c] };
        // New row: the best previous state with its row's suffix left out. Where the row
        // may go on, a row of labels alone is not ended by a row that replaces its last
        // label ([`LONE`]). Most cells start every column's row after one and the same
        // state (`uniform`); only a cell after a heading label needs a state per column.
        let mut uniform = Some((NEG, usize::MAX));
        if item.brk != Break::Never {
            let lonely = any_lone && item.brk == Break::May && items[i - 1].heads;
            let ended = |c: usize| {
                let (s, from) = best_of(c);
                (add(s, after_row[c]), from)
            };
            // Among the columns no label ends, ties go to the earliest.
            let mut free = (NEG, usize::MAX);
            for c in (0..n).filter(|&c| !(lonely && lone[c])) {
                let s = ended(c);
                if s.0 > free.0 {
                    free = s;
                }
            }
            if !lonely {
                // No label ends a row alone: every column starts its row after the best of
                // all (what the general case below comes to).
                uniform = Some(free);
            } else {
                uniform = None;
                lone_from[n] = (NEG, usize::MAX);
                for c in (0..n).rev() {
                    lone_from[c] = lone_from[c + 1];
                    if lone[c] {
                        let s = ended(c);
                        if s.0 >= lone_from[c].0 {
                            lone_from[c] = s;
                        }
                    }
                }
                let mut before = (NEG, usize::MAX);
                for c2 in 0..n {
                    let replaced = (add(lone_from[c2].0, LONE), lone_from[c2].1);
                    new_rows[c2] = [free, before, replaced]
                        .into_iter()
                        .max_by_key(|&(s, _)| s)
                        .unwrap_or((NEG, usize::MAX));
                    if lone[c2] {
                        let s = ended(c2);
                        if s.0 > before.0 {
                            before = s;
                        }
                    }
                }
            }
        }
        // Same row: a running best over earlier columns, with the columns between left out.
        // The columns are walked together with their fits, states and bests (one pass, no
        // indexing of each by column).
        let mut running = (NEG, usize::MAX);
        let here = i * states;
        let on_row = item.brk != Break::Must;
        let cells = fits[i * n..(i + 1) * n]
            .iter()
            .zip(fwd_here.chunks_exact_mut(WAYS))
            .zip(back[here..here + states].chunks_exact_mut(WAYS))
            .zip(new_rows.iter().zip(&bests));
        for (c, (((&f, ways), backs), (&new_row, &(best, from)))) in cells.enumerate() {
            if on_row && running.0 > NEG {
                ways[0] = add(running.0, middle[c] + f);
                backs[0] = narrow(running.1);
            }
            // A repeated cell in the column paired with the one before's.
            if item.repeats
                && on_row
                && let Some(p) = paired[c]
            {
                let (s, from) = bests[p];
                let s = add(s, middle[c] - middle[p + 1] + f + PAIR);
                if s > ways[0] {
                    ways[0] = s;
                    backs[0] = narrow(from);
                }
            }
            let new_row = uniform.unwrap_or(new_row);
            if new_row.0 > NEG {
                ways[1] = add(new_row.0, starting[c] + f);
                backs[1] = narrow(new_row.1);
            }
            if item.joinable && on_row && textual[c] && best > NEG {
                ways[2] = add(best, item.join());
                backs[2] = narrow(from);
            }
            // Columns up to c become available to the next column of the row.
            let s = add(best, leaving[c]);
            if s > running.0 {
                running = (s, from);
            }
        }
    }
    // The end: the last row's suffix left out.
    let last = (k - 1) * states;
    let mut end = (NEG, usize::MAX);
    for state in 0..states {
        let c = state / WAYS;
        let s = add(fwd[last + state], after_row[c]);
        if s > end.0 {
            end = (s, state);
        }
    }
    if end.0 <= NEVER / 2 * SCALE {
        return None;
    }
    // Backwards: the best score of what follows each state. It depends on the state's
    // column, not on how the cell came there: one score a column, shared by its ways.
    let mut bwd = vec![NEG; k * n];
    for c in 0..n {
        bwd[(k - 1) * n + c] = after_row[c];
    }
    // Each step takes running maxima over the next cell's columns, as the forward pass does:
    // linear in the columns, not quadratic.
    let mut later = vec![NEG; n + 1];
    // Starting a row at the next cell at each column, the best of those up to each column,
    // and the best of those after it.
    let mut starts = vec![NEG; n];
    let mut upto = vec![NEG; n];
    let mut past = vec![NEG; n + 1];
    for i in (0..k - 1).rev() {
        let next = items[i + 1];
        // This cell's scores, the next cell's, and the next cell's fits: slices of one
        // column each, walked without indexing the whole tables.
        let (head, tail) = bwd.split_at_mut((i + 1) * n);
        let ahead = &tail[..n];
        let here = &mut head[i * n..];
        let next_fits = &fits[(i + 1) * n..(i + 2) * n];
        // Starting a row at the next cell: the best of its columns, whatever this one's, but
        // for a row of labels alone that the next row replaces ([`LONE`]).
        let mut new_row = NEG;
        let lonely = any_lone && next.brk == Break::May && items[i].heads;
        if next.brk != Break::Never {
            for (c2, start) in starts.iter_mut().enumerate() {
                *start = add(ahead[c2], ROW + prefix[c2] + next_fits[c2]);
                new_row = new_row.max(*start);
            }
            // The best starts up to each column and after it: asked of label columns only
            // where a row of labels alone may be replaced.
            if lonely {
                for c2 in 0..n {
                    upto[c2] = if c2 == 0 {
                        starts[0]
                    } else {
                        upto[c2 - 1].max(starts[c2])
                    };
                }
                past[n] = NEG;
                for c2 in (0..n).rev() {
                    past[c2] = past[c2 + 1].max(starts[c2]);
                }
            }
        }
        // Going on on the row: the best of the next cell's columns after each column.
        let on_row = next.brk != Break::Must;
        if on_row {
            later[n] = NEG;
            for c2 in (0..n).rev() {
                let on = add(ahead[c2], middle[c2] + next_fits[c2]);
                later[c2] = later[c2 + 1].max(on);
            }
        } else {
            later.fill(NEG);
        }
        let paired_on = next.repeats && on_row;
        let joined_on = next.joinable && on_row;
        for (c, best_here) in here.iter_mut().enumerate() {
            let mut best = add(later[c + 1], leaving[c]);
            let new_row = if lonely && lone[c] {
                past[c + 1].max(add(upto[c], LONE))
            } else {
                new_row
            };
            best = best.max(add(new_row, after_row[c]));
            if paired_on {
                for &c2 in &partners[c] {
                    best = best.max(add(
                        ahead[c2],
                        middle[c2] - middle[c + 1] + next_fits[c2] + PAIR,
                    ));
                }
            }
            if joined_on && textual[c] {
                best = best.max(add(ahead[c], next.join()));
            }
            *best_here = best;
        }
    }
    // The chosen states, back from the end.
    let mut chosen = vec![0usize; k];
    let mut state = end.1;
    for i in (0..k).rev() {
        chosen[i] = state;
        if i > 0 {
            let from = back[i * states + state];
            if from == NONE {
                return None;
            }
            state = from as usize;
        }
    }
    let mut places = Vec::with_capacity(k);
    let mut row = 0usize;
    for (i, &state) in chosen.iter().enumerate() {
        let (column, way) = (state / WAYS, state % WAYS);
        if i > 0 && way == 1 {
            row += 1;
        }
        if way == 2 {
            places.push(None);
            continue;
        }
        let (ways_here, after_here) =
            (&fwd[i * states..(i + 1) * states], &bwd[i * n..(i + 1) * n]);
        let total = add(ways_here[state], after_here[column]);
        // Another placement as good is ambiguous, but for a column of small words, where
        // the cell says what it is whichever of them it stands in.
        let qualifier = roles[column] == Role::Qualifier;
        // A joined cell (the third way) is no other placement of its own.
        let ambiguous = ways_here
            .chunks_exact(WAYS)
            .zip(after_here)
            .enumerate()
            .any(|(c, (ways, &after))| {
                ways[..2].iter().enumerate().any(|(w, &s)| {
                    c * WAYS + w != state
                        && !(qualifier && w == way && roles[c] == Role::Qualifier)
                        && add(s, after) >= total
                })
            });
        places.push(Some(Place {
            row,
            column,
            ambiguous,
        }));
    }
    Some(places)
}

/// A score no placement reaches.
const NEG: i32 = i32::MIN / 4;

/// The mark of no state in the table of where states came from.
const NONE: u32 = u32::MAX;

/// A state's index in the table of where states came from ([`NONE`] for none).
fn narrow(state: usize) -> u32 {
    u32::try_from(state).unwrap_or(NONE)
}

/// Adds scores, keeping the impossible impossible.
fn add(a: i32, b: i32) -> i32 {
    if a <= NEG || b <= NEG {
        NEG
    } else {
        a.saturating_add(b).max(NEG)
    }
}

#[cfg(test)]
mod tests {
    use super::super::shape::{fit, shape};
    use super::*;

    fn by_role(roles: &[Role]) -> impl Fn(Shape, usize) -> i32 + '_ {
        move |shape, c| fit(shape, roles[c])
    }

    fn items(cells: &[&str], brk: impl Fn(usize) -> Break) -> Vec<Item> {
        cells
            .iter()
            .enumerate()
            .map(|(i, c)| Item {
                shape: shape(c),
                brk: if i == 0 { Break::Must } else { brk(i) },
                joinable: false,
                near: None,
                repeats: i > 0 && cells[i - 1] == *c,
                heads: false,
                after_label: false,
                continues: false,
            })
            .collect()
    }

    fn columns(places: &[Option<Place>]) -> Vec<(usize, usize)> {
        places.iter().flatten().map(|p| (p.row, p.column)).collect()
    }

    const GRID: [Role; 4] = [Role::Tier, Role::Category, Role::Name, Role::Annual];

    #[test]
    fn short_rows_leave_out_their_merged_labels() {
        let cells = [
            "产出指标",
            "数量指标",
            "维修面积",
            "≥400平方米",
            "验收合格率",
            "≥98%",
        ];
        let brk = |i| if i == 4 { Break::Must } else { Break::Never };
        let places = align(&items(&cells, brk), &GRID, by_role(&GRID)).expect("fits");
        assert_eq!(
            columns(&places),
            [(0, 0), (0, 1), (0, 2), (0, 3), (1, 2), (1, 3)]
        );
        assert!(places.iter().flatten().all(|p| !p.ambiguous));
    }

    #[test]
    fn a_heading_label_does_not_end_a_row_of_labels() {
        // A stream of cells: `项目效益` heads what follows, so `社会效益` is the row's name
        // rather than the category of a row that leaves `项目效益` with nothing under it.
        let roles = [
            Role::Tier,
            Role::Category,
            Role::Name,
            Role::Text,
            Role::Weight,
        ];
        let cells = ["效益", "项目效益", "社会效益", "项目实施所产生的效益", "10"];
        let mut items = items(&cells, |_| Break::May);
        items[1].shape = Shape::Level;
        items[1].brk = Break::Never;
        let heads = |items: &[Item]| {
            let places = align(items, &roles, by_role(&roles)).expect("fits");
            columns(&places)
        };
        assert_eq!(heads(&items), [(0, 0), (0, 1), (1, 1), (1, 2), (1, 4)]);
        items[1].heads = true;
        assert_eq!(heads(&items), [(0, 0), (0, 1), (0, 2), (0, 3), (0, 4)]);
    }

    #[test]
    fn two_equal_cells_are_a_pair_of_agreeing_columns() {
        // 一级 | 三级 | 年度指标值 | 实际完成值 | 分值 | 得分, a row's empty cells collapsed:
        // `10 10` is a weight and its score, `100% 100%` a target and its actual.
        let roles = [
            Role::Tier,
            Role::Name,
            Role::Annual,
            Role::Actual,
            Role::Weight,
            Role::Score,
        ];
        let row = |cells: &[&str]| {
            align(&items(cells, |_| Break::Never), &roles, by_role(&roles)).expect("fits")
        };
        let places = row(&["产出指标", "工程质量合格", "10", "10"]);
        assert_eq!(columns(&places), [(0, 0), (0, 1), (0, 4), (0, 5)]);
        assert!(places.iter().flatten().all(|p| !p.ambiguous));
        let places = row(&["产出指标", "合格率", "100%", "100%"]);
        assert_eq!(columns(&places), [(0, 0), (0, 1), (0, 2), (0, 3)]);
    }

    #[test]
    fn a_stream_of_cells_finds_its_rows() {
        let cells = [
            "产出指标",
            "数量指标",
            "维修面积",
            "≥400平方米",
            "质量指标",
            "验收合格率",
            "≥98%",
            "效益指标",
            "社会效益指标",
            "群众满意",
            "≥90%",
        ];
        let places = align(&items(&cells, |_| Break::May), &GRID, by_role(&GRID)).expect("fits");
        assert_eq!(
            columns(&places),
            [
                (0, 0),
                (0, 1),
                (0, 2),
                (0, 3),
                (1, 1),
                (1, 2),
                (1, 3),
                (2, 0),
                (2, 1),
                (2, 2),
                (2, 3)
            ]
        );
    }

    #[test]
    fn split_cells_take_their_columns_by_content() {
        let roles = [
            Role::Tier,
            Role::Category,
            Role::Name,
            Role::Qualifier,
            Role::Annual,
            Role::Measure,
            Role::Weight,
        ];
        let cells = ["树木成活率", "≥", "85", "%", "10"];
        let places =
            align(&items(&cells, |_| Break::Never), &roles, by_role(&roles)).expect("fits");
        assert_eq!(columns(&places), [(0, 2), (0, 3), (0, 4), (0, 5), (0, 6)]);
    }

    #[test]
    fn ties_are_ambiguous() {
        // One number under two scores (自评得分 | 复核得分): either could be empty.
        let roles = [Role::Name, Role::Score, Role::Score];
        let places = align(
            &items(&["维修面积", "10"], |_| Break::Never),
            &roles,
            by_role(&roles),
        )
        .expect("fits");
        assert!(places[1].is_some_and(|p| p.ambiguous));
        // One target under 年度 | 实施周期 is the annual one.
        let roles = [Role::Name, Role::Annual, Role::Period];
        let places = align(
            &items(&["维修面积", "≥400平方米"], |_| Break::Never),
            &roles,
            by_role(&roles),
        )
        .expect("fits");
        assert_eq!(places[1].map(|p| (p.column, p.ambiguous)), Some((1, false)));
    }

    /// [`align`] as it was before its passes were tightened: the reference the tightened
    /// one is held to.
    fn align_reference(
        items: &[Item],
        roles: &[Role],
        fit: impl Fn(Shape, usize) -> i32,
    ) -> Option<Vec<Option<Place>>> {
        let n = roles.len();
        let k = items.len();
        if n == 0 || k == 0 {
            return Some(Vec::new());
        }
        let names = roles.iter().filter(|r| **r == Role::Name).count() as i32;
        let skips: Vec<Skip> = roles.iter().map(|r| skip_costs(*r, names)).collect();
        // Prefix sums of the skip costs: the cost of leaving out columns a..b is sum[b] - sum[a].
        let sums = |f: fn(&Skip) -> i32| -> Vec<i32> {
            let mut out = Vec::with_capacity(n + 1);
            out.push(0);
            for s in &skips {
                out.push(out[out.len() - 1] + f(s));
            }
            out
        };
        let prefix = sums(|s| s.prefix);
        let middle = sums(|s| s.middle);
        let suffix = sums(|s| s.suffix);
        let textual = |c: usize| {
            matches!(
                roles[c],
                Role::Name | Role::Text | Role::Goal | Role::Project | Role::Org | Role::Detail
            )
        };
        let mut fits: Vec<i32> = Vec::with_capacity(k * n);
        for item in items {
            for (c, role) in roles.iter().enumerate() {
                let near = if item.near == Some(c) { NEAR } else { 0 };
                if *role == Role::LevelWeight && !item.after_label {
                    fits.push(NEVER.saturating_mul(SCALE));
                    continue;
                }
                fits.push(
                    fit(item.shape, c)
                        .saturating_add(near)
                        .saturating_mul(SCALE),
                );
            }
        }
        let fit_at = |i: usize, c: usize| fits[i * n + c];
        // The label columns a row of labels alone may end in: a tier or category column with
        // no name column before it.
        let first_name = roles.iter().position(|r| *r == Role::Name).unwrap_or(n);
        let lone: Vec<bool> = roles
            .iter()
            .enumerate()
            .map(|(c, r)| matches!(r, Role::Tier | Role::Category) && c < first_name)
            .collect();
        let any_lone = lone.contains(&true);
        // Pairs of columns, each way: the column paired before each, the columns paired after.
        let paired = pairs(roles);
        let mut partners: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (c, p) in paired.iter().enumerate() {
            if let Some(p) = *p {
                partners[p].push(c);
            }
        }

        // States per cell: (column, how it came): 0 on its row, 1 starting a row, 2 joined.
        const WAYS: usize = 3;
        let states = n * WAYS;
        let mut fwd = vec![NEG; k * states];
        let mut back = vec![usize::MAX; k * states];
        for c in 0..n {
            let score = prefix[c] + fit_at(0, c);
            fwd[c * WAYS + 1] = score;
        }
        // The best way to each column of the cell before, read once per column and cell.
        let mut bests: Vec<(i32, usize)> = vec![(NEG, usize::MAX); n];
        // The best way to start a row at each column, and the best of the label columns from
        // each column on.
        let mut new_rows: Vec<(i32, usize)> = vec![(NEG, usize::MAX); n];
        let mut lone_from: Vec<(i32, usize)> = vec![(NEG, usize::MAX); n + 1];
        for i in 1..k {
            let item = items[i];
            let (done, rest) = fwd.split_at_mut(i * states);
            let prev = &done[(i - 1) * states..];
            let fwd_here = &mut rest[..states];
            for (c, best) in bests.iter_mut().enumerate() {
                *best = (0..WAYS)
                    .map(|w| (prev[c * WAYS + w], c * WAYS + w))
                    .max_by_key(|&(s, _)| s)
                    .unwrap_or((NEG, usize::MAX));
            }
            let best_of = |c: usize| -> (i32, usize) { bests[c] };
            // New row: the best previous state with its row's suffix left out. Where the row
            // may go on, a row of labels alone is not ended by a row that replaces its last
            // label ([`LONE`]).
            new_rows.fill((NEG, usize::MAX));
            if item.brk != Break::Never {
                let lonely = any_lone && item.brk == Break::May && items[i - 1].heads;
                let ended = |c: usize| {
                    let (s, from) = best_of(c);
                    (add(s, suffix[n] - suffix[c + 1]), from)
                };
                // Among the columns no label ends, ties go to the earliest.
                let mut free = (NEG, usize::MAX);
                for c in (0..n).filter(|&c| !(lonely && lone[c])) {
                    let s = ended(c);
                    if s.0 > free.0 {
                        free = s;
                    }
                }
                lone_from[n] = (NEG, usize::MAX);
                for c in (0..n).rev() {
                    lone_from[c] = lone_from[c + 1];
                    if lonely && lone[c] {
                        let s = ended(c);
                        if s.0 >= lone_from[c].0 {
                            lone_from[c] = s;
                        }
                    }
                }
                let mut before = (NEG, usize::MAX);
                for c2 in 0..n {
                    let replaced = (add(lone_from[c2].0, LONE), lone_from[c2].1);
                    new_rows[c2] = [free, before, replaced]
                        .into_iter()
                        .max_by_key(|&(s, _)| s)
                        .unwrap_or((NEG, usize::MAX));
                    if lonely && lone[c2] {
                        let s = ended(c2);
                        if s.0 > before.0 {
                            before = s;
                        }
                    }
                }
            }
            // Same row: a running best over earlier columns, with the columns between left out.
            let mut running = (NEG, usize::MAX);
            let here = i * states;
            for c in 0..n {
                let f = fit_at(i, c);
                if item.brk != Break::Must && running.0 > NEG {
                    let s = add(running.0, middle[c] + f);
                    fwd_here[c * WAYS] = s;
                    back[here + c * WAYS] = running.1;
                }
                // A repeated cell in the column paired with the one before's.
                if item.repeats
                    && item.brk != Break::Must
                    && let Some(p) = paired[c]
                {
                    let (s, from) = best_of(p);
                    let s = add(s, middle[c] - middle[p + 1] + f + PAIR);
                    if s > fwd_here[c * WAYS] {
                        fwd_here[c * WAYS] = s;
                        back[here + c * WAYS] = from;
                    }
                }
                let new_row = new_rows[c];
                if new_row.0 > NEG {
                    let s = add(new_row.0, ROW + prefix[c] + f);
                    fwd_here[c * WAYS + 1] = s;
                    back[here + c * WAYS + 1] = new_row.1;
                }
                if item.joinable && item.brk != Break::Must && textual(c) {
                    let (s, from) = best_of(c);
                    if s > NEG {
                        fwd_here[c * WAYS + 2] = add(s, item.join());
                        back[here + c * WAYS + 2] = from;
                    }
                }
                // Columns up to c become available to the next column of the row.
                let (s, from) = best_of(c);
                let s = add(s, -middle[c + 1]);
                if s > running.0 {
                    running = (s, from);
                }
            }
        }
        // The end: the last row's suffix left out.
        let last = (k - 1) * states;
        let mut end = (NEG, usize::MAX);
        for state in 0..states {
            let c = state / WAYS;
            let s = add(fwd[last + state], suffix[n] - suffix[c + 1]);
            if s > end.0 {
                end = (s, state);
            }
        }
        if end.0 <= NEVER / 2 * SCALE {
            return None;
        }
        // Backwards: the best score of what follows each state.
        let mut bwd = vec![NEG; k * states];
        for state in 0..states {
            let c = state / WAYS;
            bwd[last + state] = suffix[n] - suffix[c + 1];
        }
        // Each step takes running maxima over the next cell's columns, as the forward pass does:
        // linear in the columns, not quadratic.
        let mut later = vec![NEG; n + 1];
        // Starting a row at the next cell at each column, the best of those up to each column,
        // and the best of those after it.
        let mut starts = vec![NEG; n];
        let mut upto = vec![NEG; n];
        let mut past = vec![NEG; n + 1];
        for i in (0..k - 1).rev() {
            let next = items[i + 1];
            let after = (i + 1) * states;
            // Starting a row at the next cell: the best of its columns, whatever this one's, but
            // for a row of labels alone that the next row replaces ([`LONE`]).
            let mut new_row = NEG;
            let lonely = any_lone && next.brk == Break::May && items[i].heads;
            if next.brk != Break::Never {
                for c2 in 0..n {
                    let f = fit_at(i + 1, c2);
                    starts[c2] = add(bwd[after + c2 * WAYS + 1], ROW + prefix[c2] + f);
                    new_row = new_row.max(starts[c2]);
                    upto[c2] = if c2 == 0 {
                        starts[0]
                    } else {
                        upto[c2 - 1].max(starts[c2])
                    };
                }
                past[n] = NEG;
                for c2 in (0..n).rev() {
                    past[c2] = past[c2 + 1].max(starts[c2]);
                }
            }
            // Going on on the row: the best of the next cell's columns after each column.
            later[n] = NEG;
            for c2 in (0..n).rev() {
                let here = if next.brk != Break::Must {
                    add(bwd[after + c2 * WAYS], middle[c2] + fit_at(i + 1, c2))
                } else {
                    NEG
                };
                later[c2] = later[c2 + 1].max(here);
            }
            for state in 0..states {
                let c = state / WAYS;
                let mut best = add(later[c + 1], -middle[c + 1]);
                let new_row = if lonely && lone[c] && next.brk != Break::Never {
                    past[c + 1].max(add(upto[c], LONE))
                } else {
                    new_row
                };
                best = best.max(add(new_row, suffix[n] - suffix[c + 1]));
                if next.repeats && next.brk != Break::Must {
                    for &c2 in &partners[c] {
                        let on = bwd[after + c2 * WAYS];
                        best = best.max(add(
                            on,
                            middle[c2] - middle[c + 1] + fit_at(i + 1, c2) + PAIR,
                        ));
                    }
                }
                if next.joinable && next.brk != Break::Must && textual(c) {
                    best = best.max(add(bwd[after + c * WAYS + 2], next.join()));
                }
                bwd[i * states + state] = best;
            }
        }
        // The chosen states, back from the end.
        let mut chosen = vec![0usize; k];
        let mut state = end.1;
        for i in (0..k).rev() {
            chosen[i] = state;
            if i > 0 {
                state = back[i * states + state];
                if state == usize::MAX {
                    return None;
                }
            }
        }
        let mut places = Vec::with_capacity(k);
        let mut row = 0usize;
        for (i, &state) in chosen.iter().enumerate() {
            let (column, way) = (state / WAYS, state % WAYS);
            if i > 0 && way == 1 {
                row += 1;
            }
            if way == 2 {
                places.push(None);
                continue;
            }
            let total = add(fwd[i * states + state], bwd[i * states + state]);
            // Another placement as good is ambiguous, but for a column of small words, where
            // the cell says what it is whichever of them it stands in.
            let ambiguous = (0..states).any(|other| {
                let same_reading = roles[other / WAYS] == Role::Qualifier
                    && roles[column] == Role::Qualifier
                    && other % WAYS == way;
                other != state
                    && other % WAYS != 2
                    && !same_reading
                    && add(fwd[i * states + other], bwd[i * states + other]) >= total
            });
            places.push(Some(Place {
                row,
                column,
                ambiguous,
            }));
        }
        Some(places)
    }

    #[test]
    fn the_tightened_programme_places_cells_as_the_reference_does() {
        use Shape as S;
        const SHAPES: [Shape; 21] = [
            S::Empty,
            S::Tier,
            S::Category,
            S::Level,
            S::Body,
            S::Label,
            S::Op,
            S::Nature,
            S::Direction,
            S::Number,
            S::Amount,
            S::Percent,
            S::Measure,
            S::Value,
            S::Words,
            S::Star,
            S::Text,
            S::Prose,
            S::Rule,
            S::Placeholder,
            S::Number,
        ];
        let grids: [&[Role]; 6] = [
            &GRID,
            &[
                Role::Tier,
                Role::Category,
                Role::Name,
                Role::Qualifier,
                Role::Annual,
                Role::Measure,
                Role::Weight,
            ],
            &[
                Role::Tier,
                Role::Category,
                Role::Name,
                Role::Text,
                Role::Weight,
            ],
            &[
                Role::Tier,
                Role::LevelWeight,
                Role::Category,
                Role::Name,
                Role::Annual,
                Role::Actual,
                Role::Weight,
                Role::Score,
                Role::Text,
            ],
            &[
                Role::Name,
                Role::Qualifier,
                Role::Qualifier,
                Role::Score,
                Role::Score,
            ],
            &[
                Role::Section,
                Role::Category,
                Role::Tier,
                Role::Name,
                Role::Period,
                Role::Annual,
                Role::Blank,
            ],
        ];
        // A small linear congruential generator: the same cases every run.
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        let mut next = |below: usize| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % below
        };
        for case in 0..3000 {
            let roles = grids[case % grids.len()];
            let k = 1 + next(14);
            let items: Vec<Item> = (0..k)
                .map(|i| Item {
                    shape: SHAPES[next(SHAPES.len())],
                    brk: match (i, next(3)) {
                        (0, _) | (_, 0) => Break::Must,
                        (_, 1) => Break::May,
                        _ => Break::Never,
                    },
                    joinable: next(3) == 0,
                    near: (next(4) == 0).then(|| next(roles.len())),
                    repeats: next(4) == 0,
                    heads: next(3) == 0,
                    after_label: next(2) == 0,
                    continues: next(4) == 0,
                })
                .collect();
            let fit = |shape: Shape, c: usize| super::super::shape::fit(shape, roles[c]);
            assert_eq!(
                align(&items, roles, fit),
                align_reference(&items, roles, fit),
                "case {case}: {items:?} in {roles:?}"
            );
        }
    }

    #[test]
    fn a_cell_that_fits_nowhere_fails_the_run() {
        let roles = [Role::Weight];
        assert_eq!(
            align(
                &items(&["维修面积"], |_| Break::Never),
                &roles,
                by_role(&roles)
            ),
            None
        );
    }
}
