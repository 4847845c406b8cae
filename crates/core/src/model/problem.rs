//! A problem found in a fact-sheet file: where (a JSON path such as
//! `projects[3].funding.amount_usd`), how bad, and what, in plain English;
//! and [`excerpt`], how a value from the file is quoted in a message.

use std::fmt;

/// How bad a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The file is wrong: the item is dropped or shown incomplete.
    Error,
    /// Worth fixing, but nothing is lost (an unknown field, say).
    Warning,
}

/// One problem in a fact-sheet file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub severity: Severity,
    /// JSON path of the offending value, `$` for the whole document.
    pub path: String,
    /// Plain-English description, one sentence.
    pub message: String,
    /// 1-based line and column, for syntax errors.
    pub line_column: Option<(usize, usize)>,
}

impl Problem {
    pub fn error(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { severity: Severity::Error, path: path.into(), message: message.into(), line_column: None }
    }

    pub fn warning(path: impl Into<String>, message: impl Into<String>) -> Self {
        Problem { severity: Severity::Warning, path: path.into(), message: message.into(), line_column: None }
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl fmt::Display for Problem {
    /// `error: projects[3].funding.amount_usd: the amount is negative (-5)`,
    /// with `line L, column C` for syntax errors.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let level = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        match self.line_column {
            Some((line, column)) => {
                write!(f, "{level}: line {line}, column {column}: {}", self.message)
            }
            None => write!(f, "{level}: {}: {}", self.path, self.message),
        }
    }
}

/// A value quoted in a message: at most 80 characters, control characters
/// written as escapes, so a hostile value cannot flood or garble the alert.
pub fn excerpt(value: &str) -> String {
    excerpt_to(value, 80)
}

/// [`excerpt`] with another length limit, in characters.
pub fn excerpt_to(value: &str, max: usize) -> String {
    let mut out = String::new();
    for c in value.chars().take(max) {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    if value.chars().nth(max).is_some() {
        out.push('…');
    }
    out
}
