//! Small-cell suppression for published tables. A count between 1 and `threshold - 1` could
//! identify a person, so it is hidden (primary suppression). Since row and column totals are
//! published too, a lone hidden cell in any row or column could be recovered by subtraction, so
//! more cells are hidden until every row and column (totals included) hides none or at least two
//! (complementary suppression). Totals are treated as cells of their own lines: a hidden total
//! needs a partner in the totals row or column as well.

/// Default threshold from the issue: counts below 11 are suppressed.
pub const DEFAULT_THRESHOLD: u64 = 11;

/// A table with its margins, as published.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suppressed {
    /// `cells[r][c]`: `None` when hidden.
    pub cells: Vec<Vec<Option<u64>>>,
    pub row_totals: Vec<Option<u64>>,
    pub column_totals: Vec<Option<u64>>,
    pub total: Option<u64>,
}

impl Suppressed {
    pub fn hidden_count(&self) -> usize {
        self.cells.iter().flatten().filter(|c| c.is_none()).count()
            + self.row_totals.iter().filter(|c| c.is_none()).count()
            + self.column_totals.iter().filter(|c| c.is_none()).count()
            + usize::from(self.total.is_none())
    }
}

/// The extended grid: `rows + 1` by `columns + 1`, the last row and column holding totals.
struct Grid {
    values: Vec<Vec<u64>>,
    hidden: Vec<Vec<bool>>,
}

impl Grid {
    fn lines(&self) -> Vec<Vec<(usize, usize)>> {
        let (rows, cols) = (self.values.len(), self.values[0].len());
        let mut lines: Vec<Vec<(usize, usize)>> = (0..rows).map(|r| (0..cols).map(|c| (r, c)).collect()).collect();
        lines.extend((0..cols).map(|c| (0..rows).map(|r| (r, c)).collect()));
        lines
    }

    /// Hide the smallest visible entry of `line`, preferring non-zero counts (hiding a zero
    /// protects little: an attacker may guess it) and interior cells over totals.
    fn hide_partner(&mut self, line: &[(usize, usize)]) -> bool {
        let (rows, cols) = (self.values.len(), self.values[0].len());
        let candidate = line
            .iter()
            .filter(|(r, c)| !self.hidden[*r][*c])
            .min_by_key(|(r, c)| (self.values[*r][*c] == 0, *r == rows - 1 || *c == cols - 1, self.values[*r][*c]));
        match candidate {
            Some(&(r, c)) => {
                self.hidden[r][c] = true;
                true
            }
            None => false,
        }
    }
}

/// Suppress `cells` (rows of counts) for publication with margins.
pub fn suppress(cells: &[Vec<u64>], threshold: u64) -> Suppressed {
    let rows = cells.len();
    let cols = cells.first().map_or(0, Vec::len);
    assert!(cells.iter().all(|r| r.len() == cols), "a table has rows of equal length");
    let mut values: Vec<Vec<u64>> = cells.iter().map(|r| r.iter().copied().chain([r.iter().sum()]).collect()).collect();
    let column_totals: Vec<u64> = (0..=cols).map(|c| values.iter().map(|r| r[c]).sum()).collect();
    values.push(column_totals);
    let small = |v: u64| v > 0 && v < threshold;
    let hidden = values.iter().map(|r| r.iter().map(|v| small(*v)).collect()).collect();
    let mut grid = Grid { values, hidden };
    // Each pass hides at least one entry or stops, so this ends within (rows+1)*(cols+1) passes.
    loop {
        let mut changed = false;
        for line in grid.lines() {
            if line.iter().filter(|(r, c)| grid.hidden[*r][*c]).count() == 1 {
                changed |= grid.hide_partner(&line);
            }
        }
        if !changed {
            break;
        }
    }
    let show = |r: usize, c: usize| (!grid.hidden[r][c]).then_some(grid.values[r][c]);
    Suppressed {
        cells: (0..rows).map(|r| (0..cols).map(|c| show(r, c)).collect()).collect(),
        row_totals: (0..rows).map(|r| show(r, cols)).collect(),
        column_totals: (0..cols).map(|c| show(rows, c)).collect(),
        total: show(rows, cols),
    }
}

/// Suppress a single list of counts published with its total (e.g. services by category).
pub fn suppress_list(counts: &[u64], threshold: u64) -> (Vec<Option<u64>>, Option<u64>) {
    let table = suppress(&[counts.to_vec()], threshold);
    (table.cells.into_iter().next().unwrap_or_default(), table.total)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What an attacker can do with published margins: repeatedly solve any line with exactly
    /// one unknown. Returns every hidden entry recovered this way.
    fn derive(original: &[Vec<u64>], published: &Suppressed) -> Vec<(usize, usize)> {
        let rows = original.len();
        let cols = original[0].len();
        let mut known: Vec<Vec<Option<u64>>> =
            published.cells.iter().zip(&published.row_totals).map(|(r, t)| r.iter().copied().chain([*t]).collect()).collect();
        known.push(published.column_totals.iter().copied().chain([published.total]).collect());
        let mut recovered = vec![];
        loop {
            let mut progress = false;
            let mut lines: Vec<Vec<(usize, usize)>> = (0..=rows).map(|r| (0..=cols).map(|c| (r, c)).collect()).collect();
            lines.extend((0..=cols).map(|c| (0..=rows).map(|r| (r, c)).collect()));
            for line in lines {
                let unknown: Vec<_> = line.iter().filter(|(r, c)| known[*r][*c].is_none()).collect();
                if unknown.len() == 1 {
                    let (ur, uc) = *unknown[0];
                    // Lines list their total last.
                    let (total_pos, parts) = line.split_last().expect("lines have two or more entries");
                    let value = if (ur, uc) == *total_pos {
                        parts.iter().map(|(r, c)| known[*r][*c].unwrap()).sum::<u64>()
                    } else {
                        let others: u64 = parts.iter().filter(|p| **p != (ur, uc)).map(|(r, c)| known[*r][*c].unwrap()).sum();
                        known[total_pos.0][total_pos.1].unwrap() - others
                    };
                    known[ur][uc] = Some(value);
                    recovered.push((ur, uc));
                    progress = true;
                }
            }
            if !progress {
                return recovered;
            }
        }
    }

    /// Tiny deterministic generator so the adversarial tables are the same on every run.
    fn tables(seed: u64, count: usize) -> Vec<Vec<Vec<u64>>> {
        let mut state = seed;
        let mut next = move || {
            state = state.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            state >> 33
        };
        (0..count)
            .map(|_| {
                let (rows, cols) = (1 + next() as usize % 4, 1 + next() as usize % 5);
                // Mostly small counts, the kind that need hiding, with some zeros and large ones.
                (0..rows).map(|_| (0..cols).map(|_| [0, 1, 2, 3, 5, 8, 10, 11, 12, 40, 250][next() as usize % 11]).collect()).collect()
            })
            .collect()
    }

    #[test]
    fn small_cells_are_hidden_and_large_ones_shown() {
        let t = suppress(&[vec![120, 3], vec![80, 45]], 11);
        assert_eq!(t.cells[0][1], None, "3 is small");
        assert_eq!((t.cells[0][0], t.cells[1][1]), (None, None), "its row and column partners are hidden too");
        assert_eq!(t.cells[1][0], None, "which in turn needs a partner in the second row");
        assert_eq!((t.row_totals.clone(), t.total), (vec![Some(123), Some(125)], Some(248)), "the totals can stay");
        assert!(derive(&[vec![120, 3], vec![80, 45]], &t).is_empty());
        let clean = suppress(&[vec![20, 30], vec![40, 0]], 11);
        assert_eq!(clean.hidden_count(), 0, "zeros and large counts are published");
    }

    #[test]
    fn no_hidden_cell_can_be_derived_from_published_totals() {
        for table in tables(20261124, 2_000) {
            let published = suppress(&table, 11);
            for (r, row) in table.iter().enumerate() {
                for (c, v) in row.iter().enumerate() {
                    if (1..11).contains(v) {
                        assert_eq!(published.cells[r][c], None, "{table:?}: small cell shown");
                    }
                }
            }
            let recovered = derive(&table, &published);
            assert!(recovered.is_empty(), "{table:?} → {published:?}: attacker recovered {recovered:?}");
        }
    }

    #[test]
    fn a_single_list_with_its_total() {
        let (cells, total) = suppress_list(&[500, 7, 300, 0], 11);
        assert_eq!(cells, vec![Some(500), None, None, Some(0)], "7 and the smallest partner are hidden");
        assert_eq!(total, Some(807));
        let (cells, total) = suppress_list(&[4], 11);
        assert_eq!((cells, total), (vec![None], None), "a lone small count hides its total");
    }
}
