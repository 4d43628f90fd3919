//! Rendering a template source with a [`TemplateContext`].
//!
//! Templates use minijinja syntax (`{{ feature_name }}`, `{% for story in
//! stories %}`). Block tags swallow their own line, the final newline is
//! kept, nothing is HTML-escaped, and printing an unknown variable is an
//! error, so a typo in a user's override is reported instead of rendering as
//! an empty string. Values are never re-rendered: a `{{` inside a feature
//! name stays literal text and is reported as leftover template syntax.

use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior, Value};

use crate::builtin::builtin;
use crate::context::TemplateContext;
use crate::name::{Layout, TemplateName};

/// Why a template could not be rendered. Every variant names the template
/// and a 1-based line.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TemplateError {
    /// The source is not a valid template (line in the source).
    #[error("template `{template}` line {line}: {message}")]
    Syntax {
        template: String,
        line: usize,
        message: String,
    },
    /// The template failed while rendering (line in the source).
    #[error("cannot render template `{template}` (line {line}): {message}")]
    Render {
        template: String,
        line: usize,
        message: String,
    },
    /// The output still contains template syntax (line in the output).
    #[error("template `{template}` left `{marker}` in its output at line {line}")]
    Leftover {
        template: String,
        line: usize,
        marker: String,
    },
}

/// Renders an anonymous template source; errors call it `template`.
pub fn render(source: &str, context: &TemplateContext) -> Result<String, TemplateError> {
    render_named("template", source, context)
}

/// Renders a built-in template.
pub fn render_builtin(
    name: TemplateName,
    layout: Layout,
    context: &TemplateContext,
) -> Result<String, TemplateError> {
    let template = format!("{}/{}.md", layout.as_str(), name.as_str());
    render_named(&template, builtin(name, layout), context)
}

/// Renders `source`; `name` (a file name such as
/// `.specify/templates/overrides/plan.md`) is used in error messages.
pub fn render_named(
    name: &str,
    source: &str,
    context: &TemplateContext,
) -> Result<String, TemplateError> {
    let environment = environment(name)?;
    let template = environment
        .template_from_named_str(name, source)
        .map_err(|error| convert(name, &error))?;
    let mut output = template
        .render(Value::from(Serde(context)))
        .map_err(|error| convert(name, &error))?;
    if let Some((line, marker)) = leftover(&output) {
        return Err(TemplateError::Leftover {
            template: name.to_string(),
            line,
            marker: marker.to_string(),
        });
    }
    if !output.ends_with('\n') {
        output.push('\n');
    }
    Ok(output)
}

fn environment<'source>(name: &str) -> Result<Environment<'source>, TemplateError> {
    let syntax = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .keep_trailing_newline(true)
        .build()
        .map_err(|error| convert(name, &error))?;
    let mut environment = Environment::new();
    environment.set_syntax(syntax);
    environment.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    environment.set_auto_escape_callback(|_| AutoEscape::None);
    Ok(environment)
}

fn convert(name: &str, error: &minijinja::Error) -> TemplateError {
    let message = match error.detail() {
        Some(detail) => format!("{}: {detail}", error.kind()),
        None => error.kind().to_string(),
    };
    let template = name.to_string();
    let line = error.line().unwrap_or(1).max(1);
    if error.kind() == ErrorKind::SyntaxError {
        TemplateError::Syntax {
            template,
            line,
            message,
        }
    } else {
        TemplateError::Render {
            template,
            line,
            message,
        }
    }
}

/// The first `{{` or `{%` in the output, with its 1-based line.
fn leftover(output: &str) -> Option<(usize, &'static str)> {
    let at = ["{{", "{%"]
        .into_iter()
        .filter_map(|marker| output.find(marker).map(|at| (at, marker)))
        .min()?;
    let line = output
        .get(..at.0)
        .map_or(0, |before| before.matches('\n').count())
        + 1;
    Some((line, at.1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::context::Story;

    fn check(source: &str, context: &TemplateContext, expected: &str) {
        assert_eq!(render(source, context).as_deref(), Ok(expected));
    }

    #[test]
    fn missing_values_fall_back_to_placeholders() {
        let source = "# Tasks: {{ feature_name or \"[FEATURE NAME]\" }}\n";
        check(
            source,
            &TemplateContext::default(),
            "# Tasks: [FEATURE NAME]\n",
        );
        let context = TemplateContext {
            feature_name: Some("Login".into()),
            ..TemplateContext::default()
        };
        check(source, &context, "# Tasks: Login\n");
    }

    #[test]
    fn block_tags_leave_no_blank_lines_and_the_final_newline_is_kept() {
        let source = "\
{% for story in stories %}
- {{ story.number }}. {{ story.title }}
{% endfor %}
end";
        let context = TemplateContext {
            stories: vec![Story::new(1, "Sign in", 1), Story::new(2, "Sign out", 2)],
            ..TemplateContext::default()
        };
        check(source, &context, "- 1. Sign in\n- 2. Sign out\nend\n");
    }

    #[test]
    fn syntax_errors_name_the_template_and_line() {
        let error = render_named("plan.md", "ok\n{% if %}\n", &TemplateContext::default());
        let Err(TemplateError::Syntax { template, line, .. }) = error else {
            panic!("expected a syntax error, got {error:?}");
        };
        assert_eq!((template.as_str(), line), ("plan.md", 2));
    }

    #[test]
    fn printing_an_unknown_variable_is_an_error() {
        let error = render_named(
            "spec.md",
            "a\nb {{ feture_name }}\n",
            &TemplateContext::default(),
        );
        let message = error.as_ref().map_err(ToString::to_string).err();
        assert_eq!(
            message.as_deref(),
            Some("cannot render template `spec.md` (line 2): undefined value")
        );
    }

    #[test]
    fn values_are_not_rendered_again() {
        let context = TemplateContext {
            feature_name: Some("Use {{ braces }}".into()),
            ..TemplateContext::default()
        };
        let error = render("title\n# {{ feature_name }}\n", &context);
        assert_eq!(
            error,
            Err(TemplateError::Leftover {
                template: "template".into(),
                line: 2,
                marker: "{{".into(),
            })
        );
    }
}
