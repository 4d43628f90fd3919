//! Wall times of the floor and the model, and their ratio.
//!
//! ```text
//! cargo run --release -p speckit_bench --example compare
//! cargo run --release -p speckit_bench --example compare -- --features 300 --runs 9
//! cargo run --release -p speckit_bench --example compare -- --dir path/to/workspace
//! RAYON_NUM_THREADS=1 cargo run --release -p speckit_bench --example compare
//! perf record --call-graph dwarf target/release/examples/compare --dir /tmp/ws --only model
//! ```
//!
//! Generates N features (default 1000, mixed layout) into a temporary
//! directory, unless `--dir` names an existing workspace. Each workload runs
//! once to warm up, then `--runs` times (default 5), interleaved with the
//! other workloads so that outside load hits all alike; the best and median wall
//! times are printed, with the least CPU time (all threads) of a run, which
//! other processes on a shared machine disturb less. Ratios to the floor are
//! given of the best and median times, and as the median of each round's
//! own ratio, which a machine whose speed drifts between rounds disturbs
//! least. The breakdown times the
//! steps of the model on their own (discovery, reading, the bare pulldown pass
//! over the same files, the lossless tree, the full model) to show where time
//! goes.

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
    /// The `speckit` binary whose `check` and `analyze` process wall time
    /// is measured (default: `target/release/speckit` when it exists).
    #[arg(long)]
    binary: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum Only {
    Floor,
    Model,
    Check,
    Analyze,
}

struct Timing {
    best: Duration,
    median: Duration,
    /// Each run's wall time, in the order of the rounds.
    rounds: Vec<Duration>,
    /// Least CPU time (all threads, user + system) of one run, when known.
    best_cpu: Option<Duration>,
    totals: Totals,
}

/// CPU time used so far by this process (all threads) and its waited-for
/// children (the `speckit` processes), from `/proc/self/stat` (Linux only;
/// 10 ms resolution). Less sensitive than wall time to other processes
/// competing for the cores.
fn cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the parenthesised command name; utime, stime, cutime and
    // cstime are the 14th to 17th fields of the whole line.
    let after_name = stat.rsplit_once(')')?.1;
    let mut fields = after_name.split_whitespace().skip(11);
    let mut ticks = 0u64;
    for _ in 0..4 {
        ticks += fields.next()?.parse::<u64>().ok()?;
    }
    Some(Duration::from_millis(ticks * 10))
}

/// Samples of one workload, collected one run at a time.
struct Samples {
    totals: Totals,
    times: Vec<Duration>,
    best_cpu: Option<Duration>,
}

type Workload<'a> = Box<dyn FnMut() -> Result<Totals, WorkloadError> + 'a>;

impl Samples {
    /// Runs the workload once to warm up and to learn its totals.
    fn start(run: &mut Workload<'_>) -> Result<Samples, WorkloadError> {
        Ok(Samples {
            totals: run()?,
            times: Vec::new(),
            best_cpu: None,
        })
    }

    fn measure(&mut self, run: &mut Workload<'_>) -> Result<(), WorkloadError> {
        let cpu_start = cpu_time();
        let start = Instant::now();
        let totals = std::hint::black_box(run()?);
        self.times.push(start.elapsed());
        if let (Some(before), Some(after)) = (cpu_start, cpu_time()) {
            let used = after.saturating_sub(before);
            self.best_cpu = Some(self.best_cpu.map_or(used, |best| best.min(used)));
        }
        assert_eq!(
            totals, self.totals,
            "a workload gave different results on two runs"
        );
        Ok(())
    }

    fn finish(mut self) -> Timing {
        let rounds = self.times.clone();
        self.times.sort_unstable();
        Timing {
            rounds,
            best: self.times[0],
            median: self.times[self.times.len() / 2],
            best_cpu: self.best_cpu,
            totals: self.totals,
        }
    }
}

/// Times the workloads `runs` times each, interleaved (A B C, B C A, …) so
/// that load from other processes falls on all of them alike.
fn time_all(runs: usize, workloads: &mut [Workload<'_>]) -> Result<Vec<Timing>, WorkloadError> {
    let mut samples = workloads
        .iter_mut()
        .map(Samples::start)
        .collect::<Result<Vec<_>, _>>()?;
    let count = workloads.len();
    for round in 0..runs.max(1) {
        for offset in 0..count {
            let index = (round + offset) % count;
            samples[index].measure(&mut workloads[index])?;
        }
    }
    Ok(samples.into_iter().map(Samples::finish).collect())
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

/// The allocator of the `speckit` binary, so that library, process and
/// floor figures are measured alike.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

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
        let mut run: Workload<'_> = match only {
            Only::Floor => Box::new(|| workload::floor(root)),
            Only::Model => Box::new(|| workload::model(root)),
            Only::Check => Box::new(|| workload::check(root)),
            Only::Analyze => Box::new(|| workload::analyze(root)),
        };
        let timing = time_all(args.runs, std::slice::from_mut(&mut run))?.remove(0);
        writeln!(stdout, "{only:?}: best {:.1} ms", millis(timing.best))?;
        return Ok(());
    }

    let binary = args.binary.clone().or_else(|| {
        let default = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/release/speckit");
        default.is_file().then_some(default)
    });
    let mut workloads: Vec<(&str, Workload<'_>)> = vec![
        ("floor", Box::new(|| workload::floor(root))),
        ("model", Box::new(|| workload::model(root))),
        ("check (library)", Box::new(|| workload::check(root))),
        ("analyze (library)", Box::new(|| workload::analyze(root))),
    ];
    if let Some(binary) = &binary {
        workloads.push((
            "check (process)",
            Box::new(move || workload::command(binary, root, &["check", "--format", "json"])),
        ));
        workloads.push((
            "analyze (process)",
            Box::new(move || workload::command(binary, root, &["analyze", "--format", "json"])),
        ));
    }
    let (names, mut runs): (Vec<&str>, Vec<Workload<'_>>) = workloads.into_iter().unzip();
    let timings = time_all(args.runs, &mut runs)?;
    let floor = &timings[0];
    let model = &timings[1];
    let threads = rayon::current_num_threads();
    writeln!(
        stdout,
        "{} files, {:.2} MB, {threads} rayon threads, best of {} runs after a warm-up",
        floor.totals.files,
        megabytes(floor.totals.bytes),
        args.runs
    )?;
    writeln!(stdout)?;
    header(&mut stdout)?;
    for (name, timing) in names.iter().zip(&timings) {
        row(&mut stdout, name, timing)?;
    }
    writeln!(stdout)?;
    ratios(&mut stdout, &names, &timings)?;
    if binary.is_none() {
        writeln!(
            stdout,
            "note: no speckit binary (build it with `cargo build --release -p speckit_cli` or pass --binary) — process times skipped"
        )?;
    }
    if floor.totals.files != model.totals.files {
        writeln!(
            stdout,
            "note: the floor read {} files, the model {} (files outside feature folders?)",
            floor.totals.files, model.totals.files
        )?;
    }

    if !args.no_breakdown {
        breakdown(&mut stdout, root, args.runs)?;
    }
    Ok(())
}

/// The median over the rounds of each round's ratio of `timing` to `floor`:
/// both were run in the same round, a few hundred milliseconds apart, so a
/// machine that slows down for a while slows both.
fn paired_ratio(timing: &Timing, floor: &Timing) -> f64 {
    let mut ratios: Vec<f64> = timing
        .rounds
        .iter()
        .zip(&floor.rounds)
        .map(|(time, floor)| time.as_secs_f64() / floor.as_secs_f64())
        .collect();
    ratios.sort_unstable_by(f64::total_cmp);
    ratios.get(ratios.len() / 2).copied().unwrap_or(f64::NAN)
}

fn ratios(out: &mut impl Write, names: &[&str], timings: &[Timing]) -> std::io::Result<()> {
    let floor = &timings[0];
    for (name, timing) in names.iter().zip(timings).skip(1) {
        writeln!(
            out,
            "ratio {name} / floor: {:.2} (best wall), {:.2} (median wall), {:.2} (median of same-round ratios), {} (best CPU)",
            timing.best.as_secs_f64() / floor.best.as_secs_f64(),
            timing.median.as_secs_f64() / floor.median.as_secs_f64(),
            paired_ratio(timing, floor),
            match (timing.best_cpu, floor.best_cpu) {
                (Some(cpu), Some(floor)) if !floor.is_zero() =>
                    format!("{:.2}", cpu.as_secs_f64() / floor.as_secs_f64()),
                _ => "-".to_string(),
            }
        )?;
    }
    Ok(())
}

fn breakdown(
    out: &mut impl Write,
    root: &Path,
    runs: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    let workspace = speckit::open_workspace(Some(root), root)?;
    writeln!(out)?;
    writeln!(
        out,
        "breakdown (each step on its own, same files as the model):"
    )?;
    header(out)?;
    let workspace = &workspace;
    let mut steps: Vec<Workload<'_>> = Step::ALL
        .iter()
        .map(|&step| -> Workload<'_> { Box::new(move || step.run(workspace)) })
        .collect();
    let timings = time_all(runs, &mut steps)?;
    for (step, timing) in Step::ALL.iter().zip(&timings) {
        row(out, step.name(), timing)?;
    }
    Ok(())
}

fn header(out: &mut impl Write) -> std::io::Result<()> {
    writeln!(
        out,
        "{:<26} {:>9} {:>9} {:>9} {:>7}",
        "", "best ms", "median ms", "CPU ms", "MB/s"
    )
}

fn row(out: &mut impl Write, name: &str, timing: &Timing) -> std::io::Result<()> {
    let cpu = timing
        .best_cpu
        .map_or_else(|| "-".to_string(), |cpu| format!("{:.0}", millis(cpu)));
    let throughput = if timing.totals.bytes == 0 {
        "-".to_string()
    } else {
        format!(
            "{:.0}",
            megabytes_per_second(timing.totals.bytes, timing.best)
        )
    };
    writeln!(
        out,
        "{name:<26} {:>9.1} {:>9.1} {cpu:>9} {throughput:>7}",
        millis(timing.best),
        millis(timing.median)
    )
}
