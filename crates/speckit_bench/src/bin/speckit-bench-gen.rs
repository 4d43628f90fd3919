//! `speckit-bench-gen`: writes a synthetic workspace for benchmarks.
//!
//! ```text
//! speckit-bench-gen --features 1000 --out /tmp/ws [--layout mixed] [--seed 1] [--force]
//! ```
//!
//! Exit codes: 0 written, 2 bad arguments or a write error.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;
use speckit_bench::generator::{LayoutChoice, Options, write_workspace};

/// Writes a workspace of N generated features (spec.md, plan.md and
/// tasks.md of about 60 KB per feature) for benchmarking speckit.
#[derive(Debug, Parser)]
#[command(name = "speckit-bench-gen", version)]
struct Args {
    /// Number of feature folders to write.
    #[arg(long, value_parser = clap::value_parser!(u32).range(1..=100_000))]
    features: u32,
    /// Directory to write the workspace into (created if missing).
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// Layout of the features; `mixed` alternates spec-kit and plugin.
    #[arg(long, value_enum, default_value_t = LayoutChoice::Mixed)]
    layout: LayoutChoice,
    /// Seed of the generator; the same seed writes the same files.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Write into a non-empty directory, overwriting generated files.
    #[arg(long)]
    force: bool,
}

const EXIT_ERROR: u8 = 2;

fn main() -> ExitCode {
    let args = match Args::try_parse() {
        Ok(args) => args,
        Err(error) => {
            let code = if error.use_stderr() { EXIT_ERROR } else { 0 };
            let _ = error.print();
            return ExitCode::from(code);
        }
    };
    let options = Options {
        features: args.features as usize,
        layout: args.layout,
        seed: args.seed,
    };
    match write_workspace(&args.out, &options, args.force) {
        Ok(summary) => {
            let _ = writeln!(
                std::io::stdout(),
                "wrote {} features ({} files, {} KB) to {}",
                summary.features,
                summary.files,
                summary.bytes / 1000,
                args.out.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            let mut message = error.to_string();
            let mut source = std::error::Error::source(&error);
            while let Some(cause) = source {
                message.push_str(": ");
                message.push_str(&cause.to_string());
                source = cause.source();
            }
            let _ = writeln!(std::io::stderr(), "error: {message}");
            ExitCode::from(EXIT_ERROR)
        }
    }
}
