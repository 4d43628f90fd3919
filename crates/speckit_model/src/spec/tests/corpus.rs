//! A by-hand check over the shared corpus of real specs.

use crate::common::assert_spans_slice_back;
use crate::spec::Spec;

/// Parses every `spec.md` of the shared corpus and prints a summary line per
/// file. Run with `cargo test -p speckit_model corpus -- --ignored --nocapture`.
#[test]
#[ignore = "reads the shared corpus; run by hand to eyeball real-world variants"]
#[allow(clippy::print_stdout)]
fn corpus_specs() {
    let Some(documents) = crate::common::corpus_documents(|path| {
        path.file_name().is_some_and(|name| name == "spec.md")
    }) else {
        return;
    };
    for doc in documents {
        let spec = Spec::parse(&doc);
        assert_spans_slice_back(&doc.text, &spec);
        let scenarios: usize = spec
            .stories
            .iter()
            .map(|story| story.scenarios.len())
            .sum::<usize>()
            + spec.scenarios.len();
        let unknown: Vec<&str> = spec
            .outline
            .iter()
            .filter(|entry| !entry.known)
            .map(|entry| entry.title.value)
            .collect();
        println!(
            "{:?}\tstories={} scen={} reqs={} ent={} clar={} mark={} edge={} assume={} unknown={:?}\t{}",
            spec.generation,
            spec.stories.len(),
            scenarios,
            spec.requirements.len(),
            spec.entities.len(),
            spec.clarifications
                .iter()
                .map(|s| s.entries.len())
                .sum::<usize>(),
            spec.markers.len(),
            spec.edge_cases.len(),
            spec.assumptions.len(),
            unknown,
            doc.path
        );
    }
}
