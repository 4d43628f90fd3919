//! `--format junit`: one test suite per file, one failing test case per
//! finding, one passing case for a clean file — CI dashboards read it.

use quick_junit::{NonSuccessKind, Report as JunitReport, TestCase, TestCaseStatus, TestSuite};
use speckit_diagnostics::FileId;

use crate::{Positions, Report};

pub fn render_junit(report: &Report<'_>) -> String {
    let positions = Positions::new(report);
    let mut junit = JunitReport::new("speckit check");
    for (index, file) in report.files.iter().enumerate() {
        let id = FileId(u32::try_from(index).unwrap_or(u32::MAX));
        let mut suite = TestSuite::new(file.path);
        let findings: Vec<_> = report
            .diagnostics
            .iter()
            .filter(|diagnostic| diagnostic.file == id)
            .collect();
        if findings.is_empty() {
            suite.add_test_case(TestCase::new("no findings", TestCaseStatus::success()));
        }
        for diagnostic in findings {
            let (start, _) = positions.range(diagnostic.file, diagnostic.span);
            let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
            status.set_message(diagnostic.message.as_str());
            status.set_type(diagnostic.code);
            let mut description = format!(
                "{}:{}:{}: {}",
                file.path, start.line, start.column, diagnostic.message
            );
            if let Some(help) = &diagnostic.help {
                description.push_str("\nhelp: ");
                description.push_str(help);
            }
            status.set_description(description);
            let name = format!("{} {}:{}", diagnostic.code, start.line, start.column);
            let mut case = TestCase::new(name, status);
            case.set_classname(file.path);
            suite.add_test_case(case);
        }
        junit.add_test_suite(suite);
    }
    junit.to_string().unwrap_or_default()
}
