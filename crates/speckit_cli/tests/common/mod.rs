//! Helpers shared by the end-to-end tests: where the example and fixture
//! workspaces are, private copies of them, and the `speckit` command.

#![allow(
    dead_code,
    reason = "each test binary uses its own subset of these helpers"
)]

use std::path::{Path, PathBuf};
use std::process::Command;

use insta_cmd::get_cargo_bin;

/// An example workspace shipped in `examples/`.
pub(crate) fn examples(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name)
}

/// A workspace under `tests/fixtures/`.
pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `speckit` run inside `dir`: no colours, a fixed today, no inherited
/// feature hints.
pub(crate) fn speckit_in(dir: &Path) -> Command {
    let mut command = Command::new(get_cargo_bin("speckit"));
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("SPECKIT_TODAY", "2026-11-25")
        .env_remove("SPECIFY_FEATURE")
        .env_remove("SPECIFY_FEATURE_DIRECTORY");
    command
}

/// Runs `command`: exit code, stdout and stderr.
pub(crate) fn run(command: &mut Command) -> (i32, String, String) {
    let output = command.output().unwrap();
    (
        output.status.code().unwrap_or(-1),
        String::from_utf8(output.stdout).unwrap(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.path().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).unwrap();
        }
    }
}

/// A private copy of the workspace at `source` (for commands that write),
/// in a folder of the same name.
pub(crate) fn copy_of(source: &Path) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(source.file_name().unwrap());
    copy_dir(source, &root);
    (dir, root)
}
