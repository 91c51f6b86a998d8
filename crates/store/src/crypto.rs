//! Encryption at rest for sensitive fields (A-numbers, case notes): ChaCha20-Poly1305 with a
//! random nonce per value. The key lives outside the database (key file or environment), so a
//! copied database file or dump alone does not reveal these fields.

use anyhow::Context;
use base64::engine::general_purpose::STANDARD;
use base64::Engine;
use chacha20poly1305::aead::{Aead, AeadCore, KeyInit, OsRng};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};

const PREFIX: &str = "v1:";

pub struct FieldCipher {
    aead: ChaCha20Poly1305,
}

impl FieldCipher {
    pub fn from_key(key: [u8; 32]) -> FieldCipher {
        FieldCipher { aead: ChaCha20Poly1305::new(Key::from_slice(&key)) }
    }

    /// Parse a base64-encoded 32-byte key (as in `SENDERO_SECRET_KEY`).
    pub fn from_base64(encoded: &str) -> anyhow::Result<FieldCipher> {
        let bytes = STANDARD.decode(encoded.trim()).context("secret key is not base64")?;
        let key: [u8; 32] = bytes.try_into().map_err(|_| anyhow::anyhow!("secret key must be 32 bytes"))?;
        Ok(FieldCipher::from_key(key))
    }

    /// Read the key file, creating it with a fresh random key (mode 0600) if it does not exist.
    pub fn load_or_create(path: &std::path::Path) -> anyhow::Result<FieldCipher> {
        if path.exists() {
            let text = std::fs::read_to_string(path).with_context(|| format!("reading key file {}", path.display()))?;
            return FieldCipher::from_base64(&text);
        }
        let key: [u8; 32] = rand::random();
        let encoded = STANDARD.encode(key);
        write_private(path, &encoded).with_context(|| format!("writing key file {}", path.display()))?;
        tracing::warn!(path = %path.display(), "created a new field-encryption key file; back it up with the database");
        Ok(FieldCipher::from_key(key))
    }

    pub fn encrypt(&self, plaintext: &str) -> String {
        let nonce = ChaCha20Poly1305::generate_nonce(&mut OsRng);
        // Encryption with a valid key and in-memory buffer cannot fail.
        let sealed = self.aead.encrypt(&nonce, plaintext.as_bytes()).expect("encryption with a valid key");
        let mut bytes = nonce.to_vec();
        bytes.extend_from_slice(&sealed);
        format!("{PREFIX}{}", STANDARD.encode(bytes))
    }

    pub fn decrypt(&self, stored: &str) -> anyhow::Result<String> {
        let encoded = stored.strip_prefix(PREFIX).context("unknown encryption format")?;
        let bytes = STANDARD.decode(encoded).context("corrupt encrypted value")?;
        anyhow::ensure!(bytes.len() > 12, "corrupt encrypted value");
        let (nonce, sealed) = bytes.split_at(12);
        let plain = self.aead.decrypt(Nonce::from_slice(nonce), sealed).map_err(|_| anyhow::anyhow!("cannot decrypt: wrong key or tampered value"))?;
        Ok(String::from_utf8(plain)?)
    }
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
}
