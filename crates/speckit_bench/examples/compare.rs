//! Wall times of the floor and the model, and their ratio.
//!
//! ```text
//! cargo run --release -p speckit_bench --example compare
//! cargo run --release -p speckit_bench --example compare -- --features 300 --runs 9
//! cargo run --release -p speckit_bench --example compare -- --dir path/to/workspace
//! RAYON_NUM_THREADS=1 cargo run --release -p speckit_bench --example compare
//! perf record -g target/release/examples/compare --dir /tmp/ws --only model --runs 10
//! ```
//!
//! Generates N features (default 1000, mixed layout) into a temporary
//! directory, unless `--dir` names an existing workspace. Each workload runs
//! once to warm up, then `--runs` times (default 5); the best and median wall
//! times are printed. The breakdown times the steps of the model on their own
//! (discovery, reading, the bare pulldown pass over the same files, the
//! lossless tree, the full model) to show where time goes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use clap::Parser;
use speckit_bench::generator::{LayoutChoice, Options, write_workspace};
use speckit_bench::workload::{self, Step, Totals, WorkloadError};

#[derive(Debug, Parser)]
struct Args {
    /// Features to generate.
    #[arg(long, default_value_t = 1000)]
    features: usize,
    /// Layout of the generated features.
    #[arg(long, value_enum, default_value_t = LayoutChoice::Mixed)]
    layout: LayoutChoice,
    /// Measure this existing workspace instead of generating one.
    #[arg(long)]
    dir: Option<PathBuf>,
    /// Timed runs per workload (after one warm-up run).
    #[arg(long, default_value_t = 5)]
    runs: usize,
    /// Skip the per-step breakdown.
    #[arg(long)]
    no_breakdown: bool,
    /// Only run one workload, `--runs` times, and print nothing else
    /// (for profilers such as `perf record`).
    #[arg(long, value_enum)]
    only: Option<Only>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Only {
    Floor,
    Model,
}

struct Timing {
    best: Duration,
    median: Duration,
    totals: Totals,
}

fn time<F>(runs: usize, mut run: F) -> Result<Timing, WorkloadError>
where
    F: FnMut() -> Result<Totals, WorkloadError>,
{
    let totals = run()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        let again = std::hint::black_box(run()?);
        times.push(start.elapsed());
        assert_eq!(
            again, totals,
            "a workload gave different results on two runs"
        );
    }
    times.sort_unstable();
    Ok(Timing {
        best: times[0],
        median: times[times.len() / 2],
        totals,
    })
}

#[allow(
    clippy::cast_precision_loss,
    reason = "byte counts stay far below 2^52"
)]
fn megabytes(bytes: u64) -> f64 {
    bytes as f64 / 1e6
}

fn megabytes_per_second(bytes: u64, time: Duration) -> f64 {
    megabytes(bytes) / time.as_secs_f64()
}

fn millis(time: Duration) -> f64 {
    time.as_secs_f64() * 1e3
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args = Args::parse();
    let mut stdout = std::io::stdout().lock();
    let generated;
    let root: &Path = if let Some(dir) = &args.dir {
        dir
    } else {
        generated = tempfile::tempdir()?;
        let options = Options {
            features: args.features,
            layout: args.layout,
            seed: 1,
        };
        let start = Instant::now();
        write_workspace(generated.path(), &options, false)?;
        writeln!(
            stdout,
            "generated {} features ({:?} layout) in {:.2} s",
            args.features,
            args.layout,
            start.elapsed().as_secs_f64()
        )?;
        generated.path()
    };

    if let Some(only) = args.only {
        let timing = match only {
            Only::Floor => time(args.runs, || workload::floor(root))?,
            Only::Model => time(args.runs, || workload::model(root))?,
        };
        writeln!(stdout, "{only:?}: best {:.1} ms", millis(timing.best))?;
        return Ok(());
    }

    let floor = time(args.runs, || workload::floor(root))?;
    let model = time(args.runs, || workload::model(root))?;
    let threads = rayon::current_num_threads();
    writeln!(
        stdout,
        "{} files, {:.2} MB, {threads} rayon threads, best of {} runs after a warm-up",
        floor.totals.files,
        megabytes(floor.totals.bytes),
        args.runs
    )?;
    writeln!(stdout)?;
    writeln!(
        stdout,
        "{:<18} {:>10} {:>10} {:>10}",
        "workload", "best ms", "median ms", "MB/s"
    )?;
    for (name, timing) in [("floor", &floor), ("model", &model)] {
        writeln!(
            stdout,
            "{name:<18} {:>10.1} {:>10.1} {:>10.0}",
            millis(timing.best),
            millis(timing.median),
            megabytes_per_second(timing.totals.bytes, timing.best)
        )?;
    }
    writeln!(
        stdout,
        "ratio model / floor: {:.2} (best), {:.2} (median)",
        model.best.as_secs_f64() / floor.best.as_secs_f64(),
        model.median.as_secs_f64() / floor.median.as_secs_f64()
    )?;
    if floor.totals.files != model.totals.files {
        writeln!(
            stdout,
            "note: the floor read {} files, the model {} (files outside feature folders?)",
            floor.totals.files, model.totals.files
        )?;
    }

    if !args.no_breakdown {
        let workspace = speckit::open_workspace(Some(root), root)?;
        writeln!(stdout)?;
        writeln!(
            stdout,
            "breakdown (each step on its own, same files as the model):"
        )?;
        for step in Step::ALL {
            let timing = time(args.runs, || step.run(&workspace))?;
            writeln!(
                stdout,
                "{:<18} {:>10.1} {:>10.1} {:>10}",
                step.name(),
                millis(timing.best),
                millis(timing.median),
                if timing.totals.bytes == 0 {
                    "-".to_string()
                } else {
                    format!(
                        "{:.0}",
                        megabytes_per_second(timing.totals.bytes, timing.best)
                    )
                }
            )?;
        }
    }
    Ok(())
}
