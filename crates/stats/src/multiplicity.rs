/// Holm–Bonferroni step-down adjusted p-values, in input order
/// (statsmodels `multipletests(p, method="holm")[1]`).
///
/// NaN inputs stay NaN and do not count towards the number of tests, so a
/// row whose test was not estimable does not inflate the others.
pub fn holm(p_values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..p_values.len()).filter(|&i| !p_values[i].is_nan()).collect();
    order.sort_by(|&a, &b| p_values[a].total_cmp(&p_values[b]));
    let m = order.len();
    let mut adjusted = vec![f64::NAN; p_values.len()];
    let mut running_max = 0.0_f64;
    for (rank, &idx) in order.iter().enumerate() {
        let scaled = p_values[idx] * (m - rank) as f64;
        // Step-down: an adjusted p may never be smaller than one before it.
        running_max = running_max.max(scaled);
        adjusted[idx] = running_max.min(1.0);
    }
    adjusted
}
