//! Encryption at rest for sensitive fields (A-numbers, case notes): ChaCha20-Poly1305 with a
//! random nonce per value. The key lives outside the database (key file or environment), so a
//! copied database file or dump alone does not reveal these fields.

use std::collections::BTreeMap;

use anyhow::Context;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

/// Ciphertexts of key 0 (the single key of earlier versions) keep their original format, so
/// existing databases read unchanged; other keys write `k<id>:`.
const LEGACY_PREFIX: &str = "v1:";

/// A keyring: the current key encrypts, every key decrypts what it wrote. Key files and
/// `SENDERO_SECRET_KEY` hold one key per line (or comma-separated) as `ID:BASE64`; a bare
/// base64 key is key 0. The highest id is the current key.
pub struct FieldCipher {
    keys: BTreeMap<u32, ChaCha20Poly1305>,
    current: u32,
}

impl FieldCipher {
    pub fn from_key(key: [u8; 32]) -> FieldCipher {
        FieldCipher::from_keyring(vec![(0, key)])
    }

    /// A keyring; the highest id becomes the current key. Panics on an empty list.
    pub fn from_keyring(keys: Vec<(u32, [u8; 32])>) -> FieldCipher {
        let current = keys.iter().map(|(id, _)| *id).max().expect("a keyring holds at least one key");
        FieldCipher { keys: keys.into_iter().map(|(id, k)| (id, ChaCha20Poly1305::new(Key::from_slice(&k)))).collect(), current }
    }

    /// Parse a keyring (as in `SENDERO_SECRET_KEY` or a key file): `ID:BASE64` entries
    /// separated by newlines or commas, `#` comments; a bare base64 key is key 0.
    pub fn from_base64(encoded: &str) -> anyhow::Result<FieldCipher> {
        Ok(FieldCipher::from_keyring(parse_keyring(encoded)?))
    }

    /// Read the key file, creating it with a fresh random key (mode 0600) if it does not exist.
    pub fn load_or_create(path: &std::path::Path) -> anyhow::Result<FieldCipher> {
        if path.exists() {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading key file {}", path.display()))?;
            return FieldCipher::from_base64(&text).with_context(|| format!("key file {}", path.display()));
        }
        let key: [u8; 32] = rand::random();
        let encoded = STANDARD.encode(key);
        write_private(path, &encoded).with_context(|| format!("writing key file {}", path.display()))?;
        tracing::warn!(path = %path.display(), "created a new field-encryption key file; back it up with the database");
        Ok(FieldCipher::from_key(key))
    }

    /// Append a fresh key to the key file (it becomes the current key); returns its id.
    /// Old keys stay so existing values still decrypt until `sendero keys rotate` has run.
    pub fn add_key_to_file(path: &std::path::Path) -> anyhow::Result<u32> {
        let text = std::fs::read_to_string(path).with_context(|| format!("reading key file {}", path.display()))?;
        let ids: Vec<u32> = parse_keyring(&text)?.into_iter().map(|(id, _)| id).collect();
        let id = ids.iter().max().map_or(0, |m| m + 1);
        let key: [u8; 32] = rand::random();
        let mut updated = text.trim_end().to_owned();
        updated.push_str(&format!("\n{id}:{}\n", STANDARD.encode(key)));
        // Write a new file and rename it over the old one, so a crash never leaves half a keyring.
        let tmp = path.with_extension("key.new");
        let _ = std::fs::remove_file(&tmp);
        write_private(&tmp, &updated)?;
        std::fs::rename(&tmp, path)?;
        Ok(id)
    }

    /// The id of the key that encrypts new values.
    pub fn current_key_id(&self) -> u32 {
        self.current
    }

    /// Every ciphertext under the current key starts with this.
    pub fn current_prefix(&self) -> String {
        prefix_for(self.current)
    }

    pub fn key_ids(&self) -> Vec<u32> {
        self.keys.keys().copied().collect()
    }

    /// Which key wrote `stored` (None if it is not a ciphertext of ours).
    pub fn key_id_of(stored: &str) -> Option<u32> {
        if stored.starts_with(LEGACY_PREFIX) {
            return Some(0);
        }
        let (head, _) = stored.strip_prefix('k')?.split_once(':')?;
        head.parse().ok()
    }

    pub fn encrypt(&self, plaintext: &str) -> String {
        let aead = &self.keys[&self.current];
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Encryption with a valid key and in-memory buffer cannot fail.
        let sealed = aead.encrypt(&nonce, plaintext.as_bytes()).expect("encryption with a valid key");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{}{}", self.current_prefix(), STANDARD.encode(bytes))
    }

    pub fn decrypt(&self, stored: &str) -> anyhow::Result<String> {
        let id = FieldCipher::key_id_of(stored).context("unknown encryption format")?;
        let aead = self.keys.get(&id).with_context(|| format!("value encrypted with key {id}, which is not in the keyring"))?;
        let encoded = &stored[prefix_for(id).len()..];
        let bytes = STANDARD.decode(encoded).context("corrupt encrypted value")?;
        anyhow::ensure!(bytes.len() > 12, "corrupt encrypted value");
        let (nonce, sealed) = bytes.split_at(12);
        let plain = aead.decrypt(Nonce::from_slice(nonce), sealed).map_err(|_| anyhow::anyhow!("cannot decrypt: wrong key or tampered value"))?;
        Ok(String::from_utf8(plain)?)
    }
}

fn prefix_for(id: u32) -> String {
    if id == 0 {
        LEGACY_PREFIX.to_owned()
    } else {
        format!("k{id}:")
    }
}

fn parse_keyring(text: &str) -> anyhow::Result<Vec<(u32, [u8; 32])>> {
    let mut keys = Vec::new();
    for entry in text.split(['\n', ',']).map(str::trim).filter(|e| !e.is_empty() && !e.starts_with('#')) {
        let (id, encoded) = match entry.split_once(':') {
            Some((id, encoded)) => (id.trim().parse::<u32>().context("key id must be a number")?, encoded.trim()),
            None => (0, entry),
        };
        let bytes = STANDARD.decode(encoded).context("secret key is not base64")?;
        let key: [u8; 32] = bytes.try_into().map_err(|_| anyhow::anyhow!("secret key must be 32 bytes"))?;
        anyhow::ensure!(!keys.iter().any(|(k, _)| *k == id), "key id {id} appears twice");
        keys.push((id, key));
    }
    anyhow::ensure!(!keys.is_empty(), "no key found");
    Ok(keys)
}

#[cfg(unix)]
fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let mut f = std::fs::OpenOptions::new().write(true).create_new(true).mode(0o600).open(path)?;
    f.write_all(contents.as_bytes())
}

#[cfg(not(unix))]
fn write_private(path: &std::path::Path, contents: &str) -> std::io::Result<()> {
    std::fs::write(path, contents)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_detects_wrong_key() {
        let a = FieldCipher::from_key([7; 32]);
        let sealed = a.encrypt("A 212-345-678");
        assert!(!sealed.contains("212"));
        assert_eq!(a.decrypt(&sealed).unwrap(), "A 212-345-678");
        assert_ne!(a.encrypt("same"), a.encrypt("same"), "nonces must differ");
        let b = FieldCipher::from_key([8; 32]);
        assert!(b.decrypt(&sealed).is_err());
        assert!(a.decrypt("garbage").is_err());
    }

    #[test]
    fn keyring_reads_old_keys_and_writes_with_the_newest() {
        let old = FieldCipher::from_key([7; 32]);
        let legacy = old.encrypt("nota");
        assert!(legacy.starts_with("v1:"), "key 0 keeps the original format");
        let ring = FieldCipher::from_keyring(vec![(0, [7; 32]), (2, [9; 32])]);
        assert_eq!(ring.current_key_id(), 2);
        let fresh = ring.encrypt("nota");
        assert!(fresh.starts_with("k2:"));
        assert_eq!(FieldCipher::key_id_of(&fresh), Some(2));
        assert_eq!(FieldCipher::key_id_of(&legacy), Some(0));
        assert_eq!(ring.decrypt(&legacy).unwrap(), "nota");
        assert_eq!(ring.decrypt(&fresh).unwrap(), "nota");
        assert!(old.decrypt(&fresh).is_err(), "a keyring without key 2 cannot read it");
        let text = format!("# keys\n{}\n2:{}", STANDARD.encode([7; 32]), STANDARD.encode([9; 32]));
        let parsed = FieldCipher::from_base64(&text).unwrap();
        assert_eq!(parsed.key_ids(), vec![0, 2]);
        assert_eq!(parsed.decrypt(&fresh).unwrap(), "nota");
        assert!(FieldCipher::from_base64(&format!("1:{k},1:{k}", k = STANDARD.encode([1; 32]))).is_err());
    }

    #[test]
    fn adding_a_key_to_a_file_makes_it_current() {
        let dir = std::env::temp_dir().join(format!("sendero-keyring-{}", rand::random::<u64>()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("sendero.key");
        let first = FieldCipher::load_or_create(&path).unwrap();
        let sealed = first.encrypt("x");
        assert_eq!(FieldCipher::add_key_to_file(&path).unwrap(), 1);
        let ring = FieldCipher::load_or_create(&path).unwrap();
        assert_eq!(ring.key_ids(), vec![0, 1]);
        assert_eq!(ring.decrypt(&sealed).unwrap(), "x");
        assert!(ring.encrypt("y").starts_with("k1:"));
        std::fs::remove_dir_all(dir).unwrap();
    }
}
