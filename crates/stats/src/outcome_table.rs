//! One row per outcome variable (total score, domains, items): the table a
//! funder report shows, with multiplicity-adjusted p-values.

use crate::multiplicity::holm;
use crate::paired::{cohens_dz, paired_t};
use crate::wilcoxon::{rank_biserial, wilcoxon_signed_rank_with, WilcoxonOptions};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub enum RowKind {
    Total,
    Domain,
    Item,
}

/// One named variable with paired scores; index i is the same family in
/// both vectors. NaN marks a missing score: such pairs are left out of
/// that row and counted in `n_excluded`, so attrition stays visible.
#[derive(Debug, Clone)]
pub struct OutcomeInput {
    pub label: String,
    pub kind: RowKind,
    pub pre: Vec<f64>,
    pub post: Vec<f64>,
}

/// Which rows share one Holm family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub enum HolmFamily {
    /// All rows of the table form one family.
    #[default]
    AllRows,
    /// Total, domain and item rows are adjusted separately.
    PerKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
pub struct OutcomeTableOptions {
    pub wilcoxon: WilcoxonOptions,
    pub holm_family: HolmFamily,
}

/// Statistics that could not be estimated are `None`; `notes` says why.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OutcomeRow {
    pub label: String,
    pub kind: RowKind,
    /// Complete pairs used.
    pub n: usize,
    /// Pairs dropped because a score was missing (or lengths differed).
    pub n_excluded: usize,
    pub mean_pre: Option<f64>,
    pub mean_post: Option<f64>,
    pub mean_change: Option<f64>,
    pub change_ci95_low: Option<f64>,
    pub change_ci95_high: Option<f64>,
    pub t_p: Option<f64>,
    pub t_p_holm: Option<f64>,
    pub wilcoxon_p: Option<f64>,
    pub wilcoxon_p_holm: Option<f64>,
    pub d_z: Option<f64>,
    pub rank_biserial: Option<f64>,
    pub notes: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OutcomeTable {
    pub rows: Vec<OutcomeRow>,
    pub options: OutcomeTableOptions,
}

pub fn outcome_table(inputs: &[OutcomeInput], options: OutcomeTableOptions) -> OutcomeTable {
    let mut rows: Vec<OutcomeRow> = inputs.iter().map(|v| row(v, &options)).collect();
    adjust(&mut rows, options.holm_family);
    OutcomeTable { rows, options }
}

fn complete_pairs(input: &OutcomeInput) -> (Vec<f64>, Vec<f64>) {
    input.pre.iter().zip(&input.post).filter(|(a, b)| a.is_finite() && b.is_finite()).map(|(&a, &b)| (a, b)).unzip()
}

fn mean_of(xs: &[f64]) -> Option<f64> {
    (!xs.is_empty()).then(|| xs.iter().sum::<f64>() / xs.len() as f64)
}

fn row(input: &OutcomeInput, options: &OutcomeTableOptions) -> OutcomeRow {
    let (pre, post) = complete_pairs(input);
    let mut notes = Vec::new();
    if input.pre.len() != input.post.len() {
        notes.push(format!(
            "pre has {} values and post {}; only the first {} families were paired",
            input.pre.len(),
            input.post.len(),
            input.pre.len().min(input.post.len())
        ));
    }
    let mut note = |what: &str, e: crate::StatsError| notes.push(format!("{what}: {e}"));
    let t = paired_t(&pre, &post).map_err(|e| note("paired t", e)).ok();
    let w = wilcoxon_signed_rank_with(&pre, &post, options.wilcoxon).map_err(|e| note("Wilcoxon", e)).ok();
    let d_z = cohens_dz(&pre, &post).ok();
    let r = rank_biserial(&pre, &post).ok();
    let (mean_pre, mean_post) = (mean_of(&pre), mean_of(&post));
    OutcomeRow {
        label: input.label.clone(),
        kind: input.kind,
        n: pre.len(),
        n_excluded: input.pre.len().max(input.post.len()) - pre.len(),
        mean_pre,
        mean_post,
        mean_change: mean_pre.zip(mean_post).map(|(a, b)| b - a),
        change_ci95_low: t.as_ref().map(|t| t.ci95_low),
        change_ci95_high: t.as_ref().map(|t| t.ci95_high),
        t_p: t.as_ref().map(|t| t.p_two_sided),
        t_p_holm: None,
        wilcoxon_p: w.as_ref().map(|w| w.p_two_sided),
        wilcoxon_p_holm: None,
        d_z,
        rank_biserial: r,
        notes,
    }
}

fn adjust(rows: &mut [OutcomeRow], family: HolmFamily) {
    let groups: Vec<Vec<usize>> = match family {
        HolmFamily::AllRows => vec![(0..rows.len()).collect()],
        HolmFamily::PerKind => {
            [RowKind::Total, RowKind::Domain, RowKind::Item].iter().map(|k| (0..rows.len()).filter(|&i| rows[i].kind == *k).collect()).collect()
        }
    };
    for group in groups {
        let t_raw: Vec<f64> = group.iter().map(|&i| rows[i].t_p.unwrap_or(f64::NAN)).collect();
        let w_raw: Vec<f64> = group.iter().map(|&i| rows[i].wilcoxon_p.unwrap_or(f64::NAN)).collect();
        let (t_adj, w_adj) = (holm(&t_raw), holm(&w_raw));
        for (pos, &i) in group.iter().enumerate() {
            rows[i].t_p_holm = Some(t_adj[pos]).filter(|p| !p.is_nan());
            rows[i].wilcoxon_p_holm = Some(w_adj[pos]).filter(|p| !p.is_nan());
        }
    }
}
