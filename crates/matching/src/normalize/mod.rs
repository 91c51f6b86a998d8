//! Text normalisation: turning what a caseworker typed into comparable keys.

mod arabic;
mod country;
mod fold;
mod phone;
mod phonetic;

pub use country::normalize_country;
pub use fold::{fold_name, name_tokens};
pub use phone::{normalize_phone, phone_digits};
pub use phonetic::phonetic;
