//! Duplicate detection at scale: seed N synthetic people through the real write path
//! (`Store::import_clients`, which maintains `person_keys`), then time registration checks
//! (`Store::match_candidates`) and the batch scan (`Store::dedup_scan`).
//!
//! Usage (see bench/dedup/README.md):
//!   cargo run --release -p sendero-store --example dedup_bench -- \
//!       --url sqlite:///tmp/dedup.db --n 1000000 [--checks 2000] [--batch 10000] [--no-scan]
//!       [--org ID]   (reuse an already seeded organization: skip seeding)
//!
//! Prints one `RESULT key=value` line per figure so bench/dedup/run.sh can collect them.

use std::time::{Duration, Instant};

use sendero_domain::{ClientDraft, ClientInput, ContactKind};
use sendero_store::crypto::FieldCipher;
use sendero_store::dedup::{person_record, REGISTRATION_MIN_SCORE, SCAN_MIN_SCORE};
use sendero_store::import::ImportRow;
use sendero_store::{Actor, Store};
use sqlx::Row;

/// SplitMix64: deterministic and dependency-free.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64 / (1u64 << 53) as f64) < p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

// Spelling-variant groups (first = canonical), in the spirit of crates/matching/examples/synth.rs.
type V = &'static [&'static str];
const ES_GIVEN: &[V] = &[
    &["José", "Jose"],
    &["María", "Maria"],
    &["Juan Carlos", "Juan"],
    &["Luis", "Luiz"],
    &["Guadalupe", "Lupe"],
    &["Jesús", "Jesus"],
    &["Francisco", "Fransisco"],
    &["Rosa"],
    &["Jorge"],
    &["Wilson", "Uilson"],
    &["Yesenia", "Llesenia", "Jesenia"],
    &["Guillermo", "Guiyermo"],
    &["Javier", "Xavier", "Jabier"],
    &["Ximena", "Jimena"],
    &["Valeria", "Baleria"],
    &["Héctor", "Hector", "Ector"],
    &["Óscar", "Oscar"],
    &["Sofía", "Sofia"],
    &["Alejandro"],
    &["Daniela"],
    &["Marvin"],
    &["Kevin", "Kebin"],
    &["Brayan", "Brian", "Bryan"],
    &["Yolanda", "Llolanda"],
    &["Reina", "Reyna"],
    &["Dolores"],
    &["Ana Lucía", "Ana Lucia", "Ana"],
    &["Carmen"],
    &["Elvira", "Elbira"],
    &["Hilda", "Ilda"],
    &["Yoselin", "Joselin", "Yoseline"],
    &["Kimberly", "Kimberli"],
    &["Erick", "Eric"],
    &["Wendy"],
    &["Nelson"],
    &["Sandra"],
];
const ES_FAMILY: &[V] = &[
    &["Hernández", "Hernandez", "Ernandez"],
    &["López", "Lopez"],
    &["García", "Garcia"],
    &["Martínez", "Martinez"],
    &["Rodríguez", "Rodriguez"],
    &["González", "Gonzalez"],
    &["Pérez", "Perez"],
    &["Sánchez", "Sanchez"],
    &["Ramírez", "Ramirez"],
    &["Flores"],
    &["de la Cruz", "Cruz", "Delacruz"],
    &["Morales"],
    &["Ortiz"],
    &["Gutiérrez", "Gutierrez"],
    &["Chávez", "Chavez"],
    &["Ramos"],
    &["Vásquez", "Vasquez", "Vazquez"],
    &["Castillo", "Castiyo"],
    &["Jiménez", "Jimenez", "Gimenez"],
    &["Reyes"],
    &["Villalobos", "Villalobo"],
    &["Quintero", "Kintero"],
    &["Zapata", "Sapata"],
    &["Valverde", "Balverde"],
    &["Núñez", "Nunez"],
    &["Peña", "Pena"],
    &["Muñoz", "Munoz"],
    &["Herrera", "Errera"],
    &["Aguilar"],
    &["Mejía", "Mejia"],
    &["Orellana", "Oreyana"],
    &["Argueta"],
    &["Cifuentes"],
    &["Xicará", "Xicara", "Jicara"],
];
const DARI_GIVEN: &[V] = &[
    &["Mohammed", "Muhammad", "Mohammad", "Mohamed", "محمد"],
    &["Ahmad", "Ahmed", "احمد"],
    &["Abdul Rahman", "Abdulrahman"],
    &["Fatima", "Fatema", "فاطمه"],
    &["Zahra", "Zahraa"],
    &["Mahmood", "Mahmud", "Mahmoud"],
    &["Hamid", "Hameed"],
    &["Rahim", "Raheem"],
    &["Karim", "Kareem"],
    &["Nasrin", "Nasreen"],
    &["Farida", "Fareeda"],
    &["Hassan", "Hasan"],
    &["Hussain", "Hussein", "Husain"],
    &["Sayed", "Said", "Sayyid"],
    &["Ali", "Aly", "علی"],
    &["Omar", "Umar"],
    &["Khalid", "Khaled"],
    &["Nazanin", "Nazaneen"],
    &["Shabnam"],
    &["Zainab", "Zeinab"],
    &["Wahid", "Waheed"],
];
const DARI_FAMILY: &[V] = &[
    &["Ahmadi", "Ahmady", "احمدی"],
    &["Rahimi", "Raheemi"],
    &["Karimi", "Kareemi"],
    &["Hussaini", "Hosseini", "Husaini"],
    &["Noori", "Nuri", "Nouri"],
    &["Mohammadi", "Mohammady", "Muhammadi"],
    &["Sultani", "Soltani"],
    &["Haidari", "Heydari", "Haydari"],
    &["Rezaei", "Rezai", "Rezayee"],
    &["Amiri", "Ameeri"],
    &["Jafari", "Jafary", "Jaafari"],
    &["Nazari", "Nazary"],
    &["Sadat", "Saadat"],
    &["Popal"],
    &["Wardak", "Wardag"],
    &["Safi", "Saafi"],
    &["Stanekzai", "Stanikzai"],
    &["Azizi", "Azeezi"],
    &["Hakimi", "Hakeemi"],
];
const ES_COUNTRIES: &[&str] = &["Guatemala", "Honduras", "El Salvador", "Mexico", "Venezuela", "Colombia", "Nicaragua", "Ecuador"];
/// Syllables for a long tail of rarer surnames (real caseloads are not only the top 30 names).
const SYL: &[&str] = &[
    "ba", "ca", "da", "fe", "go", "la", "ma", "ne", "pi", "qui", "ra", "so", "ta", "va", "za", "rri", "lle", "ño", "ru", "te", "mo", "lu", "xi", "co", "be",
    "ri", "na", "sa", "tu", "gue",
];

#[derive(Clone)]
struct Person {
    given: String,
    family: String,
    dob: String,
    country: &'static str,
    phone: Option<String>,
}

fn tail_name(rng: &mut Rng) -> String {
    let mut s = String::new();
    for _ in 0..2 + rng.below(2) {
        s.push_str(rng.pick::<&str>(SYL));
    }
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

fn person(rng: &mut Rng) -> Person {
    let dari = rng.chance(0.3);
    let (gl, fl) = if dari { (DARI_GIVEN, DARI_FAMILY) } else { (ES_GIVEN, ES_FAMILY) };
    let mut given = rng.pick(gl)[0].to_owned();
    if !dari && rng.chance(0.5) {
        given = format!("{given} {}", rng.pick(gl)[0]);
    }
    let surname = |rng: &mut Rng| if rng.chance(0.5) { tail_name(rng) } else { rng.pick(fl)[0].to_owned() };
    let family = if dari { surname(rng) } else { format!("{} {}", surname(rng), surname(rng)) };
    let year = 1950 + rng.below(70);
    let dob = match rng.below(10) {
        0 => format!("{year}"),
        1 => format!("{year}-01-01"),
        _ => format!("{year}-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
    };
    let country: &'static str = if dari { "Afghanistan" } else { rng.pick::<&'static str>(ES_COUNTRIES) };
    let phone = rng.chance(0.6).then(|| format!("212{:07}", rng.below(10_000_000)));
    Person { given, family, dob, country, phone }
}

fn variant_of(rng: &mut Rng, name: &str) -> String {
    for group in ES_GIVEN.iter().chain(ES_FAMILY).chain(DARI_GIVEN).chain(DARI_FAMILY) {
        if group[0] == name && group.len() > 1 {
            return rng.pick(group).to_string();
        }
    }
    name.to_owned()
}

fn typo(rng: &mut Rng, s: &str) -> String {
    let mut c: Vec<char> = s.chars().collect();
    if c.len() < 4 {
        return s.to_owned();
    }
    let i = 1 + rng.below(c.len() - 2);
    match rng.below(3) {
        0 => {
            c.remove(i);
        }
        1 => c.swap(i, i + 1),
        _ => c[i] = *rng.pick(&['a', 'e', 'i', 'o', 'n', 'r', 's']),
    }
    c.into_iter().collect()
}

/// A realistic re-registration of `p`: spelling variants, typos, a dropped second surname,
/// a shifted or coarser date, a changed phone.
fn corrupt(rng: &mut Rng, p: &Person) -> Person {
    let mut q = p.clone();
    let words = |s: &str, rng: &mut Rng| s.split(' ').map(|w| variant_of(rng, w)).collect::<Vec<_>>().join(" ");
    q.given = words(&q.given, rng);
    q.family = words(&q.family, rng);
    if rng.chance(0.3) {
        q.family = typo(rng, &q.family);
    }
    if rng.chance(0.2) {
        q.given = typo(rng, &q.given);
    }
    if rng.chance(0.3) {
        if let Some((first, _)) = q.family.split_once(' ') {
            q.family = first.to_owned();
        }
    }
    if rng.chance(0.25) && q.dob.len() == 10 {
        q.dob = match rng.below(3) {
            0 => q.dob[..4].to_owned(),
            1 => format!("{}-{}-{:02}", &q.dob[..4], &q.dob[5..7], 1 + rng.below(28)),
            _ => q.dob[..7].to_owned(),
        };
    }
    if rng.chance(0.3) {
        q.phone = None;
    }
    q
}

fn draft(p: &Person, today: chrono::NaiveDate) -> Option<ClientDraft> {
    let input = ClientInput {
        given_names: p.given.clone(),
        family_names: p.family.clone(),
        birth_date: p.dob.clone(),
        country: p.country.to_owned(),
        ..Default::default()
    };
    ClientDraft::parse(&input, today).ok()
}

fn pct(sorted: &[Duration], q: f64) -> f64 {
    let i = ((sorted.len() as f64 * q).ceil() as usize).clamp(1, sorted.len()) - 1;
    sorted[i].as_secs_f64() * 1000.0
}

fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok()))
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str| args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).cloned();
    let url = arg("--url").unwrap_or_else(|| "sqlite:///tmp/sendero-dedup-bench.db".into());
    let n: usize = arg("--n").map_or(Ok(100_000), |s| s.parse())?;
    let checks: usize = arg("--checks").map_or(Ok(2000), |s| s.parse())?;
    let batch: usize = arg("--batch").map_or(Ok(10_000), |s| s.parse())?;
    let reuse_org: Option<i64> = arg("--org").map(|s| s.parse()).transpose()?;
    let scan = !args.iter().any(|a| a == "--no-scan");

    let store = Store::connect(&url, FieldCipher::from_key([7; 32])).await?;
    store.migrate().await?;
    let today = sendero_store::today();

    // The population is regenerated deterministically, so a reused database matches it.
    let mut rng = Rng(0x5E4D_E201);
    // About 5% of records re-register someone already on file (with realistic corruption), so
    // the scan has true duplicates to find.
    let mut people: Vec<Person> = Vec::with_capacity(n);
    for i in 0..n {
        let p = if i > 100 && rng.chance(0.05) {
            let j = rng.below(i);
            corrupt(&mut rng, &people[j])
        } else {
            person(&mut rng)
        };
        people.push(p);
    }

    let org = match reuse_org {
        Some(org) => org,
        None => {
            let org = store.create_organization(None, None, &format!("Dedup bench ({n} people)"), "lead", Some("Bench City")).await?;
            let actor = Actor { user_id: None, org_id: org };
            let started = Instant::now();
            let mut last = Instant::now();
            let mut done = 0;
            for chunk in people.chunks(batch) {
                let rows: Vec<ImportRow> = chunk
                    .iter()
                    .enumerate()
                    .map(|(i, p)| ImportRow {
                        line: (done + i + 2) as u64,
                        household_ref: None,
                        relationship: None,
                        draft: draft(p, today).or_else(|| draft(&Person { dob: p.dob[..4].to_owned(), ..p.clone() }, today)).expect("valid draft"),
                        contacts: p.phone.iter().map(|ph| (ContactKind::Phone, ph.clone())).collect(),
                    })
                    .collect();
                store.import_clients(actor, &rows, &|_, _| {}).await?;
                done += chunk.len();
                if last.elapsed() > Duration::from_secs(30) || done == n {
                    let s = started.elapsed().as_secs_f64();
                    eprintln!("seeded {done}/{n} in {s:.0} s ({:.0} people/s)", done as f64 / s);
                    last = Instant::now();
                }
            }
            let s = started.elapsed().as_secs_f64();
            println!("RESULT seed_people={n} seed_seconds={s:.1} seed_rate_per_s={:.0}", n as f64 / s);
            org
        }
    };
    println!("RESULT org={org}");

    let first_id: i64 = sqlx::query(&sendero_store::render_sql(store.dialect(), "SELECT MIN(id) AS m FROM clients WHERE org_id = ?"))
        .bind(org)
        .fetch_one(store.pool())
        .await?
        .try_get("m")?;
    let keys: i64 = sqlx::query(&sendero_store::render_sql(store.dialect(), "SELECT COUNT(*) AS c FROM person_keys WHERE org_id = ?"))
        .bind(org)
        .fetch_one(store.pool())
        .await?
        .try_get("c")?;
    println!("RESULT person_keys={keys} keys_per_person={:.2}", keys as f64 / n as f64);

    // Registration checks: half re-registrations of existing people, half new people.
    let mut crng = Rng(0xC4EC_0002);
    let mut drafts = vec![];
    while drafts.len() < checks + 50 {
        if drafts.len() % 2 == 0 {
            let i = crng.below(n);
            drafts.push((Some(first_id + i as i64), corrupt(&mut crng, &people[i])));
        } else {
            drafts.push((None, person(&mut crng)));
        }
    }
    let mut times = vec![];
    let (mut dup_found, mut dup_total, mut new_flagged, mut candidates_total) = (0, 0, 0, 0);
    for (k, (original, p)) in drafts.iter().enumerate() {
        let Some(d) = draft(p, today) else { continue };
        let record = person_record(
            0,
            &d.given_names,
            d.family_names.as_deref(),
            d.birth_date.map(|b| b.to_string()).as_deref(),
            d.country.as_deref(),
            p.phone.iter().cloned().collect(),
            vec![],
        );
        let t = Instant::now();
        let found = store.match_candidates(org, &record, REGISTRATION_MIN_SCORE, 5).await?;
        let dt = t.elapsed();
        if k < 50 {
            continue; // warm-up
        }
        times.push(dt);
        candidates_total += found.len();
        match original {
            Some(id) => {
                dup_total += 1;
                dup_found += found.iter().any(|c| c.client.id == *id) as usize;
            }
            None => new_flagged += (!found.is_empty()) as usize,
        }
    }
    times.sort();
    let mean = times.iter().map(Duration::as_secs_f64).sum::<f64>() / times.len() as f64 * 1000.0;
    println!(
        "RESULT checks={} check_p50_ms={:.2} check_p95_ms={:.2} check_p99_ms={:.2} check_max_ms={:.2} check_mean_ms={mean:.2}",
        times.len(),
        pct(&times, 0.50),
        pct(&times, 0.95),
        pct(&times, 0.99),
        pct(&times, 1.0),
    );
    println!(
        "RESULT rereg_original_in_top5={dup_found}/{dup_total} new_people_with_candidates={new_flagged}/{} mean_candidates={:.2}",
        times.len() - dup_total,
        candidates_total as f64 / times.len() as f64
    );

    if scan {
        let rss_before = peak_rss_mb();
        let t = Instant::now();
        let pairs = store.dedup_scan(org, SCAN_MIN_SCORE).await?;
        println!(
            "RESULT scan_seconds={:.1} scan_pairs={} peak_rss_before_scan_mb={rss_before:.0} peak_rss_after_scan_mb={:.0}",
            t.elapsed().as_secs_f64(),
            pairs.len(),
            peak_rss_mb()
        );
    }
    Ok(())
}
