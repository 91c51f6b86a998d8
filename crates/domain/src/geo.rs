//! Places and distances: an offline gazetteer of US ZIP codes (built from public data by
//! `tools/build_gazetteer.py`) and great-circle distances, so Sendero can tell that a hearing is
//! 1,500 miles from where the client now lives without calling any outside service.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

/// A point in micro-degrees (integers store and compare exactly across both databases).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Coord {
    pub lat_micro: i64,
    pub lon_micro: i64,
}

impl Coord {
    pub fn from_degrees(lat: f64, lon: f64) -> Coord {
        Coord { lat_micro: (lat * 1e6).round() as i64, lon_micro: (lon * 1e6).round() as i64 }
    }
    pub fn lat(self) -> f64 {
        self.lat_micro as f64 / 1e6
    }
    pub fn lon(self) -> f64 {
        self.lon_micro as f64 / 1e6
    }
}

const EARTH_RADIUS_MILES: f64 = 3958.7613;

/// Great-circle distance in miles (haversine).
pub fn distance_miles(a: Coord, b: Coord) -> f64 {
    let (la1, la2) = (a.lat().to_radians(), b.lat().to_radians());
    let dlat = la2 - la1;
    let dlon = (b.lon() - a.lon()).to_radians();
    let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
    2.0 * EARTH_RADIUS_MILES * h.sqrt().min(1.0).asin()
}

/// One ZIP code of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub zip: String,
    pub name: String,
    pub state: String,
    pub coord: Coord,
}

struct Gazetteer {
    by_zip: HashMap<String, usize>,
    /// "city|ST" (folded) → first ZIP of that place.
    by_place: HashMap<String, usize>,
    places: Vec<Place>,
}

static DATA: &[u8] = include_bytes!("../data/us_zips.tsv.gz");

fn fold(s: &str) -> String {
    crate::text::fold(s)
}

fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(|| {
        let mut text = String::new();
        flate2::read::GzDecoder::new(DATA).read_to_string(&mut text).expect("embedded gazetteer is valid gzip");
        let mut places = Vec::with_capacity(42_000);
        for line in text.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            if let [zip, name, state, lat, lon] = f[..] {
                if let (Ok(lat_micro), Ok(lon_micro)) = (lat.parse(), lon.parse()) {
                    places.push(Place { zip: zip.into(), name: name.into(), state: state.into(), coord: Coord { lat_micro, lon_micro } });
                }
            }
        }
        let mut by_zip = HashMap::with_capacity(places.len());
        let mut by_place = HashMap::new();
        for (i, p) in places.iter().enumerate() {
            by_zip.insert(p.zip.clone(), i);
            by_place.entry(format!("{}|{}", fold(&p.name), p.state.to_ascii_lowercase())).or_insert(i);
        }
        Gazetteer { by_zip, by_place, places }
    })
}

/// Look a five-digit ZIP code up.
pub fn zip(code: &str) -> Option<&'static Place> {
    let g = gazetteer();
    g.by_zip.get(code).map(|&i| &g.places[i])
}

/// Look a place up by city and two-letter state ("Houston", "TX").
pub fn city(name: &str, state: &str) -> Option<&'static Place> {
    let g = gazetteer();
    g.by_place.get(&format!("{}|{}", fold(name.trim()), state.trim().to_ascii_lowercase())).map(|&i| &g.places[i])
}

/// Find where a free-text US address is: its ZIP code if it has one (the last five-digit group),
/// else "City, ST" from its comma-separated parts.
pub fn locate(address: &str) -> Option<&'static Place> {
    let zip_code = address.split(|c: char| !c.is_ascii_digit()).rfind(|w| w.len() == 5).and_then(zip);
    if zip_code.is_some() {
        return zip_code;
    }
    let parts: Vec<&str> = address.split(',').map(str::trim).filter(|p| !p.is_empty()).collect();
    for pair in parts.windows(2).rev() {
        let state = pair[1].split_whitespace().next().unwrap_or("");
        if state.len() == 2 {
            if let Some(p) = city(pair[0], state) {
                return Some(p);
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gazetteer_knows_the_demo_cities() {
        assert_eq!(zip("77002").unwrap().name, "Houston");
        assert_eq!(city("dubuque", "ia").unwrap().state, "IA");
        assert_eq!(locate("12 Main St, Omaha, NE").unwrap().state, "NE");
        assert_eq!(locate("1 Court Sq, Brooklyn NY 11201").unwrap().zip, "11201");
        assert!(locate("somewhere").is_none());
        assert!(gazetteer().places.len() > 40_000);
    }

    #[test]
    fn new_york_to_houston_is_about_1420_miles() {
        // Reference: great-circle distance between these ZIP centroids, computed independently
        // (haversine, R = 3958.76 mi) ≈ 1,416 mi.
        let d = distance_miles(zip("10001").unwrap().coord, zip("77002").unwrap().coord);
        assert!((1400.0..1430.0).contains(&d), "{d}");
        let dubuque_cedar_rapids = distance_miles(city("Dubuque", "IA").unwrap().coord, city("Cedar Rapids", "IA").unwrap().coord);
        assert!((55.0..80.0).contains(&dubuque_cedar_rapids), "{dubuque_cedar_rapids}");
        let p = Coord::from_degrees(29.76, -95.36);
        assert_eq!(distance_miles(p, p), 0.0);
    }
}
