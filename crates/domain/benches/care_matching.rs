//! Driver and interpreter matching over 5,000 volunteers (synthetic, deterministic).

use chrono::{Duration, NaiveDate};
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use sendero_domain::care::matching::{propose, Need, PROPOSALS};
use sendero_domain::care::{Availability, Candidate, CheckStatus, Clearance, GeoPoint, RequestKind};

const LANGUAGES: [&str; 6] = ["english", "spanish", "haitian creole", "french", "arabic", "dari"];

/// A small LCG so the population is the same on every run without a dependency.
struct Lcg(u64);
impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

fn population(n: usize, today: NaiveDate) -> Vec<Candidate> {
    let mut r = Lcg(2026);
    (0..n)
        .map(|i| {
            let status = match r.next() % 10 {
                0 => CheckStatus::NotCleared,
                1 => CheckStatus::InProgress,
                _ => CheckStatus::Cleared,
            };
            let expires = today + Duration::days((r.next() % 800) as i64 - 60);
            Candidate {
                volunteer_id: i as i64 + 1,
                clearance: Clearance { status, expires_on: Some(expires) },
                can_drive: !r.next().is_multiple_of(3),
                licence_expires: Some(today + Duration::days(400)),
                insurance_expires: Some(today + Duration::days((r.next() % 400) as i64 - 30)),
                languages: vec!["english".into(), LANGUAGES[(r.next() % 6) as usize].into()],
                // Spread over ~300 miles around eastern Iowa.
                home: GeoPoint::from_degrees(40.5 + (r.next() % 4000) as f64 / 1000.0, -93.5 + (r.next() % 5000) as f64 / 1000.0),
                availability: Availability { weekly: (r.next() as u32) & 0x1F_FFFF, away: vec![] },
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let today: NaiveDate = "2026-11-24".parse().unwrap();
    let candidates = population(5_000, today);
    let ride = Need {
        kind: RequestKind::Ride,
        at: "2026-12-01T08:00:00".parse().unwrap(),
        place: GeoPoint::from_degrees(42.5315, -90.684),
        language: Some("haitian creole".into()),
    };
    let interpretation = Need { kind: RequestKind::Interpretation, ..ride.clone() };
    c.bench_function("propose drivers among 5000 volunteers", |b| b.iter(|| propose(black_box(&candidates), black_box(&ride), today, PROPOSALS)));
    c.bench_function("propose interpreters among 5000 volunteers", |b| {
        b.iter(|| propose(black_box(&candidates), black_box(&interpretation), today, PROPOSALS))
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
