//! Distances for matching: haversine over micro-degree coordinates, and a tiny embedded ZIP
//! table for the demo cities (a full gazetteer replaces it later).

use serde::{Deserialize, Serialize};

/// A point in micro-degrees (stored as integers: sqlx's Any driver decodes NULL doubles badly).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct GeoPoint {
    pub lat_micro: i64,
    pub lon_micro: i64,
}

const EARTH_RADIUS_MILES: f64 = 3958.8;

impl GeoPoint {
    pub fn from_degrees(lat: f64, lon: f64) -> Option<GeoPoint> {
        ((-90.0..=90.0).contains(&lat) && (-180.0..=180.0).contains(&lon))
            .then(|| GeoPoint { lat_micro: (lat * 1e6).round() as i64, lon_micro: (lon * 1e6).round() as i64 })
    }

    pub fn lat(&self) -> f64 {
        self.lat_micro as f64 / 1e6
    }

    pub fn lon(&self) -> f64 {
        self.lon_micro as f64 / 1e6
    }

    /// Great-circle distance in miles.
    pub fn miles_to(&self, other: &GeoPoint) -> f64 {
        let (la1, la2) = (self.lat().to_radians(), other.lat().to_radians());
        let dlat = la2 - la1;
        let dlon = (other.lon() - self.lon()).to_radians();
        let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        2.0 * EARTH_RADIUS_MILES * h.sqrt().min(1.0).asin()
    }

    /// "lat,lon" in degrees, as typed in a form.
    pub fn parse(raw: &str) -> Option<GeoPoint> {
        let (lat, lon) = raw.split_once(',')?;
        GeoPoint::from_degrees(lat.trim().parse().ok()?, lon.trim().parse().ok()?)
    }
}

/// ZIP code centroids (approximate) of the demo cities: New York, Houston, Tucson, Dubuque and
/// Cedar Rapids.
const ZIPS: [(&str, f64, f64); 24] = [
    ("10451", 40.8202, -73.9239),
    ("10452", 40.8376, -73.9229),
    ("10456", 40.8306, -73.9083),
    ("10458", 40.8625, -73.8881),
    ("11101", 40.7447, -73.9485),
    ("11368", 40.7498, -73.8624),
    ("11372", 40.7519, -73.8830),
    ("10001", 40.7506, -73.9972),
    ("10027", 40.8116, -73.9533),
    ("77036", 29.6990, -95.5403),
    ("77074", 29.6893, -95.5157),
    ("77002", 29.7566, -95.3653),
    ("77057", 29.7425, -95.4900),
    ("85701", 32.2165, -110.9706),
    ("85705", 32.2698, -110.9837),
    ("85713", 32.1941, -110.9930),
    ("85719", 32.2473, -110.9497),
    ("52001", 42.5315, -90.6840),
    ("52002", 42.4977, -90.7413),
    ("52003", 42.4424, -90.6710),
    ("52401", 41.9758, -91.6573),
    ("52402", 42.0220, -91.6590),
    ("52403", 41.9689, -91.6076),
    ("52404", 41.9273, -91.6932),
];

/// The centroid of a 5-digit ZIP code, if it is in the embedded table.
pub fn zip_point(zip: &str) -> Option<GeoPoint> {
    let zip = zip.trim();
    let zip = zip.get(..5).unwrap_or(zip);
    ZIPS.iter().find(|(z, _, _)| *z == zip).and_then(|(_, lat, lon)| GeoPoint::from_degrees(*lat, *lon))
}

/// A well-formed US ZIP code (5 digits, optionally +4).
pub fn is_zip(raw: &str) -> bool {
    let b = raw.trim().as_bytes();
    (b.len() == 5 || (b.len() == 10 && b[5] == b'-')) && b.iter().enumerate().all(|(i, c)| c.is_ascii_digit() || (i == 5 && *c == b'-'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dubuque_to_cedar_rapids_is_about_seventy_miles() {
        let dubuque = zip_point("52001").unwrap();
        let cedar_rapids = zip_point("52401").unwrap();
        let miles = dubuque.miles_to(&cedar_rapids);
        // Straight-line distance; the drive is ~75 miles.
        assert!((60.0..72.0).contains(&miles), "{miles}");
        assert_eq!(dubuque.miles_to(&dubuque), 0.0);
        assert!((dubuque.miles_to(&cedar_rapids) - cedar_rapids.miles_to(&dubuque)).abs() < 1e-9);
    }

    #[test]
    fn new_york_to_houston_is_about_1420_miles() {
        let miles = zip_point("10001").unwrap().miles_to(&zip_point("77002").unwrap());
        assert!((1400.0..1440.0).contains(&miles), "{miles}");
    }

    #[test]
    fn zip_parsing() {
        assert!(is_zip("52001") && is_zip("52001-1234"));
        assert!(!is_zip("5200") && !is_zip("abcde") && !is_zip("52001-12"));
        assert_eq!(zip_point("52001-1234"), zip_point("52001"));
        assert!(zip_point("99999").is_none());
        assert_eq!(GeoPoint::parse("42.5, -90.68"), GeoPoint::from_degrees(42.5, -90.68));
        assert!(GeoPoint::parse("91,0").is_none());
    }
}
