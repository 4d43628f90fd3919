//! The manifest of generated files: path → SHA-256 of what speckit wrote.
//!
//! On a later `init`, a file whose current hash still matches was not edited
//! by anyone and may be replaced with the new version; any other existing
//! file is the user's and is left alone unless `--force`.

use std::collections::BTreeMap;
use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use speckit_workspace::fs;

use super::ScaffoldError;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// The speckit version that last wrote the files.
    pub(crate) generator: String,
    pub(crate) files: BTreeMap<String, String>,
}

pub(crate) fn hash(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    Sha256::digest(bytes)
        .iter()
        .fold(String::with_capacity(64), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

impl Manifest {
    /// Reads the manifest; a missing or unreadable one is empty (every
    /// existing file then counts as the user's, which is the safe side).
    pub(crate) fn load(path: &Path) -> Manifest {
        std::fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    pub(crate) fn save(&self, path: &Path) -> Result<(), ScaffoldError> {
        let mut text = serde_json::to_string_pretty(self).unwrap_or_default();
        text.push('\n');
        fs::write_atomic(path, text.as_bytes())?;
        Ok(())
    }
}
