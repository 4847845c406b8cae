//! The editors' preview page's strings, served by [`super::t`] as `Text::Preview`.

use std::borrow::Cow;

use crate::model::Counts;

/// A string of the preview page, with its parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum PreviewText<'a> {
    Title,
    Intro,
    /// The drop zone, which is the file input's label.
    Choose,
    ChooseAnother,
    OrDrop,
    /// The drop zone while a file is dragged over the page.
    DropNow,
    /// Before any file is read.
    NoFile,
    Reading(&'a str),
    /// The file could not be read: the browser's reason.
    ReadFailed(&'a str, &'a str),
    /// A file whose bytes are not all UTF-8 (a warning in the list).
    NotUtf8,
    /// The result, announced: the file name, its errors, its warnings.
    Verdict(&'a str, usize, usize),
    /// A file nothing of which can be shown.
    NothingShown,
    /// What the sheet holds, as the checker's `ok` line counts it.
    Holds(Counts),
    Problems(usize),
    Error,
    Warning,
    /// Where a problem is when its path is not all there (a missing field:
    /// its object); otherwise `Text::LineColumn`.
    NearLine(usize),
    /// The file's text.
    Source,
    SourceLabel(&'a str),
    /// A long file drawn in part: first line, last line, lines in all.
    LinesShown(usize, usize, usize),
    EarlierLines,
    LaterLines,
    Report,
    ReportPlaceholder,
}

/// The English text of a preview string.
pub fn preview_text(text: PreviewText<'_>) -> Cow<'static, str> {
    use PreviewText::*;
    let count = |n: usize, one: &str, many: &str| if n == 1 { format!("1 {one}") } else { format!("{n} {many}") };
    let s: &'static str = match text {
        Title => "Preview a fact sheet",
        Intro => "Open a fact-sheet file (JSON) to check it before you publish it: every problem with its place in the file, beside the report it makes. The file is read in this browser and sent nowhere.",
        Choose => "Choose a file",
        ChooseAnother => "Choose another file",
        OrDrop => "or drop it here",
        DropNow => "Drop the file to preview it",
        NoFile => "No file chosen yet.",
        Reading(name) => return format!("Reading {name}…").into(),
        ReadFailed(name, why) => return format!("{name} could not be read: {why}").into(),
        NotUtf8 => "the file is not valid UTF-8; its bad bytes read as U+FFFD (�)",
        Verdict(name, 0, 0) => return format!("{name}: no problems.").into(),
        Verdict(name, errors, warnings) => {
            let errors = if errors == 0 { "no errors".to_string() } else { count(errors, "error", "errors") };
            return match warnings {
                0 => format!("{name}: {errors}."),
                w => format!("{name}: {errors}, {}.", count(w, "warning", "warnings")),
            }
            .into();
        }
        NothingShown => "Nothing of it can be shown until the error is fixed.",
        Holds(c) => {
            let parts = [
                count(c.sections, "section", "sections"),
                count(c.paragraphs, "paragraph", "paragraphs"),
                count(c.events, "event", "events"),
                count(c.projects, "project", "projects"),
                count(c.partners, "partner", "partners"),
                count(c.countries, "country", "countries"),
            ];
            return format!("It holds {}.", parts.join(", ")).into();
        }
        Problems(n) => return format!("Problems ({n})").into(),
        Error => "Error",
        Warning => "Warning",
        NearLine(line) => return format!("near line {line}").into(),
        Source => "The file",
        SourceLabel(name) => return format!("{name}, line by line").into(),
        LinesShown(first, last, total) => return format!("Lines {first} to {last} of {total}").into(),
        EarlierLines => "Show earlier lines",
        LaterLines => "Show later lines",
        Report => "The report",
        ReportPlaceholder => "The report made from the file shows here, as visitors will see it.",
    };
    s.into()
}
