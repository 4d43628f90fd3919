//! The generator writes a workspace that speckit discovers and reads, and
//! the `speckit-bench-gen` binary guards its output directory.

use std::process::Command;

use speckit::workspace::Layout;
use speckit_bench::generator::{GenerateError, LayoutChoice, Options, write_workspace};
use speckit_bench::workload;

fn options(features: usize) -> Options {
    Options {
        features,
        layout: LayoutChoice::Mixed,
        seed: 7,
    }
}

#[test]
fn generated_workspace_opens_with_every_feature() {
    let dir = tempfile::tempdir().unwrap();
    let summary = write_workspace(dir.path(), &options(3), false).unwrap();
    assert_eq!(summary.features, 3);
    assert_eq!(summary.files, 2 + 3 * 3);

    let workspace = speckit::open_workspace(Some(dir.path()), dir.path()).unwrap();
    assert_eq!(workspace.features.len(), 3);
    let layouts: Vec<Layout> = workspace.features.iter().map(|f| f.layout).collect();
    assert_eq!(layouts, [Layout::Speckit, Layout::Speckit, Layout::Plugin]);
    assert!(
        workspace
            .layouts
            .iter()
            .all(|layout| layout.constitution.is_some())
    );
    assert_eq!(speckit::workspace_files(&workspace).len(), summary.files);

    // Both workloads see the same files and bytes.
    let floor = workload::floor(dir.path()).unwrap();
    let model = workload::model(dir.path()).unwrap();
    assert_eq!((floor.files, floor.bytes), (model.files, model.bytes));
    assert_eq!(floor.bytes, summary.bytes);
    for step in workload::Step::ALL {
        step.run(&workspace).unwrap();
    }
}

#[test]
fn refuses_a_non_empty_directory_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("README.md"), "keep me").unwrap();
    let error = write_workspace(dir.path(), &options(1), false).unwrap_err();
    assert!(matches!(error, GenerateError::NotEmpty { .. }), "{error}");
    write_workspace(dir.path(), &options(1), true).unwrap();
    assert_eq!(
        std::fs::read_to_string(dir.path().join("README.md")).unwrap(),
        "keep me"
    );
}

fn run(args: &[&str]) -> (i32, String) {
    let output = Command::new(env!("CARGO_BIN_EXE_speckit-bench-gen"))
        .args(args)
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    (output.status.code().unwrap(), stderr)
}

#[test]
fn binary_exits_2_on_bad_arguments_and_non_empty_output() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ws");
    let out = out.to_str().unwrap();

    let (code, stderr) = run(&["--features", "0", "--out", out]);
    assert_eq!(code, 2, "{stderr}");
    let (code, stderr) = run(&["--features", "2", "--out", out, "--layout", "kiro"]);
    assert_eq!(code, 2, "{stderr}");
    assert!(stderr.contains("kiro"), "{stderr}");
    let (code, stderr) = run(&["--out", out]);
    assert_eq!(code, 2, "{stderr}");

    let (code, stderr) = run(&["--features", "2", "--out", out, "--layout", "plugin"]);
    assert_eq!(code, 0, "{stderr}");
    let (code, stderr) = run(&["--features", "2", "--out", out]);
    assert_eq!(code, 2);
    assert!(
        stderr.contains("is not empty") && stderr.contains("--force"),
        "{stderr}"
    );
    let (code, stderr) = run(&["--features", "2", "--out", out, "--force"]);
    assert_eq!(code, 0, "{stderr}");
}

/// The benchmark measures the fast scanner on generated documents, so it
/// must build them exactly as pulldown-cmark does, and take all of them.
#[test]
fn generated_documents_take_the_fast_path_with_the_same_tree() {
    use speckit::md::{Builder, MdTree};
    for number in 1..=24 {
        let layout = LayoutChoice::Mixed.layout_of(number);
        let feature = speckit_bench::generator::generate_feature(11, number, layout);
        for (name, text) in [
            ("spec", &feature.spec),
            ("plan", &feature.plan),
            ("tasks", &feature.tasks),
        ] {
            let label = format!("feature {number} {name}");
            let fast = MdTree::parse_with(text, Builder::Fast)
                .unwrap_or_else(|| panic!("{label}: the fast path declined"));
            let pulldown = MdTree::parse_with(text, Builder::Pulldown).unwrap();
            assert_eq!(fast.nodes(), pulldown.nodes(), "{label}: nodes differ");
            assert_eq!(
                fast.sections(),
                pulldown.sections(),
                "{label}: sections differ"
            );
        }
    }
}
