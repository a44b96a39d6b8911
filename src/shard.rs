//! Splitting a corpus over workers: which of N shards a document belongs to, by its id
//! alone, so N runs with `--shard 1/N` … `--shard N/N` read disjoint parts whose union is the
//! whole corpus, on any machines and in any order. `merge` puts their outputs back together.
//! This module decides membership only; it reads and writes nothing.

use sha2::{Digest, Sha256};

/// Shard `index` of `count` (1-based, `1 ≤ index ≤ count`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    index: u64,
    count: u64,
}

impl Shard {
    /// Shard `index` of `count`.
    ///
    /// # Errors
    /// `count` is 0 or `index` is outside `1..=count`.
    pub fn new(index: u64, count: u64) -> Result<Self, String> {
        if count == 0 {
            return Err(format!("{index}/{count}: there is no shard of 0"));
        }
        if index == 0 || index > count {
            return Err(format!("{index}/{count}: K must be between 1 and {count}"));
        }
        Ok(Self { index, count })
    }

    /// 1-based index K.
    pub fn index(&self) -> u64 {
        self.index
    }

    /// Number of shards N.
    pub fn count(&self) -> u64 {
        self.count
    }

    /// Whether the document (or failed input) with this id belongs to this shard.
    pub fn contains(&self, id: &str) -> bool {
        shard_of(id, self.count) == self.index
    }
}

impl std::str::FromStr for Shard {
    type Err = String;

    /// Parses `K/N`.
    fn from_str(s: &str) -> Result<Self, String> {
        let (k, n) = s.split_once('/').ok_or_else(|| format!("{s}: expected K/N, e.g. 2/8"))?;
        let num =
            |t: &str| t.trim().parse::<u64>().map_err(|_| format!("{s}: expected K/N with whole numbers, e.g. 2/8"));
        Self::new(num(k)?, num(n)?)
    }
}

impl std::fmt::Display for Shard {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// The shard (1-based) of `count` that the id belongs to: the first 8 bytes of the SHA-256
/// of the id's UTF-8 bytes, read as a big-endian integer, modulo `count`, plus one.
/// `count` 0 is treated as 1.
pub fn shard_of(id: &str, count: u64) -> u64 {
    let digest = Sha256::digest(id.as_bytes());
    let mut first = [0u8; 8];
    first.copy_from_slice(&digest[..8]);
    u64::from_be_bytes(first) % count.max(1) + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_refuses() {
        assert_eq!("2/8".parse::<Shard>().unwrap(), Shard::new(2, 8).unwrap());
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert!("1/0".parse::<Shard>().is_err());
        assert!("x".parse::<Shard>().is_err());
        assert!("a/b".parse::<Shard>().is_err());
    }

    #[test]
    fn hash_is_the_documented_one() {
        // `printf a.html | sha256sum` starts with 7aa267cfbf8eb1a7, which is 2 mod 3.
        assert_eq!(shard_of("a.html", 3), 3);
        assert_eq!(u64::from_str_radix(&crate::hash::sha256_hex(b"a.html")[..16], 16).unwrap() % 3, 2);
        let ids: Vec<String> = (0..300).map(|i| format!("d/{i}.html")).collect();
        for id in &ids {
            let owners: Vec<u64> = (1..=3).filter(|k| Shard::new(*k, 3).unwrap().contains(id)).collect();
            assert_eq!(owners.len(), 1);
        }
        assert!((1..=3).all(|k| ids.iter().filter(|id| shard_of(id, 3) == k).count() > 60));
    }
}
