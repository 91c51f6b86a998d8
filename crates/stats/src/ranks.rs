/// Average ("mid") ranks, 1-based, plus the size of every tie group.
/// Input must be finite; equal values are compared exactly, as SciPy does.
pub(crate) fn average_ranks(values: &[f64]) -> (Vec<f64>, Vec<usize>) {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut ranks = vec![0.0; values.len()];
    let mut tie_sizes = Vec::new();
    let mut start = 0;
    while start < order.len() {
        let mut end = start + 1;
        while end < order.len() && values[order[end]] == values[order[start]] {
            end += 1;
        }
        // Positions start..end share ranks start+1 ..= end.
        let avg = (start + 1 + end) as f64 / 2.0;
        for &idx in &order[start..end] {
            ranks[idx] = avg;
        }
        tie_sizes.push(end - start);
        start = end;
    }
    (ranks, tie_sizes)
}
