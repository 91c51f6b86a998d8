//! OutcomeTable on 1,000 families x 18 items (+ total and 3 domains = 22 rows).

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sendero_stats::{outcome_table, OutcomeInput, OutcomeTableOptions, RowKind};

/// Deterministic Likert-like 1-4 scores without a RNG dependency.
fn synthetic(families: usize, items: usize) -> Vec<OutcomeInput> {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut pre = vec![vec![0.0; families]; items];
    let mut post = vec![vec![0.0; families]; items];
    for i in 0..items {
        for f in 0..families {
            let p = (next() % 4 + 1) as f64;
            let step = [-1.0, 0.0, 0.0, 1.0, 1.0][(next() % 5) as usize];
            pre[i][f] = p;
            post[i][f] = f64::clamp(p + step, 1.0, 4.0);
        }
    }
    let sum = |m: &[Vec<f64>], range: std::ops::Range<usize>| -> Vec<f64> { (0..families).map(|f| range.clone().map(|i| m[i][f]).sum()).collect() };
    let mut inputs = vec![OutcomeInput { label: "Total".into(), kind: RowKind::Total, pre: sum(&pre, 0..items), post: sum(&post, 0..items) }];
    for d in 0..3 {
        let range = d * items / 3..(d + 1) * items / 3;
        inputs.push(OutcomeInput { label: format!("Domain {}", d + 1), kind: RowKind::Domain, pre: sum(&pre, range.clone()), post: sum(&post, range) });
    }
    for i in 0..items {
        inputs.push(OutcomeInput { label: format!("Item {}", i + 1), kind: RowKind::Item, pre: pre[i].clone(), post: post[i].clone() });
    }
    inputs
}

fn bench_outcome_table(c: &mut Criterion) {
    let inputs = synthetic(1_000, 18);
    c.bench_function("outcome_table_1000_families_18_items", |b| b.iter(|| outcome_table(black_box(&inputs), OutcomeTableOptions::default())));
}

criterion_group!(benches, bench_outcome_table);
criterion_main!(benches);
