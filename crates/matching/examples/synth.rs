//! Synthetic caseload with realistic duplicates, for evaluating the matcher.
//!
//! Usage: cargo run --release --example synth -p sendero-matching -- N [SEED] > people.csv
//!
//! Writes N records as CSV with a `cluster_id` column (records with the same
//! cluster id are the same person). See bench/matching/README.md.

use std::io::{BufWriter, Write};

/// SplitMix64: deterministic, dependency-free.
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
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// One name with its spelling variants; the first is the "canonical" one.
/// Arabic-script forms are included where the population writes them.
type Variants = &'static [&'static str];

const SPANISH_GIVEN: &[Variants] = &[
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
];
const SPANISH_FAMILY: &[Variants] = &[
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
const DARI_GIVEN: &[Variants] = &[
    &["Mohammed", "Muhammad", "Mohammad", "Mohamed", "محمد"],
    &["Ahmad", "Ahmed", "احمد"],
    &["Abdul Rahman", "Abdulrahman", "عبدالرحمن"],
    &["Fatima", "Fatema", "فاطمه"],
    &["Zahra", "Zahraa", "زهرا"],
    &["Mahmood", "Mahmud", "Mahmoud", "محمود"],
    &["Hamid", "Hameed", "حمید"],
    &["Rahim", "Raheem", "رحیم"],
    &["Karim", "Kareem", "کریم"],
    &["Nasrin", "Nasreen", "نسرین"],
    &["Farida", "Fareeda", "فریده"],
    &["Hassan", "Hasan", "حسن"],
    &["Hussain", "Hussein", "Husain", "حسین"],
    &["Sayed", "Said", "Sayyid", "سید"],
    &["Ali", "Aly", "علی"],
    &["Omar", "Umar", "عمر"],
    &["Khalid", "Khaled", "خالد"],
    &["Nazanin", "Nazaneen", "نازنین"],
    &["Shabnam", "شبنم"],
    &["Zainab", "Zeinab", "زینب"],
    &["Gul Ahmad", "Gulahmad", "گل احمد"],
    &["Wahid", "Waheed", "وحید"],
];
const DARI_FAMILY: &[Variants] = &[
    &["Ahmadi", "Ahmady", "احمدی"],
    &["Rahimi", "Raheemi", "رحیمی"],
    &["Karimi", "Kareemi", "کریمی"],
    &["Hussaini", "Hosseini", "Husaini", "حسینی"],
    &["Noori", "Nuri", "Nouri", "نوری"],
    &["Mohammadi", "Mohammady", "Muhammadi", "محمدی"],
    &["Sultani", "Soltani", "سلطانی"],
    &["Haidari", "Heydari", "Haydari", "حیدری"],
    &["Rezaei", "Rezai", "Rezayee", "رضایی"],
    &["Amiri", "Ameeri", "امیری"],
    &["Jafari", "Jafary", "Jaafari", "جعفری"],
    &["Nazari", "Nazary", "نظری"],
    &["Sadat", "Saadat", "سادات"],
    &["Popal", "پوپل"],
    &["Wardak", "Wardag", "وردک"],
    &["Safi", "Saafi", "صافی"],
    &["Stanekzai", "Stanikzai", "ستانکزی"],
    &["Azizi", "Azeezi", "عزیزی"],
    &["Hakimi", "Hakeemi", "حکیمی"],
];
const CREOLE_GIVEN: &[Variants] = &[
    &["Jean", "Jan"],
    &["Marie", "Mari"],
    &["Pierre", "Pyè", "Pyer"],
    &["Joseph", "Jozèf", "Jozef"],
    &["Jacques", "Jak"],
    &["Wislande", "Wislann"],
    &["Mackenson", "Makenson"],
    &["Fabienne", "Fabyèn"],
    &["Daphnée", "Daphnee", "Dafne"],
    &["Frantz", "Frans"],
    &["Guerline", "Gerline"],
    &["Lovely", "Loveli"],
    &["Widline", "Widlin"],
    &["François", "Francois", "Franswa"],
    &["Louis", "Lwi"],
    &["Étienne", "Etienne", "Etyèn"],
    &["Jean Robert", "Jean-Robert", "Jan Wobè"],
    &["Marie Carmel", "Marie-Carmel", "Carmel"],
];
const CREOLE_FAMILY: &[Variants] = &[
    &["Jean-Baptiste", "Jean Baptiste", "Jan Batis"],
    &["Pierre-Louis", "Pierre Louis", "Pyè Lwi"],
    &["Joseph", "Jozèf"],
    &["Saint-Fleur", "St Fleur", "Sen Flè"],
    &["Charles", "Chal"],
    &["Louis", "Lwi"],
    &["Dorvil", "Dorvilus"],
    &["Exantus", "Exantis"],
    &["Désir", "Desir", "Dezi"],
    &["Auguste", "Ogis"],
    &["François", "Francois", "Franswa"],
    &["Cadet", "Kadè"],
    &["Toussaint", "Tousen"],
    &["Étienne", "Etienne", "Etyèn"],
    &["Michel", "Michèl", "Mishel"],
    &["Célestin", "Celestin", "Selesten"],
];

#[derive(Clone, Copy, PartialEq)]
enum Population {
    Spanish,
    Dari,
    Creole,
}

#[derive(Clone)]
struct Person {
    population: Population,
    given: Vec<Vec<String>>,
    family: Vec<Vec<String>>,
    year: i32,
    month: u32,
    day: u32,
    year_only: bool,
    phone: Option<String>,
    country: &'static str,
    household: Vec<String>,
}

struct Row {
    given: String,
    family: String,
    dob: String,
    phone: String,
    country: String,
    household: String,
}

fn new_person(rng: &mut Rng) -> Person {
    let population = match rng.below(10) {
        0..=4 => Population::Spanish,
        5..=7 => Population::Dari,
        _ => Population::Creole,
    };
    let (given_pool, family_pool, countries): (_, _, &[&'static str]) = match population {
        Population::Spanish => (SPANISH_GIVEN, SPANISH_FAMILY, &["MX", "GT", "HN", "SV", "VE", "CO"]),
        Population::Dari => (DARI_GIVEN, DARI_FAMILY, &["AF", "AF", "AF", "SY", "IR"]),
        Population::Creole => (CREOLE_GIVEN, CREOLE_FAMILY, &["HT"]),
    };
    let mut given = vec![owned(given_pool[rng.below(given_pool.len())])];
    if rng.chance(0.25) {
        given.push(owned(given_pool[rng.below(given_pool.len())]));
    }
    let mut family = vec![surname(rng, population, family_pool)];
    if population == Population::Spanish {
        family.push(surname(rng, population, family_pool)); // paternal + maternal
    }
    let year = 1950 + rng.below(73) as i32;
    // Undocumented dates: Afghan records in particular default to 1 January.
    let defaulted = population == Population::Dari && rng.chance(0.35);
    let (month, day) = if defaulted { (1, 1) } else { (1 + rng.below(12) as u32, 1 + rng.below(28) as u32) };
    let phone = rng.chance(0.8).then(|| format!("{}{:07}", 200 + rng.below(800), rng.below(10_000_000)));
    let household = (0..rng.below(4)).map(|_| format!("{} {}", rng.pick(given_pool)[0], family[0][0])).collect();
    Person {
        population,
        given,
        family,
        year,
        month,
        day,
        year_only: population == Population::Dari && rng.chance(0.1),
        phone,
        country: countries[rng.below(countries.len())],
        household,
    }
}

fn owned(v: Variants) -> Vec<String> {
    v.iter().map(|s| s.to_string()).collect()
}

/// Syllables for the long tail of surnames: real caseloads have thousands
/// of distinct surnames, not just the common ones listed above.
const SYLLABLES: &[(Population, &[&str])] = &[
    (Population::Spanish, &["ba", "ca", "lle", "ro", "me", "do", "za", "ri", "gue", "to", "na", "bel", "mon", "tes", "jo", "var", "ga", "lin"]),
    (Population::Dari, &["za", "hir", "ba", "dak", "khan", "ni", "sha", "war", "ja", "lal", "mir", "zai", "ra", "gul", "qa", "di", "yar", "hei"]),
    (Population::Creole, &["dor", "vil", "ma", "ce", "lus", "ti", "non", "jo", "sai", "ne", "fil", "ten", "bel", "zi", "mon", "til", "ra", "ge"]),
];

/// Half the surnames come from the common list (with spelling variants),
/// half from the long tail.
fn surname(rng: &mut Rng, population: Population, pool: &[Variants]) -> Vec<String> {
    if rng.chance(0.5) {
        return owned(pool[rng.below(pool.len())]);
    }
    let syllables = SYLLABLES.iter().find(|(p, _)| *p == population).map(|(_, s)| *s).unwrap_or(&["na"]);
    let mut name = String::new();
    for _ in 0..2 + rng.below(2) {
        name.push_str(syllables[rng.below(syllables.len())]);
    }
    let mut chars = name.chars();
    let capitalised: String = chars.next().map(|c| c.to_ascii_uppercase()).into_iter().chain(chars).collect();
    vec![capitalised]
}

/// Applies one random keyboard error to a name.
fn typo(rng: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() < 3 || chars.iter().any(|c| ('\u{0600}'..='\u{06FF}').contains(c)) {
        return s.to_string();
    }
    let i = 1 + rng.below(chars.len() - 2);
    match rng.below(4) {
        0 => {
            chars.remove(i);
        }
        1 => chars.insert(i, (b'a' + rng.below(26) as u8) as char),
        2 => chars.swap(i, i + 1),
        _ => chars[i] = (b'a' + rng.below(26) as u8) as char,
    }
    chars.into_iter().collect()
}

fn strip_accents(s: &str) -> String {
    sendero_matching::normalize::fold_name(s)
}

/// Renders a person's record; `corrupt` applies the variations seen when
/// the same person is registered again (another office, another year).
fn render(rng: &mut Rng, p: &Person, corrupt: bool) -> Row {
    let variant = |rng: &mut Rng, v: &[String], alt: bool| -> String {
        if alt && v.len() > 1 {
            v[rng.below(v.len())].to_string()
        } else {
            v[0].to_string()
        }
    };
    let spell = corrupt && rng.chance(0.6);
    let mut given: Vec<String> = p.given.iter().map(|v| variant(rng, v, spell)).collect();
    let mut family: Vec<String> = p.family.iter().map(|v| variant(rng, v, spell)).collect();
    let (mut year, mut month, mut day) = (p.year, p.month, p.day);
    let mut year_only = p.year_only;
    let mut dob_missing = false;
    let mut phone = p.phone.clone();
    let mut country = p.country.to_string();
    let mut household: Vec<String> = p.household.clone();
    if corrupt {
        if p.population == Population::Spanish && family.len() > 1 && rng.chance(0.4) {
            family.truncate(1); // second surname dropped
        }
        if given.len() > 1 && rng.chance(0.3) {
            given.truncate(1);
        }
        if rng.chance(0.3) {
            given = given.iter().map(|g| strip_accents(g)).collect();
            family = family.iter().map(|f| strip_accents(f)).collect();
        }
        if rng.chance(0.15) {
            let i = rng.below(given.len());
            given[i] = typo(rng, &given[i]);
        }
        if rng.chance(0.15) {
            let i = rng.below(family.len());
            family[i] = typo(rng, &family[i]);
        }
        if p.population == Population::Dari && rng.chance(0.15) {
            // Registered from an Arabic-script document.
            given = p.given.iter().map(|v| v[v.len() - 1].to_string()).collect();
            family = p.family.iter().map(|v| v[v.len() - 1].to_string()).collect();
        }
        if rng.chance(0.08) {
            std::mem::swap(&mut given, &mut family);
        }
        match rng.below(20) {
            0 | 1 if day <= 12 => std::mem::swap(&mut month, &mut day),
            2 | 3 => year += if rng.chance(0.5) { 1 } else { -1 },
            4 => year_only = true,
            5 => dob_missing = true,
            6 => day = 1 + (day % 28),
            _ => {}
        }
        match rng.below(10) {
            0..=2 => phone = rng.chance(0.7).then(|| format!("{}{:07}", 200 + rng.below(800), rng.below(10_000_000))),
            3 => phone = None,
            // Same line, new area code (moved states, kept the number).
            4 => {
                if let Some(p) = &phone {
                    phone = Some(format!("{}{}", 200 + rng.below(800), &p[3..]));
                }
            }
            _ => {}
        }
        if rng.chance(0.2) {
            country.clear();
        }
        household.retain(|_| rng.chance(0.7));
    }
    let dob = if dob_missing {
        String::new()
    } else if year_only {
        format!("{year:04}")
    } else {
        format!("{year:04}-{month:02}-{day:02}")
    };
    let phone = phone
        .map(|p| match rng.below(3) {
            0 => format!("({}) {}-{}", &p[0..3], &p[3..6], &p[6..]),
            1 => format!("+1 {} {} {}", &p[0..3], &p[3..6], &p[6..]),
            _ => p,
        })
        .unwrap_or_default();
    Row { given: given.join(" "), family: family.join(" "), dob, phone, country, household: household.join(";") }
}

fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn main() -> std::io::Result<()> {
    let args: Vec<String> = std::env::args().collect();
    let n: usize = args.get(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let seed: u64 = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(42);
    let mut rng = Rng(seed);
    let mut out = BufWriter::new(std::io::stdout().lock());
    writeln!(out, "id,cluster_id,given_names,family_names,dob,phone,country,household")?;
    let (mut written, mut cluster) = (0usize, 0usize);
    while written < n {
        let person = new_person(&mut rng);
        // 60% of people registered once; the rest 2–4 times.
        let copies = if rng.chance(0.6) { 1 } else { 2 + rng.below(3) };
        for copy in 0..copies.min(n - written) {
            let row = render(&mut rng, &person, copy > 0);
            let fields = [row.given, row.family, row.dob, row.phone, row.country, row.household];
            let fields: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
            writeln!(out, "{},{},{}", written + 1, cluster, fields.join(","))?;
            written += 1;
        }
        cluster += 1;
    }
    out.flush()
}
