//! The editors' preview page's strings: keys `preview.*` of the catalogues,
//! served by [`super::t`] as `Text::Preview`; [`super::Words::verdict`] and
//! [`super::Words::holds`] put sentences together from them.

use std::borrow::Cow;

use super::keyed::keyed;
use super::{digits, Arg, Said, Text, Words};
use crate::model::Counts;

keyed! {
    prefix "preview.";
    #[derive(Debug, Clone, PartialEq)]
    pub enum PreviewText<'a> {
        Title,
        Intro,
        Choose,
        ChooseAnother,
        OrDrop,
        DropNow,
        NoFile,
        Reading(&'a str),
        ReadFailed(&'a str, &'a str),
        NotUtf8,
        /// The verdict on a file: its name, then its errors (and warnings) in words.
        VerdictClean(&'a str),
        Verdict(&'a str, &'a str),
        VerdictWarnings(&'a str, &'a str, &'a str),
        NoErrors,
        Errors(usize),
        Warnings(usize),
        NothingShown,
        /// What a file holds, each count in words.
        Holds([&'a str; 6]),
        Sections(usize),
        Paragraphs(usize),
        Events(usize),
        Projects(usize),
        Partners(usize),
        Countries(usize),
        Problems(usize),
        Error,
        Warning,
        NearLine(usize),
        Source,
        SourceLabel(&'a str),
        LinesShown(usize, usize, usize),
        EarlierLines,
        LaterLines,
        Report,
        ReportPlaceholder,
    }
}

impl<'a> PreviewText<'a> {
    pub fn said(&self) -> Said<'a> {
        use PreviewText::*;
        let s = |v: &'a str| Arg::Text(Cow::Borrowed(v));
        let args = match self {
            Reading(name) | VerdictClean(name) | SourceLabel(name) => vec![("name", s(name))],
            ReadFailed(name, why) => vec![("name", s(name)), ("why", s(why))],
            Verdict(name, errors) => vec![("name", s(name)), ("errors", s(errors))],
            VerdictWarnings(name, errors, warnings) => {
                vec![("name", s(name)), ("errors", s(errors)), ("warnings", s(warnings))]
            }
            Errors(n) | Warnings(n) | Sections(n) | Paragraphs(n) | Events(n) | Projects(n) | Partners(n)
            | Countries(n) | Problems(n) => vec![("n", Arg::from(*n))],
            Holds(parts) => ["sections", "paragraphs", "events", "projects", "partners", "countries"]
                .into_iter()
                .zip(parts.iter())
                .map(|(name, part)| (name, s(part)))
                .collect(),
            NearLine(line) => vec![("line", digits(*line))],
            LinesShown(first, last, total) => {
                vec![("first", digits(*first)), ("last", digits(*last)), ("total", digits(*total))]
            }
            _ => vec![],
        };
        Said { key: self.key(), args }
    }
}

impl Words {
    /// "kenya.json: 2 errors, 1 warning.", "kenya.json: no problems."
    pub fn verdict(&self, name: &str, errors: usize, warnings: usize) -> String {
        let p = |text: PreviewText<'_>| self.t(Text::Preview(text));
        let errors_text = if errors == 0 { p(PreviewText::NoErrors) } else { p(PreviewText::Errors(errors)) };
        match (errors, warnings) {
            (0, 0) => p(PreviewText::VerdictClean(name)),
            (_, 0) => p(PreviewText::Verdict(name, &errors_text)),
            (_, w) => p(PreviewText::VerdictWarnings(name, &errors_text, &p(PreviewText::Warnings(w)))),
        }
    }

    /// "It holds 4 sections, 12 paragraphs, …"
    pub fn holds(&self, c: &Counts) -> String {
        let p = |text: PreviewText<'_>| self.t(Text::Preview(text));
        let parts = [
            p(PreviewText::Sections(c.sections)),
            p(PreviewText::Paragraphs(c.paragraphs)),
            p(PreviewText::Events(c.events)),
            p(PreviewText::Projects(c.projects)),
            p(PreviewText::Partners(c.partners)),
            p(PreviewText::Countries(c.countries)),
        ];
        p(PreviewText::Holds([&parts[0], &parts[1], &parts[2], &parts[3], &parts[4], &parts[5]]))
    }
}
