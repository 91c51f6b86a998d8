//! Paired statistics on a large sample, for the Rust-vs-SciPy comparison in bench/outcomes.
//!
//! Usage: cargo run --release -p sendero-stats --example million -- FILE [REPEATS]
//!
//! FILE holds n pre values then n post values as little-endian f64, preceded by n as a
//! little-endian u64 (written by bench/outcomes/compare.py). Prints one JSON object.

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).ok_or("usage: million FILE [REPEATS]")?;
    let repeats: usize = args.get(2).map_or(Ok(5), |s| s.parse())?;
    let t = Instant::now();
    let bytes = std::fs::read(path)?;
    let n = u64::from_le_bytes(bytes[..8].try_into()?) as usize;
    let values: Vec<f64> = bytes[8..].chunks_exact(8).map(|c| f64::from_le_bytes(c.try_into().unwrap())).collect();
    if values.len() != 2 * n {
        return Err(format!("expected {} values, found {}", 2 * n, values.len()).into());
    }
    let (pre, post) = values.split_at(n);
    let read_s = t.elapsed().as_secs_f64();

    // Best of REPEATS (the same protocol as the Python side).
    let mut t_best = f64::INFINITY;
    let mut tt = None;
    for _ in 0..repeats {
        let t = Instant::now();
        let r = sendero_stats::paired_t(pre, post)?;
        t_best = t_best.min(t.elapsed().as_secs_f64());
        tt = Some(r);
    }
    let mut w_best = f64::INFINITY;
    let mut w = None;
    for _ in 0..repeats {
        let t = Instant::now();
        let r = sendero_stats::wilcoxon_signed_rank(pre, post)?;
        w_best = w_best.min(t.elapsed().as_secs_f64());
        w = Some(r);
    }
    let (tt, w) = (tt.unwrap(), w.unwrap());
    println!(
        "{}",
        serde_json::json!({
            "n": n,
            "read_seconds": read_s,
            "paired_t_seconds": t_best,
            "wilcoxon_seconds": w_best,
            "t": tt.t, "t_p": tt.p_two_sided, "mean_diff": tt.mean_diff,
            "w_statistic": w.statistic, "w_plus": w.w_plus, "w_z": w.z, "w_p": w.p_two_sided,
            "w_n_zero": w.n_zero, "w_method": format!("{:?}", w.method),
        })
    );
    Ok(())
}
