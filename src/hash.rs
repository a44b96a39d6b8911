//! Content hashing shared by `fetch` (the sidecar's `sha256`), `pipeline` (a document's
//! `source.sha256`, the patterns fingerprint) and `run` (reuse of unchanged documents).
//! Knows nothing of documents or HTTP.

use sha2::{Digest, Sha256};

/// Lowercase hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Lowercase hex of a digest.
pub fn hex(digest: &[u8]) -> String {
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}
