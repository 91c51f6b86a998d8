//! In-memory batch deduplication: block, compare each candidate pair once,
//! keep pairs scoring at or above a threshold.
//!
//! Memory stays linear in the number of records: candidate pairs are never
//! materialised. A pair sharing several keys is scored only in the block of
//! the smallest key the two records share (among usable blocks).

use crate::blocking::blocking_keys;
use crate::compare::score_prepared;
use crate::fields::ComparisonVector;
use crate::frequencies::NameFrequencies;
use crate::levels::compare_prepared;
use crate::prepared::PreparedRecord;
use crate::record::PersonRecord;
use crate::weights::Weights;
use serde::{Deserialize, Serialize};
use std::hash::{DefaultHasher, Hash, Hasher};

/// Blocks larger than this are skipped: a key shared by thousands of
/// records (a very common name plus a default date like 1 January) would
/// cost millions of comparisons and find little that other keys miss.
pub const MAX_BLOCK_SIZE: usize = 1000;

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct CandidatePair {
    /// The smaller of the two record ids.
    pub left_id: i64,
    pub right_id: i64,
    pub score: f64,
    pub probability: f64,
}

/// Finds likely duplicates among `records`: every pair sharing a blocking
/// key (in a block of at most [`MAX_BLOCK_SIZE`]) whose score (log2
/// likelihood ratio) is `>= threshold`, sorted by score, highest first.
/// Name weights are adjusted by name frequencies counted over `records`
/// (from 1,000 records up; see [`NameFrequencies`]).
pub fn scan(records: &[PersonRecord], w: &Weights, threshold: f64) -> Vec<CandidatePair> {
    scan_with_block_cap(records, w, threshold, MAX_BLOCK_SIZE)
}

/// [`scan`] with an explicit block-size cap.
pub fn scan_with_block_cap(records: &[PersonRecord], w: &Weights, threshold: f64, max_block: usize) -> Vec<CandidatePair> {
    let frequencies = NameFrequencies::from_records(records);
    let mut pairs = for_each_candidate(records, max_block, |a, b| {
        let score = score_prepared(a, b, w, Some(&frequencies));
        (score >= threshold).then(|| CandidatePair { left_id: a.id.min(b.id), right_id: a.id.max(b.id), score, probability: w.probability(score) })
    });
    pairs.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.left_id.cmp(&b.left_id)).then(a.right_id.cmp(&b.right_id)));
    pairs
}

/// Comparison vectors of every candidate pair (each pair once), the input
/// [`crate::estimate_weights`] needs. Seven bytes per pair.
pub fn candidate_vectors(records: &[PersonRecord], max_block: usize) -> Vec<ComparisonVector> {
    for_each_candidate(records, max_block, |a, b| Some(compare_prepared(a, b).0))
}

/// Runs `visit` on every candidate pair exactly once, in parallel, and
/// collects what it returns.
fn for_each_candidate<T: Send>(records: &[PersonRecord], max_block: usize, visit: impl Fn(&PreparedRecord, &PreparedRecord) -> Option<T> + Sync) -> Vec<T> {
    let threads = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(1).clamp(1, 8);
    let prepared: Vec<PreparedRecord> = parallel_map(records, threads, PreparedRecord::new);
    let key_lists = parallel_map(records, threads, hashed_keys);

    // (key, record index), sorted so each block is a contiguous run.
    let mut entries: Vec<(u64, u32)> = Vec::new();
    for (i, keys) in key_lists.into_iter().enumerate() {
        entries.extend(keys.into_iter().map(|k| (k, i as u32)));
    }
    entries.sort_unstable();
    let blocks: Vec<&[(u64, u32)]> = entries.chunk_by(|a, b| a.0 == b.0).filter(|b| b.len() >= 2 && b.len() <= max_block.max(2)).collect();

    // Each record's usable keys, sorted, for the "smallest shared key" rule.
    let mut usable: Vec<Vec<u64>> = vec![Vec::new(); records.len()];
    for block in &blocks {
        for &(k, i) in block.iter() {
            usable[i as usize].push(k);
        }
    }

    let work = split_by_pairs(&blocks, threads);
    std::thread::scope(|s| {
        let handles: Vec<_> = work
            .iter()
            .map(|chunk| {
                let (prepared, usable, visit) = (&prepared, &usable, &visit);
                s.spawn(move || visit_blocks(chunk, prepared, usable, visit))
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}

fn hashed_keys(r: &PersonRecord) -> Vec<u64> {
    let mut keys: Vec<u64> = blocking_keys(r)
        .iter()
        .map(|k| {
            // SipHash with fixed keys: deterministic across runs.
            let mut h = DefaultHasher::new();
            k.hash(&mut h);
            h.finish()
        })
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

fn visit_blocks<T>(
    blocks: &[&[(u64, u32)]],
    prepared: &[PreparedRecord],
    usable: &[Vec<u64>],
    visit: &impl Fn(&PreparedRecord, &PreparedRecord) -> Option<T>,
) -> Vec<T> {
    let mut out = Vec::new();
    for block in blocks {
        let key = block[0].0;
        for (x, &(_, i)) in block.iter().enumerate() {
            for &(_, j) in &block[x + 1..] {
                let (i, j) = (i as usize, j as usize);
                if smallest_shared(&usable[i], &usable[j]) != Some(key) {
                    continue; // visited in another block
                }
                out.extend(visit(&prepared[i], &prepared[j]));
            }
        }
    }
    out
}

/// Smallest element in both sorted lists.
fn smallest_shared(a: &[u64], b: &[u64]) -> Option<u64> {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return Some(a[i]),
        }
    }
    None
}

/// Splits blocks into `n` chunks of roughly equal pair counts.
fn split_by_pairs<'a>(blocks: &[&'a [(u64, u32)]], n: usize) -> Vec<Vec<&'a [(u64, u32)]>> {
    let cost = |b: &[(u64, u32)]| (b.len() * (b.len() - 1) / 2) as u64;
    let total: u64 = blocks.iter().map(|b| cost(b)).sum();
    let per = total / n as u64 + 1;
    let mut chunks = vec![Vec::new()];
    let mut acc = 0u64;
    for b in blocks {
        if acc >= per && chunks.len() < n {
            chunks.push(Vec::new());
            acc = 0;
        }
        acc += cost(b);
        if let Some(last) = chunks.last_mut() {
            last.push(*b);
        }
    }
    chunks
}

/// Maps `f` over `items` on `threads` scoped threads, preserving order.
fn parallel_map<T: Sync, R: Send>(items: &[T], threads: usize, f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let chunk = items.len().div_ceil(threads).max(1);
    std::thread::scope(|s| {
        let handles: Vec<_> = items
            .chunks(chunk)
            .map(|c| {
                let f = &f;
                s.spawn(move || c.iter().map(f).collect::<Vec<R>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    })
}
