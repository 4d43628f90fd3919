//! The `speckit` binary: argument parsing, exit codes and terminal output.
//!
//! Commands call the `speckit` library and print what it returns; they never
//! parse documents or walk directories themselves.

mod cli;
mod commands;
mod style;

use std::io::Write;
use std::process::ExitCode;

use clap::Parser;

use crate::cli::Cli;

/// mimalloc: the model is many small vectors built and dropped per file on
/// every core, which the system allocator serves markedly slower.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit status for usage and I/O errors (findings use 1, success 0).
const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { EXIT_ERROR } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    cli.color.write_global();
    match commands::run(cli) {
        Ok(code) => ExitCode::from(code),
        Err(error) if is_broken_pipe(&error) => ExitCode::SUCCESS,
        Err(error) => {
            let mut stderr = anstream::stderr();
            let _ = writeln!(
                stderr,
                "{}error{}: {}",
                style::ERROR.render(),
                style::ERROR.render_reset(),
                chain(&error)
            );
            ExitCode::from(EXIT_ERROR)
        }
    }
}

/// `outer: inner: innermost`, the way the error chain reads best on one line.
fn chain(error: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if !parts.last().is_some_and(|last| last.contains(&text)) {
            parts.push(text);
        }
    }
    parts.join(": ")
}

fn is_broken_pipe(error: &anyhow::Error) -> bool {
    error.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}
