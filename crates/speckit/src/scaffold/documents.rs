//! `speckit new plan|tasks|checklist FEATURE [NAME]`: a document from its
//! template, filled with what the feature already says — its name, the spec
//! link, today's date, the author, and the spec's user stories and
//! requirements where the template has room for them.

use schemars::JsonSchema;
use serde::Serialize;
use speckit_diagnostics::FileId;
use speckit_model::{Document, Spec, strip_markup};
use speckit_templates::{Requirement, Story, TemplateContext, TemplateName, render_named};
use speckit_workspace::{Feature, Workspace, fs};

use super::ScaffoldError;
use super::slug::{clean_slug, title_from_slug};
use super::templates::{TemplateSource, resolve};

/// What `new plan|tasks|checklist` wrote.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, JsonSchema)]
pub struct NewDocument {
    /// The new file, relative to the workspace root.
    pub path: String,
    /// `builtin` or the override file used.
    pub template: String,
    pub stories: usize,
    pub requirements: usize,
}

/// Values known from the feature and its spec.
fn context(
    workspace: &Workspace,
    feature: &Feature,
    today: &str,
    author: Option<String>,
) -> Result<TemplateContext, ScaffoldError> {
    let mut context = TemplateContext {
        feature_name: Some(title_from_slug(&feature.slug)),
        feature_number: Some(feature.number.clone()),
        slug: Some(feature.slug.clone()),
        branch: Some(feature.branch_name()),
        date: Some(today.to_string()),
        author,
        plan_link: feature.document("plan.md").map(|_| "./plan.md".to_string()),
        ..TemplateContext::default()
    };
    let Some(entry) = feature.document("spec.md") else {
        return Ok(context);
    };
    context.spec_link = Some("./spec.md".to_string());
    let document = Document::parse(
        FileId(0),
        entry.path.clone(),
        fs::read_file(&workspace.path(&entry.path))?,
    );
    let spec = Spec::parse(&document);
    if let Some(name) = spec
        .feature_name
        .map(|name| strip_markup(name.value))
        .filter(|name| is_real_name(name))
    {
        context.feature_name = Some(name.to_string());
    }
    for (index, story) in spec.stories.iter().enumerate() {
        let number = story
            .number
            .and_then(|n| n.value.parse().ok())
            .unwrap_or_else(|| u32::try_from(index + 1).unwrap_or(u32::MAX));
        let title = story.title.map_or_else(
            || format!("Story {number}"),
            |title| strip_markup(title.value).to_string(),
        );
        let priority = story
            .priority
            .and_then(|priority| priority.value.trim_start_matches(['P', 'p']).parse().ok())
            .unwrap_or(number);
        context.stories.push(Story::new(number, title, priority));
    }
    for requirement in &spec.requirements {
        context.requirements.push(Requirement::new(
            requirement.id.value,
            one_line(requirement.text.value),
        ));
    }
    Ok(context)
}

/// A spec still titled with the template's placeholder gives no name.
fn is_real_name(name: &str) -> bool {
    !name.is_empty() && !name.starts_with('[') && !name.starts_with('{')
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Writes `plan.md`, `tasks.md` or `checklists/<name>.md` for `feature`.
pub fn new_document(
    workspace: &Workspace,
    feature: &Feature,
    kind: TemplateName,
    name: Option<&str>,
    force: bool,
    today: &str,
    author: Option<String>,
) -> Result<NewDocument, ScaffoldError> {
    let mut context = context(workspace, feature, today, author)?;
    let relative = match kind {
        TemplateName::Checklist => {
            let slug = clean_slug(name.unwrap_or("requirements"))?;
            context.checklist_type = Some(title_from_slug(&slug));
            // Checklists live one folder down from the spec and plan.
            context.spec_link = context.spec_link.take().map(|_| "../spec.md".to_string());
            context.plan_link = context.plan_link.take().map(|_| "../plan.md".to_string());
            format!("{}/checklists/{slug}.md", feature.dir)
        }
        TemplateName::Constitution | TemplateName::Spec => {
            // `new feature` writes specs; constitutions belong to `init`.
            format!("{}/{}.md", feature.dir, kind.as_str())
        }
        TemplateName::Plan | TemplateName::Tasks => format!("{}/{}.md", feature.dir, kind.as_str()),
    };
    let path = workspace.path(&relative);
    if path.exists() && !force {
        return Err(ScaffoldError::Exists { path: relative });
    }
    let (source, origin) = resolve(workspace, kind, feature.layout)?;
    let template = match &origin {
        TemplateSource::Builtin => "builtin".to_string(),
        TemplateSource::Override(path) => path.clone(),
    };
    let text = render_named(&format!("{}.md", kind.as_str()), &source, &context)?;
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(|source| ScaffoldError::Create {
            path: relative.clone(),
            source,
        })?;
    }
    fs::write_atomic(&path, text.as_bytes())?;
    Ok(NewDocument {
        path: relative,
        template,
        stories: context.stories.len(),
        requirements: context.requirements.len(),
    })
}
