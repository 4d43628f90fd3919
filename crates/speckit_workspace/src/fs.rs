//! Reading files with limits, atomic writes, lossless file edits and locks.

use std::fs::File;
use std::hash::{Hash, Hasher};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use speckit_text::{Edit, apply_edits};

use crate::error::WorkspaceError;

/// Files larger than this are not read: spans are 32-bit and a 64 MiB
/// Markdown document is certainly not a hand-written spec.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Reads a whole file, refusing files over [`MAX_FILE_SIZE`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, WorkspaceError> {
    let mut file = File::open(path).map_err(|error| WorkspaceError::io(path, error))?;
    let size = file
        .metadata()
        .map_err(|error| WorkspaceError::io(path, error))?
        .len();
    if size > MAX_FILE_SIZE {
        return Err(WorkspaceError::TooLarge {
            path: path.to_path_buf(),
            size,
            limit: MAX_FILE_SIZE,
        });
    }
    // The size the file has now, read in one call: `read_to_end` without a
    // size hint reads in growing chunks from 8 KiB, a call per chunk.
    // Zeroing the buffer first is one memset per file, cheaper than the
    // extra calls.
    let mut bytes = vec![0; usize::try_from(size).unwrap_or(0)];
    let mut filled = 0;
    while let Some(rest) = bytes.get_mut(filled..).filter(|rest| !rest.is_empty()) {
        match file.read(rest) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(WorkspaceError::io(path, error)),
        }
    }
    // A file that shrank meanwhile ends early; one that grew is read on,
    // through `Take` so that the limit still holds (a full buffer makes
    // `read_to_end` probe for the end with one small read).
    bytes.truncate(filled);
    (&mut file)
        .take(MAX_FILE_SIZE + 1 - u64::try_from(filled).unwrap_or(MAX_FILE_SIZE))
        .read_to_end(&mut bytes)
        .map_err(|error| WorkspaceError::io(path, error))?;
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(WorkspaceError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: MAX_FILE_SIZE,
        });
    }
    Ok(bytes)
}

/// Writes `bytes` to `path` atomically: a temporary file in the same
/// directory is written, flushed to disk, given the original file's
/// permissions, then renamed over the target. Readers see the old or the new
/// content, never a mix; a crash leaves the old file intact.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), WorkspaceError> {
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let existing_permissions = std::fs::metadata(path).ok().map(|meta| meta.permissions());
    let mut temp = tempfile::Builder::new()
        .prefix(".speckit-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|error| WorkspaceError::io(dir, error))?;
    temp.write_all(bytes)
        .map_err(|error| WorkspaceError::io(temp.path(), error))?;
    temp.as_file()
        .sync_all()
        .map_err(|error| WorkspaceError::io(temp.path(), error))?;
    if let Some(permissions) = existing_permissions.or_else(default_permissions) {
        temp.as_file()
            .set_permissions(permissions)
            .map_err(|error| WorkspaceError::io(temp.path(), error))?;
    }
    temp.persist(path)
        .map_err(|error| WorkspaceError::io(path, error.error))?;
    Ok(())
}

/// New files get the usual 0644 rather than the temp file's 0600.
#[cfg(unix)]
#[allow(
    clippy::unnecessary_wraps,
    reason = "the non-Unix variant returns None"
)]
fn default_permissions() -> Option<std::fs::Permissions> {
    use std::os::unix::fs::PermissionsExt;
    Some(std::fs::Permissions::from_mode(0o644))
}

/// Elsewhere a fresh temp file already has ordinary permissions.
#[cfg(not(unix))]
fn default_permissions() -> Option<std::fs::Permissions> {
    None
}

/// Applies byte-range `edits` to the file at `path`, which must still hold
/// exactly `expected` (the bytes the edits were computed from), and writes the
/// result atomically. Returns the new bytes.
pub fn edit_file(path: &Path, expected: &[u8], edits: &[Edit]) -> Result<Vec<u8>, WorkspaceError> {
    let current = read_file(path)?;
    if current != expected {
        return Err(WorkspaceError::Changed {
            path: path.to_path_buf(),
        });
    }
    let text = std::str::from_utf8(&current).map_err(|_| WorkspaceError::Edit {
        path: path.to_path_buf(),
        message: "the file is not valid UTF-8".to_string(),
    })?;
    let updated = apply_edits(text, edits).map_err(|error| WorkspaceError::Edit {
        path: path.to_path_buf(),
        message: error.to_string(),
    })?;
    if updated.as_bytes() != current.as_slice() {
        write_atomic(path, updated.as_bytes())?;
    }
    Ok(updated.into_bytes())
}

/// An exclusive advisory lock tied to one workspace file. The lock file lives
/// in the system temporary directory (keyed by the file's canonical path), so
/// repositories never see it; writes replace files by rename, so the target
/// itself cannot carry the lock.
#[derive(Debug)]
pub struct FileLock {
    _file: File,
    path: PathBuf,
}

impl FileLock {
    /// Blocks until the lock for `target` is held.
    pub fn acquire(target: &Path) -> Result<FileLock, WorkspaceError> {
        let canonical = std::fs::canonicalize(target).unwrap_or_else(|_| target.to_path_buf());
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        canonical.hash(&mut hasher);
        let dir = std::env::temp_dir().join("speckit-locks");
        std::fs::create_dir_all(&dir).map_err(|error| WorkspaceError::io(&dir, error))?;
        let path = dir.join(format!("{:016x}.lock", hasher.finish()));
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(|error| WorkspaceError::io(&path, error))?;
        file.lock()
            .map_err(|error| WorkspaceError::io(&path, error))?;
        Ok(FileLock { _file: file, path })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use speckit_text::Span;

    #[test]
    fn atomic_write_keeps_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tasks.md");
        std::fs::write(&path, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"new");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "no temp files left behind");
    }

    #[test]
    fn new_files_are_world_readable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.md");
        write_atomic(&path, b"x").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(
                std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o644
            );
        }
    }

    #[test]
    fn edit_file_checks_for_concurrent_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tasks.md");
        std::fs::write(&path, "- [ ] T001\r\n").unwrap();
        let edits = [Edit::replace(Span::new(3, 4), "x")];
        let updated = edit_file(&path, b"- [ ] T001\r\n", &edits).unwrap();
        assert_eq!(updated, b"- [x] T001\r\n");
        let error = edit_file(&path, b"- [ ] T001\r\n", &edits).unwrap_err();
        assert!(matches!(error, WorkspaceError::Changed { .. }));
    }

    #[test]
    fn read_reports_missing_path() {
        let error = read_file(Path::new("/nonexistent/speckit/x.md")).unwrap_err();
        assert_eq!(error.to_string(), "cannot access /nonexistent/speckit/x.md");
    }

    #[test]
    fn read_returns_every_byte_whatever_the_size() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spec.md");
        for len in [0_usize, 1, 8191, 8192, 8193, 70_000] {
            let bytes: Vec<u8> = (0..len)
                .map(|n: usize| b"0123456789abcdef\n"[n % 17])
                .collect();
            std::fs::write(&path, &bytes).unwrap();
            assert_eq!(read_file(&path).unwrap(), bytes, "{len} bytes");
        }
    }

    #[test]
    fn read_refuses_files_over_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("huge.md");
        let file = File::create(&path).unwrap();
        file.set_len(MAX_FILE_SIZE + 1).unwrap();
        let error = read_file(&path).unwrap_err();
        assert!(matches!(error, WorkspaceError::TooLarge { .. }), "{error}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn read_goes_past_the_size_a_file_reports() {
        // Files under /proc report a size of 0 and still have content: the
        // read does not stop at the size it was told.
        let bytes = read_file(Path::new("/proc/self/status")).unwrap();
        assert!(String::from_utf8(bytes).unwrap().contains("Name:"));
    }

    #[test]
    fn lock_is_reentrant_across_acquire_and_drop() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("tasks.md");
        std::fs::write(&path, "x").unwrap();
        let first = FileLock::acquire(&path).unwrap();
        let lock_path = first.path().to_path_buf();
        drop(first);
        let second = FileLock::acquire(&path).unwrap();
        assert_eq!(second.path(), lock_path);
    }
}
